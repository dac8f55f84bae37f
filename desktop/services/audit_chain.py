"""The SHA-256 hash chain of the audit log: appending a row and checking the whole chain."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop.models.audit import AuditEntry

GENESIS = "0" * 64
TRIGGERS = ("audit_log_no_update", "audit_log_no_delete")


def entry_hash(
    entry_id: int,
    at: datetime,
    actor: str,
    action: str,
    entity_type: str,
    entity_id: str,
    fields: str,
    outcome: str,
    prev_hash: str,
) -> str:
    payload = json.dumps(
        [
            entry_id,
            at.isoformat(),
            actor,
            action,
            entity_type,
            entity_id,
            fields,
            outcome,
            prev_hash,
        ],
        ensure_ascii=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("ascii")).hexdigest()


def append(
    session: Session,
    at: datetime,
    actor: str,
    action: str,
    entity_type: str = "",
    entity_id: str = "",
    fields: Sequence[str] = (),
    outcome: str = "",
) -> AuditEntry:
    """Adds a row in the caller's transaction (BEGIN IMMEDIATE keeps the chain linear)."""
    last = session.execute(
        select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    entry_id = 1 if last is None else last.id + 1
    prev_hash = GENESIS if last is None else last.hash
    at = at.astimezone(UTC)
    joined_fields = ",".join(sorted(fields))
    entry = AuditEntry(
        id=entry_id,
        at=at,
        actor=actor,
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        fields=joined_fields,
        outcome=outcome,
        prev_hash=prev_hash,
        hash=entry_hash(
            entry_id, at, actor, action, entity_type, entity_id, joined_fields, outcome, prev_hash
        ),
    )
    session.add(entry)
    session.flush()
    return entry


@dataclass(frozen=True)
class ChainVerdict:
    rows_checked: int
    problems: list[str]

    @property
    def intact(self) -> bool:
        return not self.problems


def head(session: Session) -> tuple[int, str] | None:
    """The newest row's id and hash."""
    row = session.execute(
        select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    return None if row is None else (row.id, row.hash)


def verify(session: Session, recorded_head: tuple[int, str] | None = None) -> ChainVerdict:
    """Checks every row; recorded_head is the newest row noted outside the database at lock."""
    problems: list[str] = []
    present = set(
        session.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")
        ).scalars()
    )
    problems.extend(
        f"the audit log's protection trigger {name} has been removed"
        for name in TRIGGERS
        if name not in present
    )
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()
    count = _check_rows(rows, problems)
    if recorded_head is not None:
        head_id, head_hash = recorded_head
        stored = session.execute(
            select(AuditEntry.hash).where(AuditEntry.id == head_id)
        ).scalar_one_or_none()
        if stored is None:
            problems.append(
                f"audit row {head_id}: missing, though it was the newest row when the vault was "
                "last locked (rows were removed from the end of the log)"
            )
        elif stored != head_hash:
            problems.append(
                f"audit row {head_id}: differs from the row recorded when the vault was last locked"
            )
    return ChainVerdict(count, problems)


def _check_rows(rows: Iterable[AuditEntry], problems: list[str]) -> int:
    expected_prev = GENESIS
    expected_id = 1
    count = 0
    for row in rows:
        count += 1
        if row.id != expected_id:
            problems.append(
                f"audit row {row.id}: expected row {expected_id} here (a row is missing)"
            )
        if row.prev_hash != expected_prev:
            problems.append(
                f"audit row {row.id}: does not follow the row before it "
                "(a row was removed, inserted or reordered)"
            )
        recomputed = entry_hash(
            row.id,
            row.at,
            row.actor,
            row.action,
            row.entity_type,
            row.entity_id,
            row.fields,
            row.outcome,
            row.prev_hash,
        )
        if recomputed != row.hash:
            problems.append(f"audit row {row.id}: its contents were changed after it was written")
        expected_prev = row.hash
        expected_id = row.id + 1
    return count

"""Secure disposal: a record and everything belonging to it leave the vault for good.

Rows are deleted with secure_delete on (freed pages are overwritten) and FTS5's secure-delete
(the full-text index drops the words at once); VACUUM then rebuilds the file without the freed
pages, and a TRUNCATE checkpoint empties the write-ahead log, which held copies of them. Only a
disposal log entry and an audit row (kind and ids) are left.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.logging_setup import LOG
from desktop.models.accounts import Account
from desktop.models.choices import RecordKind, RetentionDecisionKind
from desktop.models.data_protection import DisposalLogEntry
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.disposal_targets import (
    GUARD_TRIGGERS,
    DisposalPlan,
    chunks,
    condition,
    plan_disposal,
)
from desktop.services.record_access import RecordNotFoundError
from desktop.services.retention_holds import RecordHeldError, active_hold
from desktop.services.retention_records import (
    RecordFacts,
    as_seen_by,
    closed_to,
    record_facts,
)
from desktop.services.retention_review_service import latest_decision
from desktop.services.retention_schedule import (
    RetentionInputError,
    load_rules,
    require_coordinator,
)

CHECKPOINT_ATTEMPTS = 3
# What the coordinator types to confirm a disposal that has no case reference.
CONFIRM_WORD = "DISPOSE"

Progress = Callable[[int], None]


class DisposalRefusedError(RetentionInputError):
    """A disposal that may not go ahead; the message says why and what to do."""


@dataclass(frozen=True)
class DisposalPreview:
    kind: RecordKind
    record_id: int
    label: str
    # What the coordinator must type: the case reference, or DISPOSE.
    confirm_text: str
    # "chronology entries (12)", … (only what there is).
    lines: list[str]
    notes: list[str]
    rows: int
    # Why it cannot go ahead now (a hold, no decision), "" when it can.
    refusal: str


@dataclass(frozen=True)
class DisposalResult:
    log_id: int
    rows_removed: int


@dataclass(frozen=True)
class DisposalLogRow:
    id: int
    kind: RecordKind
    record_id: int
    rule: str
    rows_removed: int
    authorised_by: str
    disposed_at: datetime


def _refusal(
    session: Session, facts: RecordFacts, plan: DisposalPlan
) -> RetentionInputError | None:
    """Why the disposal may not go ahead now, or None. A hold on anything that would go with
    the record (its coaching plan, a therapy case) stops it too."""
    hold = active_hold(session, plan.records)
    if hold is not None:
        return RecordHeldError(hold)
    if facts.open:
        return DisposalRefusedError(
            f"This {facts.kind.label.lower()} is still open: it cannot be disposed of."
        )
    decision = latest_decision(session, facts.kind, facts.record_id)
    if decision is None or decision.decision is not RetentionDecisionKind.DISPOSE:
        return DisposalRefusedError(
            "Record a decision to dispose of this record first (Dispose… on the review list)."
        )
    return None


def _lines(counted: dict[str, int]) -> list[str]:
    return [f"{what} ({number})" for what, number in counted.items() if number]


class DisposalService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def preview(self, kind: RecordKind, record_id: int) -> DisposalPreview:
        """What disposing of the record would remove, for the confirmation."""
        require_coordinator(self._user, "dispose of records")
        with self._sessions() as session:
            try:
                facts = record_facts(session, kind, record_id)
                if facts is None:
                    raise RecordNotFoundError()
                plan = plan_disposal(session, kind, record_id)
                refusal = _refusal(session, facts, plan)
                facts = as_seen_by(facts, closed_to(session, self._user, self._clock.now()))
                # The deletions themselves, rolled back: counted exactly as disposal will count
                # them (a row reached two ways is counted once).
                counted = self._remove(session, plan, lambda _: None)
            finally:
                session.rollback()
            return DisposalPreview(
                kind,
                record_id,
                facts.label,
                facts.reference or CONFIRM_WORD,
                _lines(counted),
                plan.notes,
                sum(counted.values()),
                "" if refusal is None else str(refusal),
            )

    def dispose(
        self, kind: RecordKind, record_id: int, confirmation: str, progress: Progress
    ) -> DisposalResult:
        """Removes the record for good; slow on a large vault (VACUUM), so run it off the GUI
        thread. progress gets 0-100."""
        require_coordinator(self._user, "dispose of records")
        progress(0)
        now = self._clock.now()
        with self._sessions.begin() as session:
            facts = record_facts(session, kind, record_id)
            if facts is None:
                raise RecordNotFoundError()
            plan = plan_disposal(session, kind, record_id)
            refusal = _refusal(session, facts, plan)
            if refusal is not None:
                raise refusal
            expected = facts.reference or CONFIRM_WORD
            if confirmation.strip().upper() != expected.upper():
                raise DisposalRefusedError(f"Type {expected} to confirm the disposal.")
            rule = load_rules(session)[kind].text
            removed = sum(self._remove(session, plan, progress).values())
            entry = DisposalLogEntry(
                record_kind=kind,
                record_id=record_id,
                rule=rule,
                rows_removed=removed,
                authorised_by_id=self._user.account_id,
                disposed_at=now,
            )
            session.add(entry)
            session.flush()
            audit_chain.append(
                session,
                now,
                self._user.username,
                actions.RECORD_DISPOSED,
                kind.value,
                str(record_id),
                outcome=f"disposal_log:{entry.id}",
            )
            log_id = entry.id
        progress(60)
        self._compact(progress)
        progress(100)
        return DisposalResult(log_id, removed)

    def log(self) -> list[DisposalLogRow]:
        """Newest first."""
        require_coordinator(self._user, "see the disposal log")
        with self._sessions.begin() as session:
            rows = session.execute(
                select(DisposalLogEntry, Account.display_name)
                .join(Account, Account.id == DisposalLogEntry.authorised_by_id)
                .order_by(DisposalLogEntry.disposed_at.desc(), DisposalLogEntry.id.desc())
            ).all()
            return [
                DisposalLogRow(
                    e.id, e.record_kind, e.record_id, e.rule, e.rows_removed, name, e.disposed_at
                )
                for e, name in rows
            ]

    def _remove(self, session: Session, plan: DisposalPlan, progress: Progress) -> dict[str, int]:
        """Deletes every row of the plan; returns how many went, by what they were."""
        guards: list[str] = []
        if plan.needs_guard_lifted:
            # Kept exactly as the migration wrote them, to be put back in this transaction.
            guards = list(
                session.execute(
                    text(
                        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
                        f"({', '.join(repr(name) for name in GUARD_TRIGGERS)}) ORDER BY name"
                    )
                ).scalars()
            )
            for name in GUARD_TRIGGERS:
                session.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
        removed: dict[str, int] = {}
        total = len(plan.removals) or 1
        for number, removal in enumerate(plan.removals, start=1):
            for part in chunks(removal.values):
                result = session.execute(
                    delete(removal.model).where(condition(removal, part)),
                    execution_options={"synchronize_session": False},
                )
                number = int(getattr(result, "rowcount", 0) or 0)
                removed[removal.what] = removed.get(removal.what, 0) + number
            progress(5 + 50 * number // total)
        for statement in guards:
            session.execute(text(statement))
        return removed

    def _compact(self, progress: Progress) -> None:
        """VACUUM and checkpoint cannot run in a transaction: straight to a driver connection."""
        with self._sessions() as session:
            engine = session.get_bind()
        raw = engine.raw_connection()  # type: ignore[union-attr]
        try:
            driver = raw.driver_connection
            assert driver is not None
            driver.execute("VACUUM")
            progress(90)
            # The log still holds the old pages until a checkpoint empties it. A reader on
            # another connection (the busy timeout waits for it) can make one return busy.
            for _attempt in range(CHECKPOINT_ATTEMPTS):
                busy = driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                if not busy:
                    return
            # Emptied at the latest when the vault locks (its last connection checkpoints).
            LOG.warning("disposal: the write-ahead log could not be emptied yet")
        finally:
            raw.close()

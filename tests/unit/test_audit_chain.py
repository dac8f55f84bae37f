"""The audit log's hash chain: appending, verifying, and naming the row that was tampered with."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from desktop.models.audit import AuditEntry
from desktop.services import actions, audit_chain
from desktop.services.audit_service import AuditService
from desktop.services.sign_in_service import SignedIn
from tests.conftest import FakeClock

RECREATE_TRIGGERS = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
)
COLUMNS = "at, actor, action, entity_type, entity_id, fields, outcome, prev_hash, hash"


@pytest.fixture
def sessions(coordinator: tuple[SignedIn, str], clock: FakeClock) -> sessionmaker[Session]:
    """The coordinator's vault with seven more audit rows (ten in all)."""
    signed_in, _recovery = coordinator
    with signed_in.vault.sessions.begin() as session:
        for number in range(7):
            clock.advance(60)
            audit_chain.append(
                session,
                clock.now(),
                "coord",
                actions.RECORD_OPENED,
                "young_person",
                str(number),
                ("summary", "given_name"),
                outcome="",
            )
    return signed_in.vault.sessions


def _verify(sessions: sessionmaker[Session]) -> audit_chain.ChainVerdict:
    with sessions.begin() as session:
        return audit_chain.verify(session)


def _tamper(sessions: sessionmaker[Session], *statements: str, keep_triggers: bool = True) -> None:
    """Changes the log as someone with the key and a SQL prompt could, triggers put back."""
    with sessions.begin() as session:
        session.execute(text("DROP TRIGGER audit_log_no_update"))
        session.execute(text("DROP TRIGGER audit_log_no_delete"))
        for statement in statements:
            session.execute(text(statement))
        if keep_triggers:
            for statement in RECREATE_TRIGGERS:
                session.execute(text(statement))


def _rows_named(verdict: audit_chain.ChainVerdict) -> set[int]:
    named = set()
    for problem in verdict.problems:
        if problem.startswith("audit row "):
            named.add(int(problem.removeprefix("audit row ").split(":")[0]))
    return named


def test_a_new_vault_starts_an_intact_chain(coordinator: tuple[SignedIn, str]) -> None:
    signed_in, _recovery = coordinator
    verdict = _verify(signed_in.vault.sessions)
    assert verdict.intact
    assert verdict.rows_checked == 3  # vault created, account created, signed in
    with signed_in.vault.sessions.begin() as session:
        logged = session.execute(select(AuditEntry.action).order_by(AuditEntry.id)).scalars()
        assert list(logged) == [actions.VAULT_CREATED, actions.ACCOUNT_CREATED, actions.SIGN_IN]


def test_rows_are_numbered_and_linked(sessions: sessionmaker[Session], clock: FakeClock) -> None:
    with sessions.begin() as session:
        rows = list(session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars())
    assert [row.id for row in rows] == list(range(1, 11))
    assert rows[0].prev_hash == audit_chain.GENESIS
    for earlier, later in zip(rows, rows[1:], strict=False):
        assert later.prev_hash == earlier.hash
    assert rows[-1].at == clock.now()
    assert rows[-1].fields == "given_name,summary"  # names of fields only, sorted
    verdict = _verify(sessions)
    assert (verdict.intact, verdict.rows_checked) == (True, 10)


def test_triggers_refuse_updates_and_deletes(sessions: sessionmaker[Session]) -> None:
    for statement in (
        "UPDATE audit_log SET outcome = 'x' WHERE id = 3",
        "DELETE FROM audit_log WHERE id = 3",
    ):
        with pytest.raises(DatabaseError, match="append-only"), sessions.begin() as session:
            session.execute(text(statement))
    assert _verify(sessions).intact


def test_changed_row_is_named(sessions: sessionmaker[Session]) -> None:
    _tamper(sessions, "UPDATE audit_log SET outcome = 'nothing to see' WHERE id = 4")
    verdict = _verify(sessions)
    assert not verdict.intact
    assert _rows_named(verdict) == {4}
    assert "changed" in verdict.problems[0]


def test_changed_row_with_recomputed_hash_breaks_the_next_link(
    sessions: sessionmaker[Session],
) -> None:
    with sessions.begin() as session:
        row = session.get(AuditEntry, 4)
        assert row is not None
        forged = audit_chain.entry_hash(
            row.id,
            row.at,
            "someone else",
            row.action,
            row.entity_type,
            row.entity_id,
            row.fields,
            row.outcome,
            row.prev_hash,
        )
    _tamper(sessions, f"UPDATE audit_log SET actor = 'someone else', hash = '{forged}' WHERE id=4")
    verdict = _verify(sessions)
    assert _rows_named(verdict) == {5}
    assert "does not follow" in verdict.problems[0]


def test_removed_row_is_named(sessions: sessionmaker[Session]) -> None:
    _tamper(sessions, "DELETE FROM audit_log WHERE id = 6")
    verdict = _verify(sessions)
    assert verdict.rows_checked == 9
    assert _rows_named(verdict) == {7}
    assert any("missing" in problem for problem in verdict.problems)


def test_reordered_rows_are_named(sessions: sessionmaker[Session]) -> None:
    # Swap rows 5 and 6 by their ids, contents untouched.
    _tamper(
        sessions,
        "UPDATE audit_log SET id = -5 WHERE id = 5",
        "UPDATE audit_log SET id = 5 WHERE id = 6",
        "UPDATE audit_log SET id = 6 WHERE id = -5",
    )
    verdict = _verify(sessions)
    assert not verdict.intact
    assert 5 in _rows_named(verdict)
    assert _rows_named(verdict) <= {5, 6, 7}


def test_reordered_contents_are_named(sessions: sessionmaker[Session]) -> None:
    # Swap the contents of rows 2 and 3, keeping their ids.
    _tamper(
        sessions,
        f"CREATE TEMP TABLE swap AS SELECT id, {COLUMNS} FROM audit_log WHERE id IN (2, 3)",
        *(
            f"UPDATE audit_log SET ({COLUMNS}) = (SELECT {COLUMNS} FROM swap WHERE id = {other}) "
            f"WHERE id = {target}"
            for target, other in ((2, 3), (3, 2))
        ),
        "DROP TABLE swap",
    )
    verdict = _verify(sessions)
    assert 2 in _rows_named(verdict)
    assert _rows_named(verdict) <= {2, 3, 4}


def test_dropped_trigger_is_reported(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        session.execute(text("DROP TRIGGER audit_log_no_update"))
    verdict = _verify(sessions)
    assert not verdict.intact
    assert verdict.problems == [
        "the audit log's protection trigger audit_log_no_update has been removed"
    ]


def test_audit_service_reports_the_same_verdict(
    coordinator: tuple[SignedIn, str], sessions: sessionmaker[Session]
) -> None:
    signed_in, _recovery = coordinator
    service = AuditService(sessions, signed_in.user)
    assert service.verify_chain().intact
    _tamper(sessions, "UPDATE audit_log SET action = 'lock' WHERE id = 9")
    assert _rows_named(service.verify_chain()) == {9}


def test_hash_covers_every_column(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        row = session.get(AuditEntry, 2)
        assert row is not None
        values = [
            row.id,
            row.at,
            row.actor,
            row.action,
            row.entity_type,
            row.entity_id,
            row.fields,
            row.outcome,
            row.prev_hash,
        ]
    original = audit_chain.entry_hash(*values)  # type: ignore[arg-type]
    assert original == row.hash
    changed = values.copy()
    for index, value in enumerate(values):
        changed = values.copy()
        if isinstance(value, str):
            changed[index] = value + "x"
        elif isinstance(value, int):
            changed[index] = value + 1
        else:
            changed[index] = row.at.replace(microsecond=1)
        assert audit_chain.entry_hash(*changed) != original, index  # type: ignore[arg-type]

"""ACCEPTANCE: disposal removes every trace of a record's text from the vault file and leaves
only the disposal log entry; a record under legal hold cannot be disposed of."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop.models.audit import AuditEntry
from desktop.models.choices import EntryType, RecordKind, RetentionDecisionKind
from desktop.models.data_protection import DisposalLogEntry
from desktop.services.chronology_service import ChronologyService, EntryInput
from desktop.services.disposal_service import DisposalService
from desktop.services.retention_holds import LegalHoldService, RecordHeldError
from desktop.services.retention_review_service import RetentionReviewService
from desktop.services.sign_in_service import SignedIn
from desktop.vault.layout import VaultLayout
from tests.conftest import AddAccount, FakeClock
from tests.integration.helpers import raw_connect
from tests.retention_seed import make_person, seed_case
from tests.sqlcipher_pages import plaintext_holds

# Unique per run: a match can only come from this test. The hex tail is what is searched for,
# so even a word the full-text index stored prefix-compressed would still be found.
TAIL = uuid.uuid4().hex[:12]
CANARY = f"Zqx{TAIL}"
SURVIVOR_TAIL = uuid.uuid4().hex[:12]


def _table_hits(database: Path, key_hex: str, needle: str) -> list[str]:
    """Every table (the full-text index's own tables too) read through SQLCipher, row by row."""
    wanted = needle.lower()
    connection = raw_connect(database, key_hex)
    try:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        assert "chronology_fts_data" in names and "chronology_fts" in names
        found = []
        for name in names:
            for row in connection.execute(f'SELECT * FROM "{name}"'):
                if any(_holds(value, wanted) for value in row):
                    found.append(name)
                    break
        connection.execute(
            "CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, 'chronology_fts', 'row')"
        )
        terms = connection.execute(
            "SELECT term FROM temp.words WHERE instr(term, ?) > 0", (wanted,)
        ).fetchall()
        found += [f"full-text index term {term!r}" for (term,) in terms]
        return found
    finally:
        connection.close()


def _holds(value: Any, wanted: str) -> bool:
    if isinstance(value, str):
        return wanted in value.lower()
    if isinstance(value, bytes):
        return wanted.encode() in value.lower()
    return False


def test_disposal_leaves_no_trace_in_the_vault_file(
    coordinator: tuple[SignedIn, str],
    add_account: AddAccount,
    clock: FakeClock,
    vault_layout: VaultLayout,
) -> None:
    signed_in, _ = coordinator
    seeded = seed_case(signed_in, clock, add_account, CANARY)
    sessions, user = signed_in.vault.sessions, signed_in.user
    survivor = make_person(signed_in, clock, "Sam", f"Stays{SURVIVOR_TAIL}")
    ChronologyService(sessions, user, clock).add_entry(
        survivor, EntryInput(clock.now(), EntryType.VISIT, f"Seen {SURVIVOR_TAIL}")
    )
    key = bytes(signed_in.vault.data_key.view())
    database = vault_layout.database

    # Positive control: the same searches find the canary while the record exists.
    assert plaintext_holds(key, database, TAIL)
    before = _table_hits(database, key.hex(), TAIL)
    for table in ("young_people", "chronology_revisions", "drafts", "contacts", "session_notes"):
        assert table in before
    assert "note_addenda" in before and "coaching_sessions" in before and "referrals" in before
    assert any(hit.startswith("full-text index term") for hit in before)
    assert "chronology_fts" in before

    review = RetentionReviewService(sessions, user, clock)
    review.decide(RecordKind.CASE_RECORD, seeded.person_id, RetentionDecisionKind.DISPOSE)
    progress: list[int] = []
    result = DisposalService(sessions, user, clock).dispose(
        RecordKind.CASE_RECORD, seeded.person_id, seeded.case_reference, progress.append
    )
    assert progress[0] == 0 and progress[-1] == 100

    assert plaintext_holds(key, database, TAIL) == []
    assert _table_hits(database, key.hex(), TAIL) == []
    # Not even the case reference is left anywhere in the file.
    assert plaintext_holds(key, database, seeded.case_reference) == []
    # The write-ahead log was emptied, not merely checkpointed.
    wal = database.with_name(database.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    # Nothing else went: the other young person's record is whole.
    assert plaintext_holds(key, database, SURVIVOR_TAIL)
    assert any(
        hit.startswith("full-text index term")
        for hit in _table_hits(database, key.hex(), SURVIVOR_TAIL)
    )

    with sessions.begin() as session:
        entry = session.execute(select(DisposalLogEntry)).scalar_one()
        assert entry.id == result.log_id
        assert (entry.record_kind, entry.record_id) == (RecordKind.CASE_RECORD, seeded.person_id)
        assert entry.rule == "6 years after the case closed"
        assert entry.rows_removed == result.rows_removed >= 30
        assert entry.authorised_by_id == user.account_id
        disposed = session.execute(
            select(AuditEntry).where(AuditEntry.action == "record_disposed")
        ).scalar_one()
        assert (disposed.entity_type, disposed.entity_id) == ("case_record", str(seeded.person_id))
    # The signed-note guards were put back: a signed note still cannot be deleted.
    connection = raw_connect(database, key.hex())
    try:
        triggers = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    finally:
        connection.close()
    assert {"session_notes_signed_delete", "note_addenda_delete"} <= triggers


def test_a_held_record_keeps_every_word(
    coordinator: tuple[SignedIn, str],
    add_account: AddAccount,
    clock: FakeClock,
    vault_layout: VaultLayout,
) -> None:
    signed_in, _ = coordinator
    seeded = seed_case(signed_in, clock, add_account, CANARY)
    sessions, user = signed_in.vault.sessions, signed_in.user
    review = RetentionReviewService(sessions, user, clock)
    review.decide(RecordKind.CASE_RECORD, seeded.person_id, RetentionDecisionKind.DISPOSE)
    # The hold is on the coaching plan, which would go with the case record.
    LegalHoldService(sessions, user, clock).place(
        (RecordKind.COACHING_PLAN, seeded.coaching_plan_id), "Serious case review", "SCR-2025-4"
    )
    with pytest.raises(RecordHeldError, match="SCR-2025-4"):
        DisposalService(sessions, user, clock).dispose(
            RecordKind.CASE_RECORD, seeded.person_id, seeded.case_reference, lambda _: None
        )
    key = bytes(signed_in.vault.data_key.view())
    assert plaintext_holds(key, vault_layout.database, TAIL)

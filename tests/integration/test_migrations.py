"""Schema upgrades at unlock, and the encrypted safety copy taken before one runs.

To have a real upgrade to run, the application's migration scripts are copied beside one extra,
test-only revision (see add_test_revision in conftest.py): the vault is created at the real head,
then opened when the head is one revision further on. Nothing is mocked: Alembic upgrades the
real SQLCipher file, and the safety copy is checked with bare sqlcipher3.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import sqlcipher3
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect

from desktop.services import actions
from desktop.services.audit_service import AuditFilter, AuditService
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.sign_in_service import SignedIn, SignInService
from desktop.store import migrate
from desktop.vault.layout import VaultLayout
from tests.conftest import COORDINATOR_USERNAME, PASSPHRASE, FakeClock
from tests.integration.helpers import TEST_TABLE, raw_read


def _tables(signed_in: SignedIn) -> set[str]:
    return set(inspect(signed_in.vault.engine).get_table_names())


def test_fresh_vault_is_at_head_and_takes_no_safety_copy(
    coordinator: tuple[SignedIn, str], vault_layout: VaultLayout, clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    with signed_in.vault.engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()
    signed_in.vault.lock()

    again = SignInService(vault_layout, clock).sign_in(COORDINATOR_USERNAME, PASSPHRASE)
    again.vault.lock()
    assert again.vault.safety_copy is None
    assert not vault_layout.safety_copies.exists()


def test_upgrade_at_unlock_takes_an_encrypted_safety_copy_first(
    coordinator: tuple[SignedIn, str],
    vault_layout: VaultLayout,
    clock: FakeClock,
    add_test_revision: Callable[[], str],
) -> None:
    signed_in, _recovery = coordinator
    PeopleService(signed_in.vault.sessions, signed_in.user, clock).create(
        PersonDetails(given_name="Amani", family_name="Osei")
    )
    key = signed_in.vault.data_key.view().hex()
    old_head = migrate.head_revision()
    signed_in.vault.lock()
    new_head = add_test_revision()

    upgraded = SignInService(vault_layout, clock).sign_in(COORDINATOR_USERNAME, PASSPHRASE)
    try:
        copy = upgraded.vault.safety_copy
        assert copy is not None
        assert copy.parent == vault_layout.safety_copies
        assert copy.name == f"before-{old_head}-20250314T093000.db"
        assert TEST_TABLE in _tables(upgraded)
        with upgraded.vault.engine.connect() as connection:
            assert migrate.current_revision(connection) == new_head
        migrated = AuditService(upgraded.vault.sessions, upgraded.user).page(
            AuditFilter(action=actions.MIGRATED), 0, 5
        )
        assert [row.actor for row in migrated] == [COORDINATOR_USERNAME]
    finally:
        upgraded.vault.lock()

    # The copy is the vault as it was before the upgrade, encrypted under the same key.
    assert copy.read_bytes()[:16] != b"SQLite format 3\x00"
    assert b"Osei" not in copy.read_bytes()
    with pytest.raises(sqlcipher3.DatabaseError):
        raw_read(copy, None, "SELECT count(*) FROM young_people")
    with pytest.raises(sqlcipher3.DatabaseError):
        raw_read(copy, "11" * 32, "SELECT count(*) FROM young_people")
    assert raw_read(copy, key, "SELECT family_name FROM young_people") == [("Osei",)]
    assert raw_read(copy, key, "SELECT version_num FROM alembic_version") == [(old_head,)]
    names = {row[0] for row in raw_read(copy, key, "SELECT name FROM sqlite_master")}
    assert TEST_TABLE not in names
    assert raw_read(copy, key, "PRAGMA cipher_integrity_check") == []

    # The next unlock is already at head: no second copy.
    again = SignInService(vault_layout, clock).sign_in(COORDINATOR_USERNAME, PASSPHRASE)
    again.vault.lock()
    assert again.vault.safety_copy is None
    assert [p.name for p in vault_layout.safety_copies.iterdir()] == [copy.name]


def test_copy_only_when_a_revision_was_present(
    coordinator: tuple[SignedIn, str], vault_layout: VaultLayout, clock: FakeClock
) -> None:
    """An empty schema (nothing to lose) is built without a copy; the upgrade is real."""
    signed_in, _recovery = coordinator
    engine = signed_in.vault.engine
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    with engine.connect() as connection:
        assert migrate.current_revision(connection) is None
    assert "young_people" not in _tables(signed_in)

    assert migrate.upgrade_to_head(engine, vault_layout.safety_copies, clock.now()) is None

    assert not vault_layout.safety_copies.exists()
    assert {"young_people", "audit_log", "accounts", "drafts"} <= _tables(signed_in)
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()


def test_caseload_upgrade_keeps_people_and_makes_them_searchable(
    coordinator: tuple[SignedIn, str], vault_layout: VaultLayout, clock: FakeClock
) -> None:
    """A Foundation-era vault (revision 0001) with a young person in it, upgraded at unlock."""
    from sqlalchemy import text

    signed_in, _ = coordinator
    config = migrate._config()
    with signed_in.vault.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    with signed_in.vault.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO young_people (case_reference, given_name, family_name, known_as, "
                "summary, created_at, updated_at) VALUES ('IGX-000001', 'Zoë', 'Ahmed', "
                "'Lil Z', '', '2025-01-01', '2025-01-01')"
            )
        )
    signed_in.vault.lock()

    again = SignInService(vault_layout, clock).sign_in(COORDINATOR_USERNAME, PASSPHRASE)
    assert again.vault.safety_copy is not None
    with again.vault.sessions.begin() as session:
        row = session.execute(text("SELECT status, gender, search_text FROM young_people")).one()
        flags = session.execute(text("SELECT count(*) FROM flag_types")).scalar_one()
    again.vault.lock()
    assert row.status == "referred" and row.gender == "not_known"
    assert "zoe" in row.search_text and "lil z" in row.search_text
    assert flags >= 11


def test_family_therapy_upgrade_from_caseload_vault(
    coordinator: tuple[SignedIn, str], vault_layout: VaultLayout, clock: FakeClock
) -> None:
    """A Caseload-era vault (revision 0002) gains the therapy tables and the triggers that lock
    signed notes, keeping its young people."""
    from sqlalchemy import text

    signed_in, _ = coordinator
    PeopleService(signed_in.vault.sessions, signed_in.user, clock).create(
        PersonDetails(given_name="Amani", family_name="Osei")
    )
    config = migrate._config()
    with signed_in.vault.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
    assert "therapy_cases" not in _tables(signed_in)
    signed_in.vault.lock()

    again = SignInService(vault_layout, clock).sign_in(COORDINATOR_USERNAME, PASSPHRASE)
    try:
        assert again.vault.safety_copy is not None
        assert again.vault.safety_copy.name.startswith("before-0002-")
        tables = _tables(again)
        with again.vault.engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.head_revision()
            triggers = {
                row[0]
                for row in connection.execute(
                    text("SELECT name FROM sqlite_master WHERE type = 'trigger'")
                )
            }
            names = connection.execute(text("SELECT family_name FROM young_people")).all()
    finally:
        again.vault.lock()
    assert {
        "therapy_cases",
        "therapy_case_people",
        "therapy_case_contacts",
        "therapy_sessions",
        "session_attendance",
        "session_notes",
        "note_addenda",
    } <= tables
    assert {"session_notes_signed_update", "note_addenda_update"} <= triggers
    assert [tuple(row) for row in names] == [("Osei",)]

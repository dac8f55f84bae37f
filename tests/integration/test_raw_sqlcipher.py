"""ACCEPTANCE: any SQLCipher 4 tool opens the vault with its raw key, and nothing else does."""

from __future__ import annotations

import secrets

import pytest
import sqlcipher3

from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.sign_in_service import SignedIn
from desktop.vault.layout import VaultLayout
from tests.conftest import PASSPHRASE, FakeClock
from tests.integration.helpers import raw_connect, raw_read

QUERY = "SELECT case_reference, given_name, family_name, summary FROM young_people"


@pytest.fixture
def key_hex(coordinator: tuple[SignedIn, str], clock: FakeClock) -> str:
    """Writes one record, notes the data key, then locks the vault."""
    signed_in, _recovery = coordinator
    PeopleService(signed_in.vault.sessions, signed_in.user, clock).create(
        PersonDetails(given_name="Jordan", family_name="Okafor", summary="Referred by school.")
    )
    key = signed_in.vault.data_key.view().hex()
    signed_in.vault.lock()
    assert signed_in.vault.data_key.wiped
    return key


def test_bare_sqlcipher_reads_the_record_with_the_raw_key(
    key_hex: str, vault_layout: VaultLayout
) -> None:
    rows = raw_read(vault_layout.database, key_hex, QUERY)
    assert rows == [("IGX-000001", "Jordan", "Okafor", "Referred by school.")]
    settings = raw_read(vault_layout.database, key_hex, "PRAGMA cipher_version")
    assert settings[0][0].startswith("4.")


def test_the_file_is_not_plain_sqlite(key_hex: str, vault_layout: VaultLayout) -> None:
    header = vault_layout.database.read_bytes()[:16]
    assert header != b"SQLite format 3\x00"
    assert b"Okafor" not in vault_layout.database.read_bytes()


@pytest.mark.parametrize(
    "key",
    [None, "00" * 32, secrets.token_hex(32)],
    ids=["no key", "zero key", "random key"],
)
def test_wrong_key_cannot_read(key_hex: str, vault_layout: VaultLayout, key: str | None) -> None:
    assert key != key_hex
    with pytest.raises(sqlcipher3.DatabaseError):
        raw_read(vault_layout.database, key, QUERY)


def test_passphrase_is_not_the_database_key(key_hex: str, vault_layout: VaultLayout) -> None:
    """The database is opened with the random data key, never with anyone's passphrase."""
    connection = raw_connect(vault_layout.database, None)
    try:
        connection.execute(f"PRAGMA key = '{PASSPHRASE}'")
        with pytest.raises(sqlcipher3.DatabaseError):
            connection.execute(QUERY).fetchall()
    finally:
        connection.close()

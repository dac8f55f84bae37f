"""ACCEPTANCE: each way a sign-in can be refused has its own error, and each is audited."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.services import actions
from desktop.services.audit_service import AuditFilter, AuditService
from desktop.services.sign_in_service import SignedIn, SignInService
from desktop.vault.errors import (
    DatabaseDamagedError,
    KeySlotFileTamperedError,
    UnknownUserError,
    VaultError,
    VaultMismatchError,
    WrongPassphraseError,
)
from desktop.vault.layout import VaultLayout
from tests.conftest import (
    COORDINATOR_USERNAME,
    PASSPHRASE,
    FakeClock,
    FastKdfPolicy,
    make_coordinator_vault,
)


def _replace_temporarily(target: Path, new_content: bytes, attempt: Callable[[], None]) -> None:
    original = target.read_bytes()
    target.write_bytes(new_content)
    try:
        attempt()
    finally:
        target.write_bytes(original)


def test_each_refusal_is_distinct_and_audited(
    tmp_path: Path,
    coordinator: tuple[SignedIn, str],
    vault_layout: VaultLayout,
    clock: FakeClock,
    kdf: FastKdfPolicy,
) -> None:
    coordinator[0].vault.lock()
    other, _other_recovery = make_coordinator_vault(tmp_path / "other", kdf, clock)
    other.vault.lock()
    other_layout = other.vault.layout
    # Locking drops every connection, which folds the WAL back into the database file.
    assert not (vault_layout.folder / "casebook.db-wal").exists()

    service = SignInService(vault_layout, clock)
    refused: dict[type[VaultError], VaultError] = {}

    def expect(error_type: type[VaultError], attempt: Callable[[], object]) -> None:
        clock.advance(1)
        with pytest.raises(error_type) as caught:
            attempt()
        assert type(caught.value) is error_type
        refused[error_type] = caught.value

    expect(WrongPassphraseError, lambda: service.sign_in(COORDINATOR_USERNAME, "wrong " * 3))
    expect(UnknownUserError, lambda: service.sign_in("nobody", PASSPHRASE))

    slots_file = vault_layout.keyslots.read_bytes()
    at = slots_file.index(b'"ciphertext": "') + 20
    tampered = slots_file[:at] + (b"0" if slots_file[at : at + 1] != b"0" else b"1")
    _replace_temporarily(
        vault_layout.keyslots,
        tampered + slots_file[at + 1 :],
        lambda: expect(
            KeySlotFileTamperedError,
            lambda: service.sign_in(COORDINATOR_USERNAME, PASSPHRASE),
        ),
    )
    _replace_temporarily(
        vault_layout.database,
        other_layout.database.read_bytes(),
        lambda: expect(
            VaultMismatchError, lambda: service.sign_in(COORDINATOR_USERNAME, PASSPHRASE)
        ),
    )

    messages = [str(error) for error in refused.values()]
    assert len(refused) == 4
    assert len(set(messages)) == 4, messages  # pairwise different
    assert all(message for message in messages)

    signed_in = service.sign_in(COORDINATOR_USERNAME, PASSPHRASE)
    try:
        audit = AuditService(signed_in.vault.sessions, signed_in.user)
        rows = audit.page(AuditFilter(action=actions.UNLOCK_FAILED), 0, 50)
        last = audit.page(AuditFilter(), 0, 1)[0]
    finally:
        signed_in.vault.lock()
    assert sorted((row.actor, row.outcome) for row in rows) == sorted(
        [
            (COORDINATOR_USERNAME, "wrong passphrase"),
            ("(unknown user)", "unknown user"),
            ("(unknown user)", "key-slot file altered"),
            (COORDINATOR_USERNAME, "database belongs to another vault"),
        ]
    )
    # Each row keeps the time of its attempt, and they come before the successful sign-in.
    assert len({row.at for row in rows}) == 4
    assert last.action == actions.SIGN_IN
    assert all(row.id < last.id for row in rows)


def test_damaged_database_is_told_from_a_wrong_passphrase(
    coordinator: tuple[SignedIn, str], vault_layout: VaultLayout, clock: FakeClock
) -> None:
    coordinator[0].vault.lock()
    content = bytearray(vault_layout.database.read_bytes())
    # Past SQLCipher's 16-byte salt, inside the first page: its HMAC no longer matches.
    for offset in range(200, 260):
        content[offset] ^= 0xFF
    service = SignInService(vault_layout, clock)
    original = vault_layout.database.read_bytes()
    vault_layout.database.write_bytes(bytes(content))
    try:
        with pytest.raises(DatabaseDamagedError) as damaged:
            service.sign_in(COORDINATOR_USERNAME, PASSPHRASE)
        with pytest.raises(WrongPassphraseError) as wrong:
            service.sign_in(COORDINATOR_USERNAME, "not the right one at all")
    finally:
        vault_layout.database.write_bytes(original)
    assert str(damaged.value) != str(wrong.value)
    assert "passphrase is right" in str(damaged.value)

    signed_in = service.sign_in(COORDINATOR_USERNAME, PASSPHRASE)
    try:
        rows = AuditService(signed_in.vault.sessions, signed_in.user).page(
            AuditFilter(action=actions.UNLOCK_FAILED), 0, 10
        )
    finally:
        signed_in.vault.lock()
    assert sorted(row.outcome for row in rows) == ["database damaged", "wrong passphrase"]


def test_missing_vault_is_its_own_error(tmp_path: Path, clock: FakeClock) -> None:
    service = SignInService(VaultLayout(tmp_path / "nowhere"), clock)
    with pytest.raises(VaultError, match="no Casebook vault"):
        service.sign_in(COORDINATOR_USERNAME, PASSPHRASE)


def test_swapped_back_database_opens_again(
    tmp_path: Path,
    coordinator: tuple[SignedIn, str],
    vault_layout: VaultLayout,
    clock: FakeClock,
    kdf: FastKdfPolicy,
) -> None:
    """Refusing a swapped database changes nothing: putting the right one back is enough."""
    coordinator[0].vault.lock()
    other, _recovery = make_coordinator_vault(tmp_path / "other", kdf, clock)
    other.vault.lock()
    kept = tmp_path / "kept.db"
    shutil.copyfile(vault_layout.database, kept)
    shutil.copyfile(other.vault.layout.database, vault_layout.database)
    service = SignInService(vault_layout, clock)
    with pytest.raises(VaultMismatchError):
        service.sign_in(COORDINATOR_USERNAME, PASSPHRASE)
    shutil.copyfile(kept, vault_layout.database)
    signed_in = service.sign_in(COORDINATOR_USERNAME, PASSPHRASE)
    signed_in.vault.lock()
    assert signed_in.user.username == COORDINATOR_USERNAME

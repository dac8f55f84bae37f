"""Accounts and keys: adding, disabling, re-keying, passphrases, remembering on this device."""

from __future__ import annotations

import pytest
import sqlcipher3
from keyring.backends import fail

from desktop.models.accounts import Role
from desktop.services import actions
from desktop.services.account_service import AccountError, AccountService
from desktop.services.audit_service import AuditFilter, AuditService
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.permissions import PermissionDeniedError
from desktop.services.sign_in_service import (
    DeviceNotRememberedError,
    RememberForbiddenError,
    SignedIn,
    SignInService,
)
from desktop.vault.device_keyring import SERVICE, DeviceKeyring
from desktop.vault.errors import AccountDisabledError, WrongPassphraseError
from desktop.vault.keyslots import DEVICE, USER, KeySlotFile
from desktop.vault.layout import VaultLayout
from tests.conftest import (
    COORDINATOR_USERNAME,
    PASSPHRASE,
    AddAccount,
    FakeClock,
    FastKdfPolicy,
    InMemoryKeyring,
)
from tests.integration.helpers import every_file, raw_read

NEW_PASSPHRASE = "a brand new passphrase for spring"
# casebook.lock is the (empty) one-writer lock file.
VAULT_FILES = {"keyslots.json", "attempts.json", "casebook.lock"} | {
    f"casebook.db{x}" for x in ("", "-wal", "-shm")
}


def _accounts(signed_in: SignedIn, kdf: FastKdfPolicy, clock: FakeClock) -> AccountService:
    return AccountService(signed_in.vault, signed_in.user, kdf, clock)


def _sign_in(layout: VaultLayout, clock: FakeClock, username: str, passphrase: str) -> SignedIn:
    signed_in = SignInService(layout, clock).sign_in(username, passphrase)
    signed_in.vault.lock()
    return signed_in


def _audited(signed_in: SignedIn, action: str) -> list[str]:
    rows = AuditService(signed_in.vault.sessions, signed_in.user).page(
        AuditFilter(action=action), 0, 50
    )
    return [row.entity_id for row in rows]


# ---- adding and disabling ------------------------------------------------------------------


def test_added_account_signs_in_and_must_change_its_passphrase(
    coordinator: tuple[SignedIn, str],
    vault_layout: VaultLayout,
    clock: FakeClock,
    kdf: FastKdfPolicy,
) -> None:
    signed_in, _recovery = coordinator
    accounts = _accounts(signed_in, kdf, clock)
    account_id = accounts.add_account(" Sam.Worker ", "Sam Worker", Role.GANGS_WORKER, PASSPHRASE)

    worker = _sign_in(vault_layout, clock, "sam.worker", PASSPHRASE)
    assert (worker.user.account_id, worker.user.role) == (account_id, Role.GANGS_WORKER)
    assert worker.user.must_change_passphrase
    listed = {row.username: row for row in accounts.list_accounts()}
    assert set(listed) == {COORDINATOR_USERNAME, "sam.worker"}
    assert listed["sam.worker"].active
    assert _audited(signed_in, actions.ACCOUNT_CREATED)[0] == str(account_id)


@pytest.mark.parametrize(
    ("username", "name", "passphrase"),
    [
        ("coord", "Someone Else", PASSPHRASE),  # taken
        ("x", "Too Short", PASSPHRASE),
        ("has space", "Spaced Name", PASSPHRASE),
        ("newbie", "   ", PASSPHRASE),
        ("newbie", "New Bie", "short"),
    ],
    ids=["taken", "short name", "space in name", "no full name", "short passphrase"],
)
def test_bad_new_accounts_are_refused_with_a_reason(
    coordinator: tuple[SignedIn, str],
    clock: FakeClock,
    kdf: FastKdfPolicy,
    username: str,
    name: str,
    passphrase: str,
) -> None:
    signed_in, _recovery = coordinator
    accounts = _accounts(signed_in, kdf, clock)
    slots_before = signed_in.vault.layout.keyslots.read_bytes()
    with pytest.raises(AccountError) as refused:
        accounts.add_account(username, name, Role.ANALYST, passphrase)
    assert str(refused.value)
    assert len(accounts.list_accounts()) == 1
    assert signed_in.vault.layout.keyslots.read_bytes() == slots_before


def test_disabled_account_loses_its_slots_and_cannot_sign_in(
    coordinator: tuple[SignedIn, str],
    vault_layout: VaultLayout,
    clock: FakeClock,
    kdf: FastKdfPolicy,
    add_account: AddAccount,
) -> None:
    signed_in, _recovery = coordinator
    worker = add_account(Role.FAMILY_THERAPIST, "therapist")
    accounts = _accounts(signed_in, kdf, clock)

    accounts.disable_account(worker.account_id)

    slots = KeySlotFile.load(vault_layout.keyslots)
    assert [s for s in slots.slots if s.username == "therapist"] == []
    assert "therapist" in slots.disabled_usernames
    with pytest.raises(AccountDisabledError):
        SignInService(vault_layout, clock).sign_in("therapist", PASSPHRASE)
    assert not {r.username: r for r in accounts.list_accounts()}["therapist"].active
    assert _audited(signed_in, actions.ACCOUNT_DISABLED) == [str(worker.account_id)]

    accounts.enable_account(worker.account_id, NEW_PASSPHRASE)
    again = _sign_in(vault_layout, clock, "therapist", NEW_PASSPHRASE)
    assert again.user.must_change_passphrase
    with pytest.raises(WrongPassphraseError):
        SignInService(vault_layout, clock).sign_in("therapist", PASSPHRASE)


def test_the_last_coordinator_cannot_be_removed(
    coordinator: tuple[SignedIn, str],
    vault_layout: VaultLayout,
    clock: FakeClock,
    kdf: FastKdfPolicy,
    add_account: AddAccount,
) -> None:
    signed_in, _recovery = coordinator
    accounts = _accounts(signed_in, kdf, clock)
    own_id = signed_in.user.account_id
    with pytest.raises(AccountError, match="your own account"):
        accounts.disable_account(own_id)
    with pytest.raises(AccountError, match="at least one active coordinator"):
        accounts.change_role(own_id, Role.GANGS_WORKER)

    second = add_account(Role.COORDINATOR, "deputy")
    accounts.change_role(own_id, Role.GANGS_WORKER)  # allowed: the deputy remains

    # The deputy, now the only coordinator, cannot be demoted or disabled by anyone.
    deputy = SignInService(vault_layout, clock).sign_in("deputy", PASSPHRASE)
    try:
        deputy_accounts = _accounts(deputy, kdf, clock)
        with pytest.raises(AccountError, match="at least one active coordinator"):
            deputy_accounts.change_role(second.account_id, Role.ANALYST)
        with pytest.raises(AccountError, match="your own account"):
            deputy_accounts.disable_account(second.account_id)
        roles = {row.username: row.role for row in deputy_accounts.list_accounts()}
    finally:
        deputy.vault.lock()
    assert roles == {COORDINATOR_USERNAME: Role.GANGS_WORKER, "deputy": Role.COORDINATOR}


# ---- re-keying -----------------------------------------------------------------------------


def test_rekey_retires_the_old_data_key(
    coordinator: tuple[SignedIn, str],
    vault_layout: VaultLayout,
    clock: FakeClock,
    kdf: FastKdfPolicy,
    add_account: AddAccount,
) -> None:
    signed_in, recovery_key = coordinator
    add_account(Role.GANGS_WORKER, "keeper")
    leaver = add_account(Role.EMPLOYMENT_COACH, "leaver")
    accounts = _accounts(signed_in, kdf, clock)
    accounts.disable_account(leaver.account_id)
    old_key = signed_in.vault.data_key.view().hex()
    progress: list[int] = []
    # Built before the re-key, as the open window's services are.
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)

    accounts.rekey(progress.append)

    new_key = signed_in.vault.data_key.view().hex()
    assert new_key != old_key
    assert progress and progress[-1] == 100
    assert progress == sorted(progress)
    # The vault keeps working on the new key without signing in again.
    assert _audited(signed_in, actions.REKEYED) == [""]
    people.create(PersonDetails("After", "Rekey"))
    assert people.count() == 1
    signed_in.vault.lock()

    query = "SELECT username FROM accounts ORDER BY username"
    with pytest.raises(sqlcipher3.DatabaseError):
        raw_read(vault_layout.database, old_key, query)
    assert raw_read(vault_layout.database, new_key, query) == [
        ("coord",),
        ("keeper",),
        ("leaver",),
    ]
    for username in (COORDINATOR_USERNAME, "keeper"):
        assert _sign_in(vault_layout, clock, username, PASSPHRASE).user.username == username
    with pytest.raises(AccountDisabledError):
        SignInService(vault_layout, clock).sign_in("leaver", PASSPHRASE)
    recovered = KeySlotFile.load(vault_layout.keyslots).unlock_with_recovery_key(recovery_key)
    assert recovered.view().hex() == new_key
    assert {p.name for p in every_file(vault_layout.folder)} <= VAULT_FILES


# ---- passphrases ---------------------------------------------------------------------------


def test_coordinator_resets_a_forgotten_passphrase(
    coordinator: tuple[SignedIn, str],
    vault_layout: VaultLayout,
    clock: FakeClock,
    kdf: FastKdfPolicy,
    add_account: AddAccount,
    keyring_backend: InMemoryKeyring,
) -> None:
    signed_in, _recovery = coordinator
    worker = add_account(Role.ADVOCATE, "advocate")
    remembered = SignInService(vault_layout, clock).sign_in("advocate", PASSPHRASE)
    _accounts(remembered, kdf, clock).remember_on_device(DeviceKeyring(keyring_backend))
    remembered.vault.lock()

    accounts = _accounts(signed_in, kdf, clock)
    with pytest.raises(AccountError):
        accounts.reset_passphrase(worker.account_id, "too short")
    accounts.reset_passphrase(worker.account_id, NEW_PASSPHRASE)

    with pytest.raises(WrongPassphraseError):
        SignInService(vault_layout, clock).sign_in("advocate", PASSPHRASE)
    assert _sign_in(vault_layout, clock, "advocate", NEW_PASSPHRASE).user.must_change_passphrase
    # A reset also forgets every device that remembered the old passphrase's owner.
    slots = KeySlotFile.load(vault_layout.keyslots)
    assert [s.kind for s in slots.slots if s.username == "advocate"] == [USER]
    with pytest.raises(DeviceNotRememberedError):
        SignInService(vault_layout, clock).sign_in_with_device(
            "advocate", DeviceKeyring(keyring_backend)
        )
    assert _audited(signed_in, actions.PASSPHRASE_RESET) == [str(worker.account_id)]


def test_user_changes_their_own_passphrase(
    coordinator: tuple[SignedIn, str],
    vault_layout: VaultLayout,
    clock: FakeClock,
    kdf: FastKdfPolicy,
    add_account: AddAccount,
) -> None:
    add_account(Role.ENFORCEMENT_OFFICER, "officer")
    officer = SignInService(vault_layout, clock).sign_in("officer", PASSPHRASE)
    try:
        accounts = _accounts(officer, kdf, clock)
        forced_at_first = accounts.user.must_change_passphrase
        assert forced_at_first
        with pytest.raises(AccountError, match="current passphrase is not correct"):
            accounts.change_own_passphrase("not my passphrase", NEW_PASSPHRASE, NEW_PASSPHRASE)
        with pytest.raises(AccountError, match="do not match"):
            accounts.change_own_passphrase(PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE + "!")
        with pytest.raises(AccountError, match="at least 12"):
            accounts.change_own_passphrase(PASSPHRASE, "short", "short")
        accounts.change_own_passphrase(PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE)
        assert not accounts.user.must_change_passphrase
    finally:
        officer.vault.lock()

    with pytest.raises(WrongPassphraseError):
        SignInService(vault_layout, clock).sign_in("officer", PASSPHRASE)
    after = _sign_in(vault_layout, clock, "officer", NEW_PASSPHRASE)
    assert not after.user.must_change_passphrase
    # Other accounts are untouched.
    assert _sign_in(vault_layout, clock, COORDINATOR_USERNAME, PASSPHRASE).user.role is (
        Role.COORDINATOR
    )


# ---- remember on this device ---------------------------------------------------------------


def test_remember_on_device_signs_in_without_a_passphrase(
    coordinator: tuple[SignedIn, str],
    vault_layout: VaultLayout,
    clock: FakeClock,
    kdf: FastKdfPolicy,
    keyring_backend: InMemoryKeyring,
) -> None:
    signed_in, _recovery = coordinator
    device = DeviceKeyring()  # the default backend: this test's in-memory keyring
    assert device.unavailable_reason() is None
    accounts = _accounts(signed_in, kdf, clock)
    assert not accounts.is_remembered(device)

    accounts.remember_on_device(device)

    assert accounts.is_remembered(device)
    vault_id = signed_in.vault.slots.vault_id
    secret = keyring_backend.passwords[(SERVICE, f"{vault_id}:{COORDINATOR_USERNAME}")]
    assert signed_in.vault.data_key.view().hex() not in secret
    device_slots = [s for s in KeySlotFile.load(vault_layout.keyslots).slots if s.kind == DEVICE]
    assert [s.username for s in device_slots] == [COORDINATOR_USERNAME]

    by_device = SignInService(vault_layout, clock).sign_in_with_device(COORDINATOR_USERNAME, device)
    by_device.vault.lock()
    assert by_device.user.username == COORDINATOR_USERNAME
    # Another user on the same computer is not signed in by the coordinator's entry.
    with pytest.raises(DeviceNotRememberedError):
        SignInService(vault_layout, clock).sign_in_with_device("someone", device)

    accounts.forget_device(device)
    assert keyring_backend.passwords == {}
    assert [s for s in KeySlotFile.load(vault_layout.keyslots).slots if s.kind == DEVICE] == []
    with pytest.raises(DeviceNotRememberedError):
        SignInService(vault_layout, clock).sign_in_with_device(COORDINATOR_USERNAME, device)


def test_coordinator_can_forbid_remembering(
    coordinator: tuple[SignedIn, str],
    vault_layout: VaultLayout,
    clock: FakeClock,
    kdf: FastKdfPolicy,
    add_account: AddAccount,
    keyring_backend: InMemoryKeyring,
) -> None:
    signed_in, _recovery = coordinator
    add_account(Role.GANGS_WORKER, "worker")
    device = DeviceKeyring(keyring_backend)
    worker = SignInService(vault_layout, clock).sign_in("worker", PASSPHRASE)
    _accounts(worker, kdf, clock).remember_on_device(device)
    worker.vault.lock()
    _accounts(signed_in, kdf, clock).remember_on_device(device)
    assert len([s for s in signed_in.vault.slots.slots if s.kind == DEVICE]) == 2

    accounts = _accounts(signed_in, kdf, clock)
    accounts.set_remember_allowed(False)

    slots = KeySlotFile.load(vault_layout.keyslots)
    assert not slots.remember_allowed
    assert [s for s in slots.slots if s.kind == DEVICE] == []
    for username in ("worker", COORDINATOR_USERNAME):
        with pytest.raises(RememberForbiddenError):
            SignInService(vault_layout, clock).sign_in_with_device(username, device)
    with pytest.raises(PermissionDeniedError):
        accounts.remember_on_device(device)
    assert _audited(signed_in, actions.SETTING_CHANGED) == ["remember_allowed"]

    # Allowing it again does not bring the removed slots back: each user must opt in again.
    accounts.set_remember_allowed(True)
    with pytest.raises(DeviceNotRememberedError):
        SignInService(vault_layout, clock).sign_in_with_device("worker", device)


def test_no_credential_store_means_no_remembering(
    coordinator: tuple[SignedIn, str], clock: FakeClock, kdf: FastKdfPolicy
) -> None:
    signed_in, _recovery = coordinator
    device = DeviceKeyring(fail.Keyring())  # type: ignore[no-untyped-call]
    assert device.unavailable_reason() is not None
    assert device.load(signed_in.vault.slots.vault_id, COORDINATOR_USERNAME) is None
    slots_before = signed_in.vault.layout.keyslots.read_bytes()
    with pytest.raises(AccountError, match="credential store"):
        _accounts(signed_in, kdf, clock).remember_on_device(device)
    assert signed_in.vault.layout.keyslots.read_bytes() == slots_before


def test_windows_credentials_are_kept_on_this_machine() -> None:
    """Credential Manager roams 'enterprise' credentials; the device key must stay local."""

    class WinVaultKeyring(InMemoryKeyring):
        pass

    backend = WinVaultKeyring()
    DeviceKeyring(backend)
    assert backend.persist == "local machine"
    other = InMemoryKeyring()
    DeviceKeyring(other)
    assert other.persist is None


# ---- two windows on one vault ----------------------------------------------------------------


def test_changes_from_another_window_are_not_undone(
    coordinator: tuple[SignedIn, str],
    vault_layout: VaultLayout,
    clock: FakeClock,
    kdf: FastKdfPolicy,
    add_account: AddAccount,
    keyring_backend: InMemoryKeyring,
) -> None:
    """Each session read the slot file at sign-in; saving that old copy would lose changes."""
    signed_in, _recovery = coordinator
    add_account(Role.GANGS_WORKER, "worker")
    other_window = SignInService(vault_layout, clock).sign_in("worker", PASSPHRASE)
    try:
        _accounts(other_window, kdf, clock).change_own_passphrase(
            PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE
        )
        _accounts(other_window, kdf, clock).remember_on_device(DeviceKeyring(keyring_backend))
    finally:
        other_window.vault.lock()

    # The coordinator's window signed in before those changes and now saves the slot file.
    _accounts(signed_in, kdf, clock).add_account("analyst", "An Analyst", Role.ANALYST, PASSPHRASE)

    with pytest.raises(WrongPassphraseError):
        SignInService(vault_layout, clock).sign_in("worker", PASSPHRASE)
    assert _sign_in(vault_layout, clock, "worker", NEW_PASSPHRASE).user.username == "worker"
    by_device = SignInService(vault_layout, clock).sign_in_with_device(
        "worker", DeviceKeyring(keyring_backend)
    )
    by_device.vault.lock()
    assert _sign_in(vault_layout, clock, "analyst", PASSPHRASE).user.role is Role.ANALYST

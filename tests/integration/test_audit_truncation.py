"""Rows cut from the end of the audit log leave a valid chain; the head noted at lock shows it."""

from __future__ import annotations

import pytest

from desktop.models.accounts import Role
from desktop.services.bundle import Services
from desktop.services.permissions import PermissionDeniedError
from desktop.services.sign_in_service import SignedIn, SignInService
from desktop.services.verify_service import verify_vault
from desktop.vault.layout import VaultLayout
from tests.conftest import COORDINATOR_USERNAME, PASSPHRASE, AddAccount, FakeClock, FastKdfPolicy
from tests.integration.helpers import raw_connect, raw_read


def _lock_through_services(signed_in: SignedIn, kdf: FastKdfPolicy, clock: FakeClock) -> str:
    """Locks as the application does; returns the data key (hex) taken before locking."""
    key_hex = signed_in.vault.data_key.view().hex()
    Services.for_session(signed_in, kdf, clock).end()
    return key_hex


def test_rows_removed_from_the_end_are_detected(
    coordinator: tuple[SignedIn, str],
    vault_layout: VaultLayout,
    kdf: FastKdfPolicy,
    clock: FakeClock,
) -> None:
    signed_in, _ = coordinator
    key_hex = _lock_through_services(signed_in, kdf, clock)
    newest = raw_read(vault_layout.database, key_hex, "SELECT max(id) FROM audit_log")[0][0]

    connection = raw_connect(vault_layout.database, key_hex)
    connection.execute("DROP TRIGGER audit_log_no_delete")
    connection.execute("DELETE FROM audit_log WHERE id >= ?", (newest - 1,))
    connection.commit()
    connection.close()

    again = SignInService(vault_layout, clock).sign_in(COORDINATOR_USERNAME, PASSPHRASE)
    verdict = Services.for_session(again, kdf, clock).audit.verify_chain()
    again.vault.lock()
    assert any(f"audit row {newest}: missing" in problem for problem in verdict.problems)


def test_an_intact_log_passes_with_its_recorded_head(
    coordinator: tuple[SignedIn, str],
    vault_layout: VaultLayout,
    kdf: FastKdfPolicy,
    clock: FakeClock,
) -> None:
    signed_in, _ = coordinator
    _lock_through_services(signed_in, kdf, clock)
    report = verify_vault(vault_layout, COORDINATOR_USERNAME, PASSPHRASE, clock)
    assert report.sound, report.lines
    # verify itself records the new head: a second run still passes.
    assert verify_vault(vault_layout, COORDINATOR_USERNAME, PASSPHRASE, clock).sound


def test_verify_is_a_coordinators_task(
    add_account: AddAccount, vault_layout: VaultLayout, clock: FakeClock
) -> None:
    add_account(Role.GANGS_WORKER, "worker")
    with pytest.raises(PermissionDeniedError):
        verify_vault(vault_layout, "worker", PASSPHRASE, clock)

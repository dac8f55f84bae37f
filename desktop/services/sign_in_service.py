"""Signing in: throttling, opening the vault, the account check, and auditing every attempt."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from desktop.clock import Clock
from desktop.services import actions
from desktop.vault.attempts import AttemptLog
from desktop.vault.device_keyring import DeviceKeyring
from desktop.vault.errors import (
    AccountDisabledError,
    DatabaseDamagedError,
    KeySlotFileTamperedError,
    ThrottledError,
    UnknownUserError,
    VaultError,
    VaultMismatchError,
    WrongPassphraseError,
)
from desktop.vault.kdf import KdfPolicy
from desktop.vault.keyslots import USER, KeySlotFile
from desktop.vault.layout import VaultLayout
from desktop.vault.secret import SecretKey

# The unlock screen is built from this module, and shows before these are imported (the ORM,
# Alembic, filelock and zxcvbn take longer than the screen itself); each method that opens the
# vault imports what it needs (issue 12: start-up).
if TYPE_CHECKING:
    from desktop.services.current_user import CurrentUser
    from desktop.vault.open_vault import OpenVault

UNKNOWN_USER = "(unknown user)"


class WrongRecoveryKeyError(VaultError):
    def __init__(self) -> None:
        super().__init__("That recovery key is not correct for this vault.")


class RecoveryInputError(VaultError):
    """The new passphrase or the account chosen for recovery is not acceptable."""


OUTCOMES: dict[type[VaultError], str] = {
    UnknownUserError: "unknown user",
    WrongPassphraseError: "wrong passphrase",
    AccountDisabledError: "account disabled",
    KeySlotFileTamperedError: "key-slot file altered",
    VaultMismatchError: "database belongs to another vault",
    DatabaseDamagedError: "database damaged",
    WrongRecoveryKeyError: "wrong recovery key",
}


class DeviceNotRememberedError(VaultError):
    def __init__(self) -> None:
        super().__init__("This computer does not remember you. Sign in with your passphrase.")


class RememberForbiddenError(VaultError):
    def __init__(self) -> None:
        super().__init__("The coordinator has turned off 'remember on this device' for this vault.")


@dataclass
class SignedIn:
    vault: OpenVault
    user: CurrentUser


class SignInService:
    def __init__(self, layout: VaultLayout, clock: Clock) -> None:
        self._layout = layout
        self._clock = clock

    def is_demo(self) -> bool:
        from desktop.vault.open_vault import load_slots  # deferred: see the imports above

        try:
            return load_slots(self._layout).demo
        except VaultError:
            return False

    def sign_in(self, username: str, passphrase: str) -> SignedIn:
        username = username.strip()
        return self._attempt(
            username, lambda slots: slots.unlock_with_passphrase(username, passphrase)
        )

    def sign_in_with_device(self, username: str, device: DeviceKeyring) -> SignedIn:
        username = username.strip()

        def open_slot(slots: KeySlotFile) -> SecretKey:
            if not slots.remember_allowed:
                raise RememberForbiddenError()
            remembered = device.load(slots.vault_id, username)
            if remembered is None:
                raise DeviceNotRememberedError()
            try:
                return slots.unlock_with_device_key(*remembered)
            except WrongPassphraseError as error:
                raise DeviceNotRememberedError() from error

        return self._attempt(username, open_slot)

    def recover(
        self, recovery_key: str, username: str, new_passphrase: str, kdf_policy: KdfPolicy
    ) -> SignedIn:
        """Every coordinator passphrase forgotten: the recovery key sets a coordinator's anew."""
        from desktop.models.accounts import Role  # deferred: see the imports above
        from desktop.services import audit_chain
        from desktop.vault import passphrase_policy

        found = passphrase_policy.problems(new_passphrase)
        if found:
            raise RecoveryInputError(" ".join(found))
        username = username.strip()

        def open_slot(slots: KeySlotFile) -> SecretKey:
            try:
                return slots.unlock_with_recovery_key(recovery_key.strip().upper())
            except WrongPassphraseError as error:
                raise WrongRecoveryKeyError() from error

        signed_in = self._attempt(username, open_slot)
        vault, user = signed_in.vault, signed_in.user
        if user.role is not Role.COORDINATOR:
            vault.lock()
            raise RecoveryInputError("The recovery key can only reset a coordinator's passphrase.")
        vault.slots.remove_slots(username=username, kind=USER)
        vault.slots.add_passphrase_slot(USER, username, new_passphrase, vault.data_key, kdf_policy)
        vault.save_slots()
        with vault.sessions.begin() as session:
            audit_chain.append(
                session,
                self._clock.now(),
                username,
                actions.PASSPHRASE_RESET,
                "account",
                str(user.account_id),
                ("passphrase",),
                outcome="with the recovery key",
            )
        return signed_in

    def _attempt(self, username: str, open_slot: Callable[[KeySlotFile], SecretKey]) -> SignedIn:
        from desktop.vault.open_vault import load_slots  # deferred: see the imports above

        attempts = AttemptLog.load(self._layout.attempts)
        now = self._clock.now()
        wait = attempts.wait_seconds(now)
        if wait:
            attempts.record_refusal(now, UNKNOWN_USER, "refused: waiting after failed attempts")
            raise ThrottledError(wait)
        known_name = UNKNOWN_USER
        try:
            slots = load_slots(self._layout)
            if username in slots.usernames() or username in slots.disabled_usernames:
                known_name = username
            vault = self._open(slots, open_slot, now)
        except (
            UnknownUserError,
            WrongPassphraseError,
            AccountDisabledError,
            WrongRecoveryKeyError,
        ) as error:
            attempts.record_failure(now, known_name, OUTCOMES[type(error)])
            raise
        except (KeySlotFileTamperedError, VaultMismatchError, DatabaseDamagedError) as error:
            attempts.record_refusal(now, known_name, OUTCOMES[type(error)])
            raise
        except (DeviceNotRememberedError, RememberForbiddenError):
            raise
        return self._finish(vault, username, attempts)

    def _open(
        self, slots: KeySlotFile, open_slot: Callable[[KeySlotFile], SecretKey], now: datetime
    ) -> OpenVault:
        """Takes the one-writer lock first: no key is unwrapped while another Casebook writes."""
        from desktop.vault.writer_lock import acquire_writer_lock  # deferred: see the imports above

        writer = acquire_writer_lock(self._layout.writer_lock)
        try:
            vault = self._open_locked(slots, open_slot, now)
        except BaseException:
            writer.release()
            raise
        vault.writer = writer
        return vault

    def _open_locked(
        self, slots: KeySlotFile, open_slot: Callable[[KeySlotFile], SecretKey], now: datetime
    ) -> OpenVault:
        from desktop.vault.open_vault import open_with_key  # deferred: see the imports above

        try:
            return open_with_key(self._layout, slots, open_slot(slots), now)
        except DatabaseDamagedError:
            # A re-key interrupted after the database changed key: the pending slots open it.
            pending_path = self._layout.pending_keyslots
            if not pending_path.exists():
                raise
            pending = KeySlotFile.load(pending_path)
            vault = open_with_key(self._layout, pending, open_slot(pending), now)
            os.replace(pending_path, self._layout.keyslots)
            return vault

    def _finish(self, vault: OpenVault, username: str, attempts: AttemptLog) -> SignedIn:
        from sqlalchemy import select  # deferred: see the imports above

        from desktop.models.accounts import Account
        from desktop.services import audit_chain
        from desktop.services.current_user import CurrentUser

        now = self._clock.now()
        with vault.sessions.begin() as session:
            account = session.execute(
                select(Account).where(Account.username == username)
            ).scalar_one_or_none()
            if account is None or not account.active:
                audit_chain.append(
                    session, now, username, actions.UNLOCK_FAILED, outcome="account disabled"
                )
                disabled = True
            else:
                disabled = False
                for event in attempts.record_success():
                    audit_chain.append(
                        session,
                        event.at,
                        event.username,
                        actions.UNLOCK_FAILED,
                        outcome=event.outcome,
                    )
                if vault.safety_copy is not None:
                    audit_chain.append(
                        session,
                        now,
                        username,
                        actions.MIGRATED,
                        outcome="safety copy taken before migrating",
                    )
                audit_chain.append(session, now, username, actions.SIGN_IN)
                user = CurrentUser(
                    account.id,
                    account.username,
                    account.display_name,
                    account.role,
                    account.must_change_passphrase,
                )
        if disabled:
            vault.lock()
            attempts.record_failure(now, username, "account disabled")
            raise AccountDisabledError()
        return SignedIn(vault, user)

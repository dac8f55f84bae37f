"""Accounts and their keys: adding, disabling, roles, passphrases, re-keying, remembering."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.clock import Clock
from desktop.models.accounts import Account, Role
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import ROLE_RECORD_SCOPE, PermissionDeniedError, RecordScope
from desktop.vault import passphrase_policy
from desktop.vault.device_keyring import DeviceKeyring
from desktop.vault.errors import WrongPassphraseError
from desktop.vault.kdf import KdfPolicy
from desktop.vault.keyslots import DEVICE, USER
from desktop.vault.open_vault import OpenVault

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")


class AccountError(ValueError):
    """Bad input for an account change; the message says what to fix."""


@dataclass(frozen=True)
class AccountRow:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    must_change_passphrase: bool


def validate_new_account(username: str, display_name: str, passphrase: str) -> list[str]:
    found: list[str] = []
    if not USERNAME_PATTERN.match(username):
        found.append(
            "The user name must be 2 to 64 lower-case letters, digits, dots, dashes or "
            "underscores, starting with a letter or digit."
        )
    if not display_name.strip():
        found.append("Enter the person's full name.")
    found.extend(passphrase_policy.problems(passphrase))
    return found


class AccountService:
    def __init__(
        self, vault: OpenVault, user: CurrentUser, kdf_policy: KdfPolicy, clock: Clock
    ) -> None:
        self._vault = vault
        self._user = user
        self._kdf = kdf_policy
        self._clock = clock

    @property
    def user(self) -> CurrentUser:
        return self._user

    def _require_coordinator(self, what: str) -> None:
        if self._user.role is not Role.COORDINATOR:
            raise PermissionDeniedError(what)

    def _audit(
        self,
        session: Session,
        action: str,
        account: Account,
        fields: tuple[str, ...] = (),
        outcome: str = "",
    ) -> None:
        audit_chain.append(
            session,
            self._clock.now(),
            self._user.username,
            action,
            "account",
            str(account.id),
            fields,
            outcome,
        )

    # ---- reading -------------------------------------------------------------------------
    def list_accounts(self) -> list[AccountRow]:
        self._require_coordinator("manage accounts")
        with self._vault.sessions.begin() as session:
            rows = session.execute(select(Account).order_by(Account.username)).scalars()
            return [_row(account) for account in rows]

    def staff_choices(self) -> list[tuple[int, str]]:
        """Active staff who work with the caseload, for key worker and allocation pickers."""
        caseload_roles = [
            role for role, scope in ROLE_RECORD_SCOPE.items() if scope is not RecordScope.NONE
        ]
        with self._vault.sessions.begin() as session:
            rows = session.execute(
                select(Account.id, Account.display_name)
                .where(Account.active, Account.role.in_(caseload_roles))
                .order_by(Account.display_name)
            ).all()
            return [(row.id, row.display_name) for row in rows]

    # ---- coordinator's changes -----------------------------------------------------------
    def add_account(self, username: str, display_name: str, role: Role, passphrase: str) -> int:
        self._require_coordinator("add accounts")
        username = username.strip().lower()
        _require_acceptable(validate_new_account(username, display_name, passphrase))
        with self._vault.sessions.begin() as session:
            taken = session.execute(
                select(func.count()).where(Account.username == username)
            ).scalar_one()
            if taken:
                raise AccountError("That user name is already taken.")
            account = Account(
                username=username,
                display_name=display_name.strip(),
                role=role,
                created_at=self._clock.now(),
                must_change_passphrase=True,
            )
            session.add(account)
            session.flush()
            self._audit(session, actions.ACCOUNT_CREATED, account, ("username", "role"))
            slots = self._vault.refresh_slots()
            slots.add_passphrase_slot(USER, username, passphrase, self._vault.data_key, self._kdf)
            if username in slots.disabled_usernames:
                slots.disabled_usernames.remove(username)
            self._vault.save_slots()
            return account.id

    def disable_account(self, account_id: int) -> None:
        """Removes every slot of the account; the caller should then offer to re-key."""
        self._require_coordinator("disable accounts")
        if account_id == self._user.account_id:
            raise AccountError("You cannot disable your own account.")
        with self._vault.sessions.begin() as session:
            account = self._get(session, account_id)
            if account.role is Role.COORDINATOR:
                self._ensure_another_coordinator(session, account)
            account.active = False
            account.disabled_at = self._clock.now()
            self._audit(session, actions.ACCOUNT_DISABLED, account, ("active",))
            slots = self._vault.refresh_slots()
            slots.remove_slots(username=account.username)
            if account.username not in slots.disabled_usernames:
                slots.disabled_usernames.append(account.username)
            self._vault.save_slots()

    def enable_account(self, account_id: int, new_passphrase: str) -> None:
        self._require_coordinator("enable accounts")
        _require_acceptable(passphrase_policy.problems(new_passphrase))
        with self._vault.sessions.begin() as session:
            account = self._get(session, account_id)
            account.active = True
            account.disabled_at = None
            account.must_change_passphrase = True
            self._audit(session, actions.ACCOUNT_ENABLED, account, ("active",))
            self._vault.refresh_slots()
            self._replace_user_slot(account.username, new_passphrase)

    def change_role(self, account_id: int, role: Role) -> None:
        self._require_coordinator("change roles")
        with self._vault.sessions.begin() as session:
            account = self._get(session, account_id)
            if account.role is role:
                return
            if account.role is Role.COORDINATOR:
                self._ensure_another_coordinator(session, account)
            account.role = role
            self._audit(session, actions.ROLE_CHANGED, account, ("role",), outcome=role.value)

    def reset_passphrase(self, account_id: int, new_passphrase: str) -> None:
        """For a forgotten passphrase: a new slot, to be changed at the next sign-in."""
        self._require_coordinator("reset passphrases")
        _require_acceptable(passphrase_policy.problems(new_passphrase))
        with self._vault.sessions.begin() as session:
            account = self._get(session, account_id)
            account.must_change_passphrase = True
            self._audit(session, actions.PASSPHRASE_RESET, account, ("passphrase",))
            self._vault.refresh_slots().remove_slots(username=account.username, kind=DEVICE)
            self._replace_user_slot(account.username, new_passphrase)

    def rekey(self, progress: Callable[[int], None] | None = None) -> None:
        self._require_coordinator("re-key the vault")
        self._vault.refresh_slots()
        self._vault.rekey(progress)
        with self._vault.sessions.begin() as session:
            audit_chain.append(session, self._clock.now(), self._user.username, actions.REKEYED)

    # ---- the signed-in user's own key ----------------------------------------------------
    def change_own_passphrase(self, current: str, new: str, confirmation: str) -> None:
        _require_acceptable(passphrase_policy.problems(new, confirmation))
        try:
            self._vault.refresh_slots().unlock_with_passphrase(self._user.username, current).wipe()
        except WrongPassphraseError as error:
            raise AccountError("Your current passphrase is not correct.") from error
        with self._vault.sessions.begin() as session:
            account = self._get(session, self._user.account_id)
            account.must_change_passphrase = False
            self._audit(session, actions.PASSPHRASE_CHANGED, account, ("passphrase",))
            self._replace_user_slot(account.username, new)
        self._user = CurrentUser(
            self._user.account_id,
            self._user.username,
            self._user.display_name,
            self._user.role,
            False,
        )

    def remember_on_device(self, device: DeviceKeyring) -> None:
        if not self._vault.refresh_slots().remember_allowed:
            raise PermissionDeniedError("be remembered on this device")
        reason = device.unavailable_reason()
        if reason:
            raise AccountError(reason)
        self.forget_device(device, audit=False)
        slots = self._vault.slots
        slot, kek = slots.add_device_slot(self._user.username, self._vault.data_key)
        try:
            device.store(slots.vault_id, self._user.username, slot.slot_id, kek)
        finally:
            kek[:] = bytes(len(kek))
        self._vault.save_slots()
        with self._vault.sessions.begin() as session:
            self._audit(
                session, actions.DEVICE_REMEMBERED, self._get(session, self._user.account_id)
            )

    def forget_device(self, device: DeviceKeyring, *, audit: bool = True) -> None:
        slots = self._vault.refresh_slots()
        remembered = device.load(slots.vault_id, self._user.username)
        device.forget(slots.vault_id, self._user.username)
        if remembered is not None:
            slots.remove_slot(remembered[0])
            self._vault.save_slots()
        if audit:
            with self._vault.sessions.begin() as session:
                account = self._get(session, self._user.account_id)
                self._audit(session, actions.DEVICE_FORGOTTEN, account)

    def is_remembered(self, device: DeviceKeyring) -> bool:
        remembered = device.load(self._vault.slots.vault_id, self._user.username)
        return remembered is not None and any(
            slot.slot_id == remembered[0] for slot in self._vault.slots.slots
        )

    def remember_allowed(self) -> bool:
        return self._vault.slots.remember_allowed

    def set_remember_allowed(self, allowed: bool) -> None:
        self._require_coordinator("change the vault's settings")
        slots = self._vault.refresh_slots()
        slots.remember_allowed = allowed
        if not allowed:
            slots.remove_slots(kind=DEVICE)
        self._vault.save_slots()
        with self._vault.sessions.begin() as session:
            audit_chain.append(
                session,
                self._clock.now(),
                self._user.username,
                actions.SETTING_CHANGED,
                "setting",
                "remember_allowed",
                outcome="allowed" if allowed else "forbidden",
            )

    # ---- helpers -------------------------------------------------------------------------
    def _get(self, session: Session, account_id: int) -> Account:
        account = session.get(Account, account_id)
        if account is None:
            raise AccountError("That account no longer exists.")
        return account

    def _ensure_another_coordinator(self, session: Session, account: Account) -> None:
        others = session.execute(
            select(func.count()).where(
                Account.role == Role.COORDINATOR, Account.active, Account.id != account.id
            )
        ).scalar_one()
        if not others:
            raise AccountError("The vault must keep at least one active coordinator.")

    def _replace_user_slot(self, username: str, passphrase: str) -> None:
        slots = self._vault.slots
        slots.remove_slots(username=username, kind=USER)
        slots.add_passphrase_slot(USER, username, passphrase, self._vault.data_key, self._kdf)
        if username in slots.disabled_usernames:
            slots.disabled_usernames.remove(username)
        self._vault.save_slots()


def _require_acceptable(problems: list[str]) -> None:
    if problems:
        raise AccountError(" ".join(problems))


def _row(account: Account) -> AccountRow:
    return AccountRow(
        account.id,
        account.username,
        account.display_name,
        account.role,
        account.active,
        account.must_change_passphrase,
    )

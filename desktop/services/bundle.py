"""The services of one signed-in session, built by desktop.app and handed to the views."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.clock import Clock
from desktop.services import actions, audit_chain
from desktop.services.account_service import AccountService
from desktop.services.audit_service import AuditService
from desktop.services.current_user import CurrentUser
from desktop.services.draft_service import DraftService
from desktop.services.people_service import PeopleService
from desktop.services.settings_service import SettingsService
from desktop.services.sign_in_service import SignedIn
from desktop.vault.kdf import KdfPolicy


@dataclass
class Services:
    signed_in: SignedIn
    accounts: AccountService
    audit: AuditService
    drafts: DraftService
    people: PeopleService
    settings: SettingsService
    clock: Clock

    @property
    def user(self) -> CurrentUser:
        return self.accounts.user

    @classmethod
    def for_session(cls, signed_in: SignedIn, kdf_policy: KdfPolicy, clock: Clock) -> Services:
        sessions, user = signed_in.vault.sessions, signed_in.user
        return cls(
            signed_in=signed_in,
            accounts=AccountService(signed_in.vault, user, kdf_policy, clock),
            audit=AuditService(sessions, user, lambda: signed_in.vault.slots.audit_head),
            drafts=DraftService(sessions, user, clock),
            people=PeopleService(sessions, user, clock),
            settings=SettingsService(sessions, user, clock),
            clock=clock,
        )

    def end(self, action: str = actions.LOCK) -> None:
        """Audits the lock or sign-out, then drops every connection and wipes the key."""
        vault = self.signed_in.vault
        if vault.locked:
            return
        try:
            with vault.sessions.begin() as session:
                audit_chain.append(session, self.clock.now(), self.user.username, action)
                newest = audit_chain.head(session)
            vault.refresh_slots().audit_head = newest
            vault.save_slots()
        finally:
            vault.lock()

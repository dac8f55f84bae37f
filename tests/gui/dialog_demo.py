"""The demo vault as the dialog walk sees it: signed in as any role, with real rows to open."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import cached_property
from pathlib import Path

from desktop.models.accounts import Role
from desktop.services.bundle import Services
from desktop.services.demo_service import demo_username
from desktop.services.engagement_records import ActivityView
from desktop.services.retention_review_service import DueRecord
from desktop.services.sign_in_service import SignedIn, SignInService
from desktop.services.therapy_records import MemberRow
from desktop.services.vault_setup_service import initialise_vault
from desktop.vault.layout import VaultLayout
from tests.conftest import PASSPHRASE, FakeClock, FastKdfPolicy

# Far enough back to hold every record the demo writes.
LONG_AGO = date(2000, 1, 1)


class Demo:
    """One copy of the demo vault, signed in as whichever role a dialog needs (each role once:
    sign-ins in one process share the vault's lock)."""

    def __init__(self, layout: VaultLayout, spare_folder: Path) -> None:
        self._layout = layout
        self._spare_folder = spare_folder
        self.clock = FakeClock()
        self._kdf = FastKdfPolicy()
        self._services: dict[Role, Services] = {}
        self._new_vaults: list[SignedIn] = []

    def as_(self, role: Role = Role.COORDINATOR) -> Services:
        if role not in self._services:
            signed_in = SignInService(self._layout, self.clock).sign_in(
                demo_username(role), PASSPHRASE
            )
            self._services[role] = Services.for_session(signed_in, self._kdf, self.clock)
        return self._services[role]

    def create_vault(self, username: str, name: str, passphrase: str) -> tuple[SignedIn, str]:
        """What the first-run wizard calls: a real new vault beside the demo's copy."""
        layout = VaultLayout(self._spare_folder / f"first-run-{len(self._new_vaults)}")
        created = initialise_vault(layout, username, name, passphrase, self._kdf, self.clock)
        self._new_vaults.append(created[0])
        return created

    def lock(self) -> None:
        for services in self._services.values():
            services.signed_in.vault.lock()
        for signed_in in self._new_vaults:
            signed_in.vault.lock()

    # ---- what the dialogs are opened on -----------------------------------------------------

    @property
    def today(self) -> date:
        return self.clock.now().date()

    @property
    def now(self) -> datetime:
        return self.clock.now()

    @property
    def staff(self) -> list[tuple[int, str]]:
        return self.as_().accounts.staff_choices()

    @property
    def me(self) -> int:
        return self.as_().user.account_id

    @cached_property
    def person_ids(self) -> list[int]:
        return [row.id for row in self.as_().people.page(0, 200)]

    @property
    def person_id(self) -> int:
        return self.person_ids[0]

    def person_with(self, has: Callable[[Services, int], object]) -> int:
        """The first young person on the caseload for whom `has` finds something."""
        services = self.as_()
        for person_id in self.person_ids:
            if has(services, person_id):
                return person_id
        raise AssertionError("the demo vault has nobody with that")

    def people(self) -> list[tuple[int, str]]:
        return [(row.id, row.name) for row in self.as_().people.page(0, 20)]

    def partner_choices(self) -> list[tuple[int, str]]:
        partners = self.as_(Role.COMMUNITY_OFFICER).partners.partners()
        return [(row.id, row.name) for row in partners]

    def activity(self) -> ActivityView:
        engagement = self.as_(Role.COMMUNITY_OFFICER).engagement
        return engagement.activity(engagement.activities(LONG_AGO, self.today)[0].id)

    def meeting_id(self) -> int:
        return self.as_().meetings.meetings(LONG_AGO, self.today)[0].id

    def therapy_case_id(self) -> int:
        return self.as_(Role.FAMILY_THERAPIST).therapy.cases()[0].id

    def members(self) -> list[MemberRow]:
        return self.as_(Role.FAMILY_THERAPIST).therapy.members(self.therapy_case_id())

    def therapy_session_id(self) -> int:
        return self.as_(Role.FAMILY_THERAPIST).therapy.sessions(self.therapy_case_id())[0].id

    def signed_note_id(self) -> int:
        therapist = self.as_(Role.FAMILY_THERAPIST)
        for case in therapist.therapy.cases():
            for session in therapist.therapy.sessions(case.id):
                for note in therapist.therapy_notes.notes(session.id):
                    if note.signed:
                        return note.id
        raise AssertionError("the demo vault has no signed note")

    def due_record(self) -> DueRecord:
        """The first record whose retention review falls due, looking a year ahead at a time."""
        review = self.as_().retention_review
        for years in range(20):
            rows = review.due(date(self.today.year + years, self.today.month, 1))
            if rows:
                return rows[0]
        raise AssertionError("nothing in the demo vault falls due for review")

"""A unit with a coordinator, a gangs worker and a family therapist, and the helpers the meeting
tests share: young people allocated to chosen workers, meetings and the audit of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from desktop.models.accounts import Role
from desktop.models.choices import MeetingKind
from desktop.services.audit_service import AuditFilter, AuditRow, AuditService
from desktop.services.current_user import CurrentUser
from desktop.services.meeting_records import MeetingInput
from desktop.services.meeting_service import MeetingService
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.sign_in_service import SignedIn
from desktop.services.task_service import TaskService
from tests.conftest import AddAccount, FakeClock

HELD_AT = datetime(2025, 3, 13, 14, 0, tzinfo=UTC)  # the day before FIXED_NOW


@dataclass
class Unit:
    signed_in: SignedIn
    clock: FakeClock
    coordinator: CurrentUser
    worker: CurrentUser
    therapist: CurrentUser

    @property
    def today(self) -> date:
        return self.clock.now().date()

    def person(
        self, given: str, family: str, key_worker: CurrentUser, *allocated: CurrentUser
    ) -> int:
        people = PeopleService(self.signed_in.vault.sessions, self.coordinator, self.clock)
        details = PersonDetails(given, family)
        details.key_worker_id = key_worker.account_id
        details.allocated_ids = [user.account_id for user in allocated]
        return people.create(details)

    def meetings(self, user: CurrentUser | None = None) -> MeetingService:
        return MeetingService(self.signed_in.vault.sessions, user or self.coordinator, self.clock)

    def tasks(self, user: CurrentUser) -> TaskService:
        return TaskService(self.signed_in.vault.sessions, user, self.clock)

    def audit(self, action: str) -> list[AuditRow]:
        service = AuditService(self.signed_in.vault.sessions, self.coordinator)
        return service.page(AuditFilter(action=action), 0, 100)

    def meeting(
        self, kind: MeetingKind = MeetingKind.STRATEGY, minute_taker_id: int | None = None
    ) -> int:
        details = MeetingInput(
            kind,
            HELD_AT,
            "Civic Centre, room 4",
            "A. Chair",
            minute_taker_id=minute_taker_id,
        )
        return self.meetings().create_meeting(details)


@pytest.fixture
def unit(coordinator: tuple[SignedIn, str], clock: FakeClock, add_account: AddAccount) -> Unit:
    signed_in = coordinator[0]
    return Unit(
        signed_in,
        clock,
        signed_in.user,
        add_account(Role.GANGS_WORKER),
        add_account(Role.FAMILY_THERAPIST),
    )

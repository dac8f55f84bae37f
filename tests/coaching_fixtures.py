"""Employment coaching for tests: a coach, a gangs worker and a young person allocated to the
coach, with the plan and goal services for any user and a reader of the audit log."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from desktop.models.accounts import Role
from desktop.models.audit import AuditEntry
from desktop.services.coaching_goals_service import CoachingGoalsService
from desktop.services.coaching_service import CoachingService
from desktop.services.current_user import CurrentUser
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.sign_in_service import SignedIn
from tests.conftest import AddAccount, FakeClock

PERSON_GIVEN = "Jordan"
PERSON_FAMILY = "Okafor"


@dataclass
class Coaching:
    signed_in: SignedIn
    clock: FakeClock
    coach: CurrentUser
    worker: CurrentUser
    person_id: int

    @property
    def coordinator(self) -> CurrentUser:
        return self.signed_in.user

    def plans(self, user: CurrentUser | None = None) -> CoachingService:
        return CoachingService(self.signed_in.vault.sessions, user or self.coach, self.clock)

    def goals(self, user: CurrentUser | None = None) -> CoachingGoalsService:
        return CoachingGoalsService(self.signed_in.vault.sessions, user or self.coach, self.clock)

    def people(self, user: CurrentUser | None = None) -> PeopleService:
        return PeopleService(self.signed_in.vault.sessions, user or self.signed_in.user, self.clock)

    def audit_text(self) -> str:
        """Every audit entry as one line of text, to search for what must never be there."""
        with self.signed_in.vault.sessions.begin() as session:
            rows = session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()
            return "\n".join(
                f"{r.actor}|{r.action}|{r.entity_type}|{r.entity_id}|{r.fields}|{r.outcome}"
                for r in rows
            )

    def audit_actions(self) -> list[tuple[str, str, str]]:
        """(actor, action, fields) of every audit entry, oldest first."""
        with self.signed_in.vault.sessions.begin() as session:
            return [
                (row.actor, row.action, row.fields)
                for row in session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()
            ]


@pytest.fixture
def coaching(
    coordinator: tuple[SignedIn, str], add_account: AddAccount, clock: FakeClock
) -> Coaching:
    signed_in, _ = coordinator
    coach = add_account(Role.EMPLOYMENT_COACH, "coach")
    worker = add_account(Role.GANGS_WORKER, "worker")
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    person_id = people.create(
        PersonDetails(
            given_name=PERSON_GIVEN,
            family_name=PERSON_FAMILY,
            key_worker_id=worker.account_id,
            allocated_ids=[coach.account_id],
        )
    )
    return Coaching(signed_in, clock, coach, worker, person_id)

"""A family in therapy for tests: a therapist, two young people on the caseload, their mother
and a professional contact, and helpers that record sessions and notes and read the audit log."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from desktop.models.accounts import Role
from desktop.models.audit import AuditEntry
from desktop.models.choices import ContactKind, NoteFormat, SessionLocation
from desktop.services.current_user import CurrentUser
from desktop.services.network_service import ContactInput, NetworkService
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.sign_in_service import SignedIn
from desktop.services.therapy_note_service import NoteInput, TherapyNoteService
from desktop.services.therapy_service import CaseInput, Member, SessionInput, TherapyService
from tests.conftest import AddAccount, FakeClock

CANARY = "CANARY-process-7f3a9"
BODY_CANARY = "CANARY-body-51c2e"


@dataclass
class Family:
    signed_in: SignedIn
    clock: FakeClock
    therapist: CurrentUser
    case_id: int
    son: int
    daughter: int
    mother: int
    uncle_professional: int

    def therapy(self, user: CurrentUser | None = None) -> TherapyService:
        return TherapyService(self.signed_in.vault.sessions, user or self.therapist, self.clock)

    def notes(self, user: CurrentUser | None = None) -> TherapyNoteService:
        return TherapyNoteService(self.signed_in.vault.sessions, user or self.therapist, self.clock)


@pytest.fixture
def family(coordinator: tuple[SignedIn, str], add_account: AddAccount, clock: FakeClock) -> Family:
    signed_in, _ = coordinator
    therapist = add_account(Role.FAMILY_THERAPIST, "therapist")
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    son = people.create(
        PersonDetails(
            given_name="Tariq", family_name="Hassan", allocated_ids=[therapist.account_id]
        )
    )
    daughter = people.create(
        PersonDetails(
            given_name="Leila", family_name="Hassan", allocated_ids=[therapist.account_id]
        )
    )
    network = NetworkService(signed_in.vault.sessions, signed_in.user, clock)
    mother = network.add_contact(
        son, ContactInput(ContactKind.FAMILY, "Amina Hassan", "Mother", lives_with=True)
    )
    social_worker = network.add_contact(
        son, ContactInput(ContactKind.PROFESSIONAL, "Jo Bright", "Social worker", "Children's")
    )
    family = Family(signed_in, clock, therapist, 0, son, daughter, mother, social_worker)
    family.case_id = family.therapy().create_case(
        CaseInput(
            therapist_id=therapist.account_id,
            young_person_ids=(son, daughter),
            contact_ids=(mother,),
            consent_given=True,
            goals="Fewer arguments at home",
        )
    )
    return family


def record_session(family: Family, **changes: object) -> int:
    attendance = {
        Member("young_person", family.son): True,
        Member("young_person", family.daughter): False,
        Member("contact", family.mother): True,
    }
    details = SessionInput(
        starts_at=family.clock.now() - timedelta(hours=2),
        location=SessionLocation.HOME_VISIT,
        attendance=attendance,
    )
    return family.therapy().record_session(family.case_id, replace(details, **changes))


def make_note(process: str = CANARY) -> NoteInput:
    return NoteInput(
        NoteFormat.STRUCTURED,
        sections={"presenting": "School exclusion", "risk_check": "Asked; none disclosed."},
        body=f"Themes: school exclusion. {BODY_CANARY}",
        shareable_summary="Family engaged well; next session in two weeks.",
        process_notes=process,
        risk_concern=False,
    )


def audit_text(family: Family) -> str:
    with family.signed_in.vault.sessions.begin() as session:
        rows = session.execute(select(AuditEntry)).scalars().all()
        return "\n".join(
            f"{r.actor}|{r.action}|{r.entity_type}|{r.entity_id}|{r.fields}|{r.outcome}"
            for r in rows
        )


def audit_actions(family: Family) -> list[tuple[str, str, str]]:
    with family.signed_in.vault.sessions.begin() as session:
        return [
            (row.actor, row.action, row.fields)
            for row in session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()
        ]

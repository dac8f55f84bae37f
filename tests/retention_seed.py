"""Seeds a closed case record with a word planted in every kind of row about the young person,
through the real services (and, for tables whose services are still being written, the ORM)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desktop.models.accounts import Role
from desktop.models.choices import (
    ActionStatus,
    CaseStatus,
    ClosureOutcome,
    ClosureReason,
    CoachingMode,
    ContactKind,
    EntryType,
    LawfulBasis,
    MeetingKind,
    NoteFormat,
    ReferralSource,
    SharingKind,
)
from desktop.models.data_protection import BreakGlassAccess, SharingDecision, SubjectAccessRequest
from desktop.models.meetings import Meeting, MeetingAction, MeetingPerson
from desktop.models.people import YoungPerson
from desktop.services.chronology_service import ChronologyService, EntryInput
from desktop.services.coaching_records import PlanInput
from desktop.services.coaching_service import CoachingService
from desktop.services.coaching_session_records import SessionInput as CoachingSessionInput
from desktop.services.coaching_sessions_service import CoachingSessionsService
from desktop.services.draft_service import DraftService
from desktop.services.network_service import ContactInput, NetworkService
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.referral_service import ReferralInput, ReferralService
from desktop.services.sign_in_service import SignedIn
from desktop.services.status_service import StatusService
from desktop.services.therapy_note_service import NoteInput, TherapyNoteService
from desktop.services.therapy_records import CaseInput, Member, SessionInput
from desktop.services.therapy_service import TherapyService
from tests.conftest import AddAccount, FakeClock


@dataclass(frozen=True)
class SeededCase:
    person_id: int
    case_reference: str
    therapy_case_id: int
    coaching_plan_id: int
    request_id: int


def make_person(signed_in: SignedIn, clock: FakeClock, given: str, family: str) -> int:
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    return people.create(
        PersonDetails(given_name=given, family_name=family, date_of_birth=date(2007, 6, 1))
    )


def close_case(signed_in: SignedIn, clock: FakeClock, person_id: int, why: str = "Moved") -> None:
    StatusService(signed_in.vault.sessions, signed_in.user, clock).change_status(
        person_id,
        CaseStatus.CLOSED,
        why,
        "Outcome met",
        ClosureReason.GOALS_MET,
        ClosureOutcome.RISK_REDUCED,
    )


def seed_case(
    signed_in: SignedIn, clock: FakeClock, add_account: AddAccount, canary: str
) -> SeededCase:
    """A young person with the canary in every part of their record, then closed."""
    sessions, user = signed_in.vault.sessions, signed_in.user
    people = PeopleService(sessions, user, clock)
    therapist = add_account(Role.FAMILY_THERAPIST, "therapist")
    coach = add_account(Role.EMPLOYMENT_COACH, "coach")
    person_id = people.create(
        PersonDetails(
            given_name=f"{canary}Given",
            family_name=canary,
            date_of_birth=date(2007, 6, 1),
            summary=f"Summary {canary}",
            aliases=[f"{canary}Alias"],
            allocated_ids=[therapist.account_id, coach.account_id],
        )
    )
    people.add_address(person_id, f"1 {canary} Road", "E1 1AA", date(2020, 1, 1))
    people.add_reference(person_id, "Police", f"{canary}Ref")

    chronology = ChronologyService(sessions, user, clock)
    entry = EntryInput(clock.now() - timedelta(days=3), EntryType.VISIT, f"Visit {canary}")
    entry_id = chronology.add_entry(person_id, entry)
    clock.advance(60)
    chronology.edit_entry(
        entry_id, EntryInput(entry.occurred_at, EntryType.VISIT, "Visit", f"Later {canary}"), 1
    )
    DraftService(sessions, user, clock).save(f"chronology:{person_id}:new", {"summary": canary})

    network = NetworkService(sessions, user, clock)
    mother = network.add_contact(
        person_id, ContactInput(ContactKind.FAMILY, f"{canary}Mother", "Mother", lives_with=True)
    )
    ReferralService(sessions, user, clock).add_referral(
        person_id,
        ReferralInput(date(2024, 1, 5), ReferralSource.POLICE, referrer=canary, reason=canary),
    )

    therapy = TherapyService(sessions, therapist, clock)
    case_id = therapy.create_case(
        CaseInput(
            therapist_id=therapist.account_id,
            young_person_ids=(person_id,),
            contact_ids=(mother,),
            consent_given=True,
            goals=f"Goals {canary}",
        )
    )
    session_id = therapy.record_session(
        case_id,
        SessionInput(
            starts_at=clock.now() - timedelta(hours=2),
            attendance={Member("young_person", person_id): True, Member("contact", mother): True},
        ),
    )
    notes = TherapyNoteService(sessions, therapist, clock)
    note_id = notes.start_note(
        session_id,
        NoteInput(
            NoteFormat.STRUCTURED,
            sections={"presenting": f"Presenting {canary}", "risk_check": "Asked; none."},
            body=f"Body {canary}",
            shareable_summary=f"Shareable {canary}",
            process_notes=f"Process {canary}",
            risk_concern=False,
        ),
    )
    notes.sign_note(note_id)
    notes.add_addendum(note_id, f"Addendum {canary}")

    coaching = CoachingService(sessions, coach, clock)
    plan_id = coaching.create_plan(
        person_id, PlanInput(coach.account_id, date(2024, 2, 1), aspirations=f"Be {canary}")
    )
    CoachingSessionsService(sessions, coach, clock).record_session(
        plan_id,
        CoachingSessionInput(
            clock.now() - timedelta(hours=1),
            CoachingMode.IN_PERSON,
            45,
            True,
            what_was_done=f"CV {canary}",
        ),
    )

    now = clock.now()
    with sessions.begin() as session:
        request = SubjectAccessRequest(
            young_person_id=person_id,
            requested_by=f"{canary} solicitor",
            received_on=date(2024, 3, 1),
            due_on=date(2024, 4, 1),
            notes=f"Notes {canary}",
            created_by_id=user.account_id,
            created_at=now,
        )
        meeting = Meeting(
            kind=MeetingKind.STRATEGY,
            held_at=now,
            agenda="Weekly",
            created_by_id=user.account_id,
            created_at=now,
            updated_at=now,
        )
        session.add_all([request, meeting])
        session.flush()
        session.add_all(
            [
                MeetingPerson(meeting_id=meeting.id, young_person_id=person_id),
                MeetingAction(
                    meeting_id=meeting.id,
                    description=f"Action {canary}",
                    status=ActionStatus.TO_DO,
                    young_person_id=person_id,
                    created_at=now,
                    updated_at=now,
                ),
                SharingDecision(
                    young_person_id=person_id,
                    kind=SharingKind.CONSENT,
                    lawful_basis=LawfulBasis.CONSENT,
                    given_by=f"{canary}Mother",
                    scope=f"Scope {canary}",
                    decided_on=date(2024, 1, 6),
                    recorded_by_id=user.account_id,
                    recorded_at=now,
                ),
                BreakGlassAccess(
                    young_person_id=person_id,
                    account_id=coach.account_id,
                    reason=f"Reason {canary}",
                    opened_at=now,
                    expires_at=now + timedelta(hours=1),
                ),
            ]
        )
        request_id = request.id
    close_case(signed_in, clock, person_id, f"Closed {canary}")
    return SeededCase(person_id, case_reference(signed_in, person_id), case_id, plan_id, request_id)


def case_reference(signed_in: SignedIn, person_id: int) -> str:
    with signed_in.vault.sessions.begin() as session:
        person = session.get(YoungPerson, person_id)
        assert person is not None
        return person.case_reference

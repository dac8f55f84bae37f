"""A synthetic young person with a full record for the case-conference pack: family, referral,
RAG history and flags, interventions, family therapy with a signed note, a coaching plan and a
long chronology. Built through the services (the chronology in one session, for speed)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Role
from desktop.models.choices import (
    ContactKind,
    EetActivity,
    EntryType,
    Gender,
    InterventionType,
    NoteFormat,
    Rag,
    ReferralSource,
    SessionLocation,
)
from desktop.models.chronology import ChronologyEntry
from desktop.services.account_service import AccountService
from desktop.services.coaching_goals_service import CoachingGoalsService
from desktop.services.coaching_records import EetInput, GoalInput, PlanInput
from desktop.services.coaching_service import CoachingService
from desktop.services.current_user import CurrentUser
from desktop.services.intervention_service import InterventionInput, InterventionService
from desktop.services.network_service import ContactInput, NetworkService
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.referral_service import ReferralInput, ReferralService
from desktop.services.risk_service import RiskService
from desktop.services.sign_in_service import SignedIn
from desktop.services.text_folding import fold_entry
from desktop.services.therapy_note_service import TherapyNoteService
from desktop.services.therapy_records import CaseInput, Member, NoteInput, SessionInput
from desktop.services.therapy_service import TherapyService
from desktop.vault.kdf import KdfPolicy

PASSPHRASE = "conference case passphrase"
SHAREABLE = "Family engaged well and agreed a plan for calmer evenings at home."
CHRONOLOGY_TYPES = (
    EntryType.VISIT,
    EntryType.PHONE,
    EntryType.RIDE_OUT,
    EntryType.NOTE,
    EntryType.INCIDENT,
    EntryType.MEETING,
)


# (role, username, display name) -> the new account, as its user
AccountMaker = Callable[[Role, str, str], CurrentUser]


@dataclass(frozen=True)
class ConferenceCase:
    person_id: int
    case_reference: str
    coordinator: CurrentUser
    worker: CurrentUser
    therapist: CurrentUser
    coach: CurrentUser
    analyst: CurrentUser
    community: CurrentUser


def build_conference_case(
    signed_in: SignedIn,
    kdf: KdfPolicy,
    clock: Clock,
    entries: int = 200,
    process_notes: str = "Private reflections of the therapist.",
    shareable: str = SHAREABLE,
    make_account: AccountMaker | None = None,
) -> ConferenceCase:
    """make_account: how the staff accounts are made; by default through AccountService, each
    with a passphrase slot (PASSPHRASE), so tests can sign in as them."""
    sessions = signed_in.vault.sessions
    boss = signed_in.user
    accounts = AccountService(signed_in.vault, boss, kdf, clock)

    def add_with_slot(role: Role, username: str, name: str) -> CurrentUser:
        account_id = accounts.add_account(username, name, role, PASSPHRASE)
        return CurrentUser(account_id, username, name, role, True)

    account = make_account or add_with_slot

    worker = account(Role.GANGS_WORKER, "worker", "Sam Worker")
    therapist = account(Role.FAMILY_THERAPIST, "therapist", "Tess Therapist")
    coach = account(Role.EMPLOYMENT_COACH, "coach", "Cal Coach")
    advocate = account(Role.ADVOCATE, "advocate", "Ada Advocate")
    analyst = account(Role.ANALYST, "analyst", "Ann Analyst")
    community = account(Role.COMMUNITY_OFFICER, "community", "Col Community")
    today = clock.now().date()
    people = PeopleService(sessions, boss, clock)
    person_id = people.create(
        PersonDetails(
            given_name="Tariq",
            family_name="Hassan",
            known_as="T",
            date_of_birth=date(today.year - 15, 6, 2),
            gender=Gender.MALE,
            first_language="English",
            school_or_college="Riverside Academy",
            key_worker_id=worker.account_id,
            allocated_ids=[therapist.account_id, coach.account_id, advocate.account_id],
            summary="Referred after being found in another county with cash and two phones.",
        )
    )
    network = NetworkService(sessions, boss, clock)
    mother = network.add_contact(
        person_id,
        ContactInput(
            ContactKind.FAMILY,
            "Amina Hassan",
            "Mother",
            lives_with=True,
            parental_responsibility=True,
        ),
    )
    network.add_contact(person_id, ContactInput(ContactKind.FAMILY, "Yusuf Hassan", "Brother"))
    network.add_contact(
        person_id,
        ContactInput(ContactKind.PROFESSIONAL, "Jo Bright", "Social worker", "Children's services"),
    )
    ReferralService(sessions, boss, clock).add_referral(
        person_id,
        ReferralInput(
            received_on=today - timedelta(days=300),
            source=ReferralSource.POLICE,
            referrer="PC Lane, county lines team",
            reason="Found in another county with cash and two phones.",
            concerns="Possible child criminal exploitation.",
        ),
    )
    risk = RiskService(sessions, boss, clock)
    risk.set_rag(person_id, Rag.RED, "Found out of area; exploitation suspected.")
    risk.set_rag(person_id, Rag.AMBER, "Engaging with his worker; no missing episodes lately.")
    flag_types = {row.code: row.id for row in risk.flag_types()}
    risk.add_flag(person_id, flag_types["cce"], today - timedelta(days=290), "Police referral")
    ended = risk.add_flag(
        person_id, flag_types["missing"], today - timedelta(days=280), "Missing reports"
    )
    risk.end_flag(ended, today - timedelta(days=60))
    interventions = InterventionService(sessions, boss, clock)
    interventions.add_intervention(
        person_id,
        InterventionInput(
            InterventionType.MENTORING,
            today - timedelta(days=250),
            owner_id=worker.account_id,
            description="Weekly mentoring and ride-outs.",
        ),
    )
    interventions.add_intervention(
        person_id,
        InterventionInput(
            InterventionType.WARNING_LETTER,
            today - timedelta(days=100),
            today - timedelta(days=90),
            owner_id=boss.account_id,
            description="Warning letter about anti-social behaviour on the estate.",
            outcome="No further reports since.",
            rationale="Repeated reports despite mentoring.",
        ),
    )
    _therapy(sessions, therapist, clock, person_id, mother, process_notes, shareable)
    _coaching(sessions, coach, clock, person_id)
    with sessions.begin() as session:
        add_chronology(session, person_id, worker.account_id, clock.now(), entries)
    reference = people.open_record(person_id).case_reference
    return ConferenceCase(person_id, reference, boss, worker, therapist, coach, analyst, community)


def add_chronology(
    session: Session, person_id: int, author_id: int, now: datetime, count: int
) -> None:
    """`count` entries, one every two days back from now; every tenth is significant."""
    for number in range(count):
        kind = CHRONOLOGY_TYPES[number % len(CHRONOLOGY_TYPES)]
        summary = f"{kind.label} number {number + 1}: spoke about school and staying safe."
        detail = "Talked through the week; no new concerns raised."
        when = now - timedelta(days=2 * (count - number), hours=number % 7)
        session.add(
            ChronologyEntry(
                young_person_id=person_id,
                occurred_at=when,
                entry_type=kind,
                author_id=author_id,
                summary=summary,
                detail=detail,
                significant=number % 10 == 0 or kind is EntryType.INCIDENT,
                search_fold=fold_entry(summary, detail),
                created_at=when,
            )
        )


def _therapy(
    sessions: sessionmaker[Session],
    therapist: CurrentUser,
    clock: Clock,
    person_id: int,
    mother: int,
    process_notes: str,
    shareable: str,
) -> None:
    therapy = TherapyService(sessions, therapist, clock)
    case_id = therapy.create_case(
        CaseInput(
            therapist_id=therapist.account_id,
            young_person_ids=(person_id,),
            contact_ids=(mother,),
            consent_given=True,
            goals="Fewer arguments at home",
        )
    )
    session_id = therapy.record_session(
        case_id,
        SessionInput(
            starts_at=clock.now() - timedelta(days=7),
            location=SessionLocation.HOME_VISIT,
            attendance={Member("young_person", person_id): True, Member("contact", mother): True},
        ),
    )
    notes = TherapyNoteService(sessions, therapist, clock)
    note_id = notes.start_note(
        session_id,
        NoteInput(
            NoteFormat.STRUCTURED,
            sections={"presenting": "Arguments at home", "risk_check": "Asked; none disclosed."},
            body="Worked on evening routines.",
            shareable_summary=shareable,
            process_notes=process_notes,
            risk_concern=False,
        ),
    )
    notes.sign_note(note_id)


def _coaching(
    sessions: sessionmaker[Session], coach: CurrentUser, clock: Clock, person_id: int
) -> None:
    today = clock.now().date()
    plans = CoachingService(sessions, coach, clock)
    plan_id = plans.create_plan(
        person_id,
        PlanInput(
            coach.account_id,
            today - timedelta(days=120),
            aspirations="I want to be an electrician and earn my own money.",
        ),
    )
    plans.record_eet(
        person_id, EetInput(EetActivity.EDUCATION, today - timedelta(days=100), provider="College")
    )
    CoachingGoalsService(sessions, coach, clock).add_goal(
        plan_id,
        GoalInput("Apply for an electrical course", "Application sent", today + timedelta(30)),
    )

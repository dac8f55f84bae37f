"""A young person's record made to any size, for the statement-count and responsiveness tests.

The whole record comes from desktop.bench.conference_case (family, referral, RAG history,
flags, interventions, family therapy with a signed note, a coaching plan, a chronology); grow()
then adds `count` more of every kind of row the record's tabs and the conference pack show,
through the services as the application would (the chronology in one session, for speed)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from desktop.bench.conference_case import ConferenceCase, add_chronology, build_conference_case
from desktop.clock import Clock
from desktop.models.choices import (
    CoachingMode,
    ContactKind,
    InterventionType,
    LinkKind,
    NoteFormat,
    PlaceKind,
    Rag,
    ReferralSource,
    SessionLocation,
)
from desktop.services.bundle import Services
from desktop.services.coaching_records import ActionInput, GoalInput
from desktop.services.coaching_session_records import SessionInput as CoachingSessionInput
from desktop.services.current_user import CurrentUser
from desktop.services.intervention_service import InterventionInput
from desktop.services.network_service import ContactInput
from desktop.services.people_service import PersonDetails
from desktop.services.referral_service import ReferralInput
from desktop.services.sign_in_service import SignedIn
from desktop.services.therapy_records import Member, NoteInput, SessionInput
from desktop.vault.kdf import KdfPolicy


def services_for(signed_in: SignedIn, user: CurrentUser, kdf: KdfPolicy, clock: Clock) -> Services:
    return Services.for_session(SignedIn(signed_in.vault, user), kdf, clock)


def build_record(
    signed_in: SignedIn, kdf: KdfPolicy, clock: Clock, count: int, entries: int
) -> ConferenceCase:
    """A full record with `entries` chronology entries and `count` more of everything else."""
    case = build_conference_case(signed_in, kdf, clock, entries=0)
    grow(signed_in, kdf, clock, case, count, entries)
    return case


def grow(
    signed_in: SignedIn,
    kdf: KdfPolicy,
    clock: Clock,
    case: ConferenceCase,
    count: int,
    entries: int,
) -> None:
    boss = services_for(signed_in, case.coordinator, kdf, clock)
    person = case.person_id
    now = clock.now()
    today = now.date()
    flag_types = [row.id for row in boss.risk.flag_types() if not row.detail_prompt]
    groups = boss.context
    family: list[int] = []
    for n in range(count):
        day = today - timedelta(days=200 - n)
        family.append(
            boss.network.add_contact(
                person, ContactInput(ContactKind.FAMILY, f"Relative {n}", "Cousin")
            )
        )
        boss.network.add_contact(
            person,
            ContactInput(ContactKind.PROFESSIONAL, f"Worker {n}", "Youth worker", f"Agency {n}"),
        )
        boss.risk.add_flag(person, flag_types[n % len(flag_types)], day, f"Source {n}")
        boss.risk.set_rag(person, (Rag.RED, Rag.AMBER, Rag.GREEN)[n % 3], f"Review {n}")
        boss.interventions.add_intervention(
            person,
            InterventionInput(
                InterventionType.MENTORING,
                day,
                owner_id=case.worker.account_id,
                description=f"Mentoring block {n}",
            ),
        )
        boss.tasks.add_task(
            person, f"Task {n}", case.worker.account_id, today + timedelta(days=n + 1)
        )
        boss.referrals.add_referral(
            person, ReferralInput(received_on=day, source=ReferralSource.SCHOOL, reason=f"R{n}")
        )
        boss.missing.record_episode(
            person, now - timedelta(days=150 - n), now - timedelta(days=149 - n), f"Missing {n}"
        )
        boss.people.add_address(person, f"{n} Long Road", "E1 6AN", day)
        boss.people.add_reference(person, "Police", f"PN-{n:05d}")
        other = boss.people.create(
            PersonDetails(given_name=f"Friend{n}", family_name="Example", allocated_ids=[])
        )
        boss.network.link(person, other, LinkKind.ASSOCIATE, f"Seen together {n}")
        groups.link_group(person, groups.create_group(f"Group {n}"), since=day, source="Police")
        place = groups.create_place(f"Place {n}", PlaceKind.PARK, "E1 6AN")
        groups.link_place(person, place, since=day, source="Ride-out")
    _grow_therapy(signed_in, kdf, clock, case, count, family)
    _grow_coaching(signed_in, kdf, clock, case, count)
    with signed_in.vault.sessions.begin() as session:
        add_chronology(session, person, case.worker.account_id, now, entries)


def _grow_therapy(
    signed_in: SignedIn,
    kdf: KdfPolicy,
    clock: Clock,
    case: ConferenceCase,
    count: int,
    family: list[int],
) -> None:
    therapy = services_for(signed_in, case.therapist, kdf, clock)
    (row,) = therapy.therapy.cases()
    details = therapy.therapy.case(row.id).details
    household = tuple(sorted({*details.contact_ids, *family}))
    therapy.therapy.update_case(row.id, replace(details, contact_ids=household))
    for n in range(count):
        attendance = {Member("young_person", case.person_id): True}
        attendance.update({Member("contact", contact): n % 2 == 0 for contact in family})
        session_id = therapy.therapy.record_session(
            row.id,
            SessionInput(
                starts_at=clock.now() - timedelta(days=30 + n),
                location=SessionLocation.HOME_VISIT,
                attendance=attendance,
            ),
        )
        note_id = therapy.therapy_notes.start_note(
            session_id,
            NoteInput(
                NoteFormat.STRUCTURED,
                sections={"presenting": f"Theme {n}", "risk_check": "Asked; none disclosed."},
                body=f"Session {n}.",
                shareable_summary=f"Shareable summary {n}.",
                process_notes="Private.",
                risk_concern=False,
            ),
        )
        therapy.therapy_notes.sign_note(note_id)


def _grow_coaching(
    signed_in: SignedIn, kdf: KdfPolicy, clock: Clock, case: ConferenceCase, count: int
) -> None:
    coach = services_for(signed_in, case.coach, kdf, clock)
    plan = coach.coaching.plan_for(case.person_id)
    assert plan is not None
    today = clock.now().date()
    for n in range(count):
        goal = coach.coaching_goals.add_goal(
            plan.id, GoalInput(f"Goal {n}", "Measured", today + timedelta(days=30 + n))
        )
        coach.coaching_goals.add_action(goal, ActionInput(f"Action {n}", due_on=today))
        coach.coaching_sessions.record_session(
            plan.id,
            CoachingSessionInput(
                clock.now() - timedelta(days=10 + n), CoachingMode.IN_PERSON, 45, True, f"Did {n}"
            ),
        )

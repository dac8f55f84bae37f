"""A full coaching plan written straight through the ORM, for the coaching document tests: goals
with actions for the young person, the coach and another agency, a history, barriers, sessions
held and booked, milestones and a review; the coach, a gangs worker and an analyst."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.models.accounts import Account, Role
from desktop.models.choices import (
    ActionOwner,
    ActionStatus,
    BarrierStatus,
    CoachingMode,
    EetActivity,
    GoalStatus,
    MilestoneKind,
)
from desktop.models.coaching import (
    Barrier,
    BarrierType,
    CoachingGoal,
    CoachingPlan,
    CoachingSession,
    EetSpell,
    GoalAction,
    Milestone,
    PlanReview,
)
from desktop.models.people import YoungPerson
from desktop.models.vault_settings import VaultSetting
from desktop.services.coaching_document_service import (
    UNIT_EMAIL_SETTING,
    UNIT_PHONE_SETTING,
    CoachingDocumentService,
)
from desktop.services.current_user import CurrentUser
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.sign_in_service import SignedIn
from tests.conftest import AddAccount, FakeClock

COACH_NAME = "Sam Adeyemi"
ASPIRATIONS = "I want to work with my hands and earn my own money.\n\nMaybe run my own business."
STRENGTHS = "I'm good with people and I always turn up for football training."
GOAL_CARD = "Get my construction site card"
GOAL_COURSE = "Start a college course in September"
STEP_MINE = "Book the health and safety test"
STEP_COACH = "Find a test centre I can get to safely"
STEP_AGENCY = "Pay for the test"
AGENCY = "Step Up Trust"
STEP_DONE = "Write my CV"  # done: not a next step
STEP_COURSE = "Visit the college open day"
DROPPED_GOAL = "Join the army"
UNIT_PHONE = "020 7946 0123"
UNIT_EMAIL = "igxu@example.gov.uk"


@dataclass
class CoachingPlanData:
    signed_in: SignedIn
    clock: FakeClock
    coach: CurrentUser
    worker: CurrentUser
    analyst: CurrentUser
    person_id: int
    plan_id: int

    @property
    def coordinator(self) -> CurrentUser:
        return self.signed_in.user

    def documents(self, user: CurrentUser | None = None) -> CoachingDocumentService:
        return CoachingDocumentService(
            self.signed_in.vault.sessions, user or self.coach, self.clock
        )

    def case_reference(self) -> str:
        with self.signed_in.vault.sessions.begin() as session:
            return session.execute(
                select(YoungPerson.case_reference).where(YoungPerson.id == self.person_id)
            ).scalar_one()


def make_coaching_plan(
    signed_in: SignedIn, add_account: AddAccount, clock: FakeClock
) -> CoachingPlanData:
    coach = add_account(Role.EMPLOYMENT_COACH, "coach")
    worker = add_account(Role.GANGS_WORKER, "worker")
    analyst = add_account(Role.ANALYST, "analyst")
    person_id = PeopleService(signed_in.vault.sessions, signed_in.user, clock).create(
        PersonDetails(
            given_name="Jordan",
            family_name="Okafor",
            known_as="Jay",
            date_of_birth=date(2008, 6, 2),
            key_worker_id=worker.account_id,
            allocated_ids=[coach.account_id],
        )
    )
    with signed_in.vault.sessions.begin() as session:
        session.execute(
            update(Account).where(Account.id == coach.account_id).values(display_name=COACH_NAME)
        )
        plan_id = _write_plan(session, clock.now(), person_id, coach.account_id)
    coach = replace(coach, display_name=COACH_NAME)
    return CoachingPlanData(signed_in, clock, coach, worker, analyst, person_id, plan_id)


def set_unit_contact(data: CoachingPlanData) -> None:
    with data.signed_in.vault.sessions.begin() as session:
        session.add(VaultSetting(key=UNIT_PHONE_SETTING, value=UNIT_PHONE))
        session.add(VaultSetting(key=UNIT_EMAIL_SETTING, value=UNIT_EMAIL))


def _write_plan(session: Session, now: datetime, person_id: int, coach_id: int) -> int:
    stamp = {"created_at": now, "updated_at": now}
    plan = CoachingPlan(
        young_person_id=person_id,
        coach_id=coach_id,
        started_on=date(2025, 1, 10),
        aspirations=ASPIRATIONS,
        strengths=STRENGTHS,
        review_due_on=date(2025, 4, 11),
        **stamp,
    )
    session.add(plan)
    session.flush()
    spells = [
        (EetActivity.NEET, date(2024, 7, 1), date(2025, 2, 3), "", None, ""),
        (EetActivity.TRAINING, date(2025, 2, 3), None, "Build Up Academy", 16, "Found a course"),
    ]
    for activity, started, ended, provider, hours, reason in spells:
        session.add(
            EetSpell(
                young_person_id=person_id,
                activity=activity,
                started_on=started,
                ended_on=ended,
                provider=provider,
                hours_per_week=hours,
                reason_for_change=reason,
                recorded_at=now,
                recorded_by_id=coach_id,
            )
        )
    types = {code: id_ for code, id_ in session.execute(select(BarrierType.code, BarrierType.id))}
    session.add_all(
        [
            Barrier(
                plan_id=plan.id,
                barrier_type_id=types["no_id"],
                status=BarrierStatus.RESOLVED,
                detail="Lost passport",
                action="Birth certificate ordered",
                resolved_on=date(2025, 2, 20),
                **stamp,
            ),
            Barrier(
                plan_id=plan.id,
                barrier_type_id=types["travel_safety"],
                status=BarrierStatus.BEING_ADDRESSED,
                detail="Cannot go through the estate north of the high street",
                action="Taxi to the test centre",
                **stamp,
            ),
        ]
    )
    card = CoachingGoal(
        plan_id=plan.id,
        description=GOAL_CARD,
        measure="I have the card in my hand",
        target_on=date(2025, 6, 30),
        status=GoalStatus.ACTIVE,
        **stamp,
    )
    course = CoachingGoal(
        plan_id=plan.id,
        description=GOAL_COURSE,
        target_on=date(2025, 9, 8),
        status=GoalStatus.ACTIVE,
        **stamp,
    )
    dropped = CoachingGoal(
        plan_id=plan.id,
        description=DROPPED_GOAL,
        target_on=date(2025, 12, 1),
        status=GoalStatus.DROPPED,
        **stamp,
    )
    session.add_all([card, course, dropped])
    session.flush()
    actions = [
        (card, STEP_MINE, ActionOwner.YOUNG_PERSON, "", date(2025, 3, 21), ActionStatus.TO_DO),
        (card, STEP_COACH, ActionOwner.COACH, "", date(2025, 3, 18), ActionStatus.IN_PROGRESS),
        (card, STEP_AGENCY, ActionOwner.OTHER_AGENCY, AGENCY, None, ActionStatus.TO_DO),
        (card, STEP_DONE, ActionOwner.YOUNG_PERSON, "", date(2025, 2, 28), ActionStatus.DONE),
        (course, STEP_COURSE, ActionOwner.YOUNG_PERSON, "", date(2025, 5, 10), ActionStatus.TO_DO),
    ]
    for goal, text, owner, agency, due, status in actions:
        session.add(
            GoalAction(
                goal_id=goal.id,
                description=text,
                owner=owner,
                agency=agency,
                due_on=due,
                status=status,
                done_on=date(2025, 2, 27) if status is ActionStatus.DONE else None,
                **stamp,
            )
        )
    sessions = [
        (now - timedelta(days=28), CoachingMode.IN_PERSON, True, "Talked about work", "Get ID"),
        (now - timedelta(days=14), CoachingMode.PHONE_CALL, False, "", ""),
        (now - timedelta(days=7), CoachingMode.ONLINE_VIDEO, True, "Wrote the CV", "Book test"),
        (now + timedelta(days=5, hours=6), CoachingMode.IN_PERSON, False, "", ""),
    ]
    for held_at, mode, attended, done, steps in sessions:
        session.add(
            CoachingSession(
                plan_id=plan.id,
                held_at=held_at,
                mode=mode,
                minutes=45,
                attended=attended,
                what_was_done=done,
                next_steps=steps,
                recorded_by_id=coach_id,
                created_at=now,
            )
        )
    for kind, day, detail in (
        (MilestoneKind.CV_WRITTEN, date(2025, 2, 27), ""),
        (MilestoneKind.ID_OBTAINED, date(2025, 2, 20), "Birth certificate"),
        (MilestoneKind.COURSE_START, date(2025, 2, 3), "Build Up Academy"),
    ):
        session.add(
            Milestone(
                plan_id=plan.id,
                kind=kind,
                achieved_on=day,
                detail=detail,
                evidence="Seen by coach",
                recorded_by_id=coach_id,
                created_at=now,
            )
        )
    session.add(
        PlanReview(
            plan_id=plan.id,
            reviewed_on=date(2025, 2, 14),
            summary="Good progress; card next.",
            next_review_on=date(2025, 4, 11),
            reviewed_by_id=coach_id,
            created_at=now,
        )
    )
    return plan.id

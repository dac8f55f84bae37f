"""Employment-coaching plans: one open plan per young person, the EET history kept and mirrored
onto the caseload record, barriers from a list the coordinator extends, SMART goals with their
actions' progress, reviews every N weeks, who may read and change them, and an audit log that
names fields only."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from desktop.models.accounts import Role
from desktop.models.choices import (
    ActionOwner,
    ActionStatus,
    BarrierStatus,
    EetActivity,
    EetStatus,
    GoalStatus,
)
from desktop.models.people import YoungPerson
from desktop.services import actions
from desktop.services.coaching_goals_service import ActionInput, GoalInput
from desktop.services.coaching_records import (
    BarrierInput,
    CoachingInputError,
    EetInput,
    PlanInput,
    ReviewInput,
)
from desktop.services.people_service import PersonDetails
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from tests.coaching_fixtures import Coaching
from tests.conftest import AddAccount

CANARY = "CANARY-aspiration-3e9d1"
DAY = 24 * 60 * 60  # seconds, for clock.advance
DAY_1 = timedelta(days=1)


def today(coaching: Coaching) -> date:
    return coaching.clock.now().date()


def new_plan(coaching: Coaching, **changes: object) -> int:
    details = PlanInput(
        coach_id=coaching.coach.account_id,
        started_on=today(coaching) - timedelta(days=7),
        aspirations="I want to be an electrician",
        strengths="Good with people",
    )
    details = replace(details, **changes)  # type: ignore[arg-type]
    return coaching.plans().create_plan(coaching.person_id, details)


def eet_status(coaching: Coaching, person_id: int | None = None) -> EetStatus:
    with coaching.signed_in.vault.sessions.begin() as session:
        person = session.get(YoungPerson, person_id or coaching.person_id)
        assert person is not None
        return person.eet_status


# ---- plans -----------------------------------------------------------------------------------
def test_coach_creates_a_plan_whose_first_review_falls_n_weeks_after_the_start(
    coaching: Coaching,
) -> None:
    plan_id = new_plan(coaching)

    view = coaching.plans().plan(plan_id)
    started = today(coaching) - timedelta(days=7)
    assert view.young_person_id == coaching.person_id
    assert view.person_name == "Jordan Okafor"
    assert (view.coach_id, view.coach) == (coaching.coach.account_id, "Test Employment coach")
    assert view.started_on == started
    assert view.aspirations == "I want to be an electrician"
    assert view.review_due_on == started + timedelta(weeks=6)
    assert view.is_open and view.may_edit and not view.review_overdue
    assert view.current_eet is None


def test_update_returns_the_fields_changed_and_nothing_when_nothing_changed(
    coaching: Coaching,
) -> None:
    plan_id = new_plan(coaching)
    service = coaching.plans()
    details = service.plan(plan_id).details()

    changed = service.update_plan(plan_id, replace(details, strengths="  Punctual  "))

    assert changed == ["strengths"]
    assert service.plan(plan_id).strengths == "Punctual"
    assert service.update_plan(plan_id, service.plan(plan_id).details()) == []
    # Leaving the review date out keeps it.
    assert service.update_plan(plan_id, replace(details, strengths="x", review_due_on=None)) == [
        "strengths"
    ]
    assert service.plan(plan_id).review_due_on == details.review_due_on
    with pytest.raises(CoachingInputError, match="review date is before"):
        service.update_plan(
            plan_id, replace(details, review_due_on=details.started_on - timedelta(days=1))
        )


def test_one_open_plan_per_young_person_and_a_closed_one_is_kept(coaching: Coaching) -> None:
    first = new_plan(coaching)
    service = coaching.plans()
    with pytest.raises(CoachingInputError, match="already has an open coaching plan"):
        new_plan(coaching)

    with pytest.raises(CoachingInputError, match="Say why"):
        service.close_plan(first, today(coaching), "  ")
    service.close_plan(first, today(coaching), "Moved out of the borough")
    with pytest.raises(CoachingInputError, match="closed"):
        service.update_plan(first, service.plan(first).details())
    assert service.plan_for(coaching.person_id).id == first  # type: ignore[union-attr]

    second = new_plan(coaching, started_on=today(coaching))

    assert service.plan_for(coaching.person_id).id == second  # type: ignore[union-attr]
    assert [row.plan_id for row in service.plans()] == [second]
    assert {row.plan_id for row in service.plans(include_closed=True)} == {first, second}
    assert service.plan(first).closed_on == today(coaching)
    assert not service.plan(first).may_edit


def test_the_coach_must_be_an_active_employment_coach_allocated_to_the_young_person(
    coaching: Coaching, add_account: AddAccount
) -> None:
    other_coach = add_account(Role.EMPLOYMENT_COACH, "coach2")
    with pytest.raises(PermissionDeniedError):
        new_plan(coaching, coach_id=other_coach.account_id)
    as_coordinator = coaching.plans(coaching.coordinator)
    details = PlanInput(other_coach.account_id, today(coaching))
    with pytest.raises(CoachingInputError, match="not allocated"):
        as_coordinator.create_plan(coaching.person_id, details)
    with pytest.raises(CoachingInputError, match="not an active employment coach"):
        as_coordinator.create_plan(
            coaching.person_id, PlanInput(coaching.worker.account_id, today(coaching))
        )

    plan_id = as_coordinator.create_plan(
        coaching.person_id, PlanInput(coaching.coach.account_id, today(coaching))
    )

    assert coaching.plans().plan(plan_id).coach_id == coaching.coach.account_id
    assert {c for c, _ in as_coordinator.coach_choices()} == {
        coaching.coach.account_id,
        other_coach.account_id,
    }
    assert coaching.plans().coach_choices() == [
        (coaching.coach.account_id, "Test Employment coach")
    ]


# ---- education, employment or training ---------------------------------------------------
def test_eet_history_is_added_to_never_overwritten_and_mirrored_on_the_record(
    coaching: Coaching,
) -> None:
    service = coaching.plans()
    plan_id = new_plan(coaching)
    start = today(coaching) - timedelta(days=60)
    service.record_eet(coaching.person_id, EetInput(EetActivity.NEET, start))
    assert eet_status(coaching) is EetStatus.NEET
    job_start = today(coaching) - timedelta(days=10)

    service.record_eet(
        coaching.person_id,
        EetInput(EetActivity.EMPLOYMENT, job_start, "Offered a job", "Sparks Ltd", 30),
    )

    history = service.eet_history(coaching.person_id)
    assert [(r.activity, r.started_on, r.ended_on) for r in history] == [
        (EetActivity.EMPLOYMENT, job_start, None),
        (EetActivity.NEET, start, job_start),
    ]
    assert (history[0].provider, history[0].hours_per_week) == ("Sparks Ltd", 30)
    assert history[0].recorded_by == "Test Employment coach"
    assert eet_status(coaching) is EetStatus.EMPLOYED
    assert service.plan(plan_id).current_eet == history[0]
    assert service.plans()[0].activity is EetActivity.EMPLOYMENT

    with pytest.raises(CoachingInputError, match="before the current activity"):
        service.record_eet(
            coaching.person_id, EetInput(EetActivity.TRAINING, job_start - timedelta(days=1))
        )
    with pytest.raises(CoachingInputError, match="future"):
        service.record_eet(
            coaching.person_id, EetInput(EetActivity.TRAINING, today(coaching) + timedelta(1))
        )
    with pytest.raises(CoachingInputError, match="Hours a week"):
        service.record_eet(
            coaching.person_id, EetInput(EetActivity.TRAINING, today(coaching), hours_per_week=0)
        )
    assert len(service.eet_history(coaching.person_id)) == 2

    service.record_eet(coaching.person_id, EetInput(EetActivity.VOLUNTEERING, today(coaching)))
    assert eet_status(coaching) is EetStatus.NEET


def test_education_keeps_a_more_exact_school_status(coaching: Coaching) -> None:
    people = coaching.people()
    at_school = people.create(
        PersonDetails(
            given_name="Sam",
            family_name="Reid",
            eet_status=EetStatus.SCHOOL,
            allocated_ids=[coaching.coach.account_id],
        )
    )
    service = coaching.plans()

    service.record_eet(at_school, EetInput(EetActivity.EDUCATION, today(coaching)))
    service.record_eet(coaching.person_id, EetInput(EetActivity.EDUCATION, today(coaching)))

    assert eet_status(coaching, at_school) is EetStatus.SCHOOL
    assert eet_status(coaching) is EetStatus.COLLEGE


# ---- barriers --------------------------------------------------------------------------------
def test_barriers_come_from_a_list_the_coordinator_extends(coaching: Coaching) -> None:
    as_coordinator = coaching.plans(coaching.coordinator)
    standard = [t.label for t in as_coordinator.barrier_types()]
    assert standard[:2] == ["No ID documents", "No bank account"]
    assert len(standard) == 11
    with pytest.raises(PermissionDeniedError):
        coaching.plans().add_barrier_type("Court dates")
    with pytest.raises(CoachingInputError, match="already exists"):
        as_coordinator.add_barrier_type("no bank account")

    court = as_coordinator.add_barrier_type("Court dates")
    plan_id = new_plan(coaching)
    barrier_id = coaching.plans().add_barrier(
        plan_id, BarrierInput(court, detail="Hearing in May", action="Plan around it")
    )
    as_coordinator.set_barrier_type_active(court, False)

    assert court not in {t.id for t in coaching.plans().barrier_types()}
    assert court in {t.id for t in coaching.plans().barrier_types(include_inactive=True)}
    with pytest.raises(CoachingInputError, match="Choose a barrier"):
        coaching.plans().add_barrier(plan_id, BarrierInput(court))
    rows = coaching.plans().barriers(plan_id)
    assert [(r.id, r.type_label, r.status) for r in rows] == [
        (barrier_id, "Court dates", BarrierStatus.OPEN)
    ]


def test_resolving_a_barrier_dates_it_and_reopening_clears_the_date(coaching: Coaching) -> None:
    service = coaching.plans()
    plan_id = new_plan(coaching)
    no_id = next(t.id for t in service.barrier_types() if t.code == "no_id")
    barrier_id = service.add_barrier(plan_id, BarrierInput(no_id, action="Apply for passport"))
    with pytest.raises(CoachingInputError, match="already on the plan"):
        service.add_barrier(plan_id, BarrierInput(no_id))
    assert service.plans()[0].open_barriers == 1

    changed = service.update_barrier(barrier_id, BarrierInput(no_id, BarrierStatus.RESOLVED))

    assert set(changed) == {"status", "action", "resolved_on"}
    assert service.barriers(plan_id)[0].resolved_on == today(coaching)
    assert service.plans()[0].open_barriers == 0
    coaching.clock.advance(3 * DAY)
    assert service.update_barrier(barrier_id, BarrierInput(no_id, BarrierStatus.RESOLVED)) == []
    assert service.barriers(plan_id)[0].resolved_on == today(coaching) - timedelta(days=3)

    service.update_barrier(barrier_id, BarrierInput(no_id, BarrierStatus.BEING_ADDRESSED))

    assert service.barriers(plan_id)[0].resolved_on is None
    assert service.plans()[0].open_barriers == 1


# ---- goals and actions -------------------------------------------------------------------------
def test_goals_show_their_actions_progress_and_overdue_actions(coaching: Coaching) -> None:
    plan_id = new_plan(coaching)
    goals = coaching.goals()
    soon = today(coaching) + timedelta(days=5)
    with pytest.raises(CoachingInputError, match="target date"):
        goals.add_goal(plan_id, GoalInput("Get a CSCS card"))
    with pytest.raises(CoachingInputError, match="already passed"):
        goals.add_goal(plan_id, GoalInput("Get a CSCS card", target_on=today(coaching) - DAY_1))
    goal_id = goals.add_goal(
        plan_id, GoalInput("Get a CSCS card", "Card in hand", today(coaching) + timedelta(30))
    )
    with pytest.raises(CoachingInputError, match="Name the agency"):
        goals.add_action(goal_id, ActionInput("Book the test", ActionOwner.OTHER_AGENCY))
    book = goals.add_action(
        goal_id, ActionInput("Book the test", ActionOwner.OTHER_AGENCY, "Job Centre", soon)
    )
    revise = goals.add_action(goal_id, ActionInput("Revise", due_on=soon))
    goals.add_action(goal_id, ActionInput("Buy boots", ActionOwner.COACH))
    dropped = goals.add_action(goal_id, ActionInput("Old idea", ActionOwner.COACH))

    goals.set_action_status(book, ActionStatus.DONE)
    goals.set_action_status(dropped, ActionStatus.DROPPED)
    coaching.clock.advance(6 * DAY)

    [goal] = goals.goals(plan_id)
    assert (goal.actions_done, goal.actions_total, goal.percent) == (1, 3, 33)
    assert [a.id for a in goal.actions if a.overdue] == [revise]
    assert goal.actions[0].who == "Job Centre"
    assert goal.actions[0].done_on == today(coaching) - timedelta(days=6)
    row = coaching.plans().plans()[0]
    assert (row.goals_achieved, row.goals_total, row.overdue_actions) == (0, 1, 1)

    goals.set_goal_status(goal_id, GoalStatus.ACHIEVED)

    [goal] = goals.goals(plan_id)
    assert (goal.achieved_on, goal.percent, goal.overdue_actions) == (today(coaching), 100, 0)
    row = coaching.plans().plans()[0]
    assert (row.goals_achieved, row.goals_total, row.overdue_actions) == (1, 1, 0)
    with pytest.raises(CoachingInputError, match="active goal"):
        goals.add_action(goal_id, ActionInput("Another"))
    goals.set_goal_status(goal_id, GoalStatus.ACTIVE)
    assert goals.goals(plan_id)[0].achieved_on is None


def test_updating_an_action_dates_it_done_and_reopening_clears_the_date(
    coaching: Coaching,
) -> None:
    goals = coaching.goals()
    goal_id = goals.add_goal(
        new_plan(coaching), GoalInput("Open a bank account", target_on=today(coaching))
    )
    action_id = goals.add_action(goal_id, ActionInput("Take ID to the bank"))
    plan_id = coaching.plans().plans()[0].plan_id

    changed = goals.update_action(
        action_id, ActionInput("Take ID to the bank", status=ActionStatus.DONE)
    )

    assert set(changed) == {"status", "done_on"}
    assert goals.goals(plan_id)[0].actions[0].done_on == today(coaching)
    goals.update_action(action_id, ActionInput("Take ID to the bank"))
    assert goals.goals(plan_id)[0].actions[0].done_on is None
    assert goals.update_goal(goal_id, GoalInput("Open a bank account", "", today(coaching))) == []
    assert goals.update_goal(
        goal_id, GoalInput("Open a bank account", "Card arrives", today(coaching))
    ) == ["measure"]


# ---- reviews ---------------------------------------------------------------------------------
def test_reviews_move_the_due_date_on_by_the_coordinators_interval(coaching: Coaching) -> None:
    as_coordinator = coaching.plans(coaching.coordinator)
    assert as_coordinator.review_interval_weeks() == 6
    with pytest.raises(PermissionDeniedError):
        coaching.plans().set_review_interval_weeks(4)
    with pytest.raises(CoachingInputError, match="1 to 52"):
        as_coordinator.set_review_interval_weeks(53)
    as_coordinator.set_review_interval_weeks(4)
    plan_id = new_plan(coaching)
    service = coaching.plans()
    started = today(coaching) - timedelta(days=7)
    assert service.plan(plan_id).review_due_on == started + timedelta(weeks=4)

    coaching.clock.advance(28 * DAY)
    assert service.plan(plan_id).review_overdue
    assert service.plans()[0].review_overdue
    with pytest.raises(CoachingInputError, match="future"):
        service.record_review(plan_id, ReviewInput(today(coaching) + timedelta(days=1)))

    service.record_review(plan_id, ReviewInput(today(coaching), "Going well"))

    view = service.plan(plan_id)
    assert view.review_due_on == today(coaching) + timedelta(weeks=4)
    assert not view.review_overdue
    chosen = today(coaching) + timedelta(weeks=2)
    service.record_review(plan_id, ReviewInput(today(coaching), next_review_on=chosen))
    assert service.plan(plan_id).review_due_on == chosen
    reviews = service.reviews(plan_id)
    assert [r.next_review_on for r in reviews] == [chosen, today(coaching) + timedelta(weeks=4)]
    assert reviews[1].summary == "Going well"


# ---- who may read and change a plan ------------------------------------------------------------
def test_gangs_worker_reads_plans_but_cannot_change_them(coaching: Coaching) -> None:
    plan_id = new_plan(coaching)
    goal_id = coaching.goals().add_goal(plan_id, GoalInput("CV", target_on=today(coaching)))
    reader = coaching.plans(coaching.worker)

    view = reader.plan(plan_id)
    assert view.aspirations == "I want to be an electrician" and not view.may_edit
    assert [g.id for g in coaching.goals(coaching.worker).goals(plan_id)] == [goal_id]
    assert reader.barriers(plan_id) == [] and reader.reviews(plan_id) == []
    assert [row.plan_id for row in reader.plans()] == [plan_id]
    with pytest.raises(PermissionDeniedError):
        reader.update_plan(plan_id, replace(view.details(), aspirations="Changed"))
    with pytest.raises(PermissionDeniedError):
        reader.record_eet(coaching.person_id, EetInput(EetActivity.NEET, today(coaching)))
    with pytest.raises(PermissionDeniedError):
        coaching.goals(coaching.worker).add_goal(plan_id, GoalInput("X", target_on=date.max))
    with pytest.raises(PermissionDeniedError):
        coaching.goals(coaching.worker).set_goal_status(goal_id, GoalStatus.ACHIEVED)
    assert coaching.plans().plan(plan_id).aspirations == "I want to be an electrician"


def test_analyst_is_refused_and_an_unallocated_coach_finds_nothing(
    coaching: Coaching, add_account: AddAccount
) -> None:
    plan_id = new_plan(coaching)
    analyst = add_account(Role.ANALYST)
    stranger = add_account(Role.EMPLOYMENT_COACH, "coach2")

    with pytest.raises(PermissionDeniedError):
        coaching.plans(analyst).plan(plan_id)
    with pytest.raises(PermissionDeniedError):
        coaching.plans(analyst).plans()
    with pytest.raises(RecordNotFoundError):
        coaching.plans(stranger).plan(plan_id)
    with pytest.raises(RecordNotFoundError):
        coaching.goals(stranger).goals(plan_id)
    with pytest.raises(RecordNotFoundError):
        coaching.plans(stranger).create_plan(
            coaching.person_id, PlanInput(stranger.account_id, today(coaching))
        )
    assert coaching.plans(stranger).plans() == []
    with pytest.raises(RecordNotFoundError):
        coaching.plans(stranger).plan_for(coaching.person_id)


# ---- audit -----------------------------------------------------------------------------------
def test_audit_names_fields_and_never_what_was_written(coaching: Coaching) -> None:
    plan_id = new_plan(coaching, aspirations=f"Be a chef {CANARY}")
    service = coaching.plans()
    service.update_plan(plan_id, replace(service.plan(plan_id).details(), strengths=CANARY))
    service.record_eet(
        coaching.person_id,
        EetInput(EetActivity.TRAINING, today(coaching), CANARY, f"Provider {CANARY}"),
    )
    barrier_type = service.barrier_types()[0].id
    service.add_barrier(plan_id, BarrierInput(barrier_type, detail=CANARY, action=CANARY))
    goal_id = coaching.goals().add_goal(
        plan_id, GoalInput(CANARY, CANARY, today(coaching) + timedelta(days=1))
    )
    coaching.goals().add_action(goal_id, ActionInput(CANARY, ActionOwner.OTHER_AGENCY, CANARY))
    service.record_review(plan_id, ReviewInput(today(coaching), CANARY))

    text = coaching.audit_text()
    assert CANARY not in text
    assert "Jordan" not in text and "Okafor" not in text
    entries = coaching.audit_actions()
    created = "aspirations,coach_id,review_due_on,started_on,strengths"
    assert ("coach", actions.COACHING_PLAN_CREATED, created) in entries
    assert ("coach", actions.COACHING_PLAN_UPDATED, "strengths") in entries
    assert ("coach", actions.UPDATE, "eet_status") in entries
    recorded = {action for _actor, action, _fields in entries}
    assert {
        actions.EET_SPELL_RECORDED,
        actions.BARRIER_ADDED,
        actions.COACHING_GOAL_ADDED,
        actions.GOAL_ACTION_ADDED,
        actions.PLAN_REVIEWED,
    } <= recorded

"""Coaching sessions in the chronology, milestones and their rules, the timeline, and the
coaching work on the home screen (reviews due, overdue actions) with a fixed clock."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.models.accounts import Role
from desktop.models.choices import (
    ActionOwner,
    ActionStatus,
    CoachingMode,
    EetActivity,
    EntryType,
    GoalStatus,
    MilestoneKind,
)
from desktop.services import actions
from desktop.services.chronology_service import ChronologyService
from desktop.services.coaching_records import (
    ActionInput,
    EetInput,
    GoalInput,
    PlanInput,
    ReviewInput,
)
from desktop.services.coaching_sessions_service import (
    CoachingInputError,
    CoachingSessionsService,
    MilestoneInput,
    SessionInput,
)
from desktop.services.coaching_work import CoachingWorkService
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from tests.coaching_fixtures import PERSON_FAMILY, PERSON_GIVEN, Coaching

DAY = 86400
Kind = MilestoneKind


def _today(coaching: Coaching) -> date:
    return coaching.clock.now().date()


def _plan(coaching: Coaching, started_days_ago: int = 200, review_in_days: int = 30) -> int:
    today = _today(coaching)
    return coaching.plans().create_plan(
        coaching.person_id,
        PlanInput(
            coaching.coach.account_id,
            today - timedelta(days=started_days_ago),
            aspirations="Work on building sites",
            review_due_on=today + timedelta(days=review_in_days),
        ),
    )


def _sessions(coaching: Coaching, user: CurrentUser | None = None) -> CoachingSessionsService:
    return CoachingSessionsService(
        coaching.signed_in.vault.sessions, user or coaching.coach, coaching.clock
    )


def _work(coaching: Coaching, user: CurrentUser | None = None) -> CoachingWorkService:
    return CoachingWorkService(
        coaching.signed_in.vault.sessions, user or coaching.coach, coaching.clock
    )


def _chronology(coaching: Coaching, user: CurrentUser) -> ChronologyService:
    return ChronologyService(coaching.signed_in.vault.sessions, user, coaching.clock)


def _attended(coaching: Coaching, days_ago: float = 2, **changes: object) -> SessionInput:
    values: dict[str, object] = {
        "held_at": coaching.clock.now() - timedelta(days=days_ago),
        "mode": CoachingMode.IN_PERSON,
        "minutes": 45,
        "attended": True,
        "what_was_done": "Wrote a first CV together",
        "next_steps": "Apply for the bricklaying course",
    }
    values.update(changes)
    return SessionInput(**values)  # type: ignore[arg-type]


# ---- sessions and the chronology ---------------------------------------------------------
def test_sessions_attended_and_missed_appear_in_the_chronology(coaching: Coaching) -> None:
    plan_id = _plan(coaching)
    service = _sessions(coaching)
    attended = service.record_session(plan_id, _attended(coaching, 3))
    missed = service.record_session(
        plan_id,
        SessionInput(
            coaching.clock.now() - timedelta(days=1), CoachingMode.PHONE_CALL, 30, attended=False
        ),
    )
    video = service.record_session(
        plan_id, _attended(coaching, 2, mode=CoachingMode.ONLINE_VIDEO, minutes=60)
    )

    # The gangs worker reads the young person's chronology as on the record's tab.
    rows = _chronology(coaching, coaching.worker).entries(coaching.person_id, 0, 50)
    assert [(r.entry_type, r.summary) for r in rows] == [
        (EntryType.PHONE, "Employment coaching session (phone): did not attend"),
        (EntryType.ONLINE, "Employment coaching session (online video, 60 min)"),
        (EntryType.VISIT, "Employment coaching session (in person, 45 min)"),
    ]
    assert {r.author for r in rows} == {"Test Employment coach"}
    sessions = service.sessions(plan_id)
    assert [s.id for s in sessions] == [missed, video, attended]
    assert [s.chronology_entry_id for s in sessions] == [r.id for r in rows]
    entry = _chronology(coaching, coaching.worker).entry(rows[2].id).details
    assert entry.detail == (
        "What was done: Wrote a first CV together\n\nNext steps: Apply for the bricklaying course"
    )
    assert entry.occurred_at == coaching.clock.now() - timedelta(days=3)

    # Found by the caseload's full-text search, in any case.
    hits = _chronology(coaching, coaching.worker).search("bricklaying", 0, 10)
    assert {hit.entry_id for hit in hits} == {rows[1].id, rows[2].id}

    audit = coaching.audit_actions()
    recorded = [a for a in audit if a[1] == actions.COACHING_SESSION_RECORDED]
    assert len(recorded) == 3
    assert ("coach", actions.CHRONOLOGY_ENTRY_ADDED, "detail,entry_type,occurred_at,summary") in (
        audit
    )
    text = coaching.audit_text()
    for secret in ("CV", "bricklaying", PERSON_GIVEN, PERSON_FAMILY):
        assert secret not in text


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"what_was_done": "  "}, "Say what was done"),
        ({"minutes": 4}, "between 5 and 480 minutes"),
        ({"minutes": 481}, "between 5 and 480 minutes"),
        ({"days_ago": -1}, "in the future"),
    ],
)
def test_session_form_rules(coaching: Coaching, changes: dict[str, object], message: str) -> None:
    plan_id = _plan(coaching)
    changes = dict(changes)
    days_ago = changes.pop("days_ago", 1)
    with pytest.raises(CoachingInputError, match=message):
        _sessions(coaching).record_session(
            plan_id,
            _attended(coaching, days_ago, **changes),  # type: ignore[arg-type]
        )
    assert _sessions(coaching).sessions(plan_id) == []
    assert _chronology(coaching, coaching.coach).count(coaching.person_id) == 0


def test_a_missed_session_needs_no_notes_but_still_a_sensible_length(coaching: Coaching) -> None:
    plan_id = _plan(coaching)
    missed = SessionInput(coaching.clock.now(), CoachingMode.MESSAGE, 5, attended=False)
    session_id = _sessions(coaching).record_session(plan_id, missed)
    [row] = _sessions(coaching).sessions(plan_id)
    assert (row.id, row.attended, row.what_was_done) == (session_id, False, "")
    [entry] = _chronology(coaching, coaching.coach).entries(coaching.person_id, 0, 5)
    assert entry.entry_type is EntryType.PHONE  # a message is a remote contact


def test_updating_a_session_keeps_the_chronology_versions(coaching: Coaching) -> None:
    plan_id = _plan(coaching)
    service = _sessions(coaching)
    held_at = coaching.clock.now() - timedelta(days=2)
    session_id = service.record_session(plan_id, _attended(coaching, held_at=held_at))
    coaching.clock.advance(3600)
    changed = service.update_session(
        session_id,
        _attended(coaching, held_at=held_at, minutes=90, what_was_done="Finished the CV"),
    )
    assert changed == ["minutes", "what_was_done"]
    [row] = service.sessions(plan_id)
    assert (row.minutes, row.what_was_done) == (90, "Finished the CV")

    chronology = _chronology(coaching, coaching.worker)
    assert row.chronology_entry_id is not None
    versions = chronology.history(row.chronology_entry_id)
    assert [(v.version, v.summary) for v in versions] == [
        (2, "Employment coaching session (in person, 90 min)"),
        (1, "Employment coaching session (in person, 45 min)"),
    ]
    assert "Finished the CV" in versions[0].detail
    assert "Wrote a first CV together" in versions[1].detail
    assert versions[1].replaced_by == "Test Employment coach"

    # Saving the same again changes nothing and writes no version.
    same = _attended(coaching, held_at=held_at, minutes=90, what_was_done="Finished the CV")
    assert service.update_session(session_id, same) == []
    assert len(chronology.history(row.chronology_entry_id)) == 2
    edited = [a for a in coaching.audit_actions() if a[1] == actions.CHRONOLOGY_ENTRY_EDITED]
    assert edited == [("coach", actions.CHRONOLOGY_ENTRY_EDITED, "detail,summary")]
    assert [a[2] for a in coaching.audit_actions() if a[1] == actions.COACHING_SESSION_UPDATED] == [
        "minutes,what_was_done"
    ]


# ---- milestones --------------------------------------------------------------------------
def _milestone(
    coaching: Coaching, kind: MilestoneKind, days_ago: int, evidence: str = "Payslip seen"
) -> MilestoneInput:
    return MilestoneInput(
        kind, _today(coaching) - timedelta(days=days_ago), "Builders Ltd", evidence
    )


def test_milestone_rules(coaching: Coaching) -> None:
    plan_id = _plan(coaching)
    service = _sessions(coaching)
    with pytest.raises(CoachingInputError, match="in the future"):
        service.record_milestone(plan_id, _milestone(coaching, Kind.CV_WRITTEN, -1))
    with pytest.raises(CoachingInputError, match="Sustained 4 weeks needs the start"):
        service.record_milestone(plan_id, _milestone(coaching, Kind.SUSTAINED_4, 0))
    with pytest.raises(CoachingInputError, match="evidence"):
        service.record_milestone(plan_id, _milestone(coaching, Kind.JOB_START, 100, evidence=""))
    # Milestones that are not counted outcomes need no evidence.
    service.record_milestone(plan_id, _milestone(coaching, Kind.CV_WRITTEN, 120, evidence=""))
    start = service.record_milestone(plan_id, _milestone(coaching, Kind.JOB_START, 100))
    with pytest.raises(CoachingInputError, match="already recorded on that day"):
        service.record_milestone(plan_id, _milestone(coaching, Kind.JOB_START, 100))

    # Four weeks is 28 days: 27 days after the start is too soon, 28 is enough.
    with pytest.raises(CoachingInputError, match="at least 4 weeks before"):
        service.record_milestone(plan_id, _milestone(coaching, Kind.SUSTAINED_4, 100 - 27))
    four = service.record_milestone(plan_id, _milestone(coaching, Kind.SUSTAINED_4, 100 - 28))
    with pytest.raises(CoachingInputError, match="at least 26 weeks before"):
        service.record_milestone(plan_id, _milestone(coaching, Kind.SUSTAINED_26, 0))
    # 13 weeks (91 days) needs the start, not the 4-week milestone first.
    thirteen = service.record_milestone(plan_id, _milestone(coaching, Kind.SUSTAINED_13, 100 - 91))

    rows = service.milestones(plan_id)
    assert [r.id for r in rows][:3] == [thirteen, four, start]
    assert [r.kind for r in rows] == [
        Kind.SUSTAINED_13,
        Kind.SUSTAINED_4,
        Kind.JOB_START,
        Kind.CV_WRITTEN,
    ]
    assert rows[0].evidence == "Payslip seen"
    assert "Builders" not in coaching.audit_text()


# ---- the timeline ------------------------------------------------------------------------
def test_timeline_puts_everything_newest_first(coaching: Coaching) -> None:
    today = _today(coaching)
    plan_id = _plan(coaching, started_days_ago=60)
    plans, goals, service = coaching.plans(), coaching.goals(), _sessions(coaching)
    plans.record_eet(coaching.person_id, EetInput(EetActivity.NEET, today - timedelta(days=50)))
    plans.record_eet(
        coaching.person_id,
        EetInput(EetActivity.TRAINING, today - timedelta(days=20), provider="City College"),
    )
    service.record_milestone(plan_id, _milestone(coaching, Kind.CV_WRITTEN, 40))
    service.record_session(plan_id, _attended(coaching, 30))
    plans.record_review(plan_id, ReviewInput(today - timedelta(days=10), "Going well"))
    goal_id = goals.add_goal(plan_id, GoalInput("Get a CSCS card", target_on=today))
    goals.set_goal_status(goal_id, GoalStatus.ACHIEVED)  # achieved today

    items = _sessions(coaching, coaching.worker).timeline(plan_id)
    assert [(item.day, item.source) for item in items] == [
        (today, "goal"),
        (today - timedelta(days=10), "review"),
        (today - timedelta(days=20), "eet"),
        (today - timedelta(days=30), "session"),
        (today - timedelta(days=40), "milestone"),
        (today - timedelta(days=50), "eet"),
    ]
    assert items[0].title == "Get a CSCS card"
    assert items[2].title == "Training: City College"
    assert items[4].title == "CV written"
    assert items[3].title == "In person, 45 min"


# ---- the coaching work on the home screen ------------------------------------------------
def test_a_review_falls_due_and_actions_become_overdue(coaching: Coaching) -> None:
    today = _today(coaching)
    plan_id = _plan(coaching, review_in_days=10)
    goals = coaching.goals()
    goal_id = goals.add_goal(plan_id, GoalInput("Get a job", target_on=today + timedelta(30)))
    late = goals.add_action(
        goal_id, ActionInput("Open a bank account", due_on=today + timedelta(days=2))
    )
    done = goals.add_action(goal_id, ActionInput("Find the ID", due_on=today + timedelta(days=1)))
    goals.add_action(goal_id, ActionInput("Call the job centre"))  # no due date: never late
    dropped_goal = goals.add_goal(plan_id, GoalInput("Old idea", target_on=today))
    goals.add_action(dropped_goal, ActionInput("Visit", due_on=today))
    goals.set_action_status(done, ActionStatus.DONE)
    goals.set_goal_status(dropped_goal, GoalStatus.DROPPED)

    work = _work(coaching).due()
    assert (work.today, work.reviews_due, work.overdue_actions) == (today, [], [])

    coaching.clock.advance(3 * DAY)  # the review is due in seven days: it shows
    work = _work(coaching).due()
    [review] = work.reviews_due
    assert (review.plan_id, review.person_id, review.name) == (
        plan_id,
        coaching.person_id,
        f"{PERSON_GIVEN} {PERSON_FAMILY}",
    )
    assert (review.due_on, review.days_overdue, review.overdue) == (
        today + timedelta(days=10),
        0,
        False,
    )
    [action] = work.overdue_actions
    assert (action.action_id, action.goal, action.days_overdue) == (late, "Get a job", 1)
    assert action.owner is ActionOwner.YOUNG_PERSON

    coaching.clock.advance(9 * DAY)
    work = _work(coaching, coaching.coordinator).due()
    assert [(r.plan_id, r.days_overdue, r.overdue) for r in work.reviews_due] == [
        (plan_id, 2, True)
    ]
    assert [a.days_overdue for a in work.overdue_actions] == [10]

    # The work done: a review moves the date on, a finished action leaves the list.
    coaching.plans().record_review(plan_id, ReviewInput(_today(coaching)))
    goals.set_action_status(late, ActionStatus.DONE)
    assert _work(coaching).due().reviews_due == []
    assert _work(coaching).due().overdue_actions == []


def test_coaching_work_is_for_the_plans_coach_and_the_coordinator(
    coaching: Coaching, add_account: object
) -> None:
    _plan(coaching, review_in_days=-1)
    other = add_account(Role.EMPLOYMENT_COACH, "coach2")  # type: ignore[operator]
    assert len(_work(coaching).due().reviews_due) == 1
    assert len(_work(coaching, coaching.coordinator).due().reviews_due) == 1
    assert _work(coaching, other).due().reviews_due == []
    with pytest.raises(PermissionDeniedError):
        _work(coaching, coaching.worker).due()


# ---- permissions -------------------------------------------------------------------------
def test_who_may_record_and_read_sessions(coaching: Coaching, add_account: object) -> None:
    plan_id = _plan(coaching)
    session_id = _sessions(coaching).record_session(plan_id, _attended(coaching))
    worker = _sessions(coaching, coaching.worker)
    assert [row.id for row in worker.sessions(plan_id)] == [session_id]
    assert worker.milestones(plan_id) == []
    assert len(worker.timeline(plan_id)) == 1
    with pytest.raises(PermissionDeniedError):
        worker.record_session(plan_id, _attended(coaching))
    with pytest.raises(PermissionDeniedError):
        worker.update_session(session_id, _attended(coaching, minutes=50))
    with pytest.raises(PermissionDeniedError):
        worker.record_milestone(plan_id, _milestone(coaching, Kind.CV_WRITTEN, 1))
    # The coordinator edits any plan.
    coordinator = _sessions(coaching, coaching.coordinator)
    assert coordinator.update_session(session_id, _attended(coaching, minutes=50)) == ["minutes"]

    analyst = add_account(Role.ANALYST, "analyst")  # type: ignore[operator]
    with pytest.raises(PermissionDeniedError):
        _sessions(coaching, analyst).sessions(plan_id)
    stranger = add_account(Role.EMPLOYMENT_COACH, "coach2")  # type: ignore[operator]
    with pytest.raises(RecordNotFoundError):
        _sessions(coaching, stranger).sessions(plan_id)
    with pytest.raises(RecordNotFoundError):
        _sessions(coaching, stranger).record_session(plan_id, _attended(coaching))


def test_a_closed_plan_takes_no_more_sessions(coaching: Coaching) -> None:
    plan_id = _plan(coaching)
    coaching.plans().close_plan(plan_id, _today(coaching), "Moved away")
    with pytest.raises(CoachingInputError, match="closed"):
        _sessions(coaching).record_session(plan_id, _attended(coaching))
    assert _chronology(coaching, coaching.coach).count(coaching.person_id) == 0

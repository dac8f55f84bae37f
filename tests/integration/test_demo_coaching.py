"""The demo vault's employment coaching, as the demo coach sees it, and its outcome counts checked
against figures recomputed here from the raw rows, without the outcome service's code."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from desktop.models.accounts import Role
from desktop.models.choices import BarrierStatus, CaseStatus, CoachingMode, GoalStatus
from desktop.models.chronology import ChronologyEntry
from desktop.models.people import YoungPerson
from desktop.services.bundle import Services
from desktop.services.people_service import age_on
from desktop.vault.layout import VaultLayout
from tests.conftest import FakeClock, FastKdfPolicy
from tests.demo_sessions import demo_services

# The definitions of desktop/services/coaching_outcomes.py, written out again from its docstring.
START_CODES = ("course_start", "apprenticeship_start", "job_start")
SUSTAINED_CODES = ("sustained_4_weeks", "sustained_13_weeks", "sustained_26_weeks")
NOT_EET_CODES = ("neet_activity", "volunteering")


@pytest.fixture
def demo(demo_vault: VaultLayout) -> VaultLayout:
    return demo_vault


@pytest.fixture
def coach(demo: VaultLayout, kdf: FastKdfPolicy, clock: FakeClock) -> Iterator[Services]:
    yield from demo_services(demo, kdf, clock, Role.EMPLOYMENT_COACH)


@pytest.fixture
def analyst(demo: VaultLayout, kdf: FastKdfPolicy, clock: FakeClock) -> Iterator[Services]:
    yield from demo_services(demo, kdf, clock, Role.ANALYST)


def test_the_demo_coach_has_plans_with_sessions_milestones_and_work_due(
    coach: Services, clock: FakeClock
) -> None:
    today = clock.now().date()
    plans = coach.coaching.plans(include_closed=True)
    assert 8 <= len(plans) <= 10
    assert sum(row.closed_on is not None for row in plans) == 1
    modes: Counter[CoachingMode] = Counter()
    missed = 0
    barrier_states: set[BarrierStatus] = set()
    milestone_kinds: set[str] = set()
    activities: list[list[str]] = []
    entries: dict[int, int] = {}  # chronology entry id: young person id
    newest = max(row.plan_id for row in plans)  # the plans were written in time order
    for row in plans:
        sessions = coach.coaching_sessions.sessions(row.plan_id)
        assert 4 <= len(sessions) <= 15
        for held in sessions:
            assert held.held_at <= clock.now()
            assert held.chronology_entry_id is not None
            entries[held.chronology_entry_id] = row.person_id
            modes[held.mode] += 1
            missed += not held.attended
        goals = coach.coaching_goals.goals(row.plan_id)
        assert 2 <= len(goals) <= 4
        assert all(goal.actions for goal in goals)
        barrier_states.update(b.status for b in coach.coaching.barriers(row.plan_id))
        milestones = coach.coaching_sessions.milestones(row.plan_id)
        assert all(m.achieved_on < today for m in milestones)
        milestone_kinds.update(m.kind.value for m in milestones)
        history = coach.coaching.eet_history(row.person_id)
        activities.append([spell.activity.value for spell in reversed(history)])
        # Every plan but the one begun a few weeks ago has been reviewed.
        assert coach.coaching.reviews(row.plan_id) or row.plan_id == newest
    with coach.signed_in.vault.sessions.begin() as session:
        for row in plans:
            person = session.get(YoungPerson, row.person_id)
            assert person is not None
            assert person.status in (
                CaseStatus.ASSESSMENT,
                CaseStatus.ACTIVE,
                CaseStatus.MONITORING,
            )
            age = age_on(person.date_of_birth, today)
            assert age is not None and 15 <= age <= 25
        for entry_id, person_id in entries.items():
            entry = session.get(ChronologyEntry, entry_id)
            assert entry is not None and entry.young_person_id == person_id
            assert entry.summary.startswith("Employment coaching session")
    assert set(modes) == set(CoachingMode)
    assert missed >= 3
    assert barrier_states == set(BarrierStatus)
    assert {"cv_written", "id_obtained", "bank_account_opened", "cscs_card"} <= milestone_kinds
    assert {*START_CODES, *SUSTAINED_CODES, "interview", "offer"} <= milestone_kinds
    # One young person left a course and is NEET again.
    assert ["neet_activity", "training_activity", "neet_activity"] in activities

    work = coach.coaching_work.due()
    assert any(review.overdue for review in work.reviews_due)
    assert any(not review.overdue for review in work.reviews_due)
    assert work.overdue_actions
    statuses = {goal.status for row in plans for goal in coach.coaching_goals.goals(row.plan_id)}
    assert statuses == set(GoalStatus)


def _months(today: date) -> list[tuple[date, date]]:
    """The twelve calendar months up to and including this one."""
    periods = []
    first = today.replace(day=1)
    for _ in range(12):
        following = (first + timedelta(days=32)).replace(day=1)
        periods.append((first, following - timedelta(days=1)))
        first = (first - timedelta(days=1)).replace(day=1)
    return periods


def _quarter_before(today: date) -> tuple[date, date]:
    first_month = 3 * ((today.month - 1) // 3) + 1
    this_quarter = today.replace(month=first_month, day=1)
    end = this_quarter - timedelta(days=1)
    return end.replace(month=3 * ((end.month - 1) // 3) + 1, day=1), end


def _expected(rows: dict[str, list[tuple[object, ...]]], start: date, end: date) -> dict[str, int]:
    """The figures for start..end, both days included, from the raw rows."""

    def within(day: object) -> bool:
        return start <= date.fromisoformat(str(day)) <= end

    figures = Counter(kind for kind, day in rows["milestones"] if within(day))
    changes = 0
    previous: dict[object, str] = {}
    for person, activity, started in rows["spells"]:  # each person's spells in order
        if date.fromisoformat(str(started)) > end:
            continue
        before = previous.get(person)
        if within(started) and activity not in NOT_EET_CODES and before in NOT_EET_CODES:
            changes += 1
        previous[person] = str(activity)
    opened = [
        (date.fromisoformat(str(s)), None if c is None else date.fromisoformat(str(c)))
        for s, c in rows["plans"]
    ]
    result = {code: figures[code] for code in (*START_CODES, *SUSTAINED_CODES)}
    result["neet_to_eet"] = changes
    result["plans_started"] = sum(start <= s <= end for s, _c in opened)
    result["plans_open_at_end"] = sum(s <= end and (c is None or c > end) for s, c in opened)
    return result


def test_outcome_counts_match_figures_recomputed_from_the_raw_rows(
    analyst: Services, clock: FakeClock
) -> None:
    with analyst.signed_in.vault.sessions.begin() as session:
        rows = {
            "milestones": [
                tuple(r) for r in session.execute(text("SELECT kind, achieved_on FROM milestones"))
            ],
            "spells": [
                tuple(r)
                for r in session.execute(
                    text(
                        "SELECT young_person_id, activity, started_on FROM eet_spells "
                        "ORDER BY young_person_id, started_on, recorded_at, id"
                    )
                )
            ],
            "plans": [
                tuple(r)
                for r in session.execute(text("SELECT started_on, closed_on FROM coaching_plans"))
            ],
        }
    today = clock.now().date()
    periods = [*_months(today), _quarter_before(today), (today - timedelta(days=365), today)]
    busy_months = 0
    for start, end in periods:
        counts = analyst.coaching_outcomes.counts(start, end)
        found = {kind.value: n for kind, n in (*counts.starts.items(), *counts.sustained.items())}
        found["neet_to_eet"] = counts.neet_to_eet
        found["plans_started"] = counts.plans_started
        found["plans_open_at_end"] = counts.plans_open_at_end
        expected = _expected(rows, start, end)
        assert found == expected, (start, end)
        busy_months += (start, end) in periods[:12] and (
            counts.total_starts + counts.total_sustained > 0
        )
    year = _expected(rows, today - timedelta(days=365), today)
    assert all(year[code] > 0 for code in (*START_CODES, *SUSTAINED_CODES))
    assert year["neet_to_eet"] >= 5
    assert year["plans_started"] >= 8
    assert busy_months >= 6

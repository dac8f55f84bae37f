"""Employment coaching outcome counts: the definitions on constructed records, who may ask, and
a seeded random vault whose counts are recomputed independently from the raw rows."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from desktop.models.accounts import Role
from desktop.models.choices import EetActivity, MilestoneKind
from desktop.models.coaching import CoachingPlan, EetSpell, Milestone
from desktop.services import actions
from desktop.services.coaching_outcomes import CoachingOutcomeService, OutcomeCounts
from desktop.services.coaching_records import CoachingInputError
from desktop.services.coaching_service import CoachingService
from desktop.services.coaching_sessions_service import CoachingSessionsService
from desktop.services.current_user import CurrentUser
from desktop.services.people_service import PersonDetails
from desktop.services.permissions import PermissionDeniedError
from tests.coaching_fixtures import PERSON_FAMILY, PERSON_GIVEN, Coaching
from tests.conftest import AddAccount

Kind = MilestoneKind
Act = EetActivity
START = date(2025, 1, 1)
END = date(2025, 1, 31)


@dataclass
class Builder:
    """Writes coaching rows straight into the vault: counting must not depend on the forms."""

    coaching: Coaching

    def person(self) -> int:
        people = self.coaching.people()
        details = PersonDetails("Young", f"Person{people.count() + 1}")
        details.allocated_ids = [self.coaching.coach.account_id]
        return people.create(details)

    def plan(self, person_id: int, started_on: date, closed_on: date | None = None) -> int:
        now = self.coaching.clock.now()
        row = CoachingPlan(
            young_person_id=person_id,
            coach_id=self.coaching.coach.account_id,
            started_on=started_on,
            closed_on=closed_on,
            created_at=now,
            updated_at=now,
        )
        return self._add(row)

    def milestone(self, plan_id: int, kind: MilestoneKind, on: date) -> int:
        row = Milestone(
            plan_id=plan_id,
            kind=kind,
            achieved_on=on,
            recorded_by_id=self.coaching.coach.account_id,
            created_at=self.coaching.clock.now(),
        )
        return self._add(row)

    def spell(self, person_id: int, activity: EetActivity, on: date) -> int:
        row = EetSpell(
            young_person_id=person_id,
            activity=activity,
            started_on=on,
            recorded_at=self.coaching.clock.now(),
            recorded_by_id=self.coaching.coach.account_id,
        )
        return self._add(row)

    def _add(self, row: CoachingPlan | Milestone | EetSpell) -> int:
        with self.coaching.signed_in.vault.sessions.begin() as session:
            session.add(row)
            session.flush()
            return row.id


def _counts(coaching: Coaching, user: CurrentUser, start: date, end: date) -> OutcomeCounts:
    service = CoachingOutcomeService(coaching.signed_in.vault.sessions, user, coaching.clock)
    return service.counts(start, end)


@pytest.fixture
def analyst(add_account: AddAccount) -> CurrentUser:
    return add_account(Role.ANALYST, "analyst")


def test_counts_follow_the_definitions_at_the_edges(
    coaching: Coaching, analyst: CurrentUser
) -> None:
    build = Builder(coaching)
    day = timedelta(days=1)
    a, b, c, d, e = (build.person() for _ in range(5))
    plan_a = build.plan(a, START)  # started on the first day: counted
    plan_b = build.plan(b, START - day, closed_on=END)  # closed on the last day: not open
    build.plan(c, END, closed_on=END + day)  # started on the last day, open at the end
    build.plan(d, END + day)  # after the period

    build.milestone(plan_a, Kind.JOB_START, START)
    build.milestone(plan_a, Kind.COURSE_START, END)
    build.milestone(plan_a, Kind.APPRENTICESHIP_START, START - day)  # before: not counted
    build.milestone(plan_b, Kind.APPRENTICESHIP_START, END + day)  # after: not counted
    build.milestone(plan_b, Kind.SUSTAINED_4, START + 10 * day)
    build.milestone(plan_b, Kind.SUSTAINED_13, END)
    build.milestone(plan_b, Kind.SUSTAINED_26, END + day)
    build.milestone(plan_b, Kind.CV_WRITTEN, START + day)  # not an outcome

    build.spell(a, Act.NEET, START - 30 * day)
    build.spell(a, Act.EDUCATION, START)  # NEET to EET on the first day: 1
    build.spell(b, Act.VOLUNTEERING, START - day)
    build.spell(b, Act.EMPLOYMENT, END)  # volunteering counts as NEET: 2
    build.spell(c, Act.EMPLOYMENT, START + day)  # a first spell is not a change
    build.spell(d, Act.TRAINING, START - day)
    build.spell(d, Act.APPRENTICESHIP, START + day)  # EET to EET is not a change
    build.spell(d, Act.NEET, START + 2 * day)
    build.spell(d, Act.VOLUNTEERING, START + 3 * day)  # still NEET
    build.spell(d, Act.SELF_EMPLOYED, START + 4 * day)  # NEET to EET again: 3
    build.spell(e, Act.NEET, START)
    build.spell(e, Act.EMPLOYMENT, END + day)  # after the period

    counts = _counts(coaching, analyst, START, END)
    assert counts.starts == {Kind.COURSE_START: 1, Kind.APPRENTICESHIP_START: 0, Kind.JOB_START: 1}
    assert counts.sustained == {Kind.SUSTAINED_4: 1, Kind.SUSTAINED_13: 1, Kind.SUSTAINED_26: 0}
    assert (counts.total_starts, counts.total_sustained) == (2, 2)
    assert counts.neet_to_eet == 3
    assert (counts.plans_started, counts.plans_open_at_end) == (2, 2)

    # A one-day period holds what is dated that day only.
    last_day = _counts(coaching, coaching.coordinator, END, END)
    assert (last_day.total_starts, last_day.total_sustained, last_day.neet_to_eet) == (1, 1, 1)
    with pytest.raises(CoachingInputError, match="ends before it starts"):
        _counts(coaching, analyst, END, START)


def test_only_the_analyst_and_the_coordinator_see_counts_and_the_analyst_no_plan(
    coaching: Coaching, analyst: CurrentUser
) -> None:
    build = Builder(coaching)
    plan_id = build.plan(coaching.person_id, START)
    build.milestone(plan_id, Kind.JOB_START, START)
    for user in (coaching.coach, coaching.worker):
        with pytest.raises(PermissionDeniedError):
            _counts(coaching, user, START, END)
    assert _counts(coaching, analyst, START, END).total_starts == 1

    sessions = coaching.signed_in.vault.sessions
    with pytest.raises(PermissionDeniedError):
        CoachingService(sessions, analyst, coaching.clock).plan(plan_id)
    with pytest.raises(PermissionDeniedError):
        CoachingSessionsService(sessions, analyst, coaching.clock).timeline(plan_id)

    counted = [a for a in coaching.audit_actions() if a[1] == actions.COACHING_OUTCOMES_COUNTED]
    assert counted == [("analyst", actions.COACHING_OUTCOMES_COUNTED, "outcome_counts")]
    audit = coaching.audit_text()
    assert "2025-01-01/2025-01-31" in audit
    for secret in (PERSON_GIVEN, PERSON_FAMILY):
        assert secret not in audit


def test_the_result_holds_nothing_that_points_to_a_person(
    coaching: Coaching, analyst: CurrentUser
) -> None:
    counts = _counts(coaching, analyst, START, END)
    assert set(vars(counts)) == {
        "start",
        "end",
        "starts",
        "sustained",
        "neet_to_eet",
        "plans_started",
        "plans_open_at_end",
    }
    assert all(isinstance(value, int) for value in counts.starts.values())


# ---- a seeded random vault, recomputed from the raw rows ---------------------------------
OUTCOME_KINDS = [kind for kind in Kind if kind.is_start or kind.is_sustainment]


def _random_vault(build: Builder, seed: int) -> None:
    rng = random.Random(seed)
    first = date(2024, 1, 1)
    for _ in range(25):
        person = build.person()
        on = first + timedelta(days=rng.randrange(0, 200))
        for _ in range(rng.randrange(0, 7)):
            # Same-day changes happen (ties are broken by the order they were recorded).
            build.spell(person, rng.choice(list(Act)), on)
            on += timedelta(days=rng.choice([0, 1, 5, 20, 60]))
        for _ in range(rng.randrange(0, 3)):
            started = first + timedelta(days=rng.randrange(0, 500))
            closed = rng.choice([None, started + timedelta(days=rng.randrange(0, 200))])
            plan_id = build.plan(person, started, closed)
            for _ in range(rng.randrange(0, 6)):
                kind = rng.choice(OUTCOME_KINDS + [Kind.CV_WRITTEN, Kind.INTERVIEW])
                build.milestone(plan_id, kind, started + timedelta(days=rng.randrange(0, 300)))


def _expected(coaching: Coaching, start: date, end: date) -> tuple[object, ...]:
    """The counts by another route: every raw row read with plain SQL, counted in Python."""
    with coaching.signed_in.vault.sessions.begin() as session:
        milestones = session.execute(text("SELECT kind, achieved_on FROM milestones")).all()
        spells = session.execute(
            text("SELECT id, young_person_id, activity, started_on FROM eet_spells")
        ).all()
        plans = session.execute(text("SELECT started_on, closed_on FROM coaching_plans")).all()

    def day(value: object) -> date:
        return value if isinstance(value, date) else date.fromisoformat(str(value))

    in_period = Counter(kind for kind, on in milestones if start <= day(on) <= end)
    by_person: dict[int, list[tuple[date, int, EetActivity]]] = {}
    for spell_id, person, activity, on in spells:
        by_person.setdefault(person, []).append((day(on), spell_id, EetActivity(activity)))
    changes = 0
    for history in by_person.values():
        history.sort()
        for before, after in zip(history, history[1:], strict=False):
            if start <= after[0] <= end and after[2].is_eet and not before[2].is_eet:
                changes += 1
    started = sum(1 for on, _ in plans if start <= day(on) <= end)
    still_open = sum(
        1 for on, closed in plans if day(on) <= end and (closed is None or day(closed) > end)
    )
    return (
        {kind: in_period[kind.value] for kind in OUTCOME_KINDS},
        changes,
        started,
        still_open,
    )


@pytest.mark.parametrize("seed", [7, 2025])
def test_counts_on_a_random_vault_match_a_recount_from_raw_rows(
    coaching: Coaching, analyst: CurrentUser, seed: int
) -> None:
    _random_vault(Builder(coaching), seed)
    rng = random.Random(seed + 1)
    periods = [(date(2024, 1, 1), date(2025, 12, 31)), (date(2024, 4, 1), date(2024, 4, 1))]
    for _ in range(8):
        begin = date(2024, 1, 1) + timedelta(days=rng.randrange(0, 600))
        periods.append((begin, begin + timedelta(days=rng.randrange(0, 120))))
    nonzero = 0
    for start, end in periods:
        counts = _counts(coaching, analyst, start, end)
        got = (
            {**counts.starts, **counts.sustained},
            counts.neet_to_eet,
            counts.plans_started,
            counts.plans_open_at_end,
        )
        assert got == _expected(coaching, start, end), (start, end)
        nonzero += counts.total_starts + counts.neet_to_eet
    assert nonzero > 0  # the data set really exercises the counts

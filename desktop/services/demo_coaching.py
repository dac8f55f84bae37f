"""Demo employment coaching: plans, EET histories, barriers, goals, sessions and milestones.

As for the demo's family therapy (demo_therapy), everything goes through the coaching services
as the demo employment coach would have used them, each step with the services' clock set to
when it would have happened and the steps run in time order, so the services' own rules (no
future dates, sustainment only after a start, no changes to a closed plan) hold for the demo
too. Each plan follows one of a set of courses (ARCS): from NEET into training and then an
apprenticeship, into a job sustained for 26 weeks, back to education, volunteering into work,
a course dropped for a reason of travel safety, a plan closed once work was settled, and plans
still early on; one review is left overdue so the coach's home screen shows it.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.choices import (
    ActionStatus,
    BarrierStatus,
    CaseStatus,
    CoachingMode,
    EetActivity,
    GoalStatus,
    MilestoneKind,
)
from desktop.models.coaching import BarrierType
from desktop.models.people import Allocation, YoungPerson
from desktop.services import actions, audit_chain
from desktop.services import demo_coaching_texts as words
from desktop.services.coaching_goals_service import CoachingGoalsService
from desktop.services.coaching_records import (
    ActionInput,
    BarrierInput,
    EetInput,
    GoalInput,
    PlanInput,
    ReviewInput,
)
from desktop.services.coaching_service import CoachingService
from desktop.services.coaching_session_records import MilestoneInput, SessionInput
from desktop.services.coaching_sessions_service import CoachingSessionsService
from desktop.services.current_user import CurrentUser
from desktop.services.demo_coaching_texts import ARCS, Arc
from desktop.services.demo_therapy import ReplayClock  # the same replay as the therapy demo
from desktop.services.people_service import age_on

OPEN = (CaseStatus.ASSESSMENT, CaseStatus.ACTIVE, CaseStatus.MONITORING)
MODES = ((CoachingMode.IN_PERSON, 5), (CoachingMode.ONLINE_VIDEO, 2), (CoachingMode.PHONE_CALL, 2))
HOURS = (10, 11, 13, 14, 15, 16)
SUSTAINED = ((MilestoneKind.SUSTAINED_4, 4), (MilestoneKind.SUSTAINED_13, 13))
SUSTAINED_ALL = (*SUSTAINED, (MilestoneKind.SUSTAINED_26, 26))


@dataclass
class _Plan:
    """One plan being written: its dates, what the services returned, and its words."""

    person_id: int
    name: str
    start: date
    end: date  # the closing date, or the demo's yesterday
    closed: bool
    id: int = 0
    milestones: dict[MilestoneKind, date] = field(default_factory=dict)
    phases: list[tuple[date, str]] = field(default_factory=list)  # from when each phase runs

    def text(self, template: str) -> str:
        return template.format(name=self.name)

    def phase(self, day: date) -> str:
        current = "early"
        for since, phase in self.phases:
            if since <= day:
                current = phase
        return current


@dataclass
class _Planner:
    chooser: random.Random
    today: date
    coach_id: int
    plans: CoachingService
    goals: CoachingGoalsService
    sessions: CoachingSessionsService
    barrier_ids: dict[str, int]
    review_weeks: int
    steps: list[tuple[datetime, int, Callable[[], None]]] = field(default_factory=list)

    def at(self, day: date, hour: float, step: Callable[[], None]) -> None:
        when = datetime.combine(day, time(), tzinfo=UTC) + timedelta(hours=hour)
        self.steps.append((when, len(self.steps), step))


def add_coaching(
    sessions: sessionmaker[Session], coach: CurrentUser, clock: Clock, seed: int
) -> int:
    """Adds up to len(ARCS) coaching plans for young people on open cases; returns how many."""
    chooser = random.Random(f"coaching-{seed}")
    now = clock.now()
    yesterday = now.date() - timedelta(days=1)
    with sessions.begin() as session:
        chosen = _choose_people(session, chooser, coach.account_id, now.date())
        barrier_ids = {c: i for c, i in session.execute(select(BarrierType.code, BarrierType.id))}
    replay = ReplayClock(clock)
    plans = CoachingService(sessions, coach, replay)
    planner = _Planner(
        chooser,
        now.date(),
        coach.account_id,
        plans,
        CoachingGoalsService(sessions, coach, replay),
        CoachingSessionsService(sessions, coach, replay),
        barrier_ids,
        plans.review_interval_weeks(),
    )
    for arc, (person_id, name, start) in chosen:
        plan = _Plan(person_id, name, start, yesterday, closed=arc.closes_after is not None)
        _plan_arc(planner, arc, plan)
    for when, _order, step in sorted(planner.steps, key=lambda s: (s[0], s[1])):
        replay.set(min(when, now - timedelta(seconds=1)))
        step()
    with sessions.begin() as session:
        audit_chain.append(
            session,
            now,
            coach.username,
            actions.CREATE,
            "demo_coaching",
            "",
            outcome=f"{len(chosen)} synthetic employment coaching plans",
        )
    return len(chosen)


def _choose_people(
    session: Session, chooser: random.Random, coach_id: int, today: date
) -> list[tuple[Arc, tuple[int, str, date]]]:
    """For each arc a young person on an open case, of the arc's ages at the plan's start (so
    15 to 25 now) and known to the unit before it; each allocated to the coach, who sees only
    the young people allocated to them."""
    people = list(
        session.execute(
            select(YoungPerson).where(YoungPerson.status.in_(OPEN)).order_by(YoungPerson.id)
        ).scalars()
    )
    chooser.shuffle(people)
    allocated = set(
        session.execute(
            select(Allocation.young_person_id).where(Allocation.account_id == coach_id)
        ).scalars()
    )
    chosen = []
    for arc in ARCS:
        start = today - timedelta(days=chooser.randint(*arc.started))
        for person in people:
            age = age_on(person.date_of_birth, start)
            known = person.created_at.date() <= start - timedelta(days=7)
            if known and age is not None and arc.ages[0] <= age <= arc.ages[1]:
                people.remove(person)
                if person.id not in allocated:
                    session.add(Allocation(young_person_id=person.id, account_id=coach_id))
                chosen.append((arc, (person.id, person.given_name, start)))
                break
    return chosen


def _plan_arc(planner: _Planner, arc: Arc, plan: _Plan) -> None:
    chooser = planner.chooser
    milestones = _milestones(planner, arc, plan)
    if arc.closes_after is not None and milestones:
        plan.end = min(
            plan.end, max(day for _kind, day, _d in milestones) + timedelta(days=arc.closes_after)
        )
    milestones = [m for m in milestones if m[1] <= plan.end]
    plan.milestones = {kind: day for kind, day, _detail in milestones}
    plan.phases = [(plan.start + timedelta(days=21), "searching")]
    for move in arc.moves:
        if move.start is not None and move.start in plan.milestones:
            plan.phases.append((plan.milestones[move.start], "started"))
        elif move.activity is EetActivity.NEET:
            plan.phases.append((plan.start + timedelta(days=move.at), "searching"))
    details = PlanInput(
        planner.coach_id,
        plan.start,
        chooser.choice(words.ASPIRATIONS),
        chooser.choice(words.STRENGTHS),
    )

    def create() -> None:
        plan.id = planner.plans.create_plan(plan.person_id, details)

    planner.at(plan.start, 9, create)
    _eet(planner, plan, EetInput(arc.first, plan.start, plan.text(words.EET_REASONS[arc.first][0])))
    for move in arc.moves:
        day = plan.start + timedelta(days=move.at)
        if day <= plan.end:
            reason = (
                words.DROPPED_OUT
                if move.activity is EetActivity.NEET
                else chooser.choice(words.EET_REASONS[move.activity])
            )
            provider = words.PROVIDERS.get(move.provider, "")
            _eet(
                planner, plan, EetInput(move.activity, day, plan.text(reason), provider, move.hours)
            )
    for kind, day, detail in milestones:
        _milestone(
            planner, plan, MilestoneInput(kind, day, detail, words.MILESTONE_EVIDENCE[kind][1])
        )
    _barriers(planner, arc, plan)
    _goals(planner, arc, plan)
    _sessions(planner, plan)
    _reviews(planner, arc, plan)
    if arc.closes_after is not None:

        def close() -> None:
            planner.plans.close_plan(plan.id, plan.end, plan.text(words.CLOSING_REASON))

        planner.at(plan.end, 20, close)


def _milestones(planner: _Planner, arc: Arc, plan: _Plan) -> list[tuple[MilestoneKind, date, str]]:
    """Every milestone the arc reaches by yesterday: the preparation, each start with what led
    to it, and the sustainment of each start while it lasted."""
    chooser, found = planner.chooser, []
    for kind, after in arc.prep:
        found.append((kind, plan.start + timedelta(days=after), words.MILESTONE_EVIDENCE[kind][0]))
    for index, move in enumerate(arc.moves):
        if move.start is None:
            continue
        begins = plan.start + timedelta(days=move.at)
        provider = words.PROVIDERS[move.provider]
        lead = [(MilestoneKind.APPLICATION, 28)] + (
            [(MilestoneKind.INTERVIEW, 14), (MilestoneKind.OFFER, 7)] if move.interviewed else []
        )
        for kind, before in lead:
            found.append((kind, begins - timedelta(days=before + chooser.randint(0, 3)), provider))
        found.append((move.start, begins, provider))
        ends = (
            plan.start + timedelta(days=arc.moves[index + 1].at)
            if index + 1 < len(arc.moves)
            else None
        )
        # A plan that closes once work is settled closes before 26 weeks could be recorded.
        weeks = SUSTAINED if arc.closes_after is not None else SUSTAINED_ALL
        for kind, count in weeks:
            day = begins + timedelta(weeks=count, days=chooser.randint(0, 6))
            if ends is None or day < ends:
                found.append((kind, day, provider))
    return sorted((m for m in found if m[1] <= plan.end), key=lambda m: m[1])


def _eet(planner: _Planner, plan: _Plan, details: EetInput) -> None:
    def record() -> None:
        planner.plans.record_eet(plan.person_id, details)

    planner.at(details.started_on, 9.2, record)


def _milestone(planner: _Planner, plan: _Plan, details: MilestoneInput) -> None:
    def record() -> None:
        planner.sessions.record_milestone(plan.id, details)

    planner.at(details.achieved_on, 17, record)


def _barriers(planner: _Planner, arc: Arc, plan: _Plan) -> None:
    chooser = planner.chooser
    for code, status, resolved_by in arc.barriers:
        detail, action = words.BARRIERS[code]
        kind = planner.barrier_ids[code]
        found = plan.start + timedelta(days=chooser.randint(0, 6))
        addressed = found + timedelta(days=chooser.randint(3, 14))
        resolved = plan.milestones.get(resolved_by) if resolved_by else None
        if status is BarrierStatus.RESOLVED and resolved is None:
            status = BarrierStatus.BEING_ADDRESSED  # the arc has not got that far yet
        ids: list[int] = []

        def add(kind: int = kind, detail: str = detail, ids: list[int] = ids) -> None:
            ids.append(
                planner.plans.add_barrier(plan.id, BarrierInput(kind, BarrierStatus.OPEN, detail))
            )

        planner.at(found, 18, add)
        for when, now_status in (
            (addressed, BarrierStatus.BEING_ADDRESSED),
            (resolved, BarrierStatus.RESOLVED),
        ):
            if status is BarrierStatus.OPEN or when is None or when > plan.end:
                continue
            if now_status is BarrierStatus.RESOLVED and status is not BarrierStatus.RESOLVED:
                continue
            new = BarrierInput(kind, now_status, detail, action)

            def update(new: BarrierInput = new, ids: list[int] = ids) -> None:
                planner.plans.update_barrier(ids[0], new)

            planner.at(max(when, found), 18.5, update)


def _goals(planner: _Planner, arc: Arc, plan: _Plan) -> None:
    chooser = planner.chooser
    dropout = next((m for m in arc.moves if m.activity is EetActivity.NEET and m.at > 0), None)
    for theme in arc.goals:
        description, measure, link, goal_actions = words.GOALS[theme]
        achieved = plan.milestones.get(link) if link else None
        started = [day for kind, day in plan.milestones.items() if kind.is_start]
        if theme == "route" and dropout:
            added = plan.start + timedelta(days=dropout.at + chooser.randint(5, 10))
        elif theme == "sustain":
            if not started:
                continue  # nothing started yet to keep going
            added = max(started)
        else:
            lead = achieved - timedelta(days=chooser.randint(40, 70)) if achieved else plan.start
            added = max(plan.start + timedelta(days=chooser.randint(1, 7)), lead)
        if added > plan.end:
            continue
        target = (achieved or added + timedelta(days=chooser.randint(40, 80))) + timedelta(days=14)
        dropped = theme == "sustain" and dropout is not None
        goal_input = GoalInput(plan.text(description), measure, max(target, added + timedelta(1)))
        ids: list[int] = []

        def add(details: GoalInput = goal_input, ids: list[int] = ids) -> None:
            ids.append(planner.goals.add_goal(plan.id, details))

        planner.at(added, 18.6, add)
        finished = achieved or (
            plan.start + timedelta(days=dropout.at) if dropped and dropout else None
        )
        for number, (what, owner, agency) in enumerate(goal_actions):
            due = added + timedelta(days=7 + 7 * number + chooser.randint(0, 6))
            _action(planner, plan, ids, added, due, finished, ActionInput(what, owner, agency, due))
        if finished is not None and finished <= plan.end:
            status = GoalStatus.DROPPED if dropped else GoalStatus.ACHIEVED

            def close(status: GoalStatus = status, ids: list[int] = ids) -> None:
                planner.goals.set_goal_status(ids[0], status)

            planner.at(max(finished, added + timedelta(1)), 17.5, close)


def _action(
    planner: _Planner,
    plan: _Plan,
    goal: list[int],
    added: date,
    due: date,
    finished: date | None,
    details: ActionInput,
) -> None:
    """Done by the goal's end, or (if it is still open) done on time half the time and left to
    do otherwise: those due before today are the overdue actions on the coach's home screen."""
    chooser = planner.chooser
    ids: list[int] = []

    def add(ids: list[int] = ids) -> None:
        ids.append(planner.goals.add_action(goal[0], details))

    planner.at(added, 18.7, add)
    if finished is not None and finished <= plan.end:
        done: date | None = max(
            added + timedelta(1), min(due + timedelta(chooser.randint(-4, 2)), finished)
        )
    elif due < plan.end and chooser.random() < 0.5:
        done = max(added + timedelta(1), due + timedelta(chooser.randint(-4, 2)))
    else:
        done = None
    if done is not None and done <= plan.end:

        def mark(ids: list[int] = ids) -> None:
            planner.goals.set_action_status(ids[0], ActionStatus.DONE)

        planner.at(done, 17.2, mark)


def _sessions(planner: _Planner, plan: _Plan) -> None:
    """Every one to three weeks from the start; the odd one missed, the first never."""
    chooser = planner.chooser
    length = (plan.end - plan.start).days
    count = max(4, min(15, length // 21 + chooser.randint(-1, 2)))
    gap = length / count
    for n in range(count):
        day = _weekday(plan.start + timedelta(days=round(n * gap + chooser.uniform(0, gap / 3))))
        day = min(day, plan.end) if n else plan.start
        held = datetime.combine(day, time(chooser.choice(HOURS)), tzinfo=UTC)
        attended = n == 0 or chooser.random() > 0.15
        phase = plan.phase(day)
        if not attended:
            mode = CoachingMode.IN_PERSON
        elif phase == "started" and chooser.random() < 0.4:
            mode = CoachingMode.MESSAGE  # a quick check-in between shifts
        else:
            mode = chooser.choices([m for m, _ in MODES], [w for _, w in MODES])[0]
        minutes = 15 if mode is CoachingMode.MESSAGE else chooser.choice((30, 45, 60, 60, 90))
        details = SessionInput(
            held,
            mode,
            minutes,
            attended,
            plan.text(chooser.choice(words.SESSION_DONE[phase])) if attended else "",
            plan.text(chooser.choice(words.NEXT_STEPS[phase] if attended else words.MISSED_NEXT)),
        )

        def record(details: SessionInput = details) -> None:
            planner.sessions.record_session(plan.id, details)

        planner.at(day, held.hour + (minutes + 20) / 60, record)


def _reviews(planner: _Planner, arc: Arc, plan: _Plan) -> None:
    """Every N weeks; timed back from when the next falls due: within the week, already
    passed (overdue), or later on. A closed plan's reviews run up to its closing."""
    chooser, every = planner.chooser, timedelta(weeks=planner.review_weeks)
    if plan.closed:
        days = []
        day = plan.start + every
        while day < plan.end:
            days.append(day)
            day += every
    else:
        offset = {"due": (0, 6), "overdue": (-20, -6), "later": (9, 30)}[arc.review]
        due = planner.today + timedelta(days=chooser.randint(*offset))
        days, day = [], due - every
        while day >= plan.start + timedelta(days=14):
            days.insert(0, day)
            day -= every
    for day in days:
        summary = plan.text(chooser.choice(words.REVIEWS[plan.phase(day)]))
        details = ReviewInput(day, summary, day + every)

        def record(details: ReviewInput = details) -> None:
            planner.plans.record_review(plan.id, details)

        planner.at(day, 19, record)


def _weekday(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day

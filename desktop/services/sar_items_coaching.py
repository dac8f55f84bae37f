"""Subject access items from employment coaching: plans, the education, employment and training
history, barriers, goals and their actions, sessions, milestones and plan reviews."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

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
from desktop.services import sar_items as s
from desktop.services.sar_items import SarItem, text_of, when

Staff = Mapping[int, str]


def coaching_items(session: Session, pid: int, staff: Staff) -> list[SarItem]:
    items: list[SarItem] = []
    plans = session.execute(select(CoachingPlan).where(CoachingPlan.young_person_id == pid))
    plan_ids = []
    for plan in plans.scalars().all():
        plan_ids.append(plan.id)
        items.append(
            _item(
                "coaching_plans",
                plan.id,
                "Coaching plan",
                plan.started_on,
                "Employment coaching plan",
                text_of(
                    [
                        ("Coach", staff.get(plan.coach_id, "")),
                        ("Started", when(plan.started_on)),
                        ("Review due", when(plan.review_due_on)),
                        ("Closed", when(plan.closed_on)),
                    ],
                    [
                        ("Your hopes", plan.aspirations),
                        ("Your strengths", plan.strengths),
                        ("Why the plan closed", plan.closing_reason),
                    ],
                ),
            )
        )
    spells = session.execute(select(EetSpell).where(EetSpell.young_person_id == pid)).scalars()
    for spell in spells:
        items.append(
            _item(
                "eet_spells",
                spell.id,
                "Education, employment or training",
                spell.started_on,
                spell.activity.label,
                text_of(
                    [
                        ("Activity", spell.activity.label),
                        ("Provider or employer", spell.provider),
                        (
                            "Hours a week",
                            "" if spell.hours_per_week is None else str(spell.hours_per_week),
                        ),
                        ("From", when(spell.started_on)),
                        ("Until", when(spell.ended_on)),
                        ("Recorded by", staff.get(spell.recorded_by_id, "")),
                    ],
                    [("Why it changed", spell.reason_for_change)],
                ),
            )
        )
    barriers = select(Barrier, BarrierType.label).join(BarrierType)
    for barrier, label in session.execute(barriers.where(Barrier.plan_id.in_(plan_ids))):
        items.append(
            _item(
                "barriers",
                barrier.id,
                "Barrier",
                s.day(barrier.created_at),
                f"Barrier: {label}",
                text_of(
                    [
                        ("Barrier", label),
                        ("Status", barrier.status.label),
                        ("Resolved", when(barrier.resolved_on)),
                    ],
                    [("Detail", barrier.detail), ("What is being done", barrier.action)],
                ),
            )
        )
    goals = session.execute(select(CoachingGoal).where(CoachingGoal.plan_id.in_(plan_ids)))
    goal_ids = []
    for goal in goals.scalars().all():
        goal_ids.append(goal.id)
        items.append(
            _item(
                "coaching_goals",
                goal.id,
                "Goal",
                s.day(goal.created_at),
                s.first_line(goal.description, "Goal"),
                text_of(
                    [
                        ("Target date", when(goal.target_on)),
                        ("Status", goal.status.label),
                        ("Achieved", when(goal.achieved_on)),
                    ],
                    [("Goal", goal.description), ("How progress is measured", goal.measure)],
                ),
            )
        )
    actions = select(GoalAction).where(GoalAction.goal_id.in_(goal_ids))
    for action in session.execute(actions).scalars():
        items.append(
            _item(
                "goal_actions",
                action.id,
                "Action towards a goal",
                s.day(action.created_at),
                s.first_line(action.description, "Action"),
                text_of(
                    [
                        ("Who", action.owner.label),
                        ("Agency", action.agency),
                        ("Due", when(action.due_on)),
                        ("Status", action.status.label),
                        ("Done", when(action.done_on)),
                    ],
                    [("Action", action.description)],
                ),
            )
        )
    sessions = select(CoachingSession).where(CoachingSession.plan_id.in_(plan_ids))
    for row in session.execute(sessions).scalars():
        items.append(
            _item(
                "coaching_sessions",
                row.id,
                "Coaching session",
                s.day(row.held_at),
                f"Coaching session ({row.mode.label.lower()})",
                text_of(
                    [
                        ("When", when(row.held_at)),
                        ("How", row.mode.label),
                        ("Length", f"{row.minutes} minutes"),
                        ("You attended", "Yes" if row.attended else "No"),
                        ("Recorded by", staff.get(row.recorded_by_id, "")),
                    ],
                    [("What was done", row.what_was_done), ("Next steps", row.next_steps)],
                ),
            )
        )
    milestones = select(Milestone).where(Milestone.plan_id.in_(plan_ids))
    for milestone in session.execute(milestones).scalars():
        items.append(
            _item(
                "milestones",
                milestone.id,
                "Milestone",
                milestone.achieved_on,
                f"Milestone: {milestone.kind.label}",
                text_of(
                    [
                        ("Milestone", milestone.kind.label),
                        ("Achieved", when(milestone.achieved_on)),
                    ],
                    [("Detail", milestone.detail), ("Evidence", milestone.evidence)],
                ),
            )
        )
    reviews = select(PlanReview).where(PlanReview.plan_id.in_(plan_ids))
    for review in session.execute(reviews).scalars():
        items.append(
            _item(
                "plan_reviews",
                review.id,
                "Plan review",
                review.reviewed_on,
                "Plan review",
                text_of(
                    [
                        ("Reviewed", when(review.reviewed_on)),
                        ("Next review", when(review.next_review_on)),
                        ("Reviewed by", staff.get(review.reviewed_by_id, "")),
                    ],
                    [("Summary", review.summary)],
                ),
            )
        )
    return items


def _item(table: str, row_id: int, kind: str, on: date | None, title: str, text: str) -> SarItem:
    return SarItem(f"{table}:{row_id}", s.COACHING, kind, on, title, text)

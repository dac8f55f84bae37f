"""Employment coaching: a young person's plan, their dated history in education, employment or
training, barriers, SMART goals with actions, sessions, milestones and plan reviews."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, UtcDateTime, choice
from desktop.models.choices import (
    ActionOwner,
    ActionStatus,
    BarrierStatus,
    CoachingMode,
    EetActivity,
    GoalStatus,
    MilestoneKind,
)

# The barriers every vault starts with (code, label); the coordinator adds more.
STANDARD_BARRIERS = (
    ("no_id", "No ID documents"),
    ("no_bank_account", "No bank account"),
    ("criminal_record", "Criminal record or disclosure"),
    ("literacy_numeracy", "Literacy or numeracy"),
    ("english_language", "English language"),
    ("housing", "Housing"),
    ("travel_safety", "Travel safety and territory"),
    ("caring", "Caring responsibilities"),
    ("health", "Health or mental health"),
    ("substance_use", "Substance use"),
    ("no_phone_internet", "No phone or internet access"),
)


class CoachingPlan(Base):
    """One plan per young person (closed plans stay, a new one may follow)."""

    __tablename__ = "coaching_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    young_person_id: Mapped[int] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    coach_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    started_on: Mapped[date]
    # In the young person's own words.
    aspirations: Mapped[str] = mapped_column(Text, default="")
    strengths: Mapped[str] = mapped_column(Text, default="")
    review_due_on: Mapped[date | None] = mapped_column(default=None, index=True)
    closed_on: Mapped[date | None] = mapped_column(default=None)
    closing_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class EetSpell(Base):
    """A spell in one activity: the history is added to, never overwritten. The current spell
    has no end date."""

    __tablename__ = "eet_spells"

    id: Mapped[int] = mapped_column(primary_key=True)
    young_person_id: Mapped[int] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    activity: Mapped[EetActivity] = mapped_column(choice(EetActivity))
    started_on: Mapped[date]
    ended_on: Mapped[date | None] = mapped_column(default=None)
    # Why the previous spell ended and this one began.
    reason_for_change: Mapped[str] = mapped_column(Text, default="")
    provider: Mapped[str] = mapped_column(String(200), default="")  # or employer
    hours_per_week: Mapped[int | None] = mapped_column(default=None)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))


class BarrierType(Base):
    """A kind of barrier: the standard list, extended by the coordinator."""

    __tablename__ = "barrier_types"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    label: Mapped[str] = mapped_column(String(120))
    active: Mapped[bool] = mapped_column(default=True)


class Barrier(Base):
    __tablename__ = "barriers"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("coaching_plans.id", ondelete="CASCADE"), index=True
    )
    barrier_type_id: Mapped[int] = mapped_column(ForeignKey("barrier_types.id"))
    status: Mapped[BarrierStatus] = mapped_column(choice(BarrierStatus))
    detail: Mapped[str] = mapped_column(Text, default="")
    # What is being done about it.
    action: Mapped[str] = mapped_column(Text, default="")
    resolved_on: Mapped[date | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class CoachingGoal(Base):
    """A SMART goal: what, how progress is measured, and by when."""

    __tablename__ = "coaching_goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("coaching_plans.id", ondelete="CASCADE"), index=True
    )
    description: Mapped[str] = mapped_column(Text)
    measure: Mapped[str] = mapped_column(Text, default="")
    target_on: Mapped[date]
    status: Mapped[GoalStatus] = mapped_column(choice(GoalStatus))
    achieved_on: Mapped[date | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class GoalAction(Base):
    __tablename__ = "goal_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(
        ForeignKey("coaching_goals.id", ondelete="CASCADE"), index=True
    )
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[ActionOwner] = mapped_column(choice(ActionOwner))
    agency: Mapped[str] = mapped_column(String(200), default="")  # when another agency owns it
    due_on: Mapped[date | None] = mapped_column(default=None, index=True)
    status: Mapped[ActionStatus] = mapped_column(choice(ActionStatus))
    done_on: Mapped[date | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class CoachingSession(Base):
    """A coaching session; each also writes an entry in the young person's chronology."""

    __tablename__ = "coaching_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("coaching_plans.id", ondelete="CASCADE"), index=True
    )
    held_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    mode: Mapped[CoachingMode] = mapped_column(choice(CoachingMode))
    minutes: Mapped[int]
    attended: Mapped[bool]
    what_was_done: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    chronology_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("chronology_entries.id"), default=None
    )
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Milestone(Base):
    __tablename__ = "milestones"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("coaching_plans.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[MilestoneKind] = mapped_column(choice(MilestoneKind))
    achieved_on: Mapped[date] = mapped_column(index=True)
    detail: Mapped[str] = mapped_column(Text, default="")  # e.g. the course or employer
    evidence: Mapped[str] = mapped_column(Text, default="")  # what shows it happened
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class PlanReview(Base):
    __tablename__ = "plan_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("coaching_plans.id", ondelete="CASCADE"), index=True
    )
    reviewed_on: Mapped[date]
    summary: Mapped[str] = mapped_column(Text, default="")
    next_review_on: Mapped[date]
    reviewed_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)

"""What the coaching documents are built from: plain data a service has read, never a database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desktop.models.choices import (
    ActionOwner,
    ActionStatus,
    BarrierStatus,
    CoachingMode,
    EetActivity,
    GoalStatus,
    MilestoneKind,
)

OPEN_ACTIONS = frozenset({ActionStatus.TO_DO, ActionStatus.IN_PROGRESS})


@dataclass(frozen=True)
class ActionLine:
    description: str
    owner: ActionOwner
    agency: str  # the other agency's name, when one owns the action
    due_on: date | None
    status: ActionStatus
    done_on: date | None = None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_ACTIONS


@dataclass(frozen=True)
class GoalLine:
    description: str
    measure: str
    target_on: date
    status: GoalStatus
    achieved_on: date | None
    actions: tuple[ActionLine, ...] = ()

    @property
    def progress(self) -> tuple[int, int]:
        """(done, counted): dropped actions count neither way."""
        counted = [action for action in self.actions if action.status is not ActionStatus.DROPPED]
        return sum(action.status is ActionStatus.DONE for action in counted), len(counted)


@dataclass(frozen=True)
class SpellLine:
    activity: EetActivity
    started_on: date
    ended_on: date | None
    provider: str
    hours_per_week: int | None
    reason_for_change: str


@dataclass(frozen=True)
class BarrierLine:
    label: str
    status: BarrierStatus
    detail: str
    action: str
    resolved_on: date | None


@dataclass(frozen=True)
class SessionLine:
    held_at: datetime  # local time
    mode: CoachingMode
    minutes: int
    attended: bool
    what_was_done: str
    next_steps: str


@dataclass(frozen=True)
class MilestoneLine:
    kind: MilestoneKind
    achieved_on: date
    detail: str
    evidence: str


@dataclass(frozen=True)
class ReviewLine:
    reviewed_on: date
    reviewed_by: str
    summary: str
    next_review_on: date


@dataclass(frozen=True)
class UnitContact:
    """How a young person reaches the unit; a blank value prints a line to write it on."""

    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class CoachingPlanContent:
    person_name: str  # full name, for the coach's summary
    called: str  # the name the young person goes by, for their own plan
    date_of_birth: date | None
    coach: str
    started_on: date
    closed_on: date | None
    closing_reason: str
    review_due_on: date | None
    aspirations: str
    strengths: str
    spells: tuple[SpellLine, ...]
    barriers: tuple[BarrierLine, ...]
    goals: tuple[GoalLine, ...]
    sessions: tuple[SessionLine, ...]  # held so far, oldest first
    next_meeting: datetime | None  # the first session booked after now, if any
    milestones: tuple[MilestoneLine, ...]
    reviews: tuple[ReviewLine, ...]
    contact: UnitContact

    @property
    def coach_first_name(self) -> str:
        return self.coach.split()[0] if self.coach.strip() else ""

    @property
    def current_spell(self) -> SpellLine | None:
        current = [spell for spell in self.spells if spell.ended_on is None]
        return current[-1] if current else None

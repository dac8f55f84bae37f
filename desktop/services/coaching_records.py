"""What the employment-coaching plan and goal services take and return: plain dataclasses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from desktop.models.choices import (
    ActionOwner,
    ActionStatus,
    BarrierStatus,
    EetActivity,
    EetStatus,
    GoalStatus,
)

# A plan is reviewed every N weeks; the coordinator sets N (a vault setting).
DEFAULT_REVIEW_WEEKS = 6
REVIEW_WEEKS_RANGE = (1, 52)
MAX_HOURS_PER_WEEK = 80

# The caseload's EET status that follows each coaching activity. Education maps to college
# unless the record already says school, college or alternative provision (kept: more exact).
EET_STATUS_FOR: dict[EetActivity, EetStatus] = {
    EetActivity.NEET: EetStatus.NEET,
    EetActivity.EDUCATION: EetStatus.COLLEGE,
    EetActivity.TRAINING: EetStatus.TRAINING,
    EetActivity.APPRENTICESHIP: EetStatus.APPRENTICESHIP,
    EetActivity.EMPLOYMENT: EetStatus.EMPLOYED,
    EetActivity.SELF_EMPLOYED: EetStatus.EMPLOYED,
    # Volunteering counts as NEET in the national figures.
    EetActivity.VOLUNTEERING: EetStatus.NEET,
}
IN_EDUCATION = frozenset({EetStatus.SCHOOL, EetStatus.COLLEGE, EetStatus.ALTERNATIVE_PROVISION})
OPEN_ACTIONS = frozenset({ActionStatus.TO_DO, ActionStatus.IN_PROGRESS})


class CoachingInputError(ValueError):
    """What was entered cannot be saved; the message says why, in words for the user."""


def eet_status_for(activity: EetActivity, current: EetStatus) -> EetStatus:
    if activity is EetActivity.EDUCATION and current in IN_EDUCATION:
        return current
    return EET_STATUS_FOR[activity]


def barrier_code(label: str) -> str:
    """A stored code made from a new barrier type's name (made unique by the service)."""
    code = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")[:32].strip("_")
    return code if code[:1].isalpha() else f"b_{code}"[:32]


# ---- plans -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class PlanInput:
    coach_id: int
    started_on: date
    aspirations: str = ""  # in the young person's own words
    strengths: str = ""
    # None when creating: the first review falls N weeks after the start.
    review_due_on: date | None = None

    def problems(self) -> list[str]:
        found = []
        if self.review_due_on is not None and self.review_due_on < self.started_on:
            found.append("The review date is before the plan's start.")
        return found


@dataclass(frozen=True)
class EetRow:
    id: int
    activity: EetActivity
    started_on: date
    ended_on: date | None  # None for the current spell
    reason_for_change: str
    provider: str  # or employer
    hours_per_week: int | None
    recorded_by: str

    @property
    def is_current(self) -> bool:
        return self.ended_on is None


@dataclass(frozen=True)
class PlanView:
    id: int
    young_person_id: int
    person_name: str
    case_reference: str
    coach_id: int
    coach: str
    started_on: date
    aspirations: str
    strengths: str
    review_due_on: date | None
    review_overdue: bool  # an open plan whose review date has passed
    closed_on: date | None
    closing_reason: str
    current_eet: EetRow | None
    may_edit: bool  # this user may change the plan (coach or coordinator)

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    def details(self) -> PlanInput:
        """The plan as a form fills it, to edit it."""
        return PlanInput(
            self.coach_id, self.started_on, self.aspirations, self.strengths, self.review_due_on
        )


@dataclass(frozen=True)
class PlanRow:
    plan_id: int
    person_id: int
    person_name: str
    case_reference: str
    coach_id: int
    coach: str
    activity: EetActivity | None  # the current spell's
    review_due_on: date | None
    review_overdue: bool
    open_barriers: int  # open or being addressed
    goals_achieved: int
    goals_total: int  # dropped goals left out
    overdue_actions: int
    closed_on: date | None


# ---- education, employment or training --------------------------------------------------------
@dataclass(frozen=True)
class EetInput:
    activity: EetActivity
    started_on: date
    reason_for_change: str = ""
    provider: str = ""  # or employer
    hours_per_week: int | None = None

    def problems(self) -> list[str]:
        found = []
        if self.hours_per_week is not None and not 1 <= self.hours_per_week <= MAX_HOURS_PER_WEEK:
            found.append(f"Hours a week must be between 1 and {MAX_HOURS_PER_WEEK}.")
        if len(self.provider.strip()) > 200:
            found.append("The provider or employer is too long (200 characters at most).")
        return found


# ---- barriers --------------------------------------------------------------------------------
@dataclass(frozen=True)
class BarrierTypeRow:
    id: int
    code: str
    label: str
    active: bool


@dataclass(frozen=True)
class BarrierInput:
    barrier_type_id: int
    status: BarrierStatus = BarrierStatus.OPEN
    detail: str = ""
    action: str = ""  # what is being done about it


@dataclass(frozen=True)
class BarrierRow:
    id: int
    plan_id: int
    barrier_type_id: int
    type_label: str
    status: BarrierStatus
    detail: str
    action: str
    resolved_on: date | None
    updated_at: datetime

    def details(self) -> BarrierInput:
        return BarrierInput(self.barrier_type_id, self.status, self.detail, self.action)


# ---- SMART goals and their actions ----------------------------------------------------------
@dataclass(frozen=True)
class GoalInput:
    description: str
    measure: str = ""  # how progress is measured
    target_on: date | None = None  # required; None only so a blank form can be checked

    def problems(self) -> list[str]:
        found = []
        if not self.description.strip():
            found.append("Describe the goal.")
        if self.target_on is None:
            found.append("Give the goal a target date.")
        return found


@dataclass(frozen=True)
class ActionInput:
    description: str
    owner: ActionOwner = ActionOwner.YOUNG_PERSON
    agency: str = ""  # required when another agency owns it
    due_on: date | None = None
    status: ActionStatus = ActionStatus.TO_DO

    def problems(self) -> list[str]:
        found = []
        if not self.description.strip():
            found.append("Describe the action.")
        if self.owner is ActionOwner.OTHER_AGENCY and not self.agency.strip():
            found.append("Name the agency that owns the action.")
        if len(self.agency.strip()) > 200:
            found.append("The agency's name is too long (200 characters at most).")
        return found


@dataclass(frozen=True)
class ActionRow:
    id: int
    goal_id: int
    description: str
    owner: ActionOwner
    agency: str
    due_on: date | None
    status: ActionStatus
    done_on: date | None
    overdue: bool  # still to do on an active goal, and its due date has passed

    @property
    def who(self) -> str:
        """Who does it, in words: the agency's name for another agency's action."""
        return self.agency if self.owner is ActionOwner.OTHER_AGENCY else self.owner.label

    def details(self) -> ActionInput:
        return ActionInput(self.description, self.owner, self.agency, self.due_on, self.status)


@dataclass(frozen=True)
class GoalRow:
    id: int
    plan_id: int
    description: str
    measure: str
    target_on: date
    status: GoalStatus
    achieved_on: date | None
    actions: list[ActionRow]
    target_passed: bool  # still active and its target date has passed

    @property
    def actions_total(self) -> int:
        """Dropped actions are left out: they neither help nor hold back progress."""
        return sum(1 for a in self.actions if a.status is not ActionStatus.DROPPED)

    @property
    def actions_done(self) -> int:
        return sum(1 for a in self.actions if a.status is ActionStatus.DONE)

    @property
    def overdue_actions(self) -> int:
        return sum(1 for a in self.actions if a.overdue)

    @property
    def percent(self) -> int:
        """Progress at a glance: an achieved goal is complete whatever its actions say."""
        if self.status is GoalStatus.ACHIEVED:
            return 100
        total = self.actions_total
        return self.actions_done * 100 // total if total else 0

    def details(self) -> GoalInput:
        return GoalInput(self.description, self.measure, self.target_on)


# ---- reviews ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReviewInput:
    reviewed_on: date
    summary: str = ""
    # None: the next review falls N weeks after this one.
    next_review_on: date | None = None

    def problems(self) -> list[str]:
        found = []
        if self.next_review_on is not None and self.next_review_on <= self.reviewed_on:
            found.append("The next review must come after this one.")
        return found


@dataclass(frozen=True)
class ReviewRow:
    id: int
    plan_id: int
    reviewed_on: date
    summary: str
    next_review_on: date
    reviewed_by: str

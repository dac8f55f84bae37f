"""What the coaching sessions, work and outcome services take and return, and their rules."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

from desktop.models.choices import ActionOwner, CoachingMode, MilestoneKind
from desktop.services.coaching_records import CoachingInputError

__all__ = [
    "CoachReviewDue",
    "CoachWork",
    "CoachingInputError",
    "MilestoneInput",
    "MilestoneRow",
    "OutcomeCounts",
    "OverdueAction",
    "SessionInput",
    "SessionRow",
    "TimelineItem",
]

# A time typed as "now" on a PC whose clock runs a little ahead should still be accepted.
FUTURE_TOLERANCE = timedelta(minutes=5)
SHORTEST_SESSION = 5
LONGEST_SESSION = 480  # a whole working day
# How long a start must have lasted before each sustainment milestone may be recorded.
SUSTAINMENT_WEEKS: dict[MilestoneKind, int] = {
    MilestoneKind.SUSTAINED_4: 4,
    MilestoneKind.SUSTAINED_13: 13,
    MilestoneKind.SUSTAINED_26: 26,
}
START_KINDS = tuple(kind for kind in MilestoneKind if kind.is_start)
SUSTAINED_KINDS = tuple(kind for kind in MilestoneKind if kind.is_sustainment)

TimelineSource = Literal["session", "milestone", "eet", "goal", "review"]


@dataclass(frozen=True)
class SessionInput:
    held_at: datetime  # timezone-aware
    mode: CoachingMode
    minutes: int  # booked length when the young person did not attend
    attended: bool
    what_was_done: str = ""
    next_steps: str = ""

    def problems(self, now: datetime) -> list[str]:
        found = []
        if self.held_at.tzinfo is None:
            found.append("The date and time need a time zone.")
        elif self.held_at > now + FUTURE_TOLERANCE:
            found.append("The session's date and time are in the future.")
        if not SHORTEST_SESSION <= self.minutes <= LONGEST_SESSION:
            found.append(
                f"A session lasts between {SHORTEST_SESSION} and {LONGEST_SESSION} minutes."
            )
        # A missed appointment has nothing to report; one that happened must say what was done.
        if self.attended and not self.what_was_done.strip():
            found.append("Say what was done in the session.")
        return found


@dataclass(frozen=True)
class SessionRow:
    id: int
    plan_id: int
    held_at: datetime
    mode: CoachingMode
    minutes: int
    attended: bool
    what_was_done: str
    next_steps: str
    recorded_by: str
    chronology_entry_id: int | None


@dataclass(frozen=True)
class MilestoneInput:
    kind: MilestoneKind
    achieved_on: date
    detail: str = ""  # the course, provider or employer
    evidence: str = ""  # what shows it happened

    def problems(self, today: date, earlier: Sequence[tuple[MilestoneKind, date]]) -> list[str]:
        """earlier: the plan's milestones already recorded (kind, date).

        A sustainment milestone of N weeks needs a course, apprenticeship or job start on the
        same plan at least N weeks (N x 7 days) before it; the shorter sustainment milestones
        are not required first, since a coach may hear of 13 weeks without having noted 4.
        Starts and sustained outcomes are counted in the unit's figures, so they need evidence.
        """
        found = []
        if self.achieved_on > today:
            found.append("The milestone's date is in the future.")
        if (self.kind, self.achieved_on) in earlier:
            found.append("This milestone is already recorded on that day.")
        weeks = SUSTAINMENT_WEEKS.get(self.kind)
        if weeks is not None:
            latest_start = self.achieved_on - timedelta(weeks=weeks)
            if not any(kind.is_start and day <= latest_start for kind, day in earlier):
                found.append(
                    f"Sustained {weeks} weeks needs the start of a course, apprenticeship or "
                    f"job recorded at least {weeks} weeks before it."
                )
        if (self.kind.is_start or self.kind.is_sustainment) and not self.evidence.strip():
            found.append("Note the evidence for this outcome.")
        return found


@dataclass(frozen=True)
class MilestoneRow:
    id: int
    plan_id: int
    kind: MilestoneKind
    achieved_on: date
    detail: str
    evidence: str
    recorded_by: str


@dataclass(frozen=True)
class TimelineItem:
    day: date
    kind_label: str  # "Session", "Milestone", ...
    title: str
    detail: str
    source: TimelineSource


@dataclass(frozen=True)
class CoachReviewDue:
    plan_id: int
    person_id: int
    case_reference: str
    name: str
    due_on: date
    days_overdue: int  # 0 when due today or later

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0


@dataclass(frozen=True)
class OverdueAction:
    action_id: int
    action: str
    goal_id: int
    goal: str
    plan_id: int
    person_id: int
    case_reference: str
    name: str
    due_on: date
    owner: ActionOwner
    agency: str  # when another agency owns it
    days_overdue: int

    @property
    def owner_text(self) -> str:
        if self.owner is ActionOwner.OTHER_AGENCY and self.agency:
            return self.agency
        return self.owner.label


@dataclass(frozen=True)
class CoachWork:
    """The coaching part of a coach's (or the coordinator's) home screen."""

    today: date
    reviews_due: list[CoachReviewDue]  # due within a week, and overdue; soonest first
    overdue_actions: list[OverdueAction]  # most overdue first


def _zeros(kinds: Sequence[MilestoneKind]) -> dict[MilestoneKind, int]:
    return dict.fromkeys(kinds, 0)


@dataclass(frozen=True)
class OutcomeCounts:
    """Counts for a period (both dates inclusive); never a name or id of a young person."""

    start: date
    end: date
    starts: dict[MilestoneKind, int] = field(default_factory=lambda: _zeros(START_KINDS))
    sustained: dict[MilestoneKind, int] = field(default_factory=lambda: _zeros(SUSTAINED_KINDS))
    neet_to_eet: int = 0
    plans_started: int = 0
    plans_open_at_end: int = 0

    @property
    def total_starts(self) -> int:
        return sum(self.starts.values())

    @property
    def total_sustained(self) -> int:
        return sum(self.sustained.values())

"""The community engagement strategy tracker: for each of the strategy's four outcomes, the
activities held in a period that serve it, the people they reached, and the actions serving it
(open as at today, and done in the period). Activities and actions are linked to outcomes in the
engagement service (set_outcomes, set_action_outcomes, add_action)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.choices import StrategyOutcome
from desktop.models.community import (
    ActionOutcome,
    ActivityOutcome,
    EngagementAction,
    EngagementActivity,
)
from desktop.services.community_common import OPEN_ACTIONS, CommunityServiceBase
from desktop.services.engagement_records import (
    ActivityRow,
    EngagementActionRow,
    action_rows,
    actions_query,
    activity_rows,
    tracker_order,
)

__all__ = ["OutcomeProgress", "StrategyProgress", "StrategyService"]


@dataclass(frozen=True)
class OutcomeProgress:
    outcome: StrategyOutcome
    activities: list[ActivityRow]  # held in the period, latest first
    open_actions: list[EngagementActionRow]  # open as at today, soonest due first
    done_actions: list[EngagementActionRow]  # done in the period

    @property
    def activity_count(self) -> int:
        return len(self.activities)

    @property
    def people_reached(self) -> int:
        return sum(a.attendance for a in self.activities)

    @property
    def open_count(self) -> int:
        return len(self.open_actions)

    @property
    def overdue_count(self) -> int:
        return sum(a.overdue for a in self.open_actions)

    @property
    def done_count(self) -> int:
        return len(self.done_actions)


@dataclass(frozen=True)
class StrategyProgress:
    from_on: date
    to_on: date
    as_at: date
    outcomes: list[OutcomeProgress]  # the four outcomes, in the strategy's order

    def for_outcome(self, outcome: StrategyOutcome) -> OutcomeProgress:
        return next(p for p in self.outcomes if p.outcome is outcome)


class StrategyService(CommunityServiceBase):
    def progress(self, from_on: date, to_on: date) -> StrategyProgress:
        """Each outcome's activities held on those days (inclusive), its open actions as at
        today, and its actions done on those days."""
        self._require()
        if to_on < from_on:
            raise ValueError("The period ends before it starts.")
        with self._sessions.begin() as session:
            return read_progress(session, from_on, to_on, self._today())


def read_progress(session: Session, from_on: date, to_on: date, today: date) -> StrategyProgress:
    """The progress for a period, read in the caller's session (the document service uses it)."""
    found = []
    for outcome in StrategyOutcome:
        activities = list(
            session.execute(
                select(EngagementActivity)
                .join(ActivityOutcome, ActivityOutcome.activity_id == EngagementActivity.id)
                .where(
                    ActivityOutcome.outcome == outcome,
                    EngagementActivity.held_on >= from_on,
                    EngagementActivity.held_on <= to_on,
                )
                .order_by(EngagementActivity.held_on.desc(), EngagementActivity.id.desc())
            ).scalars()
        )
        linked = actions_query().join(ActionOutcome, ActionOutcome.action_id == EngagementAction.id)
        linked = linked.where(ActionOutcome.outcome == outcome)
        open_query = linked.where(EngagementAction.status.in_(OPEN_ACTIONS))
        done_query = linked.where(
            EngagementAction.done_on >= from_on, EngagementAction.done_on <= to_on
        ).order_by(EngagementAction.done_on, EngagementAction.id)
        found.append(
            OutcomeProgress(
                outcome,
                activity_rows(session, activities),
                action_rows(session, tracker_order(open_query), today),
                action_rows(session, done_query, today),
            )
        )
    return StrategyProgress(from_on, to_on, today, found)

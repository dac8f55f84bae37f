"""The coaching part of the home screen: plan reviews due and goal actions overdue."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, select, true

from desktop.models.accounts import Role
from desktop.models.choices import ActionStatus, GoalStatus
from desktop.models.coaching import CoachingGoal, CoachingPlan, GoalAction
from desktop.models.people import YoungPerson
from desktop.services.coaching_access import require_editor
from desktop.services.coaching_plan_queries import CoachingServiceBase
from desktop.services.coaching_session_records import CoachReviewDue, CoachWork, OverdueAction
from desktop.services.record_access import visible_people

__all__ = ["CoachReviewDue", "CoachWork", "CoachingWorkService", "OverdueAction"]

# As for RAG reviews on the home screen: due today or within the next seven days.
WEEK = timedelta(days=7)
FINISHED = (ActionStatus.DONE, ActionStatus.DROPPED)


class CoachingWorkService(CoachingServiceBase):
    def due(self, today: date | None = None) -> CoachWork:
        """Open plans whose review is due within a week or overdue, and overdue actions on
        their active goals (an action of a goal achieved or dropped is no longer work): for a
        coach the plans they coach, for the coordinator every plan. Two statements."""
        require_editor(self._user)
        today = today or self._today()
        plans = self._my_open_plans()
        reviews_query = (
            select(
                CoachingPlan.id,
                CoachingPlan.review_due_on,
                YoungPerson.id.label("person_id"),
                YoungPerson.case_reference,
                YoungPerson.given_name,
                YoungPerson.family_name,
            )
            .join(YoungPerson, YoungPerson.id == CoachingPlan.young_person_id)
            .where(plans, CoachingPlan.review_due_on <= today + WEEK)
            .order_by(CoachingPlan.review_due_on, YoungPerson.case_reference, CoachingPlan.id)
        )
        actions_query = (
            select(
                GoalAction,
                CoachingGoal.description.label("goal"),
                CoachingPlan.id.label("plan_id"),
                YoungPerson.id.label("person_id"),
                YoungPerson.case_reference,
                YoungPerson.given_name,
                YoungPerson.family_name,
            )
            .join(CoachingGoal, CoachingGoal.id == GoalAction.goal_id)
            .join(CoachingPlan, CoachingPlan.id == CoachingGoal.plan_id)
            .join(YoungPerson, YoungPerson.id == CoachingPlan.young_person_id)
            .where(
                plans,
                CoachingGoal.status == GoalStatus.ACTIVE,
                GoalAction.status.not_in(FINISHED),
                GoalAction.due_on < today,
            )
            .order_by(GoalAction.due_on, YoungPerson.case_reference, GoalAction.id)
        )
        with self._sessions.begin() as session:
            reviews = [
                CoachReviewDue(
                    r.id,
                    r.person_id,
                    r.case_reference,
                    f"{r.given_name} {r.family_name}",
                    r.review_due_on,
                    max(0, (today - r.review_due_on).days),
                )
                for r in session.execute(reviews_query)
            ]
            overdue = [
                OverdueAction(
                    action_id=r.GoalAction.id,
                    action=r.GoalAction.description,
                    goal_id=r.GoalAction.goal_id,
                    goal=r.goal,
                    plan_id=r.plan_id,
                    person_id=r.person_id,
                    case_reference=r.case_reference,
                    name=f"{r.given_name} {r.family_name}",
                    due_on=r.GoalAction.due_on,
                    owner=r.GoalAction.owner,
                    agency=r.GoalAction.agency,
                    days_overdue=(today - r.GoalAction.due_on).days,
                )
                for r in session.execute(actions_query)
            ]
        return CoachWork(today, reviews, overdue)

    def _my_open_plans(self) -> ColumnElement[bool]:
        """A WHERE clause on CoachingPlan joined to YoungPerson."""
        mine: ColumnElement[bool] = (
            true()
            if self._user.role is Role.COORDINATOR
            else CoachingPlan.coach_id == self._user.account_id
        )
        return and_(
            CoachingPlan.closed_on.is_(None), mine, visible_people(self._user, self._clock.now())
        )

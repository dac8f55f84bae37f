"""SMART goals on employment-coaching plans and the actions under them, with progress at a
glance. The coach and the coordinator change them; anyone who may open the record reads them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.choices import ActionOwner, ActionStatus, GoalStatus
from desktop.models.coaching import CoachingGoal, GoalAction
from desktop.services import actions
from desktop.services.coaching_access import plan_to_read, require_editor
from desktop.services.coaching_plan_queries import CoachingServiceBase, open_plan_to_edit
from desktop.services.coaching_records import (
    OPEN_ACTIONS,
    ActionInput,
    ActionRow,
    CoachingInputError,
    GoalInput,
    GoalRow,
)
from desktop.services.record_access import RecordNotFoundError

__all__ = [
    "ActionInput",
    "ActionRow",
    "CoachingGoalsService",
    "CoachingInputError",
    "GoalInput",
    "GoalRow",
]

GOAL_FIELDS = ("description", "measure", "target_on")
ACTION_FIELDS = ("description", "owner", "agency", "due_on", "status")


class CoachingGoalsService(CoachingServiceBase):
    # ---- goals ---------------------------------------------------------------------------
    def add_goal(self, plan_id: int, details: GoalInput) -> int:
        """A new, active goal; its target date must not already have passed."""
        target = self._check_goal(details, None)
        with self._sessions.begin() as session:
            plan = open_plan_to_edit(session, self._user, plan_id, self._clock.now())
            now = self._clock.now()
            goal = CoachingGoal(
                plan_id=plan.id,
                description=details.description.strip(),
                measure=details.measure.strip(),
                target_on=target,
                status=GoalStatus.ACTIVE,
                created_at=now,
                updated_at=now,
            )
            session.add(goal)
            session.flush()
            filled = [n for n in GOAL_FIELDS if getattr(goal, n) != ""]
            self._audit(session, actions.COACHING_GOAL_ADDED, "coaching_goal", goal.id, filled)
            return goal.id

    def update_goal(self, goal_id: int, details: GoalInput) -> list[str]:
        """Saves a goal; returns the names of the fields that changed. A target date already
        passed may stay, but a new one must not be in the past."""
        with self._sessions.begin() as session:
            goal = self._goal_to_edit(session, goal_id)
            target = self._check_goal(details, goal.target_on)
            new = {
                "description": details.description.strip(),
                "measure": details.measure.strip(),
                "target_on": target,
            }
            changed = [n for n in GOAL_FIELDS if getattr(goal, n) != new[n]]
            if not changed:
                return []
            for name in changed:
                setattr(goal, name, new[name])
            goal.updated_at = self._clock.now()
            self._audit(session, actions.COACHING_GOAL_UPDATED, "coaching_goal", goal.id, changed)
            return changed

    def set_goal_status(self, goal_id: int, status: GoalStatus) -> None:
        """Achieving a goal dates it today; any other status clears the date."""
        with self._sessions.begin() as session:
            goal = self._goal_to_edit(session, goal_id)
            if goal.status is status:
                return
            goal.status = status
            goal.achieved_on = self._today() if status is GoalStatus.ACHIEVED else None
            goal.updated_at = self._clock.now()
            self._audit(
                session,
                actions.COACHING_GOAL_STATUS_CHANGED,
                "coaching_goal",
                goal.id,
                ["status", "achieved_on"],
            )

    def goals(self, plan_id: int) -> list[GoalRow]:
        """Active goals first (soonest target first), then achieved, then dropped; each with
        its actions (soonest due first, undated last)."""
        today = self._today()
        with self._sessions.begin() as session:
            plan = plan_to_read(session, self._user, plan_id, self._clock.now())
            return goal_rows(session, plan.id, today)

    # ---- actions -------------------------------------------------------------------------
    def add_action(self, goal_id: int, details: ActionInput) -> int:
        self._check_action(details, None)
        with self._sessions.begin() as session:
            goal = self._goal_to_edit(session, goal_id)
            if goal.status is not GoalStatus.ACTIVE:
                raise CoachingInputError("Actions can only be added to an active goal.")
            now = self._clock.now()
            action = GoalAction(goal_id=goal.id, created_at=now, updated_at=now)
            _apply_action(action, details, self._today())
            session.add(action)
            session.flush()
            filled = [n for n in ACTION_FIELDS if getattr(action, n) not in (None, "")]
            if action.done_on is not None:
                filled.append("done_on")
            self._audit(session, actions.GOAL_ACTION_ADDED, "goal_action", action.id, filled)
            return action.id

    def update_action(self, action_id: int, details: ActionInput) -> list[str]:
        """Saves an action; marking it done dates it today. Returns the fields that changed."""
        with self._sessions.begin() as session:
            action = self._action_to_edit(session, action_id)
            self._check_action(details, action.due_on)
            before = {n: getattr(action, n) for n in (*ACTION_FIELDS, "done_on")}
            _apply_action(action, details, self._today())
            changed = [n for n, value in before.items() if getattr(action, n) != value]
            if changed:
                action.updated_at = self._clock.now()
                self._audit(session, actions.GOAL_ACTION_UPDATED, "goal_action", action.id, changed)
            return changed

    def set_action_status(self, action_id: int, status: ActionStatus) -> None:
        with self._sessions.begin() as session:
            action = self._action_to_edit(session, action_id)
            if action.status is status:
                return
            action.status = status
            action.done_on = self._today() if status is ActionStatus.DONE else None
            action.updated_at = self._clock.now()
            self._audit(
                session,
                actions.GOAL_ACTION_STATUS_CHANGED,
                "goal_action",
                action.id,
                ["status", "done_on"],
            )

    # ---- helpers -------------------------------------------------------------------------
    def _check_goal(self, details: GoalInput, current_target: date | None) -> date:
        require_editor(self._user)
        found = details.problems()
        target = details.target_on
        if target is not None and target != current_target and target < self._today():
            found.append("The target date has already passed.")
        if found or target is None:
            raise CoachingInputError(" ".join(found))
        return target

    def _check_action(self, details: ActionInput, current_due: date | None) -> None:
        require_editor(self._user)
        found = details.problems()
        due = details.due_on
        if (
            due is not None
            and due != current_due
            and due < self._today()
            and details.status in OPEN_ACTIONS
        ):
            found.append("The due date has already passed.")
        if found:
            raise CoachingInputError(" ".join(found))

    def _goal_to_edit(self, session: Session, goal_id: int) -> CoachingGoal:
        goal = session.get(CoachingGoal, goal_id)
        if goal is None:
            raise RecordNotFoundError()
        open_plan_to_edit(session, self._user, goal.plan_id, self._clock.now())
        return goal

    def _action_to_edit(self, session: Session, action_id: int) -> GoalAction:
        action = session.get(GoalAction, action_id)
        if action is None:
            raise RecordNotFoundError()
        self._goal_to_edit(session, action.goal_id)
        return action


def _apply_action(action: GoalAction, details: ActionInput, today: date) -> None:
    if details.status is ActionStatus.DONE:
        if action.status is not ActionStatus.DONE or action.done_on is None:
            action.done_on = today
    else:
        action.done_on = None
    action.description = details.description.strip()
    action.owner = details.owner
    # Only another agency's action names one; a stale name would mislead the young person.
    action.agency = details.agency.strip() if details.owner is ActionOwner.OTHER_AGENCY else ""
    action.due_on = details.due_on
    action.status = details.status


def _action_row(action: GoalAction, goal_status: GoalStatus, today: date) -> ActionRow:
    overdue = (
        goal_status is GoalStatus.ACTIVE
        and action.status in OPEN_ACTIONS
        and action.due_on is not None
        and action.due_on < today
    )
    return ActionRow(
        action.id,
        action.goal_id,
        action.description,
        action.owner,
        action.agency,
        action.due_on,
        action.status,
        action.done_on,
        overdue,
    )


def goal_rows(session: Session, plan_id: int, today: date) -> list[GoalRow]:
    """The plan's goals in CoachingGoalsService.goals' order (the caller has checked the plan
    may be read)."""
    goals = list(
        session.execute(
            select(CoachingGoal)
            .where(CoachingGoal.plan_id == plan_id)
            .order_by(CoachingGoal.target_on, CoachingGoal.id)
        ).scalars()
    )
    by_goal: dict[int, list[GoalAction]] = {}
    for action in session.execute(
        select(GoalAction)
        .where(GoalAction.goal_id.in_([g.id for g in goals]))
        .order_by(GoalAction.due_on.is_(None), GoalAction.due_on, GoalAction.id)
    ).scalars():
        by_goal.setdefault(action.goal_id, []).append(action)
    order = {GoalStatus.ACTIVE: 0, GoalStatus.ACHIEVED: 1, GoalStatus.DROPPED: 2}
    return [
        GoalRow(
            g.id,
            g.plan_id,
            g.description,
            g.measure,
            g.target_on,
            g.status,
            g.achieved_on,
            [_action_row(a, g.status, today) for a in by_goal.get(g.id, [])],
            g.status is GoalStatus.ACTIVE and g.target_on < today,
        )
        for g in sorted(goals, key=lambda g: order[g.status])
    ]

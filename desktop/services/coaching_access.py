"""Who may reach an employment-coaching plan: the one rule every coaching service applies.

The employment coach (for young people whose records are open to them) and the coordinator
change plans; anyone else who may open the young person's record reads them (a gangs worker,
say); the analyst sees only counts, never a plan.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from desktop.models.accounts import Role
from desktop.models.coaching import CoachingPlan
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError, get_person

# Roles that change plans; everyone who reaches the record reads them.
EDITORS = frozenset({Role.EMPLOYMENT_COACH, Role.COORDINATOR})


def may_edit(user: CurrentUser) -> bool:
    return user.role in EDITORS


def plan_to_read(session: Session, user: CurrentUser, plan_id: int, now: datetime) -> CoachingPlan:
    """The plan, if its young person's record is open to this user; otherwise
    RecordNotFoundError (a plan out of reach is not told apart from one that does not exist)."""
    plan = session.get(CoachingPlan, plan_id)
    if plan is None:
        raise RecordNotFoundError()
    get_person(session, user, plan.young_person_id, now)
    return plan


def plan_to_edit(session: Session, user: CurrentUser, plan_id: int, now: datetime) -> CoachingPlan:
    """As plan_to_read, and only for the coach or the coordinator (PermissionDeniedError)."""
    plan = plan_to_read(session, user, plan_id, now)
    require_editor(user)
    return plan


def require_editor(user: CurrentUser) -> None:
    if not may_edit(user):
        raise PermissionDeniedError("change employment coaching plans")

"""Who may reach a therapy case: the one rule both family-therapy services apply."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.models.accounts import Role
from desktop.models.therapy import TherapyCase, TherapySession
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import Section, require_section
from desktop.services.record_access import RecordNotFoundError

# Roles that manage therapy cases: the coordinator any case, a family therapist their own.
MANAGERS = frozenset({Role.COORDINATOR, Role.FAMILY_THERAPIST})


def get_case(session: Session, user: CurrentUser, case_id: int) -> TherapyCase:
    """The therapy case if this user may reach it; otherwise RecordNotFoundError (a case that
    belongs to another therapist is not told apart from one that does not exist)."""
    require_section(user.role, Section.FAMILY_THERAPY)
    case = session.get(TherapyCase, case_id)
    if case is None or not may_reach(user, case):
        raise RecordNotFoundError()
    return case


def get_session(session: Session, user: CurrentUser, session_id: int) -> TherapySession:
    require_section(user.role, Section.FAMILY_THERAPY)
    row = session.get(TherapySession, session_id)
    if row is None:
        raise RecordNotFoundError()
    get_case(session, user, row.case_id)
    return row


def may_reach(user: CurrentUser, case: TherapyCase) -> bool:
    if user.role is Role.COORDINATOR:
        return True
    return user.role is Role.FAMILY_THERAPIST and case.therapist_id == user.account_id

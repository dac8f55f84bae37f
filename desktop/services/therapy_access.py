"""Who may reach a therapy case: the one rule both family-therapy services apply."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import Session

from desktop.models.accounts import Role
from desktop.models.therapy import TherapyCase, TherapyCasePerson, TherapySession
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import Section, require_section
from desktop.services.record_access import RecordNotFoundError, closed_people

# Roles that manage therapy cases: the coordinator any case, a family therapist their own.
MANAGERS = frozenset({Role.COORDINATOR, Role.FAMILY_THERAPIST})


def get_case(session: Session, user: CurrentUser, case_id: int, now: datetime) -> TherapyCase:
    """The therapy case if this user may reach it; otherwise RecordNotFoundError (a case that
    belongs to another therapist is not told apart from one that does not exist)."""
    require_section(user.role, Section.FAMILY_THERAPY)
    case = session.get(TherapyCase, case_id)
    if case is None or not may_reach(user, case):
        raise RecordNotFoundError()
    closed = select(TherapyCase.id).where(TherapyCase.id == case.id, household_closed(user, now))
    if session.execute(closed).first() is not None:
        raise RecordNotFoundError()
    return case


def get_session(
    session: Session, user: CurrentUser, session_id: int, now: datetime
) -> TherapySession:
    require_section(user.role, Section.FAMILY_THERAPY)
    row = session.get(TherapySession, session_id)
    if row is None:
        raise RecordNotFoundError()
    get_case(session, user, row.case_id, now)
    return row


def household_closed(user: CurrentUser, now: datetime) -> ColumnElement[bool]:
    """A clause on TherapyCase: its household holds a restricted record closed to this user
    (the whole case is then closed, coordinator included, as the record itself is)."""
    return exists().where(
        TherapyCasePerson.case_id == TherapyCase.id,
        TherapyCasePerson.young_person_id.in_(closed_people(user, now)),
    )


def may_reach(user: CurrentUser, case: TherapyCase) -> bool:
    if user.role is Role.COORDINATOR:
        return True
    return user.role is Role.FAMILY_THERAPIST and case.therapist_id == user.account_id

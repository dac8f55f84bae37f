"""Which young people's records a user may reach: the one rule every caseload service applies."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, Select, and_, exists, false, not_, or_, select, true
from sqlalchemy.orm import Session

from desktop.models.data_protection import BreakGlassAccess, RecordRestriction, RestrictionMember
from desktop.models.people import Allocation, YoungPerson
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import (
    ROLE_RECORD_SCOPE,
    RecordScope,
    Section,
    require_section,
)


class RecordNotFoundError(LookupError):
    def __init__(self) -> None:
        super().__init__("That record does not exist or is not open to you.")


def visible_people(user: CurrentUser, now: datetime) -> ColumnElement[bool]:
    """A WHERE clause on YoungPerson: the records this user may see.

    `now` is the service's clock, `self._clock.now()` (break-glass openings expire)."""
    if ROLE_RECORD_SCOPE[user.role] is RecordScope.NONE:
        return false()
    return and_(reached_by_role(user), not_restricted_for(user, now))


def reached_by_role(user: CurrentUser) -> ColumnElement[bool]:
    """A WHERE clause on YoungPerson: the records the user's role reaches, restrictions aside
    (break glass opens a restricted record only to someone whose role reaches it)."""
    scope = ROLE_RECORD_SCOPE[user.role]
    if scope is RecordScope.ALL:
        return true()
    if scope is RecordScope.NONE:
        return false()
    allocated = exists().where(
        Allocation.young_person_id == YoungPerson.id,
        Allocation.account_id == user.account_id,
    )
    return or_(YoungPerson.key_worker_id == user.account_id, allocated)


def not_restricted_for(user: CurrentUser, now: datetime) -> ColumnElement[bool]:
    """A WHERE clause on YoungPerson: the record is not restricted, or this user is named on it
    or holds an unexpired break-glass opening. Every part is an EXISTS on an indexed key
    (restriction primary key, member (person, account) unique index, break-glass (person,
    account) index), so it costs a few index probes per row on every caseload query."""
    restricted = exists().where(RecordRestriction.young_person_id == YoungPerson.id)
    named = exists().where(
        RestrictionMember.young_person_id == YoungPerson.id,
        RestrictionMember.account_id == user.account_id,
    )
    glass = exists().where(
        BreakGlassAccess.young_person_id == YoungPerson.id,
        BreakGlassAccess.account_id == user.account_id,
        BreakGlassAccess.expires_at > now,
    )
    return or_(not_(restricted), named, glass)


def closed_people(user: CurrentUser, now: datetime) -> Select[int]:
    """The ids of restricted records this user may not open: for records reached another way
    than the caseload (a therapy case's household, say) to be kept out too."""
    return select(YoungPerson.id).where(not_(not_restricted_for(user, now)))


def get_person(session: Session, user: CurrentUser, person_id: int, now: datetime) -> YoungPerson:
    """The young person, if this user may reach the record; otherwise RecordNotFoundError
    (a restricted record is not told apart from one that does not exist)."""
    require_section(user.role, Section.CASELOAD)
    person = session.execute(
        select(YoungPerson).where(YoungPerson.id == person_id, visible_people(user, now))
    ).scalar_one_or_none()
    if person is None:
        raise RecordNotFoundError()
    return person

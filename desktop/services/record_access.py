"""Which young people's records a user may reach: the one rule every caseload service applies."""

from __future__ import annotations

from sqlalchemy import ColumnElement, exists, false, or_, select, true
from sqlalchemy.orm import Session

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


def visible_people(user: CurrentUser) -> ColumnElement[bool]:
    """A WHERE clause on YoungPerson: the records this user may see."""
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


def get_person(session: Session, user: CurrentUser, person_id: int) -> YoungPerson:
    """The young person, if this user may reach the record; otherwise RecordNotFoundError."""
    require_section(user.role, Section.CASELOAD)
    person = session.execute(
        select(YoungPerson).where(YoungPerson.id == person_id, visible_people(user))
    ).scalar_one_or_none()
    if person is None:
        raise RecordNotFoundError()
    return person

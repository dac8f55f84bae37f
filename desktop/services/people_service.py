"""Young people on the caseload: listing, opening, creating and editing, within the role's reach."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TypeVarTuple

from sqlalchemy import ColumnElement, Select, exists, false, func, or_, select
from sqlalchemy.orm import Session, aliased, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Account
from desktop.models.people import Allocation, YoungPerson
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import (
    CAN_CREATE_YOUNG_PEOPLE,
    ROLE_RECORD_SCOPE,
    PermissionDeniedError,
    RecordScope,
    Section,
    require_section,
)

Columns = TypeVarTuple("Columns")

CASE_PREFIX = "IGX-"


class RecordNotFoundError(LookupError):
    def __init__(self) -> None:
        super().__init__("That record does not exist or is not open to you.")


class PersonInputError(ValueError):
    """The form has mistakes; the message lists them."""


@dataclass(frozen=True)
class CaseloadRow:
    id: int
    case_reference: str
    name: str
    known_as: str
    age: int | None
    key_worker: str


@dataclass
class PersonDetails:
    given_name: str = ""
    family_name: str = ""
    known_as: str = ""
    date_of_birth: date | None = None
    summary: str = ""
    key_worker_id: int | None = None
    allocated_ids: list[int] = field(default_factory=list)

    def problems(self) -> list[str]:
        found = []
        if not self.given_name.strip():
            found.append("Enter the young person's given name.")
        if not self.family_name.strip():
            found.append("Enter the young person's family name.")
        return found


@dataclass(frozen=True)
class PersonRecord:
    id: int
    case_reference: str
    details: PersonDetails
    age: int | None


def age_on(born: date | None, today: date) -> int | None:
    if born is None:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


class PeopleService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    # ---- who may see what ----------------------------------------------------------------
    def _visible(self) -> ColumnElement[bool]:
        scope = ROLE_RECORD_SCOPE[self._user.role]
        if scope is RecordScope.ALL:
            return YoungPerson.id.is_not(None)
        if scope is RecordScope.NONE:
            return false()
        allocated = exists().where(
            Allocation.young_person_id == YoungPerson.id,
            Allocation.account_id == self._user.account_id,
        )
        return or_(YoungPerson.key_worker_id == self._user.account_id, allocated)

    def _require_caseload(self) -> None:
        require_section(self._user.role, Section.CASELOAD)

    # ---- reading -------------------------------------------------------------------------
    def count(self, search: str = "") -> int:
        self._require_caseload()
        query = _searched(select(func.count(YoungPerson.id)).where(self._visible()), search)
        with self._sessions.begin() as session:
            return int(session.execute(query).scalar_one())

    def page(self, offset: int, limit: int, search: str = "") -> list[CaseloadRow]:
        self._require_caseload()
        worker = aliased(Account)
        query = (
            select(
                YoungPerson.id,
                YoungPerson.case_reference,
                YoungPerson.given_name,
                YoungPerson.family_name,
                YoungPerson.known_as,
                YoungPerson.date_of_birth,
                worker.display_name,
            )
            .outerjoin(worker, worker.id == YoungPerson.key_worker_id)
            .where(self._visible())
        )
        query = _searched(query, search)
        query = query.order_by(YoungPerson.family_name, YoungPerson.given_name, YoungPerson.id)
        today = self._clock.now().date()
        with self._sessions.begin() as session:
            rows = session.execute(query.offset(offset).limit(limit)).all()
        return [
            CaseloadRow(
                r.id,
                r.case_reference,
                f"{r.given_name} {r.family_name}",
                r.known_as,
                age_on(r.date_of_birth, today),
                r.display_name or "",
            )
            for r in rows
        ]

    def open_record(self, person_id: int) -> PersonRecord:
        """Opening a record is audited, whoever opens it."""
        self._require_caseload()
        with self._sessions.begin() as session:
            person = self._get(session, person_id)
            audit_chain.append(
                session,
                self._clock.now(),
                self._user.username,
                actions.RECORD_OPENED,
                "young_person",
                str(person.id),
            )
            return self._record(person)

    # ---- writing -------------------------------------------------------------------------
    def create(self, details: PersonDetails) -> int:
        self._require_caseload()
        if self._user.role not in CAN_CREATE_YOUNG_PEOPLE:
            raise PermissionDeniedError("add young people to the caseload")
        found = details.problems()
        if found:
            raise PersonInputError(" ".join(found))
        now = self._clock.now()
        with self._sessions.begin() as session:
            person = YoungPerson(
                case_reference=self._next_reference(session), created_at=now, updated_at=now
            )
            _apply(person, details)
            session.add(person)
            session.flush()
            for account_id in details.allocated_ids:
                session.add(Allocation(young_person_id=person.id, account_id=account_id))
            audit_chain.append(
                session,
                now,
                self._user.username,
                actions.CREATE,
                "young_person",
                str(person.id),
                _changed_fields(details, None),
            )
            return person.id

    def update(self, person_id: int, details: PersonDetails) -> list[str]:
        """Saves the form; returns (and audits) the names of the fields that changed."""
        self._require_caseload()
        found = details.problems()
        if found:
            raise PersonInputError(" ".join(found))
        with self._sessions.begin() as session:
            person = self._get(session, person_id)
            changed = _changed_fields(details, self._record(person).details)
            if not changed:
                return []
            _apply(person, details)
            person.updated_at = self._clock.now()
            audit_chain.append(
                session,
                self._clock.now(),
                self._user.username,
                actions.UPDATE,
                "young_person",
                str(person.id),
                changed,
            )
            return changed

    # ---- helpers -------------------------------------------------------------------------
    def _get(self, session: Session, person_id: int) -> YoungPerson:
        person = session.execute(
            select(YoungPerson).where(YoungPerson.id == person_id, self._visible())
        ).scalar_one_or_none()
        if person is None:
            raise RecordNotFoundError()
        return person

    def _record(self, person: YoungPerson) -> PersonRecord:
        details = PersonDetails(
            person.given_name,
            person.family_name,
            person.known_as,
            person.date_of_birth,
            person.summary,
            person.key_worker_id,
            sorted(allocation.account_id for allocation in person.allocations),
        )
        return PersonRecord(
            person.id,
            person.case_reference,
            details,
            age_on(person.date_of_birth, self._clock.now().date()),
        )

    @staticmethod
    def _next_reference(session: Session) -> str:
        highest = session.execute(select(func.max(YoungPerson.case_reference))).scalar_one()
        number = int(highest.removeprefix(CASE_PREFIX)) + 1 if highest else 1
        return f"{CASE_PREFIX}{number:06d}"


def _searched(query: Select[*Columns], search: str) -> Select[*Columns]:
    search = search.strip()
    if not search:
        return query
    pattern = f"%{search}%"
    return query.where(
        or_(
            YoungPerson.given_name.ilike(pattern),
            YoungPerson.family_name.ilike(pattern),
            YoungPerson.known_as.ilike(pattern),
            YoungPerson.case_reference.ilike(pattern),
        )
    )


EDITABLE = ("given_name", "family_name", "known_as", "date_of_birth", "summary", "key_worker_id")


def _apply(person: YoungPerson, details: PersonDetails) -> None:
    person.given_name = details.given_name.strip()
    person.family_name = details.family_name.strip()
    person.known_as = details.known_as.strip()
    person.date_of_birth = details.date_of_birth
    person.summary = details.summary
    person.key_worker_id = details.key_worker_id


def _changed_fields(new: PersonDetails, old: PersonDetails | None) -> list[str]:
    if old is None:
        return [name for name in EDITABLE if getattr(new, name) not in ("", None)]
    return [name for name in EDITABLE if getattr(new, name) != getattr(old, name)]

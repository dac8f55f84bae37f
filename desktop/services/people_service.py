"""Young people on the caseload: listing, opening, creating and editing, within the role's reach."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any, TypeVarTuple

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    bindparam,
    func,
    literal,
    literal_column,
    or_,
    select,
    tuple_,
)
from sqlalchemy.orm import Session, aliased, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Account
from desktop.models.choices import CaseStatus, EetStatus, Ethnicity, Gender, LegalStatus, Rag
from desktop.models.people import Address, Alias, Allocation, ExternalReference, YoungPerson
from desktop.models.risk import Flag
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
from desktop.services.record_access import RecordNotFoundError, get_person, visible_people
from desktop.services.text_folding import fold, name_sort_key, search_text

Columns = TypeVarTuple("Columns")

CASE_PREFIX = "IGX-"
YOUNGEST, OLDEST = 10, 25

__all__ = ["RecordNotFoundError"]  # re-exported: views catch it from here


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
    status: CaseStatus
    rag: Rag | None
    flags: int
    # The row's values of the list's sort order, to read the next page from (keyset paging).
    sort_key: tuple[Any, ...] = field(default=(), compare=False, repr=False)


@dataclass
class PersonDetails:
    given_name: str = ""
    family_name: str = ""
    known_as: str = ""
    date_of_birth: date | None = None
    summary: str = ""
    key_worker_id: int | None = None
    allocated_ids: list[int] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    age_exception_reason: str = ""
    gender: Gender = Gender.NOT_KNOWN
    ethnicity: Ethnicity = Ethnicity.NOT_KNOWN
    first_language: str = ""
    interpreter_needed: bool = False
    eet_status: EetStatus = EetStatus.NOT_KNOWN
    school_or_college: str = ""
    legal_status: LegalStatus = LegalStatus.NONE
    send_needs: str = ""

    def problems(self, today: date) -> list[str]:
        found = []
        if not self.given_name.strip():
            found.append("Enter the young person's given name.")
        if not self.family_name.strip():
            found.append("Enter the young person's family name.")
        if self.date_of_birth is not None:
            age = age_on(self.date_of_birth, today)
            assert age is not None
            if self.date_of_birth > today:
                found.append("The date of birth is in the future.")
            elif not YOUNGEST <= age <= OLDEST and not self.age_exception_reason.strip():
                found.append(
                    f"They are {age}: the unit works with {YOUNGEST} to {OLDEST} year olds. "
                    "Give the confirmed reason for working with them, or correct the date."
                )
        return found


@dataclass(frozen=True)
class AddressRow:
    id: int
    address: str
    postcode: str
    moved_in: date | None
    moved_out: date | None


@dataclass(frozen=True)
class ReferenceRow:
    id: int
    kind: str
    value: str


@dataclass(frozen=True)
class PersonRecord:
    id: int
    case_reference: str
    details: PersonDetails
    age: int | None
    status: CaseStatus
    rag: Rag | None
    rag_review_due: date | None
    addresses: list[AddressRow]
    references: list[ReferenceRow]

    @property
    def display_name(self) -> str:
        return f"{self.details.given_name} {self.details.family_name}"


@dataclass(frozen=True)
class CaseloadFilter:
    search: str = ""
    statuses: frozenset[CaseStatus] = frozenset()
    rag: Rag | None = None
    key_worker_id: int | None = None
    flag_type_id: int | None = None
    age_band: tuple[int, int] | None = None  # inclusive
    person_id: int | None = None  # just this one (a record's header)
    sort: str = "name"  # one of SORT_KEYS
    descending: bool = False


SORT_KEYS = ("reference", "name", "known_as", "age", "key_worker", "status", "rag")


def age_on(born: date | None, today: date) -> int | None:
    if born is None:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)


class PeopleService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def _today(self) -> date:
        return self._clock.now().date()

    def _require_caseload(self) -> None:
        require_section(self._user.role, Section.CASELOAD)

    # ---- the caseload list ---------------------------------------------------------------
    def count(self, search: str | CaseloadFilter = "") -> int:
        self._require_caseload()
        caseload_filter = _as_filter(search)
        query = select(func.count(YoungPerson.id)).where(
            visible_people(self._user, self._clock.now())
        )
        query = self._filtered(query, caseload_filter)
        with self._sessions.begin() as session:
            return int(session.execute(query).scalar_one())

    def page(
        self,
        offset: int,
        limit: int,
        search: str | CaseloadFilter = "",
        after: CaseloadRow | None = None,
    ) -> list[CaseloadRow]:
        """One page of the list: the rows after `after` in the list's order (scrolling), or
        from `offset`. Reading on from the last row's sort key walks an index in the list's
        order from there, where an offset would read, sort and skip every row before it; the
        open flags are counted for the page's rows only."""
        self._require_caseload()
        caseload_filter = _as_filter(search)
        worker = aliased(Account)
        today = self._today()
        keys = _sort_keys(caseload_filter.sort, worker.display_name)
        query = (
            select(
                YoungPerson.id,
                YoungPerson.case_reference,
                YoungPerson.given_name,
                YoungPerson.family_name,
                YoungPerson.known_as,
                YoungPerson.date_of_birth,
                worker.display_name,
                YoungPerson.status,
                YoungPerson.rag,
                *(key.label(f"sort_{n}") for n, key in enumerate(keys)),
            )
            .outerjoin(worker, worker.id == YoungPerson.key_worker_id)
            .where(visible_people(self._user, self._clock.now()))
        )
        query = self._filtered(query, caseload_filter)
        if caseload_filter.descending:
            query = query.order_by(*(key.desc() for key in keys), YoungPerson.id.desc())
        else:
            query = query.order_by(*keys, YoungPerson.id)
        stretches: list[ColumnElement[bool] | None] = [None]
        if after is not None and after.sort_key:
            nullable = caseload_filter.sort in NULLABLE_SORTS
            stretches = [*_seek(keys, after, caseload_filter.descending, nullable)]
        else:
            query = query.offset(offset) if offset else query
        rows: list[Any] = []
        with self._sessions.begin() as session:
            for stretch in stretches:
                wanted = limit - len(rows)
                if wanted <= 0:
                    break
                bounded = query if stretch is None else query.where(stretch)
                rows += session.execute(bounded.limit(wanted)).all()
            flags = self._open_flags(session, [r.id for r in rows], today)
        return [
            CaseloadRow(
                r.id,
                r.case_reference,
                f"{r.given_name} {r.family_name}",
                r.known_as,
                age_on(r.date_of_birth, today),
                r.display_name or "",
                r.status,
                r.rag,
                flags.get(r.id, 0),
                tuple(r[-len(keys) :]),
            )
            for r in rows
        ]

    @staticmethod
    def _open_flags(session: Session, person_ids: list[int], today: date) -> dict[int, int]:
        if not person_ids:
            return {}
        # An expanding parameter: the ids are bound as they are, not made into 200 clauses.
        counted = session.execute(
            select(Flag.young_person_id, func.count(Flag.id))
            .where(
                Flag.young_person_id.in_(bindparam("people", expanding=True)),
                or_(Flag.ended_on.is_(None), Flag.ended_on >= today),
            )
            .group_by(Flag.young_person_id),
            {"people": person_ids},
        ).all()
        return {person_id: int(number) for person_id, number in counted}

    def _filtered(
        self, query: Select[*Columns], caseload_filter: CaseloadFilter
    ) -> Select[*Columns]:
        conditions: list[ColumnElement[bool]] = []
        for term in fold(caseload_filter.search).split():
            conditions.append(YoungPerson.search_text.contains(term, autoescape=True))
        if caseload_filter.person_id is not None:
            conditions.append(YoungPerson.id == caseload_filter.person_id)
        if caseload_filter.statuses:
            conditions.append(YoungPerson.status.in_(caseload_filter.statuses))
        if caseload_filter.rag is not None:
            conditions.append(YoungPerson.rag == caseload_filter.rag)
        if caseload_filter.key_worker_id is not None:
            conditions.append(YoungPerson.key_worker_id == caseload_filter.key_worker_id)
        if caseload_filter.flag_type_id is not None:
            today = self._today()
            conditions.append(
                select(Flag.id)
                .where(
                    Flag.young_person_id == YoungPerson.id,
                    Flag.flag_type_id == caseload_filter.flag_type_id,
                    or_(Flag.ended_on.is_(None), Flag.ended_on >= today),
                )
                .exists()
            )
        if caseload_filter.age_band is not None:
            youngest, oldest = caseload_filter.age_band
            today = self._today()
            # Aged youngest..oldest today: born after (today - (oldest+1) years), on or before
            # (today - youngest years).
            conditions.append(
                and_(
                    YoungPerson.date_of_birth > _years_before(today, oldest + 1),
                    YoungPerson.date_of_birth <= _years_before(today, youngest),
                )
            )
        return query.where(*conditions) if conditions else query

    # ---- one record ----------------------------------------------------------------------
    def open_record(self, person_id: int) -> PersonRecord:
        """Opening a record is audited, whoever opens it."""
        with self._sessions.begin() as session:
            person = get_person(session, self._user, person_id, self._clock.now())
            audit_chain.append(
                session,
                self._clock.now(),
                self._user.username,
                actions.RECORD_OPENED,
                "young_person",
                str(person.id),
            )
            return self._record(person)

    def create(self, details: PersonDetails, reference: str | None = None) -> int:
        """A new young person, with a reference assigned (or kept, from an import)."""
        self._require_caseload()
        if self._user.role not in CAN_CREATE_YOUNG_PEOPLE:
            raise PermissionDeniedError("add young people to the caseload")
        self._check(details)
        now = self._clock.now()
        with self._sessions.begin() as session:
            _check_staff(session, details)
            if reference is not None:
                _check_reference(session, reference)
            person = new_person(details, reference or next_reference(session), now)
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
                created_fields(details),
            )
            return person.id

    def update(self, person_id: int, details: PersonDetails) -> list[str]:
        """Saves the form; returns (and audits) the names of the fields that changed."""
        self._check(details)
        with self._sessions.begin() as session:
            person = get_person(session, self._user, person_id, self._clock.now())
            changed = _changed_fields(details, self._record(person).details)
            if {"key_worker_id", "allocated_ids"} & set(changed):
                _check_staff(session, details)
            if not changed:
                return []
            _apply(person, details)
            if "allocated_ids" in changed:
                # Kept rows stay as they are: a new row beside an old one for the same worker
                # would be inserted before the old one is deleted and break the unique rule.
                wanted = set(details.allocated_ids)
                kept = [a for a in person.allocations if a.account_id in wanted]
                present = {a.account_id for a in kept}
                person.allocations = kept + [
                    Allocation(account_id=account_id)
                    for account_id in details.allocated_ids
                    if account_id not in present
                ]
            person.updated_at = self._clock.now()
            self._audit_update(session, person, changed)
            return changed

    def add_address(
        self, person_id: int, address: str, postcode: str, moved_in: date | None
    ) -> int:
        """A new current address; the previous current one is ended the day before."""
        if not address.strip():
            raise PersonInputError("Enter the address.")
        with self._sessions.begin() as session:
            person = get_person(session, self._user, person_id, self._clock.now())
            for previous in person.addresses:
                if previous.moved_out is None:
                    previous.moved_out = moved_in or self._today()
            row = Address(
                address=address.strip(), postcode=normalise_postcode(postcode), moved_in=moved_in
            )
            person.addresses.append(row)
            session.flush()
            self._audit_update(session, person, ["addresses"])
            return row.id

    def record_summary(self, person_id: int) -> CaseloadRow:
        """The record's list row (status, RAG, flags) for redrawing a header; not audited."""
        rows = self.page(0, 1, CaseloadFilter(person_id=person_id))
        if not rows:
            raise RecordNotFoundError()
        return rows[0]

    def addresses_and_references(
        self, person_id: int
    ) -> tuple[list[AddressRow], list[ReferenceRow]]:
        """For a record already open (opening it was audited): its addresses, newest first."""
        with self._sessions.begin() as session:
            record = self._record(get_person(session, self._user, person_id, self._clock.now()))
            return record.addresses, record.references

    def add_reference(self, person_id: int, kind: str, value: str) -> int:
        if not kind.strip() or not value.strip():
            raise PersonInputError("Enter both the kind of reference and its value.")
        with self._sessions.begin() as session:
            person = get_person(session, self._user, person_id, self._clock.now())
            row = ExternalReference(kind=kind.strip(), value=value.strip())
            person.references.append(row)
            _refresh_search_text(person)
            session.flush()
            self._audit_update(session, person, ["references"])
            return row.id

    def remove_reference(self, person_id: int, reference_id: int) -> None:
        with self._sessions.begin() as session:
            person = get_person(session, self._user, person_id, self._clock.now())
            person.references = [r for r in person.references if r.id != reference_id]
            _refresh_search_text(person)
            self._audit_update(session, person, ["references"])

    # ---- helpers -------------------------------------------------------------------------
    def _audit_update(self, session: Session, person: YoungPerson, changed: list[str]) -> None:
        audit_chain.append(
            session,
            self._clock.now(),
            self._user.username,
            actions.UPDATE,
            "young_person",
            str(person.id),
            changed,
        )

    def _check(self, details: PersonDetails) -> None:
        found = details.problems(self._today())
        if found:
            raise PersonInputError(" ".join(found))

    def _record(self, person: YoungPerson) -> PersonRecord:
        details = PersonDetails(
            given_name=person.given_name,
            family_name=person.family_name,
            known_as=person.known_as,
            date_of_birth=person.date_of_birth,
            summary=person.summary,
            key_worker_id=person.key_worker_id,
            allocated_ids=sorted(allocation.account_id for allocation in person.allocations),
            aliases=[alias.alias for alias in person.aliases],
            age_exception_reason=person.age_exception_reason,
            gender=person.gender,
            ethnicity=person.ethnicity,
            first_language=person.first_language,
            interpreter_needed=person.interpreter_needed,
            eet_status=person.eet_status,
            school_or_college=person.school_or_college,
            legal_status=person.legal_status,
            send_needs=person.send_needs,
        )
        return PersonRecord(
            person.id,
            person.case_reference,
            details,
            age_on(person.date_of_birth, self._today()),
            person.status,
            person.rag,
            person.rag_review_due,
            [
                AddressRow(a.id, a.address, a.postcode, a.moved_in, a.moved_out)
                for a in person.addresses
            ],
            [ReferenceRow(r.id, r.kind, r.value) for r in person.references],
        )


# Casebook's own references: IGX- and six digits. Imported references in other shapes are kept
# as they are and never counted here.
REFERENCE_GLOB = CASE_PREFIX + "[0-9]" * 6


def next_reference(session: Session) -> str:
    """The next IGX- number after the highest of that exact shape in use."""
    highest = session.execute(
        select(func.max(YoungPerson.case_reference)).where(
            YoungPerson.case_reference.op("GLOB")(REFERENCE_GLOB)
        )
    ).scalar_one()
    number = int(highest.removeprefix(CASE_PREFIX)) + 1 if highest else 1
    return f"{CASE_PREFIX}{number:06d}"


def _check_reference(session: Session, reference: str) -> None:
    if not 1 <= len(reference) <= 16 or reference != reference.strip():
        raise PersonInputError("A case reference is 1 to 16 characters, without spaces around.")
    taken = session.execute(
        select(func.count()).where(YoungPerson.case_reference == reference)
    ).scalar_one()
    if taken:
        raise PersonInputError(f"The case reference {reference} is already in use.")


def _check_staff(session: Session, details: PersonDetails) -> None:
    """The key worker and allocated staff must be active accounts that work with caseloads."""
    wanted = {*details.allocated_ids, *([details.key_worker_id] if details.key_worker_id else [])}
    if not wanted:
        return
    accounts = session.execute(
        select(Account.id, Account.role, Account.active).where(Account.id.in_(wanted))
    ).all()
    usable = {
        row.id
        for row in accounts
        if row.active and ROLE_RECORD_SCOPE[row.role] is not RecordScope.NONE
    }
    if wanted - usable:
        raise PersonInputError(
            "The key worker and staff working with them must be active colleagues whose role "
            "works with the caseload."
        )


def new_person(details: PersonDetails, reference: str, now: datetime) -> YoungPerson:
    """A young person built from the form, not yet in a session (create and import share it)."""
    person = YoungPerson(case_reference=reference, created_at=now, updated_at=now)
    _apply(person, details)
    return person


def created_fields(details: PersonDetails) -> list[str]:
    """The fields a create audit row names: those not left at their defaults."""
    return _changed_fields(details, None)


def _as_filter(search: str | CaseloadFilter) -> CaseloadFilter:
    return search if isinstance(search, CaseloadFilter) else CaseloadFilter(search=search)


# The list's order for RAG: red, amber, green, then not rated. Written as literal SQL so that it
# matches the expression index over it (an index on an expression is only used for the very
# same expression, and bound parameters never match).
RAG_RANK = literal_column(
    "CASE young_people.rag WHEN 'red' THEN 0 WHEN 'amber' THEN 1 WHEN 'green' THEN 2 ELSE 3 END",
    Integer(),
)
# Sort keys that may be NULL (no date of birth, no key worker): NULL sorts first ascending.
NULLABLE_SORTS = frozenset({"age", "key_worker"})


def _sort_keys(sort: str, worker_name: Any) -> list[Any]:
    """The columns the list is ordered by (the row id follows them to break ties)."""
    keys: dict[str, list[Any]] = {
        "reference": [YoungPerson.case_reference],
        # Folded keys (text_folding.name_sort_key): case, accents and Arabic letter forms do
        # not move a name, and Arabic-script names follow the Latin ones in alphabet order.
        "name": [YoungPerson.family_sort, YoungPerson.given_sort],
        "known_as": [YoungPerson.known_as],
        # Older first when ascending by age, so the date of birth ascends too.
        "age": [YoungPerson.date_of_birth],
        "key_worker": [worker_name],
        "status": [YoungPerson.status],
        "rag": [RAG_RANK],
    }
    return keys.get(sort, keys["name"])


def _seek(
    keys: list[Any], after: CaseloadRow, descending: bool, nullable: bool
) -> list[ColumnElement[bool]]:
    """The rows that come after `after` in the order (keys..., id), ascending or descending:
    one or two stretches of the order, read one after the other until the page is full.

    A row-value comparison, so SQLite seeks into the index in that order. A key that may be
    NULL (a single key: age or key worker) sorts its NULLs first; NULL compares with nothing,
    so the NULLs are a stretch of their own (one condition with OR would lose the index)."""
    values = [literal(value, key.type) for key, value in zip(keys, after.sort_key, strict=True)]
    last_id = literal(after.id, Integer())
    if descending:
        beyond = tuple_(*keys, YoungPerson.id) < tuple_(*values, last_id)
    else:
        beyond = tuple_(*keys, YoungPerson.id) > tuple_(*values, last_id)
    if not nullable:
        return [beyond]
    key, value = keys[0], after.sort_key[0]
    if value is None:  # among the NULLs: first when ascending, last when descending
        if descending:
            return [and_(key.is_(None), YoungPerson.id < last_id)]
        return [and_(key.is_(None), YoungPerson.id > last_id), key.is_not(None)]
    return [beyond, key.is_(None)] if descending else [beyond]


def normalise_postcode(text: str) -> str:
    """Upper case with one space before the inward code (SW1A 1AA)."""
    compact = "".join(text.split()).upper()
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 3 else compact


SCALARS = (
    "given_name",
    "family_name",
    "known_as",
    "date_of_birth",
    "summary",
    "key_worker_id",
    "age_exception_reason",
    "gender",
    "ethnicity",
    "first_language",
    "interpreter_needed",
    "eet_status",
    "school_or_college",
    "legal_status",
    "send_needs",
)
TRIMMED = ("given_name", "family_name", "known_as", "first_language", "school_or_college")


def _apply(person: YoungPerson, details: PersonDetails) -> None:
    for name in SCALARS:
        value = getattr(details, name)
        setattr(person, name, value.strip() if name in TRIMMED else value)
    wanted = [alias.strip() for alias in details.aliases if alias.strip()]
    if [alias.alias for alias in person.aliases] != wanted:
        person.aliases = [Alias(alias=alias) for alias in wanted]
    _refresh_search_text(person)


def _refresh_search_text(person: YoungPerson) -> None:
    """The folded copies of the names: what the quick search looks in, and the name order."""
    person.family_sort = name_sort_key(person.family_name)
    person.given_sort = name_sort_key(person.given_name)
    person.search_text = search_text(
        person.given_name,
        person.family_name,
        person.known_as,
        person.case_reference,
        *(alias.alias for alias in person.aliases),
        *(reference.value for reference in person.references),
    )


def _changed_fields(new: PersonDetails, old: PersonDetails | None) -> list[str]:
    names = [f.name for f in fields(PersonDetails)]
    if old is None:
        empty = PersonDetails()
        return [name for name in names if getattr(new, name) != getattr(empty, name)]
    return [name for name in names if getattr(new, name) != getattr(old, name)]

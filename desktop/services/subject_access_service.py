"""Subject access requests: who asked, about whom, by when, and where each request stands."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Role
from desktop.models.choices import ContactKind, SarStatus
from desktop.models.data_protection import SubjectAccessRequest
from desktop.models.network import Contact
from desktop.models.people import YoungPerson
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError, visible_people
from desktop.services.text_folding import fold

# A request due within this many days is flagged in the list (amber), so a week is left to act.
DUE_SOON_DAYS = 7
# How many people a subject search offers, of each kind: enough to pick from, not a caseload.
SEARCH_LIMIT = 25
OPEN_STATUSES = (SarStatus.RECEIVED, SarStatus.IN_REVIEW)
MAX_REQUESTED_BY = 200
MAX_EVIDENCE = 200
ENTITY = "subject_access_request"

# Which status may follow which; sent and withdrawn requests are closed for good.
NEXT_STATUSES: dict[SarStatus, frozenset[SarStatus]] = {
    SarStatus.RECEIVED: frozenset({SarStatus.IN_REVIEW, SarStatus.SENT, SarStatus.WITHDRAWN}),
    SarStatus.IN_REVIEW: frozenset({SarStatus.SENT, SarStatus.WITHDRAWN}),
    SarStatus.SENT: frozenset(),
    SarStatus.WITHDRAWN: frozenset(),
}


class SarRequestError(ValueError):
    """A request with something missing or wrong; the message says what."""


@dataclass(frozen=True)
class SarSubject:
    kind: str  # "young_person" or "contact"
    id: int
    name: str
    detail: str  # e.g. "IGX-0012 · born 03/05/2008" or "Mother of IGX-0012"


@dataclass(frozen=True)
class SarRequestInput:
    young_person_id: int | None
    contact_id: int | None
    requested_by: str
    received_on: date
    identity_checked_on: date | None
    identity_evidence: str
    include_access_report: bool
    notes: str


@dataclass(frozen=True)
class SarRequestRow:
    id: int
    subject_kind: str
    subject_name: str
    requested_by: str
    received_on: date
    due_on: date
    status: SarStatus
    identity_checked_on: date | None
    days_left: int  # negative when overdue
    warning: str  # "" or e.g. "Due in 5 days" / "Overdue by 2 days" / "Identity not checked"


@dataclass(frozen=True)
class SarRequestDetails:
    """One request in full, for the edit form: its list row, its subject and what was typed."""

    row: SarRequestRow
    subject: SarSubject
    data: SarRequestInput
    completed_on: date | None


def due_date(received_on: date) -> date:
    """One calendar month (ICO: the same day next month, else the last day of that month)."""
    # Counting months from year 0: received_on's month index plus one, split back into a date.
    year, month_index = divmod(received_on.year * 12 + received_on.month, 12)
    last = calendar.monthrange(year, month_index + 1)[1]
    return date(year, month_index + 1, min(received_on.day, last))


def _days(number: int) -> str:
    return f"{number} day" if number == 1 else f"{number} days"


def warning_for(status: SarStatus, days_left: int, identity_checked: bool) -> str:
    """What the list warns of for an open request: the deadline first, then the identity."""
    if status not in OPEN_STATUSES:
        return ""
    found = []
    if days_left < 0:
        found.append(f"Overdue by {_days(-days_left)}")
    elif days_left == 0:
        found.append("Due today")
    elif days_left <= DUE_SOON_DAYS:
        found.append(f"Due in {_days(days_left)}")
    if not identity_checked:
        found.append("Identity not checked")
    return " · ".join(found)


def _person_name(person: YoungPerson) -> str:
    return f"{person.given_name} {person.family_name}"


def _contact_detail(contact: Contact, reference: str) -> str:
    if contact.kind is ContactKind.FAMILY:
        relation = contact.relationship.strip() or "Family member"
        return f"{relation[:1].upper()}{relation[1:]} of {reference}"
    role = contact.relationship.strip() or "Professional"
    return f"{role[:1].upper()}{role[1:]} working with {reference}"


class SubjectAccessService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def _today(self) -> date:
        return self._clock.now().date()

    # ---- subjects --------------------------------------------------------------------------
    def find_subjects(self, query: str) -> list[SarSubject]:
        """Young people, then family members and other contacts, whose names hold every word."""
        self._require_coordinator()
        terms = fold(query).split()
        if not terms:
            return []
        with self._sessions.begin() as session:
            people = session.execute(
                select(YoungPerson)
                .where(
                    visible_people(self._user, self._clock.now()),
                    *(YoungPerson.search_text.contains(t, autoescape=True) for t in terms),
                )
                .order_by(YoungPerson.family_sort, YoungPerson.given_sort, YoungPerson.id)
                .limit(SEARCH_LIMIT)
            ).scalars()
            found = [
                SarSubject("young_person", p.id, _person_name(p), self._person_detail(p))
                for p in people
            ]
            # Contacts have no folded search column: their names are folded here, a few at most
            # per young person, so reading the names of visible records' contacts stays cheap.
            contacts = session.execute(
                select(Contact, YoungPerson.case_reference)
                .join(YoungPerson, YoungPerson.id == Contact.young_person_id)
                .where(visible_people(self._user, self._clock.now()))
                .order_by(Contact.kind, Contact.name, Contact.id)
            ).all()
            for contact, reference in contacts:
                folded = fold(contact.name)
                if all(term in folded for term in terms):
                    found.append(
                        SarSubject(
                            "contact", contact.id, contact.name, _contact_detail(contact, reference)
                        )
                    )
                    if len(found) >= 2 * SEARCH_LIMIT:
                        break
            return found

    @staticmethod
    def _person_detail(person: YoungPerson) -> str:
        born = person.date_of_birth
        return person.case_reference + (f" · born {born:%d/%m/%Y}" if born else "")

    def _subject(self, session: Session, data: SarRequestInput) -> SarSubject:
        """The request's subject, if this user may reach their record."""
        if (data.young_person_id is None) == (data.contact_id is None):
            raise SarRequestError(
                "Choose who the request is about: a young person or a family member."
            )
        if data.young_person_id is not None:
            person = session.execute(
                select(YoungPerson).where(
                    YoungPerson.id == data.young_person_id,
                    visible_people(self._user, self._clock.now()),
                )
            ).scalar_one_or_none()
            if person is None:
                raise RecordNotFoundError()
            return SarSubject(
                "young_person", person.id, _person_name(person), self._person_detail(person)
            )
        found = session.execute(
            select(Contact, YoungPerson.case_reference)
            .join(YoungPerson, YoungPerson.id == Contact.young_person_id)
            .where(Contact.id == data.contact_id, visible_people(self._user, self._clock.now()))
        ).first()
        if found is None:
            raise RecordNotFoundError()
        contact, reference = found
        return SarSubject("contact", contact.id, contact.name, _contact_detail(contact, reference))

    # ---- requests ----------------------------------------------------------------------------
    def _problems(self, data: SarRequestInput) -> list[str]:
        today = self._today()
        found = []
        if data.received_on > today:
            found.append("The date received is in the future.")
        if data.identity_checked_on is not None:
            if data.identity_checked_on > today:
                found.append("The date identity was checked is in the future.")
            if not data.identity_evidence.strip():
                found.append("Say what evidence of identity was seen.")
        elif data.identity_evidence.strip():
            found.append("Enter the date identity was checked, or clear the evidence.")
        if len(data.requested_by.strip()) > MAX_REQUESTED_BY:
            found.append(f"Keep who asked under {MAX_REQUESTED_BY} characters.")
        if len(data.identity_evidence.strip()) > MAX_EVIDENCE:
            found.append(f"Keep the evidence of identity under {MAX_EVIDENCE} characters.")
        return found

    def create(self, data: SarRequestInput) -> int:
        """A new request; its deadline is one calendar month after it was received."""
        self._require_coordinator()
        now = self._clock.now()
        with self._sessions.begin() as session:
            # Checked first, so someone without access learns nothing from the form's errors.
            subject = self._subject(session, data)
            found = self._problems(data)
            if found:
                raise SarRequestError(" ".join(found))
            request = SubjectAccessRequest(
                young_person_id=subject.id if subject.kind == "young_person" else None,
                contact_id=subject.id if subject.kind == "contact" else None,
                created_by_id=self._user.account_id,
                created_at=now,
            )
            changed = self._apply(request, data)
            session.add(request)
            session.flush()
            subject_field = "young_person_id" if subject.kind == "young_person" else "contact_id"
            self._audit(session, actions.SAR_CREATED, request.id, [subject_field, *changed])
            return request.id

    def update(self, request_id: int, data: SarRequestInput) -> None:
        """Corrects an open request; its subject stays, and its deadline never moves later."""
        self._require_coordinator()
        with self._sessions.begin() as session:
            request = self._get(session, request_id)
            if (data.young_person_id, data.contact_id) != (
                request.young_person_id,
                request.contact_id,
            ):
                raise SarRequestError(
                    "A request's subject cannot be changed: withdraw it and record a new one."
                )
            if request.status not in OPEN_STATUSES:
                raise SarRequestError(f"This request is closed ({request.status.label.lower()}).")
            found = self._problems(data)
            # Moving the date received later would quietly give the unit more time.
            if due_date(data.received_on) > request.due_on:
                found.append(
                    f"The deadline cannot be moved later than {request.due_on:%d/%m/%Y}: "
                    "the date received can only be corrected to an earlier date."
                )
            if found:
                raise SarRequestError(" ".join(found))
            changed = self._apply(request, data)
            if changed:
                self._audit(session, actions.SAR_UPDATED, request.id, changed)

    @staticmethod
    def _apply(request: SubjectAccessRequest, data: SarRequestInput) -> list[str]:
        """Copies the form onto the request; returns the names of the fields that changed."""
        values = {
            "requested_by": data.requested_by.strip(),
            "received_on": data.received_on,
            "due_on": due_date(data.received_on),
            "identity_checked_on": data.identity_checked_on,
            "identity_evidence": data.identity_evidence.strip(),
            "include_access_report": data.include_access_report,
            "notes": data.notes.strip(),
        }
        changed = []
        for name, value in values.items():
            if getattr(request, name, None) != value:
                setattr(request, name, value)
                changed.append(name)
        return changed

    def set_status(self, request_id: int, status: SarStatus) -> None:
        """Moves a request on: in review, sent (identity must be checked) or withdrawn."""
        self._require_coordinator()
        with self._sessions.begin() as session:
            request = self._get(session, request_id)
            if request.status is status:
                return
            if status not in NEXT_STATUSES[request.status]:
                raise SarRequestError(
                    f"A request that is {request.status.label.lower()} cannot be marked "
                    f"{status.label.lower()}."
                )
            if status is SarStatus.SENT and request.identity_checked_on is None:
                raise SarRequestError(
                    "Check the requester's identity, and record it, before sending the pack."
                )
            request.status = status
            fields = ["status"]
            if status is SarStatus.SENT:
                request.completed_on = self._today()
                fields.append("completed_on")
            self._audit(session, actions.SAR_STATUS_CHANGED, request.id, fields)

    def request(self, request_id: int) -> SarRequestRow:
        return self.details(request_id).row

    def details(self, request_id: int) -> SarRequestDetails:
        """One request in full, to edit it."""
        self._require_coordinator()
        with self._sessions.begin() as session:
            request = self._get(session, request_id)
            data = SarRequestInput(
                young_person_id=request.young_person_id,
                contact_id=request.contact_id,
                requested_by=request.requested_by,
                received_on=request.received_on,
                identity_checked_on=request.identity_checked_on,
                identity_evidence=request.identity_evidence,
                include_access_report=request.include_access_report,
                notes=request.notes,
            )
            subject = self._subject(session, data)
            return SarRequestDetails(
                self._row(request, subject.kind, subject.name), subject, data, request.completed_on
            )

    def requests(self, include_closed: bool = False) -> list[SarRequestRow]:
        """Open requests, soonest deadline first; closed ones after, newest first."""
        self._require_coordinator()
        query = self._listed().order_by(SubjectAccessRequest.due_on, SubjectAccessRequest.id)
        if not include_closed:
            query = query.where(SubjectAccessRequest.status.in_(OPEN_STATUSES))
        with self._sessions.begin() as session:
            rows = [
                self._row(request, kind, name) for request, kind, name in session.execute(query)
            ]
        open_rows = [row for row in rows if row.status in OPEN_STATUSES]
        closed = [row for row in rows if row.status not in OPEN_STATUSES]
        closed.sort(key=lambda row: (row.received_on, row.id), reverse=True)
        return open_rows + closed

    # ---- helpers ---------------------------------------------------------------------------
    def _listed(self) -> Select[SubjectAccessRequest, str, str]:
        """Requests with their subject's kind and name, where the subject's record is visible."""
        subject_person = func.coalesce(
            SubjectAccessRequest.young_person_id, Contact.young_person_id
        )
        kind = func.iif(SubjectAccessRequest.young_person_id.is_(None), "contact", "young_person")
        name = func.coalesce(Contact.name, YoungPerson.given_name + " " + YoungPerson.family_name)
        return (
            select(SubjectAccessRequest, kind, name)
            .outerjoin(Contact, Contact.id == SubjectAccessRequest.contact_id)
            .join(YoungPerson, YoungPerson.id == subject_person)
            .where(visible_people(self._user, self._clock.now()))
        )

    def _get(self, session: Session, request_id: int) -> SubjectAccessRequest:
        found = session.execute(self._listed().where(SubjectAccessRequest.id == request_id)).first()
        if found is None:
            raise RecordNotFoundError()
        request: SubjectAccessRequest = found[0]
        return request

    def _row(self, request: SubjectAccessRequest, kind: str, name: str) -> SarRequestRow:
        days_left = (request.due_on - self._today()).days
        return SarRequestRow(
            id=request.id,
            subject_kind=kind,
            subject_name=name,
            requested_by=request.requested_by,
            received_on=request.received_on,
            due_on=request.due_on,
            status=request.status,
            identity_checked_on=request.identity_checked_on,
            days_left=days_left,
            warning=warning_for(request.status, days_left, request.identity_checked_on is not None),
        )

    def _audit(self, session: Session, action: str, request_id: int, fields: list[str]) -> None:
        audit_chain.append(
            session, self._clock.now(), self._user.username, action, ENTITY, str(request_id), fields
        )

    def _require_coordinator(self) -> None:
        if self._user.role is not Role.COORDINATOR:
            raise PermissionDeniedError("deal with subject access requests")


__all__ = ["RecordNotFoundError"]  # re-exported: views catch it from here

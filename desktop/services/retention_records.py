"""The records the retention schedule covers: for each, a label and the dates a rule counts from."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models.case_status import StatusChange
from desktop.models.choices import CaseStatus, RecordKind, RetentionTrigger
from desktop.models.coaching import CoachingPlan
from desktop.models.community import CriticalIncident
from desktop.models.data_protection import SubjectAccessRequest
from desktop.models.meetings import Meeting
from desktop.models.network import Contact
from desktop.models.people import YoungPerson
from desktop.models.therapy import TherapyCase, TherapyCasePerson
from desktop.services.current_user import CurrentUser
from desktop.services.record_access import closed_people
from desktop.services.retention_schedule import add_years

K = RecordKind
T = RetentionTrigger


@dataclass(frozen=True)
class RecordFacts:
    kind: RecordKind
    record_id: int
    # What the coordinator recognises the record by: they are deciding, so names are shown.
    label: str
    # The case reference for a case record (typed to confirm its disposal), "" otherwise.
    reference: str
    # Still open (a case not closed, a plan or therapy case not ended): never due.
    open: bool
    trigger_dates: dict[RetentionTrigger, date] = field(default_factory=dict)
    # The young people the record is about: a restricted one's name is not shown (below).
    people: tuple[int, ...] = ()


def closed_to(session: Session, user: CurrentUser, now: datetime) -> set[int]:
    """The young people whose restricted records this user is not named on."""
    return set(session.execute(closed_people(user, now)).scalars())


def as_seen_by(facts: RecordFacts, closed: set[int]) -> RecordFacts:
    """The record as this user may see it: a restricted record's label names nobody (the
    coordinator breaks glass on the record itself to see whose it is)."""
    if closed.isdisjoint(facts.people):
        return facts
    shown = facts.reference or f"{facts.kind.label.lower()} no. {facts.record_id}"
    return replace(facts, label=f"Restricted record ({shown})")


def _name(given: str, family: str, reference: str) -> str:
    return f"{given} {family} ({reference})"


def _twenty_fifth(born: date | None) -> dict[RetentionTrigger, date]:
    return {} if born is None else {T.TWENTY_FIFTH_BIRTHDAY: add_years(born, 25)}


def _case_records(session: Session, only: int | None) -> Iterator[RecordFacts]:
    closed = (
        select(StatusChange.young_person_id, func.max(StatusChange.changed_at).label("at"))
        .where(StatusChange.to_status == CaseStatus.CLOSED)
        .group_by(StatusChange.young_person_id)
        .subquery()
    )
    query = select(YoungPerson, closed.c.at).outerjoin(
        closed, closed.c.young_person_id == YoungPerson.id
    )
    if only is not None:
        query = query.where(YoungPerson.id == only)
    for person, closed_at in session.execute(query.order_by(YoungPerson.id)).all():
        is_open = person.status is not CaseStatus.CLOSED
        dates = _twenty_fifth(person.date_of_birth)
        if not is_open and closed_at is not None:
            dates[T.CASE_CLOSED] = closed_at.date()
        label = _name(person.given_name, person.family_name, person.case_reference)
        yield RecordFacts(
            K.CASE_RECORD, person.id, label, person.case_reference, is_open, dates, (person.id,)
        )


def _therapy_cases(session: Session, only: int | None) -> Iterator[RecordFacts]:
    query = select(TherapyCase)
    members = select(TherapyCasePerson.case_id, YoungPerson).join(
        YoungPerson, YoungPerson.id == TherapyCasePerson.young_person_id
    )
    if only is not None:
        query = query.where(TherapyCase.id == only)
        members = members.where(TherapyCasePerson.case_id == only)
    people: dict[int, list[YoungPerson]] = defaultdict(list)
    for case_id, person in session.execute(members.order_by(YoungPerson.id)).all():
        people[case_id].append(person)
    for case in session.execute(query.order_by(TherapyCase.id)).scalars():
        family = people.get(case.id, [])
        names = ", ".join(f"{p.given_name} {p.family_name}" for p in family) or "no young person"
        dates: dict[RetentionTrigger, date] = {}
        births = [p.date_of_birth for p in family]
        # Counted from the youngest: the record must last until all have reached 25.
        if births and all(born is not None for born in births):
            dates.update(_twenty_fifth(max(b for b in births if b is not None)))
        if case.ended_on is not None:
            dates[T.RECORD_CLOSED] = case.ended_on
        label = f"Family therapy with {names}"
        ids = tuple(p.id for p in family)
        yield RecordFacts(K.THERAPY_CASE, case.id, label, "", case.ended_on is None, dates, ids)


def _coaching_plans(session: Session, only: int | None) -> Iterator[RecordFacts]:
    query = select(CoachingPlan, YoungPerson).join(
        YoungPerson, YoungPerson.id == CoachingPlan.young_person_id
    )
    if only is not None:
        query = query.where(CoachingPlan.id == only)
    for plan, person in session.execute(query.order_by(CoachingPlan.id)).all():
        dates = _twenty_fifth(person.date_of_birth)
        if plan.closed_on is not None:
            dates[T.RECORD_CLOSED] = plan.closed_on
        name = _name(person.given_name, person.family_name, person.case_reference)
        label = f"Coaching plan of {name}"
        yield RecordFacts(
            K.COACHING_PLAN, plan.id, label, "", plan.closed_on is None, dates, (person.id,)
        )


def _meetings(session: Session, only: int | None) -> Iterator[RecordFacts]:
    query = select(Meeting)
    if only is not None:
        query = query.where(Meeting.id == only)
    for meeting in session.execute(query.order_by(Meeting.id)).scalars():
        held = meeting.held_at.date()
        label = f"{meeting.kind.label} on {held:%d %b %Y}"
        yield RecordFacts(K.MEETING, meeting.id, label, "", False, {T.RECORD_DATE: held})


def _incidents(session: Session, only: int | None) -> Iterator[RecordFacts]:
    query = select(CriticalIncident)
    if only is not None:
        query = query.where(CriticalIncident.id == only)
    for incident in session.execute(query.order_by(CriticalIncident.id)).scalars():
        day = incident.occurred_on
        label = f"{incident.kind.label} in {incident.area}, {day:%d %b %Y}"
        yield RecordFacts(K.CRITICAL_INCIDENT, incident.id, label, "", False, {T.RECORD_DATE: day})


def _requests(session: Session, only: int | None) -> Iterator[RecordFacts]:
    query = (
        select(SubjectAccessRequest, YoungPerson, Contact)
        .outerjoin(YoungPerson, YoungPerson.id == SubjectAccessRequest.young_person_id)
        .outerjoin(Contact, Contact.id == SubjectAccessRequest.contact_id)
    )
    if only is not None:
        query = query.where(SubjectAccessRequest.id == only)
    rows = session.execute(query.order_by(SubjectAccessRequest.id)).all()
    for request, person_row, contact in rows:
        # Outer joins: either may be missing.
        person: YoungPerson | None = person_row
        if person is not None:
            subject = f"{person.given_name} {person.family_name}"
        else:
            subject = contact.name if contact is not None else request.requested_by or "unknown"
        label = f"About {subject}, received {request.received_on:%d %b %Y}"
        answered = request.completed_on
        dates = {} if answered is None else {T.RECORD_CLOSED: answered}
        about: tuple[int, ...] = (person.id,) if person is not None else ()
        about += (contact.young_person_id,) if contact is not None else ()
        yield RecordFacts(
            K.SUBJECT_ACCESS_REQUEST, request.id, label, "", answered is None, dates, about
        )


READERS = {
    K.CASE_RECORD: _case_records,
    K.THERAPY_CASE: _therapy_cases,
    K.COACHING_PLAN: _coaching_plans,
    K.MEETING: _meetings,
    K.CRITICAL_INCIDENT: _incidents,
    K.SUBJECT_ACCESS_REQUEST: _requests,
}


def records_of(session: Session, kind: RecordKind) -> Iterator[RecordFacts]:
    return READERS[kind](session, None)


def record_facts(session: Session, kind: RecordKind, record_id: int) -> RecordFacts | None:
    return next(READERS[kind](session, record_id), None)

"""The access report: who opened or exported a young person's record and when (from the audit)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Account, Role
from desktop.models.audit import AuditEntry
from desktop.models.coaching import CoachingPlan
from desktop.models.data_protection import SubjectAccessRequest
from desktop.models.therapy import TherapyCasePerson
from desktop.services import actions, audit_chain
from desktop.services.coaching_document_service import ACTION_PLAN, PLAN_SUMMARY
from desktop.services.conference_records import DOCUMENT_KIND as CONFERENCE_PACK
from desktop.services.current_user import CurrentUser
from desktop.services.meeting_document_service import ACTION_TRACKER, MINUTES
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import get_person
from desktop.services.therapy_document_service import CLOSING_SUMMARY, REFERRER_LETTER

# Written by the restricted-records service when someone not named opens a restricted record.
BREAK_GLASS = actions.BREAK_GLASS
# An export's audit row names the young people it holds like this among its fields (meetings).
PERSON_TOKEN = "young_person:{}"
# The field every export adds when the file was saved under a password.
PASSWORD_FIELD = "password_protected"

# What each exported document is called in the report, by the kind its audit row names.
DOCUMENT_NAMES = {
    CONFERENCE_PACK: "a case conference report",
    CLOSING_SUMMARY: "a family therapy closing summary",
    REFERRER_LETTER: "a family therapy letter to the referrer",
    ACTION_PLAN: "an employment coaching action plan",
    PLAN_SUMMARY: "an employment coaching plan summary",
    MINUTES: "meeting minutes",
    ACTION_TRACKER: "the meeting action tracker",
    "subject_access_pack": "a subject access pack",
    "disclosure_log": "a subject access disclosure log",
}
# When an export's kind is not one of the above: what its record is.
ENTITY_DOCUMENTS = {
    "young_person": "a document from the record",
    "therapy_case": "a family therapy document",
    "coaching_plan": "an employment coaching document",
    "meeting": "meeting minutes",
    "meeting_action": "the meeting action tracker",
    "subject_access_request": "a subject access pack",
}


@dataclass(frozen=True)
class AccessEvent:
    at: datetime
    who: str  # the account's full name
    role: str  # the account's role label
    what: str  # readable, e.g. "Opened the record", "Exported a case conference report"


def access_events(session: Session, young_person_id: int) -> list[AccessEvent]:
    """Every opening and export of the young person's record, oldest first.

    Exports are matched by the record they came from (the young person, their family therapy
    cases, coaching plans and subject access requests) or by the young people a meeting
    document names among its audit fields."""
    rows = session.execute(
        select(AuditEntry, Account.display_name, Account.role)
        .outerjoin(Account, Account.username == AuditEntry.actor)
        .where(_touching(session, young_person_id))
        .order_by(AuditEntry.at, AuditEntry.id)
    ).all()
    token = PERSON_TOKEN.format(young_person_id)
    events = []
    for entry, name, role in rows:
        if not _holds(entry, young_person_id, token):
            continue
        events.append(
            AccessEvent(
                at=entry.at,
                who=name or entry.actor,
                role=role.label if isinstance(role, Role) else "",
                what=_what(entry),
            )
        )
    return events


def _touching(session: Session, young_person_id: int) -> ColumnElement[bool]:
    """A WHERE clause wide enough for every row about them (_holds then checks exactly)."""
    person = str(young_person_id)
    therapy = _ids(
        session.execute(
            select(TherapyCasePerson.case_id).where(
                TherapyCasePerson.young_person_id == young_person_id
            )
        ).scalars()
    )
    coaching = _ids(
        session.execute(
            select(CoachingPlan.id).where(CoachingPlan.young_person_id == young_person_id)
        ).scalars()
    )
    requests = _ids(
        session.execute(
            select(SubjectAccessRequest.id).where(
                SubjectAccessRequest.young_person_id == young_person_id
            )
        ).scalars()
    )
    about_them = and_(AuditEntry.entity_type == "young_person", AuditEntry.entity_id == person)
    return or_(
        and_(AuditEntry.action.in_([actions.RECORD_OPENED, BREAK_GLASS]), about_them),
        and_(
            AuditEntry.action == actions.DOCUMENT_EXPORTED,
            or_(
                about_them,
                and_(AuditEntry.entity_type == "therapy_case", AuditEntry.entity_id.in_(therapy)),
                and_(AuditEntry.entity_type == "coaching_plan", AuditEntry.entity_id.in_(coaching)),
                and_(
                    AuditEntry.entity_type == "subject_access_request",
                    AuditEntry.entity_id.in_(requests),
                ),
                AuditEntry.fields.contains(PERSON_TOKEN.format(young_person_id)),
            ),
        ),
    )


def _ids(values: Iterable[int]) -> list[str]:
    return [str(value) for value in values]


def _holds(entry: AuditEntry, young_person_id: int, token: str) -> bool:
    """False only for a meeting document whose fields name young_person:12 when we asked for 1."""
    if entry.action != actions.DOCUMENT_EXPORTED or entry.entity_type in (
        "young_person",
        "therapy_case",
        "coaching_plan",
        "subject_access_request",
    ):
        return True
    return token in entry.fields.split(",")


def _what(entry: AuditEntry) -> str:
    if entry.action == actions.RECORD_OPENED:
        return "Opened the record"
    if entry.action == BREAK_GLASS:
        return "Opened by break glass"
    fields = entry.fields.split(",")
    kind = next((DOCUMENT_NAMES[f] for f in fields if f in DOCUMENT_NAMES), None)
    document = kind or ENTITY_DOCUMENTS.get(entry.entity_type, "a document")
    protected = " (password protected)" if PASSWORD_FIELD in fields else ""
    return f"Exported {document}{protected}"


class AccessReportService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    @property
    def may_read(self) -> bool:
        """Whether this user may read access reports (the view hides the action otherwise)."""
        return self._user.role is Role.COORDINATOR

    def report(self, young_person_id: int, since: date | None = None) -> list[AccessEvent]:
        """Oldest first; since is a local date (events from its start). Reading it is audited."""
        if not self.may_read:
            raise PermissionDeniedError("read access reports")
        now = self._clock.now()
        with self._sessions.begin() as session:
            person = get_person(session, self._user, young_person_id, now)
            events = access_events(session, person.id)
            audit_chain.append(
                session,
                now,
                self._user.username,
                actions.ACCESS_REPORT_READ,
                "young_person",
                str(person.id),
                ["since"] if since is not None else [],
            )
        return events_since(events, since)


def events_since(events: list[AccessEvent], since: date | None) -> list[AccessEvent]:
    """The events from the start of that local day on (all of them when since is None)."""
    if since is None:
        return events
    start = datetime.combine(since, time.min).astimezone()
    return [event for event in events if event.at >= start]

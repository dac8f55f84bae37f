"""What a subject access request gathers: every record about its subject, as items in the
pack's order, and the list of tables with a link to a person that the gathering covers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.exports.document_base import long_date
from desktop.models.chronology import ChronologyRevision
from desktop.models.data_protection import SubjectAccessRequest
from desktop.services.current_user import CurrentUser
from desktop.services.record_access import RecordNotFoundError


@dataclass(frozen=True)
class SarItem:
    key: str  # "<table>:<id>", e.g. "chronology_entries:42" — stable across calls
    section: str  # the pack's section heading, e.g. "Chronology"
    kind: str  # what it is, e.g. "Chronology entry"
    on: date | None
    title: str  # one line, e.g. "Home visit"
    text: str  # the item in full as plain text: "Label: value" lines, then free text


@dataclass(frozen=True)
class Gathered:
    """Everything found, and what was deliberately left out (counted, never read)."""

    items: tuple[SarItem, ...]
    process_notes: int  # therapists' process notes in scope, never included (issue 7)
    subject_name: str
    subject_names: tuple[str, ...]  # the subject's own names and identifiers: never suggested
    # Earlier versions of the chronology entries gathered (the pack holds each as it is now).
    earlier_versions: int = 0


# The pack's sections, in order.
DETAILS = "Your details"
REFERRALS = "Referrals"
STATUS = "Case status"
RISK = "Risk ratings and flags"
CHRONOLOGY = "Chronology"
MISSING = "Missing episodes"
INTERVENTIONS = "Interventions"
TASKS = "Tasks"
NETWORK = "Family and people around you"
CONTEXT = "Peer groups and places"
THERAPY = "Family therapy"
THERAPY_SESSIONS = "Family therapy sessions"
COACHING = "Employment coaching"
MEETINGS = "Meetings"
RIDE_OUTS = "Ride-outs"
INCIDENTS = "Critical incidents"
SHARING = "Consent and information sharing"
RESTRICTION = "Restricted record"
EARLIER = "Earlier subject access requests"
SECTIONS = (
    DETAILS,
    REFERRALS,
    STATUS,
    RISK,
    CHRONOLOGY,
    MISSING,
    INTERVENTIONS,
    TASKS,
    NETWORK,
    CONTEXT,
    THERAPY,
    THERAPY_SESSIONS,
    COACHING,
    MEETINGS,
    RIDE_OUTS,
    INCIDENTS,
    SHARING,
    RESTRICTION,
    EARLIER,
)

# Every table with a foreign key to young_people or contacts, and the section its rows reach
# (a test checks this against the schema, so a new table cannot be forgotten). Rows of tables
# hanging off these (a plan's goals, a meeting's items) are gathered with them.
COVERED_TABLES: dict[str, str] = {
    "young_people": DETAILS,
    "allocations": DETAILS,
    "aliases": DETAILS,
    "addresses": DETAILS,
    "external_references": DETAILS,
    "referrals": REFERRALS,
    "status_changes": STATUS,
    "rag_ratings": RISK,
    "flags": RISK,
    "chronology_entries": CHRONOLOGY,
    "missing_episodes": MISSING,
    "interventions": INTERVENTIONS,
    "tasks": TASKS,
    "contacts": NETWORK,
    "person_links": NETWORK,
    "group_links": CONTEXT,
    "place_links": CONTEXT,
    "therapy_case_people": THERAPY,
    "therapy_case_contacts": THERAPY,
    "session_attendance": THERAPY_SESSIONS,
    "outcome_measures": THERAPY_SESSIONS,
    "coaching_plans": COACHING,
    "eet_spells": COACHING,
    "meeting_people": MEETINGS,
    "meeting_actions": MEETINGS,
    "ride_out_people": RIDE_OUTS,
    "incident_people": INCIDENTS,
    "sharing_decisions": SHARING,
    "record_restrictions": RESTRICTION,
    "break_glass_access": RESTRICTION,
    "restriction_lifts": RESTRICTION,
    "subject_access_requests": EARLIER,
}


class SubjectNotFoundError(RecordNotFoundError):
    """The subject's record is gone or closed to this user (a restricted record, say)."""


def gather(
    session: Session, user: CurrentUser, request: SubjectAccessRequest, now: datetime
) -> Gathered:
    """Everything Casebook holds about the request's subject, in pack order (now: the service's
    clock, which decides whether a break-glass opening has expired)."""
    # Imported here: the area modules import this one for SarItem and the helpers.
    from desktop.services import sar_items_contact, sar_items_person

    if request.young_person_id is not None:
        found = sar_items_person.gather_person(session, user, request, now)
    elif request.contact_id is not None:
        found = sar_items_contact.gather_contact(session, user, request, now)
    else:
        raise SubjectNotFoundError()
    order = {section: number for number, section in enumerate(SECTIONS)}
    # Within a section: undated items first (the details record before its aliases), then by
    # date; ties keep the order the area gathered them in (a session before its notes).
    ranked = sorted(
        enumerate(found.items),
        key=lambda pair: (
            order[pair[1].section],
            pair[1].on is not None,
            pair[1].on or date.min,
            pair[0],
        ),
    )
    items = tuple(item for _index, item in ranked)
    keys = [int(i.key.partition(":")[2]) for i in items if i.key.startswith("chronology_entries:")]
    earlier = session.execute(
        select(func.count())
        .select_from(ChronologyRevision)
        .where(ChronologyRevision.entry_id.in_(keys))
    ).scalar_one()
    return Gathered(items, found.process_notes, found.subject_name, found.subject_names, earlier)


# ---- helpers the area modules share ------------------------------------------------------
Field = tuple[str, str]


def text_of(fields: Sequence[Field], notes: Sequence[Field] = ()) -> str:
    """ "Label: value" lines (empty values left out), then each free text under its label."""
    head = "\n".join(f"{label}: {value}" for label, value in fields if value.strip())
    blocks = [f"{label}:\n{text.strip()}" for label, text in notes if text.strip()]
    return "\n\n".join(part for part in (head, *blocks) if part)


def day(value: datetime | date | None) -> date | None:
    """The local calendar day of a stored time (stored UTC)."""
    if isinstance(value, datetime):
        return value.astimezone().date()
    return value


def when(value: datetime | date | None, missing: str = "") -> str:
    if value is None:
        return missing
    if isinstance(value, datetime):
        local = value.astimezone()
        return f"{long_date(local.date())}, {local:%H:%M}"
    return long_date(value)


def yes_no(value: bool | None) -> str:
    return "Not recorded" if value is None else ("Yes" if value else "No")


def first_line(text: str, fallback: str) -> str:
    line = text.strip().split("\n", 1)[0].strip()
    return (line[:117] + "…") if len(line) > 120 else (line or fallback)

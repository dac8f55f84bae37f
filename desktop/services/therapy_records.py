"""What the family-therapy services take and return: plain dataclasses, errors, content hashes."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

from desktop.models.choices import NoteFormat, SessionLocation, SessionOutcome, TherapyModel
from desktop.services.safeguarding_escalation import Escalation

# A note first saved more than this long after its session is marked as a late entry.
LATE_ENTRY_AFTER = timedelta(hours=48)

MemberKind = Literal["young_person", "contact"]


class TherapyInputError(ValueError):
    """What was entered cannot be saved; the message says why, in words for the user."""


class NoteSignedError(TherapyInputError):
    def __init__(self) -> None:
        super().__init__(
            "This note has been signed and can no longer be changed. Add an addendum instead."
        )


@dataclass(frozen=True)
class Member:
    """One household member: a young person on the caseload or a family contact."""

    kind: MemberKind
    id: int


@dataclass(frozen=True)
class CaseInput:
    therapist_id: int
    model_of_work: TherapyModel = TherapyModel.SYSTEMIC
    young_person_ids: tuple[int, ...] = ()
    contact_ids: tuple[int, ...] = ()
    referred_on: date | None = None
    referral_reason: str = ""
    consent_given: bool = False
    consent_recorded_on: date | None = None
    goals: str = ""
    started_on: date | None = None
    ended_on: date | None = None
    closing_summary: str = ""

    def problems(self) -> list[str]:
        found = []
        if not self.young_person_ids:
            found.append("Choose at least one young person from the caseload.")
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            found.append("The end date is before the start date.")
        if self.consent_recorded_on and not self.consent_given:
            found.append("A consent date is given but consent is not recorded as given.")
        return found


@dataclass(frozen=True)
class MemberRow:
    member: Member
    name: str
    relationship: str  # "Young person" for the caseload's young people


@dataclass(frozen=True)
class CaseView:
    id: int
    therapist_id: int
    therapist: str
    details: CaseInput
    members: list[MemberRow]
    created_at: datetime


@dataclass(frozen=True)
class CaseRow:
    id: int
    therapist: str
    model_of_work: TherapyModel
    family: str  # the young people's names, joined
    started_on: date | None
    ended_on: date | None


@dataclass(frozen=True)
class SessionInput:
    starts_at: datetime
    minutes: int = 60
    location: SessionLocation = SessionLocation.HOME_VISIT
    outcome: SessionOutcome = SessionOutcome.ATTENDED
    # Every household member's attendance: True came, False did not.
    attendance: dict[Member, bool] = field(default_factory=dict)

    def problems(self) -> list[str]:
        found = []
        if self.starts_at.tzinfo is None:
            found.append("The session time has no time zone.")
        if not 5 <= self.minutes <= 480:
            found.append("A session lasts between 5 minutes and 8 hours.")
        if self.outcome is SessionOutcome.ATTENDED and not any(self.attendance.values()):
            found.append("An attended session needs at least one family member who came.")
        return found


@dataclass(frozen=True)
class SessionRow:
    id: int
    case_id: int
    number: int
    starts_at: datetime
    minutes: int
    location: SessionLocation
    outcome: SessionOutcome
    attended: list[str]
    absent: list[str]


@dataclass(frozen=True)
class NoteInput:
    note_format: NoteFormat = NoteFormat.STRUCTURED
    # The template's sections by key (services.note_templates); keys it lacks are dropped.
    sections: Mapping[str, str] = field(default_factory=dict)
    body: str = ""  # free text under the sections
    shareable_summary: str = ""
    process_notes: str = ""
    # The risk and safeguarding check: None until answered; True records a concern.
    risk_concern: bool | None = None


@dataclass(frozen=True)
class DraftSaved:
    """What a save did: the fields it changed, when, and any safeguarding escalation."""

    changed: list[str]
    saved_at: datetime
    escalations: list[Escalation]


@dataclass(frozen=True)
class AddendumRow:
    id: int
    author: str
    text: str
    signed_at: datetime
    content_hash: str


@dataclass(frozen=True)
class NoteView:
    """A note as anyone who reaches its case sees it: process notes only as a yes or no (their
    text comes from TherapyNoteService.read_process_notes, for their author alone)."""

    id: int
    session_id: int
    author_id: int
    author: str
    note_format: NoteFormat
    sections: dict[str, str]
    body: str
    shareable_summary: str
    has_process_notes: bool
    risk_concern: bool | None
    safeguarding_raised_at: datetime | None
    created_at: datetime
    saved_at: datetime
    late_entry: bool
    signed_at: datetime | None
    signed_by: str
    content_hash: str
    addenda: list[AddendumRow]

    @property
    def signed(self) -> bool:
        return self.signed_at is not None


def content_hash(*parts: object) -> str:
    """SHA-256 over the parts as canonical JSON (datetimes as ISO text)."""
    canonical = json.dumps(
        [part.isoformat() if isinstance(part, datetime) else part for part in parts],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(frozen=True)
class DiaryRow:
    session_id: int
    case_id: int
    number: int
    starts_at: datetime
    minutes: int
    location: SessionLocation
    outcome: SessionOutcome
    family: str  # the young people's names, joined
    upcoming: bool


@dataclass(frozen=True)
class MemberAttendance:
    member: Member
    name: str
    attended: int
    recorded: int  # sessions with this member's attendance recorded

    @property
    def rate(self) -> float | None:
        return self.attended / self.recorded if self.recorded else None


@dataclass(frozen=True)
class AttendanceSummary:
    """Sessions offered so far (not those the service cancelled or rescheduled) and how many
    the family attended, and each member's own count."""

    offered: int
    attended: int
    members: list[MemberAttendance]

    @property
    def rate(self) -> float | None:
        return self.attended / self.offered if self.offered else None


@dataclass(frozen=True)
class FamilyContactChoice:
    """A family contact on a young person's record, offered as a household member."""

    id: int
    name: str
    relationship: str
    lives_with: bool


@dataclass(frozen=True)
class HouseholdChoice:
    """A young person this user may reach, with the family contacts on their record, offered
    when a therapy case's household is chosen."""

    young_person_id: int
    case_reference: str
    name: str
    age: int | None
    contacts: list[FamilyContactChoice]


@dataclass(frozen=True)
class CaseTally:
    """A case's sessions at a glance: held so far (begun), still to come, and of those offered
    (services.therapy_diary.NOT_OFFERED aside) how many the family attended."""

    case_id: int
    held: int
    upcoming: int
    offered: int
    attended: int

    @property
    def rate(self) -> float | None:
        return self.attended / self.offered if self.offered else None

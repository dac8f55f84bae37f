"""What the therapy documents are built from: plain data a service has read, never a database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class PersonLine:
    name: str
    relationship: str  # "Young person" for the caseload's young people
    date_of_birth: date | None = None


@dataclass(frozen=True)
class AttendanceLine:
    name: str
    relationship: str
    attended: int
    recorded: int  # sessions offered with this member's attendance recorded


@dataclass(frozen=True)
class ClinicalPart:
    """One heading and its text from a signed note: a template section, the free text, or an
    addendum. Never the process notes: there is no field for them anywhere in these documents."""

    heading: str
    text: str


@dataclass(frozen=True)
class SessionSummary:
    """A session with a signed note: when, where, how it went, and the note's shareable summary;
    `clinical` is filled only when the therapist chose to include clinical detail."""

    number: int
    day: date
    location: str
    outcome: str
    shareable_summary: str
    clinical: tuple[ClinicalPart, ...] = ()


@dataclass(frozen=True)
class TherapyCaseContent:
    young_people: tuple[PersonLine, ...]
    other_members: tuple[PersonLine, ...]
    therapist: str
    model_of_work: str
    referred_on: date | None
    started_on: date | None
    ended_on: date | None
    referral_reason: str
    goals: str
    sessions_offered: int
    sessions_attended: int
    attendance: tuple[AttendanceLine, ...]
    closing_summary: str
    sessions: tuple[SessionSummary, ...]

    @property
    def names(self) -> str:
        """The young people's names: "Tariq Hassan and Leila Hassan"."""
        return joined([person.name for person in self.young_people])


@dataclass(frozen=True)
class Author:
    """Who the document is from: the signed-in member of staff."""

    name: str
    role: str


@dataclass(frozen=True)
class Extras:
    """What goes beyond the shareable record, only ever by the author's explicit choice."""

    clinical_detail: bool = False
    additional_text: str = ""


@dataclass(frozen=True)
class LetterInput:
    """The letter's addressee, as the therapist typed it (Casebook keeps no referrer record)."""

    name: str
    organisation: str = ""
    address: str = ""

    def problems(self) -> list[str]:
        found = []
        if not self.name.strip():
            found.append("Enter the name of the person the letter is to.")
        if not self.address.strip():
            found.append("Enter the address the letter goes to.")
        return found


def joined(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"

"""What the critical incident service takes and returns (dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.models.choices import IncidentKind, SupportKind
from desktop.services.community_common import NAME_LENGTH, ActionRow, too_long


@dataclass(frozen=True)
class IncidentInput:
    occurred_on: date
    area: str
    kind: IncidentKind
    summary: str = ""
    families: str = ""  # families affected, as free text (who, how to reach them)
    tension_notes: str = ""  # community tension: what is being said, where, by whom

    def problems(self, today: date) -> list[str]:
        found = [] if self.area.strip() else ["Say where the incident happened."]
        found += too_long(self.area, NAME_LENGTH, "The area")
        if self.occurred_on > today:
            found.append("The incident's date is in the future.")
        return found


@dataclass(frozen=True)
class SupportInput:
    """Support offered after the incident; given_on stays empty until it was given."""

    kind: SupportKind
    offered_on: date
    offered_to: str = ""  # a family, a school, a group: who it was offered to
    given_on: date | None = None
    description: str = ""
    staff_id: int | None = None  # the member of staff giving it

    def problems(self, today: date) -> list[str]:
        found = too_long(self.offered_to, NAME_LENGTH, "Who it was offered to")
        if self.offered_on > today:
            found.append("The day support was offered is in the future.")
        if self.given_on is not None:
            if self.given_on > today:
                found.append("The day support was given is in the future.")
            if self.given_on < self.offered_on:
                found.append("Support cannot be given before it was offered.")
        return found


@dataclass(frozen=True)
class AffectedPerson:
    person_id: int
    case_reference: str
    name: str


@dataclass(frozen=True)
class SupportRow:
    id: int
    kind: SupportKind
    offered_to: str
    offered_on: date
    given_on: date | None
    description: str
    staff_id: int | None
    staff_name: str

    @property
    def given(self) -> bool:
        return self.given_on is not None


@dataclass(frozen=True)
class IncidentActionRow(ActionRow):
    incident_id: int


@dataclass(frozen=True)
class IncidentRow:
    id: int
    occurred_on: date
    area: str
    kind: IncidentKind
    people_affected: int  # young people on the caseload this user may open
    support_offered: int
    support_given: int
    open_actions: int


@dataclass(frozen=True)
class IncidentView:
    id: int
    occurred_on: date
    area: str
    kind: IncidentKind
    summary: str
    families: str
    tension_notes: str
    people: list[AffectedPerson]  # only those this user may open
    hidden_people: int
    support: list[SupportRow]
    actions: list[IncidentActionRow]
    created_by: str

    def details(self) -> IncidentInput:
        return IncidentInput(
            self.occurred_on,
            self.area,
            self.kind,
            self.summary,
            self.families,
            self.tension_notes,
        )

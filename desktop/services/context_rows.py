"""What the context service returns: groups, places, their pages and a young person's links to
them, as plain values a view can show after the session has closed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desktop.models.choices import PlaceKind


class ContextInputError(ValueError):
    """The form has mistakes; the message says which."""


@dataclass(frozen=True)
class GroupRow:
    id: int
    name: str
    description: str
    young_people: int  # linked now, whether or not their records are open to the user


@dataclass(frozen=True)
class PlaceRow:
    id: int
    name: str
    kind: PlaceKind
    postcode: str
    description: str
    young_people: int


@dataclass(frozen=True)
class LinkedYoungPerson:
    link_id: int
    person_id: int
    case_reference: str
    name: str
    since: date | None
    until: date | None
    source: str
    current: bool


@dataclass(frozen=True)
class Incident:
    entry_id: int
    person_id: int
    case_reference: str
    name: str
    occurred_at: datetime
    summary: str
    significant: bool


@dataclass(frozen=True)
class ContextPage:
    """A group's or a place's page: people on it and incidents only from records open to the
    user; the rest as numbers, so the unit sees the scale without seeing who."""

    young_people: list[LinkedYoungPerson]
    other_young_people: int
    incidents: list[Incident]
    other_incidents: int


@dataclass(frozen=True)
class GroupPage(ContextPage):
    group: GroupRow


@dataclass(frozen=True)
class PlacePage(ContextPage):
    place: PlaceRow


@dataclass(frozen=True)
class ContextLink:
    """A group or place as seen from a young person's record."""

    link_id: int
    target_id: int
    name: str
    since: date | None
    until: date | None
    source: str
    current: bool

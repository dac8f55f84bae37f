"""People around a young person: family and professionals, links between young people, and the
network the ecomap diagram draws."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any

from sqlalchemy import Row, case, or_, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.choices import ContactKind, LinkKind, PlaceKind
from desktop.models.contextual import GroupLink, PeerGroup, Place, PlaceLink
from desktop.models.network import Contact, PersonLink
from desktop.models.people import YoungPerson
from desktop.services import actions, audit_chain
from desktop.services.context_links import GROUPS, PLACES, current_link
from desktop.services.current_user import CurrentUser
from desktop.services.record_access import RecordNotFoundError, get_person, visible_people

# Shown instead of a name (and with no reference) when the other person's record is not open
# to the user: the link exists, and saying so matters, but nothing about them is disclosed.
HIDDEN_PERSON = "a young person not on your caseload"

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
PHONE = re.compile(r"\+?[0-9 ]*[0-9][0-9 ]*")
# The column widths in desktop/models/network.py; SQLite would store longer text silently.
LIMITS = dict(name=200, relationship=120, agency=200, phone=40, email=200, language=80)
TEXT_FIELDS = (*LIMITS, "address", "notes")


class NetworkInputError(ValueError):
    """The form has mistakes; the message lists them."""


@dataclass
class ContactInput:
    kind: ContactKind = ContactKind.FAMILY
    name: str = ""
    # Family: mother, uncle, carer…; professional: their role (social worker, YOT officer…).
    relationship: str = ""
    agency: str = ""
    parental_responsibility: bool = False
    lives_with: bool = False
    phone: str = ""
    email: str = ""
    address: str = ""
    language: str = ""
    notes: str = ""

    def problems(self) -> list[str]:
        found = []
        if not self.name.strip():
            found.append("Enter the person's name.")
        if self.email.strip() and not EMAIL.fullmatch(self.email.strip()):
            found.append("The email address should look like name@example.org.")
        if self.phone.strip() and not PHONE.fullmatch(self.phone.strip()):
            found.append("A phone number may hold only digits, spaces and a leading +.")
        for name, limit in LIMITS.items():
            if len(getattr(self, name).strip()) > limit:
                found.append(f"The {name.replace('_', ' ')} is longer than {limit} characters.")
        return found

    def cleaned(self) -> ContactInput:
        return replace(self, **{name: getattr(self, name).strip() for name in TEXT_FIELDS})


@dataclass(frozen=True)
class ContactRow:
    id: int
    details: ContactInput


@dataclass(frozen=True)
class LinkRow:
    """A link as seen from one young person's record."""

    id: int
    kind: LinkKind
    other_id: int | None  # None when the other record is not open to the user
    case_reference: str | None
    name: str
    note: str
    since: date | None

    @property
    def visible(self) -> bool:
        return self.other_id is not None


@dataclass(frozen=True)
class NetworkPerson:
    id: int
    case_reference: str
    name: str
    known_as: str = ""


@dataclass(frozen=True)
class NetworkContact:
    id: int
    name: str
    relationship: str
    agency: str = ""
    parental_responsibility: bool = False
    lives_with: bool = False


@dataclass(frozen=True)
class NetworkGroup:
    id: int
    name: str


@dataclass(frozen=True)
class NetworkPlace:
    id: int
    name: str
    kind: PlaceKind


@dataclass(frozen=True)
class Network:
    """Everything the ecomap draws: plain values, readable after the session has closed."""

    centre: NetworkPerson
    family: list[NetworkContact]
    professionals: list[NetworkContact]
    young_people: list[LinkRow]
    groups: list[NetworkGroup]
    places: list[NetworkPlace]
    # Every contact in full, in the contact list's order (kind, name): the record's People tab
    # shows the diagram and the lists from this one read.
    contacts: list[ContactRow] = field(default_factory=list)

    @property
    def size(self) -> int:
        """Nodes around the centre."""
        parts = (self.family, self.professionals, self.young_people, self.groups, self.places)
        return sum(len(part) for part in parts)


class NetworkService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def _audit(
        self, session: Session, action: str, person_id: int, changed: list[str], outcome: str = ""
    ) -> None:
        audit_chain.append(
            session,
            self._clock.now(),
            self._user.username,
            action,
            "young_person",
            str(person_id),
            changed,
            outcome,
        )

    # ---- family, household and professionals --------------------------------------------
    def contacts(self, person_id: int) -> list[ContactRow]:
        with self._sessions.begin() as session:
            get_person(session, self._user, person_id, self._clock.now())
            rows = session.scalars(
                select(Contact)
                .where(Contact.young_person_id == person_id)
                .order_by(Contact.kind, Contact.name, Contact.id)
            ).all()
            return [ContactRow(row.id, _input_of(row)) for row in rows]

    def add_contact(self, person_id: int, contact: ContactInput) -> int:
        contact = _checked(contact)
        with self._sessions.begin() as session:
            get_person(session, self._user, person_id, self._clock.now())
            row = Contact(young_person_id=person_id)
            _apply(row, contact)
            session.add(row)
            session.flush()
            changed = _changed(contact, None)
            self._audit(session, actions.CONTACT_ADDED, person_id, changed, f"contact {row.id}")
            return row.id

    def update_contact(self, contact_id: int, contact: ContactInput) -> list[str]:
        """Saves the form; returns (and audits) the names of the fields that changed."""
        contact = _checked(contact)
        with self._sessions.begin() as session:
            row = self._contact(session, contact_id)
            changed = _changed(contact, _input_of(row))
            if changed:
                _apply(row, contact)
                outcome = f"contact {row.id}"
                self._audit(session, actions.CONTACT_UPDATED, row.young_person_id, changed, outcome)
            return changed

    def remove_contact(self, contact_id: int) -> None:
        with self._sessions.begin() as session:
            row = self._contact(session, contact_id)
            session.delete(row)
            outcome = f"contact {row.id}"
            self._audit(session, actions.CONTACT_REMOVED, row.young_person_id, ["contact"], outcome)

    def _contact(self, session: Session, contact_id: int) -> Contact:
        row = session.get(Contact, contact_id)
        if row is None:
            raise RecordNotFoundError()
        get_person(session, self._user, row.young_person_id, self._clock.now())
        return row

    # ---- links between young people ------------------------------------------------------
    def link(
        self,
        person_id: int,
        other_id: int,
        kind: LinkKind,
        note: str = "",
        since: date | None = None,
    ) -> int:
        """Links two young people whose records are both open to the user."""
        if person_id == other_id:
            raise NetworkInputError("A young person cannot be linked to themselves.")
        if since is not None and since > self._clock.now().date():
            raise NetworkInputError("The link cannot start in the future.")
        first, second = sorted((person_id, other_id))
        with self._sessions.begin() as session:
            get_person(session, self._user, first, self._clock.now())
            get_person(session, self._user, second, self._clock.now())
            duplicate = session.scalar(
                select(PersonLink.id).where(
                    PersonLink.first_id == first,
                    PersonLink.second_id == second,
                    PersonLink.kind == kind,
                )
            )
            if duplicate is not None:
                raise NetworkInputError(f"They are already linked as {kind.label.lower()}.")
            row = PersonLink(
                first_id=first,
                second_id=second,
                kind=kind,
                note=note.strip(),
                since=since,
                created_at=self._clock.now(),
            )
            session.add(row)
            session.flush()
            # One entry for each record, so either person's audit trail shows the link.
            for who, other in ((first, second), (second, first)):
                self._audit(
                    session, actions.PEOPLE_LINKED, who, _link_fields(row), f"young_person {other}"
                )
            return row.id

    def unlink(self, person_id: int, link_id: int) -> None:
        """Removes a link; both records must be open to the user, as they were to make it."""
        with self._sessions.begin() as session:
            get_person(session, self._user, person_id, self._clock.now())
            row = session.get(PersonLink, link_id)
            if row is None or person_id not in (row.first_id, row.second_id):
                raise RecordNotFoundError()
            for who in (row.first_id, row.second_id):
                get_person(session, self._user, who, self._clock.now())
            session.delete(row)
            pair = (row.first_id, row.second_id)
            for who, other in (pair, pair[::-1]):
                self._audit(
                    session, actions.PEOPLE_UNLINKED, who, ["kind"], f"young_person {other}"
                )

    def links(self, person_id: int) -> list[LinkRow]:
        with self._sessions.begin() as session:
            get_person(session, self._user, person_id, self._clock.now())
            return self._links(session, person_id)

    def _links(self, session: Session, person_id: int) -> list[LinkRow]:
        """One statement: each link with the other person, and whether the user may see them."""
        other_id = case(
            (PersonLink.first_id == person_id, PersonLink.second_id), else_=PersonLink.first_id
        )
        visible = case((visible_people(self._user, self._clock.now()), 1), else_=0)
        rows = session.execute(
            select(
                PersonLink.id,
                PersonLink.kind,
                PersonLink.note,
                PersonLink.since,
                YoungPerson.id.label("other_id"),
                YoungPerson.case_reference,
                YoungPerson.given_name,
                YoungPerson.family_name,
                visible.label("visible"),
            )
            .join(YoungPerson, YoungPerson.id == other_id)
            .where(or_(PersonLink.first_id == person_id, PersonLink.second_id == person_id))
        ).all()
        links = [_link_row(r) for r in rows]
        return sorted(links, key=lambda link: (not link.visible, link.name.casefold(), link.id))

    # ---- the diagram ---------------------------------------------------------------------
    def network(self, person_id: int) -> Network:
        """The whole network in five statements, however many people and places it holds; with
        the contacts and links for the lists beside the diagram."""
        today = self._clock.now().date()
        with self._sessions.begin() as session:
            person = get_person(session, self._user, person_id, self._clock.now())
            centre = NetworkPerson(
                person.id,
                person.case_reference,
                f"{person.given_name} {person.family_name}",
                person.known_as,
            )
            contacts = session.scalars(
                select(Contact)
                .where(Contact.young_person_id == person_id)
                .order_by(Contact.name, Contact.id)
            ).all()
            links = self._links(session, person_id)
            groups = session.execute(
                select(PeerGroup.id, PeerGroup.name)
                .join(GroupLink, GroupLink.group_id == PeerGroup.id)
                .where(GroupLink.young_person_id == person_id, current_link(GROUPS, today))
                .distinct()
                .order_by(PeerGroup.name)
            ).all()
            places = session.execute(
                select(Place.id, Place.name, Place.kind)
                .join(PlaceLink, PlaceLink.place_id == Place.id)
                .where(PlaceLink.young_person_id == person_id, current_link(PLACES, today))
                .distinct()
                .order_by(Place.name)
            ).all()
        people = {
            kind: [
                NetworkContact(
                    c.id, c.name, c.relationship, c.agency, c.parental_responsibility, c.lives_with
                )
                for c in contacts
                if c.kind is kind
            ]
            for kind in ContactKind
        }
        return Network(
            centre,
            people[ContactKind.FAMILY],
            people[ContactKind.PROFESSIONAL],
            links,
            [NetworkGroup(g.id, g.name) for g in groups],
            [NetworkPlace(p.id, p.name, p.kind) for p in places],
            [
                ContactRow(c.id, _input_of(c))
                for c in sorted(contacts, key=lambda c: (c.kind.value, c.name, c.id))
            ],
        )


def _link_row(r: Row[Any]) -> LinkRow:
    if not r.visible:
        # The note is left out too: it was written about both of them.
        return LinkRow(r.id, r.kind, None, None, HIDDEN_PERSON, "", r.since)
    name = f"{r.given_name} {r.family_name}"
    return LinkRow(r.id, r.kind, r.other_id, r.case_reference, name, r.note, r.since)


def _checked(contact: ContactInput) -> ContactInput:
    found = contact.problems()
    if found:
        raise NetworkInputError(" ".join(found))
    return contact.cleaned()


def _input_of(row: Contact) -> ContactInput:
    return ContactInput(**{f.name: getattr(row, f.name) for f in fields(ContactInput)})


def _apply(row: Contact, contact: ContactInput) -> None:
    for f in fields(ContactInput):
        setattr(row, f.name, getattr(contact, f.name))


def _changed(new: ContactInput, old: ContactInput | None) -> list[str]:
    base = old if old is not None else ContactInput(kind=new.kind)
    changed = [
        f.name for f in fields(ContactInput) if getattr(new, f.name) != getattr(base, f.name)
    ]
    return changed if old is not None else ["kind", *changed]


def _link_fields(row: PersonLink) -> list[str]:
    return ["kind"] + (["note"] if row.note else []) + (["since"] if row.since else [])

"""The partners directory: organisations the unit works with, their contacts, the communities
and languages they serve, and the history of joint work (activities they were part of, insight
reports shared with them, and dated notes). Anyone whose role has Community may use it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.models.accounts import Account
from desktop.models.choices import ActivityKind, PartnerKind
from desktop.models.community import (
    ActivityPartner,
    EngagementActivity,
    Partner,
    PartnerContact,
    PartnerNote,
    ReportShare,
)
from desktop.services import actions
from desktop.services.community_common import (
    NAME_LENGTH,
    CommunityInputError,
    CommunityServiceBase,
    filled,
    join_lines,
    refuse,
    split_lines,
    too_long,
)
from desktop.services.field_changes import apply_changes
from desktop.services.record_access import RecordNotFoundError

__all__ = [
    "CommunityInputError",
    "ContactInput",
    "ContactRow",
    "JointWork",
    "PartnerInput",
    "PartnerRow",
    "PartnerService",
    "PartnerView",
]

PARTNER_FIELDS = ("name", "kind", "area", "communities", "languages", "description")


@dataclass(frozen=True)
class PartnerInput:
    name: str
    kind: PartnerKind
    area: str = ""
    communities: tuple[str, ...] = ()  # e.g. "Iraqi Kurdish", "Sudanese"
    languages: tuple[str, ...] = ()  # e.g. "Kurdish (Sorani)", "Arabic"
    description: str = ""

    def problems(self) -> list[str]:
        found = [] if self.name.strip() else ["Give the organisation's name."]
        found += too_long(self.name, NAME_LENGTH, "The name")
        return found + too_long(self.area, NAME_LENGTH, "The area")


@dataclass(frozen=True)
class ContactInput:
    name: str
    role: str = ""
    phone: str = ""
    email: str = ""

    def problems(self, number: int) -> list[str]:
        found = [] if self.name.strip() else [f"Contact {number} has no name."]
        found += too_long(self.name, NAME_LENGTH, f"Contact {number}'s name")
        found += too_long(self.role, NAME_LENGTH, f"Contact {number}'s role")
        found += too_long(self.phone, 60, f"Contact {number}'s phone number")
        found += too_long(self.email, NAME_LENGTH, f"Contact {number}'s email address")
        if self.email.strip() and "@" not in self.email:
            found.append(f"Contact {number}'s email address has no @.")
        return found


@dataclass(frozen=True)
class ContactRow:
    id: int
    name: str
    role: str
    phone: str
    email: str


@dataclass(frozen=True)
class JointWork:
    """One line in the history of joint work, newest first."""

    on: date
    what: str  # "activity", "report_shared" or "note"
    text: str  # the activity's title and kind, or the note
    activity_id: int | None = None
    author: str = ""


@dataclass(frozen=True)
class PartnerRow:
    id: int
    name: str
    kind: PartnerKind
    area: str
    communities: tuple[str, ...]
    languages: tuple[str, ...]
    active: bool
    contacts: int
    activities: int
    last_worked_on: date | None  # the latest activity together


@dataclass(frozen=True)
class PartnerView:
    id: int
    name: str
    kind: PartnerKind
    area: str
    communities: tuple[str, ...]
    languages: tuple[str, ...]
    description: str
    active: bool
    contacts: list[ContactRow]
    history: list[JointWork]

    def details(self) -> PartnerInput:
        return PartnerInput(
            self.name, self.kind, self.area, self.communities, self.languages, self.description
        )


class PartnerService(CommunityServiceBase):
    def partners(
        self, kind: PartnerKind | None = None, search: str = "", include_inactive: bool = False
    ) -> list[PartnerRow]:
        """Partners by name; search matches the name, area, communities or languages."""
        self._require()
        query = select(Partner)
        if kind is not None:
            query = query.where(Partner.kind == kind)
        if not include_inactive:
            query = query.where(Partner.active.is_(True))
        typed = search.strip()
        if typed:
            pattern = f"%{typed}%"
            query = query.where(
                or_(
                    Partner.name.ilike(pattern),
                    Partner.area.ilike(pattern),
                    Partner.communities.ilike(pattern),
                    Partner.languages.ilike(pattern),
                )
            )
        with self._sessions.begin() as session:
            found = list(session.execute(query.order_by(Partner.name, Partner.id)).scalars())
            ids = [p.id for p in found]
            contacts: dict[int, int] = dict(
                session.execute(
                    select(PartnerContact.partner_id, func.count())
                    .where(PartnerContact.partner_id.in_(ids))
                    .group_by(PartnerContact.partner_id)
                ).all()
            )
            work: dict[int, tuple[int, date | None]] = {
                partner_id: (count, last)
                for partner_id, count, last in session.execute(
                    select(
                        ActivityPartner.partner_id,
                        func.count(),
                        func.max(EngagementActivity.held_on),
                    )
                    .join(EngagementActivity, EngagementActivity.id == ActivityPartner.activity_id)
                    .where(ActivityPartner.partner_id.in_(ids))
                    .group_by(ActivityPartner.partner_id)
                )
            }
            return [
                PartnerRow(
                    p.id,
                    p.name,
                    p.kind,
                    p.area,
                    split_lines(p.communities),
                    split_lines(p.languages),
                    p.active,
                    contacts.get(p.id, 0),
                    work.get(p.id, (0, None))[0],
                    work.get(p.id, (0, None))[1],
                )
                for p in found
            ]

    def partner(self, partner_id: int) -> PartnerView:
        with self._sessions.begin() as session:
            partner = self._partner(session, partner_id)
            contacts = [
                ContactRow(c.id, c.name, c.role, c.phone, c.email)
                for c in session.execute(
                    select(PartnerContact)
                    .where(PartnerContact.partner_id == partner.id)
                    .order_by(PartnerContact.id)
                ).scalars()
            ]
            return PartnerView(
                partner.id,
                partner.name,
                partner.kind,
                partner.area,
                split_lines(partner.communities),
                split_lines(partner.languages),
                partner.description,
                partner.active,
                contacts,
                _history(session, partner.id),
            )

    def create_partner(self, details: PartnerInput) -> int:
        self._require()
        refuse(details.problems())
        with self._sessions.begin() as session:
            now = self._clock.now()
            partner = Partner(created_by_id=self._user.account_id, created_at=now, updated_at=now)
            for name, value in _values(details).items():
                setattr(partner, name, value)
            session.add(partner)
            session.flush()
            self._audit(
                session,
                actions.PARTNER_CREATED,
                "partner",
                partner.id,
                filled(partner, PARTNER_FIELDS),
            )
            return partner.id

    def update_partner(self, partner_id: int, details: PartnerInput) -> list[str]:
        """Saves the partner's details; returns the names of the fields that changed."""
        refuse(details.problems())
        with self._sessions.begin() as session:
            partner = self._partner(session, partner_id)
            new = _values(details)
            changed = apply_changes(partner, new, PARTNER_FIELDS)
            if changed:
                partner.updated_at = self._clock.now()
                self._audit(session, actions.PARTNER_UPDATED, "partner", partner.id, changed)
            return changed

    def set_active(self, partner_id: int, active: bool) -> None:
        """A partner no longer worked with leaves the list but keeps its history."""
        with self._sessions.begin() as session:
            partner = self._partner(session, partner_id)
            if partner.active is active:
                return
            partner.active = active
            partner.updated_at = self._clock.now()
            self._audit(session, actions.PARTNER_UPDATED, "partner", partner.id, ["active"])

    def set_contacts(self, partner_id: int, contacts: Sequence[ContactInput]) -> None:
        """Replaces the partner's list of contacts."""
        refuse([p for n, c in enumerate(contacts, 1) for p in c.problems(n)])
        with self._sessions.begin() as session:
            partner = self._partner(session, partner_id)
            old = list(
                session.execute(
                    select(PartnerContact)
                    .where(PartnerContact.partner_id == partner.id)
                    .order_by(PartnerContact.id)
                ).scalars()
            )
            new = [
                (c.name.strip(), c.role.strip(), c.phone.strip(), c.email.strip()) for c in contacts
            ]
            if [(c.name, c.role, c.phone, c.email) for c in old] == new:
                return
            for contact in old:
                session.delete(contact)
            for name, role, phone, email in new:
                session.add(
                    PartnerContact(
                        partner_id=partner.id, name=name, role=role, phone=phone, email=email
                    )
                )
            partner.updated_at = self._clock.now()
            self._audit(session, actions.PARTNER_CONTACTS_SET, "partner", partner.id, ["contacts"])

    def add_note(self, partner_id: int, noted_on: date, text: str) -> int:
        """A dated note in the history of joint work (a call, a visit, a plan made together)."""
        if not text.strip():
            raise CommunityInputError("Write the note.")
        if noted_on > self._today():
            raise CommunityInputError("The note's date is in the future.")
        with self._sessions.begin() as session:
            partner = self._partner(session, partner_id)
            note = PartnerNote(
                partner_id=partner.id,
                noted_on=noted_on,
                text=text.strip(),
                author_id=self._user.account_id,
                created_at=self._clock.now(),
            )
            session.add(note)
            session.flush()
            self._audit(
                session, actions.PARTNER_NOTE_ADDED, "partner_note", note.id, ["noted_on", "text"]
            )
            return note.id

    def _partner(self, session: Session, partner_id: int) -> Partner:
        self._require()
        partner = session.get(Partner, partner_id)
        if partner is None:
            raise RecordNotFoundError()
        return partner


def _values(details: PartnerInput) -> dict[str, Any]:
    return {
        "name": " ".join(details.name.split()),
        "kind": details.kind,
        "area": details.area.strip(),
        "communities": join_lines(details.communities),
        "languages": join_lines(details.languages),
        "description": details.description.strip(),
    }


def _history(session: Session, partner_id: int) -> list[JointWork]:
    found: list[JointWork] = []
    for activity_id, title, kind, held_on in session.execute(
        select(
            EngagementActivity.id,
            EngagementActivity.title,
            EngagementActivity.kind,
            EngagementActivity.held_on,
        )
        .join(ActivityPartner, ActivityPartner.activity_id == EngagementActivity.id)
        .where(ActivityPartner.partner_id == partner_id)
    ):
        assert isinstance(kind, ActivityKind)
        found.append(JointWork(held_on, "activity", f"{title} ({kind.label})", activity_id))
    for activity_id, title, shared_on in session.execute(
        select(ReportShare.activity_id, EngagementActivity.title, ReportShare.shared_on)
        .join(EngagementActivity, EngagementActivity.id == ReportShare.activity_id)
        .where(ReportShare.partner_id == partner_id)
    ):
        found.append(
            JointWork(shared_on, "report_shared", f"Insight report shared: {title}", activity_id)
        )
    for noted_on, text, author in session.execute(
        select(PartnerNote.noted_on, PartnerNote.text, Account.display_name)
        .join(Account, Account.id == PartnerNote.author_id)
        .where(PartnerNote.partner_id == partner_id)
    ):
        found.append(JointWork(noted_on, "note", text, None, author))
    return sorted(found, key=lambda w: w.on, reverse=True)

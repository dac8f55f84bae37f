"""Gathering for a request whose subject is a family member (a contact): their contact records
(the same name among the family contacts on records this user may open), therapy they took part
in, and chronology entries that name them."""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models.choices import ContactKind
from desktop.models.chronology import ChronologyEntry
from desktop.models.data_protection import SubjectAccessRequest
from desktop.models.network import Contact
from desktop.models.people import YoungPerson
from desktop.models.therapy import SessionAttendance, TherapyCaseContact, TherapySession
from desktop.services.current_user import CurrentUser
from desktop.services.record_access import visible_people
from desktop.services.sar_items import Gathered, SarItem, SubjectNotFoundError
from desktop.services.sar_items_caseload import chronology_item
from desktop.services.sar_items_network import contact_item, full_name
from desktop.services.sar_items_person import staff_names
from desktop.services.sar_items_protection import earlier_requests
from desktop.services.sar_items_therapy import therapy_items
from desktop.services.text_folding import fold


def gather_contact(
    session: Session, user: CurrentUser, request: SubjectAccessRequest, now: datetime
) -> Gathered:
    chosen = session.execute(
        select(Contact)
        .join(YoungPerson, YoungPerson.id == Contact.young_person_id)
        .where(Contact.id == request.contact_id, visible_people(user, now))
    ).scalar_one_or_none()
    if chosen is None:
        raise SubjectNotFoundError()
    staff = staff_names(session)
    name = chosen.name.strip()
    # The same family member is often a contact on each child's record.
    same = session.execute(
        select(Contact, YoungPerson)
        .join(YoungPerson, YoungPerson.id == Contact.young_person_id)
        .where(
            func.lower(Contact.name) == name.lower(),
            Contact.kind == ContactKind.FAMILY,
            visible_people(user, now),
        )
    )
    contacts: dict[int, tuple[Contact, YoungPerson]] = dict(
        (contact.id, (contact, person)) for contact, person in same.all()
    )
    owner = session.get(YoungPerson, chosen.young_person_id)
    if chosen.id not in contacts and owner is not None:  # chosen, though not a family contact
        contacts[chosen.id] = (chosen, owner)
    items: list[SarItem] = [
        contact_item(contact, f"{full_name(person)} ({person.case_reference})")
        for _id, (contact, person) in sorted(contacts.items())
    ]
    ids = set(contacts)
    members = select(TherapyCaseContact.case_id).where(TherapyCaseContact.contact_id.in_(ids))
    attended = (
        select(TherapySession.case_id)
        .join(SessionAttendance)
        .where(SessionAttendance.contact_id.in_(ids))
    )
    cases = {*session.execute(members).scalars(), *session.execute(attended).scalars()}
    therapy, process_notes = therapy_items(session, cases, (), ids, staff)
    items.extend(therapy)
    items.extend(_mentions(session, user, now, name, staff))
    items.extend(earlier_requests(session, SubjectAccessRequest.contact_id.in_(ids), request.id))
    own = (name, *(detail for c, _p in contacts.values() for detail in (c.phone, c.email)))
    return Gathered(tuple(items), process_notes, name, tuple(own))


def _mentions(
    session: Session, user: CurrentUser, now: datetime, name: str, staff: dict[int, str]
) -> list[SarItem]:
    """Chronology entries naming them (whole words, any case), on records this user may open."""
    folded = fold(name)
    if len(folded) < 3:
        return []
    pattern = re.compile(rf"(?<!\w){re.escape(folded)}(?!\w)")
    rows = (
        select(ChronologyEntry)
        .join(YoungPerson, YoungPerson.id == ChronologyEntry.young_person_id)
        .where(
            ChronologyEntry.deleted_at.is_(None),
            # search_fold holds summary and detail; analysis is checked below.
            (ChronologyEntry.search_fold.contains(folded, autoescape=True))
            | (func.lower(ChronologyEntry.analysis).contains(name.lower(), autoescape=True)),
            visible_people(user, now),
        )
    )
    found = []
    for entry in session.execute(rows).scalars():
        words = fold(f"{entry.summary}\n{entry.detail}\n{entry.analysis}")
        if pattern.search(words):
            found.append(chronology_item(entry, staff))
    return found

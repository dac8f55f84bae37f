"""A therapy case's household: the young people and family contacts linked to it, and which
of them an attendance mark is about."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.network import Contact
from desktop.models.people import YoungPerson
from desktop.models.therapy import SessionAttendance, TherapyCaseContact, TherapyCasePerson
from desktop.services.therapy_records import Member, MemberRow


def case_members(session: Session, case_id: int) -> list[MemberRow]:
    """The household: the young people, then the family contacts, in the order linked."""
    people = session.execute(
        select(YoungPerson)
        .join(TherapyCasePerson, TherapyCasePerson.young_person_id == YoungPerson.id)
        .where(TherapyCasePerson.case_id == case_id)
        .order_by(YoungPerson.id)
    ).scalars()
    contacts = session.execute(
        select(Contact)
        .join(TherapyCaseContact, TherapyCaseContact.contact_id == Contact.id)
        .where(TherapyCaseContact.case_id == case_id)
        .order_by(Contact.id)
    ).scalars()
    return [
        MemberRow(Member("young_person", p.id), f"{p.given_name} {p.family_name}", "Young person")
        for p in people
    ] + [MemberRow(Member("contact", c.id), c.name, c.relationship) for c in contacts]


def member_of(mark: SessionAttendance) -> Member:
    if mark.young_person_id is not None:
        return Member("young_person", mark.young_person_id)
    return Member("contact", mark.contact_id or 0)

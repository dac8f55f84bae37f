"""Subject access items about the people and places around a young person: their contacts
(family and professionals), links to other young people, peer groups and places."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.models.contextual import GroupLink, PeerGroup, Place, PlaceLink
from desktop.models.network import Contact, PersonLink
from desktop.models.people import YoungPerson
from desktop.services import sar_items as s
from desktop.services.sar_items import SarItem, text_of, when


def full_name(person: YoungPerson) -> str:
    return f"{person.given_name} {person.family_name}".strip()


def contact_item(contact: Contact, linked_to: str = "") -> SarItem:
    return SarItem(
        f"contacts:{contact.id}",
        s.NETWORK if not linked_to else s.DETAILS,
        "Contact",
        None,
        f"{contact.name} ({contact.relationship or contact.kind.label})",
        text_of(
            [
                ("Name", contact.name),
                ("Kind", contact.kind.label),
                ("Relationship", contact.relationship),
                ("Linked to the record of", linked_to),
                ("Agency", contact.agency),
                ("Parental responsibility", "Yes" if contact.parental_responsibility else ""),
                ("Lives with the young person", "Yes" if contact.lives_with else ""),
                ("Phone", contact.phone),
                ("Email", contact.email),
                ("Address", contact.address.replace("\n", ", ")),
                ("Language", contact.language),
            ],
            [("Notes", contact.notes)],
        ),
    )


def network_items(session: Session, pid: int) -> list[SarItem]:
    contacts = session.execute(select(Contact).where(Contact.young_person_id == pid)).scalars()
    items = [contact_item(contact) for contact in contacts]
    links = select(PersonLink).where(or_(PersonLink.first_id == pid, PersonLink.second_id == pid))
    for link in session.execute(links).scalars().all():
        other = session.get(YoungPerson, link.second_id if link.first_id == pid else link.first_id)
        name = full_name(other) if other is not None else ""
        items.append(
            SarItem(
                f"person_links:{link.id}",
                s.NETWORK,
                "Link to another young person",
                link.since,
                f"{link.kind.label}: {name}",
                text_of(
                    [("Link", link.kind.label), ("With", name), ("Since", when(link.since))],
                    [("Note", link.note)],
                ),
            )
        )
    return items


def context_items(session: Session, pid: int) -> list[SarItem]:
    items = []
    groups = select(GroupLink, PeerGroup.name).join(PeerGroup)
    for link, name in session.execute(groups.where(GroupLink.young_person_id == pid)):
        items.append(
            SarItem(
                f"group_links:{link.id}",
                s.CONTEXT,
                "Peer group",
                link.since,
                f"Peer group: {name}",
                text_of(
                    [
                        ("Group", name),
                        ("Since", when(link.since)),
                        ("Until", when(link.until)),
                        ("Source", link.source),
                    ]
                ),
            )
        )
    places = select(PlaceLink, Place.name, Place.postcode).join(Place)
    for place_link, name, postcode in session.execute(
        places.where(PlaceLink.young_person_id == pid)
    ):
        items.append(
            SarItem(
                f"place_links:{place_link.id}",
                s.CONTEXT,
                "Place",
                place_link.since,
                f"Place: {name}",
                text_of(
                    [
                        ("Place", name),
                        ("Postcode", postcode),
                        ("Since", when(place_link.since)),
                        ("Until", when(place_link.until)),
                        ("Source", place_link.source),
                    ]
                ),
            )
        )
    return items

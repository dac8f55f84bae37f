"""People around a young person: contacts with validation, links between young people stored
once, what a user who may not see the other record is told, and the diagram's network."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event, select

from desktop.models.accounts import Role
from desktop.models.audit import AuditEntry
from desktop.models.choices import ContactKind, LinkKind, PlaceKind
from desktop.models.network import PersonLink
from desktop.services import actions
from desktop.services.context_service import ContextService
from desktop.services.current_user import CurrentUser
from desktop.services.network_service import (
    HIDDEN_PERSON,
    ContactInput,
    NetworkInputError,
    NetworkService,
)
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.services.sign_in_service import SignedIn
from tests.conftest import AddAccount, FakeClock

MOTHER = ContactInput(
    ContactKind.FAMILY,
    "Amina Hassan",
    "Mother",
    parental_responsibility=True,
    lives_with=True,
    phone="+44 7700 900123",
    email="amina@example.org",
    language="Somali",
)
SOCIAL_WORKER = ContactInput(ContactKind.PROFESSIONAL, "Jo Bright", "Social worker", "Children's")


@pytest.fixture
def signed_in(coordinator: tuple[SignedIn, str]) -> SignedIn:
    return coordinator[0]


@pytest.fixture
def people(signed_in: SignedIn, clock: FakeClock) -> PeopleService:
    return PeopleService(signed_in.vault.sessions, signed_in.user, clock)


@pytest.fixture
def network(signed_in: SignedIn, clock: FakeClock) -> NetworkService:
    return NetworkService(signed_in.vault.sessions, signed_in.user, clock)


def _audit(signed_in: SignedIn, action: str) -> list[AuditEntry]:
    with signed_in.vault.sessions.begin() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.action == action)).all()
        session.expunge_all()
        return list(rows)


def test_contacts_are_checked_before_they_are_saved(
    people: PeopleService, network: NetworkService
) -> None:
    person = people.create(PersonDetails("Dana", "Reid"))
    with pytest.raises(NetworkInputError, match="Enter the person's name"):
        network.add_contact(person, ContactInput(name="  "))
    with pytest.raises(NetworkInputError, match="email address"):
        network.add_contact(person, ContactInput(name="A", email="amina.example.org"))
    for phone in ("07700-900123", "0770 ext 3", "44+7700"):
        with pytest.raises(NetworkInputError, match="phone number"):
            network.add_contact(person, ContactInput(name="A", phone=phone))
    with pytest.raises(NetworkInputError, match="longer than 40"):
        network.add_contact(person, ContactInput(name="A", phone="1" * 41))
    assert network.contacts(person) == []


def test_contacts_are_added_changed_and_removed_with_field_names_audited(
    people: PeopleService, network: NetworkService, signed_in: SignedIn
) -> None:
    person = people.create(PersonDetails("Dana", "Reid"))
    mother = network.add_contact(person, replace(MOTHER, name=" Amina Hassan "))
    worker = network.add_contact(person, SOCIAL_WORKER)
    rows = network.contacts(person)
    assert [(r.id, r.details.name) for r in rows] == [
        (mother, "Amina Hassan"),
        (worker, "Jo Bright"),
    ]
    assert rows[0].details == MOTHER

    changed = replace(MOTHER, phone="020 7946 0000", lives_with=False)
    assert network.update_contact(mother, changed) == ["lives_with", "phone"]
    assert network.update_contact(mother, changed) == []  # nothing to save, nothing audited
    network.remove_contact(worker)
    assert [r.details.name for r in network.contacts(person)] == ["Amina Hassan"]

    added = _audit(signed_in, actions.CONTACT_ADDED)
    assert [(a.entity_type, a.entity_id) for a in added] == [("young_person", str(person))] * 2
    assert set(added[0].fields.split(",")) >= {"name", "relationship", "phone", "email"}
    [updated] = _audit(signed_in, actions.CONTACT_UPDATED)
    assert updated.fields == "lives_with,phone"
    assert len(_audit(signed_in, actions.CONTACT_REMOVED)) == 1
    # Names of fields only: no value reaches the audit log.
    for entry in added + [updated]:
        assert "Amina" not in entry.fields + entry.outcome
        assert "7946" not in entry.fields + entry.outcome


def test_a_link_is_stored_once_lower_id_first_and_a_kind_only_once(
    people: PeopleService, network: NetworkService, signed_in: SignedIn
) -> None:
    first = people.create(PersonDetails("Ali", "Khan"))
    second = people.create(PersonDetails("Ben", "Okafor"))
    link_id = network.link(second, first, LinkKind.ASSOCIATE, "Seen together", date(2024, 6, 1))
    with signed_in.vault.sessions.begin() as session:
        stored = session.get(PersonLink, link_id)
        assert stored is not None
        assert (stored.first_id, stored.second_id) == (first, second)
    for a, b in ((first, second), (second, first)):
        with pytest.raises(NetworkInputError, match="already linked as associate"):
            network.link(a, b, LinkKind.ASSOCIATE)
    network.link(first, second, LinkKind.SIBLING)  # another kind of link is another fact
    with pytest.raises(NetworkInputError, match="themselves"):
        network.link(first, first, LinkKind.ASSOCIATE)

    from_first = network.links(first)
    assert {(r.kind, r.other_id, r.name) for r in from_first} == {
        (LinkKind.ASSOCIATE, second, "Ben Okafor"),
        (LinkKind.SIBLING, second, "Ben Okafor"),
    }
    assert {(r.kind, r.other_id) for r in network.links(second)} == {
        (LinkKind.ASSOCIATE, first),
        (LinkKind.SIBLING, first),
    }
    linked = _audit(signed_in, actions.PEOPLE_LINKED)
    assert {(a.entity_id, a.outcome) for a in linked} == {
        (str(first), f"young_person {second}"),
        (str(second), f"young_person {first}"),
    }
    network.unlink(second, link_id)
    assert [r.kind for r in network.links(first)] == [LinkKind.SIBLING]
    assert len(_audit(signed_in, actions.PEOPLE_UNLINKED)) == 2


@pytest.fixture
def advocate(add_account: AddAccount) -> CurrentUser:
    return add_account(Role.ADVOCATE)


def test_a_link_to_someone_off_your_caseload_shows_that_it_exists_and_nothing_else(
    people: PeopleService,
    network: NetworkService,
    signed_in: SignedIn,
    clock: FakeClock,
    advocate: CurrentUser,
) -> None:
    hers = people.create(PersonDetails("Maya", "Lewis", key_worker_id=advocate.account_id))
    other = people.create(PersonDetails("Secret", "Person", known_as="Ghost"))
    link_id = network.link(hers, other, LinkKind.VICTIM_PERPETRATOR, "Secret said so")
    network.add_contact(other, MOTHER)
    as_advocate = NetworkService(signed_in.vault.sessions, advocate, clock)

    [row] = as_advocate.links(hers)
    assert (row.kind, row.other_id, row.case_reference, row.name, row.note, row.visible) == (
        LinkKind.VICTIM_PERPETRATOR,
        None,
        None,
        HIDDEN_PERSON,
        "",
        False,
    )
    [seen] = as_advocate.network(hers).young_people
    assert seen == row
    assert "Secret" not in repr(as_advocate.network(hers))
    # Neither end of the link may be changed from a record that is not hers.
    for refused in (
        lambda: as_advocate.unlink(hers, link_id),
        lambda: as_advocate.link(hers, other, LinkKind.ASSOCIATE),
        lambda: as_advocate.links(other),
        lambda: as_advocate.contacts(other),
        lambda: as_advocate.add_contact(other, SOCIAL_WORKER),
        lambda: as_advocate.update_contact(network.contacts(other)[0].id, SOCIAL_WORKER),
        lambda: as_advocate.remove_contact(network.contacts(other)[0].id),
    ):
        with pytest.raises(RecordNotFoundError):
            refused()
    assert len(network.links(hers)) == 1
    assert network.links(hers)[0].name == "Secret Person"


@pytest.mark.parametrize("role", [Role.ANALYST, Role.COMMUNITY_OFFICER])
def test_roles_without_the_caseload_reach_no_network(
    role: Role,
    people: PeopleService,
    signed_in: SignedIn,
    clock: FakeClock,
    add_account: AddAccount,
) -> None:
    person = people.create(PersonDetails("Dana", "Reid"))
    service = NetworkService(signed_in.vault.sessions, add_account(role), clock)
    for call in (
        lambda: service.contacts(person),
        lambda: service.network(person),
        lambda: service.add_contact(person, MOTHER),
    ):
        with pytest.raises(PermissionDeniedError):
            call()


def test_the_network_holds_everyone_around_the_young_person(
    people: PeopleService, network: NetworkService, signed_in: SignedIn, clock: FakeClock
) -> None:
    context = ContextService(signed_in.vault.sessions, signed_in.user, clock)
    centre = people.create(PersonDetails("Dana", "Reid", known_as="D"))
    brother = people.create(PersonDetails("Kai", "Reid"))
    network.add_contact(centre, MOTHER)
    network.add_contact(centre, SOCIAL_WORKER)
    network.link(centre, brother, LinkKind.SIBLING)
    crew = context.create_group("Northside crew")
    old_crew = context.create_group("Old crew")
    park = context.create_place("Ravens Park", PlaceKind.PARK, "e1 6an")
    context.link_group(centre, crew, date(2024, 1, 1))
    context.link_group(centre, old_crew, date(2023, 1, 1), date(2024, 1, 1))  # ended
    context.link_place(centre, park)

    result = network.network(centre)
    assert (result.centre.name, result.centre.known_as) == ("Dana Reid", "D")
    assert [c.name for c in result.family] == ["Amina Hassan"]
    assert result.family[0].parental_responsibility and result.family[0].lives_with
    assert [(c.name, c.agency) for c in result.professionals] == [("Jo Bright", "Children's")]
    assert [(p.name, p.kind) for p in result.young_people] == [("Kai Reid", LinkKind.SIBLING)]
    assert [g.name for g in result.groups] == ["Northside crew"]
    assert [(p.name, p.kind) for p in result.places] == [("Ravens Park", PlaceKind.PARK)]
    assert result.size == 5


@pytest.fixture
def statements(signed_in: SignedIn) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(*args: Any) -> None:
        seen.append(args[2])

    event.listen(signed_in.vault.engine, "before_cursor_execute", count)
    yield seen
    event.remove(signed_in.vault.engine, "before_cursor_execute", count)


def test_the_network_takes_the_same_statements_however_large_it_is(
    people: PeopleService,
    network: NetworkService,
    signed_in: SignedIn,
    clock: FakeClock,
    statements: list[str],
) -> None:
    context = ContextService(signed_in.vault.sessions, signed_in.user, clock)
    small, large = people.create(PersonDetails("S", "Mall")), people.create(PersonDetails("L", "A"))
    for size, person in ((1, small), (6, large)):
        for n in range(size):
            network.add_contact(person, ContactInput(ContactKind.FAMILY, f"Relative {n}"))
            network.add_contact(person, ContactInput(ContactKind.PROFESSIONAL, f"Pro {n}"))
            friend = people.create(PersonDetails("Friend", f"{person}-{n}"))
            network.link(person, friend, LinkKind.ASSOCIATE)
            context.link_group(person, context.create_group(f"Group {person}-{n}"))
            context.link_place(person, context.create_place(f"Place {person}-{n}"))
    statements.clear()
    assert network.network(small).size == 5
    small_count = len(statements)
    statements.clear()
    assert network.network(large).size == 30
    assert len(statements) == small_count
    assert sum(statement.lstrip().startswith("SELECT") for statement in statements) == 5

"""Groups and places as records of their own: names that clash, who may create them, links with
dates and source, and pages that show only the young people and incidents a user may see."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from desktop.models.accounts import Role
from desktop.models.audit import AuditEntry
from desktop.models.choices import EntryType, PlaceKind
from desktop.models.chronology import ChronologyEntry
from desktop.services import actions
from desktop.services.context_service import ContextInputError, ContextService
from desktop.services.current_user import CurrentUser
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.permissions import ROLE_SECTIONS, PermissionDeniedError, Section
from desktop.services.record_access import RecordNotFoundError
from desktop.services.sign_in_service import SignedIn
from tests.conftest import FIXED_NOW, AddAccount, FakeClock


@pytest.fixture
def signed_in(coordinator: tuple[SignedIn, str]) -> SignedIn:
    return coordinator[0]


@pytest.fixture
def people(signed_in: SignedIn, clock: FakeClock) -> PeopleService:
    return PeopleService(signed_in.vault.sessions, signed_in.user, clock)


@pytest.fixture
def context(signed_in: SignedIn, clock: FakeClock) -> ContextService:
    return ContextService(signed_in.vault.sessions, signed_in.user, clock)


def _actions(signed_in: SignedIn) -> list[tuple[str, str, str, str]]:
    with signed_in.vault.sessions.begin() as session:
        rows = session.execute(
            select(AuditEntry.action, AuditEntry.entity_type, AuditEntry.entity_id)
            .add_columns(AuditEntry.fields)
            .order_by(AuditEntry.id)
        ).all()
    return [tuple(r) for r in rows if r.entity_type in ("peer_group", "place", "young_person")]


def test_a_group_name_is_refused_when_it_clashes_in_any_case_or_accent(
    context: ContextService,
) -> None:
    crew = context.create_group("  Northside   Crew ", "Older boys, moped-enabled")
    [row] = context.groups()
    assert (row.id, row.name, row.description, row.young_people) == (
        crew,
        "Northside Crew",
        "Older boys, moped-enabled",
        0,
    )
    for clash in ("northside crew", "NORTHSIDE CREW", "Northsíde Crew"):
        with pytest.raises(ContextInputError, match="already a group"):
            context.create_group(clash)
    with pytest.raises(ContextInputError, match="Enter the group's name"):
        context.create_group("   ")
    other = context.create_group("شباب الشمال")
    with pytest.raises(ContextInputError, match="already a group"):
        context.update_group(other, "northside crew", "")
    assert context.update_group(crew, "Northside Crew", "") == ["description"]
    assert context.update_group(crew, "NORTHSIDE CREW", "") == ["name"]  # its own name is fine


def test_places_with_one_name_differ_by_postcode(context: ContextService) -> None:
    park = context.create_place("Ravens Park", PlaceKind.PARK, "e16an", "Bandstand at night")
    context.create_place("Ravens Park", PlaceKind.PARK, "N1 1AA")
    with pytest.raises(ContextInputError, match="already recorded there"):
        context.create_place("ravens park", PlaceKind.OTHER, "E1 6AN")
    rows = context.places()
    assert [(r.name, r.kind, r.postcode) for r in rows] == [
        ("Ravens Park", PlaceKind.PARK, "E1 6AN"),
        ("Ravens Park", PlaceKind.PARK, "N1 1AA"),
    ]
    assert rows[0].id == park and rows[0].description == "Bandstand at night"
    changed = context.update_place(park, "Ravens Park", PlaceKind.ESTATE, "E1 6AN", "")
    assert changed == ["kind", "description"]


@pytest.mark.parametrize("role", list(Role))
def test_every_role_with_the_caseload_may_record_groups_and_places(
    role: Role, signed_in: SignedIn, clock: FakeClock, add_account: AddAccount
) -> None:
    user = signed_in.user if role is Role.COORDINATOR else add_account(role)
    service = ContextService(signed_in.vault.sessions, user, clock)
    if Section.CASELOAD in ROLE_SECTIONS[role]:
        group = service.create_group(f"Group of {role.value}")
        place = service.create_place(f"Place of {role.value}", PlaceKind.SHOP, "E1 1AA")
        assert service.group_page(group).group.name == f"Group of {role.value}"
        assert service.place_page(place).place.kind is PlaceKind.SHOP
    else:
        for call in (
            lambda: service.create_group("Refused"),
            lambda: service.create_place("Refused"),
            service.groups,
            service.places,
            lambda: service.group_page(1),
        ):
            with pytest.raises(PermissionDeniedError):
                call()


def test_links_have_dates_and_source_and_end_rather_than_vanish(
    people: PeopleService, context: ContextService, signed_in: SignedIn
) -> None:
    person = people.create(PersonDetails("Dana", "Reid"))
    other = people.create(PersonDetails("Kai", "Reid"))
    crew = context.create_group("Northside crew")
    link = context.link_group(person, crew, date(2024, 5, 1), None, " Police intelligence ")
    context.link_group(other, crew, date(2024, 6, 1))
    with pytest.raises(ContextInputError, match="already linked"):
        context.link_group(person, crew)
    with pytest.raises(ContextInputError, match="end before it began"):
        context.link_group(other, context.create_group("B"), date(2024, 2, 1), date(2024, 1, 1))
    [mine] = context.person_groups(person)
    assert (mine.link_id, mine.name, mine.since, mine.until, mine.source, mine.current) == (
        link,
        "Northside crew",
        date(2024, 5, 1),
        None,
        "Police intelligence",
        True,
    )
    assert context.groups()[1].young_people == 2

    with pytest.raises(ContextInputError, match="end before it began"):
        context.end_group_link(link, date(2024, 4, 1))
    context.end_group_link(link, date(2025, 1, 31))
    assert context.person_groups(person)[0].current is False
    assert [g.young_people for g in context.groups() if g.id == crew] == [1]
    # A past link does not stop a new one: they were linked again.
    again = context.link_group(person, crew, date(2025, 3, 1), source="Ride-out")
    context.unlink_group(again)
    assert [g.until for g in context.person_groups(person)] == [date(2025, 1, 31)]

    linked = [a for a in _actions(signed_in) if a[0] != actions.CREATE]
    assert linked == [
        (actions.GROUP_LINKED, "young_person", str(person), "since,source"),
        (actions.GROUP_LINKED, "young_person", str(other), "since"),
        (actions.GROUP_LINK_ENDED, "young_person", str(person), "until"),
        (actions.GROUP_LINKED, "young_person", str(person), "since,source"),
        (actions.GROUP_UNLINKED, "young_person", str(person), "link"),
    ]


def test_place_links_mirror_group_links(
    people: PeopleService, context: ContextService, signed_in: SignedIn
) -> None:
    person = people.create(PersonDetails("Dana", "Reid"))
    park = context.create_place("Ravens Park", PlaceKind.PARK)
    link = context.link_place(person, park, date(2025, 1, 1), source="Ride-out")
    context.end_place_link(link, date(2025, 2, 1))
    [row] = context.person_places(person)
    assert (row.name, row.until, row.current) == ("Ravens Park", date(2025, 2, 1), False)
    context.unlink_place(link)
    assert context.person_places(person) == []
    assert [a[0] for a in _actions(signed_in) if a[1] == "young_person"][-3:] == [
        actions.PLACE_LINKED,
        actions.PLACE_LINK_ENDED,
        actions.PLACE_UNLINKED,
    ]


def _incident(
    signed_in: SignedIn,
    person: int,
    days_ago: float,
    summary: str,
    *,
    group: int | None = None,
    place: int | None = None,
    kind: EntryType = EntryType.INCIDENT,
    deleted: bool = False,
) -> None:
    at = FIXED_NOW - timedelta(days=days_ago)
    with signed_in.vault.sessions.begin() as session:
        session.add(
            ChronologyEntry(
                young_person_id=person,
                occurred_at=at,
                entry_type=kind,
                author_id=signed_in.user.account_id,
                summary=summary,
                group_id=group,
                place_id=place,
                created_at=at,
                deleted_at=at if deleted else None,
            )
        )


@pytest.fixture
def advocate(add_account: AddAccount) -> CurrentUser:
    return add_account(Role.ADVOCATE)


def test_a_page_shows_only_what_the_user_may_see_and_counts_the_rest(
    people: PeopleService,
    context: ContextService,
    signed_in: SignedIn,
    clock: FakeClock,
    advocate: CurrentUser,
) -> None:
    hers = people.create(PersonDetails("Maya", "Lewis", key_worker_id=advocate.account_id))
    others = [people.create(PersonDetails("Hidden", f"Person {n}")) for n in range(3)]
    crew, rivals = context.create_group("Northside crew"), context.create_group("Rivals")
    park = context.create_place("Ravens Park", PlaceKind.PARK)
    context.link_group(hers, crew, date(2024, 9, 1), source="Self-disclosed")
    for person in others:
        context.link_group(person, crew, date(2024, 10, 1))
    context.link_place(hers, park)
    context.link_place(others[0], park)
    _incident(signed_in, hers, 2, "Chased by a moped", group=crew)
    _incident(signed_in, hers, 10.5, "Robbed of phone", group=crew, place=park)
    _incident(signed_in, others[0], 5, "Hidden stabbing", group=crew, place=park)
    _incident(signed_in, hers, 91, "Too long ago", group=crew)
    _incident(signed_in, hers, 1, "A visit, not an incident", group=crew, kind=EntryType.VISIT)
    _incident(signed_in, hers, 3, "Deleted in error", group=crew, deleted=True)
    _incident(signed_in, hers, 4, "Another group's", group=rivals)

    as_advocate = ContextService(signed_in.vault.sessions, advocate, clock)
    page = as_advocate.group_page(crew)
    assert (page.group.name, page.group.young_people) == ("Northside crew", 4)
    assert [(p.person_id, p.name, p.since, p.source) for p in page.young_people] == [
        (hers, "Maya Lewis", date(2024, 9, 1), "Self-disclosed")
    ]
    assert page.other_young_people == 3
    assert [i.summary for i in page.incidents] == ["Chased by a moped", "Robbed of phone"]
    assert page.incidents[0].occurred_at == FIXED_NOW - timedelta(days=2)
    assert isinstance(page.incidents[0].occurred_at, datetime)
    assert page.other_incidents == 1
    assert "Hidden" not in repr(page)

    place = as_advocate.place_page(park)
    assert [p.name for p in place.young_people] == ["Maya Lewis"]
    assert (place.other_young_people, place.other_incidents) == (1, 1)
    assert [i.summary for i in place.incidents] == ["Robbed of phone"]

    # The coordinator sees everyone; 90 days are counted by the clock, not the computer.
    everything = context.group_page(crew)
    assert len(everything.young_people) == 4 and everything.other_young_people == 0
    assert [i.summary for i in everything.incidents] == [
        "Chased by a moped",
        "Hidden stabbing",
        "Robbed of phone",
    ]
    clock.set_now(FIXED_NOW + timedelta(days=80))
    assert [i.summary for i in context.group_page(crew).incidents] == [
        "Chased by a moped",
        "Hidden stabbing",
    ]

    # She may not link someone else's young person, nor end or undo their links.
    their_link = context.person_groups(others[0])[0].link_id
    for refused in (
        lambda: as_advocate.link_group(others[1], rivals),
        lambda: as_advocate.end_group_link(their_link, date(2025, 3, 1)),
        lambda: as_advocate.unlink_group(their_link),
        lambda: as_advocate.person_groups(others[0]),
    ):
        with pytest.raises(RecordNotFoundError):
            refused()
    with pytest.raises(RecordNotFoundError):
        as_advocate.group_page(9999)

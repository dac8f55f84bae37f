"""The caseload's quick search, filters and sorting: accents, case and script do not matter,
and a page of the list is one statement however many rows it holds."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event

from desktop.models.accounts import Role
from desktop.models.choices import Rag
from desktop.services.people_service import (
    CaseloadFilter,
    PeopleService,
    PersonDetails,
    PersonInputError,
)
from desktop.services.sign_in_service import SignedIn
from tests.conftest import AddAccount, FakeClock


@pytest.fixture
def people(coordinator: tuple[SignedIn, str], clock: FakeClock) -> PeopleService:
    signed_in, _ = coordinator
    return PeopleService(signed_in.vault.sessions, signed_in.user, clock)


def _names(service: PeopleService, caseload_filter: CaseloadFilter) -> list[str]:
    return [row.name for row in service.page(0, 100, caseload_filter)]


def test_quick_search_ignores_case_accents_and_finds_aliases(people: PeopleService) -> None:
    people.create(PersonDetails("Zoë", "Ólafsdóttir", known_as="Z", aliases=["Lil Zee", "Zo"]))
    people.create(PersonDetails("Karwan", "Ahmadi", aliases=["K-Dog"]))
    assert _names(people, CaseloadFilter(search="zoe olafs")) == ["Zoë Ólafsdóttir"]
    assert _names(people, CaseloadFilter(search="LIL ZEE")) == ["Zoë Ólafsdóttir"]
    assert _names(people, CaseloadFilter(search="k-dog")) == ["Karwan Ahmadi"]
    assert _names(people, CaseloadFilter(search="IGX-000002")) == ["Karwan Ahmadi"]
    assert _names(people, CaseloadFilter(search="nobody")) == []


def test_arabic_script_names_are_found_however_they_are_typed(people: PeopleService) -> None:
    people.create(PersonDetails("أحمد", "الكردي", aliases=["هيوا"]))
    people.create(PersonDetails("Sara", "Smith"))
    # Typed without the hamza, with harakat, or with the Persian/Kurdish kaf and ya.
    assert _names(people, CaseloadFilter(search="احمد")) == ["أحمد الكردي"]
    assert _names(people, CaseloadFilter(search="أَحْمَد")) == ["أحمد الكردي"]
    assert _names(people, CaseloadFilter(search="الکردی")) == ["أحمد الكردي"]
    assert _names(people, CaseloadFilter(search="هيوا")) == ["أحمد الكردي"]


def test_search_text_is_kept_in_step_with_edits(people: PeopleService) -> None:
    person_id = people.create(PersonDetails("Dana", "Reid"))
    record = people.open_record(person_id)
    details = record.details
    details.aliases = ["Shadow"]
    people.update(person_id, details)
    assert _names(people, CaseloadFilter(search="shadow")) == ["Dana Reid"]
    people.add_reference(person_id, "Police reference", "PN/12345")
    assert _names(people, CaseloadFilter(search="pn/12345")) == ["Dana Reid"]


def test_age_outside_10_to_25_needs_a_confirmed_reason(
    people: PeopleService, clock: FakeClock
) -> None:
    today = clock.now().date()
    too_old = date(today.year - 27, 1, 1)
    with pytest.raises(PersonInputError, match="They are 27"):
        people.create(PersonDetails("Old", "Er", date_of_birth=too_old))
    people.create(
        PersonDetails(
            "Old",
            "Er",
            date_of_birth=too_old,
            age_exception_reason="Sibling support agreed at MACE",
        )
    )
    with pytest.raises(PersonInputError, match="in the future"):
        people.create(PersonDetails("Not", "Yet", date_of_birth=date(today.year + 1, 1, 1)))


def test_filters_by_age_band_and_sorts(people: PeopleService, clock: FakeClock) -> None:
    today = clock.now().date()
    for given, age in (("Ten", 10), ("Fifteen", 15), ("Seventeen", 17), ("Twenty", 20)):
        people.create(PersonDetails(given, "Test", date_of_birth=date(today.year - age, 1, 1)))
    band = CaseloadFilter(age_band=(14, 17), sort="age")
    # Ascending by date of birth: the oldest first.
    assert _names(people, band) == ["Seventeen Test", "Fifteen Test"]
    assert people.count(band) == 2
    descending = CaseloadFilter(sort="name", descending=True)
    assert _names(people, descending)[0] == "Twenty Test"


@pytest.fixture
def statements(coordinator: tuple[SignedIn, str]) -> Iterator[list[str]]:
    signed_in, _ = coordinator
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(signed_in.vault.engine, "before_cursor_execute", count)
    yield seen
    event.remove(signed_in.vault.engine, "before_cursor_execute", count)


def test_a_page_of_the_list_is_one_statement_whatever_its_size(
    people: PeopleService, statements: list[str]
) -> None:
    for index in range(60):
        people.create(PersonDetails(f"Person{index}", "Listed", aliases=[f"alias{index}"]))
    statements.clear()
    small = people.page(0, 5, CaseloadFilter(rag=None, sort="rag"))
    small_count = len(statements)
    statements.clear()
    large = people.page(0, 60, CaseloadFilter(sort="rag"))
    assert len(small) == 5 and len(large) == 60
    assert len(statements) == small_count
    assert sum("young_people" in statement for statement in statements) == 1


def test_rag_filter_and_order(people: PeopleService, coordinator: tuple[SignedIn, str]) -> None:
    from sqlalchemy import update

    from desktop.models.people import YoungPerson

    signed_in, _ = coordinator
    ids = {colour: people.create(PersonDetails(colour.value.title(), "Rated")) for colour in Rag}
    with signed_in.vault.sessions.begin() as session:
        for colour, person_id in ids.items():
            session.execute(
                update(YoungPerson).where(YoungPerson.id == person_id).values(rag=colour)
            )
    assert _names(people, CaseloadFilter(rag=Rag.AMBER)) == ["Amber Rated"]
    assert _names(people, CaseloadFilter(sort="rag")) == ["Red Rated", "Amber Rated", "Green Rated"]


def test_references_of_other_shapes_do_not_break_numbering(people: PeopleService) -> None:
    people.create(PersonDetails("Kept", "Reference"), reference="IGX-99")
    people.create(PersonDetails("Odd", "Reference"), reference="IGX-12A")
    first = people.create(PersonDetails("Next", "Number"))
    assert people.open_record(first).case_reference == "IGX-000001"
    with pytest.raises(PersonInputError, match="already in use"):
        people.create(PersonDetails("Same", "Again"), reference="IGX-99")


def test_key_worker_must_work_with_the_caseload(
    people: PeopleService, add_account: AddAccount
) -> None:
    analyst = add_account(Role.ANALYST, "numbers")
    with pytest.raises(PersonInputError, match="key worker"):
        people.create(PersonDetails("No", "Analyst", key_worker_id=analyst.account_id))

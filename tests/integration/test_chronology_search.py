"""Full-text search over the chronology: case, accents and Arabic script do not matter, nothing
typed can break the query, and only records open to the user are searched."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest

from desktop.models.accounts import Role
from desktop.models.choices import EntryType
from desktop.services.chronology_search import MATCH_END, MATCH_START, SearchHit, fts_query
from desktop.services.chronology_service import (
    ChronologyService,
    EntryInput,
    RecordNotFoundError,
)
from desktop.services.current_user import CurrentUser
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.permissions import PermissionDeniedError
from desktop.services.sign_in_service import SignedIn
from tests.conftest import AddAccount, FakeClock


@dataclass
class Setup:
    signed_in: SignedIn
    clock: FakeClock
    person_id: int

    def as_user(self, user: CurrentUser | None = None) -> ChronologyService:
        return ChronologyService(
            self.signed_in.vault.sessions, user or self.signed_in.user, self.clock
        )


@pytest.fixture
def setup(coordinator: tuple[SignedIn, str], clock: FakeClock) -> Setup:
    signed_in, _ = coordinator
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    return Setup(signed_in, clock, people.create(PersonDetails("Dana", "Reid")))


def _entry(setup: Setup, summary: str, detail: str = "", hours_ago: float = 1) -> EntryInput:
    return EntryInput(
        setup.clock.now() - timedelta(hours=hours_ago), EntryType.VISIT, summary, detail
    )


def _found(service: ChronologyService, typed: str) -> list[str]:
    return [hit.summary for hit in service.search(typed, 0, 50)]


def test_search_ignores_case_and_accents(setup: Setup) -> None:
    service = setup.as_user()
    service.add_entry(setup.person_id, _entry(setup, "Met Zoë at the café", hours_ago=5))
    service.add_entry(setup.person_id, _entry(setup, "Plain cafe meeting", "Naïve plan", 2))
    assert _found(service, "cafe") == ["Plain cafe meeting", "Met Zoë at the café"]  # newest 1st
    assert _found(service, "CAFÉ") == ["Plain cafe meeting", "Met Zoë at the café"]
    assert _found(service, "zoe caf") == ["Met Zoë at the café"]  # every term; last a prefix
    assert _found(service, "naive") == ["Plain cafe meeting"]  # detail is searched too
    assert _found(service, "cafe\u0301") == _found(service, "cafe")  # typed decomposed


def test_search_finds_arabic_script(setup: Setup) -> None:
    service = setup.as_user()
    service.add_entry(setup.person_id, _entry(setup, "Visit", "زيارة أحمد في المنزل مع هيوا"))
    for typed in ("المنزل", "المن", "أحمد", "أَحْمَد", "هيوا زيارة"):
        assert _found(service, typed) == ["Visit"], typed
    assert _found(service, "الكردي") == []


def test_search_finds_arabic_however_it_was_written(setup: Setup) -> None:
    service = setup.as_user()
    service.add_entry(setup.person_id, _entry(setup, "Visit", "زيارة أحمد و مُحَمَّد"))
    assert _found(service, "احمد") == ["Visit"]  # typed without the hamza
    assert _found(service, "محمد") == ["Visit"]  # written with harakat, typed without


def test_search_shows_where_it_matched(setup: Setup) -> None:
    service = setup.as_user()
    service.add_entry(setup.person_id, _entry(setup, "Visit", "Talked about the knife found"))
    (hit,) = service.search("knife", 0, 10)
    assert isinstance(hit, SearchHit)
    assert f"{MATCH_START}knife{MATCH_END}" in hit.snippet
    assert ("knife", True) in hit.snippet_parts()
    # The snippet comes from the folded text the index holds (summary, then detail).
    assert "".join(part for part, _ in hit.snippet_parts()) == "visit\ntalked about the knife found"
    assert (hit.person_id, hit.case_reference, hit.person_name) == (
        setup.person_id,
        "IGX-000001",
        "Dana Reid",
    )


HOSTILE = [
    '"',
    '""',
    "AND (",
    "OR",
    "NOT",
    "NEAR(a b, 2)",
    "*",
    "^visit",
    "summary:visit",
    "{summary detail}: visit",
    "-visit",
    "visit + home",
    "' OR 1=1 --",
    "(((",
    'visit"',
    "\x00visit",
    "visit AND",
    "   ",
    "",
    "\u0651",  # a lone shadda
    "x" * 5000,
    " ".join(["visit"] * 100),
]


@pytest.mark.parametrize("typed", HOSTILE)
def test_search_survives_anything_typed(setup: Setup, typed: str) -> None:
    service = setup.as_user()
    service.add_entry(setup.person_id, _entry(setup, "Home visit"))
    assert isinstance(service.search(typed, 0, 10), list)


def test_typed_text_becomes_quoted_terms_with_a_prefix_last() -> None:
    assert fts_query('k-dog "AND" (home') == '"k dog" "and" "home"*'
    assert fts_query('" ( ) * : ^') == ""
    assert fts_query("أَحْمَد") == '"احمد"*'  # folded as the index is


def test_search_is_limited_to_records_the_user_may_see(
    setup: Setup, add_account: AddAccount
) -> None:
    therapist = add_account(Role.FAMILY_THERAPIST, "ft")
    analyst = add_account(Role.ANALYST, "an")
    people = PeopleService(setup.signed_in.vault.sessions, setup.signed_in.user, setup.clock)
    theirs = people.create(PersonDetails("Sam", "Allocated", allocated_ids=[therapist.account_id]))
    coordinator = setup.as_user()
    hidden = coordinator.add_entry(setup.person_id, _entry(setup, "Strangeword at school"))
    shown = coordinator.add_entry(theirs, _entry(setup, "Strangeword at home"))
    assert {hit.entry_id for hit in coordinator.search("strangeword", 0, 10)} == {hidden, shown}

    as_therapist = setup.as_user(therapist)
    assert [hit.entry_id for hit in as_therapist.search("strangeword", 0, 10)] == [shown]
    for call in (
        lambda: as_therapist.entries(setup.person_id, 0, 10),
        lambda: as_therapist.count(setup.person_id),
        lambda: as_therapist.entry(hidden),
        lambda: as_therapist.history(hidden),
        lambda: as_therapist.add_entry(setup.person_id, _entry(setup, "Sneaky")),
        lambda: as_therapist.edit_entry(hidden, _entry(setup, "Sneaky"), 1),
    ):
        with pytest.raises(RecordNotFoundError):
            call()
    with pytest.raises(PermissionDeniedError):
        setup.as_user(analyst).search("strangeword", 0, 10)

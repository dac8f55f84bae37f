"""Scrolling the caseload reads each page on from the last row shown (keyset paging): page by
page, every sort order and direction gives the same rows in the same order as one long page,
ties, missing dates of birth and people without a key worker included."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import update

from desktop.models.accounts import Role
from desktop.models.choices import CaseStatus, Rag
from desktop.models.people import YoungPerson
from desktop.services.people_service import (
    SORT_KEYS,
    CaseloadFilter,
    CaseloadRow,
    PeopleService,
    PersonDetails,
)
from desktop.services.sign_in_service import SignedIn
from tests.conftest import AddAccount, FakeClock

PEOPLE = 23


@pytest.fixture
def people(
    coordinator: tuple[SignedIn, str], clock: FakeClock, add_account: AddAccount
) -> PeopleService:
    signed_in, _ = coordinator
    service = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    workers = [add_account(Role.GANGS_WORKER, f"worker{n}").account_id for n in range(3)]
    today = clock.now().date()
    statuses, ratings = list(CaseStatus), [*Rag, None]
    for n in range(PEOPLE):
        person_id = service.create(
            PersonDetails(
                given_name=f"Given{n % 4}",  # repeated names: ties broken by the id
                family_name=f"Family{n % 5}",
                known_as=f"K{n % 3}" if n % 2 else "",
                date_of_birth=None if n % 4 == 0 else date(today.year - 12 - n % 3, 1, 1),
                key_worker_id=None if n % 3 == 0 else workers[n % 3],
            )
        )
        with signed_in.vault.sessions.begin() as session:
            session.execute(
                update(YoungPerson)
                .where(YoungPerson.id == person_id)
                .values(status=statuses[n % len(statuses)], rag=ratings[n % len(ratings)])
            )
    return service


def _scrolled(people: PeopleService, caseload_filter: CaseloadFilter, size: int) -> list[int]:
    rows: list[CaseloadRow] = []
    while True:
        page = people.page(len(rows), size, caseload_filter, after=rows[-1] if rows else None)
        if not page:
            return [row.id for row in rows]
        rows.extend(page)


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", SORT_KEYS)
def test_page_by_page_matches_one_long_page(
    people: PeopleService, sort: str, descending: bool
) -> None:
    caseload_filter = CaseloadFilter(sort=sort, descending=descending)
    whole = [row.id for row in people.page(0, 1000, caseload_filter)]
    assert len(whole) == PEOPLE
    for size in (1, 4, 7):
        assert _scrolled(people, caseload_filter, size) == whole
    # The same order as the offsets the list used before.
    by_offset = [row.id for n in range(0, PEOPLE, 5) for row in people.page(n, 5, caseload_filter)]
    assert by_offset == whole


def test_paging_keeps_to_the_filter(people: PeopleService) -> None:
    caseload_filter = CaseloadFilter(statuses=frozenset({CaseStatus.ACTIVE}), sort="age")
    whole = [row.id for row in people.page(0, 1000, caseload_filter)]
    assert whole and _scrolled(people, caseload_filter, 2) == whole

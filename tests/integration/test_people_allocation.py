"""Allocating staff to a young person: adding a colleague while keeping the others saves (it
once broke the unique rule by inserting the kept rows again before deleting them)."""

from __future__ import annotations

from dataclasses import replace

from desktop.models.accounts import Role
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.sign_in_service import SignedIn
from tests.conftest import AddAccount, FakeClock


def test_adding_and_removing_allocations_keeps_the_rest(
    coordinator: tuple[SignedIn, str], add_account: AddAccount, clock: FakeClock
) -> None:
    signed_in, _ = coordinator
    coach = add_account(Role.EMPLOYMENT_COACH, "coach")
    advocate = add_account(Role.ADVOCATE, "advocate")
    officer = add_account(Role.ENFORCEMENT_OFFICER, "officer")
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    person = people.create(PersonDetails("Sam", "Okafor", allocated_ids=[coach.account_id]))

    details = people.open_record(person).details
    people.update(person, replace(details, allocated_ids=[coach.account_id, advocate.account_id]))
    details = people.open_record(person).details
    assert sorted(details.allocated_ids) == sorted([coach.account_id, advocate.account_id])

    people.update(person, replace(details, allocated_ids=[advocate.account_id, officer.account_id]))
    assert sorted(people.open_record(person).details.allocated_ids) == sorted(
        [advocate.account_id, officer.account_id]
    )

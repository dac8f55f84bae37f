"""Recently opened records come from the user's own RECORD_OPENED audit entries: newest first,
each young person once, only records the user may still open."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop.models.accounts import Role
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.recent_records import RECENT_LIMIT, RecentRecord, RecentRecordsService
from desktop.services.restriction_service import RestrictionService
from desktop.services.sign_in_service import SignedIn
from tests.conftest import AddAccount, FakeClock


def _people(signed_in: SignedIn, clock: FakeClock, count: int) -> list[int]:
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    return [
        people.create(PersonDetails(f"Given{n}", f"Family{n}", date_of_birth=date(2009, 1, 1)))
        for n in range(count)
    ]


def test_newest_first_each_young_person_once_and_only_mine(
    coordinator: tuple[SignedIn, str], add_account: AddAccount, clock: FakeClock
) -> None:
    signed_in, _ = coordinator
    worker = add_account(Role.GANGS_WORKER, "worker")
    first, second, third = _people(signed_in, clock, 3)
    sessions = signed_in.vault.sessions
    mine = PeopleService(sessions, worker, clock)
    for person_id in (first, second, first, third, first):
        mine.open_record(person_id)
        clock.advance(60)
    # The coordinator's openings are theirs, not the worker's.
    PeopleService(sessions, signed_in.user, clock).open_record(second)

    recent = RecentRecordsService(sessions, worker, clock).recent()

    assert [row.person_id for row in recent] == [first, third, second]
    reference = mine.record_summary(first).case_reference
    assert recent[0] == RecentRecord(first, reference, "Given0 Family0")
    coordinators = RecentRecordsService(sessions, signed_in.user, clock).recent()
    assert [row.person_id for row in coordinators] == [second]


def test_at_most_the_limit_and_the_oldest_drop_off(
    coordinator: tuple[SignedIn, str], add_account: AddAccount, clock: FakeClock
) -> None:
    signed_in, _ = coordinator
    worker = add_account(Role.GANGS_WORKER, "worker")
    ids = _people(signed_in, clock, RECENT_LIMIT + 2)
    mine = PeopleService(signed_in.vault.sessions, worker, clock)
    for person_id in ids:
        mine.open_record(person_id)

    recent = RecentRecordsService(signed_in.vault.sessions, worker, clock).recent()

    assert [row.person_id for row in recent] == list(reversed(ids))[:RECENT_LIMIT]


def test_a_record_restricted_since_it_was_opened_is_left_out(
    coordinator: tuple[SignedIn, str], add_account: AddAccount, clock: FakeClock
) -> None:
    signed_in, _ = coordinator
    worker = add_account(Role.GANGS_WORKER, "worker")
    named = add_account(Role.GANGS_WORKER, "named")
    kept, restricted = _people(signed_in, clock, 2)
    sessions = signed_in.vault.sessions
    mine = PeopleService(sessions, worker, clock)
    mine.open_record(kept)
    mine.open_record(restricted)
    service = RecentRecordsService(sessions, worker, clock)
    assert [row.person_id for row in service.recent()] == [restricted, kept]

    reason = "Police asked for it to be closed to all but one worker"
    RestrictionService(sessions, signed_in.user, clock).restrict(
        restricted, reason, [named.account_id]
    )

    assert [row.person_id for row in service.recent()] == [kept]


def test_a_coach_no_longer_allocated_loses_the_record(
    coordinator: tuple[SignedIn, str], add_account: AddAccount, clock: FakeClock
) -> None:
    signed_in, _ = coordinator
    coach = add_account(Role.EMPLOYMENT_COACH, "coach")
    sessions = signed_in.vault.sessions
    lead = PeopleService(sessions, signed_in.user, clock)
    person_id = lead.create(
        PersonDetails(
            "Sami", "Haddad", date_of_birth=date(2008, 3, 3), allocated_ids=[coach.account_id]
        )
    )
    PeopleService(sessions, coach, clock).open_record(person_id)
    service = RecentRecordsService(sessions, coach, clock)
    assert [row.person_id for row in service.recent()] == [person_id]

    details = lead.open_record(person_id).details
    lead.update(person_id, replace(details, allocated_ids=[]))

    assert service.recent() == []


def test_a_role_without_the_caseload_has_no_recent_records(
    coordinator: tuple[SignedIn, str], add_account: AddAccount, clock: FakeClock
) -> None:
    signed_in, _ = coordinator
    analyst = add_account(Role.ANALYST, "analyst")
    assert RecentRecordsService(signed_in.vault.sessions, analyst, clock).recent() == []

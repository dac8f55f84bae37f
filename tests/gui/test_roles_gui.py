"""Each role signs in through the real unlock screen and sees only its sections and records."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desktop.models.accounts import Role
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.permissions import Section
from desktop.services.sign_in_service import SignedIn
from tests.conftest import COORDINATOR_USERNAME, AddAccount, FakeClock
from tests.gui.conftest import WindowFactory, allow_first_sign_in, sign_in

EVERY_SECTION = [section.label for section in Section]
EXPECTED_SECTIONS = {
    Role.COORDINATOR: EVERY_SECTION,
    Role.GANGS_WORKER: ["Caseload", "Meetings", "Community"],
    Role.FAMILY_THERAPIST: ["Caseload", "Family therapy", "Meetings"],
    Role.EMPLOYMENT_COACH: ["Caseload", "Employment coaching", "Meetings"],
    Role.ADVOCATE: ["Caseload", "Meetings", "Community"],
    Role.ENFORCEMENT_OFFICER: ["Caseload", "Meetings"],
    Role.ANALYST: ["Community", "Analysis"],
    Role.COMMUNITY_OFFICER: ["Meetings", "Community"],
}
EVERYONE = {"Ada Keyworked", "Bo Allocated", "Cy Unallocated"}
# Who each role finds on its caseload (None: no caseload section at all).
EXPECTED_PEOPLE: dict[Role, set[str] | None] = {
    Role.COORDINATOR: EVERYONE,
    Role.GANGS_WORKER: EVERYONE,
    Role.FAMILY_THERAPIST: {"Bo Allocated"},
    Role.EMPLOYMENT_COACH: set(),
    Role.ADVOCATE: {"Ada Keyworked"},
    Role.ENFORCEMENT_OFFICER: set(),
    Role.ANALYST: None,
    Role.COMMUNITY_OFFICER: None,
}


@pytest.fixture
def team(coordinator: tuple[SignedIn, str], add_account: AddAccount, clock: FakeClock) -> None:
    """One account per role and three young people with different allocations."""
    signed_in, _ = coordinator
    ids = {role: add_account(role).account_id for role in Role if role is not Role.COORDINATOR}
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    people.create(PersonDetails("Ada", "Keyworked", key_worker_id=ids[Role.ADVOCATE]))
    people.create(
        PersonDetails(
            "Bo",
            "Allocated",
            key_worker_id=ids[Role.GANGS_WORKER],
            allocated_ids=[ids[Role.FAMILY_THERAPIST]],
        )
    )
    people.create(PersonDetails("Cy", "Unallocated", key_worker_id=signed_in.user.account_id))
    allow_first_sign_in(signed_in)


@pytest.mark.parametrize("role", list(Role), ids=lambda role: role.value)
def test_role_sees_only_its_sections_and_records(
    qtbot: QtBot, window_factory: WindowFactory, team: None, role: Role
) -> None:
    window = window_factory()
    username = COORDINATOR_USERNAME if role is Role.COORDINATOR else role.value
    sign_in(qtbot, window, username)
    assert window.workspace is not None, window.unlock_view.message.text()
    navigation = window.workspace.navigation
    shown = [navigation.item(row).text() for row in range(navigation.count())]
    assert shown == EXPECTED_SECTIONS[role]

    caseload = window.workspace.caseload
    expected = EXPECTED_PEOPLE[role]
    if expected is None:
        assert caseload is None
        return
    assert caseload is not None
    model = caseload.model
    names = {model.row_at(row).name for row in range(model.rowCount())}
    assert names == expected
    assert caseload.new_button.isVisibleTo(window) == (
        role in (Role.COORDINATOR, Role.GANGS_WORKER)
    )

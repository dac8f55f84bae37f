"""ACCEPTANCE (service layer): what each of the eight roles can reach, and what it cannot.

The expected reach is written out here independently of desktop.services.permissions, so a
change to the permission tables has to be made twice, on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from desktop.models.accounts import Account, Role
from desktop.services import actions
from desktop.services.account_service import AccountService
from desktop.services.audit_service import AuditFilter, AuditService
from desktop.services.current_user import CurrentUser
from desktop.services.people_service import PeopleService, PersonDetails, RecordNotFoundError
from desktop.services.permissions import (
    ROLE_RECORD_SCOPE,
    PermissionDeniedError,
    RecordScope,
    Section,
    sections_for,
)
from desktop.services.settings_service import SettingsService
from desktop.services.sign_in_service import SignedIn, SignInService
from desktop.vault.device_keyring import DeviceKeyring
from desktop.vault.keyslots import DEVICE, KeySlotFile
from desktop.vault.layout import VaultLayout
from tests.conftest import PASSPHRASE, AddAccount, FakeClock, FastKdfPolicy, InMemoryKeyring

S = Section
EXPECTED_SECTIONS: dict[Role, set[Section]] = {
    Role.COORDINATOR: set(Section),
    Role.GANGS_WORKER: {S.CASELOAD, S.MEETINGS, S.COMMUNITY},
    Role.FAMILY_THERAPIST: {S.CASELOAD, S.FAMILY_THERAPY, S.MEETINGS},
    Role.EMPLOYMENT_COACH: {S.CASELOAD, S.EMPLOYMENT_COACHING, S.MEETINGS},
    Role.ADVOCATE: {S.CASELOAD, S.MEETINGS, S.COMMUNITY},
    Role.ENFORCEMENT_OFFICER: {S.CASELOAD, S.MEETINGS},
    Role.ANALYST: {S.ANALYSIS, S.COMMUNITY},
    Role.COMMUNITY_OFFICER: {S.COMMUNITY, S.MEETINGS},
}
SEES_EVERYONE = {Role.COORDINATOR, Role.GANGS_WORKER}
SEES_OWN = {Role.FAMILY_THERAPIST, Role.EMPLOYMENT_COACH, Role.ADVOCATE, Role.ENFORCEMENT_OFFICER}
SEES_NO_NAMES = {Role.ANALYST, Role.COMMUNITY_OFFICER}


def test_the_three_groups_cover_every_role_once() -> None:
    assert set(Role) == SEES_EVERYONE | SEES_OWN | SEES_NO_NAMES
    assert len(SEES_EVERYONE) + len(SEES_OWN) + len(SEES_NO_NAMES) == len(Role) == 8


@pytest.mark.parametrize("role", list(Role))
def test_sections_for_each_role(role: Role) -> None:
    assert sections_for(role) == EXPECTED_SECTIONS[role]
    assert (Section.ADMINISTRATION in sections_for(role)) is (role is Role.COORDINATOR)
    assert (Section.DATA_PROTECTION in sections_for(role)) is (role is Role.COORDINATOR)
    assert (Section.CASELOAD in sections_for(role)) is (role not in SEES_NO_NAMES)


@dataclass
class Caseload:
    staff: dict[Role, CurrentUser]
    # For each role that sees only its own people: (as key worker, as allocated worker).
    own: dict[Role, tuple[int, int]]
    unallocated: int

    @property
    def everyone(self) -> set[int]:
        return {pid for pair in self.own.values() for pid in pair} | {self.unallocated}


@pytest.fixture
def caseload(
    coordinator: tuple[SignedIn, str], add_account: AddAccount, clock: FakeClock
) -> Caseload:
    signed_in, _recovery = coordinator
    staff = {Role.COORDINATOR: signed_in.user}
    for role in Role:
        if role is not Role.COORDINATOR:
            staff[role] = add_account(role)
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    own = {}
    for role in SEES_OWN:
        account_id = staff[role].account_id
        keyworked = people.create(
            PersonDetails(given_name="Key", family_name=role.value, key_worker_id=account_id)
        )
        allocated = people.create(
            PersonDetails(
                given_name="Allocated",
                family_name=role.value,
                key_worker_id=staff[Role.GANGS_WORKER].account_id,
                allocated_ids=[account_id, staff[Role.COORDINATOR].account_id],
            )
        )
        own[role] = (keyworked, allocated)
    unallocated = people.create(PersonDetails(given_name="Nobody's", family_name="Case"))
    return Caseload(staff, own, unallocated)


def _sign_in_as(layout: VaultLayout, clock: FakeClock, role: Role) -> SignedIn:
    username = role.value if role is not Role.COORDINATOR else "coord"
    signed_in = SignInService(layout, clock).sign_in(username, PASSPHRASE)
    assert signed_in.user.role is role  # the role comes from the vault, not from the caller
    return signed_in


@pytest.mark.parametrize("role", list(Role))
def test_which_young_people_each_role_reaches(
    role: Role, caseload: Caseload, vault_layout: VaultLayout, clock: FakeClock
) -> None:
    signed_in = _sign_in_as(vault_layout, clock, role)
    try:
        people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
        if role in SEES_NO_NAMES:
            for call in (
                people.count,
                lambda: people.page(0, 100),
                lambda: people.open_record(caseload.unallocated),
                lambda: people.create(PersonDetails(given_name="A", family_name="B")),
                lambda: people.update(
                    caseload.unallocated, PersonDetails(given_name="A", family_name="B")
                ),
            ):
                with pytest.raises(PermissionDeniedError):
                    call()
            return

        reachable = caseload.everyone if role in SEES_EVERYONE else set(caseload.own[role])
        assert people.count() == len(reachable)
        assert {row.id for row in people.page(0, 100)} == reachable
        assert people.count(search="Nobody") == (1 if role in SEES_EVERYONE else 0)
        for person_id in caseload.everyone:
            if person_id in reachable:
                assert people.open_record(person_id).id == person_id
            else:
                with pytest.raises(RecordNotFoundError):
                    people.open_record(person_id)
                with pytest.raises(RecordNotFoundError):
                    people.update(person_id, PersonDetails(given_name="X", family_name="Y"))

        new = PersonDetails(given_name="New", family_name="Referral")
        if role in SEES_EVERYONE:
            created = people.create(new)
            assert people.open_record(created).details.family_name == "Referral"
        else:
            with pytest.raises(PermissionDeniedError):
                people.create(new)
            assert people.count() == len(reachable)
    finally:
        signed_in.vault.lock()


def test_opening_a_record_is_audited_with_the_reader(
    caseload: Caseload,
    coordinator: tuple[SignedIn, str],
    vault_layout: VaultLayout,
    clock: FakeClock,
) -> None:
    advocate = _sign_in_as(vault_layout, clock, Role.ADVOCATE)
    person_id = caseload.own[Role.ADVOCATE][1]
    try:
        PeopleService(advocate.vault.sessions, advocate.user, clock).open_record(person_id)
    finally:
        advocate.vault.lock()
    signed_in, _recovery = coordinator
    rows = AuditService(signed_in.vault.sessions, signed_in.user).page(
        AuditFilter(action=actions.RECORD_OPENED), 0, 10
    )
    assert [(r.actor, r.entity_type, r.entity_id) for r in rows] == [
        ("advocate", "young_person", str(person_id))
    ]


@pytest.mark.parametrize("role", [role for role in Role if role is not Role.COORDINATOR])
def test_coordinator_only_operations_refuse_other_roles(
    role: Role,
    caseload: Caseload,
    vault_layout: VaultLayout,
    clock: FakeClock,
    kdf: FastKdfPolicy,
    keyring_backend: InMemoryKeyring,
) -> None:
    slots_before = vault_layout.keyslots.read_bytes()
    signed_in = _sign_in_as(vault_layout, clock, role)
    victim = caseload.staff[Role.GANGS_WORKER if role is not Role.GANGS_WORKER else Role.ANALYST]
    try:
        accounts = AccountService(signed_in.vault, signed_in.user, kdf, clock)
        audit = AuditService(signed_in.vault.sessions, signed_in.user)
        settings = SettingsService(signed_in.vault.sessions, signed_in.user, clock)
        refused = (
            accounts.list_accounts,
            lambda: accounts.add_account("intruder", "In Truder", Role.COORDINATOR, PASSPHRASE),
            lambda: accounts.disable_account(victim.account_id),
            lambda: accounts.enable_account(victim.account_id, PASSPHRASE + "2"),
            lambda: accounts.change_role(signed_in.user.account_id, Role.COORDINATOR),
            lambda: accounts.reset_passphrase(victim.account_id, PASSPHRASE + "2"),
            accounts.rekey,
            lambda: accounts.set_remember_allowed(False),
            lambda: audit.count(AuditFilter()),
            lambda: audit.page(AuditFilter(), 0, 10),
            audit.actors,
            audit.verify_chain,
            lambda: settings.set_idle_lock_minutes(30),
        )
        for call in refused:
            with pytest.raises(PermissionDeniedError):
                call()
        # What every role may do for itself still works.
        assert settings.idle_lock_minutes() == 5
        # Staff who can be allocated: everyone whose role works with the caseload.
        assert len(accounts.staff_choices()) == sum(
            scope is not RecordScope.NONE for scope in ROLE_RECORD_SCOPE.values()
        )
        accounts.remember_on_device(DeviceKeyring(keyring_backend))
        assert accounts.is_remembered(DeviceKeyring(keyring_backend))
        with signed_in.vault.sessions.begin() as session:
            roles = {
                r.username: r.role for r in session.execute(select(Account.username, Account.role))
            }
            assert roles[signed_in.user.username] is role
            assert "intruder" not in roles
    finally:
        signed_in.vault.lock()
    # Nothing refused reached the key-slot file: only this user's own device slot was added.
    assert vault_layout.keyslots.read_bytes() != slots_before
    after = KeySlotFile.load(vault_layout.keyslots)
    assert after.remember_allowed
    assert [(s.kind, s.username) for s in after.slots if s.kind == DEVICE] == [
        (DEVICE, signed_in.user.username)
    ]
    assert after.usernames() == {"coord"} | {r.value for r in Role if r is not Role.COORDINATOR}

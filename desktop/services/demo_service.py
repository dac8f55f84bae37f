"""A demo vault of synthetic records, built through the same services as real work."""

from __future__ import annotations

import random
from datetime import timedelta

from faker import Faker
from sqlalchemy import update

from desktop.clock import Clock
from desktop.models.accounts import Account, Role
from desktop.services.account_service import AccountService
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.sign_in_service import SignedIn
from desktop.services.vault_setup_service import initialise_vault
from desktop.vault.kdf import KdfPolicy
from desktop.vault.layout import VaultLayout

DEMO_PASSPHRASE = "casebook demo passphrase"
DEMO_DISPLAY_NAMES = {
    Role.COORDINATOR: "Demo Coordinator",
    Role.GANGS_WORKER: "Demo Gangs Worker",
    Role.FAMILY_THERAPIST: "Demo Family Therapist",
    Role.EMPLOYMENT_COACH: "Demo Employment Coach",
    Role.ADVOCATE: "Demo Advocate",
    Role.ENFORCEMENT_OFFICER: "Demo Enforcement Officer",
    Role.ANALYST: "Demo Analyst",
    Role.COMMUNITY_OFFICER: "Demo Community Officer",
}
# Names the unit meets: English, Arabic-script, Kurdish and others.
LOCALES = {"en_GB": 6, "ar_AA": 2, "tr_TR": 1, "pl_PL": 1}
SUMMARIES = (
    "Referred by school after repeated exclusions; concerns about older peers.",
    "Missing episodes at weekends; possible county lines involvement.",
    "Sibling known to the unit; family asking for support.",
    "Victim of a robbery; worried about travelling through the estate.",
    "Wants to find an apprenticeship; engages well with sessions.",
)


def demo_username(role: Role) -> str:
    return role.value


def build_demo_vault(
    layout: VaultLayout,
    passphrase: str,
    kdf_policy: KdfPolicy,
    clock: Clock,
    *,
    people: int = 40,
    seed: int = 2021,
) -> SignedIn:
    signed_in, _recovery = initialise_vault(
        layout,
        demo_username(Role.COORDINATOR),
        DEMO_DISPLAY_NAMES[Role.COORDINATOR],
        passphrase,
        kdf_policy,
        clock,
        demo=True,
    )
    accounts = AccountService(signed_in.vault, signed_in.user, kdf_policy, clock)
    staff: dict[Role, int] = {Role.COORDINATOR: signed_in.user.account_id}
    for role in Role:
        if role is not Role.COORDINATOR:
            staff[role] = accounts.add_account(
                demo_username(role), DEMO_DISPLAY_NAMES[role], role, passphrase
            )
    _clear_first_sign_in_changes(signed_in)
    _add_people(
        PeopleService(signed_in.vault.sessions, signed_in.user, clock), staff, clock, people, seed
    )
    return signed_in


def _clear_first_sign_in_changes(signed_in: SignedIn) -> None:
    """Demo accounts share a known passphrase: no forced change at first sign-in."""
    with signed_in.vault.sessions.begin() as session:
        session.execute(update(Account).values(must_change_passphrase=False))


def _add_people(
    service: PeopleService, staff: dict[Role, int], clock: Clock, count: int, seed: int
) -> None:
    chooser = random.Random(seed)
    fakers = {locale: Faker(locale) for locale in LOCALES}
    for faker in fakers.values():
        faker.seed_instance(seed)
    key_workers = [staff[Role.GANGS_WORKER], staff[Role.COORDINATOR]]
    specialists = [
        staff[r]
        for r in (
            Role.FAMILY_THERAPIST,
            Role.EMPLOYMENT_COACH,
            Role.ADVOCATE,
            Role.ENFORCEMENT_OFFICER,
        )
    ]
    today = clock.now().date()
    for _ in range(count):
        locale = chooser.choices(list(LOCALES), weights=list(LOCALES.values()))[0]
        faker = fakers[locale]
        female = chooser.random() < 0.4
        given = faker.first_name_female() if female else faker.first_name_male()
        age_days = chooser.randint(11 * 365, 24 * 365)
        details = PersonDetails(
            given_name=given,
            family_name=faker.last_name(),
            known_as=chooser.choice(["", "", "", "Lil " + given[:3], "Ghost", "Tiny", "K"]),
            date_of_birth=today - timedelta(days=age_days),
            summary=chooser.choice(SUMMARIES),
            key_worker_id=chooser.choice(key_workers),
            allocated_ids=chooser.sample(specialists, chooser.randint(0, 2)),
        )
        service.create(details)

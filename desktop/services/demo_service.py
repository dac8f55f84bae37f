"""A demo vault: one account per role, and a synthetic caseload (see demo_caseload)."""

from __future__ import annotations

from sqlalchemy import update

from desktop.clock import Clock
from desktop.models.accounts import Account, Role
from desktop.services import actions, audit_chain
from desktop.services.account_service import AccountService
from desktop.services.current_user import CurrentUser
from desktop.services.demo_caseload import populate
from desktop.services.demo_coaching import add_coaching
from desktop.services.demo_community import add_community
from desktop.services.demo_data_protection import add_data_protection
from desktop.services.demo_meetings import add_meetings
from desktop.services.demo_population import add_population
from desktop.services.demo_sharing import add_sharing
from desktop.services.demo_therapy import add_therapy
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
    with signed_in.vault.sessions.begin() as session:
        populate(session, staff, clock.now(), people, seed)
        audit_chain.append(
            session,
            clock.now(),
            signed_in.user.username,
            actions.CREATE,
            "demo_caseload",
            "",
            outcome=f"{people} synthetic young people",
        )
    therapist = Role.FAMILY_THERAPIST
    add_therapy(
        signed_in.vault.sessions,
        CurrentUser(
            staff[therapist], demo_username(therapist), DEMO_DISPLAY_NAMES[therapist], therapist
        ),
        clock,
        seed,
    )
    coach = Role.EMPLOYMENT_COACH
    add_coaching(
        signed_in.vault.sessions,
        CurrentUser(staff[coach], demo_username(coach), DEMO_DISPLAY_NAMES[coach], coach),
        clock,
        seed,
    )
    add_meetings(signed_in.vault.sessions, signed_in.user, staff[Role.GANGS_WORKER], clock, seed)
    add_sharing(signed_in.vault.sessions, signed_in.user, clock, seed)
    officer, worker = Role.COMMUNITY_OFFICER, Role.GANGS_WORKER
    add_community(
        signed_in.vault.sessions,
        signed_in.user,
        CurrentUser(staff[officer], demo_username(officer), DEMO_DISPLAY_NAMES[officer], officer),
        CurrentUser(staff[worker], demo_username(worker), DEMO_DISPLAY_NAMES[worker], worker),
        clock,
    )
    add_data_protection(
        signed_in.vault.sessions,
        signed_in.user,
        CurrentUser(staff[worker], demo_username(worker), DEMO_DISPLAY_NAMES[worker], worker),
        clock,
    )
    analyst = Role.ANALYST
    add_population(
        signed_in.vault.sessions,
        CurrentUser(staff[analyst], demo_username(analyst), DEMO_DISPLAY_NAMES[analyst], analyst),
        clock,
    )
    return signed_in


def _clear_first_sign_in_changes(signed_in: SignedIn) -> None:
    """Demo accounts share a known passphrase: no forced change at first sign-in."""
    with signed_in.vault.sessions.begin() as session:
        session.execute(update(Account).values(must_change_passphrase=False))

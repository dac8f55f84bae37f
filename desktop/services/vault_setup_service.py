"""Creating a vault with its first coordinator (first-run wizard and `init`)."""

from __future__ import annotations

from desktop.clock import Clock
from desktop.models.accounts import Account, Role
from desktop.services import actions, audit_chain
from desktop.services.account_service import AccountError, validate_new_account
from desktop.services.current_user import CurrentUser
from desktop.services.sign_in_service import SignedIn
from desktop.vault.kdf import KdfPolicy
from desktop.vault.layout import VaultLayout
from desktop.vault.open_vault import create_vault


def initialise_vault(
    layout: VaultLayout,
    username: str,
    display_name: str,
    passphrase: str,
    kdf_policy: KdfPolicy,
    clock: Clock,
    *,
    demo: bool = False,
) -> tuple[SignedIn, str]:
    """Returns the signed-in first coordinator and the recovery key (show it once)."""
    username = username.strip().lower()
    found = validate_new_account(username, display_name, passphrase)
    if found:
        raise AccountError(" ".join(found))
    now = clock.now()
    vault, recovery_key = create_vault(layout, username, passphrase, kdf_policy, now, demo=demo)
    with vault.sessions.begin() as session:
        account = Account(
            username=username,
            display_name=display_name.strip(),
            role=Role.COORDINATOR,
            created_at=now,
        )
        session.add(account)
        session.flush()
        audit_chain.append(session, now, username, actions.VAULT_CREATED)
        audit_chain.append(
            session,
            now,
            username,
            actions.ACCOUNT_CREATED,
            "account",
            str(account.id),
            ("role", "username"),
        )
        audit_chain.append(session, now, username, actions.SIGN_IN)
        user = CurrentUser(account.id, username, account.display_name, Role.COORDINATOR)
    return SignedIn(vault, user), recovery_key

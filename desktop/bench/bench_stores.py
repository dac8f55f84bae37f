"""The two stores the benchmark compares: the real encrypted vault, and the same thing unencrypted.

The encrypted one is made and opened by the application's own code (initialise_vault, then
SignInService). The plain one is made here and only here: the same engine factory, pragmas,
migrations, session factory, key-slot file and Services bundle, but an engine opened with
key=None, so SQLite writes an ordinary unencrypted file. Nothing outside desktop/bench imports
this module (tests/bench checks), so no other command and no window can open a store this way.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import sqlcipher3
from sqlalchemy import select, text

from desktop.clock import Clock
from desktop.models.accounts import Account, Role
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.sign_in_service import SignedIn, SignInService
from desktop.services.vault_setup_service import initialise_vault
from desktop.store.engine import create_vault_engine, make_session_factory
from desktop.store.migrate import upgrade_to_head
from desktop.vault.kdf import KdfPolicy
from desktop.vault.keyslots import RECOVERY, USER, KeySlotFile
from desktop.vault.layout import VaultLayout
from desktop.vault.open_vault import VAULT_ID_SETTING, OpenVault
from desktop.vault.secret import SecretKey
from desktop.vault.writer_lock import acquire_writer_lock

BENCH_USER = "bench"
BENCH_NAME = "Bench Coordinator"
BENCH_PASSPHRASE = "benchmark passphrase, not a secret"


def create_encrypted(folder: Path, kdf: KdfPolicy, clock: Clock) -> SignedIn:
    """A new vault, exactly as `init` and the first-run wizard make it."""
    signed_in, _recovery_key = initialise_vault(
        VaultLayout(folder), BENCH_USER, BENCH_NAME, BENCH_PASSPHRASE, kdf, clock
    )
    return signed_in


def sign_in_encrypted(folder: Path, clock: Clock) -> SignedIn:
    """Unlocking: Argon2id key derivation, slot unwrap, opening and checking the database."""
    return SignInService(VaultLayout(folder), clock).sign_in(BENCH_USER, BENCH_PASSPHRASE)


def create_plain(folder: Path, kdf: KdfPolicy, clock: Clock) -> SecretKey:
    """The benchmark's unencrypted twin of create_encrypted (see the module docstring).

    Mirrors create_vault and initialise_vault step for step; only the engine's key differs.
    The slot file wraps a throwaway key (the backup manifest's MAC needs one): returned, to
    open the store again with open_plain. The store is left closed.
    """
    layout = VaultLayout(folder)
    folder.mkdir(parents=True)
    writer = acquire_writer_lock(layout.writer_lock)
    now = clock.now()
    engine = create_vault_engine(layout.database, None)
    try:
        upgrade_to_head(engine, layout.safety_copies, now)
        vault_id = secrets.token_hex(16)
        data_key = SecretKey.generate()
        with engine.begin() as connection:
            connection.execute(
                text("INSERT INTO vault_settings (key, value) VALUES (:k, :v)"),
                {"k": VAULT_ID_SETTING, "v": vault_id},
            )
        slots = KeySlotFile(vault_id=vault_id, database_salt=layout.database_salt())
        slots.add_passphrase_slot(USER, BENCH_USER, BENCH_PASSPHRASE, data_key, kdf)
        slots.add_passphrase_slot(RECOVERY, None, secrets.token_hex(20), data_key, kdf)
        slots.save(layout.keyslots, data_key)
        with make_session_factory(engine).begin() as session:
            account = Account(
                username=BENCH_USER, display_name=BENCH_NAME, role=Role.COORDINATOR, created_at=now
            )
            session.add(account)
            session.flush()
            audit_chain.append(session, now, BENCH_USER, actions.VAULT_CREATED)
    finally:
        engine.dispose()
        writer.release()
    return data_key


def open_plain(folder: Path, data_key: SecretKey, clock: Clock) -> SignedIn:
    """Opens the plain store as sign-in opens a vault, without a passphrase (nothing to derive).

    data_key: a copy of create_plain's key (locking the returned vault wipes it).
    """
    layout = VaultLayout(folder)
    writer = acquire_writer_lock(layout.writer_lock)
    slots = KeySlotFile.load(layout.keyslots)
    slots.verify_mac(data_key)
    engine = create_vault_engine(layout.database, None)
    upgrade_to_head(engine, layout.safety_copies, clock.now())
    vault = OpenVault(layout, slots, data_key, engine, make_session_factory(engine), writer=writer)
    now = clock.now()
    with vault.sessions.begin() as session:
        account = session.execute(
            select(Account).where(Account.username == BENCH_USER)
        ).scalar_one()
        audit_chain.append(session, now, BENCH_USER, actions.SIGN_IN)
        user = CurrentUser(account.id, BENCH_USER, BENCH_NAME, Role.COORDINATOR)
    return SignedIn(vault, user)


def _open_read_only_unkeyed(database: Path, _key: SecretKey) -> Any:
    connection = sqlcipher3.connect(
        f"{database.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
    )
    connection.execute("PRAGMA temp_store = MEMORY")
    return connection


@contextlib.contextmanager
def plain_backup_checks() -> Iterator[None]:
    """While backing up the plain store: the snapshot's checks read it without a key.

    The backup code opens its snapshot keyed with the vault's data key, which an unencrypted
    file cannot be read with; everything else in the backup (VACUUM INTO, integrity check,
    hashes, manifest MAC, copy, check of the copy) runs unchanged.
    """
    with mock.patch("desktop.backup.snapshot.open_read_only", _open_read_only_unkeyed):
        yield


def is_plain_sqlite(database: Path) -> bool:
    with database.open("rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"

"""Creating, opening, locking and re-keying a vault: the data key, the engine and the slots."""

from __future__ import annotations

import base64
import copy
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from desktop.store.engine import create_vault_engine, make_session_factory, open_raw_connection
from desktop.store.migrate import upgrade_to_head
from desktop.vault.errors import (
    DatabaseDamagedError,
    VaultExistsError,
    VaultMismatchError,
    VaultNotFoundError,
)
from desktop.vault.kdf import KdfPolicy
from desktop.vault.keyslots import RECOVERY, USER, KeySlotFile
from desktop.vault.layout import VaultLayout
from desktop.vault.secret import SecretKey
from desktop.vault.writer_lock import WriterLock, acquire_writer_lock

VAULT_ID_SETTING = "vault_id"


@dataclass
class OpenVault:
    """An unlocked vault. lock() drops every connection and overwrites the key."""

    layout: VaultLayout
    slots: KeySlotFile
    data_key: SecretKey
    engine: Engine
    sessions: sessionmaker[Session]
    safety_copy: Path | None = None
    locked: bool = field(default=False)
    # This session's share of the one-writer lock; None for a vault opened without a sign-in.
    writer: WriterLock | None = None

    def save_slots(self) -> None:
        self.slots.save(self.layout.keyslots, self.data_key)

    def refresh_slots(self) -> KeySlotFile:
        """The slot file as it is on disk now, before changing it.

        Another window on this vault may have changed it since this one opened (a new device
        slot, a disabled account, a re-key); saving the copy read at sign-in would undo that.
        """
        slots = KeySlotFile.load(self.layout.keyslots)
        slots.verify_mac(self.data_key)
        self.slots = slots
        return slots

    def lock(self) -> None:
        if self.locked:
            return
        self.engine.dispose()
        self.data_key.wipe()
        self.locked = True
        # Last: every connection is closed before another process may open the vault.
        if self.writer is not None:
            self.writer.release()

    def rekey(self, progress: Callable[[int], None] | None = None) -> None:
        """New data key for the database and every remaining slot (after disabling someone).

        The new slots are written beside the old ones first, then the database is re-keyed,
        then the new slot file replaces the old: a crash at any point leaves a file that opens
        the database (the sign-in falls back to the pending file).
        """
        report = progress or (lambda _percent: None)
        new_key = SecretKey.generate()
        # A separate copy: if the re-key fails, the slots in memory still match the database.
        resealed = copy.deepcopy(self.refresh_slots())
        resealed.reseal_all(new_key)
        resealed.save(self.layout.pending_keyslots, new_key)
        report(20)
        self.engine.dispose()
        connection = open_raw_connection(self.layout.database, self.data_key)
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.execute(f'PRAGMA rekey = "{new_key.hex_pragma_value()}"')
        except BaseException:
            self.layout.pending_keyslots.unlink(missing_ok=True)
            new_key.wipe()
            raise
        finally:
            connection.close()
        report(80)
        os.replace(self.layout.pending_keyslots, self.layout.keyslots)
        self.slots = resealed
        # The engine (and every service's session factory) keeps this SecretKey object:
        # its next connections open with the new key.
        self.data_key.take_over(new_key)
        self.engine.dispose()
        report(100)


def new_recovery_key() -> str:
    """160 random bits, as eight groups of four letters and digits easy to read aloud."""
    letters = base64.b32encode(secrets.token_bytes(20)).decode("ascii")
    return "-".join(letters[i : i + 4] for i in range(0, 32, 4))


def create_vault(
    layout: VaultLayout,
    username: str,
    passphrase: str,
    kdf_policy: KdfPolicy,
    now: datetime,
    *,
    demo: bool = False,
) -> tuple[OpenVault, str]:
    """A new vault with the first coordinator's slot and a recovery slot.

    Returns the open vault and the recovery key (shown once, never stored).
    """
    if layout.exists():
        raise VaultExistsError()
    layout.folder.mkdir(parents=True, exist_ok=True)
    writer = acquire_writer_lock(layout.writer_lock)
    data_key = SecretKey.generate()
    engine = create_vault_engine(layout.database, data_key)
    vault_id = secrets.token_hex(16)
    try:
        upgrade_to_head(engine, layout.safety_copies, now)
        with engine.begin() as connection:
            connection.execute(
                text("INSERT INTO vault_settings (key, value) VALUES (:k, :v)"),
                {"k": VAULT_ID_SETTING, "v": vault_id},
            )
        slots = KeySlotFile(vault_id=vault_id, database_salt=layout.database_salt(), demo=demo)
        slots.add_passphrase_slot(USER, username, passphrase, data_key, kdf_policy)
        recovery_key = new_recovery_key()
        slots.add_passphrase_slot(RECOVERY, None, recovery_key, data_key, kdf_policy)
        slots.save(layout.keyslots, data_key)
    except BaseException:
        engine.dispose()
        data_key.wipe()
        writer.release()
        raise
    vault = OpenVault(layout, slots, data_key, engine, make_session_factory(engine), writer=writer)
    return vault, recovery_key


def load_slots(layout: VaultLayout) -> KeySlotFile:
    if not layout.keyslots.exists() or not layout.database.exists():
        raise VaultNotFoundError()
    return KeySlotFile.load(layout.keyslots)


def open_with_key(
    layout: VaultLayout, slots: KeySlotFile, data_key: SecretKey, now: datetime
) -> OpenVault:
    """Checks that the database belongs to these slots and can be read, then migrates it."""
    if layout.database_salt() != slots.database_salt:
        data_key.wipe()
        raise VaultMismatchError()
    _check_readable(layout, data_key)
    engine = create_vault_engine(layout.database, data_key)
    try:
        safety_copy = upgrade_to_head(engine, layout.safety_copies, now)
        with engine.connect() as connection:
            stored_id = connection.execute(
                text("SELECT value FROM vault_settings WHERE key = :k"), {"k": VAULT_ID_SETTING}
            ).scalar_one_or_none()
        if stored_id != slots.vault_id:
            raise VaultMismatchError()
    except BaseException:
        engine.dispose()
        data_key.wipe()
        raise
    return OpenVault(layout, slots, data_key, engine, make_session_factory(engine), safety_copy)


def _check_readable(layout: VaultLayout, data_key: SecretKey) -> None:
    """A wrong key or a damaged page shows only at the first read, so read now."""
    try:
        connection = open_raw_connection(layout.database, data_key)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlcipher3.DatabaseError as error:
        data_key.wipe()
        raise DatabaseDamagedError() from error


def integrity_problems(vault: OpenVault) -> list[str]:
    """Empty when SQLCipher's page HMACs and SQLite's structure checks all hold."""
    problems: list[str] = []
    connection = open_raw_connection(vault.layout.database, vault.data_key)
    try:
        for row in connection.execute("PRAGMA cipher_integrity_check").fetchall():
            problems.append(f"encrypted page check: {row[0]}")
        result = [row[0] for row in connection.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            problems.extend(f"structure check: {line}" for line in result)
    except sqlcipher3.DatabaseError:
        problems.append("the database file could not be read")
    finally:
        connection.close()
    return problems

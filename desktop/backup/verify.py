"""Checking a backup: its files against the manifest, and with a passphrase everything else.

Without a passphrase only the SHA-256 of each file can be checked (damage, not forgery). With
any account's passphrase or the recovery key, the backup's own key-slot file gives the data
key: the manifest MAC, the database's page and structure checks and the audit chain follow.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from desktop.backup.errors import BackupDamagedError, BackupError
from desktop.backup.manifest import BACKED_UP_FILES, check_hashes, read_manifest
from desktop.backup.snapshot import database_problems, open_read_only
from desktop.services import audit_chain
from desktop.vault.errors import KeySlotFileTamperedError, WrongPassphraseError
from desktop.vault.keyslots import KeySlotFile
from desktop.vault.layout import DATABASE_NAME, KEYSLOTS_NAME
from desktop.vault.open_vault import VAULT_ID_SETTING
from desktop.vault.secret import SecretKey


class WrongBackupPassphraseError(BackupError):
    reason = "wrong passphrase"

    def __init__(self) -> None:
        super().__init__(
            "That passphrase (or recovery key) opens no key slot in this backup. A backup keeps "
            "the passphrases that were valid when it was taken."
        )


@dataclass
class BackupReport:
    lines: list[str] = field(default_factory=list)


def verify_backup(folder: Path, passphrase: str | None = None) -> BackupReport:
    """Raises BackupError naming the first file or check that failed; returns what was checked."""
    if not folder.is_dir():
        raise BackupError("That backup folder does not exist or cannot be reached.")
    report = BackupReport()
    manifest = read_manifest(folder)
    report.lines.append(
        f"Manifest: made {manifest.created_at:%Y-%m-%d %H:%M:%S %Z} by Casebook "
        f"{manifest.app_version}, schema {manifest.schema_revision}."
    )
    check_hashes(folder, manifest)
    report.lines.append("Files: " + ", ".join(BACKED_UP_FILES) + " match their SHA-256.")
    if passphrase is None:
        return report
    key = unlock_backup(folder, passphrase)
    try:
        if not manifest.mac_matches(key):
            raise BackupDamagedError(
                "manifest.json: its signature does not match (the backup was altered)."
            )
        report.lines.append("Manifest signature (MAC under the data key): valid.")
        _check_database(folder, key, report)
    finally:
        key.wipe()
    return report


def unlock_backup(folder: Path, passphrase: str) -> SecretKey:
    """The data key from the backup's own key-slot file (any account or the recovery key)."""
    try:
        slots = KeySlotFile.load(folder / KEYSLOTS_NAME)
    except KeySlotFileTamperedError as error:
        raise BackupDamagedError(f"{KEYSLOTS_NAME}: {error}") from error
    try:
        key = slots.unlock_with_any_passphrase(passphrase)
    except WrongPassphraseError:
        # Recovery keys are printed in capitals; accept one typed in lower case.
        typed = passphrase.strip().upper()
        if typed == passphrase:
            raise WrongBackupPassphraseError() from None
        try:
            key = slots.unlock_with_recovery_key(typed)
        except WrongPassphraseError:
            raise WrongBackupPassphraseError() from None
    except KeySlotFileTamperedError as error:
        raise BackupDamagedError(f"{KEYSLOTS_NAME}: {error}") from error
    with (folder / DATABASE_NAME).open("rb") as handle:
        salt = handle.read(16).hex()  # SQLCipher's salt: the start of the file, unencrypted
    if salt != slots.database_salt:
        key.wipe()
        raise BackupDamagedError(f"{DATABASE_NAME} belongs to another vault than its key slots.")
    return key


@contextmanager
def backup_session(database: Path, key: SecretKey) -> Iterator[Session]:
    """A read-only ORM session over a backup's database (for the audit chain)."""

    def connect() -> Any:
        return open_read_only(database, key)

    engine = create_engine(
        "sqlite://", module=sqlcipher3, creator=connect, poolclass=NullPool, hide_parameters=True
    )
    try:
        with Session(engine) as session:
            yield session
    finally:
        engine.dispose()


def _check_database(folder: Path, key: SecretKey, report: BackupReport) -> None:
    database = folder / DATABASE_NAME
    problems = database_problems(database, key)
    if problems:
        raise BackupDamagedError(f"{DATABASE_NAME}: " + "; ".join(problems))
    report.lines.append(f"{DATABASE_NAME}: encrypted pages and structure are intact.")
    slots = KeySlotFile.load(folder / KEYSLOTS_NAME)
    with backup_session(database, key) as session:
        vault_id = session.execute(
            text("SELECT value FROM vault_settings WHERE key = :k"), {"k": VAULT_ID_SETTING}
        ).scalar_one_or_none()
        if vault_id != slots.vault_id:
            raise BackupDamagedError(f"{DATABASE_NAME} belongs to another vault than its slots.")
        verdict = audit_chain.verify(session, slots.audit_head)
    if not verdict.intact:
        raise BackupDamagedError(f"{DATABASE_NAME}: audit log: " + "; ".join(verdict.problems))
    report.lines.append(f"Audit log: {verdict.rows_checked} rows, chain intact.")

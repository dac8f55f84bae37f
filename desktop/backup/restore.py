"""Restoring a backup: as a new vault folder, or in place after keeping a safety copy.

The backup is checked in full first (hashes, MAC, integrity, audit chain). The files are put
together in a staging folder beside the target, signed in to (which proves the account can
open it) and audited there, and only then renamed into place: a failure at any step leaves
the current vault as it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from desktop.backup.errors import BackupError
from desktop.backup.manifest import read_manifest
from desktop.backup.verify import verify_backup
from desktop.clock import Clock
from desktop.services import actions, audit_chain
from desktop.services.sign_in_service import SignInService
from desktop.vault.layout import DATABASE_NAME, KEYSLOTS_NAME, VaultLayout
from desktop.vault.writer_lock import acquire_writer_lock, held_in_this_process


@dataclass(frozen=True)
class RestoreResult:
    folder: Path
    # In place only: where the vault that was replaced now lives.
    safety_copy: Path | None


def restore(
    backup: Path,
    target: Path,
    username: str,
    passphrase: str,
    clock: Clock,
    *,
    in_place: bool = False,
) -> RestoreResult:
    """Restores `backup` into `target` (new unless in_place) and audits it there."""
    target = target.absolute()
    if in_place:
        if not VaultLayout(target).exists():
            raise BackupError("There is no vault in that folder to restore in place of.")
    elif target.exists():
        raise BackupError(
            "That folder already exists. Restore into a new folder, or choose to restore "
            "in place of the current vault (a safety copy of it is kept)."
        )
    verify_backup(backup, passphrase)
    stamp = f"{clock.now().astimezone(UTC):%Y%m%dT%H%M%SZ}"
    staging = target.with_name(f"{target.name}.restoring-{stamp}")
    try:
        staging.mkdir(parents=True)
        for name in (DATABASE_NAME, KEYSLOTS_NAME):
            shutil.copyfile(backup / name, staging / name)
        _audit_restore(staging, backup, username, passphrase, clock)
        safety_copy: Path | None = None
        if in_place:
            safety_copy = target.with_name(f"{target.name}.before-restore-{stamp}")
            # Refused (VaultInUseError) while any Casebook has the current vault open. Released
            # before the rename: Windows cannot move a folder holding an open file (which also
            # stops a Casebook that opens the vault in between from being moved under it).
            lock_path = VaultLayout(target).writer_lock
            if held_in_this_process(lock_path):
                raise BackupError("Lock the vault before restoring a backup in place of it.")
            acquire_writer_lock(lock_path).release()
            os.replace(target, safety_copy)
        os.replace(staging, target)
    except BaseException:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
        raise
    return RestoreResult(target, safety_copy)


def _audit_restore(
    folder: Path, backup: Path, username: str, passphrase: str, clock: Clock
) -> None:
    created = read_manifest(backup).created_at
    signed_in = SignInService(VaultLayout(folder), clock).sign_in(username, passphrase)
    vault = signed_in.vault
    try:
        with vault.sessions.begin() as session:
            audit_chain.append(
                session,
                clock.now(),
                signed_in.user.username,
                actions.RESTORE,
                "backup",
                f"{created.astimezone(UTC):%Y%m%dT%H%M%SZ}",
                outcome="restored from a backup",
            )
            audit_chain.append(session, clock.now(), signed_in.user.username, actions.SIGN_OUT)
            newest = audit_chain.head(session)
        vault.refresh_slots().audit_head = newest
        vault.save_slots()
    finally:
        vault.lock()

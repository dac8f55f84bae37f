"""Copying a verified snapshot to the backup folder: a .partial name until every hash matches.

A reader of the backup folder only ever sees complete, checked backups under their final
name; anything that fails part-way is removed (or, if the folder vanished, left unnamed).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from desktop.backup.errors import (
    BackupCancelledError,
    BackupDamagedError,
    BackupError,
    DestinationUnreachableError,
)
from desktop.backup.manifest import (
    BACKED_UP_FILES,
    CHUNK,
    MANIFEST_NAME,
    Manifest,
    check_hashes,
    read_manifest,
)

Progress = Callable[[int], None]
Cancelled = Callable[[], bool]
PARTIAL_SUFFIX = ".partial"
NAME_PATTERN = re.compile(r"^casebook-(\d{8}T\d{6}Z)(?:-(\d+))?$")


def backup_name(at: datetime) -> str:
    return f"casebook-{at.astimezone(UTC):%Y%m%dT%H%M%SZ}"


def is_backup_name(name: str) -> bool:
    return NAME_PATTERN.match(name) is not None


def _free_name(destination: Path, at: datetime) -> str:
    """Two backups in the same second get a counter rather than overwrite each other."""
    base = backup_name(at)
    name, counter = base, 1
    while (destination / name).exists() or (destination / (name + PARTIAL_SUFFIX)).exists():
        counter += 1
        name = f"{base}-{counter}"
    return name


def copy_to_destination(
    snapshot: Path,
    destination: Path,
    at: datetime,
    progress: Progress,
    cancelled: Cancelled,
) -> Path:
    """Copies the snapshot folder to DESTINATION/casebook-<time>/ and returns that path."""
    if not destination.is_dir():
        raise DestinationUnreachableError()
    manifest = read_manifest(snapshot)
    try:
        name = _free_name(destination, at)
        partial = destination / (name + PARTIAL_SUFFIX)
        partial.mkdir()
    except OSError as error:
        raise DestinationUnreachableError() from error
    try:
        _copy_files(snapshot, partial, progress, cancelled)
        _check_copy(partial, manifest)
        final = destination / name
        os.replace(partial, final)
    except BaseException as error:
        with contextlib.suppress(OSError):
            shutil.rmtree(partial)
        if isinstance(error, OSError):
            raise DestinationUnreachableError() from error
        raise
    progress(100)
    return final


def _copy_files(source: Path, target: Path, progress: Progress, cancelled: Cancelled) -> None:
    names = [*BACKED_UP_FILES, MANIFEST_NAME]
    total = sum((source / name).stat().st_size for name in names) or 1
    done = 0
    for name in names:
        with (source / name).open("rb") as reader, (target / name).open("xb") as writer:
            while chunk := reader.read(CHUNK):
                if cancelled():
                    raise BackupCancelledError()
                writer.write(chunk)
                done += len(chunk)
                # The copy is most of the work; the last 10% is the check at the destination.
                progress(min(90, done * 90 // total))
            writer.flush()
            os.fsync(writer.fileno())


def _check_copy(folder: Path, expected: Manifest) -> None:
    """Re-reads every file at the destination: a share can drop or mangle bytes silently."""
    try:
        copied = read_manifest(folder)
        if copied != expected:
            raise BackupDamagedError(f"{MANIFEST_NAME} changed while it was copied.")
        check_hashes(folder, expected)
    except BackupDamagedError as error:
        raise BackupError(
            f"The copy in the backup folder did not match the snapshot: {error}",
            reason="copy check failed",
        ) from error

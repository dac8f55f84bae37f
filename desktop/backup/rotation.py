"""Which backups to keep: the newest of each of the last N days and of the last M ISO weeks."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path

from desktop.backup.errors import BackupError
from desktop.backup.manifest import read_manifest
from desktop.backup.writer import is_backup_name


def backups_to_keep(
    stamps: Iterable[datetime], now: datetime, daily: int, weekly: int
) -> set[datetime]:
    """A pure choice over creation times (aware datetimes; days and weeks are UTC).

    Backups stamped after `now` are kept: a wrong clock must never cost a backup.
    """
    times = sorted(set(stamps), reverse=True)
    if not times:
        return set()
    keep = {times[0]}  # never delete the newest backup
    keep.update(t for t in times if t > now)
    newest_by_day: dict[date, datetime] = {}
    newest_by_week: dict[tuple[int, int], datetime] = {}
    # Newest first, so the first one seen per day or week is its newest. Future ones are kept
    # above and do not take up a day or week of the retention.
    for stamp in (t for t in times if t <= now):
        utc = stamp.astimezone(UTC)
        newest_by_day.setdefault(utc.date(), stamp)
        iso = utc.isocalendar()
        newest_by_week.setdefault((iso.year, iso.week), stamp)
    days = sorted(newest_by_day, reverse=True)[: max(daily, 0)]
    weeks = sorted(newest_by_week, reverse=True)[: max(weekly, 0)]
    keep.update(newest_by_day[day] for day in days)
    keep.update(newest_by_week[week] for week in weeks)
    return keep


def rotate(destination: Path, vault_id: str, now: datetime, daily: int, weekly: int) -> list[Path]:
    """Deletes this vault's backups not chosen; returns them.

    Touches only folders with a backup's name and a readable manifest of this vault: anything
    else in the folder (another vault's backups, a person's files) is left alone.
    """
    found: dict[datetime, list[Path]] = {}
    for folder in destination.iterdir():
        if not folder.is_dir() or not is_backup_name(folder.name):
            continue
        try:
            manifest = read_manifest(folder)
        except BackupError:
            continue  # not recognisably a backup: leave it for a person to look at
        if manifest.vault_id != vault_id:
            continue
        created = manifest.created_at
        found.setdefault(created, []).append(folder)
    keep = backups_to_keep(found, now, daily, weekly)
    removed: list[Path] = []
    for created, folders in found.items():
        if created in keep:
            continue
        for folder in folders:
            with contextlib.suppress(OSError):
                shutil.rmtree(folder)
                removed.append(folder)
    return removed

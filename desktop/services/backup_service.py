"""Running a backup of the open vault and remembering how the last ones went.

The GUI runs run_backup off its own thread with a progress callback and a cancel check; the
command line runs it directly. Every attempt is audited in the vault, with its outcome class
and duration, and the last attempt and the last good backup are kept as vault settings for
the Administration screen.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from desktop.backup.errors import BackupCancelledError, BackupError
from desktop.backup.manifest import write_manifest
from desktop.backup.rotation import rotate
from desktop.backup.snapshot import Snapshot, take_snapshot
from desktop.backup.writer import copy_to_destination
from desktop.clock import Clock
from desktop.models.vault_settings import VaultSetting
from desktop.services import actions, audit_chain
from desktop.services.backup_settings import BackupSettings, load_backup_settings
from desktop.services.current_user import CurrentUser
from desktop.vault.open_vault import OpenVault

LAST_ATTEMPT = "backup_last_attempt"
LAST_GOOD = "backup_last_good"
# How the work is shared out on the progress bar: the local snapshot, then the copy.
SNAPSHOT_SHARE = 30


@dataclass(frozen=True)
class BackupResult:
    path: Path
    duration_seconds: float
    size_bytes: int


@dataclass(frozen=True)
class BackupRecord:
    """One attempt as Administration shows it: when, how it went, how long it took."""

    at: datetime
    outcome: str  # "ok" or "failed: <reason>"
    duration_seconds: float

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"

    def to_json(self) -> str:
        return json.dumps(
            {"at": self.at.isoformat(), "outcome": self.outcome, "duration": self.duration_seconds}
        )

    @classmethod
    def from_json(cls, value: str) -> BackupRecord:
        data = json.loads(value)
        return cls(
            datetime.fromisoformat(data["at"]), str(data["outcome"]), float(data["duration"])
        )


@dataclass(frozen=True)
class BackupStatus:
    last_attempt: BackupRecord | None
    last_good: BackupRecord | None


def _no_progress(_percent: int) -> None:
    pass


def _not_cancelled() -> bool:
    return False


class BackupService:
    def __init__(
        self, vault: OpenVault, user: CurrentUser, clock: Clock, settings: BackupSettings | None
    ) -> None:
        """settings None: read them from the vault at each run (the coordinator may change them)."""
        self._vault = vault
        self._user = user
        self._clock = clock
        self._settings = settings

    def settings(self) -> BackupSettings:
        if self._settings is not None:
            return self._settings
        with self._vault.sessions.begin() as session:
            return load_backup_settings(session)

    def run_backup(
        self,
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        destination: Path | None = None,
    ) -> BackupResult:
        """Snapshot, verify, copy, check, rename, rotate. Raises BackupError (already audited)."""
        report = progress or _no_progress
        is_cancelled = cancelled or _not_cancelled
        started_at, started = self._clock.now(), self._clock.monotonic()
        settings = self.settings()
        snapshot: Snapshot | None = None
        try:
            folder = destination or settings.folder_path
            if folder is None:
                raise BackupError("No backup folder has been set.", reason="no folder set")
            report(0)
            snapshot = take_snapshot(self._vault)
            write_manifest(
                snapshot.folder,
                self._vault.slots.vault_id,
                started_at,
                snapshot.schema_revision,
                self._vault.data_key,
            )
            if is_cancelled():
                raise BackupCancelledError()
            report(SNAPSHOT_SHARE)
            path = copy_to_destination(
                snapshot.folder,
                folder,
                started_at,
                lambda percent: report(SNAPSHOT_SHARE + percent * (99 - SNAPSHOT_SHARE) // 100),
                is_cancelled,
            )
            size = sum(item.stat().st_size for item in path.iterdir())
            # A failed clean-up must not turn a good backup into a failed one.
            with contextlib.suppress(OSError):
                rotate(
                    folder,
                    self._vault.slots.vault_id,
                    self._clock.now(),
                    settings.keep_daily,
                    settings.keep_weekly,
                )
        except BackupError as error:
            self._record(started_at, f"failed: {error.reason}", started)
            raise
        except Exception as error:
            self._record(started_at, "failed: unexpected", started)
            raise BackupError(
                "The backup could not be made (the vault itself is unchanged).", reason="unexpected"
            ) from error
        finally:
            if snapshot is not None:
                snapshot.discard()
        duration = self._record(started_at, "ok", started)
        report(100)
        return BackupResult(path, duration, size)

    def _record(self, at: datetime, outcome: str, started: float) -> float:
        duration = round(self._clock.monotonic() - started, 3)
        record = BackupRecord(at, outcome, duration)
        try:
            with self._vault.sessions.begin() as session:
                session.merge(VaultSetting(key=LAST_ATTEMPT, value=record.to_json()))
                if record.ok:
                    session.merge(VaultSetting(key=LAST_GOOD, value=record.to_json()))
                audit_chain.append(
                    session,
                    self._clock.now(),
                    self._user.username,
                    actions.BACKUP,
                    "backup",
                    f"{duration:.1f} s",
                    outcome=outcome,
                )
        except SQLAlchemyError:
            if record.ok:
                raise
            # Recording a failure must not hide the failure itself.
        return duration

    def last_backup(self) -> BackupStatus:
        with self._vault.sessions.begin() as session:
            attempt = session.get(VaultSetting, LAST_ATTEMPT)
            good = session.get(VaultSetting, LAST_GOOD)
            return BackupStatus(
                BackupRecord.from_json(attempt.value) if attempt else None,
                BackupRecord.from_json(good.value) if good else None,
            )

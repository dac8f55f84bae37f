"""Backup settings kept in the vault: the folder, when to back up, and how many to keep."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path, PureWindowsPath

from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Role
from desktop.models.vault_settings import VaultSetting
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import PermissionDeniedError

PREFIX = "backup_"
EVERY_HOURS_RANGE = (0, 168)
DAILY_RANGE = (1, 366)
WEEKLY_RANGE = (0, 520)


@dataclass(frozen=True)
class BackupSettings:
    folder: str = ""  # empty: not set up yet
    on_close: bool = False
    every_hours: int = 0  # 0: no backups while Casebook runs
    keep_daily: int = 7
    keep_weekly: int = 4

    def problems(self) -> list[str]:
        found: list[str] = []
        if self.folder and not (
            Path(self.folder).is_absolute() or PureWindowsPath(self.folder).is_absolute()
        ):
            found.append(
                "The backup folder must be a full path: a mapped drive (for example "
                "Z:\\Casebook) or a network path (\\\\server\\share\\Casebook)."
            )
        for label, value, (low, high) in (
            ("The hours between backups", self.every_hours, EVERY_HOURS_RANGE),
            ("The daily copies kept", self.keep_daily, DAILY_RANGE),
            ("The weekly copies kept", self.keep_weekly, WEEKLY_RANGE),
        ):
            if not low <= value <= high:
                found.append(f"{label} must be between {low} and {high}.")
        return found

    @property
    def folder_path(self) -> Path | None:
        return Path(self.folder) if self.folder else None


def _encode(value: str | bool | int) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def load_backup_settings(session: Session) -> BackupSettings:
    """For the backup itself, whoever is signed in (a backup on closing runs for everyone)."""
    defaults = BackupSettings()
    values: dict[str, str | bool | int] = {}
    for name, default in asdict(defaults).items():
        stored = session.get(VaultSetting, PREFIX + name)
        if stored is None:
            continue
        if isinstance(default, bool):
            values[name] = stored.value == "1"
        elif isinstance(default, int):
            values[name] = int(stored.value)
        else:
            values[name] = stored.value
    return BackupSettings(**values)  # type: ignore[arg-type]


class BackupSettingsService:
    """Coordinator only: reading them here is for the Administration screen."""

    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def _require_coordinator(self, doing: str) -> None:
        if self._user.role is not Role.COORDINATOR:
            raise PermissionDeniedError(doing)

    def settings(self) -> BackupSettings:
        self._require_coordinator("see the backup settings")
        with self._sessions.begin() as session:
            return load_backup_settings(session)

    def save(self, settings: BackupSettings) -> list[str]:
        """Stores what changed and audits each changed name (never the values). Returns names."""
        self._require_coordinator("change the backup settings")
        found = settings.problems()
        if found:
            raise ValueError(" ".join(found))
        changed: list[str] = []
        with self._sessions.begin() as session:
            current = asdict(load_backup_settings(session))
            for name, value in asdict(settings).items():
                if current[name] == value:
                    continue
                session.merge(VaultSetting(key=PREFIX + name, value=_encode(value)))
                audit_chain.append(
                    session,
                    self._clock.now(),
                    self._user.username,
                    actions.SETTING_CHANGED,
                    "setting",
                    PREFIX + name,
                )
                changed.append(PREFIX + name)
        return changed

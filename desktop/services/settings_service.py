"""Vault-wide settings kept in the vault itself (never in QSettings)."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Role
from desktop.models.vault_settings import VaultSetting
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import PermissionDeniedError

IDLE_LOCK_MINUTES = "idle_lock_minutes"
DEFAULT_IDLE_LOCK_MINUTES = 5
IDLE_LOCK_RANGE = (1, 60)


class SettingsService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def idle_lock_minutes(self) -> int:
        with self._sessions.begin() as session:
            setting = session.get(VaultSetting, IDLE_LOCK_MINUTES)
            return int(setting.value) if setting else DEFAULT_IDLE_LOCK_MINUTES

    def set_idle_lock_minutes(self, minutes: int) -> None:
        if self._user.role is not Role.COORDINATOR:
            raise PermissionDeniedError("change the idle lock time")
        low, high = IDLE_LOCK_RANGE
        if not low <= minutes <= high:
            raise ValueError(f"The idle lock time must be between {low} and {high} minutes.")
        with self._sessions.begin() as session:
            session.merge(VaultSetting(key=IDLE_LOCK_MINUTES, value=str(minutes)))
            audit_chain.append(
                session,
                self._clock.now(),
                self._user.username,
                actions.SETTING_CHANGED,
                "setting",
                IDLE_LOCK_MINUTES,
                outcome=f"{minutes} minutes",
            )

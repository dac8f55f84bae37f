"""Backup errors: each message is safe to show and to log (paths and names of files only)."""

from __future__ import annotations

from desktop.vault.errors import VaultError


class BackupError(VaultError):
    """A backup, a check of one, or a restore failed. `reason` is a short class for the audit."""

    reason = "error"

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        if reason is not None:
            self.reason = reason


class DestinationUnreachableError(BackupError):
    reason = "folder unreachable"

    def __init__(self) -> None:
        super().__init__(
            "The backup folder cannot be reached (is the network drive connected?). "
            "Nothing was lost; the backup will be tried again later."
        )


class BackupCancelledError(BackupError):
    reason = "cancelled"

    def __init__(self) -> None:
        super().__init__("The backup was cancelled; earlier backups are unchanged.")


class BackupDamagedError(BackupError):
    """A backup's files do not match its manifest, or its database fails its checks."""

    reason = "damaged"

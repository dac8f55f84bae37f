"""Where a vault's files live inside its folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DATABASE_NAME = "casebook.db"
KEYSLOTS_NAME = "keyslots.json"
# Written before a re-key and renamed over keyslots.json after it: a crash in between loses nothing.
PENDING_KEYSLOTS_NAME = "keyslots.next.json"
ATTEMPTS_NAME = "attempts.json"
SAFETY_FOLDER = "safety-copies"
# Held (OS-locked) by the one process that has the vault open: see writer_lock.py.
WRITER_LOCK_NAME = "casebook.lock"


@dataclass(frozen=True)
class VaultLayout:
    folder: Path

    @property
    def database(self) -> Path:
        return self.folder / DATABASE_NAME

    @property
    def keyslots(self) -> Path:
        return self.folder / KEYSLOTS_NAME

    @property
    def pending_keyslots(self) -> Path:
        return self.folder / PENDING_KEYSLOTS_NAME

    @property
    def attempts(self) -> Path:
        return self.folder / ATTEMPTS_NAME

    @property
    def safety_copies(self) -> Path:
        return self.folder / SAFETY_FOLDER

    @property
    def writer_lock(self) -> Path:
        return self.folder / WRITER_LOCK_NAME

    def exists(self) -> bool:
        return self.keyslots.exists() or self.database.exists()

    def database_salt(self) -> str:
        """SQLCipher keeps its 16-byte salt unencrypted at the start of the file."""
        with self.database.open("rb") as handle:
            return handle.read(16).hex()

"""Where Casebook keeps its vaults and its log on this computer (platformdirs)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs

from desktop import APP_NAME, ORGANISATION


@dataclass(frozen=True)
class AppPaths:
    data: Path
    logs: Path

    @classmethod
    def for_user(cls) -> AppPaths:
        dirs = PlatformDirs(APP_NAME, ORGANISATION, roaming=False)
        return cls(Path(dirs.user_data_dir), Path(dirs.user_log_dir))

    @property
    def default_vault(self) -> Path:
        return self.data / "vault"

    @property
    def demo_vault(self) -> Path:
        return self.data / "demo-vault"

    @property
    def log_file(self) -> Path:
        return self.logs / "casebook.log"

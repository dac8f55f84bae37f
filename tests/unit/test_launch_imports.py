"""The unlock screen shows before the heavy parts are imported: every section's screens, the
services and python-docx come in while the person types (issue 8: launch under 1 s)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("docx", "desktop.services.bundle", "desktop.views.shell.workspace")
SHOW_UNLOCK_SCREEN = """
import sys
from pathlib import Path
from PySide6.QtCore import QSettings
from desktop.app import build_main_window, create_application
from desktop.clock import SystemClock
from desktop.vault.device_keyring import DeviceKeyring
from desktop.vault.kdf import KdfPolicy
from desktop.vault.layout import VaultLayout
import desktop.views.shell.main_window as shell

app = create_application([])
window = build_main_window(
    VaultLayout(Path(sys.argv[1])), kdf_policy=KdfPolicy(), clock=SystemClock(),
    device=DeviceKeyring(), settings=QSettings(sys.argv[2], QSettings.Format.IniFormat),
)
window.show()
app.processEvents()
print(" ".join(name for name in sys.argv[3:] if name in sys.modules))
shell.preload_workspace()
print(" ".join(name for name in sys.argv[3:] if name in sys.modules))
"""


def test_the_unlock_screen_comes_up_without_the_workspace_then_it_is_preloaded(
    tmp_path: Path,
) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            SHOW_UNLOCK_SCREEN,
            str(tmp_path / "vault"),
            str(tmp_path / "settings.ini"),
            *HEAVY,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    at_unlock, after_preload = result.stdout.splitlines()[-2:]
    assert at_unlock == ""
    assert set(after_preload.split()) >= {"docx", "desktop.services.bundle"}

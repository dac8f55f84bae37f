"""The real start path paints the unlock screen without the heavy modules (issue 12: start-up).

The program is started the way `python main.py --vault FOLDER` starts it, with the start-up probe
set, so it quits once the unlock screen has painted; then it lists what it had imported.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.services.sign_in_service import SignedIn
from desktop.views.common.first_paint import STARTUP_PROBE_LINE, STARTUP_PROBE_VARIABLE

ROOT = Path(__file__).resolve().parents[2]
# Each is imported after the screen is up (the preload) or only when its feature is used.
HEAVY = (
    "docx",
    "openpyxl",
    "lxml",
    "msoffcrypto",
    "faker",
    "spellchecker",
    "sqlalchemy",
    "alembic",
    "filelock",
    "zxcvbn",
    "desktop.models",
    "desktop.store",
    "desktop.exports",
    "desktop.bench",
    "desktop.backup",
    "desktop.services.bundle",
    "desktop.views.shell.workspace",
)
# The sections' screens: only common widgets, the shell and the unlock screen come first.
ALLOWED_VIEWS = ("desktop.views.common", "desktop.views.shell", "desktop.views.unlock")
START_THEN_LIST_MODULES = """
import sys
from desktop.cli import main
code = main(["--vault", sys.argv[1]])
print("modules:", " ".join(sorted(sys.modules)))
sys.exit(code)
"""


def _start_to_unlock_screen(vault: Path, home: Path) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        STARTUP_PROBE_VARIABLE: "1",
        # Nothing reaches the real keyring, settings or log of whoever runs the tests.
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    return subprocess.run(
        [sys.executable, "-c", START_THEN_LIST_MODULES, str(vault)],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def test_the_unlock_screen_is_painted_before_any_heavy_module_is_imported(
    coordinator: tuple[SignedIn, str], tmp_path: Path
) -> None:
    signed_in, _recovery_key = coordinator
    result = _start_to_unlock_screen(signed_in.vault.layout.folder, tmp_path / "home")

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == STARTUP_PROBE_LINE
    modules = set(lines[-1].removeprefix("modules: ").split())
    # The screen really was built by this path, so what is missing was not needed for it.
    assert {"desktop.views.unlock.unlock_view", "desktop.services.sign_in_service"} <= modules
    imported_heavy = sorted(
        name for name in modules if any(name == h or name.startswith(h + ".") for h in HEAVY)
    )
    assert imported_heavy == []
    section_views = sorted(
        name
        for name in modules
        if name.startswith("desktop.views.")
        and not name.startswith(ALLOWED_VIEWS)
        and name.count(".") > 1
    )
    assert section_views == []

"""installer/startup_time.py times a real launch to the painted unlock screen, and no less."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from desktop.services.sign_in_service import SignedIn

ROOT = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    # installer/ is a folder of scripts, not a package: load the script from its file.
    spec = importlib.util.spec_from_file_location(
        "startup_time", ROOT / "installer/startup_time.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building the class
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def tool() -> ModuleType:
    return _tool()


def _environment(tool: ModuleType, folder: Path) -> dict[str, str]:
    environment: dict[str, str] = tool.probe_environment(folder)
    environment["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"  # not the real one
    return environment


def test_a_launch_is_timed_up_to_the_probe_line_of_the_painted_unlock_screen(
    tool: ModuleType, coordinator: tuple[SignedIn, str], tmp_path: Path
) -> None:
    vault = coordinator[0].vault.layout.folder
    command = [sys.executable, str(ROOT / "main.py"), "--vault", str(vault)]
    milliseconds = tool.time_launch(command, _environment(tool, tmp_path))
    assert 0 < milliseconds < tool.TIMEOUT_SECONDS * 1000
    # The probe kept the program's settings and log out of the user's own folders.
    assert any((tmp_path / "xdg_state_home").rglob("casebook.log"))


def test_a_program_that_never_shows_its_unlock_screen_is_not_given_a_time(
    tool: ModuleType, tmp_path: Path
) -> None:
    with pytest.raises(tool.ProbeError, match="without reporting its unlock screen"):
        tool.time_launch([sys.executable, "-c", "print('hello')"], _environment(tool, tmp_path))


def test_the_median_and_the_worst_run_are_reported(tool: ModuleType) -> None:
    timing = tool.Timing("source", (300.0, 200.0, 900.0, 250.0, 260.0))
    assert timing.median_ms == 260.0
    assert timing.max_ms == 900.0

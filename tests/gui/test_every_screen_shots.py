"""Every main screen in the light, dark and high-contrast looks and at 200%, checked and pictured.

Each screen's colours come from the look, and no layout cuts off or overlaps its widgets. With
CASEBOOK_SHOTS_DIR set, each screen is also saved as screens/<screen>-<look>.png to be looked
at; the 200% run is a child pytest run with QT_SCALE_FACTOR=2."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.models.accounts import Role
from desktop.services.demo_service import demo_username
from desktop.vault.layout import VaultLayout
from desktop.views.common.theme import PALETTES, Theme, apply_theme
from desktop.views.shell.main_window import MainWindow
from tests.gui.conftest import WindowFactory, sign_in
from tests.gui.screen_tour import SCREENS, THERAPIST_SCREENS, layout_problems
from tests.gui.test_painted_themes import pixels

# The smallest the main window allows: what a 1920 x 1200 screen at 200% leaves it.
SMALLEST = QSize(900, 600)
SCALED_IN_CI = {
    "record-chronology",
    "therapy-case",
    "coaching-timeline",
    "meeting-page",
    "community",
}
LOOKS = {"light": Theme.LIGHT, "dark": Theme.DARK, "high-contrast": Theme.HIGH_CONTRAST}


def _shots() -> Path | None:
    folder = os.environ.get("CASEBOOK_SHOTS_DIR")
    if not folder:
        return None
    path = Path(folder) / "screens"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _grounds(theme: Theme) -> set[int]:
    palette = PALETTES[theme]
    colours = (palette.window, palette.surface, palette.alternate, palette.header, palette.nav_bg)
    return {QColor(colour).rgb() & 0xFFFFFF for colour in colours}


def colour_problems(image: QImage, theme: Theme) -> list[str]:
    """The screen's commonest colour is one of the look's grounds, and on the dark look no
    more than a sliver is near-white (a panel that kept a light colour of its own)."""
    # Every third pixel each way (nearest, so no colour is blended): a ninth of the counting.
    sample = image.scaled(
        image.width() // 3,
        image.height() // 3,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.FastTransformation,
    )
    counts = pixels(sample)
    found = []
    commonest = counts.most_common(1)[0][0]
    if commonest not in _grounds(theme):
        found.append(f"#{commonest:06x} is not a ground of {theme.value}")
    if theme is Theme.DARK:
        light = sum(n for value, n in counts.items() if QColor.fromRgb(value).lightnessF() > 0.85)
        share = light / sample.width() / sample.height()
        if share > 0.08:
            found.append(f"{share:.0%} near-white on the dark look")
    return found


def _tour(
    qtbot: QtBot, window: MainWindow, looks: dict[str, Theme], only: set[str] | None = None
) -> Iterator[tuple[str, str, Theme]]:
    """Each screen in each look: the coordinator's (every section), then the therapist's own;
    yields (screen, look, theme) with the window showing it."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for role, every in ((Role.COORDINATOR, SCREENS), (Role.FAMILY_THERAPIST, THERAPIST_SCREENS)):
        screens = [(name, arrange) for name, arrange in every if only is None or name in only]
        if not screens:
            continue
        _sign_in_as(qtbot, window, role)
        for first, (look, theme) in enumerate(looks.items()):
            apply_theme(app, theme)
            for name, arrange in screens:
                arrange(window)
                # Layouts settle, and loads put off to the first paint land (once built,
                # a screen only restyles).
                qtbot.wait(150 if first == 0 else 40)
                yield name, look, theme


def _sign_in_as(qtbot: QtBot, window: MainWindow, role: Role) -> None:
    user = window.services.user if window.services is not None else None
    if user is None or user.role is not role:
        window.sign_out()
        sign_in(qtbot, window, demo_username(role))
        window.resize(SMALLEST)


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    apply_theme(qapp, Theme.LIGHT)


def test_every_main_screen_follows_each_look_and_keeps_its_layout(
    qtbot: QtBot, app: QApplication, demo_vault: VaultLayout, window_factory: WindowFactory
) -> None:
    shots = _shots()
    window = window_factory()
    window.resize(SMALLEST)
    for look, theme in LOOKS.items():  # the unlock screen, before anyone signs in
        apply_theme(app, theme)
        qtbot.wait(30)
        if shots:
            window.grab().save(str(shots / f"unlock-{look}.png"))
        assert colour_problems(window.grab().toImage(), theme) == [], look
    problems: dict[str, list[str]] = {}
    for name, look, theme in _tour(qtbot, window, LOOKS):
        image = window.grab().toImage()
        if shots:
            image.save(str(shots / f"{name}-{look}.png"))
        found = colour_problems(image, theme)
        if theme is Theme.LIGHT:
            found += layout_problems(window)
        if found:
            problems[f"{name}-{look}"] = found
    assert not problems, "\n".join(f"{name}: {found}" for name, found in problems.items())


def test_the_200_percent_run_passes(tmp_path: Path) -> None:
    """QT_SCALE_FACTOR only counts before the QApplication exists: a child pytest run."""
    env = {**os.environ, "QT_SCALE_FACTOR": "2", "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-n0", "-p", "no:cacheprovider", "--rootdir", "."]
        + [str(Path(__file__).with_name("scaled_screens_check.py"))],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=Path(__file__).parents[2],
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "1 passed" in run.stdout

"""The 200% half of tests/gui/test_every_screen_shots.py: run only by that file's child pytest
with QT_SCALE_FACTOR=2 (the scale counts only before the QApplication exists). Its name keeps it
out of the normal collection, so the parent run skips nothing."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.vault.layout import VaultLayout
from desktop.views.common.theme import Theme
from tests.gui.conftest import WindowFactory
from tests.gui.screen_tour import layout_problems
from tests.gui.test_every_screen_shots import SCALED_IN_CI, SMALLEST, _shots, _tour


def test_every_main_screen_at_200_percent_keeps_its_layout(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory
) -> None:
    shots = _shots()
    window = window_factory()
    window.resize(SMALLEST)
    qtbot.wait(30)
    assert window.devicePixelRatio() == 2.0
    assert layout_problems(window) == []
    if shots:
        window.grab().save(str(shots / "unlock-200.png"))
    problems: dict[str, list[str]] = {}
    # Every screen when the pictures are wanted; in CI the ones whose layouts 200% once broke
    # (the logical layout is the 100% one, which test_every_screen_shots.py checks everywhere).
    only = None if shots else SCALED_IN_CI
    for name, _look, _theme in _tour(qtbot, window, {"200": Theme.LIGHT}, only):
        if found := layout_problems(window):
            problems[name] = found
        if shots:
            window.grab().save(str(shots / f"{name}-200.png"))
    assert not problems, "\n".join(f"{name}: {found}" for name, found in problems.items())

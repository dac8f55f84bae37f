"""Light, dark and high-contrast looks: chosen from the OS and the person, readable, focus shown."""

from __future__ import annotations

import re
from dataclasses import asdict
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.app import create_application
from desktop.resources_path import resource
from desktop.views.common.theme import (
    HIGH_CONTRAST_KEY,
    IMAGES,
    PALETTES,
    TEXT_PAIRS,
    TEXT_SIZES,
    Theme,
    ThemeController,
    apply_theme,
    style_sheet,
    system_text_pt,
    theme_for,
)
from tests.gui.conftest import WindowFactory

FOCUSABLE = (
    "QLineEdit",
    "QPlainTextEdit",
    "QTextEdit",
    "QComboBox",
    "QSpinBox",
    "QDateEdit",
    "QPushButton",
    "QToolButton",
    "QCheckBox",
    "QRadioButton",
    "QTableView",
    "QListView",
)


def luminance(colour: str) -> float:
    """WCAG 2.2 relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(colour)
    return 0.2126 * channel(q.red()) + 0.7152 * channel(q.green()) + 0.0722 * channel(q.blue())


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.fixture
def app() -> QApplication:
    return create_application([])


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)


def test_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("theme", list(Theme))
def test_every_text_pair_meets_wcag_aa(theme: Theme) -> None:
    colours = asdict(PALETTES[theme])
    failures = [
        f"{ink} on {ground}: {contrast(colours[ink], colours[ground]):.2f}"
        for ink, ground in TEXT_PAIRS
        if contrast(colours[ink], colours[ground]) < 4.5
    ]
    assert failures == []


@pytest.mark.parametrize("theme", list(Theme))
def test_focus_outline_contrasts_with_the_surface(theme: Theme) -> None:
    # WCAG 1.4.11: a focus indicator needs 3:1 against what it sits on.
    palette = PALETTES[theme]
    assert contrast(palette.focus, palette.surface) >= 3.0
    assert contrast(palette.focus, palette.window) >= 3.0
    assert contrast(palette.nav_marker, palette.nav_bg) >= 3.0  # the navigation's focus ring


@pytest.mark.parametrize("theme", list(Theme))
def test_every_style_fills_every_colour_and_has_focus_rules(theme: Theme) -> None:
    sheet = style_sheet(theme)
    assert "@" not in sheet
    colours = set(asdict(PALETTES[theme]).values())
    for colour in re.findall(r"#[0-9a-fA-F]{6}\b", sheet):
        assert colour in colours
    without_comments = re.sub(r"/\*.*?\*/", "", sheet, flags=re.DOTALL)
    focus_rules = re.findall(r"([^{}]*:focus[^{]*)\{([^}]*)\}", without_comments)
    covered = {name.strip() for selectors, _ in focus_rules for name in selectors.split(",")}
    for widget in FOCUSABLE:
        assert f"{widget}:focus" in covered, widget
    palette = PALETTES[theme]
    for selectors, body in focus_rules:
        # The navigation list rings itself in its marker colour (the focus colour's twin there).
        ring = palette.nav_marker if "navigation" in selectors else palette.focus
        assert f"border: 2px solid {ring}" in body, selectors


def test_the_template_only_names_palette_colours() -> None:
    names = set(re.findall(r"@([a-z_]+)", resource("style.qss").read_text("utf-8")))
    assert names <= set(asdict(PALETTES[Theme.LIGHT])) | set(TEXT_SIZES) | set(IMAGES)
    assert all(resource("icons", file).is_file() for file in IMAGES.values())
    assert {"ink", "window", "focus", "surface"} <= names


def test_text_sizes_follow_the_os_text_size() -> None:
    sheet = style_sheet(Theme.LIGHT, 15.0)
    assert "font-size: 15pt;" in sheet
    assert "font-size: 24pt;" in sheet  # the page title stays 1.6 times the body text
    assert "font-size: 10pt;" in style_sheet(Theme.LIGHT)


def test_scheme_and_preference_choose_the_theme() -> None:
    assert theme_for(Qt.ColorScheme.Light, False) is Theme.LIGHT
    assert theme_for(Qt.ColorScheme.Unknown, False) is Theme.LIGHT
    assert theme_for(Qt.ColorScheme.Dark, False) is Theme.DARK
    assert theme_for(Qt.ColorScheme.Dark, True) is Theme.HIGH_CONTRAST


def test_dark_palette_is_applied_when_the_os_says_dark(
    app: QApplication, settings: QSettings, qtbot: QtBot
) -> None:
    controller = ThemeController(app, settings)
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    assert controller.apply(Qt.ColorScheme.Dark, False) is Theme.DARK
    dark = PALETTES[Theme.DARK]
    assert app.styleSheet() == style_sheet(Theme.DARK, system_text_pt())
    assert app.palette().color(QPalette.ColorRole.Window) == QColor(dark.window)
    assert app.palette().color(QPalette.ColorRole.WindowText) == QColor(dark.ink)
    # The polished widget draws with the dark colours, not only the application's palette.
    image = edit.grab().toImage()
    assert image.pixelColor(image.width() // 2, image.height() // 2) == QColor(dark.surface)

    assert controller.apply(Qt.ColorScheme.Light, False) is Theme.LIGHT
    assert app.palette().color(QPalette.ColorRole.Window) == QColor(PALETTES[Theme.LIGHT].window)


def test_the_os_asking_for_high_contrast_gets_it(app: QApplication, settings: QSettings) -> None:
    controller = ThemeController(app, settings)
    assert controller.apply(Qt.ColorScheme.Dark, True) is Theme.HIGH_CONTRAST
    assert app.styleSheet() == style_sheet(Theme.HIGH_CONTRAST, system_text_pt())
    assert controller.apply(Qt.ColorScheme.Light, False) is Theme.LIGHT


def test_high_contrast_menu_item_switches_and_is_remembered(
    window_factory: WindowFactory, tmp_path: Path, qtbot: QtBot
) -> None:
    window = window_factory()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    action = window.high_contrast_action
    assert not action.isChecked()
    assert app.property("casebookTheme") == Theme.LIGHT.value

    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert action in view_menu.actions()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=2000)
    qtbot.keyClick(
        window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    qtbot.waitUntil(lambda: app.property("casebookTheme") == Theme.HIGH_CONTRAST.value)
    assert action.isChecked()
    assert app.styleSheet() == style_sheet(Theme.HIGH_CONTRAST, system_text_pt())

    stored = QSettings(str(tmp_path / "settings" / "casebook.ini"), QSettings.Format.IniFormat)
    assert stored.value(HIGH_CONTRAST_KEY) in (True, "true")

    window.close()
    again = window_factory()
    assert again.high_contrast_action.isChecked()
    assert app.property("casebookTheme") == Theme.HIGH_CONTRAST.value
    again.high_contrast_action.trigger()  # off again, for the tests that follow
    assert app.property("casebookTheme") == Theme.LIGHT.value


def test_focused_input_shows_a_two_pixel_ring(
    app: QApplication, settings: QSettings, qtbot: QtBot
) -> None:
    controller = ThemeController(app, settings)
    for scheme, high_contrast in (
        (Qt.ColorScheme.Light, False),
        (Qt.ColorScheme.Dark, False),
        (Qt.ColorScheme.Light, True),
    ):
        theme = controller.apply(scheme, high_contrast)
        form = QWidget()
        qtbot.addWidget(form)
        layout = QVBoxLayout(form)
        edit, button = QLineEdit(), QPushButton("Save")
        layout.addWidget(edit)
        layout.addWidget(button)
        form.show()
        qtbot.waitExposed(form)
        focus = QColor(PALETTES[theme].focus)
        for widget in (edit, button):
            form.activateWindow()
            widget.setFocus()
            qtbot.waitUntil(widget.hasFocus, timeout=2000)
            image = widget.grab().toImage()
            middle = image.height() // 2
            # Both outer pixel columns on the left are the focus colour: a 2 px ring.
            assert image.pixelColor(0, middle) == focus, (theme, widget)
            assert image.pixelColor(1, middle) == focus, (theme, widget)
    controller.apply(Qt.ColorScheme.Light, False)


@pytest.mark.parametrize("theme", list(Theme))
def test_tick_boxes_show_their_box_and_tick_in_every_look(
    app: QApplication, qtbot: QtBot, theme: Theme
) -> None:
    # WCAG 1.4.11: the platform's box was darker than the dark look's window, so invisible.
    apply_theme(app, theme)
    palette = PALETTES[theme]
    try:
        boxes = {checked: QCheckBox("Needs an interpreter") for checked in (False, True)}
        for checked, box in boxes.items():
            qtbot.addWidget(box)
            box.setChecked(checked)
            box.show()
            qtbot.waitExposed(box)
        empty, ticked = (boxes[flag].grab().toImage() for flag in (False, True))
        edge = QColor(palette.input_border)
        assert contrast(palette.input_border, palette.window) >= 3.0
        assert any(empty.pixelColor(x, y) == edge for x in range(16) for y in range(empty.height()))
        fill = QColor(palette.accent)
        assert any(
            ticked.pixelColor(x, y) == fill for x in range(16) for y in range(ticked.height())
        )
        white = QColor("#ffffff")  # the tick itself, drawn in white on the accent
        assert any(
            ticked.pixelColor(x, y) == white for x in range(16) for y in range(ticked.height())
        )
    finally:
        apply_theme(app, Theme.LIGHT)

"""The three looks (light, dark, high contrast): a palette each, filled into resources/style.qss."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from enum import Enum

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication

from desktop.resources_path import resource

HIGH_CONTRAST_KEY = "view/high_contrast"  # a preference only: never personal data
PLACEHOLDER = re.compile(r"@([a-z_]+)")
BASE_TEXT_PT = 10.0  # the design's size; larger when the OS asks for larger text
# Sizes in the sheet relative to the body text, so titles grow with it.
TEXT_SIZES = {"text_pt": 1.0, "nav_pt": 1.1, "section_pt": 1.2, "title_pt": 1.6}
# Images the sheet names, as files in resources/icons (a tick drawn in white on the accent).
IMAGES = {"check_image": "check.svg"}


class Theme(Enum):
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high_contrast"


@dataclass(frozen=True)
class Palette:
    """Every colour the style sheet names, as @field in resources/style.qss."""

    window: str
    surface: str
    ink: str
    muted: str
    title: str
    accent: str
    accent_ink: str
    accent_border: str
    focus: str
    border: str
    input_border: str
    button_border: str
    hover: str
    disabled_ink: str
    disabled_bg: str
    alternate: str
    grid: str
    header: str
    selection: str
    selection_ink: str
    nav_bg: str
    nav_ink: str
    nav_selected: str
    nav_selected_ink: str
    nav_marker: str
    nav_disabled: str
    error_ink: str
    error_bg: str
    error_border: str
    notice_ink: str
    notice_bg: str
    notice_border: str
    warning_ink: str
    warning_bg: str
    warning_border: str
    process_bg: str
    process_border: str


# (text, background) pairs that carry words: each must reach WCAG AA (4.5:1) in every palette.
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("ink", "window"),
    ("ink", "surface"),
    ("ink", "alternate"),
    ("ink", "header"),
    ("ink", "hover"),
    ("muted", "window"),
    ("muted", "surface"),
    ("title", "window"),
    ("title", "surface"),
    ("accent_ink", "accent"),
    ("selection_ink", "selection"),
    ("nav_ink", "nav_bg"),
    ("nav_selected_ink", "nav_selected"),
    ("error_ink", "error_bg"),
    ("notice_ink", "notice_bg"),
    ("warning_ink", "warning_bg"),
    ("ink", "process_bg"),
)

PALETTES: dict[Theme, Palette] = {
    Theme.LIGHT: Palette(
        window="#f6f7f9",
        surface="#ffffff",
        ink="#1b1f24",
        muted="#4a5563",
        title="#1f3a5f",
        accent="#2c5282",
        accent_ink="#ffffff",
        accent_border="#1f3a5f",
        focus="#2c5282",
        border="#d8dde3",
        # 3.5:1 on the window: WCAG 1.4.11 asks 3:1 of the edge that shows where a field is.
        input_border="#7b8594",
        button_border="#7b8594",
        hover="#eef2f7",
        disabled_ink="#7a8493",
        disabled_bg="#eceff3",
        alternate="#f3f6fa",
        grid="#e1e5ea",
        header="#e9edf2",
        selection="#2c5282",
        selection_ink="#ffffff",
        nav_bg="#1f3a5f",
        nav_ink="#f4f6f8",
        nav_selected="#2c5282",
        nav_selected_ink="#ffffff",
        nav_marker="#f6c343",
        nav_disabled="#8ea2bb",
        error_ink="#9b1c1c",
        error_bg="#fdecec",
        error_border="#f5b5b5",
        notice_ink="#1d4f3a",
        notice_bg="#e6f4ec",
        notice_border="#a8d5b9",
        warning_ink="#5a4500",
        warning_bg="#fff6d6",
        warning_border="#f0d77a",
        process_bg="#f7f4fb",
        process_border="#7a5ea8",
    ),
    Theme.DARK: Palette(
        window="#181b20",
        surface="#22272e",
        ink="#e6e9ed",
        muted="#aeb8c4",
        title="#9cc3f0",
        accent="#2f5f9e",
        accent_ink="#ffffff",
        accent_border="#6b9be0",
        focus="#8ab4f8",
        border="#3a424d",
        input_border="#6b7685",
        button_border="#6b7685",
        hover="#2d343d",
        disabled_ink="#7d8694",
        disabled_bg="#262b31",
        alternate="#1d2228",
        grid="#333a43",
        header="#2a3038",
        selection="#2f5f9e",
        selection_ink="#ffffff",
        nav_bg="#0f1a2a",
        nav_ink="#e8edf3",
        nav_selected="#1f3a5f",
        nav_selected_ink="#ffffff",
        nav_marker="#f6c343",
        nav_disabled="#71839c",
        error_ink="#ffb8b8",
        error_bg="#3b1a1a",
        error_border="#8a3434",
        notice_ink="#a6e3bf",
        notice_bg="#15322a",
        notice_border="#2f6b4f",
        warning_ink="#f3dc8a",
        warning_bg="#3a3113",
        warning_border="#7a6520",
        process_bg="#2a2433",
        process_border="#a58bd1",
    ),
    # Black on white, black borders everywhere, a thick blue focus ring and yellow selection.
    Theme.HIGH_CONTRAST: Palette(
        window="#ffffff",
        surface="#ffffff",
        ink="#000000",
        muted="#000000",
        title="#000000",
        accent="#000000",
        accent_ink="#ffffff",
        accent_border="#000000",
        focus="#0000cc",
        border="#000000",
        input_border="#000000",
        button_border="#000000",
        hover="#ffff00",
        disabled_ink="#595959",
        disabled_bg="#ffffff",
        alternate="#f0f0f0",
        grid="#000000",
        header="#ffffff",
        selection="#000000",
        selection_ink="#ffff00",
        nav_bg="#000000",
        nav_ink="#ffffff",
        nav_selected="#ffff00",
        nav_selected_ink="#000000",
        nav_marker="#ffff00",
        nav_disabled="#bfbfbf",
        error_ink="#8b0000",
        error_bg="#ffffff",
        error_border="#8b0000",
        notice_ink="#000000",
        notice_bg="#ffffff",
        notice_border="#000000",
        warning_ink="#000000",
        warning_bg="#ffffff",
        warning_border="#000000",
        process_bg="#ffffff",
        process_border="#000000",
    ),
}


def style_sheet(theme: Theme, text_pt: float = BASE_TEXT_PT) -> str:
    """The application's style sheet with this theme's colours and these text sizes filled in."""
    values = asdict(PALETTES[theme])
    values.update({name: f"{round(text_pt * scale, 1):g}pt" for name, scale in TEXT_SIZES.items()})
    values.update({name: resource("icons", file).as_posix() for name, file in IMAGES.items()})
    template = resource("style.qss").read_text("utf-8")
    # An unknown @name raises KeyError: a typo in the sheet fails the tests, not silently.
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


# Dark text for the pale tints tables use (RAG cells, edited rows), whatever the theme.
TINT_INK = "#1b1f24"
AA_TEXT = 4.5


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = colour.redF(), colour.greenF(), colour.blueF()
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast_ratio(first: QColor, second: QColor) -> float:
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def legible(
    colour: str | QColor, background: QColor | None = None, ratio: float = AA_TEXT
) -> QColor:
    """The colour, lightened or darkened until it reaches the ratio (text by default) against
    the background (the theme's base).

    Views chose their warning reds for white; on the dark theme's surfaces they would vanish."""
    ground = background or QGuiApplication.palette().color(QPalette.ColorRole.Base)
    ink = QColor(colour)
    lighten = _luminance(ground) < 0.2
    hue, saturation, lightness = ink.hslHueF(), ink.hslSaturationF(), ink.lightnessF()
    while contrast_ratio(ink, ground) < ratio and 0.0 < lightness < 1.0:
        lightness = min(1.0, lightness + 0.05) if lighten else max(0.0, lightness - 0.05)
        ink = QColor.fromHslF(hue, saturation, lightness)
    return ink


def system_text_pt() -> float:
    """The OS's text size (the style sheet never changes the application font), at least 10 pt."""
    return max(BASE_TEXT_PT, QGuiApplication.font().pointSizeF())


def theme_for(scheme: Qt.ColorScheme, high_contrast: bool) -> Theme:
    if high_contrast:
        return Theme.HIGH_CONTRAST
    return Theme.DARK if scheme == Qt.ColorScheme.Dark else Theme.LIGHT


def qt_palette(theme: Theme) -> QPalette:
    """The same colours for what the style sheet does not reach (painted views, rich text)."""
    colours = PALETTES[theme]
    palette = QPalette()
    role = QPalette.ColorRole
    for roles, colour in (
        ((role.Window, role.Button), colours.window),
        ((role.Base, role.ToolTipBase), colours.surface),
        ((role.AlternateBase,), colours.alternate),
        ((role.WindowText, role.Text, role.ButtonText, role.ToolTipText), colours.ink),
        ((role.PlaceholderText,), colours.muted),
        ((role.Highlight,), colours.selection),
        ((role.HighlightedText,), colours.selection_ink),
        ((role.Link,), colours.title),
        ((role.Mid,), colours.border),  # palette(mid): the borders views draw themselves
    ):
        for each in roles:
            palette.setColor(each, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor(colours.disabled_ink))
    palette.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor(colours.disabled_ink))
    palette.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor(colours.disabled_ink))
    return palette


def apply_theme(app: QApplication, theme: Theme, text_pt: float | None = None) -> None:
    app.setPalette(qt_palette(theme))
    app.setStyleSheet(style_sheet(theme, system_text_pt() if text_pt is None else text_pt))
    app.setProperty("casebookTheme", theme.value)


def system_scheme() -> Qt.ColorScheme:
    return QGuiApplication.styleHints().colorScheme()


def system_wants_high_contrast() -> bool:
    """Qt 6.10+ reads the OS setting (Windows' High contrast themes, macOS Increase contrast)."""
    # Hold the style hints while asking: PySide invalidates accessibility() when they are freed.
    hints = QGuiApplication.styleHints()
    return hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast


class ThemeController(QObject):
    """Follows the OS light/dark and contrast settings, and the person's own choice."""

    def __init__(self, app: QApplication, settings: QSettings, parent: QObject | None = None):
        super().__init__(parent)
        self._app = app
        self._settings = settings
        self.theme = Theme.LIGHT
        # Kept as attributes: PySide invalidates accessibility() once the style hints are freed.
        self._hints = QGuiApplication.styleHints()
        self._accessibility = self._hints.accessibility()
        self._hints.colorSchemeChanged.connect(lambda _scheme: self.apply())
        self._accessibility.contrastPreferenceChanged.connect(lambda _value: self.apply())

    def high_contrast_chosen(self) -> bool:
        value = self._settings.value(HIGH_CONTRAST_KEY, False)
        return value is True or str(value).lower() == "true"

    def set_high_contrast(self, chosen: bool) -> None:
        self._settings.setValue(HIGH_CONTRAST_KEY, chosen)
        self._settings.sync()
        self.apply()

    def apply(
        self, scheme: Qt.ColorScheme | None = None, system_high_contrast: bool | None = None
    ) -> Theme:
        """Tests pass the scheme and contrast the OS would report; otherwise they are asked for."""
        scheme = system_scheme() if scheme is None else scheme
        if system_high_contrast is None:
            system_high_contrast = system_wants_high_contrast()
        theme = theme_for(scheme, self.high_contrast_chosen() or system_high_contrast)
        if theme != self.theme or self._app.property("casebookTheme") != theme.value:
            apply_theme(self._app, theme)
        self.theme = theme
        return theme

    def high_contrast_action(self, parent: QObject) -> QAction:
        """View → High contrast: checked from the stored preference, toggling stores it."""
        action = QAction("&High contrast", parent)
        action.setCheckable(True)
        action.setChecked(self.high_contrast_chosen())
        action.setShortcut(QKeySequence("Ctrl+Alt+H"))
        action.setToolTip("Black on white with strong borders and focus outlines (Ctrl+Alt+H)")
        action.toggled.connect(self.set_high_contrast)
        return action

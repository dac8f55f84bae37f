"""Colours for the views that paint themselves, read from the palette they are shown with."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from desktop.views.common.theme import AA_TEXT, Theme, contrast_ratio, legible, qt_palette

# WCAG 1.4.11: lines, bars and markers need 3:1 against what they are drawn on.
GRAPHIC = 3.0
# The light look's secondary text: kept where it reads, adjusted where it would not.
MUTED = "#4a5563"
# Guide lines are faint on purpose (the axis and the values carry the reading): this share of
# the ink mixed into the background.
GRID_SHARE = 0.14


def mix(first: QColor, second: QColor, share: float) -> QColor:
    """`share` of the second colour mixed into the first."""
    return QColor.fromRgbF(
        first.redF() + (second.redF() - first.redF()) * share,
        first.greenF() + (second.greenF() - first.greenF()) * share,
        first.blueF() + (second.blueF() - first.blueF()) * share,
    )


@dataclass(frozen=True)
class PaintColours:
    """The ground, the ink and the guide lines of a painted view, and the means to bring a
    series colour to a contrast it keeps on that ground."""

    background: QColor
    ink: QColor
    muted: QColor
    grid: QColor

    @property
    def dark(self) -> bool:
        return self.background.lightnessF() < 0.5

    def graphic(self, colour: str | QColor) -> QColor:
        """The colour, lightened or darkened just enough to reach 3:1 on the background."""
        return legible(colour, self.background, GRAPHIC)

    def text(self, colour: str | QColor) -> QColor:
        """The colour, lightened or darkened just enough to read (4.5:1) on the background."""
        return legible(colour, self.background, AA_TEXT)

    def reads(self, colour: QColor, ratio: float = GRAPHIC) -> bool:
        return contrast_ratio(colour, self.background) >= ratio


def paint_colours(palette: QPalette) -> PaintColours:
    """From the widget's palette: follows light, dark and high contrast as they change."""
    background = palette.color(QPalette.ColorRole.Base)
    ink = palette.color(QPalette.ColorRole.Text)
    return PaintColours(
        background=background,
        ink=ink,
        muted=legible(MUTED, background),
        grid=mix(background, ink, GRID_SHARE),
    )


def print_colours() -> PaintColours:
    """The light look, whatever the screen shows: charts in documents go on white paper."""
    return paint_colours(qt_palette(Theme.LIGHT))

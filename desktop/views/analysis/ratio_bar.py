"""The disproportionality ratio at a glance: a bar from the line at 1 (in proportion) to the
group's ratio on a scale from a quarter to four times, with words beside it, never colour alone."""

from __future__ import annotations

import math

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.views.common.painted_colours import PaintColours, paint_colours

# Ratios clearly away from 1: worth a second look (the words say so as well as the colour).
HIGH = 1.25
LOW = 0.8
OVER = "over-represented"
UNDER = "under-represented"
# The scale runs from 1/4 to 4 on a log scale, so "twice" and "half" sit equally far from 1.
SCALE_LIMIT = 4.0
# The model hands the delegate the ratio to draw through this role: None draws nothing (a group
# too small to compare, with no population figure, or outside the shares).
RATIO_ROLE = int(Qt.ItemDataRole.UserRole) + 1
BAR_HEIGHT = 10
MARGIN = 10
OVER_COLOUR = "#b7541a"
UNDER_COLOUR = "#2c5282"
NEAR_COLOUR = "#7b8794"
OVER_TINT = "#fdf0e6"
UNDER_TINT = "#e8eef8"


def reading(ratio: float | None) -> str:
    """Words for a ratio clearly away from 1, or "" when it is near 1 (or there is none)."""
    if ratio is None:
        return ""
    if ratio > HIGH:
        return OVER
    if ratio < LOW:
        return UNDER
    return ""


def tint(ratio: float | None) -> QColor | None:
    """The background of a ratio clearly away from 1 (beside its words)."""
    words = reading(ratio)
    if words == OVER:
        return QColor(OVER_TINT)
    if words == UNDER:
        return QColor(UNDER_TINT)
    return None


def offset(ratio: float) -> float:
    """Where a ratio sits from -1 (a quarter or less) through 0 (the line at 1) to 1 (four
    times or more)."""
    if ratio <= 0:
        return -1.0
    return max(-1.0, min(1.0, math.log(ratio, SCALE_LIMIT)))


def bar_colour(ratio: float, colours: PaintColours) -> QColor:
    """The bar's colour, brought to 3:1 against the cell's background in every look."""
    words = reading(ratio)
    chosen = OVER_COLOUR if words == OVER else UNDER_COLOUR if words == UNDER else NEAR_COLOUR
    return colours.graphic(chosen)


class RatioBarDelegate(QStyledItemDelegate):
    """Draws the ratio in RATIO_ROLE as a bar from the centre line; the cell has no text."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        # The background and selection as any cell.
        super().paint(painter, option, index)
        rect = QRectF(option.rect).adjusted(MARGIN, 0, -MARGIN, 0)
        if rect.width() < 20:
            return
        centre_x = rect.center().x()
        half = rect.width() / 2
        middle = rect.center().y()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        # The view's palette: the bar follows light, dark and high contrast.
        colours = paint_colours(option.palette)
        on_selection = option.palette.color(QPalette.ColorRole.HighlightedText)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Faint ticks at a half and twice, so a bar's length can be read.
        painter.setPen(QPen(on_selection if selected else colours.muted, 1))
        for at in (-0.5, 0.5):
            x = centre_x + at * half
            painter.drawLine(QPointF(x, middle - 6), QPointF(x, middle + 6))
        ratio = index.data(RATIO_ROLE)
        if isinstance(ratio, float):
            end_x = centre_x + offset(ratio) * half
            colour = on_selection if selected else bar_colour(ratio, colours)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            left, right = sorted((centre_x, end_x))
            painter.drawRect(QRectF(left, middle - BAR_HEIGHT / 2, right - left, BAR_HEIGHT))
            painter.drawEllipse(QPointF(end_x, middle), 4.5, 4.5)
        # The line at 1 goes on top: it is what every bar is read against.
        axis = on_selection if selected else colours.ink
        painter.setPen(QPen(axis, 2))
        top, bottom = option.rect.top() + 3, option.rect.bottom() - 3
        painter.drawLine(QPointF(centre_x, top), QPointF(centre_x, bottom))
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(max(size.width(), 160), size.height())


SCALE_CAPTION = (
    "The bar runs from the line at 1 (in proportion to the population) to the group's ratio: "
    "to the right over-represented, to the left under-represented. The marks are at a half and "
    "twice; the scale stops at a quarter and at four times. Groups too few to compare, or with "
    "no population figure, have no bar."
)

"""The drawing under the analyst's charts: bars, columns, stacked columns, legend and axes, from
series in which every suppressed count is already a hidden block of one fixed size."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPen

from desktop.services.analysis_tables import SMALL_NUMBER
from desktop.views.common.painted_colours import PaintColours, mix

# A hidden (suppressed) count is drawn at the height of 4, the most it could be, whatever it is,
# so its size cannot be read; it is grey and cross-hatched, with "<5" on it where that fits.
NOMINAL = SMALL_NUMBER - 1
HIDDEN_TEXT = "<5"
HIDDEN_LEGEND = "Fewer than 5 (not to scale)"
HIDDEN_HATCH = "#6b7480"
# Okabe and Ito's palette, with a slate for the merged rest; each series also has its own hatching,
# so no series depends on colour alone. Each is brought to 3:1 against the chart's background
# (WCAG 1.4.11), darker on white and lighter on the dark look.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#5F6B7A")
PATTERNS = (
    None,
    Qt.BrushStyle.BDiagPattern,
    Qt.BrushStyle.HorPattern,
    Qt.BrushStyle.FDiagPattern,
    Qt.BrushStyle.VerPattern,
    Qt.BrushStyle.CrossPattern,
    Qt.BrushStyle.Dense6Pattern,
    None,
)
CENTRED = Qt.AlignmentFlag.AlignCenter
Scale = tuple[int, int]  # the axis's top and step


@dataclass(frozen=True)
class Series:
    """One row as drawn: `values` holds the counts shown (0 where suppressed), `hidden` how many
    suppressed cells each column holds (the merged rest can hold several)."""

    label: str
    values: tuple[int, ...]
    hidden: tuple[int, ...]
    style: int  # which colour and hatching

    def drawn_column(self, column: int) -> int:
        return self.values[column] + NOMINAL * self.hidden[column]

    def drawn_total(self) -> int:
        return sum(self.drawn_column(column) for column in range(len(self.values)))


def series_colour(colours: PaintColours, style: int) -> QColor:
    return colours.graphic(PALETTE[style % len(PALETTE)])


def fill(painter: QPainter, rect: QRectF, style: int, colours: PaintColours) -> None:
    colour = series_colour(colours, style)
    pattern = PATTERNS[style % len(PATTERNS)]
    # The outline and the hatching carry the 3:1; a hatched bar's body is a tint of its colour.
    painter.setPen(QPen(colour, 1))
    painter.setBrush(QBrush(mix(colour, colours.background, 0.55) if pattern else colour))
    painter.drawRect(rect)
    if pattern is not None:
        painter.setBrush(QBrush(colour, pattern))
        painter.drawRect(rect)


def fill_hidden(
    painter: QPainter, rect: QRectF, metrics: QFontMetricsF, text: bool, colours: PaintColours
) -> None:
    hatch = colours.graphic(HIDDEN_HATCH)
    painter.setPen(QPen(hatch, 1))
    painter.setBrush(QBrush(mix(colours.background, colours.ink, 0.12)))
    painter.drawRect(rect)
    painter.setBrush(QBrush(hatch, Qt.BrushStyle.DiagCrossPattern))
    painter.drawRect(rect)
    wide = metrics.horizontalAdvance(HIDDEN_TEXT) + 6
    if text and rect.height() >= metrics.height() and rect.width() >= wide:
        # A tile of the background behind the text keeps it readable over the hatching.
        tile = QRectF(0, 0, wide, metrics.height()).translated(
            rect.center() - QPointF(wide / 2, metrics.height() / 2)
        )
        painter.fillRect(tile, colours.background)
        painter.setPen(colours.ink)
        painter.drawText(tile, CENTRED, HIDDEN_TEXT)


def legend_items(series: Sequence[Series], stacked: bool) -> list[tuple[str, int | None]]:
    """(label, style) for each entry; style None is the hidden block."""
    items: list[tuple[str, int | None]] = []
    if stacked:
        # A series whose every count is suppressed shows only grey blocks: no swatch of its own.
        items = [(s.label, s.style) for s in series if any(s.values)]
    if any(any(s.hidden) for s in series):
        items.append((HIDDEN_LEGEND, None))
    return items


def _legend_layout(
    items: list[tuple[str, int | None]], width: float, metrics: QFontMetricsF
) -> list[tuple[QRectF, str, int | None]]:
    line = metrics.height()
    placed = []
    x = y = 0.0
    for label, style in items:
        text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, width * 0.6)
        wide = 20 + metrics.horizontalAdvance(text) + 16
        if x > 0 and x + wide > width:
            x, y = 0.0, y + line + 4
        placed.append((QRectF(x, y, wide, line), text, style))
        x += wide
    return placed


def legend_height(
    series: Sequence[Series], width: float, metrics: QFontMetricsF, stacked: bool
) -> float:
    placed = _legend_layout(legend_items(series, stacked), width, metrics)
    return max((rect.bottom() for rect, _t, _s in placed), default=0.0)


def draw_legend(
    painter: QPainter,
    rect: QRectF,
    series: Sequence[Series],
    metrics: QFontMetricsF,
    stacked: bool,
    colours: PaintColours,
) -> None:
    for place, text, style in _legend_layout(legend_items(series, stacked), rect.width(), metrics):
        place.translate(rect.topLeft())
        swatch = QRectF(place.left(), place.top() + 2, 14, place.height() - 4)
        if style is None:
            fill_hidden(painter, swatch, metrics, False, colours)
        else:
            fill(painter, swatch, style, colours)
        painter.setPen(colours.ink)
        painter.drawText(
            QRectF(place.left() + 20, place.top(), place.width() - 20, place.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )


def draw_bars(
    painter: QPainter,
    rect: QRectF,
    series: Sequence[Series],
    scale: Scale,
    metrics: QFontMetricsF,
    colours: PaintColours,
) -> None:
    """One horizontal bar per row, labels on the left, the count (or "<5") after the bar."""
    top, step = scale
    line = metrics.height()
    row = min((rect.height() - line - 6) / len(series), line * 2.2)
    label_width = min(
        max(metrics.horizontalAdvance(s.label) for s in series) + 12, rect.width() * 0.45
    )
    value_width = metrics.horizontalAdvance(str(top)) + 14
    spare = rect.height() - (row * len(series) + line + 6)
    plot = QRectF(
        rect.left() + label_width,
        rect.top() + max(0.0, spare / 2),  # centred in a panel taller than the bars need
        rect.width() - label_width - value_width,
        row * len(series),
    )
    for value in range(0, top + 1, step):
        x = plot.left() + value / top * plot.width()
        painter.setPen(QPen(colours.grid, 1))
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        painter.setPen(colours.muted)
        painter.drawText(QRectF(x - 30, plot.bottom() + 3, 60, line), CENTRED, str(value))
    for index, one in enumerate(series):
        y = plot.top() + index * row
        painter.setPen(colours.ink)
        painter.drawText(
            QRectF(rect.left(), y, label_width - 10, row),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(one.label, Qt.TextElideMode.ElideRight, label_width - 10),
        )
        height = min(row * 0.64, line + 4)
        width = one.drawn_column(0) / top * plot.width()
        bar = QRectF(plot.left(), y + (row - height) / 2, width, height)
        if one.hidden[0]:
            fill_hidden(painter, bar, metrics, False, colours)
        elif one.values[0]:
            fill(painter, bar, 0, colours)
        painter.setPen(colours.ink)
        painter.drawText(
            QRectF(bar.right() + 5, y, value_width + plot.width(), row),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            HIDDEN_TEXT if one.hidden[0] else str(one.values[0]),
        )
    painter.setPen(QPen(colours.muted, 1))
    painter.drawLine(plot.topLeft(), plot.bottomLeft())


def _heading_lines(heading: str, width: float, metrics: QFontMetricsF, split: bool) -> str:
    """A month heading on one line, or "Jan" over "2026" when the slots are narrow."""
    if not split:
        return heading
    return "\n".join(
        metrics.elidedText(part, Qt.TextElideMode.ElideRight, width)
        for part in heading.split(" ", 1)
    )


def draw_columns(
    painter: QPainter,
    rect: QRectF,
    headings: Sequence[str],
    series: Sequence[Series],
    scale: Scale,
    metrics: QFontMetricsF,
    stacked: bool,
    colours: PaintColours,
) -> None:
    """A column per heading (month), its series stacked; above it the total, printed only
    when no cell in the column is suppressed (or "<5" for a single suppressed cell)."""
    top, step = scale
    line = metrics.height()
    axis_width = metrics.horizontalAdvance(str(top)) + 10
    plot = QRectF(
        rect.left() + axis_width,
        rect.top() + line + 4,
        rect.width() - axis_width,
        rect.height() - 2 * line - 8 - line - 4,
    )
    for value in range(0, top + 1, step):
        y = plot.bottom() - value / top * plot.height()
        painter.setPen(QPen(colours.grid, 1))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(colours.muted)
        painter.drawText(
            QRectF(rect.left(), y - line / 2, axis_width - 6, line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            str(value),
        )
    slot = plot.width() / len(headings)
    # Every heading split, or none: a lone one-line month among two-line ones looks wrong.
    split = any(metrics.horizontalAdvance(heading) > slot - 2 for heading in headings)
    # Too many months for even "Jan" over "2026" in each slot: label every `every`th month
    # (the first always) in a space that many slots wide, rather than elide them all to "…".
    parts = [part for heading in headings for part in heading.split(" ", 1)] if split else []
    widest = max((metrics.horizontalAdvance(part) for part in parts), default=0.0)
    every = max(1, math.ceil((widest + 4) / slot)) if split else 1
    width = min(slot * 0.64, 56.0)
    for column, heading in enumerate(headings):
        left = plot.left() + slot * (column + 0.5) - width / 2
        y = plot.bottom()
        for one in series:
            height = one.values[column] / top * plot.height()
            if height:
                style = one.style if stacked else 0
                fill(painter, QRectF(left, y - height, width, height), style, colours)
                y -= height
            for _hidden in range(one.hidden[column]):
                height = NOMINAL / top * plot.height()
                block = QRectF(left, y - height, width, height)
                fill_hidden(painter, block, metrics, stacked, colours)
                y -= height
        hidden = sum(one.hidden[column] for one in series)
        shown_total = sum(one.values[column] for one in series)
        if stacked:  # "<5" is on the blocks themselves
            above = "" if hidden or not shown_total else str(shown_total)
        else:
            above = HIDDEN_TEXT if hidden else str(shown_total)
        painter.setPen(colours.ink)
        painter.drawText(
            QRectF(left - slot, y - line - 2, width + 2 * slot, line),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
            above,
        )
        if column % every == 0:
            painter.setPen(colours.ink)
            centre = plot.left() + slot * (column + 0.5)
            space = slot * every
            painter.drawText(
                QRectF(centre - space / 2, plot.bottom() + 4, space, 2 * line + 4),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                _heading_lines(heading, space - 2, metrics, split),
            )
    painter.setPen(QPen(colours.muted, 1))
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())

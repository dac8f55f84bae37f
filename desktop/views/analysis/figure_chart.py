"""One FigureTable drawn with QPainter: bars for a breakdown, columns for one row by month,
stacked columns for several rows by month; small counts drawn so their size cannot be read."""

from __future__ import annotations

import math
from dataclasses import replace

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QImageWriter,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.services.analysis_tables import SMALL_NUMBER, FigureTable, shown
from desktop.views.analysis.figure_plot import (
    Series,
    draw_bars,
    draw_columns,
    draw_legend,
    legend_height,
)
from desktop.views.common.painted_colours import PaintColours, paint_colours, print_colours

EMPTY_TEXT = "No records in this period"
# Most series a stacked chart draws, the merged rest included; more could not be told apart.
MAX_SERIES = 8
# Not "Other": some lists (referral sources, closure reasons) have an "Other" of their own.
OTHER = "All others"


def suppressed(count: int) -> bool:
    return 0 < count < SMALL_NUMBER


def is_empty(table: FigureTable) -> bool:
    return not any(any(row.counts) for row in table.rows)


def chart_kind(table: FigureTable) -> str:
    """Which chart: "bars" (one column, a bar per row), "columns" (one row, a column per
    column) or "stacked" (several rows stacked in a column per column)."""
    if len(table.columns) == 1:
        return "bars"
    return "columns" if len(table.rows) == 1 else "stacked"


def series_of(table: FigureTable) -> list[Series]:
    """What the chart draws. A suppressed cell becomes a hidden block and its count is dropped
    here, so nothing after this can draw it at its true size. Stacked charts leave out rows of
    zeros and merge all but the largest series into one (ranked by drawn size, which
    suppressed cells do not change), which adds up only counts that are shown anyway and keeps
    the merged rows' suppressed cells as hidden blocks."""
    every = [
        Series(
            row.label,
            tuple(0 if suppressed(count) else count for count in row.counts),
            tuple(int(suppressed(count)) for count in row.counts),
            index,
        )
        for index, row in enumerate(table.rows)
    ]
    if chart_kind(table) == "bars":
        return every
    drawn = [series for series in every if series.drawn_total() > 0]
    if len(drawn) <= MAX_SERIES:
        return [replace(series, style=place) for place, series in enumerate(drawn)]
    largest = sorted(drawn, key=lambda series: -series.drawn_total())[: MAX_SERIES - 1]
    kept = [series for series in drawn if series in largest]
    rest = [series for series in drawn if series not in largest]
    columns = range(len(table.columns))
    other = Series(
        OTHER,
        tuple(sum(series.values[column] for series in rest) for column in columns),
        tuple(sum(series.hidden[column] for series in rest) for column in columns),
        MAX_SERIES - 1,
    )
    return [*(replace(series, style=place) for place, series in enumerate(kept)), other]


def describe_lines(table: FigureTable) -> list[str]:
    """The chart in words, a line per row (or per month), every count as the analyst may see
    it: read by screen readers, and the tooltip that gives labels the chart cuts short."""
    if is_empty(table):
        return [f"{table.title}: {EMPTY_TEXT.lower()}"]
    if len(table.columns) == 1:
        return [table.title, *(f"{label}: {cells[0]}" for label, cells in table.shown_rows())]
    lines = [table.title]
    for column, heading in enumerate(table.columns):
        cells = [
            f"{row.label} {shown(row.counts[column])}" for row in table.rows if row.counts[column]
        ]
        lines.append(f"{heading}: {', '.join(cells) if cells else 'none'}")
    return lines


def describe(table: FigureTable) -> str:
    first, *rest = describe_lines(table)
    return f"{first}. " + "; ".join(rest) + "." if rest else f"{first}."


def axis_scale(highest: int) -> tuple[int, int]:
    """The axis's top and its step: about four whole-number steps of 1, 2 or 5 times ten."""
    raw = max(highest, SMALL_NUMBER) / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(1, int(step))
    # At least 5 at the top, so a suppressed block (drawn at 4) never fills the whole height.
    return step * math.ceil(max(highest, SMALL_NUMBER) / step), step


def paint_figure(
    painter: QPainter,
    rect: QRectF,
    table: FigureTable,
    font: QFont,
    colours: PaintColours | None = None,
) -> None:
    """Draws the table into rect on any paint device (a widget, or a QImage for a report);
    in the light look unless the screen's colours are given."""
    colours = colours or print_colours()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    painter.fillRect(rect, colours.background)
    metrics = QFontMetricsF(font, painter.device())
    if is_empty(table):
        painter.setPen(colours.muted)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, EMPTY_TEXT)
        painter.restore()
        return
    series = series_of(table)
    inner = rect.adjusted(8, 6, -10, -4)
    kind = chart_kind(table)
    if kind == "bars":
        highest = max(s.drawn_total() for s in series)
        draw_bars(painter, inner, series, axis_scale(highest), metrics, colours)
    else:
        stacked = kind == "stacked"
        used = legend_height(series, inner.width(), metrics, stacked)
        if used:
            draw_legend(painter, inner, series, metrics, stacked, colours)
            inner.setTop(inner.top() + used + 6)
        totals = [
            sum(s.drawn_column(column) for s in series) for column in range(len(table.columns))
        ]
        scale = axis_scale(max(totals))
        draw_columns(painter, inner, table.columns, series, scale, metrics, stacked, colours)
    painter.restore()


def preferred_size(table: FigureTable, font: QFont, width: int = 560) -> QSize:
    """A size that fits the table: a row of bars per row, or a plot under its legend."""
    metrics = QFontMetricsF(font)
    line = metrics.height()
    if is_empty(table):
        return QSize(width, int(3 * line))
    if chart_kind(table) == "bars":
        return QSize(width, int(len(table.rows) * (line + 10) + 2 * line + 16))
    stacked = chart_kind(table) == "stacked"
    legend = legend_height(series_of(table), width - 18, metrics, stacked) + 6
    return QSize(width, int(legend + max(12 * line, width * 0.42)))


def render_png(table: FigureTable, width: int, height: int, scale: float = 1.0) -> bytes:
    """The chart as PNG bytes, width x height in points (pixels at scale 1); scale 2 makes a
    sharp image for print, always in the light look (paper is white, whatever the screen
    shows). Needs a QGuiApplication (the app's, or pytest-qt's)."""
    colours = print_colours()
    image = QImage(
        round(width * scale), round(height * scale), QImage.Format.Format_ARGB32_Premultiplied
    )
    image.setDevicePixelRatio(scale)
    image.fill(colours.background)
    painter = QPainter(image)
    paint_figure(painter, QRectF(0, 0, width, height), table, QGuiApplication.font(), colours)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # QImageWriter, not QImage.save: the stubs and the binding disagree on save's format type.
    QImageWriter(buffer, QByteArray(b"png")).write(image)
    buffer.close()
    return bytes(data.data())


class FigureChart(QWidget):
    """Shows one FigureTable; its tooltip and accessible description are the chart in words,
    with every label in full (long labels are cut short on the chart)."""

    def __init__(self, table: FigureTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(300, 90)
        self.table = table
        self.set_table(table)

    def set_table(self, table: FigureTable) -> None:
        self.table = table
        self.setAccessibleName(f"Chart: {table.title}")
        self.setAccessibleDescription(describe(table))
        self.setToolTip("\n".join(describe_lines(table)))
        self.setMinimumHeight(min(preferred_size(table, self.font()).height(), 240))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return preferred_size(self.table, self.font())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        # The palette's colours: a palette change (light, dark, high contrast) repaints.
        colours = paint_colours(self.palette())
        paint_figure(painter, QRectF(self.rect()), self.table, self.font(), colours)
        painter.end()

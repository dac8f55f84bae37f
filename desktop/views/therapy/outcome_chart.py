"""The SCORE-15 trend chart: one line per family member and a thicker family line over the
sessions with a measure, for the total or one subscale, with a legend and a text version."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.services.outcome_service import Trend, TrendSeries
from desktop.services.score15 import HIGHEST, LOWEST, SCORE_KEYS
from desktop.views.common.painted_colours import PaintColours, paint_colours

MEASURE_LABELS = {
    "total": "Total score",
    "strengths": "Strengths and adaptability",
    "overwhelmed": "Overwhelmed by difficulties",
    "communication": "Disrupted communication",
}
EMPTY_TEXT = "No SCORE-15 recorded yet"
# Okabe and Ito's palette, told apart with the common colour-vision deficiencies; the markers'
# shapes differ too, so no line depends on colour alone. Each is brought to 3:1 against the
# background of the look shown; the family line is drawn in the palette's ink.
MEMBER_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
SHAPES = ("circle", "square", "triangle", "diamond")
MEMBER_WIDTH = 2.0
FAMILY_WIDTH = 4.5


@dataclass(frozen=True)
class Line:
    """One series as drawn: its name, colour, width and marker shape."""

    series: TrendSeries
    colour: QColor
    width: float
    shape: str


class OutcomeChart(QWidget):
    """Shows a Trend from OutcomeService.trend(); choose the total or a subscale above it."""

    measure_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chooser = QComboBox()
        for key in SCORE_KEYS:
            self.chooser.addItem(MEASURE_LABELS[key], key)
        self.chooser.setAccessibleName("Score shown")
        label = QLabel("Sho&w")
        label.setBuddy(self.chooser)
        self.plot = TrendPlot()
        top = QHBoxLayout()
        top.setContentsMargins(6, 6, 6, 2)
        top.addWidget(label)
        top.addWidget(self.chooser)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.plot, 1)
        self.chooser.currentIndexChanged.connect(self._chosen)
        self.set_trend(Trend([], [], TrendSeries(None, "Family", [])))

    def set_trend(self, trend: Trend) -> None:
        self.plot.set_trend(trend)
        self.chooser.setEnabled(not trend.empty)
        self._describe()

    def show_measure(self, key: str) -> None:
        """Shows the total ("total") or a subscale ("strengths", "overwhelmed",
        "communication")."""
        index = self.chooser.findData(key)
        if index < 0:
            raise KeyError(key)
        self.chooser.setCurrentIndex(index)

    def measure(self) -> str:
        return self.plot.key

    def lines(self) -> list[Line]:
        return self.plot.lines()

    def _chosen(self) -> None:
        key = str(self.chooser.currentData())
        self.plot.show_measure(key)
        self._describe()
        self.measure_changed.emit(key)

    def _describe(self) -> None:
        text = self.plot.summary()
        self.setAccessibleDescription(text)
        self.plot.setAccessibleDescription(text)
        self.plot.setToolTip(text if self.plot.trend.empty else "")


class TrendPlot(QWidget):
    """The drawing itself: sessions across, scores 1 to 5 up (higher = more difficulties)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.trend = Trend([], [], TrendSeries(None, "Family", []))
        self.key = "total"
        self.setAccessibleName("SCORE-15 trend chart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(420, 260)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(700, 400)

    def set_trend(self, trend: Trend) -> None:
        self.trend = trend
        self.update()

    def show_measure(self, key: str) -> None:
        if key not in SCORE_KEYS:
            raise KeyError(key)
        self.key = key
        self.update()

    def colours(self) -> PaintColours:
        """From the palette, so a change of look (light, dark, high contrast) repaints in it."""
        return paint_colours(self.palette())

    def lines(self) -> list[Line]:
        colours = self.colours()
        drawn = [
            Line(
                series,
                colours.graphic(MEMBER_COLOURS[index % len(MEMBER_COLOURS)]),
                MEMBER_WIDTH,
                SHAPES[index % len(SHAPES)],
            )
            for index, series in enumerate(self.trend.members)
        ]
        if self.trend.members:
            drawn.append(Line(self.trend.family, colours.ink, FAMILY_WIDTH, "circle"))
        return drawn

    def summary(self) -> str:
        """The chart in words, for screen readers."""
        if self.trend.empty:
            return EMPTY_TEXT + "."
        numbers = {s.session_id: s.number for s in self.trend.sessions}
        parts = [
            f"SCORE-15 {MEASURE_LABELS[self.key].lower()} by session, from 1 to 5; "
            "higher means more difficulties."
        ]
        for line in self.lines():
            values = [
                f"session {numbers[p.session_id]} {value:.2f}"
                for p in line.series.points
                if (value := p.scores.value(self.key)) is not None
            ]
            parts.append(f"{line.series.name}: {', '.join(values) or 'no score'}.")
        return " ".join(parts)

    # ---- geometry --------------------------------------------------------------------------
    def legend_rows(self, width: float) -> list[list[tuple[Line, float]]]:
        """The legend's entries flowed into rows that fit the width: (line, entry width)."""
        metrics = QFontMetricsF(self.font())
        rows: list[list[tuple[Line, float]]] = [[]]
        used = 0.0
        for line in self.lines():
            entry = 34 + metrics.horizontalAdvance(line.series.name) + 18
            if rows[-1] and used + entry > width:
                rows.append([])
                used = 0.0
            rows[-1].append((line, entry))
            used += entry
        return rows

    def plot_rect(self) -> QRectF:
        """Where the lines are drawn, inside the axes."""
        metrics = QFontMetricsF(self.font())
        line_height = metrics.height()
        left, right, top = 62.0, 18.0, line_height + 14
        legend = len(self.legend_rows(self.width() - left - right)) * (line_height + 8)
        bottom = 2 * line_height + 14 + legend + 8
        return QRectF(left, top, self.width() - left - right, self.height() - top - bottom)

    def x_of(self, index: int, rect: QRectF) -> float:
        step = rect.width() / max(len(self.trend.sessions), 1)
        return rect.left() + step * (index + 0.5)

    @staticmethod
    def y_of(value: float, rect: QRectF) -> float:
        return rect.bottom() - (value - LOWEST) / (HIGHEST - LOWEST) * rect.height()

    # ---- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.colours().background)
        if self.trend.empty:
            self._paint_empty(painter)
        else:
            rect = self.plot_rect()
            self._paint_axes(painter, rect)
            for line in self.lines():
                self._paint_line(painter, rect, line)
            self._paint_legend(painter, rect)
        painter.end()

    def _paint_empty(self, painter: QPainter) -> None:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        painter.setFont(font)
        painter.setPen(self.colours().muted)
        painter.drawText(
            QRectF(self.rect()),
            Qt.AlignmentFlag.AlignCenter,
            f"{EMPTY_TEXT}\n\nRecord a family member's answers at a session to see the trend.",
        )

    def _paint_axes(self, painter: QPainter, rect: QRectF) -> None:
        metrics = QFontMetricsF(self.font())
        colours = self.colours()
        painter.setPen(colours.muted)
        painter.drawText(
            QRectF(rect.left(), 4, rect.width(), metrics.height() + 4),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"{MEASURE_LABELS[self.key]}  ·  1 = fewest difficulties, 5 = most (lower is better)",
        )
        for value in range(LOWEST, HIGHEST + 1):
            y = self.y_of(value, rect)
            painter.setPen(QPen(colours.grid, 1))
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            painter.setPen(colours.ink)
            painter.drawText(
                QRectF(rect.left() - 30, y - metrics.height() / 2, 22, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
        painter.setPen(QPen(colours.muted, 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.topLeft())
        # The y axis title, turned to read upwards.
        painter.save()
        painter.translate(14, rect.center().y())
        painter.rotate(-90)
        painter.drawText(
            QRectF(-rect.height() / 2, -metrics.height() / 2, rect.height(), metrics.height()),
            Qt.AlignmentFlag.AlignCenter,
            "Score  (↑ more difficulties)",
        )
        painter.restore()
        painter.setPen(colours.ink)
        step = rect.width() / max(len(self.trend.sessions), 1)
        for index, session in enumerate(self.trend.sessions):
            x = self.x_of(index, rect)
            painter.drawLine(QPointF(x, rect.bottom()), QPointF(x, rect.bottom() + 4))
            painter.drawText(
                QRectF(x - step / 2, rect.bottom() + 6, step, 2 * metrics.height()),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                f"Session {session.number}\n{session.starts_at.astimezone():%d %b %Y}",
            )

    def _paint_line(self, painter: QPainter, rect: QRectF, line: Line) -> None:
        index_of = {s.session_id: i for i, s in enumerate(self.trend.sessions)}
        points = [
            QPointF(self.x_of(index_of[p.session_id], rect), self.y_of(value, rect))
            for p in line.series.points
            if (value := p.scores.value(self.key)) is not None and p.session_id in index_of
        ]
        if not points:
            return
        pen = QPen(line.colour, line.width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if len(points) > 1:
            painter.drawPolyline(QPolygonF(points))
        size = 5.0 if line.width < FAMILY_WIDTH else 6.5
        painter.setPen(QPen(self.colours().background, 1.5))
        painter.setBrush(QBrush(line.colour))
        for point in points:
            painter.drawPath(_marker(line.shape, point, size))

    def _paint_legend(self, painter: QPainter, rect: QRectF) -> None:
        metrics = QFontMetricsF(self.font())
        colours = self.colours()
        y = rect.bottom() + 2 * metrics.height() + 16
        for row in self.legend_rows(rect.width()):
            x = rect.left()
            for line, entry in row:
                middle = QPointF(x + 13, y + metrics.height() / 2)
                painter.setPen(QPen(line.colour, line.width))
                painter.drawLine(middle - QPointF(12, 0), middle + QPointF(12, 0))
                painter.setPen(QPen(colours.background, 1.5))
                painter.setBrush(QBrush(line.colour))
                painter.drawPath(_marker(line.shape, middle, 5.0))
                painter.setPen(colours.ink)
                painter.drawText(
                    QRectF(x + 32, y, entry - 32, metrics.height()),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    line.series.name,
                )
                x += entry
            y += metrics.height() + 8


def _marker(shape: str, centre: QPointF, size: float) -> QPainterPath:
    path = QPainterPath()
    x, y = centre.x(), centre.y()
    if shape == "square":
        path.addRect(QRectF(x - size * 0.85, y - size * 0.85, size * 1.7, size * 1.7))
    elif shape == "triangle":
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(x, y - size * 1.1),
                    QPointF(x + size, y + size * 0.8),
                    QPointF(x - size, y + size * 0.8),
                    QPointF(x, y - size * 1.1),
                ]
            )
        )
    elif shape == "diamond":
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(x, y - size * 1.2),
                    QPointF(x + size, y),
                    QPointF(x, y + size * 1.2),
                    QPointF(x - size, y),
                    QPointF(x, y - size * 1.2),
                ]
            )
        )
    else:
        path.addEllipse(centre, size, size)
    return path

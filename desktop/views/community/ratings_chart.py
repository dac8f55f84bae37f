"""The training confidence chart: for each rating from 1 to 5, how many gave it before the
session and after it, two bars side by side, with the means; and the same in words."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.services.engagement_records import RATINGS, RatingSummary
from desktop.views.common.painted_colours import PaintColours, mix, paint_colours

EMPTY_TEXT = "No confidence ratings recorded"
# Okabe and Ito's palette; "before" is also hatched, so the bars never depend on colour alone.
# Both are brought to 3:1 against the background of the look shown (WCAG 1.4.11).
BEFORE = "#E69F00"
AFTER = "#0072B2"
SCALE = {1: "Not at all", 3: "Somewhat", 5: "Very"}


def mean_text(value: float | None) -> str:
    return f"{value:.1f}" if value is not None else "none"


def counts_words(counts: tuple[int, ...]) -> str:
    return ", ".join(
        f"{count} gave {rating}" for rating, count in zip(RATINGS, counts, strict=True)
    )


def summary_text(ratings: RatingSummary, what: str) -> str:
    """The chart in words (shown under it, and read by screen readers)."""
    if ratings.empty:
        return f"{what}: {EMPTY_TEXT.lower()}."
    parts = [
        f"{what}: confidence from 1 (not at all confident) to 5 (very confident).",
        f"Before: {ratings.responses_before} responses, mean {mean_text(ratings.mean_before)}"
        f" ({counts_words(ratings.before)}).",
        f"After: {ratings.responses_after} responses, mean {mean_text(ratings.mean_after)}"
        f" ({counts_words(ratings.after)}).",
    ]
    if ratings.change is not None:
        parts.append(f"Change in mean confidence: {ratings.change:+.1f}.")
    return "\n".join(parts)


class RatingsChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ratings = RatingSummary((0,) * len(RATINGS), (0,) * len(RATINGS))
        self.what = "Training"
        self.setAccessibleName("Confidence before and after training")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 200)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(560, 260)

    def set_ratings(self, ratings: RatingSummary, what: str) -> None:
        self.ratings, self.what = ratings, what
        text = self.summary()
        self.setAccessibleDescription(text)
        self.setToolTip(text)
        self.update()

    def summary(self) -> str:
        return summary_text(self.ratings, self.what)

    # ---- geometry --------------------------------------------------------------------------
    def plot_rect(self) -> QRectF:
        line = QFontMetricsF(self.font()).height()
        top = 2 * line + 16  # title and legend
        bottom = 2 * line + 12  # rating numbers and their words
        return QRectF(48, top, self.width() - 48 - 16, self.height() - top - bottom)

    def highest(self) -> int:
        return max([*self.ratings.before, *self.ratings.after, 1])

    # ---- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # From the palette, so a change of look (light, dark, high contrast) repaints in it.
        colours = paint_colours(self.palette())
        painter.fillRect(self.rect(), colours.background)
        if self.ratings.empty:
            painter.setPen(colours.muted)
            painter.drawText(
                QRectF(self.rect()),
                Qt.AlignmentFlag.AlignCenter,
                f"{EMPTY_TEXT}\n\nAdd how many gave each rating before and after the session.",
            )
        else:
            rect = self.plot_rect()
            self._paint_heading(painter, rect, colours)
            self._paint_axes(painter, rect, colours)
            self._paint_bars(painter, rect, colours)
        painter.end()

    def _paint_heading(self, painter: QPainter, rect: QRectF, colours: PaintColours) -> None:
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        r = self.ratings
        painter.setPen(colours.ink)
        painter.drawText(
            QRectF(rect.left(), 4, rect.width(), line + 2),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"How many gave each confidence rating · mean before {mean_text(r.mean_before)}, "
            f"after {mean_text(r.mean_after)}",
        )
        x = rect.left()
        y = line + 10
        for label, colour, hatched in (
            (f"Before ({r.responses_before})", BEFORE, True),
            (f"After ({r.responses_after})", AFTER, False),
        ):
            swatch = QRectF(x, y + 2, 14, line - 4)
            self._bar(painter, swatch, colours.graphic(colour), hatched, colours)
            painter.setPen(colours.ink)
            width = metrics.horizontalAdvance(label) + 4
            painter.drawText(QRectF(x + 20, y, width, line), Qt.AlignmentFlag.AlignVCenter, label)
            x += 20 + width + 18

    def _paint_axes(self, painter: QPainter, rect: QRectF, colours: PaintColours) -> None:
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        top = self.highest()
        step = max(1, -(-top // 4))
        value = 0
        while value <= top:
            y = rect.bottom() - value / top * rect.height()
            painter.setPen(QPen(colours.grid, 1))
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            painter.setPen(colours.ink)
            painter.drawText(
                QRectF(rect.left() - 40, y - line / 2, 32, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
            value += step
        painter.setPen(QPen(colours.muted, 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        slot = rect.width() / len(RATINGS)
        for index, rating in enumerate(RATINGS):
            x = rect.left() + slot * index
            painter.setPen(colours.ink)
            painter.drawText(
                QRectF(x, rect.bottom() + 4, slot, line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                str(rating),
            )
            if rating in SCALE:
                painter.setPen(colours.muted)
                painter.drawText(
                    QRectF(x, rect.bottom() + 4 + line, slot, line),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    SCALE[rating],
                )

    def _paint_bars(self, painter: QPainter, rect: QRectF, colours: PaintColours) -> None:
        metrics = QFontMetricsF(self.font())
        slot = rect.width() / len(RATINGS)
        width = min(slot * 0.34, 48.0)
        top = self.highest()
        for index, (before, after) in enumerate(
            zip(self.ratings.before, self.ratings.after, strict=True)
        ):
            middle = rect.left() + slot * (index + 0.5)
            for count, colour, hatched, left in (
                (before, BEFORE, True, middle - width - 2),
                (after, AFTER, False, middle + 2),
            ):
                height = count / top * rect.height()
                bar = QRectF(left, rect.bottom() - height, width, height)
                if count:
                    self._bar(painter, bar, colours.graphic(colour), hatched, colours)
                painter.setPen(colours.ink)
                painter.drawText(
                    QRectF(
                        left - 6, bar.top() - metrics.height() - 1, width + 12, metrics.height()
                    ),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    str(count),
                )

    @staticmethod
    def _bar(
        painter: QPainter, rect: QRectF, colour: QColor, hatched: bool, colours: PaintColours
    ) -> None:
        # The outline and the hatching carry the 3:1; a hatched bar's body is a tint.
        painter.setPen(QPen(colour, 1))
        painter.setBrush(QBrush(mix(colour, colours.background, 0.55) if hatched else colour))
        painter.drawRect(rect)
        if hatched:
            painter.setBrush(QBrush(colour, Qt.BrushStyle.BDiagPattern))
            painter.drawRect(rect)

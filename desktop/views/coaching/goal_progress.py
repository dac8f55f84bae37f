"""Progress at a glance in the goals table: a small bar beside the words ("2 of 3 actions
done"), so the bar is never the only sign."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.views.common.painted_colours import mix, paint_colours
from desktop.views.common.rows_table_model import RowsTableModel

BAR_WIDTH = 64
BAR_HEIGHT = 8
GAP = 8
FILL = "#2f855a"  # brought to 3:1 against the cell in every look, as is the track's edge
TRACK_SHARE = 0.1  # of the ink in the empty track


class GoalProgressDelegate(QStyledItemDelegate):
    """Draws percent_of(row) as a bar at the cell's left, then the cell's own text."""

    def __init__(self, percent_of: Callable[[object], int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._percent_of = percent_of

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        model = index.model()
        if not isinstance(model, RowsTableModel):
            super().paint(painter, option, index)
            return
        percent = max(0, min(100, self._percent_of(model.row_at(index.row()))))
        # The background, selection and focus as any cell, with the text moved right.
        text_option = QStyleOptionViewItem(option)
        self.initStyleOption(text_option, index)
        text_option.rect = option.rect.adjusted(BAR_WIDTH + 2 * GAP, 0, 0, 0)
        style = option.widget.style() if option.widget is not None else None
        painter.save()
        if style is not None:
            whole = QStyleOptionViewItem(option)
            self.initStyleOption(whole, index)
            whole.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, whole, painter, option.widget)
            style.drawControl(
                QStyle.ControlElement.CE_ItemViewItem, text_option, painter, option.widget
            )
        top = option.rect.center().y() - BAR_HEIGHT // 2
        track = QRect(option.rect.left() + GAP, top, BAR_WIDTH, BAR_HEIGHT)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = paint_colours(option.palette)
        painter.setPen(colours.muted)
        painter.setBrush(mix(colours.background, colours.ink, TRACK_SHARE))
        painter.drawRoundedRect(track, 3, 3)
        if percent:
            filled = QRect(track.left(), track.top(), BAR_WIDTH * percent // 100, BAR_HEIGHT)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colours.graphic(FILL))
            painter.drawRoundedRect(filled, 3, 3)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + BAR_WIDTH + 2 * GAP, size.height())

"""Draws a list item as two lines, a bold title over a muted line of details, for lists that sit
in a narrow column where a table's columns would be cut short. The model gives the item's text as
"title\\ndetails"."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.views.common.theme import legible

DETAILS = QColor("#4a5563")
PADDING = 6


def _lines(index: QModelIndex | QPersistentModelIndex) -> tuple[str, str]:
    text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
    title, _newline, details = text.partition("\n")
    return title, " ".join(details.split())


class TwoLineDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        return title, QFont(option.font)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        title, details = self._fonts(option)
        height = QFontMetrics(title).height() + QFontMetrics(details).height() + 3 * PADDING
        return QSize(super().sizeHint(option, index).width(), height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        widget = item.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        title_font, details_font = self._fonts(item)
        own_font = index.data(Qt.ItemDataRole.FontRole)
        if isinstance(own_font, QFont):
            title_font.setItalic(own_font.italic())
            details_font.setItalic(own_font.italic())
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = item.palette
        own_colour = index.data(Qt.ItemDataRole.ForegroundRole)
        if selected:
            ink = details_ink = palette.color(QPalette.ColorRole.HighlightedText)
        else:
            ink = (
                own_colour
                if isinstance(own_colour, QColor)
                else palette.color(QPalette.ColorRole.Text)
            )
            # Brought to read on the list's ground: the light look's grey vanished on the dark.
            details_ink = legible(DETAILS, palette.color(QPalette.ColorRole.Base))
        title, details = _lines(index)
        rect: QRect = item.rect.adjusted(PADDING + 2, PADDING, -PADDING, -PADDING)
        painter.save()
        top = rect.top()
        for text, font, colour in ((title, title_font, ink), (details, details_font, details_ink)):
            metrics = QFontMetrics(font)
            line = QRect(rect.left(), top, rect.width(), metrics.height())
            painter.setFont(font)
            painter.setPen(colour)
            alignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, line.width())
            painter.drawText(line, int(alignment), elided)
            top += metrics.height() + PADDING
        painter.restore()

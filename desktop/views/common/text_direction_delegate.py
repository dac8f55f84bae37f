"""Table cells that read in the direction of their own text (text_direction.reads_right_to_left,
the rule the Word files follow too): an Arabic note keeps its full stop at its end.

Qt's item views lay every cell out in the widget's direction (left to right in Casebook), which
is right for English and for a bare Arabic name, but puts the full stop of an Arabic sentence,
or the brackets of "محمد الحسن (مو)", on the wrong side. The cell stays on the column's left
edge all the same: a column of names is easier to scan with one edge.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from desktop.services.text_direction import reads_right_to_left


class TextDirectionDelegate(QStyledItemDelegate):
    """Lays each cell out right to left when its text is mostly in a right-to-left script."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if reads_right_to_left(option.text):
            option.direction = Qt.LayoutDirection.RightToLeft
            # Absolute: left stays left, not "the start of the line" (the right, once RTL).
            alignment = option.displayAlignment
            option.displayAlignment = alignment | Qt.AlignmentFlag.AlignAbsolute

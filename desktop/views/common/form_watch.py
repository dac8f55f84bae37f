"""Watches a form's inputs: what changed since it was shown, and which fields were touched."""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

# Enough cells to tell a changed tick list or attendance grid; a form never holds more.
MAX_CELLS = 2000
# Widgets whose own parts (a combo's line edit, a calendar's year box) are not inputs of the
# form: the outer widget is watched instead, and a message box is no part of the form.
_COMPOUND = (QComboBox, QAbstractSpinBox, QCalendarWidget, QMessageBox)
# Focus going to a popup or another window: the person is still at the field.
_STAYING = (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason)
_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox, QAbstractItemView)


def _is_input(widget: QWidget) -> bool:
    if isinstance(widget, QAbstractButton):
        return widget.isCheckable()
    return isinstance(widget, _INPUTS)


def _inside_compound(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, _COMPOUND):
            return True
        parent = parent.parentWidget()
    return False


def _value(widget: QWidget) -> Hashable:
    """What the person sees in the input, enough to tell whether it changed."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return widget.toPlainText()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, QAbstractItemView):
        return _cells(widget)
    return None


def _cells(view: QAbstractItemView) -> Hashable:
    model: QAbstractItemModel | None = view.model()  # None until a model is set
    if model is None:
        return None
    # A list model keeps columnCount() to itself in PySide6 (it is private there): it has one.
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
    rows = model.rowCount()
    cells: list[object] = [rows]
    for row in range(rows):
        for column in range(columns):
            if len(cells) > MAX_CELLS:
                return tuple(cells)
            index = model.index(row, column)
            shown = model.data(index, Qt.ItemDataRole.DisplayRole)
            ticked = model.data(index, Qt.ItemDataRole.CheckStateRole)
            cells.append((str(shown), str(ticked)))
    return tuple(cells)


class FormWatch(QObject):
    """Finds the inputs under a widget when it is shown, remembers their values, and says when
    one is edited. A field is "touched" once edited and then left, so a fresh form stays quiet.
    """

    edited = Signal(QWidget)  # an input's value changed (by typing, ticking or choosing)
    left = Signal(QWidget)  # focus left an input that had been edited

    def __init__(self, root: QWidget) -> None:
        super().__init__(root)  # the form is found again as parent(): no reference cycle
        self._inputs: list[QWidget] = []
        self._baseline: dict[int, Hashable] | None = None
        self._edited: set[int] = set()
        self._touched: set[int] = set()
        self._owner: dict[int, QWidget] = {}  # each input, and each part of one, to the input

    # ---- starting ------------------------------------------------------------------------
    def start(self) -> None:
        """Called when the form is first shown: what it holds now counts as unchanged."""
        root = self.parent()
        if self._baseline is not None or not isinstance(root, QWidget):
            return
        self._inputs = [
            widget
            for widget in root.findChildren(QWidget)
            if _is_input(widget) and not _inside_compound(widget, root)
        ]
        for widget in self._inputs:
            self._connect(widget)
            # Focus may sit in a part (a date's line edit): each part answers for its input.
            for part in [widget, *widget.findChildren(QWidget)]:
                self._owner[id(part)] = widget
                part.installEventFilter(self)
        self.mark_clean()

    def started(self) -> bool:
        return self._baseline is not None

    def mark_clean(self) -> None:
        """What the inputs hold now is the saved state (after a save that keeps the form)."""
        self._baseline = self._snapshot()

    def _connect(self, widget: QWidget) -> None:
        def changed(*_args: object) -> None:
            self._edited.add(id(widget))
            self.edited.emit(widget)

        signals = []
        if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
            signals.append(widget.textChanged)
        elif isinstance(widget, QDateTimeEdit):
            signals.append(widget.dateTimeChanged)
        elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
            signals.append(widget.valueChanged)
        elif isinstance(widget, QComboBox):
            signals += [widget.currentIndexChanged, widget.editTextChanged]
        elif isinstance(widget, QAbstractButton):
            signals.append(widget.toggled)
        elif isinstance(widget, QAbstractItemView):
            model: QAbstractItemModel | None = widget.model()
            if model is None:
                return
            signals += [model.dataChanged, model.rowsInserted, model.rowsRemoved]
        for signal in signals:
            signal.connect(changed)

    # ---- questions -----------------------------------------------------------------------
    def has_changes(self) -> bool:
        """True when any input differs from what it held when the form was shown."""
        return self._baseline is not None and self._snapshot() != self._baseline

    def touched(self, field: QWidget) -> bool:
        """The field, or an input inside it, was edited and then left."""
        return any(
            id(widget) in self._touched
            and isValid(widget)  # an input a form removed (a row of its own) is gone
            and (widget is field or field.isAncestorOf(widget))
            for widget in self._inputs
        )

    # ---- helpers -------------------------------------------------------------------------
    def _snapshot(self) -> dict[int, Hashable]:
        values: dict[int, Hashable] = {}
        for widget in self._inputs:
            try:
                values[id(widget)] = _value(widget)
            except RuntimeError:  # deleted with a row the form removed: no longer compared
                continue
        return values

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Focus leaving an input, or a part of one, by the person's doing: a popup of its own
        (a combo's list, a calendar) or another window coming up does not count as leaving."""
        if (
            event.type() == QEvent.Type.FocusOut
            and isinstance(event, QFocusEvent)
            and event.reason() not in _STAYING
        ):
            widget = self._owner.get(id(watched))
            if widget is not None and id(widget) in self._edited:
                self._touched.add(id(widget))
                self.left.emit(widget)
        return False

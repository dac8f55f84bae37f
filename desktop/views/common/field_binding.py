"""Reads and writes form widgets as text, so a form's drafts and values go through one path."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from desktop.views.common.tab_date_edit import DateEdit

NO_DATE = QDate(1900, 1, 1)  # a QDateEdit's minimum, shown as its "not known" text


def read(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QCheckBox):
        return "1" if widget.isChecked() else ""
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        return "" if data is None else str(data)
    if isinstance(widget, QDateEdit):
        chosen = widget.date()
        return "" if chosen == NO_DATE else chosen.toString(Qt.DateFormat.ISODate)
    if isinstance(widget, QListWidget):
        return ",".join(
            str(widget.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(widget.count())
            if widget.item(row).checkState() == Qt.CheckState.Checked
        )
    raise TypeError(f"no text binding for {type(widget).__name__}")


def write(widget: QWidget, text: str) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(text)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(text))
    elif isinstance(widget, QComboBox):
        index = next((i for i in range(widget.count()) if str(widget.itemData(i) or "") == text), 0)
        widget.setCurrentIndex(index)
    elif isinstance(widget, QDateEdit):
        widget.setDate(QDate.fromString(text, Qt.DateFormat.ISODate) if text else NO_DATE)
    elif isinstance(widget, QListWidget):
        chosen = set(text.split(",")) if text else set()
        for row in range(widget.count()):
            item = widget.item(row)
            state = str(item.data(Qt.ItemDataRole.UserRole)) in chosen
            item.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)
    else:
        raise TypeError(f"no text binding for {type(widget).__name__}")


def edited_signal(widget: QWidget) -> SignalInstance:
    """The signal that fires when the person (or a draft restore) changes the value."""
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QCheckBox):
        return widget.toggled
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QDateEdit):
        return widget.dateChanged
    if isinstance(widget, QListWidget):
        return widget.itemChanged
    raise TypeError(f"no text binding for {type(widget).__name__}")


def date_edit() -> QDateEdit:
    """A date field that can also say "Not known"."""
    edit = DateEdit()
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText("Not known")
    edit.setDate(NO_DATE)
    return edit

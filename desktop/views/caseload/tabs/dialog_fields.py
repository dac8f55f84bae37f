"""Small builders the record tabs' dialogs share: dates shown the UK way, text areas, pickers."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QComboBox, QDateEdit, QPlainTextEdit

from desktop.models.choices import Rag
from desktop.views.common.field_binding import NO_DATE
from desktop.views.common.tab_date_edit import DateEdit

EARLIEST = QDate(1990, 1, 1)  # a required date cannot go back to the "not known" value
# The record header's colours: strong enough to carry white text, always shown with the word.
# Amber is a deep amber: the brighter #dd6b20 gave white text only 3.4:1 (AA needs 4.5:1).
RAG_COLOURS = {Rag.RED: "#c53030", Rag.AMBER: "#b45309", Rag.GREEN: "#2f855a"}
# Pale versions for table cells, where the text stays dark.
RAG_TINTS = {Rag.RED: "#f8d7d7", Rag.AMBER: "#fde8c4", Rag.GREEN: "#d7efdc"}
OVERDUE_RED = "#9b1c1c"
MUTED = "#5f6b7a"


def day(value: date | None, empty: str = "") -> str:
    return value.strftime("%d/%m/%Y") if value is not None else empty


def moment(value: datetime) -> str:
    """A stored UTC time, shown in the computer's local time."""
    return value.astimezone().strftime("%d/%m/%Y %H:%M")


def rag_text(rating: Rag | None) -> str:
    return rating.label if rating is not None else "Not rated"


def date_field(
    value: date | None,
    *,
    empty_text: str | None = None,
    latest: date | None = None,
    earliest: date | None = None,
) -> QDateEdit:
    """A dd/mm/yyyy field with a calendar; with empty_text it can also be left unset."""
    edit = DateEdit()
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    if empty_text is not None:
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(empty_text)
    else:
        edit.setMinimumDate(qdate(earliest) if earliest else EARLIEST)
    if latest is not None:
        edit.setMaximumDate(qdate(latest))
    set_date(edit, value)
    return edit


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def set_date(edit: QDateEdit, value: date | None) -> None:
    edit.setDate(qdate(value) if value is not None else edit.minimumDate())


def date_of(edit: QDateEdit) -> date | None:
    """None when an optional field is left at its empty value."""
    chosen = edit.date()
    if edit.specialValueText() and chosen == edit.minimumDate():
        return None
    return date(chosen.year(), chosen.month(), chosen.day())


def text_area(placeholder: str, lines: int = 3) -> QPlainTextEdit:
    """Multi-line text where Tab moves on (a form, not a word processor)."""
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    height = edit.fontMetrics().lineSpacing() * lines + 8
    # The application style sheet gives every text field min-height 20px when it is polished,
    # which would undo setMinimumHeight and squeeze a crowded dialog's text areas to one line.
    edit.setStyleSheet(f"QPlainTextEdit {{ min-height: {height}px; }}")
    edit.setMaximumHeight(height * 2 + 16)
    return edit


def staff_combo(
    staff: list[tuple[int, str]], current: int | None, none_text: str | None = None
) -> QComboBox:
    """Active staff by name (ids as data); none_text adds a first "nobody" choice."""
    combo = QComboBox()
    if none_text is not None:
        combo.addItem(none_text, None)
    for account_id, name in staff:
        combo.addItem(name, account_id)
    if current is not None and (found := combo.findData(current)) >= 0:
        combo.setCurrentIndex(found)
    return combo


def swatch(colour: str, size: int = 14) -> QIcon:
    """A filled circle for a RAG choice (beside its word, never instead of it)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(QColor(colour).darker(130))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)

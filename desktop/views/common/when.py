"""How dates and times are written on screen (day first, in the PC's local time), and how the
date and time editors turn into the aware datetimes the services take."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QDateTime
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit

from desktop.views.common.field_binding import NO_DATE

DATE_FORMAT = "%d/%m/%Y"
DATE_TIME_FORMAT = "%d/%m/%Y %H:%M"


def date_text(day: date | None, missing: str = "") -> str:
    return day.strftime(DATE_FORMAT) if day is not None else missing


def local_time_text(moment: datetime | None, missing: str = "") -> str:
    """A stored (UTC) moment as the person's wall clock shows it."""
    return moment.astimezone().strftime(DATE_TIME_FORMAT) if moment is not None else missing


def date_time_edit(moment: datetime) -> QDateTimeEdit:
    """An editor for a date and time, set to a moment shown in local time."""
    edit = QDateTimeEdit()
    edit.setDisplayFormat("dd/MM/yyyy HH:mm")
    edit.setCalendarPopup(True)
    set_moment(edit, moment)
    return edit


def set_moment(edit: QDateTimeEdit, moment: datetime) -> None:
    edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())))


def moment_of(edit: QDateTimeEdit) -> datetime:
    """The editor's local date and time as an aware UTC datetime."""
    return datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), UTC)


def date_of(edit: QDateEdit) -> date | None:
    """A date editor's date, or None when it shows "Not known" (field_binding.date_edit)."""
    chosen = edit.date()
    return None if chosen == NO_DATE else date(chosen.year(), chosen.month(), chosen.day())


def set_date(edit: QDateEdit, day: date | None) -> None:
    edit.setDate(QDate(day.year, day.month, day.day) if day is not None else NO_DATE)

"""What the Meetings screens share: a dialog that shows the meeting service's refusals, the
columns of the action tables, and how periods, dues and statuses are written."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox

from desktop.models.choices import MeetingKind
from desktop.services.meeting_records import MeetingActionRow, MeetingInputError
from desktop.views.caseload.tabs.saving_dialog import REFUSALS as CASELOAD_REFUSALS
from desktop.views.caseload.tabs.saving_dialog import SavingDialog
from desktop.views.coaching.coaching_plan_parts import Columns
from desktop.views.common.action_texts import due_text, status_text
from desktop.views.common.when import local_time_text

REFUSALS: tuple[type[Exception], ...] = (*CASELOAD_REFUSALS, MeetingInputError)
PERIODS = ("This month", "Last 3 months", "This year")
ACTION_DUE = 2  # the meeting page's actions table: the due column
TRACKER_DUE = 3  # the tracker's


class MeetingSavingDialog(SavingDialog):
    """A SavingDialog that keeps itself open, with the reason, when the meeting service refuses
    what was entered (MeetingInputError carries words for the user)."""

    def accept(self) -> None:
        try:
            super().accept()
        except MeetingInputError as error:
            self.show_error(str(error))


def period_dates(period: int, today: date) -> tuple[date, date]:
    """First and last day of a period the list offers (the month's later meetings included)."""
    next_month = date(today.year + today.month // 12, today.month % 12 + 1, 1)
    end = date.fromordinal(next_month.toordinal() - 1)
    if period == 0:
        return today.replace(day=1), end
    if period == 1:
        month = today.month - 2
        year = today.year - (1 if month < 1 else 0)
        return date(year, (month - 1) % 12 + 1, 1), end
    return date(today.year, 1, 1), date(today.year, 12, 31)


def person_text(row: MeetingActionRow) -> str:
    return f"{row.person_name} · {row.case_reference}" if row.case_reference else ""


class ActionColumns:
    """Columns that say how late an action is need today's date."""

    def __init__(self, today: date) -> None:
        self.today = today

    def due(self, row: MeetingActionRow) -> str:
        return due_text(row, self.today)

    def meeting(self) -> Columns[MeetingActionRow]:
        return (
            ("Action", lambda row: row.description.replace("\n", " ")),
            ("Owner", lambda row: row.owner_name),
            ("Due", self.due),
            ("Young person", person_text),
            ("Status", status_text),
        )

    def tracker(self) -> Columns[MeetingActionRow]:
        return (
            ("Meeting", meeting_text),
            ("Action", lambda row: row.description.replace("\n", " ")),
            ("Owner", lambda row: row.owner_name),
            ("Due", self.due),
            ("Young person", person_text),
            ("Status", status_text),
        )


def meeting_text(row: MeetingActionRow) -> str:
    return f"{local_time_text(row.meeting_held_at)[:10]} · {row.meeting_kind.label}"


def kind_combo(current: MeetingKind) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName("Kind of meeting")
    for kind in MeetingKind:
        combo.addItem(kind.label, kind.value)
    combo.setCurrentIndex(max(combo.findData(current.value), 0))
    return combo

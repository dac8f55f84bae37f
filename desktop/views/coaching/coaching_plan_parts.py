"""What the Employment coaching screens share: a dialog that shows the coaching services'
refusals, and how activities, review dates, progress and choices are written."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from PySide6.QtWidgets import QComboBox

from desktop.models.choices import Choice, EetActivity
from desktop.services.coaching_records import CoachingInputError
from desktop.views.caseload.tabs.saving_dialog import REFUSALS as CASELOAD_REFUSALS
from desktop.views.caseload.tabs.saving_dialog import SavingDialog
from desktop.views.common.when import date_text

Row = TypeVar("Row")
# A table's columns: (header, value of a row), as RowsTableModel takes them.
Columns = Sequence[tuple[str, Callable[[Row], Any]]]
# What a coaching screen shows in words when a service says no (messages hold no personal data).
REFUSALS: tuple[type[Exception], ...] = (*CASELOAD_REFUSALS, CoachingInputError)
# Late reviews, actions and targets: red, always with words saying so as well.
OVERDUE_INK = "#9b1c1c"
# What the tables call the NEET activity: its full label is too long for a column.
SHORT_ACTIVITY = {EetActivity.NEET: "NEET"}


class CoachingSavingDialog(SavingDialog):
    """A SavingDialog that also keeps itself open, with the reason, when a coaching service
    refuses what was entered (CoachingInputError carries words for the user)."""

    def accept(self) -> None:
        try:
            super().accept()
        except CoachingInputError as error:
            self.show_error(str(error))


def local_today(now: datetime) -> date:
    return now.astimezone().date()


def activity_text(activity: EetActivity | None, missing: str = "Not recorded") -> str:
    if activity is None:
        return missing
    return SHORT_ACTIVITY.get(activity, activity.label)


def late_text(due: date, today: date) -> str:
    """'3 days late', or '' when the day has not passed."""
    days = (today - due).days
    if days <= 0:
        return ""
    return f"{days} day{'' if days == 1 else 's'} late"


def review_text(due: date | None, overdue: bool, today: date, closed: bool = False) -> str:
    """The review date in words: 'Overdue · 12/05/2025 · 3 days late', 'Due today'."""
    if closed:
        return "Plan closed"
    if due is None:
        return "No review date"
    if overdue:
        late = late_text(due, today)
        return f"Overdue · {date_text(due)}" + (f" · {late}" if late else "")
    if due == today:
        return f"Due today · {date_text(due)}"
    return date_text(due)


def weeks_after(day: date, weeks: int) -> date:
    return day + timedelta(weeks=weeks)


def progress_text(done: int, total: int) -> str:
    """'2 of 3 actions done', or 'No actions yet'."""
    if not total:
        return "No actions yet"
    return f"{done} of {total} action{'' if total == 1 else 's'} done"


def choice_combo(
    choices: list[Choice] | tuple[Choice, ...], current: Choice, name: str
) -> QComboBox:
    """A combo of a fixed list shown by its labels (the stored codes as data)."""
    combo = QComboBox()
    combo.setAccessibleName(name)
    for choice in choices:
        combo.addItem(choice.label, choice.value)
    combo.setCurrentIndex(max(combo.findData(current.value), 0))
    return combo

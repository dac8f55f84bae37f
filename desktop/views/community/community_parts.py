"""What the Community screens share: a dialog that shows the community services' refusals, the
periods the lists offer, and how lists, venues, dues and statuses are written."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from desktop.models.choices import StrategyOutcome
from desktop.services.community_common import CommunityInputError
from desktop.views.caseload.tabs.dialog_fields import text_area
from desktop.views.caseload.tabs.saving_dialog import REFUSALS as CASELOAD_REFUSALS
from desktop.views.caseload.tabs.saving_dialog import SavingDialog

REFUSALS: tuple[type[Exception], ...] = (*CASELOAD_REFUSALS, CommunityInputError)
NAME_LENGTH = 200
TITLE_LENGTH = 300
# The activity list's periods: (label, how many months back from this one; None for all).
PERIODS: tuple[tuple[str, int | None], ...] = (
    ("Last 3 months", 2),
    ("Last 12 months", 11),
    ("This month", 0),
    ("All dates", None),
)
EARLIEST_DAY = date(1990, 1, 1)


class CommunitySavingDialog(SavingDialog):
    """A SavingDialog that keeps itself open, with the reason, when a community service refuses
    what was entered (CommunityInputError carries words for the user)."""

    def accept(self) -> None:
        try:
            super().accept()
        except CommunityInputError as error:
            self.show_error(str(error))


def period_dates(period: int, today: date) -> tuple[date, date]:
    """First and last day of a period the activity list offers; planned activities later this
    month (or later at all, for "All dates") are included."""
    months = PERIODS[period][1] if 0 <= period < len(PERIODS) else PERIODS[0][1]
    next_month = date(today.year + today.month // 12, today.month % 12 + 1, 1)
    end = date.fromordinal(next_month.toordinal() - 1)
    if months is None:
        return EARLIEST_DAY, date(today.year + 5, 12, 31)
    month = today.month - months
    year = today.year
    while month < 1:
        month += 12
        year -= 1
    return date(year, month, 1), end


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


def listed(values: Sequence[str], missing: str = "") -> str:
    return ", ".join(values) if values else missing


def venue_text(venue: str, online: bool) -> str:
    """'Online · Zoom', 'Harrow Road Library', 'Online'."""
    if online:
        return f"Online · {venue}" if venue else "Online"
    return venue or "Venue not recorded"


def line_edit(text: str, name: str, placeholder: str = "", length: int = NAME_LENGTH) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setMaxLength(length)
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def lines_area(
    values: Sequence[str], name: str, placeholder: str, lines: int = 3
) -> QPlainTextEdit:
    """A list typed one item a line (languages, communities)."""
    edit = text_area(placeholder, lines)
    edit.setAccessibleName(name)
    edit.setPlainText("\n".join(values))
    return edit


def typed_lines(edit: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in edit.toPlainText().splitlines() if line.strip())


def prose_area(text: str, name: str, placeholder: str, lines: int = 4) -> QPlainTextEdit:
    edit = text_area(placeholder, lines)
    edit.setAccessibleName(name)
    edit.setPlainText(text)
    return edit


def reading(name: str) -> QLabel:
    """Text shown on a page (selectable, wrapped, never read as rich text)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    return label


def outcome_boxes(chosen: Sequence[StrategyOutcome]) -> dict[StrategyOutcome, QCheckBox]:
    boxes: dict[StrategyOutcome, QCheckBox] = {}
    for outcome in StrategyOutcome:
        box = QCheckBox(outcome.label)
        box.setAccessibleName(f"Serves: {outcome.label}")
        box.setChecked(outcome in chosen)
        boxes[outcome] = box
    return boxes


def ticked(boxes: dict[StrategyOutcome, QCheckBox]) -> list[StrategyOutcome]:
    return [outcome for outcome, box in boxes.items() if box.isChecked()]


def staff_with(staff: list[tuple[int, str]], account_id: int, name: str) -> list[tuple[int, str]]:
    """The staff list with the signed-in user in it (a community officer works with no caseload,
    so the caseload staff list leaves them out)."""
    if any(known == account_id for known, _ in staff):
        return staff
    return sorted([*staff, (account_id, name)], key=lambda pair: pair[1].casefold())


def focus_first(widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)

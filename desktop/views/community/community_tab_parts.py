"""What the Community tabs share: a dialog that shows the community services' refusals, period
choices, a ticked list of young people or staff to choose from, and action texts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models.choices import ActionStatus
from desktop.services.bundle import Services
from desktop.services.community_common import ActionRow, CommunityInputError
from desktop.services.permissions import PermissionDeniedError
from desktop.views.caseload.tabs.dialog_fields import MUTED, OVERDUE_RED
from desktop.views.caseload.tabs.saving_dialog import REFUSALS as CASELOAD_REFUSALS
from desktop.views.caseload.tabs.saving_dialog import SavingDialog
from desktop.views.coaching.coaching_plan_parts import late_text
from desktop.views.common.rows_table_model import PLAIN, RowLook
from desktop.views.common.when import date_text

REFUSALS: tuple[type[Exception], ...] = (*CASELOAD_REFUSALS, CommunityInputError)
PERIODS = ("Last 3 months", "Last 12 months", "This year", "Last year")
MOST_PEOPLE = 5000  # a coordinator's whole caseload is still one list


class CommunitySavingDialog(SavingDialog):
    """A SavingDialog that stays open, with the reason, when a community service refuses what
    was entered (CommunityInputError carries words for the user)."""

    def accept(self) -> None:
        try:
            super().accept()
        except CommunityInputError as error:
            self.show_error(str(error))


def period_combo(name: str = "Period") -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.addItems(list(PERIODS))
    return combo


def period_dates(period: int, today: date) -> tuple[date, date]:
    """First and last day of one of PERIODS (the last ones end today)."""
    if period == 0:
        return today - timedelta(days=91), today
    if period == 1:
        return today - timedelta(days=365), today
    if period == 2:
        return date(today.year, 1, 1), today
    return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)


def person_choices(services: Services) -> list[tuple[int, str]] | None:
    """The young people this user may open, as (id, "Name · reference"); None when their role
    opens no records at all."""
    try:
        rows = services.people.page(0, MOST_PEOPLE)
    except PermissionDeniedError:
        return None
    return [(row.id, f"{row.name} · {row.case_reference}") for row in rows]


def staff_with(staff: list[tuple[int, str]], account_id: int, name: str) -> list[tuple[int, str]]:
    """The staff list with the signed-in user in it (a community officer has no caseload, so
    the caseload staff list leaves them out)."""
    if any(known == account_id for known, _ in staff):
        return staff
    return sorted([*staff, (account_id, name)], key=lambda pair: pair[1].casefold())


class CheckList(QWidget):
    """Items to tick, with a filter line above them when the list is long."""

    def __init__(
        self,
        name: str,
        choices: Sequence[tuple[int, str]],
        chosen: Sequence[int] = (),
        empty_text: str = "",
        lines: int = 6,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Type to narrow the list")
        self.filter.setAccessibleName(f"Narrow {name.lower()}")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._narrow)
        self.list = QListWidget()
        self.list.setAccessibleName(name)
        self.list.setUniformItemSizes(True)
        # Rows of a height set here, so the list shows whole rows and none cut in half.
        row = self.list.fontMetrics().height() + 6
        # What is already ticked comes first, so it shows without scrolling.
        ordered = [c for c in choices if c[0] in chosen] + [
            c for c in choices if c[0] not in chosen
        ]
        for value, text in ordered:
            item = QListWidgetItem(text)
            item.setSizeHint(QSize(0, row))
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if value in chosen else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        shown = min(max(len(choices), 2), lines)
        self.list.setFixedHeight(row * shown + 2 * self.list.frameWidth() + 2)
        self.empty = QLabel(empty_text)
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        self.filter.setVisible(len(choices) > lines)
        # A form label's Alt letter reaches the list (or its filter, when the list is long).
        self.setFocusProxy(self.filter if len(choices) > lines else self.list)
        self.list.setVisible(bool(choices))
        self.empty.setVisible(not choices and bool(empty_text))

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def chosen(self) -> list[int]:
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in self.items()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, value: int, checked: bool = True) -> None:
        for item in self.items():
            if item.data(Qt.ItemDataRole.UserRole) == value:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _narrow(self, text: str) -> None:
        wanted = text.casefold().strip()
        for item in self.items():
            item.setHidden(bool(wanted) and wanted not in item.text().casefold())


def due_text(row: ActionRow, today: date) -> str:
    """'12/05/2025 · 3 days late' (in red), 'No date'."""
    if row.due_on is None:
        return "No date"
    if row.overdue:
        return f"{date_text(row.due_on)} · {late_text(row.due_on, today)}"
    return date_text(row.due_on)


def status_text(row: ActionRow) -> str:
    if row.status is ActionStatus.DONE and row.done_on is not None:
        return f"Done {date_text(row.done_on)}"
    return row.status.label


def action_look(due_column: int) -> Callable[[ActionRow, int], RowLook]:
    def look(row: ActionRow, column: int) -> RowLook:
        if not row.is_open:
            return RowLook(foreground=MUTED)
        if column == due_column and row.overdue:
            return RowLook(foreground=OVERDUE_RED, bold=True)
        return PLAIN

    return look


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"

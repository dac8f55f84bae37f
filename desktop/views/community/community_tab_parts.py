"""What the Community tabs share: a dialog that shows the community services' refusals, period
choices, a ticked list of young people or staff to choose from, and action texts."""

from __future__ import annotations

from collections.abc import Sequence
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

from desktop.services.bundle import Services
from desktop.services.permissions import PermissionDeniedError

PERIODS = ("Last 3 months", "Last 12 months", "This year", "Last year")
MOST_PEOPLE = 5000  # a coordinator's whole caseload is still one list


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

"""The engagement activities held in a chosen period (and any of a kind), latest first, with how
many came and how many of their actions are still open."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from desktop.models.choices import ActivityKind
from desktop.services.bundle import Services
from desktop.services.engagement_records import ActivityRow
from desktop.views.caseload.tabs.tab_parts import action_button, hint
from desktop.views.coaching.coaching_plan_parts import local_today
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import PLAIN, RowLook, RowsTableModel
from desktop.views.common.when import date_text
from desktop.views.community.community_parts import (
    PERIODS,
    listed,
    period_dates,
    plural,
    venue_text,
)

OPEN_COLUMN = 7


def languages_of(row: ActivityRow) -> Sequence[str]:
    # ActivityRow gains its languages with the engagement service; until then the list is blank.
    found: Sequence[str] = getattr(row, "languages", ())
    return found


ACTIVITY_COLUMNS = (
    ("Date", lambda row: date_text(row.held_on)),
    ("Kind", lambda row: row.kind.label),
    ("Title", lambda row: row.title),
    ("Venue", lambda row: venue_text(row.venue, row.online)),
    ("Languages", lambda row: listed(languages_of(row))),
    ("Came", lambda row: row.attendance),
    ("Partners", lambda row: row.partners),
    ("Open actions", lambda row: row.open_actions),
)


def activity_look(row: ActivityRow, column: int) -> RowLook:
    return RowLook(bold=True) if column == OPEN_COLUMN and row.open_actions else PLAIN


class ActivityList(QWidget):
    open_activity = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.new_button = action_button(
            "&New activity…", "Record an event, gathering, workshop or course", "Ctrl+N"
        )
        self.new_button.setAccessibleName("New activity")
        self.period = QComboBox()
        self.period.setAccessibleName("Period")
        self.period.addItems([label for label, _months in PERIODS])
        self.period.currentIndexChanged.connect(self.reload)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of activity")
        self.kind.addItem("Every kind", None)
        for kind in ActivityKind:
            self.kind.addItem(kind.label, kind.value)
        self.kind.currentIndexChanged.connect(self.reload)
        self.count = hint()
        self.table: RowTable[ActivityRow] = RowTable(
            RowsTableModel(ACTIVITY_COLUMNS, activity_look, lambda row: row.title),
            "Activities",
            "No activities in this period. Choose New activity… to record one.",
            (88, 140, 240, 150, 110, 60, 75),
        )
        self.table.activated.connect(lambda row: self.open_activity.emit(row.id))
        top = QHBoxLayout()
        top.addWidget(self.period)
        top.addWidget(self.kind)
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        today = local_today(self._services.clock.now())
        start, end = period_dates(self.period.currentIndex(), today)
        kind = self.kind.currentData()
        rows = self._services.engagement.activities(
            start, end, ActivityKind(kind) if kind is not None else None
        )
        chosen = self.table.selected()
        self.table.set_rows(rows)
        if chosen is not None:
            self.table.select_where(lambda row: row.id == chosen.id)
        came = sum(row.attendance for row in rows)
        still_open = sum(row.open_actions for row in rows)
        self.count.setText(
            f"{plural(len(rows), 'activity', 'activities')} · "
            f"{plural(came, 'person', 'people')} came · {still_open} open actions"
        )

    def select_activity(self, activity_id: int) -> bool:
        return self.table.select_where(lambda row: row.id == activity_id)

    def focus_list(self) -> None:
        self.table.view.setFocus()

"""The Plans list: the coaching plans this user may open, with what each young person is doing
now, when the plan is next reviewed, and how its barriers, goals and actions stand."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from desktop.models.accounts import Role
from desktop.services.bundle import Services
from desktop.services.coaching_records import PlanRow
from desktop.views.caseload.tabs.dialog_fields import MUTED
from desktop.views.caseload.tabs.tab_parts import hint
from desktop.views.coaching.coaching_plan_parts import (
    OVERDUE_INK,
    Columns,
    activity_text,
    local_today,
    review_text,
)
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import PLAIN, RowLook, RowsTableModel

OPEN, CLOSED, EVERY = "open", "closed", "all"
FILTERS = ((OPEN, "Open plans"), (CLOSED, "Closed plans"), (EVERY, "All plans"))
COUNTED = {OPEN: "open plan", CLOSED: "closed plan", EVERY: "plan"}
EMPTY_TEXT = "No coaching plans yet. Choose New plan… to start one."


def goals_text(row: PlanRow) -> str:
    return f"{row.goals_achieved} of {row.goals_total}" if row.goals_total else "None yet"


def count_text(count: int) -> str:
    return str(count) if count else "—"


class PlanColumns:
    """The table's columns; the review column needs today's date to say how late it is."""

    NAME, REFERENCE, COACH, DOING, REVIEW, BARRIERS, GOALS, OVERDUE = range(8)

    def __init__(self, today: date) -> None:
        self.today = today

    def columns(self) -> Columns[PlanRow]:
        return (
            ("Young person", lambda row: row.person_name),
            ("Case reference", lambda row: row.case_reference),
            ("Coach", lambda row: row.coach),
            ("Doing now", lambda row: activity_text(row.activity)),
            ("Review due", self.review),
            ("Open barriers", lambda row: count_text(row.open_barriers)),
            ("Goals achieved", goals_text),
            ("Overdue actions", lambda row: count_text(row.overdue_actions)),
        )

    def review(self, row: PlanRow) -> str:
        return review_text(
            row.review_due_on, row.review_overdue, self.today, row.closed_on is not None
        )

    def look(self, row: PlanRow, column: int) -> RowLook:
        if row.closed_on is not None:
            return RowLook(foreground=MUTED, italic=True)
        if column == self.REVIEW and row.review_overdue:
            return RowLook(foreground=OVERDUE_INK, bold=True)
        if column == self.OVERDUE and row.overdue_actions:
            return RowLook(foreground=OVERDUE_INK, bold=True)
        return PLAIN


class CoachingPlanList(QWidget):
    open_plan = Signal(int)  # plan id

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.filter = QComboBox()
        self.filter.setAccessibleName("Show")
        for value, label in FILTERS:
            self.filter.addItem(label, value)
        self.filter.currentIndexChanged.connect(self.reload)
        self.count = hint()
        self.columns = PlanColumns(local_today(services.clock.now()))
        self.table: RowTable[PlanRow] = RowTable(
            RowsTableModel(self.columns.columns(), self.columns.look),
            "Plans",
            EMPTY_TEXT,
            (180, 125, 170, 130, 290, 120, 130),
        )
        # A coach's list holds only their own plans: the column would repeat their name.
        self.table.view.setColumnHidden(
            PlanColumns.COACH, services.user.role is not Role.COORDINATOR
        )
        self.table.activated.connect(lambda row: self.open_plan.emit(row.plan_id))
        top = QHBoxLayout()
        top.addWidget(self.filter)
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(hint("Overdue reviews and actions are shown in red and say so."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        chosen = self.table.selected()
        self.columns.today = local_today(self._services.clock.now())
        shown = self.filter.currentData()
        rows = self._services.coaching.plans(include_closed=shown != OPEN)
        if shown == CLOSED:
            rows = [row for row in rows if row.closed_on is not None]
        self.table.set_rows(rows)
        if chosen is not None:
            self.table.select_where(lambda row: row.plan_id == chosen.plan_id)
        noun = COUNTED[str(shown)]
        self.count.setText(f"{len(rows)} {noun}{'' if len(rows) == 1 else 's'}")
        self.table.empty.setText(EMPTY_TEXT if shown != CLOSED else "No closed plans.")

    def select_plan(self, plan_id: int) -> bool:
        return self.table.select_where(lambda row: row.plan_id == plan_id)

    def showEvent(self, event: QShowEvent) -> None:
        # Back from a plan (or a day later): its changes and what is now late show at once.
        if not event.spontaneous():
            self.reload()
        super().showEvent(event)

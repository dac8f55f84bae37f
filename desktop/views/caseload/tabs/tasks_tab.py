"""The Tasks tab: actions on the case with owner and due date; overdue ones stand out in words."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from desktop.services.bundle import Services
from desktop.services.people_service import PersonRecord
from desktop.services.task_service import TaskRow
from desktop.views.caseload.record_tab import RecordTab
from desktop.views.caseload.tabs.detail_card import DetailCard
from desktop.views.caseload.tabs.dialog_fields import MUTED, OVERDUE_RED, day
from desktop.views.caseload.tabs.saving_dialog import REFUSALS
from desktop.views.caseload.tabs.tab_parts import (
    action_button,
    hint,
    lay_out_table_over_detail,
)
from desktop.views.caseload.tabs.task_dialog import TaskDialog
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import PLAIN, RowLook, RowsTableModel


def due_text(row: TaskRow) -> str:
    due = day(row.due_on, "No due date")
    return f"{due} · Overdue" if row.overdue else due


def done_text(row: TaskRow) -> str:
    return f"Done {day(row.done_at.date())}" if row.done_at else "Open"


COLUMNS = (
    ("Task", lambda row: row.title),
    ("Owner", lambda row: row.owner),
    ("Due", due_text),
    ("Done", done_text),
)
DUE_COLUMN = 2


def task_look(row: TaskRow, column: int) -> RowLook:
    if row.done_at is not None:
        return RowLook(foreground=MUTED)
    if row.overdue:
        return RowLook(foreground=OVERDUE_RED, bold=column in (0, DUE_COLUMN))
    return PLAIN


class TasksTab(RecordTab):
    def __init__(self, services: Services, record: PersonRecord, parent: QWidget | None = None):
        super().__init__(services, record, parent)
        self.add_button = action_button(
            "Add task…", "Add an action on this case, with owner and due date", "Ctrl+Shift+T"
        )
        self.done_button = action_button(
            "Mark done", "Mark the selected task done, or reopen it", "Ctrl+Return"
        )
        self.add_button.clicked.connect(self.add_task)
        self.done_button.clicked.connect(self.toggle_done)
        self.show_done = QCheckBox("Show done tasks")
        self.show_done.setChecked(True)
        self.show_done.setToolTip("List tasks already done below the open ones")
        self.show_done.toggled.connect(self.reload)
        self.table: RowTable[TaskRow] = RowTable(
            RowsTableModel(COLUMNS, task_look),
            "Tasks",
            "No tasks on this case.",
            (300, 150, 180),
        )
        self.table.selection_changed.connect(self._selection_changed)
        self.detail = DetailCard("Task details", "Choose a task to read it in full.")
        self.count = hint()
        lay_out_table_over_detail(
            self,
            "Tasks",
            self.count,
            [self.show_done, self.add_button, self.done_button],
            self.table,
            self.detail,
            (400, 110),
        )
        self.reload()

    def reload(self) -> None:
        chosen = self.table.selected()
        rows = self.services.tasks.tasks(self.record.id, include_done=self.show_done.isChecked())
        self.table.set_rows(rows)
        if chosen is not None:
            self.table.select_where(lambda row: row.id == chosen.id)
        still_open = [row for row in rows if row.done_at is None]
        overdue = sum(1 for row in still_open if row.overdue)
        counted = f"{len(still_open)} open" + (f" · {overdue} overdue" if overdue else "")
        self.count.setText(counted if rows else "")
        self.table.empty.setText(
            "No tasks on this case." if self.show_done.isChecked() else "No open tasks."
        )
        self._selection_changed()

    def _selection_changed(self) -> None:
        row = self.table.selected()
        self.done_button.setEnabled(row is not None)
        label = "Reopen" if row is not None and row.done_at else "Mark done"
        self.done_button.setText(label)
        self.done_button.setAccessibleName(label)
        if row is None:
            self.detail.show_pairs([])
            return
        self.detail.show_pairs(
            [("Task", row.title), ("Due", due_text(row)), ("Detail", row.detail)]
        )

    def add_task(self) -> None:
        dialog = TaskDialog(
            self.services.accounts.staff_choices(),
            self.services.user.account_id,
            self.services.clock.now().date(),
            self,
        )
        dialog.save = lambda: self.services.tasks.add_task(
            self.record.id,
            dialog.title.text(),
            dialog.owner_id(),
            dialog.due(),
            dialog.detail.toPlainText(),
        )
        if dialog.exec():
            self.reload()
            self.table.select_where(lambda row: row.id == dialog.result_of_save)

    def toggle_done(self) -> None:
        row = self.table.selected()
        if row is None:
            return
        try:
            if row.done_at is None:
                self.services.tasks.complete(row.id)
            else:
                self.services.tasks.reopen(row.id)
        except REFUSALS as error:
            self.refuse(error)
        self.reload()

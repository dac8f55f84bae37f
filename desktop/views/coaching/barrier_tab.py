"""A coaching plan's Barriers tab: what stands in the young person's way, how each stands (open,
being addressed, resolved) and what is being done about it, with Add and Edit."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop.models.choices import BarrierStatus
from desktop.services.bundle import Services
from desktop.services.coaching_records import BarrierRow, PlanView
from desktop.views.caseload.tabs.detail_card import DetailCard
from desktop.views.caseload.tabs.dialog_fields import MUTED
from desktop.views.caseload.tabs.tab_parts import (
    action_button,
    hint,
    lay_out_table_over_detail,
    show_for,
)
from desktop.views.coaching.barrier_dialog import BarrierDialog
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import PLAIN, RowLook, RowsTableModel
from desktop.views.common.when import date_text

STATUS_COLUMN = 1


def status_text(row: BarrierRow) -> str:
    if row.status is BarrierStatus.RESOLVED and row.resolved_on is not None:
        return f"Resolved {date_text(row.resolved_on)}"
    return row.status.label


COLUMNS = (
    ("Barrier", lambda row: row.type_label),
    ("Status", status_text),
    ("Detail", lambda row: row.detail.replace("\n", " ")),
    ("What is being done", lambda row: row.action.replace("\n", " ")),
)


def barrier_look(row: BarrierRow, column: int) -> RowLook:
    if row.status is BarrierStatus.RESOLVED:
        return RowLook(foreground=MUTED)
    if row.status is BarrierStatus.OPEN and column == STATUS_COLUMN:
        return RowLook(bold=True)
    return PLAIN


def count_text(rows: list[BarrierRow]) -> str:
    if not rows:
        return ""
    unresolved = sum(row.status is not BarrierStatus.RESOLVED for row in rows)
    return f"{unresolved} still in the way · {len(rows) - unresolved} resolved"


class BarriersTab(QWidget):
    changed = Signal()

    def __init__(self, services: Services, plan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.plan_id = plan_id
        self.add_button = action_button("Add barr&ier…", "Add a barrier from the standard list")
        self.add_button.clicked.connect(self.add_barrier)
        self.edit_button = action_button(
            "&Edit barrier…", "Change the chosen barrier, its status or what is being done"
        )
        self.edit_button.clicked.connect(self.edit_barrier)
        self.table: RowTable[BarrierRow] = RowTable(
            RowsTableModel(COLUMNS, barrier_look),
            "Barriers",
            "No barriers recorded. Choose Add barrier… for anything in the way: no ID, no bank "
            "account, travel safety…",
            (230, 150, 280),
        )
        self.table.selection_changed.connect(self._selection_changed)
        self.table.activated.connect(lambda row: self.edit_barrier())
        self.detail = DetailCard("Barrier details", "Choose a barrier to see it in full.")
        self.count = hint()
        lay_out_table_over_detail(
            self,
            "Barriers",
            self.count,
            [self.add_button, self.edit_button],
            self.table,
            self.detail,
            (360, 140),
        )
        self._editable = False

    def load(self, view: PlanView) -> None:
        self._editable = view.may_edit and view.is_open
        show_for(self._editable, self.add_button, self.edit_button)
        chosen = self.table.selected()
        rows = self._services.coaching.barriers(self.plan_id)
        self.table.set_rows(rows)
        if chosen is not None:
            self.table.select_where(lambda row: row.id == chosen.id)
        self.count.setText(count_text(rows))
        self._selection_changed()

    def _selection_changed(self) -> None:
        row = self.table.selected()
        self.edit_button.setEnabled(row is not None)
        if row is None:
            self.detail.show_pairs([])
            return
        self.detail.show_pairs(
            [
                (row.type_label, status_text(row)),
                ("Detail", row.detail),
                ("What is being done", row.action),
            ]
        )

    def add_barrier(self) -> None:
        coaching = self._services.coaching
        dialog = BarrierDialog(coaching.barrier_types(), parent=self)
        dialog.save = lambda: coaching.add_barrier(self.plan_id, dialog.details())
        self._run(dialog)
        if isinstance(dialog.result_of_save, int):
            new_id = dialog.result_of_save
            self.table.select_where(lambda row: row.id == new_id)

    def edit_barrier(self) -> None:
        row = self.table.selected()
        if row is None or not self._editable:
            return
        coaching = self._services.coaching
        dialog = BarrierDialog(coaching.barrier_types(), row, self)
        dialog.save = lambda: coaching.update_barrier(row.id, dialog.details())
        self._run(dialog)

    def _run(self, dialog: BarrierDialog) -> None:
        saved = dialog.exec()
        dialog.deleteLater()  # what was typed goes with it
        if saved:
            self.changed.emit()

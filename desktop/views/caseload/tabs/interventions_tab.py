"""The Interventions tab: support and (last of all) enforcement on the case, with outcomes."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.services.bundle import Services
from desktop.services.intervention_service import CAN_RECORD_ENFORCEMENT, InterventionRow
from desktop.services.people_service import PersonRecord
from desktop.views.caseload.record_tab import RecordTab
from desktop.views.caseload.tabs.detail_card import DetailCard
from desktop.views.caseload.tabs.dialog_fields import day
from desktop.views.caseload.tabs.intervention_dialog import (
    EndInterventionDialog,
    InterventionDialog,
)
from desktop.views.caseload.tabs.tab_parts import (
    action_button,
    hint,
    lay_out_table_over_detail,
)
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import PLAIN, RowLook, RowsTableModel

ENFORCEMENT_TINT = "#fbe3e3"
ENFORCEMENT_TEXT = "#7b1d1d"


def type_text(row: InterventionRow) -> str:
    return f"Enforcement: {row.kind.label}" if row.is_enforcement else row.kind.label


COLUMNS = (
    ("Type", type_text),
    ("Start", lambda row: day(row.started_on)),
    ("End", lambda row: day(row.ended_on, "Ongoing")),
    ("Owner", lambda row: row.owner),
    ("Outcome", lambda row: " ".join(row.outcome.split())),
)


def _look(row: InterventionRow, column: int) -> RowLook:
    if row.is_enforcement:
        return RowLook(background=ENFORCEMENT_TINT, foreground=ENFORCEMENT_TEXT, bold=column == 0)
    return PLAIN


class InterventionsTab(RecordTab):
    def __init__(self, services: Services, record: PersonRecord, parent: QWidget | None = None):
        super().__init__(services, record, parent)
        self.may_enforce = services.user.role in CAN_RECORD_ENFORCEMENT
        self.add_button = action_button(
            "Record intervention…", "Record support or action on the case", "Ctrl+Shift+I"
        )
        self.edit_button = action_button("Edit…", "Change the selected intervention (Enter)")
        self.end_button = action_button(
            "End…", "End the selected intervention with its outcome", "Ctrl+Shift+O"
        )
        self.add_button.clicked.connect(self.add_intervention)
        self.edit_button.clicked.connect(self.edit_intervention)
        self.end_button.clicked.connect(self.end_intervention)
        self.table: RowTable[InterventionRow] = RowTable(
            RowsTableModel(COLUMNS, _look, lambda row: row.outcome or row.description),
            "Interventions",
            "No interventions recorded yet.",
            (260, 85, 85, 140),
        )
        self.table.selection_changed.connect(self._selection_changed)
        self.table.activated.connect(lambda _row: self.edit_intervention())
        self.detail = DetailCard(
            "Intervention details", "Choose an intervention to read it in full."
        )
        self.count = hint()
        lay_out_table_over_detail(
            self,
            "Interventions",
            self.count,
            [self.add_button, self.edit_button, self.end_button],
            self.table,
            self.detail,
            (280, 220),
        )
        self.reload()

    def reload(self) -> None:
        chosen = self.table.selected()
        rows = self.services.interventions.interventions(self.record.id)
        self.table.set_rows(rows)
        if not (chosen and self.table.select_where(lambda row: row.id == chosen.id)):
            self.table.select_index(0)
        ongoing = sum(1 for row in rows if row.ended_on is None)
        self.count.setText(f"{len(rows)} recorded · {ongoing} ongoing" if rows else "")
        self._selection_changed()

    def _may_change(self, row: InterventionRow | None) -> bool:
        return row is not None and (self.may_enforce or not row.is_enforcement)

    def _selection_changed(self) -> None:
        row = self.table.selected()
        self.edit_button.setEnabled(self._may_change(row))
        self.end_button.setEnabled(self._may_change(row) and row is not None and not row.ended_on)
        if row is None:
            self.detail.show_pairs([])
            return
        self.detail.show_pairs(
            [
                ("Type", type_text(row)),
                ("Description", row.description),
                ("Why enforcement (rationale)", row.rationale),
                ("Outcome", row.outcome),
                ("Recorded", f"{day(row.created_at.date())} by {row.created_by}"),
            ]
        )

    def _dialog(self, existing: InterventionRow | None) -> InterventionDialog:
        return InterventionDialog(
            existing=existing,
            may_enforce=self.may_enforce,
            staff=self.services.accounts.staff_choices(),
            me=self.services.user.account_id,
            today=self.services.clock.now().date(),
            support_before=lambda on: self.services.interventions.support_before(
                self.record.id, on
            ),
            parent=self,
        )

    def add_intervention(self) -> None:
        dialog = self._dialog(None)
        dialog.save = lambda: self.services.interventions.add_intervention(
            self.record.id, dialog.value(), dialog.no_prior_support_reason()
        )
        if dialog.exec():
            self.reload()
            self.table.select_where(lambda row: row.id == dialog.result_of_save)

    def edit_intervention(self) -> None:
        row = self.table.selected()
        if not self._may_change(row):
            return
        assert row is not None
        dialog = self._dialog(row)
        dialog.save = lambda: self.services.interventions.update_intervention(
            row.id, dialog.value(), dialog.no_prior_support_reason()
        )
        if dialog.exec():
            self.reload()

    def end_intervention(self) -> None:
        row = self.table.selected()
        if not self._may_change(row) or row is None or row.ended_on is not None:
            return
        dialog = EndInterventionDialog(row, self.services.clock.now().date(), self)
        dialog.save = lambda: self.services.interventions.close_intervention(
            row.id, dialog.end_day(), dialog.outcome.toPlainText()
        )
        if dialog.exec():
            self.reload()

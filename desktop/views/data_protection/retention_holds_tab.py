"""Legal holds in force (and, when asked, those lifted): place one, lift one."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QVBoxLayout, QWidget

from desktop.services.retention_holds import HoldRow, LegalHoldService
from desktop.views.caseload.tabs.tab_parts import action_button, hint, section_title
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import RowsTableModel
from desktop.views.common.when import local_time_text
from desktop.views.data_protection.legal_hold_dialog import LiftHoldDialog, place_hold

COLUMNS = (
    ("Covers", lambda row: row.scope),
    ("Reference", lambda row: row.reference),
    ("Why", lambda row: row.reason),
    ("Placed by", lambda row: f"{row.placed_by}, {local_time_text(row.placed_at)}"),
    (
        "Lifted",
        lambda row: f"{row.lifted_by}, {local_time_text(row.lifted_at)}" if row.lifted_at else "",
    ),
)


class RetentionHoldsTab(QWidget):
    def __init__(self, holds: LegalHoldService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._holds = holds
        self.count = hint()
        self.show_lifted = QCheckBox("&Include lifted holds")
        self.show_lifted.toggled.connect(self.reload)
        self.table: RowTable[HoldRow] = RowTable(
            RowsTableModel(COLUMNS, tooltip=lambda row: row.reason),
            "Legal holds",
            "No legal holds: records may be disposed of when their review says so.",
            (260, 110, 220, 200),
        )
        self.place_button = action_button("&Place hold…", "Stop disposal of one record or all")
        self.place_button.clicked.connect(self.place)
        self.lift_button = action_button("Lif&t hold…", "Lift the chosen hold, with the reason")
        self.lift_button.clicked.connect(self.lift_selected)
        self.table.selection_changed.connect(self._selection_changed)
        top = QHBoxLayout()
        top.addWidget(section_title("Legal holds"))
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(self.show_lifted)
        buttons = QHBoxLayout()
        buttons.addWidget(self.place_button)
        buttons.addWidget(self.lift_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        rows = self._holds.holds(include_lifted=self.show_lifted.isChecked())
        self.table.set_rows(rows)
        active = sum(1 for row in rows if row.active)
        self.count.setText(f"{active} in force")
        self._selection_changed()

    def _selection_changed(self) -> None:
        row = self.table.selected()
        self.lift_button.setEnabled(row is not None and row.active)

    def place(self) -> None:
        if place_hold(self._holds, self):
            self.reload()

    def lift_selected(self) -> None:
        row = self.table.selected()
        if row is None or not row.active:
            return
        dialog = LiftHoldDialog(row.scope, row.reference, self)
        while dialog.exec():
            try:
                self._holds.lift(row.id, dialog.reason.toPlainText())
            except ValueError as error:
                dialog.show_error(str(error))
                continue
            self.reload()
            return

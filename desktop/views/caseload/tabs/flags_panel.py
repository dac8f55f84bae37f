"""The flags part of the Status and risk tab: safeguarding flags with their dates and source."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QVBoxLayout, QWidget

from desktop.services.bundle import Services
from desktop.services.risk_service import FlagRow
from desktop.views.caseload.tabs.dialog_fields import MUTED, day
from desktop.views.caseload.tabs.flag_dialog import AddFlagDialog, EndFlagDialog
from desktop.views.caseload.tabs.tab_parts import action_button, hint, section_title
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import PLAIN, RowLook, RowsTableModel


def _ended(row: FlagRow) -> str:
    if row.ended_on is None:
        return "Active"
    return f"Ended {day(row.ended_on)}" + (" (last day)" if row.active else "")


COLUMNS = (
    ("Flag", lambda row: row.label),
    ("Since", lambda row: day(row.started_on)),
    ("State", _ended),
    ("Source", lambda row: row.source),
    ("Detail", lambda row: " ".join(row.detail.split())),
)
STATE_COLUMN = 2


def _look(row: FlagRow, column: int) -> RowLook:
    if not row.active:
        return RowLook(foreground=MUTED, italic=True)
    return RowLook(bold=True) if column == 0 else PLAIN


def _tooltip(row: FlagRow) -> str:
    return f"Added {day(row.created_at.date())} by {row.created_by}" + (
        f"\n{row.detail}" if row.detail else ""
    )


class FlagsPanel(QWidget):
    def __init__(self, services: Services, person_id: int) -> None:
        super().__init__()
        self.services = services
        self.person_id = person_id
        self.show_ended = QCheckBox("Show ended flags")
        self.show_ended.setToolTip("Also list flags that have ended, greyed out")
        self.show_ended.toggled.connect(self.reload)
        self.add_button = action_button(
            "Add flag…", "Flag a safeguarding concern, with its source", "Ctrl+Shift+F"
        )
        self.end_button = action_button("End flag…", "End the selected flag (Delete)")
        self.add_button.clicked.connect(self.add_flag)
        self.end_button.clicked.connect(self.end_flag)
        self.count = hint()
        self.table: RowTable[FlagRow] = RowTable(
            RowsTableModel(COLUMNS, _look, _tooltip),
            "Flags",
            "No active flags.",
            (230, 85, 110, 180),
        )
        self.table.selection_changed.connect(self._update_buttons)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.end_flag)
        top = QHBoxLayout()
        top.addWidget(section_title("Flags"))
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(self.show_ended)
        top.addWidget(self.add_button)
        top.addWidget(self.end_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        ended = self.show_ended.isChecked()
        rows = self.services.risk.flags(self.person_id, include_ended=ended)
        self.table.set_rows(rows)
        self.table.view.setColumnHidden(STATE_COLUMN, not ended)
        self.table.empty.setText("No flags recorded." if ended else "No active flags.")
        active = sum(1 for row in rows if row.active)
        self.count.setText(f"{active} active" if rows else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.table.selected()
        self.end_button.setEnabled(row is not None and row.ended_on is None)

    def add_flag(self) -> None:
        kinds = self.services.risk.flag_types()
        dialog = AddFlagDialog(kinds, self.services.clock.now().date(), self)

        def save() -> int:
            kind = dialog.chosen()
            assert kind is not None
            return self.services.risk.add_flag(
                self.person_id,
                kind.id,
                dialog.since(),
                dialog.source.text(),
                dialog.detail.toPlainText(),
            )

        dialog.save = save
        if dialog.exec():
            self.reload()
            self.table.select_where(lambda row: row.id == dialog.result_of_save)

    def end_flag(self) -> None:
        row = self.table.selected()
        if row is None or row.ended_on is not None:
            return
        dialog = EndFlagDialog(row, self.services.clock.now().date(), self)
        dialog.save = lambda: self.services.risk.end_flag(row.id, dialog.last_day())
        if dialog.exec():
            self.reload()

"""The coordinator's list of flag types: the standard ones, plus those the unit adds or retires."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.bundle import Services
from desktop.services.risk_service import FlagTypeRow, RiskInputError
from desktop.views.common.form_dialog import FormDialog
from desktop.views.common.paged_table_model import PagedTableModel

COLUMNS = (
    ("Flag", lambda row: row.label),
    ("Asks for", lambda row: row.detail_prompt),
    ("In use", lambda row: "Yes" if row.active else "Retired"),
)


def code_for(label: str) -> str:
    """A stored code made from the label ("Online grooming" -> online_grooming)."""
    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")[:40]


class FlagTypeDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("New kind of flag", parent)
        self.label = QLineEdit()
        self.label.setAccessibleName("Flag name")
        self.detail_prompt = QLineEdit()
        self.detail_prompt.setAccessibleName("What the flag asks for")
        self.detail_prompt.setPlaceholderText("Optional, e.g. Which group?")
        self.form.addRow("&Name", self.label)
        self.form.addRow("&Asks for", self.detail_prompt)

    def problems(self) -> list[str]:
        return [] if code_for(self.label.text()) else ["Enter the flag's name."]


class FlagTypesPanel(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._rows: list[FlagTypeRow] = []
        self.model: PagedTableModel[FlagTypeRow] = PagedTableModel(
            COLUMNS,
            lambda offset, limit: self._rows[offset : offset + limit],
            lambda: len(self._rows),
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Kinds of flag")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton("&New kind of flag…")
        self.add_button.clicked.connect(self.add_flag_type)
        self.toggle_button = QPushButton("Retire / &bring back")
        self.toggle_button.setToolTip(
            "A retired flag is not offered for new flags; flags already given keep it"
        )
        self.toggle_button.clicked.connect(self.toggle_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.toggle_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        self._rows = self._services.risk.flag_types(include_inactive=True)
        self.model.reload()

    def add_flag_type(self) -> None:
        dialog = FlagTypeDialog(self)
        while dialog.exec():
            try:
                self._services.risk.add_flag_type(
                    code_for(dialog.label.text()),
                    dialog.label.text(),
                    dialog.detail_prompt.text(),
                )
            except RiskInputError as error:
                dialog.show_error(str(error))
                continue
            self.reload()
            return

    def toggle_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            QMessageBox.information(self, "Casebook", "Choose a kind of flag first.")
            return
        row = self.model.row_at(rows[0].row())
        self._services.risk.set_flag_type_active(row.id, not row.active)
        self.reload()

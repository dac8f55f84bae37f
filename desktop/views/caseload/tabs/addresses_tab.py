"""A record's address history (with postcodes) and other agencies' references."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.bundle import Services
from desktop.services.people_service import (
    AddressRow,
    PersonInputError,
    PersonRecord,
    ReferenceRow,
)
from desktop.views.caseload.record_tab import RecordTab
from desktop.views.common import field_binding
from desktop.views.common.form_dialog import FormDialog
from desktop.views.common.paged_table_model import PagedTableModel

REFERENCE_KINDS = (
    "Children's social care ID",
    "Police reference",
    "Youth justice (YOT) ID",
    "School UPN",
    "NHS number",
    "Housing reference",
    "Other",
)


def _day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


class AddressDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("New address", parent)
        self.address = QLineEdit()
        self.address.setAccessibleName("Address")
        self.postcode = QLineEdit()
        self.postcode.setAccessibleName("Postcode")
        self.postcode.setMaximumWidth(120)
        self.moved_in = field_binding.date_edit()
        self.moved_in.setAccessibleName("Moved in")
        self.form.addRow("&Address", self.address)
        self.form.addRow("&Postcode", self.postcode)
        self.form.addRow("&Moved in", self.moved_in)
        note = QLabel("The current address is ended on the day this one starts.")
        note.setObjectName("hint")
        self.form.addRow(note)

    def problems(self) -> list[str]:
        return [] if self.address.text().strip() else ["Enter the address."]


class ReferenceDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("New reference", parent)
        self.kind = QComboBox()
        self.kind.setEditable(True)
        self.kind.addItems(REFERENCE_KINDS)
        self.kind.setAccessibleName("Kind of reference")
        self.value = QLineEdit()
        self.value.setAccessibleName("Reference")
        self.form.addRow("&Kind", self.kind)
        self.form.addRow("&Reference", self.value)

    def problems(self) -> list[str]:
        return [] if self.value.text().strip() else ["Enter the reference."]


class AddressesTab(RecordTab):
    def __init__(self, services: Services, record: PersonRecord, parent: QWidget | None = None):
        super().__init__(services, record, parent)
        self._addresses: list[AddressRow] = []
        self._references: list[ReferenceRow] = []
        self.address_model: PagedTableModel[AddressRow] = PagedTableModel(
            (
                ("Address", lambda row: row.address),
                ("Postcode", lambda row: row.postcode),
                ("Moved in", lambda row: _day(row.moved_in)),
                ("Moved out", lambda row: _day(row.moved_out) or "Current"),
            ),
            lambda offset, limit: self._addresses[offset : offset + limit],
            lambda: len(self._addresses),
        )
        self.reference_model: PagedTableModel[ReferenceRow] = PagedTableModel(
            (("Kind", lambda row: row.kind), ("Reference", lambda row: row.value)),
            lambda offset, limit: self._references[offset : offset + limit],
            lambda: len(self._references),
        )
        self.address_table = _table(self.address_model, "Address history")
        self.reference_table = _table(self.reference_model, "Other agencies' references")
        add_address = QPushButton("New &address…")
        add_address.clicked.connect(self.add_address)
        add_reference = QPushButton("&New reference…")
        add_reference.clicked.connect(self.add_reference)
        self.remove_reference_button = QPushButton("Remove reference")
        self.remove_reference_button.clicked.connect(self.remove_reference)
        layout = QVBoxLayout(self)
        layout.addLayout(_heading("Address history", add_address))
        layout.addWidget(self.address_table, 2)
        layout.addLayout(_heading("References", add_reference, self.remove_reference_button))
        layout.addWidget(self.reference_table, 1)
        # Opening the record has just read both lists: shown from there, not read again.
        self._show(record.addresses, record.references)

    def reload(self) -> None:
        self._show(*self.services.people.addresses_and_references(self.record.id))

    def _show(self, addresses: list[AddressRow], references: list[ReferenceRow]) -> None:
        self._addresses, self._references = addresses, references
        self.address_model.reload()
        self.reference_model.reload()

    def add_address(self) -> None:
        dialog = AddressDialog(self)
        while dialog.exec():
            moved_in = field_binding.read(dialog.moved_in)
            try:
                self.services.people.add_address(
                    self.record.id,
                    dialog.address.text(),
                    dialog.postcode.text(),
                    date.fromisoformat(moved_in) if moved_in else None,
                )
            except PersonInputError as error:
                dialog.show_error(str(error))
                continue
            self.reload()
            return

    def add_reference(self) -> None:
        dialog = ReferenceDialog(self)
        while dialog.exec():
            try:
                self.services.people.add_reference(
                    self.record.id, dialog.kind.currentText(), dialog.value.text()
                )
            except PersonInputError as error:
                dialog.show_error(str(error))
                continue
            self.reload()
            return

    def remove_reference(self) -> None:
        rows = self.reference_table.selectionModel().selectedRows()
        if rows:
            reference = self.reference_model.row_at(rows[0].row())
            self.services.people.remove_reference(self.record.id, reference.id)
            self.reload()


def _table(
    model: PagedTableModel[AddressRow] | PagedTableModel[ReferenceRow], name: str
) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def _heading(text: str, *buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    title = QLabel(text)
    title.setObjectName("sectionTitle")
    row.addWidget(title)
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row

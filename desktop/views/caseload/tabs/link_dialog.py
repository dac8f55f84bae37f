"""Linking a young person to another: find them by quick search, say how they are linked."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

from desktop.models.choices import LinkKind
from desktop.services.bundle import Services
from desktop.services.network_service import NetworkInputError
from desktop.services.people_service import CaseloadFilter, CaseloadRow
from desktop.views.caseload.network_layout import LINK_LABELS
from desktop.views.caseload.saving_dialog import SavingDialog
from desktop.views.common import field_binding
from desktop.views.common.fixed_rows_model import FixedRowsModel
from desktop.views.common.when import date_of

SHOWN = 30  # matches listed; more typing narrows them
SEARCH_DELAY_MS = 200
COLUMNS = (
    ("Case ref", lambda row: row.case_reference),
    ("Name", lambda row: row.name),
    ("Known as", lambda row: row.known_as),
    ("Age", lambda row: row.age),
)


class LinkPersonDialog(SavingDialog):
    refusals = (*SavingDialog.refusals, NetworkInputError)

    def __init__(self, parent: QWidget | None, services: Services, person_id: int) -> None:
        super().__init__("Link a young person", parent)
        self._services = services
        self._person_id = person_id
        self.setMinimumWidth(560)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Name, alias, street name or case reference")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Find a young person")
        self.results_model: FixedRowsModel[CaseloadRow] = FixedRowsModel(COLUMNS)
        self.results = QTableView()
        self.results.setModel(self.results_model)
        self.results.setAccessibleName("Matching young people")
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setTabKeyNavigation(False)
        self.results.verticalHeader().hide()
        self.results.setMinimumHeight(170)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.matches = QLabel()
        self.matches.setObjectName("hint")
        self.kind = QComboBox()
        for kind in LinkKind:
            self.kind.addItem(LINK_LABELS[kind], kind.value)
        self.kind.setAccessibleName("How they are linked")
        self.note = QLineEdit()
        self.note.setPlaceholderText("What the link is, and how the unit knows")
        self.note.setAccessibleName("Note")
        self.since = field_binding.date_edit()
        self.since.setAccessibleName("Linked since")
        self.since.setToolTip("Leave as Not known if the start is not known")
        for text, widget in (
            ("&Find", self.search),
            ("", self.results),
            ("", self.matches),
            ("&Linked as", self.kind),
            ("&Note", self.note),
            ("&Since", self.since),
        ):
            if text:
                label = QLabel(text)
                label.setBuddy(widget)
                self.form.addRow(label, widget)
            else:
                self.form.addRow(widget)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self.run_search)
        self.results.doubleClicked.connect(self._chosen)
        self.run_search()
        self.search.setFocus()

    def run_search(self) -> None:
        self._timer.stop()
        typed = self.search.text().strip()
        query = CaseloadFilter(search=typed)
        rows = self._services.people.page(0, SHOWN + 1, query)
        rows = [row for row in rows if row.id != self._person_id][:SHOWN]
        self.results_model.set_rows(rows)
        if not rows:
            self.matches.setText("No young people match." if typed else "No other young people.")
        elif len(rows) == SHOWN:
            self.matches.setText(f"The first {SHOWN} shown: type more to narrow them.")
        else:
            self.matches.setText(f"{len(rows)} shown. Choose one.")
        if len(rows) == 1:
            self.select_row(0)

    def select_row(self, row: int) -> None:
        self.results.selectionModel().setCurrentIndex(
            self.results_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _chosen(self, _index: QModelIndex) -> None:
        self.kind.setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen(self) -> CaseloadRow | None:
        selected = self.results.selectionModel().selectedRows()
        return self.results_model.row_at(selected[0].row()) if selected else None

    def since_date(self) -> date | None:
        return date_of(self.since)

    def problems(self) -> list[str]:
        found = []
        if self.chosen() is None:
            found.append("Choose the young person to link to.")
        since = self.since_date()
        if since is not None and since > self._services.clock.now().date():
            found.append("The link cannot start in the future.")
        return found

    def save(self) -> None:
        other = self.chosen()
        assert other is not None  # problems() has checked
        self._services.network.link(
            self._person_id,
            other.id,
            LinkKind(self.kind.currentData()),
            self.note.text(),
            self.since_date(),
        )

"""The partners directory: organisations by name, found by what they are called, where they
are, or the communities and languages they serve, with how much the unit has done with each."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QVBoxLayout, QWidget

from desktop.models.choices import PartnerKind
from desktop.services.bundle import Services
from desktop.services.partner_service import PartnerRow
from desktop.views.caseload.tabs.dialog_fields import MUTED
from desktop.views.caseload.tabs.tab_parts import action_button, hint
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import PLAIN, RowLook, RowsTableModel
from desktop.views.common.when import date_text
from desktop.views.common.wrapping_row import WrappingRow, row_of
from desktop.views.community.community_parts import line_edit, listed, plural

PARTNER_COLUMNS = (
    ("Name", lambda row: row.name if row.active else f"{row.name} (inactive)"),
    ("Kind", lambda row: row.kind.label),
    ("Area", lambda row: row.area),
    ("Communities", lambda row: listed(row.communities)),
    ("Languages", lambda row: listed(row.languages)),
    ("Contacts", lambda row: row.contacts),
    ("Activities", lambda row: row.activities),
    ("Last activity", lambda row: date_text(row.last_worked_on, "None yet")),
)


def partner_look(row: PartnerRow, _column: int) -> RowLook:
    return PLAIN if row.active else RowLook(foreground=MUTED, italic=True)


def partner_tip(row: PartnerRow) -> str:
    return "\n".join(
        part
        for part in (
            row.name,
            f"Communities: {listed(row.communities)}" if row.communities else "",
            f"Languages: {listed(row.languages)}" if row.languages else "",
        )
        if part
    )


class PartnerList(QWidget):
    open_partner = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.new_button = action_button(
            "&New partner…", "Add an organisation to the directory", "Ctrl+N"
        )
        self.new_button.setAccessibleName("New partner")
        self.search = line_edit("", "Search partners", "Search by name, area, community, language")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(300)
        self.search.textChanged.connect(self.reload)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of organisation")
        self.kind.addItem("Every kind", None)
        for kind in PartnerKind:
            self.kind.addItem(kind.label, kind.value)
        self.kind.currentIndexChanged.connect(self.reload)
        self.inactive = QCheckBox("Show &former partners")
        self.inactive.setToolTip("Partners no longer worked with keep their history")
        self.inactive.toggled.connect(self.reload)
        self.count = hint()
        self.table: RowTable[PartnerRow] = RowTable(
            RowsTableModel(PARTNER_COLUMNS, partner_look, partner_tip),
            "Partners",
            "No partners found. Choose New partner… to add an organisation.",
            (200, 120, 110, 150, 150, 75, 85),
        )
        self.table.activated.connect(lambda row: self.open_partner.emit(row.id))
        # The filters go under the search when one row would not fit (200% scaling, a narrow
        # window): in one row the search lay over them.
        top = WrappingRow(
            row_of(self.search),
            row_of(self.kind, self.inactive, self.count, self.new_button),
            stretch_left=True,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(top)
        layout.addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        kind = self.kind.currentData()
        rows = self._services.partners.partners(
            PartnerKind(kind) if kind is not None else None,
            self.search.text(),
            self.inactive.isChecked(),
        )
        chosen = self.table.selected()
        self.table.set_rows(rows)
        if chosen is not None:
            self.table.select_where(lambda row: row.id == chosen.id)
        self.count.setText(plural(len(rows), "partner"))

    def select_partner(self, partner_id: int) -> bool:
        return self.table.select_where(lambda row: row.id == partner_id)

    def focus_list(self) -> None:
        self.table.view.setFocus()

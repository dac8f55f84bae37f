"""The disposal log: what was disposed of, under which rule, by whom and when (nothing more)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from desktop.services.disposal_service import DisposalLogRow, DisposalService
from desktop.views.caseload.tabs.tab_parts import hint, section_title
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import RowsTableModel
from desktop.views.common.when import local_time_text

COLUMNS = (
    ("When", lambda row: local_time_text(row.disposed_at)),
    ("Kind", lambda row: row.kind.label),
    ("No.", lambda row: row.record_id),
    ("Rule", lambda row: row.rule),
    ("Rows removed", lambda row: row.rows_removed),
    ("Authorised by", lambda row: row.authorised_by),
)


class DisposalLogTab(QWidget):
    def __init__(self, disposal: DisposalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._disposal = disposal
        self.count = hint()
        self.table: RowTable[DisposalLogRow] = RowTable(
            RowsTableModel(COLUMNS),
            "Disposal log",
            "Nothing has been disposed of yet.",
            (130, 170, 60, 260, 120),
        )
        top = QHBoxLayout()
        top.addWidget(section_title("Disposal log"))
        top.addWidget(self.count)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addWidget(
            hint(
                "A disposed record leaves only this line: its kind and internal number, the "
                "rule it was kept under, how many rows went, who authorised it and when.",
                wrap=True,
            )
        )
        layout.addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        rows = self._disposal.log()
        self.table.set_rows(rows)
        self.count.setText(f"{len(rows)} disposed of")

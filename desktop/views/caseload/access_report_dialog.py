"""The access report for the coordinator: who opened or exported a young person's record, when."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.services.access_report import AccessEvent, AccessReportService, events_since
from desktop.views.caseload.tabs.dialog_fields import date_field, date_of, moment
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import RowsTableModel

COLUMNS = (
    ("When", lambda event: moment(event.at)),
    ("Who", lambda event: event.who),
    ("Role", lambda event: event.role),
    ("What", lambda event: event.what),
)
DEFAULT_SINCE_DAYS = 365  # ticking "Since" shows the last year until another date is typed


class AccessReportDialog(QDialog):
    """Reads the report once on opening (the reading is itself audited); the date filter only
    narrows what was read, so changing it does not add a reading to the audit log."""

    def __init__(
        self,
        report: AccessReportService,
        person_id: int,
        heading: str,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Access report")
        self._events = report.report(person_id)
        title = QLabel(f"Who opened or exported the record of {heading}")
        title.setObjectName("sectionTitle")
        title.setWordWrap(True)
        explanation = QLabel(
            "Every opening of the record, every opening by break glass, and every document "
            "exported that holds this young person, from the audit log. Oldest first."
        )
        explanation.setObjectName("hint")
        explanation.setWordWrap(True)
        # A tick, not a special "no date" value: a person can then type the date straight in.
        self.limit = QCheckBox("&Since")
        self.since = date_field(today - timedelta(days=DEFAULT_SINCE_DAYS), latest=today)
        self.since.setAccessibleName("Since")
        self.since.setEnabled(False)
        self.count = QLabel()
        self.count.setObjectName("hint")
        filters = QHBoxLayout()
        filters.addWidget(self.limit)
        filters.addWidget(self.since)
        filters.addWidget(self.count)
        filters.addStretch(1)
        self.table: RowTable[AccessEvent] = RowTable(
            RowsTableModel(COLUMNS),
            "Access report",
            "No one has opened or exported this record in that time.",
            (130, 180, 160),
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explanation)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.limit.toggled.connect(self.since.setEnabled)
        self.limit.toggled.connect(lambda _on: self._show())
        self.since.dateChanged.connect(lambda _day: self._show())
        self.resize(820, 460)
        self._show()

    def _show(self) -> None:
        since = date_of(self.since) if self.limit.isChecked() else None
        shown = events_since(self._events, since)
        self.table.set_rows(shown)
        total = len(shown)
        self.count.setText(f"{total} event{'' if total == 1 else 's'}")

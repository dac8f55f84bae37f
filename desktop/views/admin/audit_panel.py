"""The coordinator's audit log browser: filter by person, action and dates; check the chain."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services import actions
from desktop.services.audit_chain import ChainVerdict
from desktop.services.audit_service import AuditFilter, AuditRow, AuditService
from desktop.views.common.announce import announce
from desktop.views.common.background_task import BackgroundTask
from desktop.views.common.paged_table_model import PagedTableModel
from desktop.views.common.restyle import restyle

COLUMNS = (
    ("#", lambda row: row.id),
    ("When (local time)", lambda row: row.at.astimezone().strftime("%d/%m/%Y %H:%M:%S")),
    ("Who", lambda row: row.actor),
    ("Action", lambda row: row.action.replace("_", " ")),
    ("Record", lambda row: f"{row.entity_type} {row.entity_id}".strip()),
    ("Fields", lambda row: row.fields.replace(",", ", ")),
    ("Outcome", lambda row: row.outcome),
)
ANY = "Any"


class AuditPanel(QWidget):
    def __init__(self, audit: AuditService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._audit = audit
        self._filter = AuditFilter()
        self.actor = QComboBox()
        self.actor.setAccessibleName("Filter by person")
        self.action = QComboBox()
        self.action.setAccessibleName("Filter by action")
        self.action.addItem(ANY, "")
        for action in actions.ALL:
            self.action.addItem(action.replace("_", " "), action)
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-30))
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("dd/MM/yyyy")
        self.since.setAccessibleName("From date")
        self.until = QDateEdit(today)
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("dd/MM/yyyy")
        self.until.setAccessibleName("To date")
        apply_button = QPushButton("&Filter")
        apply_button.clicked.connect(self.apply_filter)
        self.check_button = QPushButton("&Check the chain")
        self.check_button.setToolTip("Recompute every row's hash to detect changed or removed rows")
        self.check_button.clicked.connect(self.check_chain)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.hide()

        filters = QHBoxLayout()
        for label, widget in (
            ("Who", self.actor),
            ("Action", self.action),
            ("From", self.since),
            ("To", self.until),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addWidget(apply_button)
        filters.addStretch(1)
        filters.addWidget(self.check_button)

        self.model: PagedTableModel[AuditRow] = PagedTableModel(
            COLUMNS,
            lambda offset, limit: audit.page(self._filter, offset, limit),
            lambda: audit.count(self._filter),
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Audit log")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((50, 150, 140, 140, 140, 160)):
            self.table.setColumnWidth(column, width)
        self.count = QLabel()
        self.count.setObjectName("hint")

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.verdict)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.reload()

    def reload(self) -> None:
        current = self.actor.currentData()
        self.actor.blockSignals(True)
        self.actor.clear()
        self.actor.addItem(ANY, "")
        for actor in self._audit.actors():
            self.actor.addItem(actor, actor)
        self.actor.setCurrentIndex(max(0, self.actor.findData(current)))
        self.actor.blockSignals(False)
        self.apply_filter()

    def apply_filter(self) -> None:
        since, until = self.since.date(), self.until.date()
        first = date(since.year(), since.month(), since.day())
        last = date(until.year(), until.month(), until.day())
        # The dates are local; the log is kept in UTC.
        start = datetime.combine(first, time.min).astimezone(UTC)
        end = datetime.combine(last + timedelta(days=1), time.min).astimezone(UTC)
        self._filter = AuditFilter(
            self.actor.currentData() or "", self.action.currentData() or "", start, end
        )
        self.model.reload()
        self.count.setText(f"{self.model.total} entries")

    def check_chain(self) -> None:
        """Reads and hashes every row of the log (years of it): off the GUI thread."""
        self.check_button.setEnabled(False)
        restyle(self.verdict, "notice")
        announce(self.verdict, "Checking every row of the audit log…")
        audit = self._audit
        task = BackgroundTask(lambda _report: audit.verify_chain())
        task.succeeded.connect(self._show_verdict)
        task.failed.connect(self._check_failed)
        task.start()  # the vault may lock, and this panel go, before it is done

    def _check_failed(self, kind: str) -> None:
        self.check_button.setEnabled(True)
        restyle(self.verdict, "error")
        announce(self.verdict, f"The check did not complete ({kind}).", urgent=True)

    def _show_verdict(self, verdict: object) -> None:
        assert isinstance(verdict, ChainVerdict)
        self.check_button.setEnabled(True)
        if verdict.intact:
            restyle(self.verdict, "notice")
            announce(self.verdict, f"The audit log is intact: {verdict.rows_checked} rows checked.")
        else:
            restyle(self.verdict, "error")
            announce(
                self.verdict,
                "The audit log has been tampered with:\n" + "\n".join(verdict.problems[:10]),
                urgent=True,
            )

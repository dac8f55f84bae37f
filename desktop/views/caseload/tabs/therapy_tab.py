"""The record's Family therapy tab: the young person's therapy sessions as the case team may
see them, with each signed note's shareable summary (process notes only as "recorded")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelection
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.models.choices import SessionOutcome
from desktop.services.bundle import Services
from desktop.services.people_service import PersonRecord
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.services.therapy_shared import SharedSessionRow
from desktop.views.caseload.list_section import list_section, list_table
from desktop.views.caseload.record_tab import RecordTab
from desktop.views.common.fixed_rows_model import FixedRowsModel
from desktop.views.common.when import local_time_text

PROCESS_NOTES = "Recorded (confidential to the therapist)"
COLUMNS: list[tuple[str, Callable[[SharedSessionRow], Any]]] = [
    ("When", lambda row: local_time_text(row.starts_at)),
    ("Session", lambda row: f"{row.number}"),
    ("Where", lambda row: row.location.label),
    ("Outcome", lambda row: row.outcome.label),
    ("Therapist", lambda row: row.therapist),
    ("Shareable summary", lambda row: " ".join(row.summary.split()) or "—"),
    ("Process notes", lambda row: PROCESS_NOTES if row.has_process_notes else ""),
]


class TherapyTab(RecordTab):
    def __init__(self, services: Services, record: PersonRecord, parent: QWidget | None = None):
        super().__init__(services, record, parent)
        self._seen = False
        self.model: FixedRowsModel[SharedSessionRow] = FixedRowsModel(
            COLUMNS,
            muted=lambda row: row.outcome is SessionOutcome.SCHEDULED,
            warning=lambda row: row.safeguarding_raised,
            tooltip=lambda row: row.summary,
        )
        self.table = list_table("Family therapy sessions", self.model, 320)
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName("Shareable summary")
        self.detail.setMaximumHeight(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(list_section("Family therapy", self.table, [], self.summary), 1)
        layout.addWidget(self.detail)
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        if self._seen and not event.spontaneous():
            self.reload()
        self._seen = True
        super().showEvent(event)

    def reload(self) -> None:
        try:
            rows = self.services.therapy_shared.sessions_of(self.record.id)
        except (RecordNotFoundError, PermissionDeniedError) as error:
            self.refuse(error)
            return
        self.model.set_rows(rows)
        self.summary.setText(
            "Not in family therapy."
            if not rows
            else f"{len(rows)} session{'s' if len(rows) != 1 else ''}. Summaries are what the "
            "therapist shared once the note was signed; clinical notes stay in Family therapy."
        )
        self.detail.clear()

    def _chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        self.detail.setPlainText(row.summary if row and row.summary else "")

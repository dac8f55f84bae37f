"""The record's Missing tab: each missing episode with its return and the 72-hour return-home
interview (its deadline, and OVERDUE in words), and the strategy-meeting prompt as a banner."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.services.bundle import Services
from desktop.services.missing_service import EpisodeRow, MissingInputError
from desktop.services.people_service import PersonRecord
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.views.caseload.list_section import action_button, list_section, list_table
from desktop.views.caseload.record_tab import RecordTab
from desktop.views.caseload.tabs.missing_dialogs import (
    HOURS,
    EpisodeDialog,
    InterviewDialog,
    ReturnDialog,
)
from desktop.views.common.fixed_rows_model import FixedRowsModel
from desktop.views.common.when import local_time_text

REFUSALS = (MissingInputError, RecordNotFoundError, PermissionDeniedError)
BANNER_STYLE = (
    "QLabel { background: #fdecec; color: #7f1d1d; border: 1px solid #e9a3a3;"
    " border-left: 6px solid #c53030; border-radius: 4px; padding: 10px 12px;"
    " font-size: 12pt; font-weight: 600; }"
)


def interview_text(row: EpisodeRow) -> str:
    """The interview column, in words: done, waiting for the return, due, or OVERDUE."""
    if row.interview_at is not None:
        return f"Done {local_time_text(row.interview_at)} by {row.interview_by}"
    if row.interview_due_by is None:
        return f"Due within {HOURS} hours of their return"
    due = f"Interview due by {local_time_text(row.interview_due_by)}"
    return f"OVERDUE: {due[0].lower()}{due[1:]}" if row.interview_overdue else due


COLUMNS: list[tuple[str, Callable[[EpisodeRow], Any]]] = [
    ("Went missing", lambda row: local_time_text(row.went_missing_at)),
    ("Returned", lambda row: local_time_text(row.returned_at, "Still missing")),
    ("Return-home interview", interview_text),
    ("Notes", lambda row: " ".join(row.notes.split())),
]


INTERVIEW_COLUMN = 2


def summary_text(rows: list[EpisodeRow]) -> str:
    if not rows:
        return "No missing episodes recorded."
    parts = [f"{len(rows)} episode{'s' if len(rows) != 1 else ''} recorded"]
    missing = sum(row.still_missing for row in rows)
    if missing:
        parts.append(f"{missing} still missing")
    overdue = sum(row.interview_overdue for row in rows)
    if overdue:
        parts.append(f"{overdue} interview{'s' if overdue != 1 else ''} OVERDUE")
    return " · ".join(parts) + f". Times are local; interviews are due {HOURS} hours after return."


class MissingTab(RecordTab):
    def __init__(self, services: Services, record: PersonRecord, parent: QWidget | None = None):
        super().__init__(services, record, parent)
        self._seen = False
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setAccessibleName("Strategy meeting prompt")
        self.banner.hide()
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        self.model: FixedRowsModel[EpisodeRow] = FixedRowsModel(
            COLUMNS,
            warning=lambda row: row.interview_overdue,
            warning_columns={INTERVIEW_COLUMN},
            tooltip=lambda row: row.notes,
        )
        self.table = list_table("Missing episodes", self.model, 400)
        self.table.activated.connect(self._activated)
        self.record_button = action_button(
            "Record &episode…", "Record a new missing episode", self.record_episode
        )
        self.return_button = action_button(
            "Record ret&urn…", "Record when they came back", self.record_return
        )
        self.interview_button = action_button(
            "Record i&nterview…",
            f"Record the return-home interview, due within {HOURS} hours of the return",
            self.record_interview,
        )
        buttons = [self.record_button, self.return_button, self.interview_button]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self.banner)
        layout.addWidget(list_section("Missing episodes", self.table, buttons, self.summary), 1)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        # Another tab (or the clock, for deadlines) may have changed what this one shows.
        if self._seen and not event.spontaneous():
            self.reload()
        self._seen = True
        super().showEvent(event)

    # ---- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        chosen = self.chosen()
        try:
            rows = self.services.missing.episodes(self.record.id)
            prompt = self.services.missing.strategy_meeting_prompt(self.record.id)
        except REFUSALS as error:
            self.refuse(error)
            return
        self.model.set_rows(rows)
        self.summary.setText(summary_text(rows))
        self.banner.setText(f"⚠  {prompt}" if prompt else "")
        self.banner.setAccessibleDescription(prompt or "")
        self.banner.setVisible(prompt is not None)
        keep = next((i for i, r in enumerate(rows) if chosen and r.id == chosen.id), 0)
        if rows:
            self.select_row(keep)
        self._update_buttons()

    def select_row(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def chosen(self) -> EpisodeRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        row = self.chosen()
        self.return_button.setEnabled(row is not None and row.interview_at is None)
        self.interview_button.setEnabled(row is not None and not row.still_missing)

    def _activated(self, _index: QModelIndex) -> None:
        row = self.chosen()
        if row is None:
            return
        if row.still_missing:
            self.record_return()
        elif row.interview_at is None:
            self.record_interview()

    # ---- recording -------------------------------------------------------------------------
    def _now(self) -> datetime:
        return self.services.clock.now()

    def record_episode(self) -> None:
        person_id = self.record.id

        def save(went: datetime, returned: datetime | None, notes: str) -> None:
            self.services.missing.record_episode(person_id, went, returned, notes)

        if EpisodeDialog(self, self._now(), save).exec():
            self.reload()
            self.select_row(0)  # the newest episode is listed first

    def record_return(self) -> None:
        row = self.chosen()
        if row is None or row.interview_at is not None:
            return
        dialog = ReturnDialog(
            self,
            row.went_missing_at,
            row.returned_at,
            self._now(),
            lambda returned: self.services.missing.record_return(row.id, returned),
        )
        if dialog.exec():
            self.reload()

    def record_interview(self) -> None:
        row = self.chosen()
        if row is None or row.returned_at is None:
            return
        dialog = InterviewDialog(
            self,
            row.returned_at,
            row.interview_due_by,
            self._now(),
            self.services.user.display_name,
            lambda at, by: self.services.missing.record_interview(row.id, at, by),
        )
        if dialog.exec():
            self.reload()

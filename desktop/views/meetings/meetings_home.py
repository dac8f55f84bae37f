"""The Meetings section's home: the meetings held in a chosen period, and the tracker of open
actions across meetings with its Mark done button."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QMessageBox, QVBoxLayout, QWidget

from desktop.models.choices import ActionStatus
from desktop.services.bundle import Services
from desktop.services.meeting_records import MeetingActionRow, MeetingRow
from desktop.views.caseload.tabs.tab_parts import action_button, hint
from desktop.views.coaching.coaching_plan_parts import local_today
from desktop.views.common.action_texts import action_look
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import RowsTableModel
from desktop.views.common.when import local_time_text
from desktop.views.meetings.meeting_document_dialog import MeetingDocumentDialog
from desktop.views.meetings.meeting_parts import (
    PERIODS,
    REFUSALS,
    TRACKER_DUE,
    ActionColumns,
    meeting_text,
    period_dates,
)

MEETING_COLUMNS = (
    ("Date", lambda row: local_time_text(row.held_at)),
    ("Kind", lambda row: row.kind.label),
    ("Place", lambda row: row.place),
    ("Chair", lambda row: row.chair_name),
    ("Young people", lambda row: row.people_count),
    ("Open actions", lambda row: row.open_actions),
)


class MeetingList(QWidget):
    open_meeting = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.period = QComboBox()
        self.period.setAccessibleName("Period")
        self.period.addItems(list(PERIODS))
        self.period.currentIndexChanged.connect(self.reload)
        self.count = hint()
        self.table: RowTable[MeetingRow] = RowTable(
            RowsTableModel(MEETING_COLUMNS),
            "Meetings",
            "No meetings in this period. Choose New meeting… to record one.",
            (140, 230, 200, 190, 110),
        )
        self.table.activated.connect(lambda row: self.open_meeting.emit(row.id))
        top = QHBoxLayout()
        top.addWidget(self.period)
        top.addWidget(self.count)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        today = local_today(self._services.clock.now())
        start, end = period_dates(self.period.currentIndex(), today)
        rows = self._services.meetings.meetings(start, end)
        self.table.set_rows(rows)
        self.count.setText(f"{len(rows)} meeting{'' if len(rows) == 1 else 's'}")

    def select_meeting(self, meeting_id: int) -> bool:
        return self.table.select_where(lambda row: row.id == meeting_id)


def tracker_tip(row: MeetingActionRow) -> str:
    """The columns are narrow: the whole action, its meeting and owner on hover."""
    return f"{meeting_text(row)}\n{row.description}\nOwner: {row.owner_name}"


class ActionTracker(QWidget):
    """Open actions across every meeting, soonest due first."""

    changed = Signal()
    open_meeting = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._columns = ActionColumns(local_today(services.clock.now()))
        self.done_button = action_button("Mark &done", "The chosen action is done")
        self.done_button.clicked.connect(self.mark_done)
        self.document_button = action_button(
            "&Word document…", "Save the action tracker as a Word document"
        )
        self.document_button.clicked.connect(self.save_document)
        self.count = hint()
        self.table: RowTable[MeetingActionRow] = RowTable(
            RowsTableModel(self._columns.tracker(), action_look(TRACKER_DUE), tracker_tip),
            "Open actions",
            "No open actions.",
            (190, 225, 155, 190, 140),
        )
        self.table.selection_changed.connect(self._chosen)
        self.table.activated.connect(lambda row: self.open_meeting.emit(row.meeting_id))
        top = QHBoxLayout()
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(self.done_button)
        top.addWidget(self.document_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        self._columns.today = local_today(self._services.clock.now())
        rows = self._services.meetings.actions_tracker()
        self.table.set_rows(rows)
        overdue = sum(row.overdue for row in rows)
        text = f"{len(rows)} open action{'' if len(rows) == 1 else 's'}"
        self.count.setText(f"{text}, {overdue} overdue" if overdue else text)
        self._chosen()

    def save_document(self) -> None:
        MeetingDocumentDialog(self._services.meeting_documents, None, self).exec()

    def _chosen(self) -> None:
        self.done_button.setEnabled(self.table.selected() is not None)

    def mark_done(self) -> None:
        action = self.table.selected()
        if action is None:
            return
        try:
            self._services.meetings.set_action_status(action.id, ActionStatus.DONE)
        except REFUSALS as error:
            QMessageBox.warning(self, "Not saved", str(error))
        self.reload()
        self.changed.emit()

"""The coordinator's list of subject access requests: deadlines and warnings at a glance, and
the way into recording, correcting, reviewing, sending and withdrawing them."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QMessageBox, QVBoxLayout, QWidget

from desktop.clock import Clock
from desktop.models.choices import SarStatus
from desktop.services.sar_document_service import SarDocumentService
from desktop.services.sar_review_service import SarReviewService
from desktop.services.subject_access_service import (
    DUE_SOON_DAYS,
    OPEN_STATUSES,
    SarRequestRow,
    SubjectAccessService,
)
from desktop.views.caseload.tabs.tab_parts import action_button, hint, section_title
from desktop.views.common.row_table_view import RowTable
from desktop.views.data_protection.sar_request_dialog import REFUSALS, SarRequestDialog
from desktop.views.data_protection.sar_review_window import SarReviewWindow
from desktop.views.data_protection.subject_access_table_model import SubjectAccessTableModel


def deadline_summary(rows: list[SarRequestRow]) -> str:
    """The line over the list: how many open requests are close to or past their deadline."""
    open_rows = [row for row in rows if row.status in OPEN_STATUSES]
    if not open_rows:
        return "No open requests."
    overdue = sum(1 for row in open_rows if row.days_left < 0)
    soon = sum(1 for row in open_rows if 0 <= row.days_left <= DUE_SOON_DAYS)
    parts = [f"{len(open_rows)} open", f"{soon} due within {DUE_SOON_DAYS} days"]
    if overdue:
        parts.append(f"{overdue} overdue")
    return " · ".join(parts)


class SubjectAccessPanel(QWidget):
    def __init__(
        self,
        requests: SubjectAccessService,
        review: SarReviewService,
        documents: SarDocumentService,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._requests = requests
        self._review = review
        self._documents = documents
        self._clock = clock
        self.review_window: SarReviewWindow | None = None
        self.summary = hint()
        self.summary.setAccessibleName("Deadlines")
        self.show_closed = QCheckBox("Show cl&osed")
        self.show_closed.setToolTip("List sent and withdrawn requests after the open ones")
        self.show_closed.toggled.connect(self.reload)
        self.new_button = action_button("New request…", "Record a subject access request", "Ctrl+N")
        self.edit_button = action_button(
            "&Edit…", "Correct the request: who asked, dates, identity check"
        )
        self.review_button = action_button(
            "&Review…", "Go through what is held, item by item, and export the pack (Enter)"
        )
        self.sent_button = action_button("&Mark sent…", "Record that the pack has been sent")
        self.withdraw_button = action_button(
            "&Withdraw…", "Record that the requester withdrew the request"
        )
        self.new_button.clicked.connect(self.new_request)
        self.edit_button.clicked.connect(self.edit_request)
        self.review_button.clicked.connect(self.open_review)
        self.sent_button.clicked.connect(lambda: self._close_request(SarStatus.SENT))
        self.withdraw_button.clicked.connect(lambda: self._close_request(SarStatus.WITHDRAWN))
        self.table: RowTable[SarRequestRow] = RowTable(
            SubjectAccessTableModel(),
            "Subject access requests",
            "No open subject access requests. Record one with New request… (Ctrl+N).",
            (200, 170, 95, 95, 90),
        )
        self.table.activated.connect(lambda _row: self.open_review())
        self.table.selection_changed.connect(self._selection_changed)
        top = QHBoxLayout()
        top.addWidget(section_title("Subject access requests"))
        top.addWidget(self.summary)
        top.addStretch(1)
        top.addWidget(self.show_closed)
        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.edit_button,
            self.review_button,
            self.sent_button,
            self.withdraw_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        chosen = self.table.selected()
        rows = self._requests.requests(include_closed=self.show_closed.isChecked())
        self.table.set_rows(rows)
        if chosen is not None:
            self.table.select_where(lambda row: row.id == chosen.id)
        self.summary.setText(deadline_summary(rows))
        self.table.empty.setText(
            "No subject access requests yet."
            if self.show_closed.isChecked()
            else "No open subject access requests. Record one with New request… (Ctrl+N)."
        )
        self._selection_changed()

    def _selection_changed(self) -> None:
        row = self.table.selected()
        is_open = row is not None and row.status in OPEN_STATUSES
        for button in (
            self.edit_button,
            self.review_button,
            self.sent_button,
            self.withdraw_button,
        ):
            button.setEnabled(is_open)

    def _select(self, request_id: int) -> None:
        self.table.select_where(lambda row: row.id == request_id)

    def new_request(self) -> None:
        dialog = SarRequestDialog(self._requests, self._clock.now().date(), parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self.reload()
            self._select(dialog.saved_id)

    def edit_request(self) -> None:
        row = self.table.selected()
        if row is None:
            return
        try:
            details = self._requests.details(row.id)
        except REFUSALS as error:
            QMessageBox.warning(self, "Subject access request", str(error))
            return
        dialog = SarRequestDialog(self._requests, self._clock.now().date(), details, self)
        if dialog.exec():
            self.reload()

    def open_review(self) -> None:
        row = self.table.selected()
        if row is None or row.status not in OPEN_STATUSES:
            return
        try:
            if row.status is SarStatus.RECEIVED:
                self._requests.set_status(row.id, SarStatus.IN_REVIEW)
            window = SarReviewWindow(self._requests, self._review, self._documents, row.id, self)
        except REFUSALS as error:
            QMessageBox.warning(self, "Subject access request", str(error))
            return
        if self.review_window is not None:
            self.review_window.close()
        self.review_window = window
        window.closed.connect(self.reload)
        window.show()
        self.reload()

    def _close_request(self, status: SarStatus) -> None:
        row = self.table.selected()
        if row is None:
            return
        question = (
            "Record that the pack for this request has been sent to the requester?"
            if status is SarStatus.SENT
            else "Record that the requester withdrew this request? It leaves the open list."
        )
        answer = QMessageBox.question(
            self,
            "Mark sent" if status is SarStatus.SENT else "Withdraw request",
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._requests.set_status(row.id, status)
        except REFUSALS as error:
            QMessageBox.warning(self, "Subject access request", str(error))
        self.reload()

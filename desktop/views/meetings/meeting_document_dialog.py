"""Saving a meeting's minutes, or the action tracker across meetings, as a Word document: an
optional password, a reminder that the file leaves the vault, and the writing done off the GUI
thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.services.meeting_document_service import MeetingDocumentService
from desktop.views.common.document_password import DocumentPassword
from desktop.views.common.document_save_dialog import (
    REMINDER,
    DocumentSaveDialog,
    default_folder,
)
from desktop.views.therapy.therapy_document_dialog import PathChooser, choose_docx_path

# Default file names hold no personal data: the person adds a name if they want one.
MINUTES_FILE = "Meeting minutes.docx"
TRACKER_FILE = "Action tracker.docx"
NOT_OPEN = "This meeting is not open to you."


class MeetingDocumentDialog(DocumentSaveDialog):
    """meeting_id None: the action tracker across meetings; otherwise that meeting's minutes."""

    def __init__(
        self,
        documents: MeetingDocumentService,
        meeting_id: int | None,
        parent: QWidget | None = None,
        choose_path: PathChooser = choose_docx_path,
        left_out: int = 0,
    ) -> None:
        super().__init__(parent)
        self._documents = documents
        self._meeting_id = meeting_id
        self.choose_path = choose_path  # the native Save As dialog, unless a test stands in
        minutes = meeting_id is not None
        self.setWindowTitle("Minutes as a Word document" if minutes else "Action tracker")

        about = (
            "The minutes: when and where, who came or sent apologies, the young people "
            "discussed, each agenda item with its discussion and decisions, and the action list."
            if minutes
            else "Actions from every meeting, open ones first and the soonest due first, with "
            "the meeting each came from, its owner and its young person."
        )
        if left_out:
            about += (
                " Young people whose records are not open to you, and actions about them, are "
                "left out; the document says how many."
            )
        hint = QLabel(about)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.closed_too = QCheckBox("Include &done and dropped actions")
        self.password_box = DocumentPassword()
        reminder = QLabel(REMINDER)
        reminder.setObjectName("hint")
        reminder.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("&Save as…")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        if not minutes:
            layout.addWidget(self.closed_too)
        layout.addWidget(self.password_box)
        layout.addWidget(reminder)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def save(self) -> None:
        problem = self.password_box.problem()
        if problem:
            self._show(problem, error=True)
            return
        name = TRACKER_FILE if self._meeting_id is None else MINUTES_FILE
        target = self.choose_path(self, str(default_folder() / name))
        if target is None:
            return
        documents, meeting_id = self._documents, self._meeting_id
        password, open_only = self.password_box.chosen(), not self.closed_too.isChecked()

        def write() -> Path:
            if meeting_id is None:
                return documents.action_tracker(target, open_only, password)
            return documents.minutes(meeting_id, target, password)

        self.start_saving(write, NOT_OPEN)

    def _busy(self, busy: bool) -> None:
        super()._busy(busy)
        self.password_box.setEnabled(not busy)
        self.closed_too.setEnabled(not busy)

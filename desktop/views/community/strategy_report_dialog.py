"""Saving the strategy progress report for a period as a Word document: an optional password, a
reminder that the file leaves the vault, and the writing done off the GUI thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.services.community_document_service import CommunityDocumentService
from desktop.views.common.document_password import DocumentPassword
from desktop.views.common.document_save_dialog import (
    REMINDER,
    DocumentSaveDialog,
    default_folder,
)
from desktop.views.common.when import date_text
from desktop.views.therapy.therapy_document_dialog import PathChooser, choose_docx_path

# The default file name holds no personal data.
REPORT_FILE = "Strategy progress report.docx"


class ProgressReportDialog(DocumentSaveDialog):
    def __init__(
        self,
        documents: CommunityDocumentService,
        from_on: date,
        to_on: date,
        parent: QWidget | None = None,
        choose_path: PathChooser = choose_docx_path,
    ) -> None:
        super().__init__(parent)
        self._documents = documents
        self.from_on, self.to_on = from_on, to_on
        self.choose_path = choose_path  # the native Save As dialog, unless a test stands in
        self.setWindowTitle("Strategy progress report")
        about = QLabel(
            f"The strategy's four outcomes from {date_text(from_on)} to {date_text(to_on)}: "
            "a summary table, then each outcome's activities, open actions and actions done. "
            "It names no young person and no one who attended."
        )
        about.setObjectName("hint")
        about.setWordWrap(True)
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
        layout.addWidget(about)
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
        target = self.choose_path(self, str(default_folder() / REPORT_FILE))
        if target is None:
            return
        documents, from_on, to_on = self._documents, self.from_on, self.to_on
        password = self.password_box.chosen()

        def write() -> Path:
            return documents.progress_report(from_on, to_on, target, password)

        self.start_saving(write, "The report could not be made.")

    def _busy(self, busy: bool) -> None:
        super()._busy(busy)
        self.password_box.setEnabled(not busy)

"""Saving an activity's insight report as a Word document: what it holds, an optional password,
a reminder that the file leaves the vault, and the writing done off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.services.community_document_service import CommunityDocumentService
from desktop.views.common.document_password import DocumentPassword
from desktop.views.common.document_save_dialog import REMINDER, DocumentSaveDialog, default_folder
from desktop.views.therapy.therapy_document_dialog import PathChooser, choose_docx_path

# The default file name holds no personal data (nor the activity's title, which may name a group).
INSIGHT_FILE = "Insight report.docx"
NOT_OPEN = "This activity is no longer in Casebook."
ABOUT = (
    "The insight report: what the activity was, who came (counted by audience, never named), "
    "the partners involved, the themes and concerns raised, the findings and recommendations, "
    "and the action plan. It names no young person and no one who attended."
)


class InsightReportDialog(DocumentSaveDialog):
    def __init__(
        self,
        documents: CommunityDocumentService,
        activity_id: int,
        parent: QWidget | None = None,
        choose_path: PathChooser = choose_docx_path,
        missing: str = "",
    ) -> None:
        super().__init__(parent)
        self._documents = documents
        self._activity_id = activity_id
        self.choose_path = choose_path  # the native Save As dialog, unless a test stands in
        self.setWindowTitle("Insight report")
        about = QLabel(ABOUT)
        about.setObjectName("hint")
        about.setWordWrap(True)
        self.missing = QLabel(missing)
        self.missing.setWordWrap(True)
        self.missing.setAccessibleName("Not yet recorded")
        self.missing.setVisible(bool(missing))
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
        layout.addWidget(self.missing)
        layout.addWidget(self.password_box)
        layout.addWidget(reminder)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(540)

    def save(self) -> None:
        problem = self.password_box.problem()
        if problem:
            self._show(problem, error=True)
            return
        target = self.choose_path(self, str(default_folder() / INSIGHT_FILE))
        if target is None:
            return
        documents, activity_id = self._documents, self._activity_id
        password = self.password_box.chosen()

        def write() -> Path:
            return documents.insight_report(activity_id, target, password)

        self.start_saving(write, NOT_OPEN)

    def _busy(self, busy: bool) -> None:
        super()._busy(busy)
        self.password_box.setEnabled(not busy)

"""Making a coaching document as a Word file: the young person's action plan or the coach's
plan summary, saved off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.services.coaching_document_service import CoachingDocumentService
from desktop.views.common.document_save_dialog import DocumentSaveDialog
from desktop.views.common.path_choosers import PathChooser
from desktop.views.therapy.therapy_document_dialog import choose_docx_path

ACTION_PLAN = "Young person's action plan"
PLAN_SUMMARY = "Coaching plan summary"
# Default file names hold no personal data: the person adds a name if they want one.
FILE_NAMES = {
    ACTION_PLAN: "My action plan.docx",
    PLAN_SUMMARY: "Coaching plan summary.docx",
}
DESCRIPTIONS = {
    ACTION_PLAN: (
        "For the young person: large type and plain words — what they want, their goals, "
        "their next steps and who to call. No codes or case details."
    ),
    PLAN_SUMMARY: (
        "For you, your manager or a case conference: the plan's facts, history, barriers, "
        "goals and actions, sessions, milestones and reviews."
    ),
}


class CoachingDocumentDialog(DocumentSaveDialog):
    def __init__(
        self,
        documents: CoachingDocumentService,
        plan_id: int,
        parent: QWidget | None = None,
        choose_path: PathChooser = choose_docx_path,
    ) -> None:
        super().__init__(parent)
        self._documents = documents
        self._plan_id = plan_id
        self._choose_path = choose_path
        self.setWindowTitle("Make a coaching document")

        self.kind = QComboBox()
        self.kind.addItems([ACTION_PLAN, PLAN_SUMMARY])
        self.kind.setAccessibleName("Document")
        self.kind.currentTextChanged.connect(self._kind_changed)
        self.description = QLabel(DESCRIPTIONS[ACTION_PLAN])
        self.description.setObjectName("hint")
        self.description.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Document", self.kind)
        form.addRow("", self.description)

        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("&Save as…")
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def is_action_plan(self) -> bool:
        return self.kind.currentText() == ACTION_PLAN

    # ---- saving ----------------------------------------------------------------------------
    def save(self) -> None:
        target = self._choose_path(self, FILE_NAMES[self.kind.currentText()])
        if target is None:
            return
        documents, plan_id, action_plan = self._documents, self._plan_id, self.is_action_plan()

        def write() -> Path:
            if action_plan:
                return documents.action_plan(plan_id, target)
            return documents.plan_summary(plan_id, target)

        self.start_saving(write, "This coaching plan is not open to you.")

    # ---- display ---------------------------------------------------------------------------
    def _kind_changed(self, kind: str) -> None:
        self.description.setText(DESCRIPTIONS[kind])
        self.message.hide()
        self.adjustSize()

    def _busy(self, busy: bool) -> None:
        super()._busy(busy)
        self.kind.setEnabled(not busy)

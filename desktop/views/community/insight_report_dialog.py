"""Saving an activity's insight report as a Word document: what it holds, an optional password,
a reminder that the file leaves the vault, and the writing done off the GUI thread."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from desktop.services.community_document_service import CommunityDocumentService
from desktop.views.common.path_choosers import PathChooser
from desktop.views.common.protected_document_dialog import ProtectedDocumentDialog, Writer
from desktop.views.therapy.therapy_document_dialog import choose_docx_path

# The default file name holds no personal data (nor the activity's title, which may name a group).
INSIGHT_FILE = "Insight report.docx"
NOT_OPEN = "This activity is no longer in Casebook."
ABOUT = (
    "The insight report: what the activity was, who came (counted by audience, never named), "
    "the partners involved, the themes and concerns raised, the findings and recommendations, "
    "and the action plan. It names no young person and no one who attended."
)


class InsightReportDialog(ProtectedDocumentDialog):
    def __init__(
        self,
        documents: CommunityDocumentService,
        activity_id: int,
        parent: QWidget | None = None,
        choose_path: PathChooser = choose_docx_path,
        missing: str = "",
    ) -> None:
        self.missing = QLabel(missing)
        self.missing.setWordWrap(True)
        self.missing.setAccessibleName("Not yet recorded")
        self.missing.setVisible(bool(missing))
        super().__init__(
            "Insight report",
            ABOUT,
            INSIGHT_FILE,
            NOT_OPEN,
            parent,
            choose_path,
            extras=(self.missing,),
        )
        self.setMinimumWidth(540)
        self._documents = documents
        self._activity_id = activity_id

    def writer(self) -> Writer:
        documents, activity_id = self._documents, self._activity_id
        return lambda target, password: documents.insight_report(activity_id, target, password)

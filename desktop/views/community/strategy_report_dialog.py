"""Saving the strategy progress report for a period as a Word document: an optional password, a
reminder that the file leaves the vault, and the writing done off the GUI thread."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from desktop.services.community_document_service import CommunityDocumentService
from desktop.views.common.path_choosers import PathChooser
from desktop.views.common.protected_document_dialog import ProtectedDocumentDialog, Writer
from desktop.views.common.when import date_text
from desktop.views.therapy.therapy_document_dialog import choose_docx_path

# The default file name holds no personal data.
REPORT_FILE = "Strategy progress report.docx"


class ProgressReportDialog(ProtectedDocumentDialog):
    def __init__(
        self,
        documents: CommunityDocumentService,
        from_on: date,
        to_on: date,
        parent: QWidget | None = None,
        choose_path: PathChooser = choose_docx_path,
    ) -> None:
        super().__init__(
            "Strategy progress report",
            f"The strategy's four outcomes from {date_text(from_on)} to {date_text(to_on)}: "
            "a summary table, then each outcome's activities, open actions and actions done. "
            "It names no young person and no one who attended.",
            REPORT_FILE,
            "The report could not be made.",
            parent,
            choose_path,
        )
        self._documents = documents
        self.from_on, self.to_on = from_on, to_on

    def writer(self) -> Writer:
        documents, from_on, to_on = self._documents, self.from_on, self.to_on
        return lambda target, password: documents.progress_report(from_on, to_on, target, password)

"""Saving a meeting's minutes, or the action tracker across meetings, as a Word document: an
optional password, a reminder that the file leaves the vault, and the writing done off the GUI
thread."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from desktop.services.meeting_document_service import MeetingDocumentService
from desktop.views.common.path_choosers import PathChooser
from desktop.views.common.protected_document_dialog import ProtectedDocumentDialog, Writer
from desktop.views.therapy.therapy_document_dialog import choose_docx_path

# Default file names hold no personal data: the person adds a name if they want one.
MINUTES_FILE = "Meeting minutes.docx"
TRACKER_FILE = "Action tracker.docx"
NOT_OPEN = "This meeting is not open to you."
MINUTES_ABOUT = (
    "The minutes: when and where, who came or sent apologies, the young people discussed, each "
    "agenda item with its discussion and decisions, and the action list."
)
TRACKER_ABOUT = (
    "Actions from every meeting, open ones first and the soonest due first, with the meeting "
    "each came from, its owner and its young person."
)
LEFT_OUT = (
    " Young people whose records are not open to you, and actions about them, are left out; "
    "the document says how many."
)


class MeetingDocumentDialog(ProtectedDocumentDialog):
    """meeting_id None: the action tracker across meetings; otherwise that meeting's minutes."""

    def __init__(
        self,
        documents: MeetingDocumentService,
        meeting_id: int | None,
        parent: QWidget | None = None,
        choose_path: PathChooser = choose_docx_path,
        left_out: int = 0,
    ) -> None:
        minutes = meeting_id is not None
        self.closed_too = QCheckBox("Include &done and dropped actions")
        super().__init__(
            "Minutes as a Word document" if minutes else "Action tracker",
            (MINUTES_ABOUT if minutes else TRACKER_ABOUT) + (LEFT_OUT if left_out else ""),
            MINUTES_FILE if minutes else TRACKER_FILE,
            NOT_OPEN,
            parent,
            choose_path,
            extras=() if minutes else (self.closed_too,),
        )
        self._documents = documents
        self._meeting_id = meeting_id

    def writer(self) -> Writer:
        documents, meeting_id = self._documents, self._meeting_id
        if meeting_id is None:
            open_only = not self.closed_too.isChecked()
            return lambda target, password: documents.action_tracker(target, open_only, password)
        return lambda target, password: documents.minutes(meeting_id, target, password)

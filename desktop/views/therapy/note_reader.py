"""A signed session note as it stands for ever: its sections, who signed it and when, its
addenda, and (for the therapist who wrote them, on request) the process notes."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.models.accounts import Role
from desktop.services.bundle import Services
from desktop.services.note_templates import RISK_CHECK, sections_of
from desktop.services.therapy_records import NoteView, SessionRow
from desktop.views.therapy.addendum_dialog import AddendumDialog
from desktop.views.therapy.note_heading import session_heading
from desktop.views.therapy.note_sections import EditorFactory, plain_editor


class NoteReader(QWidget):
    def __init__(
        self,
        services: Services,
        session: SessionRow,
        note_id: int,
        make_editor: EditorFactory = plain_editor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._make_editor = make_editor
        self.session = session
        self.note_id = note_id
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setAccessibleName("Signed note")
        self.process_notes = QTextBrowser()
        self.process_notes.setObjectName("processNotes")
        self.process_notes.setAccessibleName("Process notes")
        self.process_notes.hide()
        self.process_label = QLabel()
        self.process_label.setObjectName("hint")
        self.show_process = QPushButton("Show &process notes")
        self.show_process.clicked.connect(self.reveal_process_notes)
        self.add_addendum = QPushButton("Add &addendum…")
        self.add_addendum.clicked.connect(self._add_addendum)
        heading = QLabel(session_heading(session))
        heading.setObjectName("sectionTitle")
        self.signature = QLabel()
        self.signature.setObjectName("notice")
        self.signature.setWordWrap(True)
        self.signature.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        process_row = QHBoxLayout()
        process_row.addWidget(self.process_label, 1)
        process_row.addWidget(self.show_process)
        process_row.addWidget(self.add_addendum)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.signature)
        layout.addWidget(self.text, 1)
        layout.addLayout(process_row)
        layout.addWidget(self.process_notes)
        self.refresh()

    def refresh(self) -> None:
        view = self._services.therapy_notes.note(self.note_id)
        self.text.setHtml(note_html(view))
        signed_at = view.signed_at.astimezone() if view.signed_at else None
        self.signature.setText(
            f"Signed by {view.signed_by} on {signed_at:%d/%m/%Y at %H:%M}. "
            f"It can no longer be changed. Content fingerprint {view.content_hash[:16]}…"
            + (
                "\nLate entry: written more than 48 hours after the session."
                if view.late_entry
                else ""
            )
        )
        user = self._services.user
        is_author = user.role is Role.FAMILY_THERAPIST and view.author_id == user.account_id
        self.add_addendum.setVisible(user.role is Role.FAMILY_THERAPIST)
        if not view.has_process_notes:
            self.process_label.setText("No process notes with this note.")
        elif is_author:
            self.process_label.setText(
                "Process notes: confidential to you. Opening them is logged."
            )
        else:
            self.process_label.setText(
                "Process notes recorded: confidential to the therapist who wrote them."
            )
        self.show_process.setVisible(view.has_process_notes and is_author)

    def reveal_process_notes(self) -> None:
        text = self._services.therapy_notes.read_process_notes(self.note_id)
        self.process_notes.setPlainText(text)
        self.process_notes.show()
        self.show_process.hide()

    def hide_process_notes(self) -> None:
        self.process_notes.clear()
        self.process_notes.hide()

    def _add_addendum(self) -> None:
        dialog = AddendumDialog(self._services.therapy_notes, self.note_id, self, self._make_editor)
        if dialog.exec():
            self.refresh()


def note_html(view: NoteView) -> str:
    """The note's shareable record as simple HTML: sections, free text, summary, addenda."""
    parts = []
    risk = {None: "Not answered", False: "No safeguarding concern", True: "Safeguarding concern"}
    for section in sections_of(view.note_format):
        text = view.sections.get(section.key, "")
        if section.key == RISK_CHECK:
            text = f"{risk[view.risk_concern]}. {text}".strip()
        parts.append(_block(section.label, text))
    if view.body:
        parts.append(_block("Other notes", view.body))
    parts.append(_block("Shareable summary", view.shareable_summary or "None written."))
    for addendum in view.addenda:
        when = addendum.signed_at.astimezone()
        parts.append(_block(f"Addendum by {addendum.author}, {when:%d/%m/%Y %H:%M}", addendum.text))
    return "".join(parts)


def _block(title: str, text: str) -> str:
    body = escape(text or "—").replace("\n", "<br>")
    return f"<h4 style='margin-bottom:2px'>{escape(title)}</h4><p style='margin-top:0'>{body}</p>"

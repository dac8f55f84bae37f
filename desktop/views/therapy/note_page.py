"""A session's note, on its own page: this therapist's draft in the editor, or the signed note
in the reader (with its addenda), or, when none is written, a new draft."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.models.accounts import Role
from desktop.services.bundle import Services
from desktop.services.therapy_records import NoteView, SessionRow
from desktop.views.therapy.note_editor import NoteEditor
from desktop.views.therapy.note_reader import NoteReader
from desktop.views.therapy.note_sections import EditorFactory, plain_editor


class NotePage(QWidget):
    closed = Signal()

    def __init__(
        self,
        services: Services,
        session: SessionRow,
        make_editor: EditorFactory = plain_editor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._make_editor = make_editor
        self.session = session
        self.editor: NoteEditor | None = None
        self.reader: NoteReader | None = None
        self.back = QPushButton("← &Back to sessions")
        self.back.clicked.connect(self.close_page)
        self.new_note = QPushButton("&Write another note")
        self.new_note.clicked.connect(lambda: self._show_editor(None))
        self.new_note.hide()
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addStretch(1)
        top.addWidget(self.new_note)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.body, 1)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_page)
        self._show_chosen()

    @property
    def note_id(self) -> int | None:
        shown = self.editor or self.reader
        return shown.note_id if shown is not None else None

    def _show_chosen(self) -> None:
        user = self._services.user
        notes = self._services.therapy_notes.notes(self.session.id)
        mine = [n for n in notes if not n.signed and n.author_id == user.account_id]
        signed = [n for n in notes if n.signed]
        if mine:
            self._show_editor(mine[-1].id)
        elif signed:
            self._show_reader(signed[-1])
        elif user.role is Role.FAMILY_THERAPIST:
            self._show_editor(None)
        else:
            self._clear()
            empty = QLabel("No note has been written for this session yet.")
            empty.setObjectName("hint")
            self.body.addWidget(empty)

    def _show_editor(self, note_id: int | None) -> None:
        self._clear()
        self.new_note.hide()
        self.editor = NoteEditor(self._services, self.session, note_id, self._make_editor)
        self.editor.signed.connect(self._signed)
        self.body.addWidget(self.editor)

    def _show_reader(self, note: NoteView) -> None:
        self._clear()
        self.reader = NoteReader(self._services, self.session, note.id, self._make_editor)
        self.body.addWidget(self.reader)
        self.new_note.setVisible(self._services.user.role is Role.FAMILY_THERAPIST)

    def _signed(self, note_id: int) -> None:
        self._show_reader(self._services.therapy_notes.note(note_id))

    def _clear(self) -> None:
        for shown in (self.editor, self.reader):
            if shown is not None:
                shown.setParent(None)
                shown.deleteLater()
        self.editor = self.reader = None
        while self.body.count():
            item = self.body.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def save_drafts(self) -> None:
        if self.editor is not None:
            self.editor.save_now()

    def close_page(self) -> None:
        # A draft that could not be saved keeps the page open, with the reason shown.
        if self.editor is not None and not self.editor.save_now():
            return
        self.closed.emit()

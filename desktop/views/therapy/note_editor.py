"""The session-note editor: a draft in the chosen template, saved into the vault as it is
typed, with the required risk check, the shareable summary, the therapist's confidential
process notes, and signing."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.models.choices import NoteFormat
from desktop.services.bundle import Services
from desktop.services.note_templates import convert
from desktop.services.therapy_note_service import (
    DraftSaved,
    Escalation,
    NoteView,
    TherapyInputError,
)
from desktop.services.therapy_records import LATE_ENTRY_AFTER, NoteInput, SessionRow
from desktop.views.common.announce import announce
from desktop.views.common.restyle import restyle
from desktop.views.therapy.note_autosave import Autosave
from desktop.views.therapy.note_heading import session_heading
from desktop.views.therapy.note_sections import EditorFactory, NoteSections, plain_editor, sized

FORMAT_LABELS = {
    NoteFormat.STRUCTURED: "Structured (systemic)",
    NoteFormat.DAP: "DAP: data, assessment, plan",
    NoteFormat.SOAP: "SOAP: subjective, objective, assessment, plan",
    NoteFormat.BIRP: "BIRP: behaviour, intervention, response, plan",
}


class NoteEditor(QWidget):
    """Edits this therapist's draft note on one session (a new one if note_id is None)."""

    signed = Signal(int)  # the note id, once signed
    note_started = Signal(int)  # the new note's id, at its first save

    def __init__(
        self,
        services: Services,
        session: SessionRow,
        note_id: int | None = None,
        make_editor: EditorFactory = plain_editor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._notes = services.therapy_notes
        self.session = session
        self.note_id = note_id
        self._format = NoteFormat.STRUCTURED
        self._raised_at: datetime | None = None
        self.autosave = Autosave(self)
        self.autosave.due.connect(self.save_now)

        self.format_choice = QComboBox()
        for note_format, label in FORMAT_LABELS.items():
            self.format_choice.addItem(label, note_format)
        self.sections = NoteSections(make_editor)
        self.sections.risk_chosen.connect(self._risk_chosen)
        self.body = sized(make_editor(), 3)
        self.body.setPlaceholderText("Anything else about the session.")
        self.summary = sized(make_editor(), 3)
        self.summary.setPlaceholderText(
            "What the case team may read and case conferences may include."
        )
        self.process_notes = sized(make_editor(), 3)
        self.process_notes.setObjectName("processNotes")
        self.process_notes.setPlaceholderText("Your own reflections: only you can read these.")
        self.escalation_notice = QLabel()
        self.escalation_notice.setObjectName("notice")
        self.escalation_notice.setWordWrap(True)
        self.escalation_notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.escalation_notice.hide()
        self.status = QLabel("Not saved yet")
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.sign_button = QPushButton("Si&gn note…")
        self.sign_button.clicked.connect(self.sign)
        self._build_layout()

        self._load()
        self.format_choice.currentIndexChanged.connect(self._format_changed)
        self.sections.changed.connect(self.autosave.changed)
        for editor in (self.body, self.summary, self.process_notes):
            editor.textChanged.connect(self.autosave.changed)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_now)

    # ---- layout ----------------------------------------------------------------------------
    def _build_layout(self) -> None:
        heading = QLabel(session_heading(self.session))
        heading.setObjectName("sectionTitle")
        late = QLabel(
            "Late entry: written more than 48 hours after the session. Casebook marks it so."
        )
        late.setObjectName("warning")
        late.setWordWrap(True)
        is_new = self.note_id is None
        late.setVisible(
            is_new and self._services.clock.now() - self.session.starts_at > LATE_ENTRY_AFTER
        )
        top = QHBoxLayout()
        format_label = QLabel("Note &format")
        format_label.setBuddy(self.format_choice)
        top.addWidget(format_label)
        top.addWidget(self.format_choice)
        top.addStretch(1)

        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.sections)
        extra = QFormLayout()
        extra.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for label, editor in (
            ("<b>Other notes</b>", self.body),
            ("<b>Shareable summary</b> for the case team", self.summary),
            ("<b>Process notes</b>: confidential, only you can read them", self.process_notes),
        ):
            title = QLabel(label)
            title.setBuddy(editor)
            editor.setAccessibleName(title.text().replace("<b>", "").replace("</b>", ""))
            extra.addRow(title, editor)
        column.addLayout(extra)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)

        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.sign_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(late)
        layout.addLayout(top)
        layout.addWidget(self.escalation_notice)
        layout.addWidget(scroll, 1)
        layout.addLayout(footer)

    # ---- loading and saving ----------------------------------------------------------------
    def _load(self) -> None:
        if self.note_id is None:
            self.sections.show_template(self._format, {})
            return
        view = self._notes.note(self.note_id)
        self._format = view.note_format
        self._raised_at = view.safeguarding_raised_at
        self.format_choice.setCurrentIndex(list(FORMAT_LABELS).index(view.note_format))
        self.sections.risk.set_answer(view.risk_concern)
        self.sections.show_template(view.note_format, view.sections)
        self.body.setPlainText(view.body)
        self.summary.setPlainText(view.shareable_summary)
        if view.has_process_notes:
            # Read (and audited) because their author is opening the draft to go on with it.
            self.process_notes.setPlainText(self._notes.read_process_notes(self.note_id))
        self._show_saved(view.saved_at)
        self._show_raised(view)

    def current_input(self) -> NoteInput:
        return NoteInput(
            note_format=self._format,
            sections=self.sections.texts(),
            body=self.body.toPlainText(),
            shareable_summary=self.summary.toPlainText(),
            process_notes=self.process_notes.toPlainText(),
            risk_concern=self.sections.risk.answer(),
        )

    def save_now(self) -> bool:
        """Saves what is on screen; False (and the reason shown) if it could not be saved."""
        if self.note_id is None and not self.autosave.pending:
            return True
        self.status.setText("Saving…")
        try:
            if self.note_id is None:
                self.note_id, result = self._notes.start_note_saved(
                    self.session.id, self.current_input()
                )
                self.note_started.emit(self.note_id)
            else:
                result = self._notes.save_draft(self.note_id, self.current_input())
        except (TherapyInputError, OSError) as error:
            self._show_problem(f"Not saved: {error}")
            return False
        self.autosave.saved()
        self._show_saved(result.saved_at)
        self._show_escalations(result)
        return True

    def _show_saved(self, moment: datetime) -> None:
        restyle(self.status, "hint")
        self.status.setText(f"Draft saved at {moment.astimezone():%H:%M:%S}")

    def _show_problem(self, text: str) -> None:
        restyle(self.status, "error")
        announce(self.status, text, urgent=True)

    # ---- the template and the risk check ---------------------------------------------------
    def _format_changed(self) -> None:
        # Qt hands the item data back as plain text, not as the enum.
        target = NoteFormat(self.format_choice.currentData())
        if target is self._format:
            return
        # Nothing typed is lost: sections the new template lacks move to "Other notes".
        kept, body = convert(self.sections.texts(), self.body.toPlainText(), self._format, target)
        self._format = target
        self.sections.show_template(target, kept)
        self.body.setPlainText(body)
        self.autosave.changed()

    def _risk_chosen(self, concern: bool) -> None:
        if not concern or self._raised_at is not None:
            self.autosave.changed()
            return
        people = [
            row.name
            for row in self._services.therapy.members(self.session.case_id)
            if row.member.kind == "young_person"
        ]
        answer = QMessageBox.question(
            self,
            "Record a safeguarding concern",
            "Casebook will at once add an entry to the chronology of "
            f"{_count(len(people), 'young person', 'young people')} in this family and a task "
            "for each one's key worker. They will say that a concern was raised in therapy, "
            "not what it was.\n\nRecord the concern?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.sections.risk.set_answer(None)
            return
        self.autosave.changed()
        self.save_now()

    def _show_escalations(self, result: DraftSaved) -> None:
        if not result.escalations:
            return
        self._raised_at = result.saved_at
        self.escalation_notice.setText(_escalation_text(result.escalations))
        self.escalation_notice.show()

    def _show_raised(self, view: NoteView) -> None:
        if view.safeguarding_raised_at is not None:
            when = view.safeguarding_raised_at.astimezone()
            self.escalation_notice.setText(
                f"Safeguarding concern passed to the young people's cases on "
                f"{when:%d/%m/%Y at %H:%M}: a chronology entry and a key-worker task each."
            )
            self.escalation_notice.show()

    # ---- signing ---------------------------------------------------------------------------
    def sign(self) -> None:
        if not self.save_now() or self.note_id is None:
            if self.note_id is None:
                self._show_problem("Write the note before signing it.")
            return
        problems = self._notes.signing_problems(self.note_id)
        if problems:
            self._show_problem(" ".join(problems))
            return
        answer = QMessageBox.question(
            self,
            "Sign the note",
            "Once signed, this note can never be changed, by anyone. Anything to add later "
            "goes into a dated addendum.\n\nSign the note now?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._notes.sign_note(self.note_id)
        except TherapyInputError as error:
            self._show_problem(str(error))
            return
        self.signed.emit(self.note_id)


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _escalation_text(escalations: list[Escalation]) -> str:
    lines = [
        f"{row.name}: chronology entry added; task for "
        f"{row.task_owner}{'' if row.owner_is_key_worker else ' (no key worker: coordinator)'}"
        for row in escalations
    ]
    return "Safeguarding concern passed on.\n" + "\n".join(lines)

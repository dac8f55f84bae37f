"""The text boxes of a session note in the chosen template, and the editor factory that makes
them (plain, or with spelling underlined)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from desktop.models.choices import NoteFormat
from desktop.services.note_templates import RISK_CHECK, sections_of

EditorFactory = Callable[[], QPlainTextEdit]


def plain_editor() -> QPlainTextEdit:
    return QPlainTextEdit()


def sized(editor: QPlainTextEdit, lines: int) -> QPlainTextEdit:
    """A box tall enough for `lines` lines of typing before it scrolls."""
    editor.setTabChangesFocus(True)
    # Through the box's own style sheet: the application's "min-height" would replace a
    # setMinimumHeight() each time the box is polished.
    height = editor.fontMetrics().lineSpacing() * lines + 8
    editor.setStyleSheet(f"min-height: {height}px; max-height: {height * 3}px;")
    return editor


class RiskChoice(QWidget):
    """The risk check's required answer: no concern, or a safeguarding concern."""

    # The user picked an answer (True: a concern); the note editor confirms a concern.
    chosen = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.no_concern = QRadioButton("&No safeguarding concern")
        self.concern = QRadioButton("Safeguarding &concern")
        self.concern.setObjectName("concernChoice")
        self.group = QButtonGroup(self)
        for button in (self.no_concern, self.concern):
            self.group.addButton(button)
        self.no_concern.clicked.connect(lambda: self.chosen.emit(False))
        self.concern.clicked.connect(lambda: self.chosen.emit(True))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.no_concern)
        layout.addWidget(self.concern)
        layout.addStretch(1)

    def answer(self) -> bool | None:
        if self.concern.isChecked():
            return True
        return False if self.no_concern.isChecked() else None

    def set_answer(self, answer: bool | None) -> None:
        # Unchecking both needs the group's exclusivity off for a moment.
        self.group.setExclusive(False)
        self.no_concern.setChecked(answer is False)
        self.concern.setChecked(answer is True)
        self.group.setExclusive(True)


class NoteSections(QWidget):
    """One labelled box per template section, in the template's order; the risk check's
    answer sits above its box."""

    changed = Signal()
    risk_chosen = Signal(bool)

    def __init__(self, make_editor: EditorFactory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._make_editor = make_editor
        self.editors: dict[str, QPlainTextEdit] = {}
        self.risk = RiskChoice()
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)

    def show_template(self, note_format: NoteFormat, texts: dict[str, str]) -> None:
        answer = self.risk.answer()
        while self.form.rowCount():
            self.form.removeRow(0)  # deletes the row's widgets, the risk answer too
        self.editors = {}
        self.risk = RiskChoice()
        self.risk.set_answer(answer)
        self.risk.chosen.connect(self.risk_chosen)
        for section in sections_of(note_format):
            editor = sized(self._make_editor(), 4)
            editor.setPlaceholderText(section.hint)
            editor.setAccessibleName(section.label)
            editor.setPlainText(texts.get(section.key, ""))
            editor.textChanged.connect(self.changed)
            label = QLabel(f"<b>{section.label}</b>")
            label.setBuddy(editor)
            if section.key == RISK_CHECK:
                label.setText(f"<b>{section.label}</b> (required)")
                self.form.addRow(label, self.risk)
                self.form.addRow(editor)
            else:
                self.form.addRow(label, editor)
            self.editors[section.key] = editor

    def texts(self) -> dict[str, str]:
        return {key: editor.toPlainText() for key, editor in self.editors.items()}

    def set_read_only(self, read_only: bool) -> None:
        for editor in self.editors.values():
            editor.setReadOnly(read_only)
        self.risk.setEnabled(not read_only)

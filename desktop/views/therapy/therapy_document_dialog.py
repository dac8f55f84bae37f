"""Making a therapy document (closing summary or letter to the referrer) as a Word file, with a
warning and a confirmation whenever it will hold more than the shareable summary."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.services.therapy_document_service import (
    DocumentOptions,
    LetterInput,
    TherapyDocumentService,
)
from desktop.views.common.document_save_dialog import DocumentSaveDialog
from desktop.views.common.path_choosers import PathChooser, save_path_chooser

# Asked for a path given the dialog and a default file name; None when the person cancels.
# Asked to confirm a question; True to go on.
Confirm = Callable[[QWidget, str], bool]

CLOSING_SUMMARY = "Therapy closing summary"
REFERRER_LETTER = "Letter to referrer"
# Default file names hold no personal data: the person adds a name if they want one.
FILE_NAMES = {
    CLOSING_SUMMARY: "Therapy closing summary.docx",
    REFERRER_LETTER: "Letter to referrer.docx",
}
BEYOND_SHAREABLE = (
    "This document will include more than the shareable summary. Check who will receive it."
)


choose_docx_path = save_path_chooser("Save the document as", "Word documents (*.docx)")


def ask(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(
        parent,
        APP_NAME,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class TherapyDocumentDialog(DocumentSaveDialog):
    def __init__(
        self,
        documents: TherapyDocumentService,
        case_id: int,
        parent: QWidget | None = None,
        choose_path: PathChooser = choose_docx_path,
        confirm: Confirm = ask,
    ) -> None:
        super().__init__(parent)
        self._documents = documents
        self._case_id = case_id
        self._choose_path = choose_path
        self._confirm = confirm
        self.setWindowTitle("Make a therapy document")

        hint = QLabel(
            "Makes a Word document from the case and its signed session notes. By default it "
            "holds only what is shareable; process notes are never included."
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.addItems([CLOSING_SUMMARY, REFERRER_LETTER])
        self.kind.setAccessibleName("Document")
        self.kind.currentTextChanged.connect(self._kind_changed)

        self.letter = QGroupBox("Letter to")
        self.name = QLineEdit()
        self.name.setAccessibleName("Referrer's name")
        self.organisation = QLineEdit()
        self.organisation.setAccessibleName("Referrer's organisation")
        self.address = QPlainTextEdit()
        self.address.setAccessibleName("Referrer's address")
        self.address.setTabChangesFocus(True)
        self.address.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 16)
        letter_form = QFormLayout(self.letter)
        letter_form.addRow("&Name", self.name)
        letter_form.addRow("&Organisation", self.organisation)
        letter_form.addRow("A&ddress", self.address)
        self.letter.hide()

        self.clinical = QCheckBox("Include &clinical detail from signed notes")
        self.clinical.toggled.connect(self._update_warning)
        self.additional = QPlainTextEdit()
        self.additional.setAccessibleName("Additional text")
        self.additional.setTabChangesFocus(True)
        self.additional.setPlaceholderText("Anything you want to add, in your own words.")
        self.additional.setMinimumHeight(self.fontMetrics().lineSpacing() * 5 + 16)
        self.additional.textChanged.connect(self._update_warning)

        form = QFormLayout()
        form.addRow("&Document", self.kind)
        form.addRow(self.letter)
        if documents.may_include_clinical_detail:
            form.addRow("", self.clinical)
        else:
            self.clinical.setEnabled(False)
            only = QLabel("Only the family's therapist can add clinical detail from notes.")
            only.setObjectName("hint")
            only.setWordWrap(True)
            form.addRow("", only)
        additional_label = QLabel("Additional &text")
        additional_label.setBuddy(self.additional)
        form.addRow(additional_label, self.additional)

        self.warning = QLabel(BEYOND_SHAREABLE)
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        self.warning.hide()
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
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    # ---- what the person chose -------------------------------------------------------------
    def options(self) -> DocumentOptions:
        return DocumentOptions(
            self.clinical.isChecked() and self.clinical.isEnabled(),
            self.additional.toPlainText().strip(),
        )

    def letter_input(self) -> LetterInput:
        return LetterInput(
            self.name.text().strip(),
            self.organisation.text().strip(),
            self.address.toPlainText().strip(),
        )

    def is_letter(self) -> bool:
        return self.kind.currentText() == REFERRER_LETTER

    # ---- saving ----------------------------------------------------------------------------
    def save(self) -> None:
        options = self.options()
        letter = self.letter_input()
        if self.is_letter():
            found = letter.problems()
            if found:
                self._show("\n".join(found), error=True)
                return
        if options.beyond_shareable and not self._confirm(
            self,
            f"{BEYOND_SHAREABLE}\n\nSave it with the extra content?",
        ):
            return
        target = self._choose_path(self, FILE_NAMES[self.kind.currentText()])
        if target is None:
            return
        documents, case_id, is_letter = self._documents, self._case_id, self.is_letter()

        def write() -> Path:
            if is_letter:
                return documents.referrer_letter(case_id, target, letter, options)
            return documents.closing_summary(case_id, target, options)

        self.start_saving(write, "This therapy case is not open to you.")

    # ---- display ---------------------------------------------------------------------------
    def _kind_changed(self) -> None:
        self.letter.setVisible(self.is_letter())
        self.message.hide()
        self.adjustSize()

    def _update_warning(self) -> None:
        beyond = self.options().beyond_shareable
        if beyond != self.warning.isVisible():
            self.warning.setVisible(beyond)
            self.adjustSize()

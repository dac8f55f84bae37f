"""A dialog holding a form, with OK/Cancel and an error line that lists what to fix."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.views.common.passphrase_field import PassphraseField


class FormDialog(QDialog):
    """A form with OK/Cancel and an error line; subclasses say what is wrong via problems()."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def problems(self) -> list[str]:
        return []

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.adjustSize()  # grow with the error line instead of squeezing the fields

    def accept(self) -> None:
        found = self.problems()
        if found:
            self.show_error("\n".join(found))
            return
        super().accept()

    def add_passphrase_rows(self, label: str) -> tuple[PassphraseField, PassphraseField]:
        passphrase = PassphraseField(label)
        confirmation = PassphraseField(f"Confirm {label.lower()}", with_meter=False)
        first = QLabel(f"&{label}")
        first.setBuddy(passphrase.edit)
        second = QLabel("Con&firm")
        second.setBuddy(confirmation.edit)
        self.form.addRow(first, passphrase)
        self.form.addRow(second, confirmation)
        return passphrase, confirmation

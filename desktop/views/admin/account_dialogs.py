"""Dialogs for the coordinator's account changes and for changing one's own passphrase."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models.accounts import Role
from desktop.vault import passphrase_policy
from desktop.views.common.passphrase_field import PassphraseField


class _FormDialog(QDialog):
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


class AddAccountDialog(_FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Add an account", parent)
        self.full_name = QLineEdit()
        self.full_name.setAccessibleName("Full name")
        self.username = QLineEdit()
        self.username.setAccessibleName("User name")
        self.role = QComboBox()
        self.role.setAccessibleName("Role")
        for role in Role:
            self.role.addItem(role.label, role)
        self.role.setCurrentIndex(self.role.findData(Role.GANGS_WORKER))
        self.form.addRow("&Full name", self.full_name)
        self.form.addRow("&User name", self.username)
        self.form.addRow("&Role", self.role)
        self.passphrase, self.confirmation = self.add_passphrase_rows("First passphrase")
        hint = QLabel("They will be asked to choose their own passphrase when they first sign in.")
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.form.addRow(hint)

    def chosen_role(self) -> Role:
        role = self.role.currentData()
        assert isinstance(role, Role)
        return role

    def problems(self) -> list[str]:
        found = []
        if not self.full_name.text().strip():
            found.append("Enter the person's full name.")
        if not self.username.text().strip():
            found.append("Enter a user name.")
        found.extend(passphrase_policy.problems(self.passphrase.text(), self.confirmation.text()))
        return found


class NewPassphraseDialog(_FormDialog):
    """Reset by a coordinator, or enable a disabled account, with a new first passphrase."""

    def __init__(self, title: str, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        note = QLabel(explanation)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.passphrase, self.confirmation = self.add_passphrase_rows("New passphrase")

    def problems(self) -> list[str]:
        return passphrase_policy.problems(self.passphrase.text(), self.confirmation.text())


class ChangeOwnPassphraseDialog(_FormDialog):
    def __init__(self, forced: bool, parent: QWidget | None = None) -> None:
        super().__init__("Change your passphrase", parent)
        if forced:
            note = QLabel("Your passphrase was set by the coordinator. Choose your own now.")
            note.setObjectName("notice")
            note.setWordWrap(True)
            self.form.addRow(note)
        self.current = PassphraseField("Current passphrase", with_meter=False)
        current_label = QLabel("C&urrent passphrase")
        current_label.setBuddy(self.current.edit)
        self.form.addRow(current_label, self.current)
        self.passphrase, self.confirmation = self.add_passphrase_rows("New passphrase")

    def problems(self) -> list[str]:
        found = [] if self.current.text() else ["Enter your current passphrase."]
        found.extend(passphrase_policy.problems(self.passphrase.text(), self.confirmation.text()))
        return found

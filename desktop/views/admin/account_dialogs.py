"""Dialogs for the coordinator's account changes and for changing one's own passphrase."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from desktop.models.accounts import Role
from desktop.vault import passphrase_policy
from desktop.views.common.form_dialog import FormDialog
from desktop.views.common.passphrase_field import PassphraseField


class AddAccountDialog(FormDialog):
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


class NewPassphraseDialog(FormDialog):
    """Reset by a coordinator, or enable a disabled account, with a new first passphrase."""

    def __init__(self, title: str, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        note = QLabel(explanation)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.passphrase, self.confirmation = self.add_passphrase_rows("New passphrase")

    def problems(self) -> list[str]:
        return passphrase_policy.problems(self.passphrase.text(), self.confirmation.text())


class ChangeOwnPassphraseDialog(FormDialog):
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

"""Lost passphrase: the vault's recovery key sets a coordinator's passphrase anew."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.vault import passphrase_policy
from desktop.views.common.passphrase_field import PassphraseField


class RecoveryDialog(QDialog):
    def __init__(self, username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Use the recovery key")
        intro = QLabel(
            "Staff who forget their passphrase: ask the coordinator to reset it.<br>"
            "A coordinator who has lost theirs can set a new one with the vault's recovery "
            "key (eight groups of four letters and digits)."
        )
        intro.setWordWrap(True)
        self.recovery_key = QLineEdit()
        self.recovery_key.setAccessibleName("Recovery key")
        self.recovery_key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.username = QLineEdit(username)
        self.username.setAccessibleName("Coordinator's user name")
        self.passphrase = PassphraseField("New passphrase")
        self.confirmation = PassphraseField("Confirm new passphrase", with_meter=False)
        form = QFormLayout()
        form.addRow("&Recovery key", self.recovery_key)
        form.addRow("&User name", self.username)
        form.addRow("&New passphrase", self.passphrase)
        form.addRow("&Confirm", self.confirmation)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Reset and sign in")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.adjustSize()

    def accept(self) -> None:
        found = [] if self.recovery_key.text().strip() else ["Enter the recovery key."]
        if not self.username.text().strip():
            found.append("Enter the coordinator's user name.")
        found.extend(passphrase_policy.problems(self.passphrase.text(), self.confirmation.text()))
        if found:
            self.show_error("\n".join(found))
            return
        super().accept()

"""Lost passphrase: the vault's recovery key sets a coordinator's passphrase anew."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QWidget

from desktop.vault import passphrase_policy
from desktop.views.common.form_dialog import FormDialog


class RecoveryDialog(FormDialog):
    def __init__(self, username: str = "", parent: QWidget | None = None) -> None:
        super().__init__("Use the recovery key", parent)
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
        self.form.addRow(intro)
        self.form.addRow("&Recovery key", self.recovery_key)
        self.form.addRow("&User name", self.username)
        self.passphrase, self.confirmation = self.add_passphrase_rows("New passphrase")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Reset and sign in")
        self.setMinimumWidth(520)

    def problems(self) -> list[str]:
        found = [] if self.recovery_key.text().strip() else ["Enter the recovery key."]
        if not self.username.text().strip():
            found.append("Enter the coordinator's user name.")
        found.extend(passphrase_policy.problems(self.passphrase.text(), self.confirmation.text()))
        return found

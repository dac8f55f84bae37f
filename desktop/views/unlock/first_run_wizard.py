"""First run: create the vault and its first coordinator, then show the recovery key once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.services.account_service import USERNAME_PATTERN, AccountError
from desktop.services.sign_in_service import SignedIn
from desktop.vault import passphrase_policy
from desktop.vault.errors import VaultError
from desktop.views.common.passphrase_field import PassphraseField
from desktop.views.shell.shell_dependencies import CreateVault


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


class CoordinatorPage(QWizardPage):
    def __init__(self, create_vault: CreateVault) -> None:
        super().__init__()
        self._create_vault = create_vault
        self.created: tuple[SignedIn, str] | None = None
        self.setTitle("The first coordinator")
        self.setSubTitle(
            "The coordinator administers the vault: adds colleagues, sets roles and resets "
            "forgotten passphrases."
        )
        self.full_name = QLineEdit()
        self.full_name.setAccessibleName("Full name")
        self.username = QLineEdit()
        self.username.setAccessibleName("User name")
        self.username.setPlaceholderText("e.g. jsmith")
        self.passphrase = PassphraseField("Passphrase")
        self.confirmation = PassphraseField("Confirm passphrase", with_meter=False)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout(self)
        form.addRow("&Full name", self.full_name)
        form.addRow("&User name", self.username)
        passphrase_label = QLabel("&Passphrase")
        passphrase_label.setBuddy(self.passphrase.edit)
        form.addRow(passphrase_label, self.passphrase)
        confirm_label = QLabel("&Confirm")
        confirm_label.setBuddy(self.confirmation.edit)
        form.addRow(confirm_label, self.confirmation)
        form.addRow(
            _hint(
                f"At least {passphrase_policy.MIN_LENGTH} characters; any language. "
                "A few unrelated words are easy to remember and hard to guess."
            )
        )
        form.addRow(self.error)

    def problems(self) -> list[str]:
        found = []
        if not self.full_name.text().strip():
            found.append("Enter your full name.")
        if not USERNAME_PATTERN.match(self.username.text().strip().lower()):
            found.append(
                "The user name must be 2 to 64 letters, digits, dots, dashes or underscores."
            )
        found.extend(passphrase_policy.problems(self.passphrase.text(), self.confirmation.text()))
        return found

    def validatePage(self) -> bool:
        if self.created is not None:
            return True
        found = self.problems()
        if found:
            self.error.setText("\n".join(found))
            self.error.show()
            return False
        self.error.hide()
        try:
            self.created = self._create_vault(
                self.username.text(), self.full_name.text(), self.passphrase.text()
            )
        except (VaultError, AccountError) as error:
            self.error.setText(str(error))
            self.error.show()
            return False
        self.passphrase.clear()
        self.confirmation.clear()
        return True


class RecoveryKeyPage(QWizardPage):
    def __init__(self, coordinator_page: CoordinatorPage) -> None:
        super().__init__()
        self._coordinator_page = coordinator_page
        self.setTitle("Your recovery key")
        self.setSubTitle(
            "If every coordinator forgets their passphrase, only this key opens the vault. "
            "It is shown once and never stored on this computer."
        )
        self.key_label = QLabel()
        # A style sheet, not setFont: the application style sheet would override the font.
        self.key_label.setStyleSheet(
            "font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 16pt; "
            "font-weight: 600; background: #ffffff; border: 1px solid #b8c0cc; "
            "border-radius: 6px; padding: 12px;"
        )
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setAccessibleName("Recovery key")
        save = QPushButton("&Save to a file…")
        save.clicked.connect(self.save_to_file)
        copy = QPushButton("C&opy")
        copy.clicked.connect(self.copy)
        for button in (save, copy):
            button.setAutoDefault(False)
        self.saved_note = _hint("")
        self.stored = QCheckBox("I have written down or saved the recovery key somewhere safe")
        self.stored.toggled.connect(self.completeChanged)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(copy)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.key_label)
        layout.addLayout(buttons)
        layout.addWidget(self.saved_note)
        layout.addWidget(
            _hint(
                "Keep it away from this laptop: in the unit's safe, or on paper with the "
                "coordinator's manager."
            )
        )
        layout.addStretch(1)
        layout.addWidget(self.stored)

    def recovery_key(self) -> str:
        created = self._coordinator_page.created
        return created[1] if created else ""

    def initializePage(self) -> None:
        self.key_label.setText(self.recovery_key())

    def isComplete(self) -> bool:
        return self.stored.isChecked()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.recovery_key())
        self.saved_note.setText("Copied. Paste it somewhere safe, then clear your clipboard.")

    def save_to_file(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, "Save the recovery key", "casebook-recovery-key.txt", "Text files (*.txt)"
        )
        if target:
            self.write_key(Path(target))

    def write_key(self, target: Path) -> None:
        target.write_text(
            "Casebook recovery key\n\n"
            f"{self.recovery_key()}\n\n"
            "Keep this somewhere safe and away from the laptop.\n",
            encoding="utf-8",
        )
        self.saved_note.setText(f"Saved to {target.name}.")


class FirstRunWizard(QWizard):
    vault_created = Signal(object)  # SignedIn

    def __init__(self, create_vault: CreateVault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Set up Casebook")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        welcome = QWizardPage()
        welcome.setTitle("Welcome to Casebook")
        welcome_layout = QVBoxLayout(welcome)
        welcome_layout.addWidget(
            _hint(
                "There is no vault on this computer yet. Casebook keeps every record in one "
                "encrypted vault: nothing can be read from this laptop without a passphrase.\n\n"
                "You will create the first coordinator account and receive a recovery key."
            )
        )
        self.coordinator_page = CoordinatorPage(create_vault)
        self.recovery_page = RecoveryKeyPage(self.coordinator_page)
        self.addPage(welcome)
        self.addPage(self.coordinator_page)
        self.addPage(self.recovery_page)
        self.setButtonText(QWizard.WizardButton.FinishButton, "Start using Casebook")
        self.resize(620, 520)

    def accept(self) -> None:
        created = self.coordinator_page.created
        super().accept()
        if created is not None:
            self.vault_created.emit(created[0])

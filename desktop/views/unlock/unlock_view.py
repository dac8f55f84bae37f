"""The unlock screen: user name and passphrase, or this device's keyring; nothing else shows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.sign_in_service import SignedIn
from desktop.vault.errors import VaultError
from desktop.views.common.announce import announce
from desktop.views.common.background_task import BackgroundTask
from desktop.views.common.passphrase_field import PassphraseField
from desktop.views.shell.shell_dependencies import ShellDependencies
from desktop.views.unlock.recovery_dialog import RecoveryDialog


class UnlockView(QWidget):
    signed_in = Signal(object)  # SignedIn

    def __init__(self, deps: ShellDependencies, icon: QIcon, parent: QWidget | None = None):
        super().__init__(parent)
        self._deps = deps
        self._task: BackgroundTask | None = None

        logo = QLabel()
        logo.setPixmap(icon.pixmap(72, 72))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel("Casebook")
        title.setObjectName("pageTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle = QLabel("Integrated Gangs and Exploitation Unit")
        subtitle.setObjectName("hint")
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.username = QLineEdit()
        self.username.setAccessibleName("User name")
        self.username.setPlaceholderText("e.g. jsmith")
        self.passphrase = PassphraseField("Passphrase", with_meter=False)
        self.passphrase.edit.returnPressed.connect(self.submit)
        self.username.returnPressed.connect(self.passphrase.edit.setFocus)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow("&User name", self.username)
        passphrase_label = QLabel("&Passphrase")
        passphrase_label.setBuddy(self.passphrase.edit)
        form.addRow(passphrase_label, self.passphrase)

        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Sign-in message")
        self.message.hide()

        self.sign_in_button = QPushButton("Sign in")
        self.sign_in_button.setObjectName("primary")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.submit)
        self.device_button = QPushButton("Sign in with this computer")
        self.device_button.setToolTip("Uses the key this computer's credential store remembers")
        self.device_button.clicked.connect(self.submit_with_device)
        self.device_note = QLabel()
        self.device_note.setObjectName("hint")
        self.device_note.setWordWrap(True)
        reason = deps.device.unavailable_reason()
        if reason:
            self.device_button.hide()
            self.device_note.setText(reason)
        else:
            self.device_note.hide()
        self.recovery_button = QPushButton("Lost your passphrase?")
        self.recovery_button.setFlat(True)
        self.recovery_button.clicked.connect(self.recover)
        # Two rows: three buttons on one row were cut off in the card's width (worse with
        # large text); the way in stays on the right of the first row.
        buttons = QGridLayout()
        buttons.addWidget(self.device_button, 0, 0)
        buttons.setColumnStretch(1, 1)
        buttons.addWidget(self.sign_in_button, 0, 2)
        buttons.addWidget(self.recovery_button, 1, 0, 1, 3, Qt.AlignmentFlag.AlignLeft)

        card = QFrame()
        card.setObjectName("card")
        card.setMaximumWidth(460)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.setSpacing(12)
        inner.addLayout(form)
        inner.addWidget(self.message)
        inner.addLayout(buttons)
        inner.addWidget(self.device_note)
        self.demo_note = QLabel()
        self.demo_note.setObjectName("demoNote")
        self.demo_note.setWordWrap(True)
        self.demo_note.hide()
        inner.addWidget(self.demo_note)

        outer = QVBoxLayout(self)
        outer.addStretch(2)
        outer.addWidget(logo)
        outer.addWidget(title)
        outer.addWidget(subtitle)
        outer.addSpacing(16)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(card, 3)
        centred.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(3)
        self.refresh_demo_note()

    def refresh_demo_note(self) -> None:
        """Only a demo vault shows its credentials."""
        if self._deps.demo_passphrase and self._deps.sign_in.is_demo():
            self.demo_note.setText(
                "Demo vault with synthetic records. Sign in as <b>coordinator</b> (or any role, "
                "e.g. <b>gangs_worker</b>) with the passphrase "
                f"<b>{self._deps.demo_passphrase}</b>."
            )
            self.demo_note.show()
        else:
            self.demo_note.hide()

    def prepare(self, username: str = "") -> None:
        """Shown afresh: nothing from before the lock, bar the user name if it is a resume."""
        self.username.setText(username)
        self.passphrase.clear()
        self.message.hide()
        self._set_busy(False)
        (self.passphrase.edit if username else self.username).setFocus()

    def submit(self) -> None:
        username, passphrase = self.username.text(), self.passphrase.text()
        if not username.strip():
            self.show_message("Enter your user name.")
            self.username.setFocus()
            return
        if not passphrase:
            self.show_message("Enter your passphrase.")
            self.passphrase.edit.setFocus()
            return
        self._run(lambda: self._deps.sign_in.sign_in(username, passphrase))

    def submit_with_device(self) -> None:
        username = self.username.text()
        if not username.strip():
            self.show_message("Enter your user name.")
            self.username.setFocus()
            return
        self._run(lambda: self._deps.sign_in.sign_in_with_device(username, self._deps.device))

    def recover(self) -> None:
        dialog = RecoveryDialog(self.username.text(), self)
        if not dialog.exec():
            return
        key, username = dialog.recovery_key.text(), dialog.username.text()
        passphrase = dialog.passphrase.text()
        self.username.setText(username)
        self._run(
            lambda: self._deps.sign_in.recover(key, username, passphrase, self._deps.kdf_policy)
        )

    def _run(self, attempt: Callable[[], SignedIn]) -> None:
        self._set_busy(True)
        self.message.hide()
        self._task = BackgroundTask(lambda _progress: self._attempt(attempt))
        self._task.succeeded.connect(self._finished)
        self._task.failed.connect(
            lambda kind: self._finished(f"Casebook could not open the vault ({kind}).")
        )
        self._task.start()

    @staticmethod
    def _attempt(attempt: Callable[[], SignedIn]) -> SignedIn | str:
        try:
            return attempt()
        except VaultError as error:
            return str(error)

    def _finished(self, outcome: object) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        if isinstance(outcome, SignedIn):
            self.signed_in.emit(outcome)
        else:
            self.show_message(str(outcome))
            self.passphrase.edit.setFocus()

    def show_message(self, text: str) -> None:
        announce(self.message, text, urgent=True)

    def _set_busy(self, busy: bool) -> None:
        self.sign_in_button.setEnabled(not busy)
        self.device_button.setEnabled(not busy)
        self.sign_in_button.setText("Signing in…" if busy else "Sign in")

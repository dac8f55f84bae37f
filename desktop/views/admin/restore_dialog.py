"""Restore a backup as a new vault beside the current one: check it, then restore with a
passphrase valid for that backup. (In place: `python main.py restore --in-place`, Casebook shut.)"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.backup.errors import BackupError
from desktop.backup.restore import RestoreResult, restore
from desktop.backup.verify import BackupReport, verify_backup
from desktop.clock import Clock
from desktop.vault.errors import VaultError
from desktop.views.common.announce import announce
from desktop.views.common.background_task import BackgroundTask
from desktop.views.common.passphrase_field import PassphraseField
from desktop.views.common.restyle import restyle


class RestoreDialog(QDialog):
    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._task: BackgroundTask | None = None
        self.setWindowTitle("Restore from a backup")
        self.backup = QLineEdit()
        self.backup.setAccessibleName("Backup folder")
        pick = QPushButton("Bro&wse…")
        pick.clicked.connect(self.pick_backup)
        self.check_button = QPushButton("&Check it")
        self.check_button.clicked.connect(self.check)
        self.target = QLineEdit()
        self.target.setAccessibleName("New vault folder")
        self.username = QLineEdit()
        self.username.setAccessibleName("User name in that backup")
        self.passphrase = PassphraseField("Passphrase for that backup", with_meter=False)
        self.report = QLabel("Choose a backup (a casebook-… folder on the backup drive).")
        self.report.setObjectName("hint")
        self.report.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.backup, 1)
        row.addWidget(pick)
        row.addWidget(self.check_button)
        form = QFormLayout()
        backup_label = QLabel("&Backup")
        backup_label.setBuddy(self.backup)
        form.addRow(backup_label, row)
        form.addRow("Restore &into", self.target)
        form.addRow("&User name", self.username)
        form.addRow("&Passphrase", self.passphrase)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        self.restore_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.restore_button.setText("Restore as a new vault")
        self.restore_button.clicked.connect(self.start_restore)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.report)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)

    def pick_backup(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Choose a backup", self.backup.text())
        if chosen:
            self.choose(Path(chosen))

    def choose(self, backup: Path) -> None:
        self.backup.setText(str(backup))
        if not self.target.text():
            self.target.setText(str(Path.home() / f"Casebook restored {backup.name}"))
        self.check()

    def _show(self, text: str, *, error: bool) -> None:
        restyle(self.report, "error" if error else "notice")
        announce(self.report, text, urgent=error)

    def check(self) -> None:
        """The files' integrity, without a passphrase; the full check comes with the restore.
        Hashing a backup of years (on a backup drive, perhaps over the network) takes a while:
        off the GUI thread."""
        if self._task is not None:
            return
        backup = Path(self.backup.text().strip())

        def work(_report: object) -> BackupReport | str:
            try:
                return verify_backup(backup)
            except BackupError as error:
                return str(error)

        self._run(work, self._checked, "Checking the backup…", "The check failed")

    def _checked(self, outcome: object) -> None:
        if isinstance(outcome, BackupReport):
            self._show("\n".join(outcome.lines), error=False)
        else:
            self._show(str(outcome), error=True)

    def start_restore(self) -> None:
        # No separate check first: restore() verifies the whole backup itself, in the worker.
        if self._task is not None:
            return
        if not self.username.text().strip() or not self.passphrase.text():
            self._show("Enter a user name and passphrase that open this backup.", error=True)
            return
        backup, target = Path(self.backup.text().strip()), Path(self.target.text().strip())
        username, passphrase = self.username.text().strip(), self.passphrase.text()
        self.passphrase.clear()

        def work(_report: object) -> RestoreResult | str:
            try:
                return restore(backup, target, username, passphrase, self._clock)
            except (BackupError, VaultError) as error:
                return str(error)

        self._run(work, self._restored, "Restoring…", "Restore failed")

    def _run(
        self,
        work: Callable[[object], object],
        done: Callable[[object], None],
        doing: str,
        failed: str,
    ) -> None:
        """One task at a time (a check or the restore), with both buttons off meanwhile."""
        self._busy(True)
        self._show(doing, error=False)
        self._task = BackgroundTask(work)
        self._task.succeeded.connect(done)
        self._task.failed.connect(lambda kind: done(f"{failed} ({kind})."))
        self._task.finished.connect(lambda: self._busy(False))
        self._task.start()

    def _busy(self, busy: bool) -> None:
        if not busy and self._task is not None:
            self._task.wait()  # finished: returns at once
            self._task = None
        self.check_button.setEnabled(not busy)
        self.restore_button.setEnabled(not busy)

    def reject(self) -> None:
        if self._task is not None:
            return  # still checking or restoring: the dialog and its thread stay until done
        super().reject()

    def _restored(self, outcome: object) -> None:
        if isinstance(outcome, RestoreResult):
            self._show(
                f"Restored into {outcome.folder}. Open it with "
                f'`casebook --vault "{outcome.folder}"`.',
                error=False,
            )
        else:
            self._show(str(outcome), error=True)

"""The last step before disposal: what goes, that it cannot be undone, the typed confirmation,
and the progress while the vault is rewritten (off the GUI thread)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.disposal_service import DisposalPreview, DisposalResult, DisposalService
from desktop.views.common.announce import announce
from desktop.views.common.background_task import BackgroundTask
from desktop.views.common.restyle import restyle

# Where DisposalService.dispose has committed the deletions and starts VACUUM.
PROGRESS_REWRITE = 60


class DisposalConfirmDialog(QDialog):
    def __init__(
        self, disposal: DisposalService, preview: DisposalPreview, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Dispose of the record for good")
        self.setMinimumWidth(520)
        self._disposal = disposal
        self._preview = preview
        self._task: BackgroundTask | None = None
        self._failure = ""
        self.result_: DisposalResult | None = None
        title = QLabel(f"<b>{preview.kind.label}:</b> {_escaped(preview.label)}")
        title.setWordWrap(True)
        self.warning = warning = QLabel(
            "Disposal removes the record and everything that belongs to it from the vault. "
            "<b>It cannot be undone.</b> Only a disposal log entry (kind, number, rule, who and "
            "when) is kept. Backups taken before today still hold the record until they are "
            "rotated out."
        )
        warning.setObjectName("error")
        warning.setWordWrap(True)
        listing = ", ".join(preview.lines)
        self.removes = QLabel(
            f"<b>What will be removed</b> ({preview.rows} rows): {_escaped(listing)}."
        )
        self.removes.setAccessibleName("What will be removed")
        self.removes.setTextFormat(Qt.TextFormat.RichText)
        self.removes.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(warning)
        layout.addWidget(self.removes)
        for note in preview.notes:
            line = QLabel(note)
            line.setWordWrap(True)
            layout.addWidget(line)
        prompt = QLabel(f"&Type {preview.confirm_text} to confirm:")
        self.confirmation = QLineEdit()
        self.confirmation.setAccessibleName("Confirmation")
        prompt.setBuddy(self.confirmation)
        layout.addWidget(prompt)
        layout.addWidget(self.confirmation)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName("Disposal progress")
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = QLabel()
        self.status.setObjectName("error")
        self.status.setWordWrap(True)
        self.status.hide()
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.dispose_button = QPushButton("&Dispose for good")
        self.dispose_button.setEnabled(False)
        self.buttons.addButton(self.dispose_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.rejected.connect(self.reject)
        self.dispose_button.clicked.connect(self.start)
        layout.addWidget(self.buttons)
        self.confirmation.textChanged.connect(self._typed)

    def _typed(self, text: str) -> None:
        self.dispose_button.setEnabled(
            text.strip().upper() == self._preview.confirm_text.upper() and self._task is None
        )

    def start(self) -> None:
        """Runs the disposal on its own thread: VACUUM of a large vault takes a while."""
        self.dispose_button.setEnabled(False)
        self.confirmation.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(False)
        self.status.hide()
        self.progress.setValue(0)
        self.progress.show()
        disposal, preview, typed = self._disposal, self._preview, self.confirmation.text()
        self._task = BackgroundTask(
            lambda report: disposal.dispose(preview.kind, preview.record_id, typed, report)
        )
        self._task.progressed.connect(self._progressed)
        self._task.succeeded.connect(self._done)
        self._task.failed.connect(self._failed)
        # Settled once the thread has stopped, so no thread outlives the dialog.
        self._task.finished.connect(self._settle)
        self._failure = ""
        self._task.start()

    def _progressed(self, value: int) -> None:
        self.progress.setValue(value)
        restyle(self.status, "notice")
        # Past the deletions (60) the file itself is rewritten: minutes on a large vault.
        self.status.setText(
            "Removing the record…"
            if value < PROGRESS_REWRITE
            else "Rewriting the vault file without it (this takes a while on a large vault)…"
        )
        self.status.show()

    def _done(self, result: object) -> None:
        assert isinstance(result, DisposalResult)
        self.result_ = result

    def _failed(self, message: str) -> None:
        # A ValueError's message says what to do; anything else only names the failure.
        self._failure = message if " " in message else f"The disposal did not complete ({message})."

    def _settle(self) -> None:
        if self._task is not None:
            self._task.wait()  # finished: returns at once
            self._task = None
        if self.result_ is not None:
            self.accept()
            return
        restyle(self.status, "error")
        announce(self.status, self._failure or "The disposal did not complete.", urgent=True)
        self.progress.hide()
        self.confirmation.setEnabled(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(True)
        self._typed(self.confirmation.text())

    def reject(self) -> None:
        if self._task is None:  # never walk away from a disposal half done
            super().reject()


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

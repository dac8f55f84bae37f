"""A dialog that writes one document off the GUI thread and says in place how it went: the
part the therapy and coaching document dialogs share."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QWidget

from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.vault.errors import VaultSaveError
from desktop.views.common.announce import announce
from desktop.views.common.background_task import BackgroundTask
from desktop.views.common.restyle import restyle

REMINDER = (
    "The exported file is outside the encrypted vault: keep it somewhere safe and delete it "
    "when it is no longer needed."
)


def default_folder() -> Path:
    """Where documents are saved unless the person picks another folder: their Documents."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


class DocumentSaveDialog(QDialog):
    """Subclasses build `message`, `save_button` and `buttons` (with a Close button), and may
    extend _busy() to freeze more of their form while the document is written."""

    message: QLabel
    save_button: QPushButton
    buttons: QDialogButtonBox

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._task: BackgroundTask | None = None
        self.saved_to: Path | None = None

    def start_saving(self, write: Callable[[], Path], not_found: str) -> None:
        """Runs `write` in the background; its refusals come back as words for the person,
        `not_found` when the record is out of their reach."""
        self._busy(True)
        self._show("Saving…", error=False)

        def work(_report: object) -> Path | str:
            try:
                return write()
            except (ValueError, PermissionDeniedError, VaultSaveError) as error:
                return str(error)
            except RecordNotFoundError:
                return not_found

        self._task = BackgroundTask(work)
        self._task.succeeded.connect(self._finished)
        self._task.failed.connect(lambda kind: self._finished(f"Saving failed ({kind})."))
        self._task.start()

    def _finished(self, outcome: object) -> None:
        self._busy(False)
        if isinstance(outcome, Path):
            self.saved_to = outcome
            self._show(f"Saved as {outcome.name}.", error=False)
        else:
            self._show(str(outcome), error=True)

    def reject(self) -> None:
        if self._task is not None and not self.save_button.isEnabled():
            return  # the document is still being written
        super().reject()

    def _busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setEnabled(not busy)

    def _show(self, text: str, *, error: bool) -> None:
        restyle(self.message, "error" if error else "notice")
        announce(self.message, text, urgent=error)
        self.adjustSize()  # grow with the message instead of squeezing the fields

"""Exporting a reviewed request: the Word pack and the disclosure log written into a folder off
the GUI thread (optionally password-protected), then the offer to mark the request sent."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.choices import SarStatus
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.services.sar_document_service import SarDocumentService, reference_of
from desktop.services.subject_access_service import SarRequestError, SubjectAccessService
from desktop.vault.errors import VaultSaveError
from desktop.views.common.announce import announce
from desktop.views.common.background_task import BackgroundTask
from desktop.views.common.document_password import DocumentPassword
from desktop.views.common.document_save_dialog import REMINDER, default_folder
from desktop.views.common.restyle import restyle

# Given the dialog and the folder offered first, the folder chosen (None when cancelled).
FolderChooser = Callable[[QWidget, str], Path | None]
NOT_FOUND = "This request is no longer open to you."


def choose_folder(parent: QWidget, start: str) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, "Export the pack into", start)
    return Path(chosen) if chosen else None


def pack_name(request_id: int) -> str:
    """File names say which request (as the pack prints it), never whose: the folder may be
    shared or synced."""
    return f"{reference_of(request_id)}-pack.docx"


def log_name(request_id: int) -> str:
    return f"{reference_of(request_id)}-disclosure-log.docx"


class SarExportDialog(QDialog):
    def __init__(
        self,
        requests: SubjectAccessService,
        documents: SarDocumentService,
        request_id: int,
        parent: QWidget | None = None,
        choose: FolderChooser = choose_folder,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Export {reference_of(request_id)}")
        self._requests = requests
        self._documents = documents
        self._request_id = request_id
        self._choose = choose
        self._task: BackgroundTask | None = None
        self.written: tuple[Path, Path] | None = None
        about = QLabel(
            f"Writes the pack ({pack_name(request_id)}) and the disclosure log "
            f"({log_name(request_id)}) into the folder you choose. Files of the same name "
            "there are replaced."
        )
        about.setObjectName("hint")
        about.setWordWrap(True)
        start = default_folder()
        self.folder = QLineEdit(str(start if start.is_dir() else Path.home()))
        self.folder.setAccessibleName("Folder")
        self.folder.setReadOnly(True)
        self.choose_button = QPushButton("Choose &folder…")
        self.choose_button.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_button)
        self.password_box = DocumentPassword()
        reminder = QLabel(REMINDER)
        reminder.setObjectName("hint")
        reminder.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Export progress")
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)  # the message under it says what is happening
        self.progress.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            "&Export", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        self.sent_button = self.buttons.addButton(
            "Mark the request &sent", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.sent_button.hide()
        self.sent_button.clicked.connect(self.mark_sent)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(folder_row)
        layout.addWidget(self.password_box)
        layout.addWidget(reminder)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def _choose_folder(self) -> None:
        chosen = self._choose(self, self.folder.text())
        if chosen is not None:
            self.folder.setText(str(chosen))

    def export(self) -> None:
        problem = self.password_box.problem()
        if problem:
            self._show(problem, error=True)
            return
        folder = Path(self.folder.text())
        if not folder.is_dir():
            self._show("That folder does not exist: choose another.", error=True)
            return
        request_id, password, documents = (
            self._request_id,
            self.password_box.chosen(),
            self._documents,
        )

        def work(report: Callable[[int], None]) -> tuple[Path, Path] | str:
            try:
                report(5)
                pack = documents.export_pack(request_id, folder / pack_name(request_id), password)
                report(55)
                log = documents.export_disclosure_log(
                    request_id, folder / log_name(request_id), password
                )
                report(100)
                return pack, log
            except (ValueError, PermissionDeniedError, VaultSaveError) as error:
                return str(error)
            except RecordNotFoundError:
                return NOT_FOUND

        self._busy(True)
        self._show("Writing the pack and the disclosure log…", error=False)
        self._task = BackgroundTask(work)
        self._task.progressed.connect(self.progress.setValue)
        self._task.succeeded.connect(self._finished)
        self._task.failed.connect(lambda kind: self._finished(f"Export failed ({kind})."))
        self._task.start()

    def _finished(self, outcome: object) -> None:
        self._busy(False)
        if isinstance(outcome, tuple):
            pack, log = outcome
            self.written = (pack, log)
            self._show(
                f"Saved {pack.name} and {log.name}. When the pack has gone to the requester, "
                "mark the request sent.",
                error=False,
            )
            self.sent_button.show()
            self.sent_button.setFocus()
        else:
            self.progress.hide()
            self._show(str(outcome), error=True)

    def mark_sent(self) -> None:
        try:
            self._requests.set_status(self._request_id, SarStatus.SENT)
        except (SarRequestError, PermissionDeniedError, RecordNotFoundError) as error:
            self._show(str(error), error=True)
            return
        self.sent_button.setEnabled(False)
        self._show("The request is marked sent.", error=False)

    def reject(self) -> None:
        if self._task is not None and not self.export_button.isEnabled():
            return  # the files are still being written
        super().reject()

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy or self.progress.value() == 100)
        if busy:
            self.progress.setValue(0)
        for widget in (self.export_button, self.choose_button, self.password_box):
            widget.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setEnabled(not busy)

    def _show(self, text: str, *, error: bool) -> None:
        restyle(self.message, "error" if error else "notice")
        announce(self.message, text, urgent=error)
        self.adjustSize()

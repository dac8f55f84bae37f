"""A dialog that saves one Word document: what it holds, any choices of its own, an optional
password, the reminder that the file leaves the vault, and the writing done off the GUI thread.
The meeting, insight and strategy report dialogs are this with their own words and writer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.views.common.document_password import DocumentPassword
from desktop.views.common.document_save_dialog import REMINDER, DocumentSaveDialog, default_folder
from desktop.views.common.path_choosers import PathChooser
from desktop.views.therapy.therapy_document_dialog import choose_docx_path

# Given the chosen path and password, writes the document and returns the path written.
Writer = Callable[[Path, str | None], Path]


class ProtectedDocumentDialog(DocumentSaveDialog):
    def __init__(
        self,
        title: str,
        about: str,
        file_name: str,
        not_found: str,
        parent: QWidget | None = None,
        choose_path: PathChooser = choose_docx_path,
        extras: Sequence[QWidget] = (),
        program: str = "Word",
    ) -> None:
        """file_name is the default, which holds no personal data; extras go under `about`."""
        super().__init__(parent)
        self._file_name = file_name
        self._not_found = not_found
        self._extras = tuple(extras)
        self.choose_path = choose_path  # the native Save As dialog, unless a test stands in
        self.setWindowTitle(title)
        hint = QLabel(about)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.password_box = DocumentPassword(program=program)
        reminder = QLabel(REMINDER)
        reminder.setObjectName("hint")
        reminder.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("&Save as…")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        for extra in self._extras:
            layout.addWidget(extra)
        layout.addWidget(self.password_box)
        layout.addWidget(reminder)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def writer(self) -> Writer:
        """Read on the GUI thread: what the worker thread will call (no widget in it)."""
        raise NotImplementedError

    def save(self) -> None:
        problem = self.password_box.problem()
        if problem:
            self._show(problem, error=True)
            return
        target = self.choose_path(self, str(default_folder() / self._file_name))
        if target is None:
            return
        write, password = self.writer(), self.password_box.chosen()
        self.start_saving(lambda: write(target, password), self._not_found)

    def _busy(self, busy: bool) -> None:
        super()._busy(busy)
        self.password_box.setEnabled(not busy)
        for extra in self._extras:
            extra.setEnabled(not busy)

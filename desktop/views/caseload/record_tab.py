"""What every tab of a young person's record shares: the services, the record, and a way to say
that the record changed (so the header with status and RAG is redrawn)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from desktop.services.bundle import Services
from desktop.services.people_service import PersonRecord


class RecordTab(QWidget):
    """Subclasses build their widgets in __init__ and load rows in reload()."""

    record_changed = Signal()  # status, RAG or anything the header shows has changed

    def __init__(self, services: Services, record: PersonRecord, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.record = record

    def reload(self) -> None:
        """Fetch the tab's rows again (after a change made here or elsewhere)."""

    def save_drafts(self) -> None:
        """Keep any unsaved text as a draft (called when the vault locks)."""

    def refuse(self, error: Exception) -> None:
        """A service said no: show its message (safe to show; it holds no personal data)."""
        QMessageBox.warning(self, "Casebook", str(error))


def error_label() -> QLabel:
    """The red line a dialog shows its problems in."""
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.hide()
    return label

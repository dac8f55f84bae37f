"""When a note being typed is saved: shortly after the typing pauses, and at the latest a few
seconds after the first unsaved change, so a crash or power cut loses only those seconds."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

# A pause this long in the typing saves at once.
PAUSE_MS = 1500
# Never more than this much typing unsaved, however long the typing runs on.
LONGEST_UNSAVED_MS = 4000


class Autosave(QObject):
    """Emits `due` when the changes so far should be saved; `saved()` says they were."""

    due = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        pause_ms: int = PAUSE_MS,
        longest_ms: int = LONGEST_UNSAVED_MS,
    ) -> None:
        super().__init__(parent)
        self._pause = QTimer(self, singleShot=True, interval=pause_ms)
        self._longest = QTimer(self, singleShot=True, interval=longest_ms)
        self._pause.timeout.connect(self._fire)
        self._longest.timeout.connect(self._fire)
        self.pending = False

    def changed(self) -> None:
        self.pending = True
        self._pause.start()
        if not self._longest.isActive():
            self._longest.start()

    def saved(self) -> None:
        self.pending = False
        self._pause.stop()
        self._longest.stop()

    def _fire(self) -> None:
        if self.pending:
            self.due.emit()

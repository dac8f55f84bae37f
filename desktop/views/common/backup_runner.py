"""Runs a backup off the GUI thread, with progress, cancel, and a bounded wait at closing."""

from __future__ import annotations

import threading

from PySide6.QtCore import QElapsedTimer, QEventLoop, QObject, QTimer, Signal

from desktop.backup.errors import BackupError
from desktop.services.backup_service import BackupResult, BackupService
from desktop.views.common.background_task import BackgroundTask


class BackupRunner(QObject):
    progressed = Signal(int)
    succeeded = Signal(object)  # BackupResult
    failed = Signal(str)  # a message fit to show (no personal data)
    finished = Signal()

    def __init__(self, backup: BackupService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backup = backup
        self._task: BackgroundTask | None = None
        self._cancel = threading.Event()

    @property
    def running(self) -> bool:
        return self._task is not None

    def start(self) -> bool:
        """False when one is already running (a second press, or the timer while one runs)."""
        if self._task is not None:
            return False
        self._cancel.clear()
        task = BackgroundTask(self._work)
        task.progressed.connect(self.progressed)
        task.succeeded.connect(self._done)
        task.failed.connect(self.failed)
        task.finished.connect(self._finished)
        self._task = task
        task.start()
        return True

    def cancel(self) -> None:
        self._cancel.set()

    def finish_within(self, milliseconds: int) -> bool:
        """At closing: wait a little for a running backup, then cancel it (it cleans up)."""
        if self._task is None:
            return True
        loop = QEventLoop()
        self.finished.connect(loop.quit)
        QTimer.singleShot(milliseconds, loop.quit)
        clock = QElapsedTimer()
        clock.start()
        loop.exec()
        if self._task is not None:
            self._cancel.set()
            self._task.wait()  # cancelling stops at the next file or chunk: quick
        return clock.elapsed() < milliseconds

    def _work(self, report: object) -> BackupResult | str:
        try:
            return self._backup.run_backup(
                progress=report if callable(report) else None, cancelled=self._cancel.is_set
            )
        except BackupError as error:
            return str(error)

    def _done(self, outcome: object) -> None:
        if isinstance(outcome, BackupResult):
            self.succeeded.emit(outcome)
        else:
            self.failed.emit(str(outcome))

    def _finished(self) -> None:
        self._task = None
        self.finished.emit()

"""Runs slow work off the GUI thread and reports progress, result or a safe error message."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from desktop.logging_setup import LOG, describe_exception


class _Worker(QObject):
    progressed = Signal(int)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Callable[[Callable[[int], None]], Any]) -> None:
        super().__init__()
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(self.progressed.emit)
        except Exception as error:  # noqa: BLE001 - reported to the user, not swallowed
            LOG.error("background task failed: %s", describe_exception(error))
            message = str(error) if isinstance(error, ValueError) else type(error).__name__
            self.failed.emit(message)
        else:
            self.succeeded.emit(result)


class BackgroundTask(QObject):
    """One piece of work on its own thread. Keep a reference until finished fires."""

    progressed = Signal(int)
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, work: Callable[[Callable[[int], None]], Any], parent: QObject | None = None):
        super().__init__(parent)
        self._thread = QThread()
        self._worker = _Worker(work)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self.progressed)
        self._worker.succeeded.connect(self.succeeded)
        self._worker.failed.connect(self.failed)
        self._worker.succeeded.connect(self._thread.quit)
        self._worker.failed.connect(self._thread.quit)
        self._thread.finished.connect(self.finished)

    def start(self) -> None:
        self._thread.start()

    def wait(self) -> None:
        self._thread.wait()


# Tasks started by widgets that may be gone before the work is (a panel torn down at lock):
# held here until their thread has finished (a QThread destroyed while running would abort).
_detached: set[BackgroundTask] = set()


def start_detached(task: BackgroundTask) -> None:
    """Starts a task made without a parent and keeps it until its thread has finished; its
    signals reach their receivers only while those still exist."""
    _detached.add(task)
    task.finished.connect(lambda: QTimer.singleShot(0, lambda: _release(task)))
    task.start()


def _release(task: BackgroundTask) -> None:
    task.wait()  # its thread has finished; this returns at once
    _detached.discard(task)

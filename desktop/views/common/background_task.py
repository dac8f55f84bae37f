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
    """One piece of work on its own thread.

    It has no Qt parent and holds itself from start until its thread has finished: whatever
    started it (a dialog, a panel) may be closed and deleted first, and a QThread destroyed
    while it runs aborts the whole process. Signals reach their receivers while they exist."""

    progressed = Signal(int)
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, work: Callable[[Callable[[int], None]], Any]) -> None:
        super().__init__()
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
        _running.add(self)
        # finished comes to this object's (the GUI) thread once the work's thread has ended.
        self.finished.connect(lambda: QTimer.singleShot(0, lambda: _release(self)))
        self._thread.start()

    def wait(self) -> None:
        self._thread.wait()


# Every task whose thread is running (see BackgroundTask).
_running: set[BackgroundTask] = set()


def _release(task: BackgroundTask) -> None:
    task.wait()  # its thread has finished; this returns at once
    # finished fires once: its connections (this release among them) would keep the task alive.
    task.finished.disconnect()
    _running.discard(task)

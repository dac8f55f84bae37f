"""Shows "could not save" (full disk, vanished folder) wherever in the GUI a save fails.

The engine turns those storage faults into VaultSaveError (desktop/store/engine.py). Forms that
list their refusals show it inline; from anywhere else it reaches sys.excepthook, because Qt
hands a slot's exception there. Catching it here, once, means no try/except around every
service call, and the form that was saving stays open with what was typed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_NAME
from desktop.logging_setup import LOG
from desktop.vault.errors import VaultSaveError

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def save_failure_hook(previous: ExceptHook) -> ExceptHook:
    """An excepthook that explains a failed save and hands anything else to `previous`."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if not isinstance(error, VaultSaveError):
            previous(kind, error, trace)
            return
        # Logged without detail: the cause is the disk or the drive, not Casebook's data.
        LOG.warning("a save failed: the disk is full or the vault's folder is not reachable")
        QMessageBox.warning(QApplication.activeWindow(), APP_NAME, str(error))

    return hook


def install_save_failure_notice() -> None:
    sys.excepthook = save_failure_hook(sys.excepthook)

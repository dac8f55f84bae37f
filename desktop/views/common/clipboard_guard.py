"""Clears the clipboard on lock, but only if what it holds was copied from Casebook."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QObject
from PySide6.QtGui import QClipboard, QGuiApplication


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


class ClipboardGuard(QObject):
    """Remembers a digest (never the text) of each copy made while Casebook has focus."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours: bytes | None = None
        self._clipboard: QClipboard = QGuiApplication.clipboard()
        self._clipboard.dataChanged.connect(self._changed)

    def _changed(self) -> None:
        text = self._clipboard.text()
        if text and QGuiApplication.focusWindow() is not None:
            self._ours = _digest(text)
        else:
            self._ours = None

    def clear_if_ours(self) -> bool:
        text = self._clipboard.text()
        if self._ours is not None and text and _digest(text) == self._ours:
            self._clipboard.clear()
            self._ours = None
            return True
        return False

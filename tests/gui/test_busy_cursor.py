"""The wait cursor shows while the work runs and is restored however the work ends."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop.views.common.busy_cursor import busy_cursor


def test_the_cursor_waits_during_the_work_and_comes_back_after_a_failure(
    qapp: QApplication,
) -> None:
    assert QGuiApplication.overrideCursor() is None
    with busy_cursor():
        cursor = QGuiApplication.overrideCursor()
        assert cursor is not None and cursor.shape() is Qt.CursorShape.WaitCursor
    assert QGuiApplication.overrideCursor() is None
    with pytest.raises(ValueError), busy_cursor():
        raise ValueError("the count was refused")
    assert QGuiApplication.overrideCursor() is None

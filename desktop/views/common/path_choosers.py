"""The native file dialogs a view asks for a path with, as plain functions a test can stand in
for: (parent, suggested path) -> the chosen path, or None when the person cancels."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

PathChooser = Callable[[QWidget, str], Path | None]


def save_path_chooser(caption: str, file_filter: str) -> PathChooser:
    def choose(parent: QWidget, suggested: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(parent, caption, suggested, file_filter)
        return Path(chosen) if chosen else None

    return choose


def open_path_chooser(caption: str, file_filter: str) -> PathChooser:
    def choose(parent: QWidget, start: str) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(parent, caption, start, file_filter)
        return Path(chosen) if chosen else None

    return choose

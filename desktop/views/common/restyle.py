"""Changing a widget's style-sheet role (objectName) after it is shown needs a re-polish."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def restyle(widget: QWidget, object_name: str) -> None:
    widget.setObjectName(object_name)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()

"""Column headings for a table model: the text, and numbers' headings aligned right over them."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from PySide6.QtCore import Qt


def column_header(
    headers: Sequence[str],
    right_aligned: Collection[int],
    section: int,
    orientation: Qt.Orientation,
    role: int,
) -> Any:
    """What a model's headerData gives for a horizontal heading (None for anything else)."""
    if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(headers):
        return None
    if role == Qt.ItemDataRole.DisplayRole:
        return headers[section]
    if role == Qt.ItemDataRole.TextAlignmentRole and section in right_aligned:
        return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    return None

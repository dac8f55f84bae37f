"""A card below a tab's table that shows the chosen row's longer fields in full."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget


class DetailCard(QScrollArea):
    """Pairs of (heading, text); empty texts are left out. Selectable, never editable."""

    def __init__(self, name: str, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._placeholder = placeholder
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName(name)
        inner = QWidget()
        inner.setObjectName("detailInner")
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.text)
        layout.addStretch(1)
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setObjectName("card")
        self.setStyleSheet(
            "QScrollArea#card{background:palette(base);border:1px solid palette(mid);"
            "border-radius:6px;}"
            "QWidget#detailInner{background:palette(base);}"
        )
        self.show_pairs([])

    def show_pairs(self, pairs: list[tuple[str, str]]) -> None:
        shown = [(heading, text.strip()) for heading, text in pairs if text.strip()]
        if not shown:
            self.text.setText(
                f"<span style='color:#5f6b7a'>{html.escape(self._placeholder)}</span>"
            )
            return
        self.text.setText(
            "".join(
                f"<p style='margin:0 0 6px 0'><b>{html.escape(heading)}</b><br>"
                f"{html.escape(text).replace(chr(10), '<br>')}</p>"
                for heading, text in shown
            )
        )

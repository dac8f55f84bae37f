"""A passphrase entry with a show/hide toggle and a live strength meter."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.vault import passphrase_policy

METER_COLOURS = ("#c53030", "#dd6b20", "#d69e2e", "#38a169", "#276749")


class PassphraseField(QWidget):
    changed = Signal(str)

    def __init__(
        self, accessible_name: str, *, with_meter: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAccessibleName(accessible_name)
        self.setFocusProxy(self.edit)  # labels' mnemonics and tab order land in the text
        self._toggle = QToolButton()
        self._toggle.setText("Show")
        self._toggle.setCheckable(True)
        self._toggle.setAccessibleName(f"Show {accessible_name.lower()}")
        self._toggle.toggled.connect(self._show_text)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self._toggle)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        column.addLayout(row)
        self._meter: QProgressBar | None = None
        self._verdict = QLabel()
        self._verdict.setObjectName("hint")
        self._verdict.setWordWrap(True)
        if with_meter:
            self._meter = QProgressBar()
            self._meter.setRange(0, 4)
            self._meter.setTextVisible(False)
            self._meter.setAccessibleName("Passphrase strength")
            column.addWidget(self._meter)
            column.addWidget(self._verdict)
        self.edit.textChanged.connect(self._update)
        self._update("")

    def text(self) -> str:
        return self.edit.text()

    def clear(self) -> None:
        self.edit.clear()

    def _show_text(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.edit.setEchoMode(mode)
        self._toggle.setText("Hide" if shown else "Show")

    def _update(self, text: str) -> None:
        self.changed.emit(text)
        if self._meter is None:
            return
        verdict = passphrase_policy.strength(text)
        self._meter.setValue(verdict.score if text else 0)
        colour = METER_COLOURS[verdict.score]
        self._meter.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        length_note = ""
        if text and len(text) < passphrase_policy.MIN_LENGTH:
            length_note = f"{passphrase_policy.MIN_LENGTH - len(text)} more characters needed. "
        label = f"Strength: {verdict.label}. " if text else ""
        self._verdict.setText(f"{label}{length_note}{verdict.advice}".strip())
        self._meter.setAccessibleDescription(verdict.label)

"""About Casebook: version and what it is."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop import __version__


class AboutDialog(QDialog):
    def __init__(self, icon: QIcon, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Casebook")
        logo = QLabel()
        logo.setPixmap(icon.pixmap(64, 64))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(
            f"<h2>Casebook {__version__}</h2>"
            "<p>Secure case management for the Integrated Gangs and Exploitation Unit.</p>"
            "<p>Every record is kept in an encrypted vault on this computer. "
            "Handle printed and exported documents as OFFICIAL-SENSITIVE.</p>"
            f"<p style='color:#4a5563'>Python {platform.python_version()} · "
            f"Qt for Python {pyside_version}</p>"
        )
        self.text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(logo)
        row.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(440, 220)

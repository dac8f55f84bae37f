"""The optional password an exported document can be protected with: a tick box and the
password typed twice. Word asks for it when the file is opened."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget


class DocumentPassword(QGroupBox):
    def __init__(self, parent: QWidget | None = None, program: str = "Word") -> None:
        super().__init__(f"Password (optional: {program} asks for it on opening)", parent)
        self.protect = QCheckBox("Protect the file with a &password")
        self.password = QLineEdit()
        self.password.setAccessibleName("Password")
        self.confirmation = QLineEdit()
        self.confirmation.setAccessibleName("Password again")
        form = QFormLayout(self)
        form.addRow(self.protect)
        for text, line in (("Pass&word", self.password), ("A&gain", self.confirmation)):
            line.setEchoMode(QLineEdit.EchoMode.Password)
            line.setEnabled(False)
            self.protect.toggled.connect(line.setEnabled)
            label = QLabel(text)
            label.setBuddy(line)
            form.addRow(label, line)

    def chosen(self) -> str | None:
        """The password to protect the file with, or None when it is not to be protected."""
        return self.password.text() if self.protect.isChecked() else None

    def problem(self) -> str:
        """What is wrong with what was typed, in words for the person; "" when nothing is."""
        if not self.protect.isChecked():
            return ""
        if not self.password.text():
            return "Enter a password, or untick password protection."
        if self.password.text() != self.confirmation.text():
            return "The two passwords do not match."
        return ""

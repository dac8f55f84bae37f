"""Help › Keyboard shortcuts: every shortcut in one list."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

# A fixed, short list: a QTableWidget is fine here (it never grows with the data).
SHORTCUTS = (
    ("Ctrl+L", "Lock Casebook now"),
    ("Ctrl+Q", "Quit (signs out)"),
    ("F1", "This list of shortcuts"),
    ("Ctrl+F", "Search the caseload"),
    ("Ctrl+N", "New young person (caseload)"),
    ("Enter", "Open the selected record"),
    ("Ctrl+S", "Save the open form"),
    ("Esc", "Back to the list (unsaved text is kept as a draft)"),
    ("Alt + underlined letter", "Jump to a field or button"),
)


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        table = QTableWidget(len(SHORTCUTS), 2)
        table.setHorizontalHeaderLabels(["Keys", "Does"])
        table.setAccessibleName("Keyboard shortcuts")
        table.verticalHeader().hide()
        for row, (keys, meaning) in enumerate(SHORTCUTS):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(meaning))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(480, 380)

"""Records that may be the young person about to be added: open one, or break glass."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.duplicate_check import PossibleMatch

MAX_ROWS = 4
MESSAGE = (
    "These records may be the same young person. Open one instead, or press Save again to "
    "add a new record."
)


class PossibleMatchesPanel(QFrame):
    """Shown above a new young person's form when Save finds look-alikes."""

    open_person = Signal(int)
    break_glass = Signal(str)  # the case reference of a restricted match

    def __init__(self, can_break_glass: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self._matches: list[PossibleMatch] = []
        self.message = QLabel(MESSAGE)
        self.message.setObjectName("warning")
        self.message.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Possible matches")
        self.list.currentRowChanged.connect(self._update_buttons)
        self.list.itemActivated.connect(lambda _item: self._go())
        # Mnemonics the form around it does not use.
        self.open_button = QPushButton("O&pen this record")
        self.open_button.clicked.connect(self._go)
        self.glass_button = QPushButton("Open wit&h break glass…")
        self.glass_button.setToolTip(
            "A restricted record: open it with a reason, which the coordinator sees"
        )
        self.glass_button.clicked.connect(self._go)
        self.glass_button.setVisible(can_break_glass)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.glass_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.hide()

    def show_matches(self, matches: list[PossibleMatch]) -> None:
        self._matches = list(matches)
        self.list.clear()
        for match in matches:
            item = QListWidgetItem(match.description)
            item.setData(Qt.ItemDataRole.UserRole, match.case_reference)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        # As tall as its rows (up to MAX_ROWS, then it scrolls): the form keeps the room.
        rows = max(1, min(len(matches), MAX_ROWS))
        # Measured from the font: a hidden list's own row size hint ignores the style sheet.
        row_height = max(self.list.sizeHintForRow(0), self.list.fontMetrics().height() + 10)
        self.list.setFixedHeight(rows * row_height + 2 * self.list.frameWidth() + 4)
        self._update_buttons()
        self.setVisible(bool(matches))

    def chosen(self) -> PossibleMatch | None:
        row = self.list.currentRow()
        return self._matches[row] if 0 <= row < len(self._matches) else None

    def _update_buttons(self) -> None:
        match = self.chosen()
        self.open_button.setEnabled(match is not None and not match.restricted)
        self.glass_button.setEnabled(match is not None and match.restricted)

    def _go(self) -> None:
        match = self.chosen()
        if match is None:
            return
        if match.restricted:
            if self.glass_button.isVisible():
                self.break_glass.emit(match.case_reference)
        elif match.young_person_id is not None:
            self.open_person.emit(match.young_person_id)

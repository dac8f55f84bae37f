"""The dialog to add a task on a case: what needs doing, by whom, by when."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from desktop.views.caseload.tabs.dialog_fields import date_field, date_of, staff_combo, text_area
from desktop.views.caseload.tabs.saving_dialog import SavingDialog

DEFAULT_DUE = timedelta(days=7)


class TaskDialog(SavingDialog):
    def __init__(
        self, staff: list[tuple[int, str]], me: int, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__("Add task", parent)
        self.title = QLineEdit()
        self.title.setAccessibleName("Task")
        self.title.setPlaceholderText("What needs doing, e.g. Book a return-home interview")
        self.owner = staff_combo(staff, me)
        self.owner.setAccessibleName("Owner")
        self.due_on = date_field(today + DEFAULT_DUE, empty_text="No due date")
        self.due_on.setAccessibleName("Due")
        self.detail = text_area("Anything the owner needs to know", 3)
        self.detail.setAccessibleName("Detail")
        self.form.addRow("&Task", self.title)
        self.form.addRow("&Owner", self.owner)
        self.form.addRow("D&ue", self.due_on)
        self.form.addRow("&Detail", self.detail)
        note = QLabel(
            "The owner must be able to open this young person's record; Casebook says so if not."
        )
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.form.addRow("", note)
        self.title.setFocus()

    def owner_id(self) -> int:
        owner = self.owner.currentData()
        assert isinstance(owner, int)
        return owner

    def due(self) -> date | None:
        return date_of(self.due_on)

    def problems(self) -> list[str]:
        return [] if self.title.text().strip() else ["Say what needs doing."]

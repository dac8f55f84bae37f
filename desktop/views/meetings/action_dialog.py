"""The dialog to add or edit a meeting's action: what, who (staff or another agency's person),
when by, about which young person, and how far it has got."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QWidget

from desktop.models.choices import ActionStatus
from desktop.services.meeting_records import ActionInput, MeetingActionRow
from desktop.views.caseload.tabs.dialog_fields import date_field, date_of, staff_combo, text_area
from desktop.views.caseload.tabs.tab_parts import hint
from desktop.views.coaching.coaching_plan_parts import choice_combo
from desktop.views.meetings.meeting_dialogs import line
from desktop.views.meetings.meeting_parts import MeetingSavingDialog

OTHER_AGENCY = "Someone from another agency"


class MeetingActionDialog(MeetingSavingDialog):
    def __init__(
        self,
        staff: list[tuple[int, str]],
        people: list[tuple[int, str]],
        today: date,
        current: MeetingActionRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Add action" if current is None else "Edit action", parent)
        self.description = text_area("What needs doing", 2)
        self.description.setAccessibleName("Action")
        self.owner = staff_combo(staff, current.owner_id if current else None, OTHER_AGENCY)
        self.owner.setAccessibleName("Owner")
        typed = current.owner_name if current and current.owner_id is None else ""
        self.owner_name = line(typed, "Owner's name", "Name and agency")
        self.due_on = date_field(current.due_on if current else None, empty_text="No due date")
        self.due_on.setAccessibleName("Due")
        self.person = QComboBox()
        self.person.setAccessibleName("Young person")
        self.person.addItem("Not about one young person", None)
        for person_id, text in people:
            self.person.addItem(text, person_id)
        self.status = choice_combo(
            list(ActionStatus), current.status if current else ActionStatus.TO_DO, "Status"
        )
        if current is not None:
            self.description.setPlainText(current.description)
            self.person.setCurrentIndex(max(self.person.findData(current.person_id), 0))
        self.form.addRow("&Action", self.description)
        self.form.addRow("&Owner", self.owner)
        self.form.addRow("Owner's &name", self.owner_name)
        self.form.addRow("&Due", self.due_on)
        self.form.addRow("&Young person", self.person)
        self.form.addRow(
            hint("An action about a young person owned by staff is also a task on their case.")
        )
        if current is not None:
            self.form.addRow("&Status", self.status)
        else:
            self.status.hide()
        self.setMinimumWidth(580)
        self.owner.currentIndexChanged.connect(self._owner_changed)
        self._owner_changed()
        self.description.setFocus()

    def owner_id(self) -> int | None:
        data = self.owner.currentData()
        return int(data) if data is not None else None

    def chosen_status(self) -> ActionStatus:
        return ActionStatus(self.status.currentData())

    def details(self) -> ActionInput:
        person = self.person.currentData()
        owner_id = self.owner_id()
        return ActionInput(
            self.description.toPlainText(),
            self.owner_name.text() if owner_id is None else "",
            owner_id,
            date_of(self.due_on),
            int(person) if person is not None else None,
        )

    def problems(self) -> list[str]:
        return self.details().problems()

    def _owner_changed(self) -> None:
        self.owner_name.setEnabled(self.owner_id() is None)

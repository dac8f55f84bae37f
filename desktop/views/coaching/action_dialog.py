"""The dialog to add or edit an action towards a goal: what is to be done, who does it (the
young person, the coach or another agency), when by, and how far it has got."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.models.choices import ActionOwner, ActionStatus
from desktop.services.coaching_records import ActionInput, ActionRow
from desktop.views.caseload.tabs.dialog_fields import date_field, date_of, text_area
from desktop.views.caseload.tabs.tab_parts import hint
from desktop.views.coaching.coaching_plan_parts import CoachingSavingDialog, choice_combo

DEFAULT_DUE_DAYS = 7  # a new step is due within the week unless said otherwise


class ActionDialog(CoachingSavingDialog):
    def __init__(
        self,
        goal: str,
        today: date,
        current: ActionRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Add action" if current is None else "Edit action", parent)
        details = (
            current.details()
            if current
            else ActionInput("", due_on=today + timedelta(days=DEFAULT_DUE_DAYS))
        )
        self.description = text_area("One small step: “Book the CSCS test”", 2)
        self.description.setAccessibleName("Action")
        self.description.setPlainText(details.description)
        self.owner = choice_combo(list(ActionOwner), details.owner, "Who does it")
        self.agency = QLineEdit(details.agency)
        self.agency.setMaxLength(200)
        self.agency.setPlaceholderText("The agency's name")
        self.agency.setAccessibleName("Agency")
        self.due_on = date_field(details.due_on, empty_text="No due date")
        self.due_on.setAccessibleName("Due")
        self.status = choice_combo(list(ActionStatus), details.status, "Status")
        self.form.addRow(hint(f"Towards: {goal}", wrap=True))
        self.form.addRow("&Action", self.description)
        self.form.addRow("&Who does it", self.owner)
        self.form.addRow("A&gency", self.agency)
        self.form.addRow("&Due", self.due_on)
        self.form.addRow("&Status", self.status)
        self.setMinimumWidth(540)
        self.owner.currentIndexChanged.connect(self._owner_changed)
        self._owner_changed()
        self.description.setFocus()

    def chosen_owner(self) -> ActionOwner:
        return ActionOwner(self.owner.currentData())  # Qt keeps the code as a str

    def details(self) -> ActionInput:
        return ActionInput(
            self.description.toPlainText(),
            self.chosen_owner(),
            self.agency.text(),
            date_of(self.due_on),
            ActionStatus(self.status.currentData()),
        )

    def problems(self) -> list[str]:
        return self.details().problems()

    def _owner_changed(self) -> None:
        # Only another agency's action names one.
        self.agency.setEnabled(self.chosen_owner() is ActionOwner.OTHER_AGENCY)

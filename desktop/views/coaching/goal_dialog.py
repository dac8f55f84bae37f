"""The dialog to add or edit a SMART goal: what the young person wants to achieve, how progress
is measured, the target date and, when editing, whether it is still active."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.models.choices import GoalStatus
from desktop.services.coaching_records import GoalInput, GoalRow
from desktop.views.caseload.tabs.dialog_fields import date_field, date_of, text_area
from desktop.views.caseload.tabs.tab_parts import hint
from desktop.views.coaching.coaching_plan_parts import CoachingSavingDialog, choice_combo

# A new goal's target: about three months on, a usual span for a SMART goal.
DEFAULT_TARGET_WEEKS = 12


class GoalDialog(CoachingSavingDialog):
    def __init__(
        self, today: date, current: GoalRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__("Add goal" if current is None else "Edit goal", parent)
        details = (
            current.details()
            if current
            else GoalInput("", target_on=today + timedelta(weeks=DEFAULT_TARGET_WEEKS))
        )
        self.description = text_area("Specific and realistic: “Get my CSCS card”", 2)
        self.description.setAccessibleName("Goal")
        self.description.setPlainText(details.description)
        self.measure = QLineEdit(details.measure)
        self.measure.setPlaceholderText("How we will know: “Card in hand”, “Offer letter”")
        self.measure.setAccessibleName("How it is measured")
        # A target already set stays allowed even once it has passed (editing the wording).
        earliest = min(today, details.target_on) if details.target_on else today
        self.target_on = date_field(details.target_on, earliest=earliest)
        self.target_on.setAccessibleName("Target date")
        self.status = choice_combo(
            list(GoalStatus), current.status if current else GoalStatus.ACTIVE, "Status"
        )
        self.form.addRow(
            hint("SMART: specific, measurable, achievable, relevant and time-bound.", wrap=True)
        )
        self.form.addRow("&Goal", self.description)
        self.form.addRow("&Measured by", self.measure)
        self.form.addRow("&Target date", self.target_on)
        if current is not None:
            self.form.addRow("&Status", self.status)
        else:
            self.status.hide()
        self.setMinimumWidth(540)
        self.description.setFocus()

    def details(self) -> GoalInput:
        return GoalInput(
            self.description.toPlainText(), self.measure.text(), date_of(self.target_on)
        )

    def chosen_status(self) -> GoalStatus:
        return GoalStatus(self.status.currentData())  # Qt keeps the code as a str

    def problems(self) -> list[str]:
        return self.details().problems()

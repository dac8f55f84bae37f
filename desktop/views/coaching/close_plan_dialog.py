"""The dialog to close a coaching plan: the day it closed and why (the record then stays as it
was, read only)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from desktop.views.caseload.tabs.dialog_fields import date_field, date_of, text_area
from desktop.views.caseload.tabs.tab_parts import hint
from desktop.views.coaching.coaching_plan_parts import CoachingSavingDialog


class ClosePlanDialog(CoachingSavingDialog):
    def __init__(
        self, person_name: str, started_on: date, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__("Close coaching plan", parent)
        self.closed_on = date_field(today, earliest=started_on, latest=today)
        self.closed_on.setAccessibleName("Closed on")
        self.reason = text_area(
            "Why the plan is closing: in work and settled, moved away, no longer engaging…", 3
        )
        self.reason.setAccessibleName("Reason for closing")
        self.form.addRow(
            hint(
                f"Closing {person_name}'s plan keeps it as it is now, read only. A new plan "
                "can be started later.",
                wrap=True,
            )
        )
        self.form.addRow("&Closed on", self.closed_on)
        self.form.addRow("&Reason", self.reason)
        self.reason.setFocus()

    def closed(self) -> date:
        day = date_of(self.closed_on)
        assert day is not None  # a required date field always holds one
        return day

    def reason_text(self) -> str:
        return self.reason.toPlainText()

    def problems(self) -> list[str]:
        return [] if self.reason_text().strip() else ["Say why the plan is closing."]

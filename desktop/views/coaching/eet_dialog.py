"""The dialog to record a change in what a young person is doing in education, employment or
training: a new dated spell, which ends the current one (the history is kept)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from desktop.models.choices import EetActivity
from desktop.services.coaching_records import MAX_HOURS_PER_WEEK, EetInput, EetRow
from desktop.views.caseload.tabs.dialog_fields import date_field, date_of, text_area
from desktop.views.caseload.tabs.tab_parts import hint
from desktop.views.coaching.coaching_plan_parts import CoachingSavingDialog, choice_combo
from desktop.views.common.when import date_text

NO_HOURS = "Not set"


class EetDialog(CoachingSavingDialog):
    def __init__(self, current: EetRow | None, today: date, parent: QWidget | None = None) -> None:
        super().__init__("Record a change in education, employment or training", parent)
        self.activity = choice_combo(
            list(EetActivity), current.activity if current else EetActivity.NEET, "Activity"
        )
        earliest = current.started_on if current else None
        self.started_on = date_field(today, earliest=earliest, latest=today)
        self.started_on.setAccessibleName("Started")
        self.provider = QLineEdit()
        self.provider.setMaxLength(200)
        self.provider.setPlaceholderText("College, training provider or employer")
        self.provider.setAccessibleName("Provider or employer")
        self.hours = QSpinBox()
        self.hours.setRange(0, MAX_HOURS_PER_WEEK)
        # 0 shows as "Not set": hours are unknown for some activities (NEET, say).
        self.hours.setSpecialValueText(NO_HOURS)
        self.hours.setSuffix(" hours a week")
        self.hours.setAccessibleName("Hours a week")
        self.reason = text_area("Why it changed: finished the course, got the job, dropped out…", 3)
        self.reason.setAccessibleName("Reason for the change")
        now = (
            f"Now: {current.activity.label} since {date_text(current.started_on)}. It ends the "
            "day the new activity starts; the history keeps it."
            if current
            else "Nothing recorded yet: this is the first entry in the history."
        )
        self.now = hint(now, wrap=True)
        self.form.addRow(self.now)
        self.form.addRow("&Activity", self.activity)
        self.form.addRow("&Started", self.started_on)
        self.form.addRow("&Provider or employer", self.provider)
        self.form.addRow("&Hours", self.hours)
        self.form.addRow("&Reason for change", self.reason)
        self.setMinimumWidth(560)
        self.activity.setFocus()

    def details(self) -> EetInput:
        started = date_of(self.started_on)
        assert started is not None  # a required date field always holds one
        hours = self.hours.value()
        return EetInput(
            activity=EetActivity(self.activity.currentData()),  # Qt keeps the code as a str
            started_on=started,
            reason_for_change=self.reason.toPlainText(),
            provider=self.provider.text(),
            hours_per_week=hours or None,
        )

    def problems(self) -> list[str]:
        return self.details().problems()

"""The dialog to record a milestone on a coaching plan: what was reached, when, the detail (course,
provider or employer) and what shows it happened."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.models.choices import MilestoneKind
from desktop.services.coaching_session_records import SUSTAINMENT_WEEKS, MilestoneInput
from desktop.views.caseload.tabs.dialog_fields import date_field, date_of, text_area
from desktop.views.caseload.tabs.tab_parts import hint
from desktop.views.coaching.coaching_plan_parts import CoachingSavingDialog, choice_combo

# Short lines, unwrapped: a wrapping label in a form row is measured too tall and leaves gaps.
COUNTED_HINT = "Counted in the outcome figures: note the evidence (a letter, a payslip…)."
SUSTAINED_HINT = "Needs a course, apprenticeship or job start at least {weeks} weeks before."
PLAIN_HINT = "A step on the way; evidence is optional."


def kind_hint(kind: MilestoneKind) -> str:
    weeks = SUSTAINMENT_WEEKS.get(kind)
    if weeks is not None:
        return SUSTAINED_HINT.format(weeks=weeks) + "\n" + COUNTED_HINT
    return COUNTED_HINT if kind.is_start else PLAIN_HINT


class MilestoneDialog(CoachingSavingDialog):
    """The service has the last word on the sustainment rules; its message shows in place."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__("Record milestone", parent)
        self.kind = choice_combo(tuple(MilestoneKind), MilestoneKind.CV_WRITTEN, "Milestone")
        self.kind.setMaxVisibleItems(len(MilestoneKind))
        self.achieved_on = date_field(today, latest=today)
        self.achieved_on.setAccessibleName("Date reached")
        self.achieved_on.setMaximumWidth(160)
        self.detail = QLineEdit()
        self.detail.setAccessibleName("Detail")
        self.detail.setPlaceholderText("The course, provider or employer")
        self.evidence = text_area("What shows it happened", 2)
        self.evidence.setAccessibleName("Evidence")
        self.kind_hint = hint()
        kind_box = QWidget()
        box = QVBoxLayout(kind_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addWidget(self.kind)
        box.addWidget(self.kind_hint)
        label = QLabel("&Milestone")
        label.setBuddy(self.kind)
        self.form.addRow(label, kind_box)
        self.form.addRow("&Date", self.achieved_on)
        self.form.addRow("De&tail", self.detail)
        self.form.addRow("&Evidence", self.evidence)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.setMinimumWidth(580)
        self.kind.setFocus()

    def chosen_kind(self) -> MilestoneKind:
        return MilestoneKind(self.kind.currentData())  # Qt keeps the code as a plain string

    def details(self) -> MilestoneInput:
        day = date_of(self.achieved_on)
        assert day is not None  # a required date field always has one
        return MilestoneInput(
            self.chosen_kind(), day, self.detail.text(), self.evidence.toPlainText()
        )

    def _kind_changed(self) -> None:
        self.kind_hint.setText(kind_hint(self.chosen_kind()))

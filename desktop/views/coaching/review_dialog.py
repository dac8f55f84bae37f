"""The dialog to record a plan review: when it took place, what was agreed, and when the next
one falls (N weeks on, the coordinator's interval, unless chosen)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from desktop.services.coaching_records import ReviewInput
from desktop.views.caseload.tabs.dialog_fields import date_field, date_of, set_date, text_area
from desktop.views.caseload.tabs.tab_parts import hint
from desktop.views.coaching.coaching_plan_parts import CoachingSavingDialog, weeks_after
from desktop.views.common.when import date_text


class ReviewDialog(CoachingSavingDialog):
    def __init__(
        self,
        started_on: date,
        due: date | None,
        today: date,
        weeks: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Record plan review", parent)
        self._weeks = weeks
        self._next_by_hand = False
        self.reviewed_on = date_field(today, earliest=started_on, latest=today)
        self.reviewed_on.setAccessibleName("Reviewed on")
        self.summary = text_area("What was reviewed, what changed, what was agreed", 4)
        self.summary.setAccessibleName("Summary")
        self.next_review = date_field(weeks_after(today, weeks))
        self.next_review.setAccessibleName("Next review")
        was = f"This review was due {date_text(due)}. " if due else ""
        self.form.addRow(hint(f"{was}Plans are reviewed every {weeks} weeks.", wrap=True))
        self.form.addRow("&Reviewed on", self.reviewed_on)
        self.form.addRow("&Summary", self.summary)
        self.form.addRow("&Next review", self.next_review)
        self.setMinimumWidth(540)
        self.reviewed_on.dateChanged.connect(self._reviewed_changed)
        self.next_review.dateChanged.connect(self._next_changed)
        self.summary.setFocus()

    def details(self) -> ReviewInput:
        reviewed = date_of(self.reviewed_on)
        assert reviewed is not None  # a required date field always holds one
        return ReviewInput(reviewed, self.summary.toPlainText(), date_of(self.next_review))

    def problems(self) -> list[str]:
        return self.details().problems()

    def _reviewed_changed(self) -> None:
        # Until the person picks the next date, it stays N weeks after this review.
        reviewed = date_of(self.reviewed_on)
        if not self._next_by_hand and reviewed is not None:
            self.next_review.blockSignals(True)
            set_date(self.next_review, weeks_after(reviewed, self._weeks))
            self.next_review.blockSignals(False)

    def _next_changed(self) -> None:
        self._next_by_hand = True

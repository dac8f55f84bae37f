"""The dialog to start or edit a coaching plan: the young person, the coach, when it started,
their aspirations in their own words, their strengths, and when it is next reviewed."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from desktop.services.coaching_records import PlanInput
from desktop.views.caseload.tabs.dialog_fields import date_field, date_of, set_date, text_area
from desktop.views.caseload.tabs.tab_parts import hint
from desktop.views.coaching.coaching_plan_parts import CoachingSavingDialog, weeks_after

# (young person's id, "Name · reference"): who a new plan can be for.
PersonChoice = tuple[int, str]


class PlanDialog(CoachingSavingDialog):
    """people is None when editing (the young person is fixed); person_name names them then."""

    def __init__(
        self,
        people: list[PersonChoice] | None,
        coaches: list[tuple[int, str]],
        me: int,
        today: date,
        weeks: int,
        current: PlanInput | None = None,
        person_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("New coaching plan" if current is None else "Edit coaching plan", parent)
        self._weeks = weeks
        self._creating = people is not None
        self._review_by_hand = current is not None
        details = current or PlanInput(coach_id=me, started_on=today)

        self.person = QComboBox()
        self.person.setAccessibleName("Young person")
        for person_id, text in people or []:
            self.person.addItem(text, person_id)
        self.coach = QComboBox()
        self.coach.setAccessibleName("Coach")
        for account_id, name in coaches:
            self.coach.addItem(name, account_id)
        self.coach.setCurrentIndex(max(self.coach.findData(details.coach_id), 0))
        # A coach's plans are their own: the one name is shown, not offered.
        self.coach.setEnabled(len(coaches) > 1)
        self.started_on = date_field(details.started_on, latest=today)
        self.started_on.setAccessibleName("Started")
        self.aspirations = text_area("What they want to do, in their own words", 3)
        self.aspirations.setAccessibleName("Aspirations")
        self.aspirations.setPlainText(details.aspirations)
        self.strengths = text_area("What they are good at; what others say they do well", 3)
        self.strengths.setAccessibleName("Strengths")
        self.strengths.setPlainText(details.strengths)
        due = details.review_due_on or weeks_after(details.started_on, weeks)
        self.review_due = date_field(due)
        self.review_due.setAccessibleName("Review due")
        self.review_hint = hint(f"Plans are reviewed every {weeks} weeks.", wrap=True)

        if people is not None:
            self.form.addRow("&Young person", self.person)
        else:
            self.form.addRow("Young person", QLabel(person_name))
        self.form.addRow("&Coach", self.coach)
        self.form.addRow("&Started", self.started_on)
        self.form.addRow("&Aspirations", self.aspirations)
        self.form.addRow("S&trengths", self.strengths)
        self.form.addRow("&Review due", self.review_due)
        self.form.addRow("", self.review_hint)
        self.setMinimumWidth(580)
        if people is not None and not people:
            self.show_error(
                "Everyone on your caseload already has an open plan, or nobody is allocated to "
                "you yet."
            )
        self.started_on.dateChanged.connect(self._start_changed)
        self.review_due.dateChanged.connect(self._review_changed)
        (self.person if people else self.started_on).setFocus()

    def person_id(self) -> int | None:
        data = self.person.currentData()
        return None if data is None else int(data)

    def details(self) -> PlanInput:
        started = date_of(self.started_on)
        assert started is not None  # a required date field always holds one
        return PlanInput(
            coach_id=int(self.coach.currentData() or 0),
            started_on=started,
            aspirations=self.aspirations.toPlainText(),
            strengths=self.strengths.toPlainText(),
            review_due_on=date_of(self.review_due),
        )

    def problems(self) -> list[str]:
        found = []
        if self._creating and self.person_id() is None:
            found.append("Choose the young person.")
        if self.coach.currentData() is None:
            found.append("There is no active employment coach to give the plan to.")
        found.extend(self.details().problems())
        return found

    def _start_changed(self) -> None:
        # Until the person picks a review date, it stays N weeks after the start.
        started = date_of(self.started_on)
        if not self._review_by_hand and started is not None:
            self.review_due.blockSignals(True)
            set_date(self.review_due, weeks_after(started, self._weeks))
            self.review_due.blockSignals(False)

    def _review_changed(self) -> None:
        self._review_by_hand = True

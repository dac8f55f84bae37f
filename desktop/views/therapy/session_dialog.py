"""The dialog to record or edit a therapy session: when, how long, where, how it went, and who
of the household came."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models.choices import SessionLocation, SessionOutcome
from desktop.services.therapy_records import Member, MemberRow, SessionInput
from desktop.views.caseload.tabs.dialog_fields import date_field, date_of
from desktop.views.caseload.tabs.tab_parts import hint
from desktop.views.common.field_problems import FieldProblem
from desktop.views.therapy.therapy_case_parts import TherapySavingDialog

DEFAULT_MINUTES = 60
ROUND_TO = 15  # minutes: a new session starts on the last quarter hour
# Who came is asked only when somebody could have come; these mean nobody did.
NOBODY_CAME = frozenset({SessionOutcome.DID_NOT_ATTEND, SessionOutcome.CANCELLED_BY_FAMILY})
ATTENDANCE_HINTS = {
    SessionOutcome.ATTENDED: "Tick everyone who came; the others are counted as not coming.",
    SessionOutcome.SCHEDULED: "Who came is recorded once the session has taken place.",
    SessionOutcome.DID_NOT_ATTEND: "Nobody came: everyone is counted as not coming.",
    SessionOutcome.CANCELLED_BY_FAMILY: "Cancelled by the family: everyone is counted as "
    "not coming.",
    SessionOutcome.CANCELLED_BY_SERVICE: "Cancelled by the service: not counted against "
    "the family.",
    SessionOutcome.RESCHEDULED: "Rescheduled: not counted against the family.",
}


# Where each therapist last held a session (most see a family in the same place each week),
# in memory only, as the chronology keeps the last entry type: a habit, not a setting.
_last_location: dict[str, SessionLocation] = {}


def rounded_down(moment: datetime) -> datetime:
    """The local quarter hour at or before moment (a session just held, never a future one)."""
    local = moment.astimezone().replace(second=0, microsecond=0)
    return local - timedelta(minutes=local.minute % ROUND_TO)


class SessionDialog(TherapySavingDialog):
    def __init__(
        self,
        members: list[MemberRow],
        now: datetime,
        current: SessionInput | None = None,
        number: int | None = None,
        parent: QWidget | None = None,
        who: str = "",
    ) -> None:
        super().__init__(
            "Record session" if current is None else f"Edit session {number or ''}".strip(),
            parent,
        )
        self._now = now
        details = current or SessionInput(
            starts_at=rounded_down(now),
            location=_last_location.get(who, SessionLocation.HOME_VISIT),
        )
        self._who = who
        local = details.starts_at.astimezone()
        self.day = date_field(local.date())
        self.day.setAccessibleName("Date")
        self.start = QTimeEdit(QTime(local.hour, local.minute))
        self.start.setDisplayFormat("HH:mm")
        self.start.setAccessibleName("Start time")
        self.minutes = QSpinBox()
        self.minutes.setRange(5, 480)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(" min")
        self.minutes.setValue(details.minutes)
        self.minutes.setAccessibleName("Length in minutes")
        self.location = QComboBox()
        self.location.setAccessibleName("Where")
        for place in SessionLocation:
            self.location.addItem(place.label, place.value)
        self.location.setCurrentIndex(self.location.findData(details.location.value))
        self.outcome = QComboBox()
        self.outcome.setAccessibleName("Outcome")
        for outcome in SessionOutcome:
            self.outcome.addItem(outcome.label, outcome.value)
        self.outcome.setCurrentIndex(self.outcome.findData(details.outcome.value))

        self.attendance_box = QGroupBox("Who came")
        box = QVBoxLayout(self.attendance_box)
        self.attendance: dict[Member, QCheckBox] = {}
        for row in members:
            relation = row.relationship.lower() if row.relationship else "family"
            check = QCheckBox(f"{row.name} ({relation})")
            check.setAccessibleName(f"{row.name} came")
            check.setChecked(details.attendance.get(row.member, False))
            self.attendance[row.member] = check
            box.addWidget(check)
        self.attendance_hint = hint(wrap=True)
        box.addWidget(self.attendance_hint)

        self.form.addRow("&Date", self.day)
        self.form.addRow("S&tart time", self.start)
        self.form.addRow("&Length", self.minutes)
        self.form.addRow("&Where", self.location)
        self.form.addRow("&Outcome", self.outcome)
        self.form.addRow(self.attendance_box)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self.day.dateChanged.connect(self._time_changed)
        self.start.timeChanged.connect(self._time_changed)
        self._outcome_changed()
        if current is None:
            self._time_changed()
            if who:  # remembered only for a named user
                self.accepted.connect(self._remember_location)
        self.day.setFocus()

    def _remember_location(self) -> None:
        _last_location[self._who] = SessionLocation(self.location.currentData())

    def chosen_outcome(self) -> SessionOutcome:
        # Qt keeps the code as a plain string.
        return SessionOutcome(self.outcome.currentData())

    def starts_at(self) -> datetime:
        day = date_of(self.day)
        assert day is not None
        chosen = self.start.time()
        local = datetime.combine(day, time(chosen.hour(), chosen.minute())).astimezone()
        return local.astimezone(UTC)

    def details(self) -> SessionInput:
        location = SessionLocation(self.location.currentData())
        outcome = self.chosen_outcome()
        attendance: dict[Member, bool] = {}
        if outcome is SessionOutcome.ATTENDED:
            attendance = {member: check.isChecked() for member, check in self.attendance.items()}
        elif outcome in NOBODY_CAME:
            attendance = dict.fromkeys(self.attendance, False)
        return SessionInput(self.starts_at(), self.minutes.value(), location, outcome, attendance)

    def problems(self) -> list[str]:
        outcome = self.chosen_outcome()
        found: list[str] = []
        if self.starts_at() > self._now and outcome is not SessionOutcome.SCHEDULED:
            found.append(
                FieldProblem(
                    self.outcome, "A session still to come can only be recorded as Scheduled."
                )
            )
        if outcome is SessionOutcome.ATTENDED and not any(
            check.isChecked() for check in self.attendance.values()
        ):
            found.append(
                FieldProblem(self.attendance_box, "Tick at least one family member who came.")
            )
        return found

    def _outcome_changed(self) -> None:
        outcome = self.chosen_outcome()
        asked = outcome is SessionOutcome.ATTENDED
        for check in self.attendance.values():
            check.setEnabled(asked)
        self.attendance_hint.setText(ATTENDANCE_HINTS[outcome])

    def _time_changed(self) -> None:
        # A time still to come can only be a booking: say so before OK does.
        if self.starts_at() > self._now:
            self.outcome.setCurrentIndex(self.outcome.findData(SessionOutcome.SCHEDULED.value))

"""The dialog to record or edit an employment coaching session: when, how, how long, whether the
young person came, what was done and the next steps."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QRadioButton, QSpinBox, QWidget

from desktop.models.choices import CoachingMode
from desktop.services.coaching_session_records import (
    LONGEST_SESSION,
    SHORTEST_SESSION,
    SessionInput,
)
from desktop.views.caseload.tabs.dialog_fields import text_area
from desktop.views.caseload.tabs.tab_parts import hint
from desktop.views.coaching.coaching_plan_parts import CoachingSavingDialog, choice_combo
from desktop.views.common.field_problems import FieldProblem
from desktop.views.common.when import date_time_edit, moment_of

DEFAULT_MINUTES = 45
ROUND_TO = 15  # minutes: a new session is dated on the last quarter hour, never in the future
ATTENDED_HINT = "Say what was done; the next steps are what the young person took away."
MISSED_HINT = (
    "Did not attend: no notes are needed and the length is the time that was booked. "
    "Next steps can say what was offered instead (a new time, a message sent)."
)
CHRONOLOGY_HINT = "The session also goes into the young person's chronology."
# How each user last held a session (a coach working online mostly stays online), in memory
# only, as the chronology keeps the last entry type: a habit of the day, not a setting.
_last_mode: dict[str, CoachingMode] = {}


def rounded_down(moment: datetime) -> datetime:
    """The local quarter hour at or before moment."""
    local = moment.astimezone().replace(second=0, microsecond=0)
    return local - timedelta(minutes=local.minute % ROUND_TO)


class CoachingSessionDialog(CoachingSavingDialog):
    """details() is what the service saves; the tab sets `save` to say how."""

    def __init__(
        self,
        now: datetime,
        current: SessionInput | None = None,
        parent: QWidget | None = None,
        who: str = "",
    ) -> None:
        super().__init__("Record session" if current is None else "Edit session", parent)
        details = current or SessionInput(
            held_at=rounded_down(now),
            mode=_last_mode.get(who, CoachingMode.IN_PERSON),
            minutes=DEFAULT_MINUTES,
            attended=True,
        )
        self.held_at = date_time_edit(details.held_at)
        self.held_at.setAccessibleName("Date and time")
        self.mode = choice_combo(tuple(CoachingMode), details.mode, "How the session was held")
        self.minutes = QSpinBox()
        self.minutes.setRange(SHORTEST_SESSION, LONGEST_SESSION)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(" min")
        self.minutes.setValue(details.minutes)
        self.minutes.setAccessibleName("Length in minutes")
        self.came = QRadioButton("&Yes, attended")
        self.missed = QRadioButton("&No, did not attend")
        self.came.setAccessibleName("Attended")
        self.missed.setAccessibleName("Did not attend")
        group = QButtonGroup(self)
        group.addButton(self.came)
        group.addButton(self.missed)
        (self.came if details.attended else self.missed).setChecked(True)
        attendance = QHBoxLayout()
        attendance.addWidget(self.came)
        attendance.addWidget(self.missed)
        attendance.addStretch(1)
        self.what_was_done = text_area("What you did together, in plain words", 4)
        self.what_was_done.setAccessibleName("What was done")
        self.what_was_done.setPlainText(details.what_was_done)
        # The app's style sheet draws a disabled text box like an enabled one: grey it here.
        self.what_was_done.setStyleSheet(
            self.what_was_done.styleSheet()
            + " QPlainTextEdit:disabled { background: #eceff3; color: #8a94a3; }"
        )
        self.next_steps = text_area("What happens next, and who does it", 3)
        self.next_steps.setAccessibleName("Next steps")
        self.next_steps.setPlainText(details.next_steps)
        self.notes_hint = hint(wrap=True)
        # Short values need short fields; the text boxes take the dialog's width.
        self.held_at.setMaximumWidth(190)
        self.mode.setMaximumWidth(190)
        self.minutes.setMaximumWidth(110)
        self.form.addRow("&Date and time", self.held_at)
        self.form.addRow("&How", self.mode)
        self.form.addRow("&Length", self.minutes)
        self.form.addRow("Attended", attendance)
        self.form.addRow("", self.notes_hint)
        self.form.addRow("&What was done", self.what_was_done)
        self.form.addRow("Ne&xt steps", self.next_steps)
        self.form.addRow("", hint(CHRONOLOGY_HINT, wrap=True))
        self.came.toggled.connect(self._attendance_changed)
        self._attendance_changed()
        self._who = who
        if current is None and who:  # remembered only for a named user
            self.accepted.connect(self._remember_mode)
        self.setMinimumWidth(560)
        self.held_at.setFocus()

    def _remember_mode(self) -> None:
        _last_mode[self._who] = self.details().mode

    def attended(self) -> bool:
        return self.came.isChecked()

    def details(self) -> SessionInput:
        return SessionInput(
            held_at=moment_of(self.held_at),
            mode=CoachingMode(self.mode.currentData()),  # Qt keeps the code as a plain string
            minutes=self.minutes.value(),
            attended=self.attended(),
            # Greyed out for a missed session: kept in the box, in case Yes is chosen again.
            what_was_done=self.what_was_done.toPlainText() if self.attended() else "",
            next_steps=self.next_steps.toPlainText(),
        )

    def problems(self) -> list[str]:
        # Said here before OK reaches the service, which checks the same (and the date) again.
        if self.attended() and not self.what_was_done.toPlainText().strip():
            return [FieldProblem(self.what_was_done, "Say what was done in the session.")]
        return []

    def _attendance_changed(self) -> None:
        attended = self.attended()
        self.notes_hint.setText(ATTENDED_HINT if attended else MISSED_HINT)
        self.what_was_done.setEnabled(attended)
        self.what_was_done.setPlaceholderText(
            "What you did together, in plain words" if attended else "Not needed: did not attend"
        )

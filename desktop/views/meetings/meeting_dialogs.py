"""The dialogs of a meeting's details, attendees, young people discussed and agenda items."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from desktop.models.choices import MeetingKind
from desktop.services.meeting_records import AttendeeInput, ItemInput, ItemRow, MeetingInput
from desktop.views.caseload.tabs.dialog_fields import text_area
from desktop.views.common.when import date_time_edit, moment_of
from desktop.views.meetings.meeting_parts import MeetingSavingDialog, kind_combo

NAME_LENGTH = 200


def line(text: str, name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setMaxLength(NAME_LENGTH)
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


class MeetingDialog(MeetingSavingDialog):
    """Kind, date and time, place, chair, minute-taker and agenda (names typed: the chair may be
    from another agency)."""

    def __init__(
        self, now: datetime, current: MeetingInput | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__("New meeting" if current is None else "Edit meeting", parent)
        details = current or MeetingInput(MeetingKind.CASE_CONFERENCE, now)
        self.kind = kind_combo(details.kind)
        self.held_at = date_time_edit(details.held_at)
        self.held_at.setAccessibleName("Date and time")
        self.place = line(details.place, "Place", "Civic Centre, room 2")
        self.chair = line(details.chair_name, "Chair", "Name (and agency)")
        self.minute_taker = line(details.minute_taker_name, "Minute-taker")
        self.agenda = text_area("One item a line", 4)
        self.agenda.setAccessibleName("Agenda")
        self.agenda.setPlainText(details.agenda)
        self._ids = (details.chair_id, details.minute_taker_id)
        self._names = (details.chair_name, details.minute_taker_name)
        self.form.addRow("&Kind", self.kind)
        self.form.addRow("&Date and time", self.held_at)
        self.form.addRow("&Place", self.place)
        self.form.addRow("C&hair", self.chair)
        self.form.addRow("&Minute-taker", self.minute_taker)
        self.form.addRow("A&genda", self.agenda)
        self.setMinimumWidth(560)
        self.kind.setFocus()

    def details(self) -> MeetingInput:
        chair, minutes = self.chair.text(), self.minute_taker.text()
        # A staff chair keeps their account while their name is left as it was.
        chair_id = self._ids[0] if chair == self._names[0] else None
        minutes_id = self._ids[1] if minutes == self._names[1] else None
        return MeetingInput(
            MeetingKind(self.kind.currentData()),
            moment_of(self.held_at),
            self.place.text(),
            chair,
            chair_id,
            minutes,
            minutes_id,
            self.agenda.toPlainText(),
        )

    def problems(self) -> list[str]:
        return self.details().problems()


class AttendeeDialog(MeetingSavingDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Add attendee", parent)
        self.name = line("", "Name")
        self.agency = line("", "Agency", "Police, children's social care, school…")
        self.role = line("", "Role", "Detective constable, social worker…")
        self.apologies = QCheckBox("Sent apologies (not present)")
        self.form.addRow("&Name", self.name)
        self.form.addRow("&Agency", self.agency)
        self.form.addRow("&Role", self.role)
        self.form.addRow("", self.apologies)
        self.name.setFocus()

    def details(self) -> AttendeeInput:
        return AttendeeInput(
            self.name.text(), self.agency.text(), self.role.text(), not self.apologies.isChecked()
        )

    def problems(self) -> list[str]:
        return self.details().problems(1)


class PersonDialog(MeetingSavingDialog):
    """One young person to add to those discussed, from those this user may open."""

    def __init__(self, choices: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__("Add young person discussed", parent)
        self.person = QComboBox()
        self.person.setAccessibleName("Young person")
        for person_id, text in choices:
            self.person.addItem(text, person_id)
        self.form.addRow("&Young person", self.person)
        self.person.setFocus()

    def person_id(self) -> int | None:
        data = self.person.currentData()
        return int(data) if data is not None else None

    def problems(self) -> list[str]:
        return [] if self.person_id() is not None else ["Choose a young person."]


class ItemDialog(MeetingSavingDialog):
    def __init__(self, current: ItemRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__("Add agenda item" if current is None else "Edit agenda item", parent)
        self.title = line(current.title if current else "", "Title")
        self.title.setMaxLength(300)
        self.discussion = text_area("What was said", 5)
        self.discussion.setAccessibleName("Discussion")
        self.decisions = text_area("What was decided", 3)
        self.decisions.setAccessibleName("Decisions")
        if current is not None:
            self.discussion.setPlainText(current.discussion)
            self.decisions.setPlainText(current.decisions)
        self.form.addRow("&Title", self.title)
        self.form.addRow("&Discussion", self.discussion)
        self.form.addRow("De&cisions", self.decisions)
        self.setMinimumWidth(600)
        self.title.setFocus()

    def details(self) -> ItemInput:
        return ItemInput(
            self.title.text(), self.discussion.toPlainText(), self.decisions.toPlainText()
        )

    def problems(self) -> list[str]:
        return self.details().problems()

"""One meeting: a header (kind, date, place, chair, minute-taker, agenda) with Edit…, and tabs
for attendees and young people discussed, agenda items, and actions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models.choices import ActionStatus
from desktop.services.bundle import Services
from desktop.services.meeting_records import (
    AttendeeInput,
    AttendeeRow,
    MeetingActionRow,
    MeetingView,
)
from desktop.views.caseload.tabs.tab_parts import action_button
from desktop.views.coaching.coaching_plan_parts import local_today
from desktop.views.common.page_saving import apply_change, run_dialog
from desktop.views.common.when import local_time_text
from desktop.views.meetings.action_dialog import MeetingActionDialog
from desktop.views.meetings.meeting_dialogs import (
    AttendeeDialog,
    ItemDialog,
    MeetingDialog,
    PersonDialog,
)
from desktop.views.meetings.meeting_document_dialog import MeetingDocumentDialog
from desktop.views.meetings.meeting_parts import REFUSALS, ActionColumns
from desktop.views.meetings.meeting_tabs import ActionsTab, AgendaTab, PeopleTab

MOST_PEOPLE = 5000  # a coordinator's whole caseload is still one list


def about_text(view: MeetingView) -> str:
    facts = [
        f"Place: {view.place or 'not recorded'}",
        f"Chair: {view.chair_name or 'not recorded'}",
        f"Minute-taker: {view.minute_taker_name or 'not recorded'}",
    ]
    return " · ".join(facts)


def attendee_input(row: AttendeeRow) -> AttendeeInput:
    return AttendeeInput(row.name, row.agency, row.role, row.present, row.account_id)


class MeetingPage(QWidget):
    closed = Signal()
    changed = Signal()  # something saved: the lists are out of date

    def __init__(self, services: Services, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.meeting_id = meeting_id
        self._columns = ActionColumns(local_today(services.clock.now()))
        self.back_button = back = action_button("← Meetings", "Back to the list of meetings (Esc)")
        back.setAccessibleName("Back to the meetings")
        back.clicked.connect(self.closed)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setAccessibleName("Meeting")
        self.title.setWordWrap(True)  # a long meeting name was cut off at 200% scaling
        self.facts = QLabel()
        self.facts.setObjectName("hint")
        self.agenda = QLabel()
        self.agenda.setWordWrap(True)
        self.agenda.setTextFormat(Qt.TextFormat.PlainText)
        self.agenda.setAccessibleName("Agenda")
        self.edit_button = action_button("Ed&it meeting…", "Change the meeting's details")
        self.edit_button.clicked.connect(self.edit_meeting)
        header = QHBoxLayout()
        header.addWidget(back)
        header.addWidget(self.title, 3)  # most of the spare width, so it wraps only when it must
        header.addStretch(1)
        header.addWidget(self.edit_button)
        self.minutes_button = action_button(
            "&Minutes…", "Save the minutes and action list as a Word document"
        )
        self.minutes_button.clicked.connect(self.save_minutes)
        header.addWidget(self.minutes_button)

        self.people = PeopleTab()
        self.agenda_tab = AgendaTab()
        self.actions_tab = ActionsTab(self._columns)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.people, "&People")
        self.tabs.addTab(self.agenda_tab, "A&genda and decisions")
        self.tabs.addTab(self.actions_tab, "Actio&ns")
        self.people.add_attendee_button.clicked.connect(self.add_attendee)
        self.people.remove_attendee_button.clicked.connect(self.remove_attendee)
        self.people.add_person_button.clicked.connect(self.add_person)
        self.people.remove_person_button.clicked.connect(self.remove_person)
        self.agenda_tab.add_button.clicked.connect(self.add_item)
        self.agenda_tab.edit_button.clicked.connect(self.edit_item)
        self.agenda_tab.items.activated.connect(lambda row: self.edit_item())
        self.actions_tab.add_button.clicked.connect(self.add_action)
        self.actions_tab.edit_button.clicked.connect(self.edit_action)
        self.actions_tab.done_button.clicked.connect(self.mark_done)
        self.actions_tab.table.activated.connect(lambda row: self.edit_action())
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.closed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.facts)
        layout.addWidget(self.agenda)
        layout.addWidget(self.tabs, 1)
        self.view = services.meetings.meeting(meeting_id)
        self.reload()

    def reload(self) -> None:
        view = self.view = self._services.meetings.meeting(self.meeting_id)
        self._columns.today = local_today(self._services.clock.now())
        self.title.setText(f"{view.kind.label} · {local_time_text(view.held_at)}")
        self.facts.setText(about_text(view))
        self.agenda.setText(f"Agenda: {view.agenda}" if view.agenda else "")
        self.agenda.setVisible(bool(view.agenda))
        self.people.load(view.attendees, view.people, view.hidden_people)
        self.agenda_tab.load(view.items)
        self.actions_tab.load(view.actions, view.hidden_actions)

    def save_minutes(self) -> None:
        left_out = self.view.hidden_people + self.view.hidden_actions
        documents = self._services.meeting_documents
        MeetingDocumentDialog(documents, self.meeting_id, self, left_out=left_out).exec()

    # ---- the meeting, its attendees and young people ----------------------------------------
    def edit_meeting(self) -> None:
        dialog = MeetingDialog(self._services.clock.now(), self.view.details(), self)
        dialog.save = lambda: self._services.meetings.update_meeting(
            self.meeting_id, dialog.details()
        )
        self._run(dialog)

    def add_attendee(self) -> None:
        dialog = AttendeeDialog(self)
        kept = [attendee_input(row) for row in self.view.attendees]
        dialog.save = lambda: self._services.meetings.set_attendees(
            self.meeting_id, [*kept, dialog.details()]
        )
        self._run(dialog)

    def remove_attendee(self) -> None:
        chosen = self.people.attendees.selected()
        if chosen is None:
            return
        kept = [attendee_input(row) for row in self.view.attendees if row.id != chosen.id]
        self._change(lambda: self._services.meetings.set_attendees(self.meeting_id, kept))

    def person_choices(self) -> list[tuple[int, str]]:
        return [
            (row.id, f"{row.name} · {row.case_reference}")
            for row in self._services.people.page(0, MOST_PEOPLE)
        ]

    def add_person(self) -> None:
        discussed = [p.person_id for p in self.view.people]
        choices = [c for c in self.person_choices() if c[0] not in discussed]
        dialog = PersonDialog(choices, self)

        def save() -> None:
            person_id = dialog.person_id()
            assert person_id is not None  # problems() asked for one first
            self._services.meetings.set_people(self.meeting_id, [*discussed, person_id])

        dialog.save = save
        self._run(dialog)

    def remove_person(self) -> None:
        chosen = self.people.people.selected()
        if chosen is None:
            return
        kept = [p.person_id for p in self.view.people if p.person_id != chosen.person_id]
        self._change(lambda: self._services.meetings.set_people(self.meeting_id, kept))

    # ---- agenda items and actions ----------------------------------------------------------
    def add_item(self) -> None:
        dialog = ItemDialog(parent=self)
        dialog.save = lambda: self._services.meetings.add_item(self.meeting_id, dialog.details())
        self._run(dialog)

    def edit_item(self) -> None:
        item = self.agenda_tab.items.selected()
        if item is None:
            return
        dialog = ItemDialog(item, self)
        dialog.save = lambda: self._services.meetings.update_item(item.id, dialog.details())
        self._run(dialog)

    def _action_dialog(self, current: MeetingActionRow | None = None) -> MeetingActionDialog:
        people = [(p.person_id, f"{p.name} · {p.case_reference}") for p in self.view.people]
        known = {p[0] for p in people}
        people += [c for c in self.person_choices() if c[0] not in known]
        return MeetingActionDialog(
            self._services.accounts.staff_choices(), people, self._columns.today, current, self
        )

    def add_action(self) -> None:
        dialog = self._action_dialog()
        dialog.save = lambda: self._services.meetings.add_action(self.meeting_id, dialog.details())
        if self._run(dialog) and isinstance(dialog.result_of_save, int):
            new_id = dialog.result_of_save
            self.actions_tab.select(lambda row: row.id == new_id)

    def edit_action(self) -> None:
        action = self.actions_tab.table.selected()
        if action is None:
            return
        meetings = self._services.meetings
        dialog = self._action_dialog(action)

        def save() -> None:
            meetings.update_action(action.id, dialog.details())
            meetings.set_action_status(action.id, dialog.chosen_status())

        dialog.save = save
        self._run(dialog)

    def mark_done(self) -> None:
        action = self.actions_tab.table.selected()
        if action is not None:
            meetings = self._services.meetings
            self._change(lambda: meetings.set_action_status(action.id, ActionStatus.DONE))

    # ---- saving ----------------------------------------------------------------------------
    def _change(self, change: Callable[[], None]) -> None:
        apply_change(self, change, REFUSALS, self._saved)

    def _run(self, dialog: QDialog) -> bool:
        return run_dialog(dialog, self._saved)

    def _saved(self) -> None:
        self.reload()
        self.changed.emit()

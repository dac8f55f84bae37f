"""One partner: a header (kind, area, communities and languages served, what they do) with
Edit…, their contacts, and the history of joint work (activities together, insight reports
shared with them, dated notes); an activity in the history opens on Enter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.services.bundle import Services
from desktop.services.partner_service import ContactInput, ContactRow, JointWork, PartnerView
from desktop.views.caseload.tabs.tab_parts import action_button, hint, section_title
from desktop.views.coaching.coaching_plan_parts import local_today
from desktop.views.common.page_saving import apply_change, run_dialog
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import RowsTableModel
from desktop.views.common.when import date_text
from desktop.views.community.community_parts import REFUSALS, listed, reading
from desktop.views.community.partner_dialogs import ContactDialog, PartnerDialog, PartnerNoteDialog
from desktop.views.meetings.meeting_tabs import boxed

CONTACT_COLUMNS = (
    ("Name", lambda row: row.name),
    ("Role", lambda row: row.role),
    ("Phone", lambda row: row.phone),
    ("Email", lambda row: row.email),
)
WHAT = {"activity": "Activity", "report_shared": "Report shared", "note": "Note"}
HISTORY_COLUMNS = (
    ("Date", lambda row: date_text(row.on)),
    ("What", lambda row: WHAT.get(row.what, row.what)),
    ("Details", lambda row: row.text.replace("\n", " ")),
    ("By", lambda row: row.author),
)


def contact_input(row: ContactRow) -> ContactInput:
    return ContactInput(row.name, row.role, row.phone, row.email)


def served_text(view: PartnerView) -> str:
    return (
        f"Communities: {listed(view.communities, 'not recorded')} · "
        f"Languages: {listed(view.languages, 'not recorded')}"
    )


class PartnerPage(QWidget):
    closed = Signal()
    changed = Signal()  # something saved: the lists are out of date
    open_activity = Signal(int)

    def __init__(self, services: Services, partner_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.partner_id = partner_id
        self.back_button = back = action_button("← Partners", "Back to the partners (Esc)")
        back.setAccessibleName("Back to the partners")
        back.clicked.connect(self.closed)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setAccessibleName("Partner")
        self.edit_button = action_button("Ed&it partner…", "Change the partner's details")
        self.edit_button.clicked.connect(self.edit_partner)
        self.active_button = action_button("", "A former partner leaves the list, history kept")
        self.active_button.clicked.connect(self.toggle_active)
        header = QHBoxLayout()
        header.addWidget(back)
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.active_button)
        header.addWidget(self.edit_button)
        self.facts = hint()
        self.served = reading("Communities and languages served")
        self.description = reading("What they do")

        self.add_contact_button = action_button("Add c&ontact…", "Add someone at the partner")
        self.add_contact_button.clicked.connect(self.add_contact)
        self.edit_contact_button = action_button("&Edit contact…", "Change the chosen contact")
        self.edit_contact_button.clicked.connect(self.edit_contact)
        self.remove_contact_button = action_button("&Remove contact", "Remove the chosen contact")
        self.remove_contact_button.clicked.connect(self.remove_contact)
        self.contacts: RowTable[ContactRow] = RowTable(
            RowsTableModel(CONTACT_COLUMNS),
            "Contacts",
            "No contacts yet. Choose Add contact… to add someone at the organisation.",
            (220, 220, 160),
        )
        self.contacts.fit_height(6)
        self.contacts.selection_changed.connect(self._chosen)
        self.contacts.activated.connect(lambda row: self.edit_contact())
        self.note_button = action_button("Add &note…", "A call, a visit, a plan made together")
        self.note_button.clicked.connect(self.add_note)
        self.history: RowTable[JointWork] = RowTable(
            RowsTableModel(HISTORY_COLUMNS, tooltip=lambda row: row.text),
            "History of joint work",
            "Nothing done together yet: activities with this partner, reports shared with them "
            "and notes show here.",
            (100, 120, 560),
        )
        self.history.activated.connect(self._history_activated)
        contacts = boxed(
            section_title("Contacts"),
            [self.add_contact_button, self.edit_contact_button, self.remove_contact_button],
            self.contacts,
        )
        history = boxed(
            section_title("History of joint work"),
            [self.note_button],
            self.history,
            hint("Press Enter on an activity to open it."),
        )
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.closed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.facts)
        layout.addWidget(self.served)
        layout.addWidget(self.description)
        layout.addWidget(contacts)
        layout.addWidget(history, 1)
        self.view = services.partners.partner(partner_id)
        self.reload()

    def reload(self) -> None:
        view = self.view = self._services.partners.partner(self.partner_id)
        self.title.setText(view.name)
        facts = [view.kind.label, view.area or "Area not recorded"]
        if not view.active:
            facts.append("Former partner")
        self.facts.setText(" · ".join(facts))
        self.served.setText(served_text(view))
        self.description.setText(view.description)
        self.description.setVisible(bool(view.description))
        self.active_button.setText("Mar&k as current" if not view.active else "Mar&k as former")
        chosen = self.contacts.selected()
        self.contacts.set_rows(view.contacts)
        if chosen is not None:
            self.contacts.select_where(lambda row: row.id == chosen.id)
        self.history.set_rows(view.history)
        self._chosen()

    def focus_first(self) -> None:
        self.contacts.view.setFocus()

    # ---- details and contacts ------------------------------------------------------------
    def edit_partner(self) -> None:
        dialog = PartnerDialog(self.view.details(), self)
        dialog.save = lambda: self._services.partners.update_partner(
            self.partner_id, dialog.details()
        )
        self._run(dialog)

    def toggle_active(self) -> None:
        active = not self.view.active
        self._change(lambda: self._services.partners.set_active(self.partner_id, active))

    def add_contact(self) -> None:
        dialog = ContactDialog(parent=self)
        kept = [contact_input(row) for row in self.view.contacts]
        dialog.save = lambda: self._services.partners.set_contacts(
            self.partner_id, [*kept, dialog.details()]
        )
        self._run(dialog)

    def edit_contact(self) -> None:
        chosen = self.contacts.selected()
        if chosen is None:
            return
        dialog = ContactDialog(chosen, self)

        def save() -> None:
            contacts = [
                dialog.details() if row.id == chosen.id else contact_input(row)
                for row in self.view.contacts
            ]
            self._services.partners.set_contacts(self.partner_id, contacts)

        dialog.save = save
        self._run(dialog)

    def remove_contact(self) -> None:
        chosen = self.contacts.selected()
        if chosen is None:
            return
        kept = [contact_input(row) for row in self.view.contacts if row.id != chosen.id]
        self._change(lambda: self._services.partners.set_contacts(self.partner_id, kept))

    def add_note(self) -> None:
        dialog = PartnerNoteDialog(local_today(self._services.clock.now()), self)
        dialog.save = lambda: self._services.partners.add_note(
            self.partner_id, dialog.day(), dialog.text.toPlainText()
        )
        self._run(dialog)

    def _history_activated(self, row: JointWork) -> None:
        if row.activity_id is not None:
            self.open_activity.emit(row.activity_id)

    def _chosen(self) -> None:
        chosen = self.contacts.selected() is not None
        self.edit_contact_button.setEnabled(chosen)
        self.remove_contact_button.setEnabled(chosen)

    # ---- saving ----------------------------------------------------------------------------
    def _change(self, change: Callable[[], None]) -> None:
        apply_change(self, change, REFUSALS, self._saved)

    def _run(self, dialog: QDialog) -> bool:
        return run_dialog(dialog, self._saved)

    def _saved(self) -> None:
        self.reload()
        self.changed.emit()

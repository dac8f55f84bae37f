"""The record's People tab: the ecomap of everyone around the young person, and under it the
family and professionals and the links to other young people, each with its own buttons."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QSplitter, QVBoxLayout, QWidget

from desktop.models.choices import ContactKind
from desktop.services.bundle import Services
from desktop.services.network_service import ContactInput, ContactRow, LinkRow, NetworkInputError
from desktop.services.people_service import PersonRecord
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.views.caseload.list_section import (
    action_button,
    confirm,
    key_shortcut,
    list_section,
    two_line_list,
)
from desktop.views.caseload.network_diagram import NetworkDiagram
from desktop.views.caseload.network_layout import LINK_LABELS
from desktop.views.caseload.record_tab import RecordTab
from desktop.views.caseload.tabs.contact_dialog import ContactDialog
from desktop.views.caseload.tabs.link_dialog import LinkPersonDialog
from desktop.views.common.fixed_rows_model import FixedRowsModel
from desktop.views.common.when import date_text

REFUSALS = (NetworkInputError, RecordNotFoundError, PermissionDeniedError)


def _yes(value: bool) -> str:
    return "Yes" if value else "No"


def _role(row: ContactRow) -> str:
    """Who they are in one cell: "Mother · PR · lives with", "Social worker, YOS"."""
    who = row.details
    if who.kind is ContactKind.PROFESSIONAL:
        return ", ".join(part for part in (who.relationship, who.agency) if part)
    parts = [who.relationship or "Family"]
    parts += ["PR"] if who.parental_responsibility else []
    parts += ["lives with"] if who.lives_with else []
    return " · ".join(parts)


def _other(row: LinkRow) -> str:
    return f"{row.name} ({row.case_reference})" if row.case_reference else row.name


def contact_text(row: ContactRow) -> str:
    """The contact as a two-line item: the name, then who they are and how to reach them."""
    who = row.details
    details = [_role(row), who.phone, who.language and f"speaks {who.language}"]
    return f"{who.name}\n" + " · ".join(part for part in details if part)


def link_text(row: LinkRow) -> str:
    """The link as a two-line item: the other young person, then the kind, since when, note."""
    since = f"since {date_text(row.since)}" if row.since else ""
    details = [LINK_LABELS[row.kind], since, row.note]
    return f"{_other(row)}\n" + " · ".join(part for part in details if part)


# Beside the picture the lists are narrow, so each entry is a title over a line of details;
# email, address and notes are in the tooltip and the Edit dialog.
CONTACT_COLUMNS: list[tuple[str, Callable[[ContactRow], Any]]] = [("Person", contact_text)]
LINK_COLUMNS: list[tuple[str, Callable[[LinkRow], Any]]] = [("Young person", link_text)]


def _contact_tooltip(row: ContactRow) -> str:
    who = row.details
    lines = [who.name, _role(row).replace("PR", "parental responsibility")]
    lines += [who.phone, who.email, who.address, who.language and f"Speaks {who.language}"]
    lines += [who.notes, "Enter or double-click to edit"]
    return "\n".join(line for line in lines if line)


def _link_tooltip(row: LinkRow) -> str:
    if not row.visible:
        return "Their record is not open to you, so nothing more about them is shown."
    lines = [f"{LINK_LABELS[row.kind]}: {_other(row)}", row.note]
    return "\n".join([line for line in lines if line] + ["Enter or double-click to open"])


class NetworkTab(RecordTab):
    open_person = Signal(int)
    open_group = Signal(int)
    open_place = Signal(int)

    def __init__(self, services: Services, record: PersonRecord, parent: QWidget | None = None):
        super().__init__(services, record, parent)
        self._seen = False
        self.diagram = NetworkDiagram()
        self.diagram.setToolTip("Double-click a young person, group or place to open it")
        self.diagram.person_activated.connect(self.open_person)
        self.diagram.group_activated.connect(self.open_group)
        self.diagram.place_activated.connect(self.open_place)
        frame = QFrame()
        frame.setObjectName("card")
        framed = QVBoxLayout(frame)
        framed.setContentsMargins(1, 1, 1, 1)
        framed.addWidget(self.diagram)

        self.contacts_model: FixedRowsModel[ContactRow] = FixedRowsModel(
            CONTACT_COLUMNS, tooltip=_contact_tooltip
        )
        self.contacts = two_line_list("Family, household and professionals", self.contacts_model)
        self.contacts.activated.connect(lambda _index: self.edit_contact())
        self.add_contact_button = action_button(
            "&Add…", "Add a family or household member or a professional", self.add_contact
        )
        self.edit_contact_button = action_button(
            "&Edit…", "Edit the chosen person", self.edit_contact, also="Enter in the list"
        )
        self.remove_contact_button = action_button(
            "Remove", "Remove the chosen person", self.remove_contact, also="Delete in the list"
        )
        key_shortcut(self.contacts, Qt.Key.Key_Delete, self.remove_contact)

        self.links_model: FixedRowsModel[LinkRow] = FixedRowsModel(
            LINK_COLUMNS,
            muted=lambda row: not row.visible,
            tooltip=_link_tooltip,
        )
        self.links = two_line_list("Linked young people", self.links_model)
        self.links.activated.connect(self._link_activated)
        self.link_button = action_button(
            "Li&nk a young person…",
            "Link another young person: associate, sibling, rival or victim",
            self.link_person,
        )
        self.unlink_button = action_button(
            "Remove lin&k", "Remove the chosen link", self.unlink, also="Delete in the list"
        )
        key_shortcut(self.links, Qt.Key.Key_Delete, self.unlink)

        # The picture beside the lists, not above them: it needs height more than width, and
        # a record's screen has more of width.
        lists = QSplitter(Qt.Orientation.Vertical)
        lists.setChildrenCollapsible(False)
        lists.setHandleWidth(14)
        lists.addWidget(
            list_section(
                "Family and professionals",
                self.contacts,
                [self.add_contact_button, self.edit_contact_button, self.remove_contact_button],
                buttons_below=True,
            )
        )
        lists.addWidget(
            list_section(
                "Linked young people",
                self.links,
                [self.link_button, self.unlink_button],
                buttons_below=True,
            )
        )
        lists.setStretchFactor(0, 3)  # families and professionals outnumber linked young people
        lists.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(12)
        self.splitter.addWidget(frame)
        self.splitter.addWidget(lists)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter)
        for table in (self.contacts, self.links):
            table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        # Another tab (or the clock, for deadlines) may have changed what this one shows.
        if self._seen and not event.spontaneous():
            self.reload()
        self._seen = True
        super().showEvent(event)

    # ---- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        network = self.services.network
        try:
            # One read for the diagram and both lists.
            whole = network.network(self.record.id)
            self.diagram.set_network(whole)
            self.contacts_model.set_rows(whole.contacts)
            self.links_model.set_rows(whole.young_people)
        except REFUSALS as error:
            self.refuse(error)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.edit_contact_button.setEnabled(self.chosen_contact() is not None)
        self.remove_contact_button.setEnabled(self.chosen_contact() is not None)
        link = self.chosen_link()
        # Removing a link needs both records open, as making it did: the service would refuse.
        self.unlink_button.setEnabled(link is not None and link.visible)

    def chosen_contact(self) -> ContactRow | None:
        rows = self.contacts.selectionModel().selectedRows()
        return self.contacts_model.row_at(rows[0].row()) if rows else None

    def chosen_link(self) -> LinkRow | None:
        rows = self.links.selectionModel().selectedRows()
        return self.links_model.row_at(rows[0].row()) if rows else None

    # ---- family and professionals ------------------------------------------------------------
    def add_contact(self) -> None:
        person_id = self.record.id
        dialog = ContactDialog(self, lambda c: self.services.network.add_contact(person_id, c))
        if dialog.exec():
            self.reload()

    def edit_contact(self) -> None:
        row = self.chosen_contact()
        if row is None:
            return

        def save(contact: ContactInput) -> None:
            self.services.network.update_contact(row.id, contact)

        if ContactDialog(self, save, row.details).exec():
            self.reload()

    def remove_contact(self) -> None:
        row = self.chosen_contact()
        if row is None or not confirm(self, f"Remove {row.details.name} from the record?"):
            return
        self._run(lambda: self.services.network.remove_contact(row.id))

    # ---- links to other young people ----------------------------------------------------------
    def link_person(self) -> None:
        if LinkPersonDialog(self, self.services, self.record.id).exec():
            self.reload()

    def unlink(self) -> None:
        row = self.chosen_link()
        if row is None:
            return
        question = f"Remove the link ({LINK_LABELS[row.kind].lower()}) with {row.name}?"
        if confirm(self, question):
            self._run(lambda: self.services.network.unlink(self.record.id, row.id))

    def _link_activated(self, index: QModelIndex) -> None:
        row = self.links_model.row_at(index.row())
        if row.other_id is not None:
            self.open_person.emit(row.other_id)

    # ---- helpers -----------------------------------------------------------------------------
    def _run(self, change: Callable[[], object]) -> None:
        try:
            change()
        except REFUSALS as error:
            self.refuse(error)
        self.reload()

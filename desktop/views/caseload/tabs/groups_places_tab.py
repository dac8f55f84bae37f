"""The record's Groups and places tab: the peer groups and places the young person is linked to,
now and before, with dates and source; linking, ending and removing links."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QPushButton, QTableView, QVBoxLayout, QWidget

from desktop.services.bundle import Services
from desktop.services.context_rows import ContextInputError, ContextLink
from desktop.services.context_service import ContextService
from desktop.services.people_service import PersonRecord
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.views.caseload.context_dialogs import Target
from desktop.views.caseload.context_link_dialog import ContextLinkDialog, EndLinkDialog
from desktop.views.caseload.list_section import (
    action_button,
    confirm,
    key_shortcut,
    list_section,
    list_table,
)
from desktop.views.caseload.record_tab import RecordTab
from desktop.views.common.fixed_rows_model import FixedRowsModel
from desktop.views.common.when import date_text

REFUSALS = (ContextInputError, RecordNotFoundError, PermissionDeniedError)
COLUMNS: list[tuple[str, Callable[[ContextLink], Any]]] = [
    ("Name", lambda row: row.name),
    ("Since", lambda row: date_text(row.since, "Not known")),
    ("Until", lambda row: date_text(row.until, "Still linked")),
    ("Now", lambda row: "Linked" if row.current else "Ended"),
    ("Source", lambda row: row.source),
]


# The two halves share a page, and the record's tab bar has its own Alt keys (Details, People,
# Groups and places, Missing…), so each button has a letter of its own.
BUTTON_LABELS = {
    Target.GROUP: ("Link to a gro&up…", "E&nd link…", "Remove link"),
    Target.PLACE: ("Link to a pl&ace…", "&End link…", "Remove lin&k"),
}


class ContextLinks(QWidget):
    """One of the two halves: the links to groups, or to places."""

    activated = Signal(int)  # the group's or place's id

    def __init__(self, tab: GroupsPlacesTab, target: Target) -> None:
        super().__init__()
        self._tab = tab
        self.target = target
        noun, plural = target.noun, f"{target.noun}s"
        self.model: FixedRowsModel[ContextLink] = FixedRowsModel(
            COLUMNS,
            muted=lambda row: not row.current,
            tooltip=lambda row: f"Double-click to open the {noun}'s page",
        )
        self.table: QTableView = list_table(f"Linked {plural}", self.model)
        self.table.activated.connect(self._activated)
        link_label, end_label, remove_label = BUTTON_LABELS[target]
        self.link_button = action_button(
            link_label, f"Link the young person to a {noun}, existing or new", self.link
        )
        self.end_button = action_button(
            end_label, "The chosen link stopped being true: give the day", self.end_link
        )
        self.remove_button = action_button(
            remove_label,
            "Remove a link made in error; a link that was true once is ended instead",
            self.remove_link,
            also="Delete in the list",
        )
        key_shortcut(self.table, Qt.Key.Key_Delete, self.remove_link)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        buttons: list[QPushButton] = [self.link_button, self.end_button, self.remove_button]
        layout.addWidget(list_section(f"{noun.capitalize()}s", self.table, buttons))
        self.table.selectionModel().selectionChanged.connect(self.update_buttons)

    @property
    def _context(self) -> ContextService:
        return self._tab.services.context

    def load(self) -> None:
        person_id = self._tab.record.id
        if self.target is Target.GROUP:
            self.model.set_rows(self._context.person_groups(person_id))
        else:
            self.model.set_rows(self._context.person_places(person_id))
        self.update_buttons()

    def chosen(self) -> ContextLink | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def update_buttons(self) -> None:
        row = self.chosen()
        self.end_button.setEnabled(row is not None and row.current)
        self.remove_button.setEnabled(row is not None)

    def _activated(self, index: QModelIndex) -> None:
        self.activated.emit(self.model.row_at(index.row()).target_id)

    def link(self) -> None:
        tab = self._tab
        if ContextLinkDialog(tab, tab.services, tab.record.id, self.target).exec():
            tab.reload()

    def end_link(self) -> None:
        row = self.chosen()
        if row is None:
            return
        context = self._context
        end = context.end_group_link if self.target is Target.GROUP else context.end_place_link
        today = self._tab.services.clock.now().date()
        dialog = EndLinkDialog(
            self._tab, row.name, row.since, today, lambda until: end(row.link_id, until)
        )
        if dialog.exec():
            self._tab.reload()

    def remove_link(self) -> None:
        row = self.chosen()
        if row is None:
            return
        question = (
            f"Remove the link to {row.name}? Only for a link made in error: "
            f"a link that was true once should be ended instead, so its history stays."
        )
        if not confirm(self._tab, question):
            return
        context = self._context
        unlink = context.unlink_group if self.target is Target.GROUP else context.unlink_place
        try:
            unlink(row.link_id)
        except REFUSALS as error:
            self._tab.refuse(error)
        self._tab.reload()


class GroupsPlacesTab(RecordTab):
    open_group = Signal(int)
    open_place = Signal(int)

    def __init__(self, services: Services, record: PersonRecord, parent: QWidget | None = None):
        super().__init__(services, record, parent)
        self._seen = False
        self.groups = ContextLinks(self, Target.GROUP)
        self.places = ContextLinks(self, Target.PLACE)
        self.groups.activated.connect(self.open_group)
        self.places.activated.connect(self.open_place)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(14)
        layout.addWidget(self.groups, 1)
        layout.addWidget(self.places, 1)
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        # Another tab (or the clock, for deadlines) may have changed what this one shows.
        if self._seen and not event.spontaneous():
            self.reload()
        self._seen = True
        super().showEvent(event)

    def reload(self) -> None:
        try:
            self.groups.load()
            self.places.load()
        except REFUSALS as error:
            self.refuse(error)

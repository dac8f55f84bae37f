"""Groups and places (contextual safeguarding): every peer group and place with how many young
people are linked to it now, and the page of each one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from desktop.services.bundle import Services
from desktop.services.context_rows import GroupRow, PlaceRow
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.views.caseload.context_dialogs import Target, TargetDialog
from desktop.views.caseload.context_page import ContextPageView
from desktop.views.caseload.list_section import action_button, list_section, list_table
from desktop.views.common.fixed_rows_model import FixedRowsModel

GROUP_COLUMNS: list[tuple[str, Callable[[GroupRow], Any]]] = [
    ("Group", lambda row: row.name),
    ("Linked now", lambda row: row.young_people),
    ("Description", lambda row: " ".join(row.description.split())),
]
PLACE_COLUMNS: list[tuple[str, Callable[[PlaceRow], Any]]] = [
    ("Place", lambda row: row.name),
    ("Kind", lambda row: row.kind.label),
    ("Postcode", lambda row: row.postcode),
    ("Linked now", lambda row: row.young_people),
]
INTRO = (
    "Peer groups and places where harm happens, each linked to the young people known there. "
    "Open one to see its young people and recent incidents."
)


class GroupsPlacesView(QWidget):
    open_person = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._seen = False
        title = QLabel("Groups and places")
        title.setObjectName("pageTitle")
        intro = QLabel(INTRO)
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        self.groups_model: FixedRowsModel[GroupRow] = FixedRowsModel(
            GROUP_COLUMNS,
            centred={1},
            tooltip=lambda row: row.description or "Double-click to open the group's page",
        )
        self.groups = list_table("Peer groups", self.groups_model)
        self.groups.activated.connect(self._group_activated)
        self.places_model: FixedRowsModel[PlaceRow] = FixedRowsModel(
            PLACE_COLUMNS,
            centred={3},
            tooltip=lambda row: row.description or "Double-click to open the place's page",
        )
        self.places = list_table("Places", self.places_model)
        self.places.activated.connect(self._place_activated)
        self.new_group_button = action_button(
            "New &group…", "Record a peer group", lambda: self.new_target(Target.GROUP)
        )
        self.new_place_button = action_button(
            "New &place…",
            "Record a park, estate, bus route, takeaway or school",
            lambda: self.new_target(Target.PLACE),
        )
        lists = QSplitter(Qt.Orientation.Horizontal)
        lists.setChildrenCollapsible(False)
        lists.setHandleWidth(16)
        lists.addWidget(list_section("Peer groups", self.groups, [self.new_group_button]))
        lists.addWidget(list_section("Places", self.places, [self.new_place_button]))
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(title)
        list_layout.addWidget(intro)
        list_layout.addWidget(lists, 1)

        self.page = ContextPageView(services)
        self.page.open_person.connect(self.open_person)
        self.page.back.connect(self.show_list)
        self.page.changed.connect(self._load_lists)
        self.pages = QStackedWidget()
        self.pages.addWidget(list_page)
        self.pages.addWidget(self.page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.pages)
        self.reload()
        self.groups.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        # Young people are linked and unlinked from their records: refresh the counts.
        if self._seen and not event.spontaneous():
            self.reload()
        self._seen = True
        super().showEvent(event)

    def reload(self) -> None:
        self._load_lists()
        if self.pages.currentWidget() is self.page:
            self._guarded(self.page.reload)

    def _load_lists(self) -> None:
        self._guarded(lambda: self.groups_model.set_rows(self._services.context.groups()))
        self._guarded(lambda: self.places_model.set_rows(self._services.context.places()))

    def show_list(self) -> None:
        self._load_lists()
        self.pages.setCurrentIndex(0)
        self.groups.setFocus()

    def show_group(self, group_id: int) -> None:
        if self._guarded(lambda: self.page.show_group(group_id)):
            self._show_page()

    def show_place(self, place_id: int) -> None:
        if self._guarded(lambda: self.page.show_place(place_id)):
            self._show_page()

    def _show_page(self) -> None:
        self.pages.setCurrentWidget(self.page)
        self.page.people.setFocus()

    def new_target(self, target: Target) -> None:
        dialog = TargetDialog(self, self._services.context, target)
        if dialog.exec() and dialog.created_id is not None:
            self._load_lists()
            if target is Target.GROUP:
                ids, table = [row.id for row in self.groups_model.rows], self.groups
            else:
                ids, table = [row.id for row in self.places_model.rows], self.places
            table.selectRow(ids.index(dialog.created_id))
            table.setFocus()

    def _group_activated(self, index: QModelIndex) -> None:
        self.show_group(self.groups_model.row_at(index.row()).id)

    def _place_activated(self, index: QModelIndex) -> None:
        self.show_place(self.places_model.row_at(index.row()).id)

    def _guarded(self, load: Callable[[], object]) -> bool:
        """Runs a service call; says so, and returns False, if the service refuses."""
        try:
            load()
        except (RecordNotFoundError, PermissionDeniedError) as error:
            QMessageBox.warning(self, "Casebook", str(error))
            return False
        return True

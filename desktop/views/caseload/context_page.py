"""One peer group's or place's page: its young people (with dates and source) and its recent
incidents; records the user may not open are only counted."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.services.bundle import Services
from desktop.services.context_rows import (
    GroupPage,
    GroupRow,
    Incident,
    LinkedYoungPerson,
    PlacePage,
    PlaceRow,
)
from desktop.services.context_service import RECENT_DAYS
from desktop.views.caseload.context_dialogs import Target, TargetDialog
from desktop.views.caseload.list_section import (
    action_button,
    key_shortcut,
    list_section,
    list_table,
)
from desktop.views.common.fixed_rows_model import FixedRowsModel
from desktop.views.common.when import date_text, local_time_text

PEOPLE_COLUMNS: list[tuple[str, Callable[[LinkedYoungPerson], Any]]] = [
    ("Case ref", lambda row: row.case_reference),
    ("Young person", lambda row: row.name),
    ("Since", lambda row: date_text(row.since, "Not known")),
    ("Until", lambda row: date_text(row.until, "Still linked")),
    ("Now", lambda row: "Linked" if row.current else "Ended"),
    ("Source", lambda row: row.source),
]
INCIDENT_COLUMNS: list[tuple[str, Callable[[Incident], Any]]] = [
    ("When", lambda row: local_time_text(row.occurred_at)),
    ("Young person", lambda row: f"{row.name} ({row.case_reference})"),
    ("Summary", lambda row: ("Significant: " if row.significant else "") + row.summary),
]


def _others(count: int, one: str, many: str) -> str:
    if not count:
        return ""
    what = one if count == 1 else many
    return f"And {count} {what} on records not open to you (counted, not shown)."


class ContextPageView(QWidget):
    open_person = Signal(int)
    back = Signal()
    changed = Signal()  # the group's or place's name or details were edited

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.target = Target.GROUP
        self.page: GroupPage | PlacePage | None = None
        self.back_button = action_button(
            "← &Back", "Back to all groups and places", self.back.emit, also="Esc"
        )
        self.back_button.setAccessibleName("Back to groups and places")
        self.edit_button = action_button(
            "&Edit details…", "Change the name, kind or description", self.edit
        )
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setAccessibleName("Group or place")
        self.facts = QLabel()
        self.facts.setObjectName("hint")
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)

        self.people_model: FixedRowsModel[LinkedYoungPerson] = FixedRowsModel(
            PEOPLE_COLUMNS,
            muted=lambda row: not row.current,
            tooltip=lambda row: "Double-click to open their record",
        )
        self.people = list_table("Young people linked", self.people_model)
        self.people.activated.connect(self._person_activated)
        self.other_people = QLabel()
        self.other_people.setObjectName("hint")
        self.incidents_model: FixedRowsModel[Incident] = FixedRowsModel(
            INCIDENT_COLUMNS,
            warning=lambda row: row.significant,
            warning_columns={2},
            tooltip=lambda row: f"{row.summary}\nDouble-click to open {row.name}'s record",
        )
        self.incidents = list_table("Recent incidents", self.incidents_model)
        self.incidents.activated.connect(self._incident_activated)
        self.other_incidents = QLabel()
        self.other_incidents.setObjectName("hint")

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.edit_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.setHandleWidth(14)
        no_buttons: list[QPushButton] = []
        splitter.addWidget(list_section("Young people", self.people, no_buttons, self.other_people))
        splitter.addWidget(
            list_section(
                f"Incidents in the last {RECENT_DAYS} days",
                self.incidents,
                no_buttons,
                self.other_incidents,
            )
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.facts)
        layout.addWidget(self.description)
        layout.addSpacing(6)
        layout.addWidget(splitter, 1)
        key_shortcut(
            self, Qt.Key.Key_Escape, self.back.emit, Qt.ShortcutContext.WidgetWithChildrenShortcut
        )

    def show_group(self, group_id: int) -> None:
        self.target = Target.GROUP
        self._show(self._services.context.group_page(group_id))

    def show_place(self, place_id: int) -> None:
        self.target = Target.PLACE
        self._show(self._services.context.place_page(place_id))

    def reload(self) -> None:
        if self.page is None:
            return
        if isinstance(self.page, GroupPage):
            self.show_group(self.page.group.id)
        else:
            self.show_place(self.page.place.id)

    def subject(self) -> GroupRow | PlaceRow | None:
        if self.page is None:
            return None
        return self.page.group if isinstance(self.page, GroupPage) else self.page.place

    def _show(self, page: GroupPage | PlacePage) -> None:
        self.page = page
        now = page.group.young_people if isinstance(page, GroupPage) else page.place.young_people
        linked = f"{now} young {'person' if now == 1 else 'people'} linked now"
        if isinstance(page, GroupPage):
            self.title.setText(page.group.name)
            facts = ["Peer group", linked]
            description = page.group.description
        else:
            self.title.setText(page.place.name)
            facts = [page.place.kind.label, page.place.postcode, linked]
            description = page.place.description
        self.facts.setText(" · ".join(part for part in facts if part))
        self.description.setText(description)
        self.description.setVisible(bool(description))
        self.people_model.set_rows(page.young_people)
        self.other_people.setText(
            _others(page.other_young_people, "other young person", "other young people")
        )
        self.other_people.setVisible(bool(page.other_young_people))
        self.incidents_model.set_rows(page.incidents)
        self.other_incidents.setText(
            _others(page.other_incidents, "other incident", "other incidents")
        )
        self.other_incidents.setVisible(bool(page.other_incidents))
        self.setAccessibleName(f"{self.title.text()}: {self.facts.text()}")

    def edit(self) -> None:
        subject = self.subject()
        if subject is None:
            return
        if TargetDialog(self, self._services.context, self.target, subject).exec():
            self.reload()
            self.changed.emit()

    def _person_activated(self, index: QModelIndex) -> None:
        self.open_person.emit(self.people_model.row_at(index.row()).person_id)

    def _incident_activated(self, index: QModelIndex) -> None:
        self.open_person.emit(self.incidents_model.row_at(index.row()).person_id)

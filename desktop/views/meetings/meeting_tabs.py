"""A meeting page's tabs: who came and who was discussed, the agenda items, and the actions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.services.meeting_records import (
    AttendeeRow,
    ItemRow,
    MeetingActionRow,
    PersonDiscussed,
)
from desktop.views.caseload.tabs.tab_parts import action_button, hint, section_title
from desktop.views.common.action_texts import action_look
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import RowsTableModel
from desktop.views.meetings.meeting_parts import ACTION_DUE, ActionColumns

ATTENDEE_COLUMNS = (
    ("Name", lambda row: row.name),
    ("Agency", lambda row: row.agency),
    ("Role", lambda row: row.role),
    ("Attendance", lambda row: "Present" if row.present else "Apologies"),
)
PEOPLE_COLUMNS = (
    ("Young person", lambda row: row.name),
    ("Case reference", lambda row: row.case_reference),
)
ITEM_COLUMNS = (
    ("#", lambda row: row.position),
    ("Item", lambda row: row.title),
    ("Decisions", lambda row: row.decisions.replace("\n", " ")),
)


def boxed(
    title: QLabel, buttons: list[QWidget], body: QWidget, under: QWidget | None = None
) -> QWidget:
    """A titled block: the title and its buttons over a table (and a line under it)."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 6)
    top = QHBoxLayout()
    top.addWidget(title)
    top.addStretch(1)
    for button in buttons:
        top.addWidget(button)
    layout.addLayout(top)
    layout.addWidget(body, 1)
    if under is not None:
        layout.addWidget(under)
    return box


def splitter(*boxes: QWidget) -> QSplitter:
    split = QSplitter(Qt.Orientation.Vertical)
    for box in boxes:
        split.addWidget(box)
    split.setChildrenCollapsible(False)
    return split


class PeopleTab(QWidget):
    """Attendees (present or apologies) over the young people discussed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_attendee_button = action_button("Add &attendee…", "Add someone invited")
        self.remove_attendee_button = action_button("&Remove attendee", "Remove the chosen one")
        self.add_person_button = action_button("Add &young person…", "Add a young person discussed")
        self.remove_person_button = action_button(
            "Remove y&oung person", "The chosen young person was not discussed"
        )
        self.attendees: RowTable[AttendeeRow] = RowTable(
            RowsTableModel(ATTENDEE_COLUMNS),
            "Attendees",
            "No attendees yet. Choose Add attendee… to add who was invited.",
            (220, 220, 220),
        )
        self.people: RowTable[PersonDiscussed] = RowTable(
            RowsTableModel(PEOPLE_COLUMNS), "Young people discussed", "No young people yet.", (260,)
        )
        self.attendee_count = section_title("Attendees")
        self.hidden = hint(wrap=True)
        self.attendees.selection_changed.connect(self._chosen)
        self.people.selection_changed.connect(self._chosen)
        split = splitter(
            boxed(
                self.attendee_count,
                [self.add_attendee_button, self.remove_attendee_button],
                self.attendees,
            ),
            boxed(
                section_title("Young people discussed"),
                [self.add_person_button, self.remove_person_button],
                self.people,
                self.hidden,
            ),
        )
        split.setSizes([300, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(split, 1)

    def load(
        self, attendees: list[AttendeeRow], people: list[PersonDiscussed], hidden: int
    ) -> None:
        self.attendees.set_rows(attendees)
        self.people.set_rows(people)
        present = sum(a.present for a in attendees)
        apologies = len(attendees) - present
        self.attendee_count.setText(
            f"Attendees · {present} present, {apologies} apologies" if attendees else "Attendees"
        )
        self.hidden.setText(
            f"{hidden} more young people discussed whose records you cannot open." if hidden else ""
        )
        self.hidden.setVisible(bool(hidden))
        self._chosen()

    def _chosen(self) -> None:
        self.remove_attendee_button.setEnabled(self.attendees.selected() is not None)
        self.remove_person_button.setEnabled(self.people.selected() is not None)


class AgendaTab(QWidget):
    """The agenda items over the chosen item's discussion and decisions in full."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_button = action_button("&Add item…", "Add an agenda item")
        self.edit_button = action_button("&Edit item…", "Change the chosen item")
        self.items: RowTable[ItemRow] = RowTable(
            RowsTableModel(ITEM_COLUMNS),
            "Agenda items",
            "No agenda items yet. Choose Add item… to record the first.",
            (40, 320),
        )
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setAccessibleName("The chosen item")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setContentsMargins(10, 8, 10, 8)
        self.detail.setStyleSheet("background:palette(base);")
        # A long discussion scrolls inside its pane instead of pushing the table away.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        self.items.selection_changed.connect(self._chosen)
        split = splitter(
            boxed(section_title("Agenda"), [self.add_button, self.edit_button], self.items),
            scroll,
        )
        split.setSizes([260, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(split, 1)

    def load(self, items: list[ItemRow]) -> None:
        chosen = self.items.selected()
        self.items.set_rows(items)
        if chosen is None or not self.items.select_where(lambda row: row.id == chosen.id):
            self.items.select_index(0)
        self._chosen()

    def _chosen(self) -> None:
        item = self.items.selected()
        self.edit_button.setEnabled(item is not None)
        if item is None:
            self.detail.setText("")
            return
        self.detail.setText(
            f"{item.title}\n\nDiscussion:\n{item.discussion or '—'}"
            f"\n\nDecisions:\n{item.decisions or '—'}"
        )


class ActionsTab(QWidget):
    changed = Signal()

    def __init__(self, columns: ActionColumns, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_button = action_button("&Add action…", "Add an action from this meeting")
        self.edit_button = action_button("Edit ac&tion…", "Change the chosen action")
        self.done_button = action_button("Mark &done", "The chosen action is done")
        self.table: RowTable[MeetingActionRow] = RowTable(
            RowsTableModel(columns.meeting(), action_look(ACTION_DUE)),
            "Actions",
            "No actions yet. Choose Add action… to record one.",
            (320, 170, 170, 240),
        )
        self.hidden = hint(wrap=True)
        self.table.selection_changed.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(
            boxed(
                section_title("Actions"),
                [self.add_button, self.edit_button, self.done_button],
                self.table,
                self.hidden,
            ),
            1,
        )

    def load(self, rows: list[MeetingActionRow], hidden: int) -> None:
        chosen = self.table.selected()
        self.table.set_rows(rows)
        if chosen is not None:
            self.table.select_where(lambda row: row.id == chosen.id)
        self.hidden.setText(
            f"{hidden} more actions about young people whose records you cannot open."
            if hidden
            else ""
        )
        self.hidden.setVisible(bool(hidden))
        self._chosen()

    def select(self, wanted: Callable[[MeetingActionRow], bool]) -> bool:
        return self.table.select_where(wanted)

    def _chosen(self) -> None:
        action = self.table.selected()
        self.edit_button.setEnabled(action is not None)
        self.done_button.setEnabled(action is not None and action.is_open)

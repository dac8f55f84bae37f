"""My work: the records I opened last, my open cases grouped by RAG (red first), overdue tasks,
and what is due this week; Ctrl+E writes a chronology entry on the chosen young person."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.models.choices import Rag
from desktop.services.bundle import Services
from desktop.services.coaching_access import may_edit
from desktop.services.permissions import PermissionDeniedError
from desktop.services.recent_records import RecentRecord
from desktop.services.task_service import MyCase, MyWork, ReviewDue, TaskRow
from desktop.views.caseload.tabs.chronology_tab import ADD_SHORTCUT
from desktop.views.caseload.tabs.dialog_fields import OVERDUE_RED, RAG_TINTS, day, rag_text
from desktop.views.caseload.tabs.tab_parts import action_button, hint, section_title
from desktop.views.caseload.tabs.tasks_tab import due_text
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import PLAIN, RowLook, RowsTableModel
from desktop.views.home.coaching_work_panel import CoachingWorkPanel
from desktop.views.home.record_opener import add_entry_on_open_record


@dataclass(frozen=True)
class RagHeading:
    """A group's heading row in the cases table ("Red · 2 cases")."""

    rag: Rag | None
    count: int


CaseLine = RagHeading | MyCase


def _case_cell(column: int, line: CaseLine) -> str:
    if isinstance(line, RagHeading):
        if column:
            return ""
        cases = f"{line.count} case{'' if line.count == 1 else 's'}"
        return f"{rag_text(line.rag)} · {cases}"
    name = f"{line.name} ({line.known_as})" if line.known_as else line.name
    values = (
        rag_text(line.rag),
        line.case_reference,
        name,
        line.status.label,
        day(line.rag_review_due),
        "Key worker" if line.is_key_worker else "Allocated",
    )
    return values[column]


def _case_tooltip(line: CaseLine) -> str:
    if isinstance(line, RagHeading):
        return ""
    return "You are the key worker" if line.is_key_worker else "You are allocated to this case"


CASE_HEADERS = ("RAG", "Case ref", "Name", "Status", "Review by", "My part")
CASE_COLUMNS = tuple(
    (header, lambda line, column=column: _case_cell(column, line))
    for column, header in enumerate(CASE_HEADERS)
)


def _case_look(line: CaseLine, column: int) -> RowLook:
    rag = line.rag
    tint = RAG_TINTS[rag] if rag is not None else "#edf2f7"
    if isinstance(line, RagHeading):
        return RowLook(background=tint, bold=True)
    return RowLook(background=tint) if column == 0 else PLAIN


def _person(task: TaskRow) -> str:
    return f"{task.case_reference} · {task.person_name}"


TASK_COLUMNS = (
    ("Due", due_text),
    ("Task", lambda row: row.title),
    ("Young person", _person),
)
RECENT_COLUMNS = (
    ("Case ref", lambda row: row.case_reference),
    ("Name", lambda row: row.display_name),
)
REVIEW_COLUMNS = (
    ("Review by", lambda row: day(row.review_due) + (" · Overdue" if row.overdue else "")),
    ("RAG", lambda row: row.rag.label),
    ("Young person", lambda row: f"{row.case_reference} · {row.name}"),
)


def _task_look(row: TaskRow, column: int) -> RowLook:
    return RowLook(foreground=OVERDUE_RED, bold=column == 0) if row.overdue else PLAIN


def _review_look(row: ReviewDue, column: int) -> RowLook:
    if column == 1:
        return RowLook(background=RAG_TINTS[row.rag])
    return RowLook(foreground=OVERDUE_RED, bold=column == 0) if row.overdue else PLAIN


def _select_where_the_cursor_lands(table: RowTable[Any]) -> None:
    """Reaching a list by Alt or Tab puts Qt's cursor on its first row without choosing it:
    choose it, so Enter or Ctrl+E acts on the row the person sees marked."""
    view = table.view

    def choose(current: QModelIndex) -> None:
        if current.isValid() and not view.selectionModel().hasSelection():
            view.selectRow(current.row())

    view.selectionModel().currentChanged.connect(choose)


class MyWorkView(QWidget):
    """The records opened last (Alt+O), then the most urgent: overdue tasks, reviews and tasks
    due this week, then every open case. Enter opens a row's record; Ctrl+E also starts a new
    chronology entry on it."""

    open_person = Signal(int)  # the young person's id, when a row is activated

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        title = QLabel("My work")
        title.setObjectName("pageTitle")
        self.today = hint()
        self.refresh_button = action_button("Refresh", "Fetch my work again", "F5")
        self.refresh_button.clicked.connect(self.reload)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.hide()
        self.recent: RowTable[RecentRecord] = RowTable(
            RowsTableModel(RECENT_COLUMNS),
            "Recently opened",
            "No records opened yet: the ones you open will be listed here.",
            (105,),
        )
        self.recent.activated.connect(lambda row: self.open_person.emit(row.person_id))
        self.recent.fit_height(5)  # like the lists below: short, then it scrolls
        self.overdue = self._task_table("Overdue tasks", "No overdue tasks.")
        self.reviews: RowTable[ReviewDue] = RowTable(
            RowsTableModel(REVIEW_COLUMNS, _review_look),
            "Reviews due this week",
            "No RAG reviews due this week.",
            (170, 80),
        )
        self.due_soon = self._task_table("Tasks due this week", "No tasks due this week.")
        self.cases: RowTable[CaseLine] = RowTable(
            RowsTableModel(CASE_COLUMNS, _case_look, _case_tooltip),
            "My cases",
            "No open cases where you are key worker or allocated.",
            (80, 105, 260, 100, 100),
        )
        self.cases.setMinimumHeight(220)
        self.case_counts = hint()
        for table in (self.overdue, self.due_soon):
            table.activated.connect(lambda row: self.open_person.emit(row.person_id))
            table.fit_height(5)
        self.reviews.activated.connect(lambda row: self.open_person.emit(row.person_id))
        self.reviews.fit_height(5)
        self.cases.activated.connect(self._case_activated)
        for each in (self.recent, self.overdue, self.reviews, self.due_soon, self.cases):
            _select_where_the_cursor_lands(each)
        # Employment coaches and the coordinator also see the coaching plans' work.
        self.coaching: CoachingWorkPanel | None = None
        if may_edit(services.user):
            self.coaching = CoachingWorkPanel()
            self.coaching.open_person.connect(self.open_person)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.today)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        page = QWidget()
        sections = QVBoxLayout(page)
        sections.setContentsMargins(0, 0, 0, 0)
        sections.setSpacing(4)
        recent_title = section_title("Recently &opened")
        recent_title.setBuddy(self.recent.view)
        recent_title.setToolTip("Alt+O to reach the list; Enter opens the record")
        sections.addWidget(recent_title)
        sections.addWidget(self.recent)
        sections.addSpacing(8)
        for text, widget in (
            ("Overdue tasks", self.overdue),
            ("Reviews due this week", self.reviews),
            ("Tasks due this week", self.due_soon),
        ):
            sections.addWidget(section_title(text))
            sections.addWidget(widget)
            sections.addSpacing(8)
        if self.coaching is not None:
            sections.addWidget(self.coaching)
            sections.addSpacing(8)
        cases_head = QHBoxLayout()
        cases_head.addWidget(section_title("My cases by RAG"))
        cases_head.addWidget(self.case_counts)
        cases_head.addStretch(1)
        sections.addLayout(cases_head)
        sections.addWidget(self.cases, 1)
        scroll = QScrollArea()
        scroll.setWidget(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        # Loaded when shown (showEvent), not here as well: on a large caseload it takes time.
        # The record's own Ctrl+E, one step sooner: open the chosen young person and write.
        add = QShortcut(QKeySequence(ADD_SHORTCUT), self)
        add.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add.setWhatsThis("Open the chosen young person's record and add a chronology entry")
        add.activated.connect(self.add_entry)

    @staticmethod
    def _task_table(name: str, empty: str) -> RowTable[TaskRow]:
        return RowTable(
            RowsTableModel(TASK_COLUMNS, _task_look, lambda row: row.detail),
            name,
            empty,
            (170, 320),
        )

    def showEvent(self, event: QShowEvent) -> None:
        # Coming back to the home screen shows work done elsewhere meanwhile.
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        try:
            work = self.services.tasks.my_work()
            coaching = None if self.coaching is None else self.services.coaching_work.due()
        except PermissionDeniedError as error:
            self.message.setText(str(error))
            self.message.show()
            return
        self.message.hide()
        self.recent.set_rows(self.services.recent_records.recent())
        self.show_work(work)
        if self.coaching is not None and coaching is not None:
            self.coaching.show_work(coaching)

    def show_work(self, work: MyWork) -> None:
        self.today.setText(work.today.strftime("%A %d %B %Y"))
        lines: list[CaseLine] = []
        counts = []
        for rag, cases in work.cases_by_rag():
            lines.append(RagHeading(rag, len(cases)))
            lines.extend(cases)
            counts.append(f"{len(cases)} {rag_text(rag).lower()}")
        self.cases.set_rows(lines)
        self.cases.view.clearSpans()
        for number, line in enumerate(lines):
            if isinstance(line, RagHeading):
                self.cases.view.setSpan(number, 0, 1, len(CASE_HEADERS))
        self.case_counts.setText(" · ".join(counts))
        self.overdue.set_rows(work.overdue_tasks)
        self.reviews.set_rows(work.reviews_due)
        self.due_soon.set_rows(work.tasks_due_this_week)

    def _case_activated(self, line: CaseLine) -> None:
        if isinstance(line, MyCase):
            self.open_person.emit(line.person_id)

    # ---- Ctrl+E --------------------------------------------------------------------------
    def chosen_person(self) -> int | None:
        """The young person of the row chosen in the list that has the focus, else in My
        cases, else in Recently opened."""
        tables: list[RowTable[RecentRecord] | RowTable[TaskRow] | RowTable[ReviewDue]] = [
            self.recent,
            self.overdue,
            self.reviews,
            self.due_soon,
        ]
        focused = next((t for t in tables if t.view.hasFocus()), None)
        if focused is not None:
            row = focused.selected()
            return None if row is None else row.person_id
        if self.cases.view.hasFocus() or self.cases.selected() is not None:
            line = self.cases.selected()
            return line.person_id if isinstance(line, MyCase) else None
        row = self.recent.selected()
        return None if row is None else row.person_id

    def add_entry(self) -> None:
        """Opens the chosen young person's record and its new chronology entry at once."""
        person_id = self.chosen_person()
        if person_id is None:
            self.message.setText(
                "Choose a young person in one of the lists first, then press "
                f"{ADD_SHORTCUT} to write a chronology entry."
            )
            self.message.show()
            return
        self.message.hide()
        self.open_person.emit(person_id)
        add_entry_on_open_record(self, person_id)

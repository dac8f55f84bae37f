"""The Families tab: the therapy cases this user manages, open or closed, with their sessions
held and attendance so far."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from desktop.models.accounts import Role
from desktop.models.choices import TherapyModel
from desktop.services.bundle import Services
from desktop.services.therapy_records import CaseRow, CaseTally
from desktop.views.caseload.tabs.dialog_fields import MUTED
from desktop.views.caseload.tabs.tab_parts import hint
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import PLAIN, RowLook, RowsTableModel
from desktop.views.common.when import date_text
from desktop.views.therapy.therapy_case_parts import local_today, rate_text

OPEN, CLOSED, EVERY = "open", "closed", "all"
FILTERS = ((OPEN, "Open cases"), (CLOSED, "Closed cases"), (EVERY, "All cases"))
# How the count under the filter names what it counts: "2 open cases", "1 closed case".
COUNTED = {OPEN: "open case", CLOSED: "closed case", EVERY: "case"}
THERAPIST_COLUMN = 1


@dataclass(frozen=True)
class FamilyRow:
    """A case as the list shows it: the service's row and its tally of sessions."""

    id: int
    family: str
    therapist: str
    model_of_work: TherapyModel
    started_on: date | None
    ended_on: date | None
    tally: CaseTally

    def closed(self, today: date) -> bool:
        return self.ended_on is not None and self.ended_on <= today


def sessions_text(row: FamilyRow) -> str:
    held = row.tally.held
    text = f"{held} held"
    return f"{text} · {row.tally.upcoming} booked" if row.tally.upcoming else text


COLUMNS = (
    ("Family", lambda row: row.family),
    ("Therapist", lambda row: row.therapist),
    ("Model of work", lambda row: row.model_of_work.label),
    ("Started", lambda row: date_text(row.started_on, "Not started")),
    ("Ended", lambda row: date_text(row.ended_on, "Open")),
    ("Sessions", sessions_text),
    ("Attendance", lambda row: rate_text(row.tally.attended, row.tally.offered)),
)


def family_rows(cases: list[CaseRow], tallies: dict[int, CaseTally]) -> list[FamilyRow]:
    return [
        FamilyRow(
            case.id,
            case.family,
            case.therapist,
            case.model_of_work,
            case.started_on,
            case.ended_on,
            tallies.get(case.id, CaseTally(case.id, 0, 0, 0, 0)),
        )
        for case in cases
    ]


class TherapyCaseList(QWidget):
    open_case = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.filter = QComboBox()
        self.filter.setAccessibleName("Show")
        for value, label in FILTERS:
            self.filter.addItem(label, value)
        self.filter.currentIndexChanged.connect(self.reload)
        self.count = hint()
        self._today = local_today(services.clock.now())
        self.table: RowTable[FamilyRow] = RowTable(
            RowsTableModel(COLUMNS, self._look),
            "Families",
            "No therapy cases yet. Choose New case… to start one.",
            (260, 160, 190, 95, 95, 130),
        )
        # A therapist's list holds only their own cases: the column would repeat their name.
        self.table.view.setColumnHidden(
            THERAPIST_COLUMN, services.user.role is not Role.COORDINATOR
        )
        self.table.activated.connect(lambda row: self.open_case.emit(row.id))
        top = QHBoxLayout()
        top.addWidget(self.filter)
        top.addWidget(self.count)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.reload()

    def _look(self, row: FamilyRow, column: int) -> RowLook:
        return RowLook(foreground=MUTED, italic=True) if row.closed(self._today) else PLAIN

    def reload(self) -> None:
        chosen = self.table.selected()
        self._today = local_today(self._services.clock.now())
        rows = family_rows(
            self._services.therapy.cases(), self._services.therapy_diary.case_tallies()
        )
        shown = self.filter.currentData()
        if shown == OPEN:
            rows = [row for row in rows if not row.closed(self._today)]
        elif shown == CLOSED:
            rows = [row for row in rows if row.closed(self._today)]
        self.table.set_rows(rows)
        if chosen is not None:
            self.table.select_where(lambda row: row.id == chosen.id)
        noun = COUNTED[str(shown)]
        self.count.setText(f"{len(rows)} {noun}{'' if len(rows) == 1 else 's'}")
        self.table.empty.setText(
            "No therapy cases yet. Choose New case… to start one."
            if shown == EVERY
            else f"No {noun}s."
        )

    def showEvent(self, event: QShowEvent) -> None:
        # Back from a case (or a day later): its new sessions and dates show at once.
        # Built at sign-in, shown later: what it read then may be out of date.
        if not event.spontaneous():
            self.reload()
        super().showEvent(event)

"""The Diary tab: this therapist's sessions for a week or a month, past and upcoming, beside the
attendance so far of each family seen in that range."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.services.bundle import Services
from desktop.services.therapy_records import CaseTally, DiaryRow
from desktop.views.caseload.tabs.tab_parts import action_button, hint, section_title
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import PLAIN, RowLook, RowsTableModel
from desktop.views.therapy.therapy_case_parts import (
    UNRECORDED_INK,
    UPCOMING_INK,
    UPCOMING_TINT,
    day_text,
    length_text,
    local_today,
    outcome_text,
    rate_text,
    time_text,
)

WEEK, MONTH = "week", "month"
OUTCOME_COLUMN = 6


def diary_range(kind: str, day: date) -> tuple[date, date]:
    """The week (Monday to Sunday) or calendar month holding day: first day, day after last."""
    if kind == WEEK:
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=7)
    start = day.replace(day=1)
    following = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return start, following


def local_midnight(day: date) -> datetime:
    """The start of a day on this computer's clock, as an aware datetime."""
    return datetime(day.year, day.month, day.day).astimezone()


def range_text(kind: str, start: date, end: date) -> str:
    if kind == MONTH:
        return start.strftime("%B %Y")
    last = end - timedelta(days=1)
    return f"{start:%a %d/%m/%Y} – {last:%a %d/%m/%Y}"


@dataclass(frozen=True)
class DiaryLine:
    """A diary row with the moment it was read, so "upcoming" and "not recorded" agree."""

    row: DiaryRow
    now: datetime


@dataclass(frozen=True)
class FamilyRate:
    case_id: int
    family: str
    tally: CaseTally


SESSION_COLUMNS = (
    ("Date", lambda line: day_text(line.row.starts_at)),
    ("Time", lambda line: time_text(line.row.starts_at)),
    ("Length", lambda line: length_text(line.row.minutes)),
    ("Family", lambda line: line.row.family),
    ("Where", lambda line: line.row.location.label),
    ("No.", lambda line: line.row.number),
    ("Outcome", lambda line: outcome_text(line.row.outcome, line.row.starts_at, line.now)),
)
RATE_COLUMNS = (
    ("Family", lambda rate: rate.family),
    ("Came so far", lambda rate: rate_text(rate.tally.attended, rate.tally.offered)),
)


def diary_look(line: DiaryLine, column: int) -> RowLook:
    if line.row.upcoming:
        return RowLook(
            foreground=UPCOMING_INK, background=UPCOMING_TINT, bold=column < 2, italic=True
        )
    if outcome_text(line.row.outcome, line.row.starts_at, line.now) == "Outcome not recorded":
        return RowLook(foreground=UNRECORDED_INK, bold=column == OUTCOME_COLUMN)
    return PLAIN


class DiaryTab(QWidget):
    open_session = Signal(int, int)  # case id, session id

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.day = local_today(services.clock.now())
        self.kind = QComboBox()
        self.kind.setAccessibleName("Diary range")
        self.kind.addItem("Week", WEEK)
        self.kind.addItem("Month", MONTH)
        self.kind.setMinimumWidth(100)
        self.kind.currentIndexChanged.connect(self.reload)
        self.previous_button = action_button("◀ Previous", "Show the week or month before")
        self.previous_button.setAccessibleName("Previous")
        self.today_button = action_button("Today", "Show the week or month of today")
        self.next_button = action_button("Next ▶", "Show the week or month after")
        self.next_button.setAccessibleName("Next")
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_to_today)
        self.range_label = QLabel()
        self.range_label.setObjectName("sectionTitle")
        self.range_label.setAccessibleName("Dates shown")
        self.count = hint()
        self.table: RowTable[DiaryLine] = RowTable(
            RowsTableModel(SESSION_COLUMNS, diary_look),
            "Diary",
            "No sessions in these dates.",
            (125, 55, 65, 190, 130, 45),
        )
        self.table.activated.connect(
            lambda line: self.open_session.emit(line.row.case_id, line.row.session_id)
        )
        self.rates: RowTable[FamilyRate] = RowTable(
            RowsTableModel(RATE_COLUMNS), "Attendance", "No families in these dates.", (150,)
        )
        legend = hint("Upcoming sessions are shaded blue. Attendance counts sessions held so far.")

        top = QHBoxLayout()
        top.addWidget(self.range_label)
        top.addWidget(self.count)
        top.addStretch(1)
        for widget in (self.kind, self.previous_button, self.today_button, self.next_button):
            top.addWidget(widget)
        side = QWidget()
        side.setMinimumWidth(300)  # the family and its rate side by side, no scrolling
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        side_layout.addWidget(section_title("Attendance"))
        side_layout.addWidget(self.rates, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([850, 330])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(legend)
        self.reload()

    def step(self, direction: int) -> None:
        start, end = diary_range(str(self.kind.currentData()), self.day)
        self.day = end if direction > 0 else start - timedelta(days=1)
        self.reload()

    def go_to_today(self) -> None:
        self.day = local_today(self._services.clock.now())
        self.reload()

    def reload(self) -> None:
        kind = str(self.kind.currentData())
        start, end = diary_range(kind, self.day)
        now = self._services.clock.now()
        rows = self._services.therapy_diary.diary(local_midnight(start), local_midnight(end))
        self.range_label.setText(range_text(kind, start, end))
        upcoming = sum(row.upcoming for row in rows)
        counted = f"{len(rows)} session{'s' if len(rows) != 1 else ''}"
        self.count.setText(f"{counted} · {upcoming} upcoming" if upcoming else counted)
        self.table.set_rows([DiaryLine(row, now) for row in rows])
        tallies = self._services.therapy_diary.case_tallies()
        families: dict[int, str] = {}
        for row in rows:
            families.setdefault(row.case_id, row.family)
        self.rates.set_rows(
            [
                FamilyRate(case_id, family, tallies[case_id])
                for case_id, family in sorted(families.items(), key=lambda item: item[1])
                if case_id in tallies
            ]
        )

    def showEvent(self, event: QShowEvent) -> None:
        # Sessions recorded in a case since this tab was last on screen.
        # Built at sign-in, shown later: what it read then may be out of date.
        if not event.spontaneous():
            self.reload()
        super().showEvent(event)

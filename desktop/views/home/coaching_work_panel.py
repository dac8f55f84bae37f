"""The coaching part of My work: plan reviews due this week or missed, and overdue actions."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.services.coaching_work import CoachReviewDue, CoachWork, OverdueAction
from desktop.views.caseload.tabs.dialog_fields import OVERDUE_RED, day
from desktop.views.caseload.tabs.tab_parts import section_title
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import PLAIN, RowLook, RowsTableModel


def _late(days: int) -> str:
    return f" · {days} day{'' if days == 1 else 's'} late" if days else ""


REVIEW_COLUMNS = (
    ("Review by", lambda row: day(row.due_on) + _late(row.days_overdue)),
    ("Young person", lambda row: f"{row.case_reference} · {row.name}"),
)
ACTION_COLUMNS = (
    ("Due", lambda row: day(row.due_on) + _late(row.days_overdue)),
    ("Action", lambda row: row.action),
    ("Who", lambda row: row.owner_text),
    ("Young person", lambda row: f"{row.case_reference} · {row.name}"),
)


def _review_look(row: CoachReviewDue, column: int) -> RowLook:
    return RowLook(foreground=OVERDUE_RED, bold=column == 0) if row.overdue else PLAIN


def _action_look(row: OverdueAction, column: int) -> RowLook:
    return RowLook(foreground=OVERDUE_RED, bold=column == 0)


class CoachingWorkPanel(QWidget):
    """Shown to employment coaches and the coordinator; a row opens the young person's record."""

    open_person = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reviews: RowTable[CoachReviewDue] = RowTable(
            RowsTableModel(REVIEW_COLUMNS, _review_look),
            "Coaching plan reviews due",
            "No coaching plan reviews due this week.",
            (200,),
        )
        self.overdue_actions: RowTable[OverdueAction] = RowTable(
            RowsTableModel(ACTION_COLUMNS, _action_look, lambda row: f"Goal: {row.goal}"),
            "Overdue coaching actions",
            "No overdue coaching actions.",
            (200, 280, 120),
        )
        for table in (self.reviews, self.overdue_actions):
            table.activated.connect(lambda row: self.open_person.emit(row.person_id))
            table.fit_height(5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(section_title("Coaching plan reviews due"))
        layout.addWidget(self.reviews)
        layout.addSpacing(8)
        layout.addWidget(section_title("Overdue coaching actions"))
        layout.addWidget(self.overdue_actions)

    def show_work(self, work: CoachWork) -> None:
        self.reviews.set_rows(work.reviews_due)
        self.overdue_actions.set_rows(work.overdue_actions)

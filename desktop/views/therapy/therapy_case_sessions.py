"""A therapy case's Sessions tab: every session in order with who came, and the buttons to
record one, edit one, and open its note (the note editor is connected by the section)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop.models.choices import SessionOutcome
from desktop.services.therapy_records import SessionRow
from desktop.views.caseload.tabs.detail_card import DetailCard
from desktop.views.caseload.tabs.tab_parts import action_button, hint, lay_out_table_over_detail
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import PLAIN, RowLook, RowsTableModel
from desktop.views.common.when import local_time_text
from desktop.views.therapy.therapy_case_parts import (
    UNRECORDED_INK,
    UPCOMING_INK,
    UPCOMING_TINT,
    length_text,
    outcome_text,
)


@dataclass(frozen=True)
class SessionLine:
    """A session with its note's state ("Signed", "Draft", "") and the moment it was read."""

    row: SessionRow
    note: str
    now: datetime

    @property
    def upcoming(self) -> bool:
        return self.row.starts_at > self.now

    @property
    def outcome(self) -> str:
        return outcome_text(self.row.outcome, self.row.starts_at, self.now)


def names(found: list[str]) -> str:
    return ", ".join(found) or "—"


COLUMNS = (
    ("No.", lambda line: line.row.number),
    ("Date and time", lambda line: local_time_text(line.row.starts_at)),
    ("Length", lambda line: length_text(line.row.minutes)),
    ("Where", lambda line: line.row.location.label),
    ("Outcome", lambda line: line.outcome),
    ("Note", lambda line: line.note or "—"),
    ("Came", lambda line: names(line.row.attended)),
    ("Did not come", lambda line: names(line.row.absent)),
)
OUTCOME_COLUMN = 4


def session_look(line: SessionLine, column: int) -> RowLook:
    if line.upcoming:
        return RowLook(foreground=UPCOMING_INK, background=UPCOMING_TINT, italic=True)
    if line.row.outcome is SessionOutcome.SCHEDULED:
        return RowLook(foreground=UNRECORDED_INK, bold=column == OUTCOME_COLUMN)
    return PLAIN


class TherapyCaseSessions(QWidget):
    record_requested = Signal()
    edit_requested = Signal(int)  # session id
    note_requested = Signal(int)  # session id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record_button = action_button(
            "Record session…", "Record a session held, or book one still to come", "Ctrl+Shift+S"
        )
        self.edit_button = action_button(
            "Edit session…", "Change the chosen session, or record how a booked one went", "Ctrl+E"
        )
        self.note_button = action_button("Session &note…", "Write or read the session's note")
        self.note_button.setAccessibleName("Session note")
        self.record_button.clicked.connect(self.record_requested)
        self.edit_button.clicked.connect(self._edit)
        self.note_button.clicked.connect(self._note)
        self.table: RowTable[SessionLine] = RowTable(
            RowsTableModel(COLUMNS, session_look),
            "Sessions",
            "No sessions yet. Choose Record session… to add the first, or to book one.",
            (40, 132, 66, 105, 145, 60, 290),
        )
        self.table.selection_changed.connect(self._selection_changed)
        self.table.activated.connect(lambda line: self.edit_requested.emit(line.row.id))
        self.detail = DetailCard("Session details", "Choose a session to see it in full.")
        self.count = hint()
        lay_out_table_over_detail(
            self,
            "Sessions",
            self.count,
            [self.record_button, self.edit_button, self.note_button],
            self.table,
            self.detail,
            (400, 120),
        )
        self._selection_changed()

    def show_sessions(self, lines: list[SessionLine]) -> None:
        chosen = self.table.selected()
        self.table.set_rows(lines)
        if chosen is not None:
            self.table.select_where(lambda line: line.row.id == chosen.row.id)
        held = sum(not line.upcoming for line in lines)
        booked = len(lines) - held
        text = f"{held} held" + (f" · {booked} booked" if booked else "")
        self.count.setText(text if lines else "")
        self._selection_changed()

    def select_session(self, session_id: int) -> bool:
        return self.table.select_where(lambda line: line.row.id == session_id)

    def _selection_changed(self) -> None:
        line = self.table.selected()
        self.edit_button.setEnabled(line is not None)
        # A note is written about a session that has begun.
        self.note_button.setEnabled(line is not None and not line.upcoming)
        if line is None:
            self.detail.show_pairs([])
            return
        row = line.row
        self.detail.show_pairs(
            [
                (
                    f"Session {row.number}",
                    f"{local_time_text(row.starts_at)} · {length_text(row.minutes)} · "
                    f"{row.location.label} · {line.outcome}",
                ),
                ("Came", ", ".join(row.attended)),
                ("Did not come", ", ".join(row.absent)),
                ("Note", line.note),
            ]
        )

    def _edit(self) -> None:
        line = self.table.selected()
        if line is not None:
            self.edit_requested.emit(line.row.id)

    def _note(self) -> None:
        line = self.table.selected()
        if line is not None:
            self.note_requested.emit(line.row.id)

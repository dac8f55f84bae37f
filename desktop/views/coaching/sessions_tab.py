"""A coaching plan's Sessions tab: every session newest first, missed ones marked in words, with
Record and Edit for the coach and the chosen session in full below."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop.services.bundle import Services
from desktop.services.coaching_session_records import SessionInput, SessionRow
from desktop.views.caseload.tabs.detail_card import DetailCard
from desktop.views.caseload.tabs.tab_parts import (
    action_button,
    hint,
    lay_out_table_over_detail,
    show_for,
)
from desktop.views.coaching.coaching_session_dialog import CHRONOLOGY_HINT, CoachingSessionDialog
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import PLAIN, RowLook, RowsTableModel
from desktop.views.common.when import local_time_text

ATTENDED_COLUMN = 3
# A missed session: a pale warm row in italics, and always the words "Did not attend".
MISSED_TINT = "#fbeee6"
MISSED_INK = "#8a3b12"


def attended_text(row: SessionRow) -> str:
    return "Attended" if row.attended else "Did not attend"


def one_line(text: str) -> str:
    return " ".join(text.split()) or "—"


COLUMNS = (
    ("Date and time", lambda row: local_time_text(row.held_at)),
    ("How", lambda row: row.mode.label),
    ("Length", lambda row: f"{row.minutes} min"),
    ("Attended", attended_text),
    ("What was done", lambda row: one_line(row.what_was_done)),
    ("Next steps", lambda row: one_line(row.next_steps)),
)


def session_look(row: SessionRow, column: int) -> RowLook:
    if row.attended:
        return PLAIN
    return RowLook(
        foreground=MISSED_INK, background=MISSED_TINT, bold=column == ATTENDED_COLUMN, italic=True
    )


def count_text(rows: list[SessionRow]) -> str:
    if not rows:
        return ""
    missed = sum(not row.attended for row in rows)
    return f"{len(rows) - missed} attended · {missed} did not attend"


class CoachingSessionsTab(QWidget):
    """CoachingSessionsTab(services, plan_id); reload() fetches the plan's sessions again."""

    changed = Signal()  # a session saved: the plan page reloads its other tabs

    def __init__(self, services: Services, plan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.plan_id = plan_id
        self._editable = False
        self.record_button = action_button(
            "&Record session…", "Record a session held or missed", "Ctrl+Shift+S"
        )
        self.record_button.setAccessibleName("Record session")
        self.record_button.clicked.connect(self.record_session)
        self.edit_button = action_button("&Edit session…", "Change the chosen session", "Ctrl+E")
        self.edit_button.setAccessibleName("Edit session")
        self.edit_button.clicked.connect(self.edit_session)
        self.table: RowTable[SessionRow] = RowTable(
            RowsTableModel(COLUMNS, session_look, tooltip=attended_text),
            "Sessions",
            "No sessions yet. Choose Record session… after each one, including those missed.",
            (128, 104, 66, 132, 300),
        )
        self.table.selection_changed.connect(self._selection_changed)
        self.table.activated.connect(lambda row: self.edit_session())
        self.detail = DetailCard("Session details", "Choose a session to see it in full.")
        self.count = hint()
        self.chronology_note = hint(CHRONOLOGY_HINT)
        lay_out_table_over_detail(
            self,
            "Sessions",
            self.count,
            [self.chronology_note, self.record_button, self.edit_button],
            self.table,
            self.detail,
            (360, 150),
        )
        self.reload()

    def reload(self) -> None:
        plan = self._services.coaching.plan(self.plan_id)
        self._editable = plan.may_edit and plan.is_open
        show_for(self._editable, self.record_button, self.edit_button)
        chosen = self.table.selected()
        rows = self._services.coaching_sessions.sessions(self.plan_id)
        self.table.set_rows(rows)
        if chosen is not None:
            self.table.select_where(lambda row: row.id == chosen.id)
        self.count.setText(count_text(rows))
        self._selection_changed()

    def record_session(self) -> None:
        if not self._editable:
            return
        sessions = self._services.coaching_sessions
        dialog = CoachingSessionDialog(
            self._services.clock.now(), parent=self, who=self._services.user.username
        )
        dialog.save = lambda: sessions.record_session(self.plan_id, dialog.details())
        if self._run(dialog) and isinstance(dialog.result_of_save, int):
            new_id = dialog.result_of_save
            self.table.select_where(lambda row: row.id == new_id)

    def edit_session(self) -> None:
        row = self.table.selected()
        if row is None or not self._editable:
            return
        sessions = self._services.coaching_sessions
        dialog = CoachingSessionDialog(self._services.clock.now(), details_of(row), self)
        dialog.save = lambda: sessions.update_session(row.id, dialog.details())
        self._run(dialog)

    def _run(self, dialog: CoachingSessionDialog) -> bool:
        saved = bool(dialog.exec())
        dialog.deleteLater()  # what was typed goes with it
        if saved:
            self.reload()
            self.changed.emit()
        return saved

    def _selection_changed(self) -> None:
        row = self.table.selected()
        self.edit_button.setEnabled(row is not None)
        if row is None:
            self.detail.show_pairs([])
            return
        self.detail.show_pairs(
            [
                (
                    local_time_text(row.held_at),
                    f"{row.mode.label} · {row.minutes} min · {attended_text(row)}",
                ),
                ("What was done", row.what_was_done),
                ("Next steps", row.next_steps),
                ("Recorded by", row.recorded_by),
            ]
        )


def details_of(row: SessionRow) -> SessionInput:
    return SessionInput(
        row.held_at, row.mode, row.minutes, row.attended, row.what_was_done, row.next_steps
    )

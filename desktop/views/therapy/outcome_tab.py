"""A therapy case's Outcomes tab: the SCORE-15 trend chart per family member and for the
family, the measures recorded so far, and recording one at a chosen session."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.models.choices import SessionOutcome
from desktop.services.bundle import Services
from desktop.services.outcome_service import MeasureRow
from desktop.views.caseload.list_section import list_table
from desktop.views.common.fixed_rows_model import FixedRowsModel
from desktop.views.common.when import date_text
from desktop.views.therapy.outcome_chart import OutcomeChart
from desktop.views.therapy.score15_dialog import Score15Dialog


def _score(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


COLUMNS: list[tuple[str, Callable[[MeasureRow], Any]]] = [
    ("Session", lambda row: f"{row.session_number} · {date_text(row.session_starts_at.date())}"),
    ("Family member", lambda row: row.member_name),
    ("Version", lambda row: row.version),
    ("Strengths", lambda row: _score(row.scores.strengths)),
    ("Overwhelmed", lambda row: _score(row.scores.overwhelmed)),
    ("Communication", lambda row: _score(row.scores.communication)),
    ("Total", lambda row: _score(row.scores.total)),
    ("Answered", lambda row: f"{row.scores.answered} of 15"),
]


class OutcomeTab(QWidget):
    def __init__(self, services: Services, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.case_id = case_id
        self.chart = OutcomeChart()
        self.model: FixedRowsModel[MeasureRow] = FixedRowsModel(COLUMNS, centred={3, 4, 5, 6, 7})
        self.table = list_table("SCORE-15 measures", self.model)
        self.session_choice = QComboBox()
        self.session_choice.setAccessibleName("Session for the new measure")
        self.record_button = QPushButton("&Record SCORE-15…")
        self.record_button.clicked.connect(self.record)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        chosen = QLabel("a&t session")
        chosen.setBuddy(self.session_choice)
        top = QHBoxLayout()
        top.addWidget(self.hint, 1)
        top.addWidget(chosen)
        top.addWidget(self.session_choice)
        top.addWidget(self.record_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.chart)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([430, 220])  # the chart, and room for a handful of measures below
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.reload()

    def reload(self) -> None:
        outcomes = self._services.outcomes
        rows = outcomes.measures(self.case_id)
        self.model.set_rows(rows)
        self.chart.set_trend(outcomes.trend(self.case_id))
        now = self._services.clock.now()
        held = [
            s
            for s in self._services.therapy.sessions(self.case_id)
            if s.starts_at <= now and s.outcome is SessionOutcome.ATTENDED
        ]
        self.session_choice.clear()
        for session in sorted(held, key=lambda s: s.starts_at, reverse=True):
            self.session_choice.addItem(
                f"{session.number} · {date_text(session.starts_at.astimezone().date())}",
                session.id,
            )
        self.record_button.setEnabled(bool(held))
        sessions = len({row.session_id for row in rows})
        self.hint.setText(
            f"{len(rows)} measure{'s' if len(rows) != 1 else ''} over {sessions} "
            f"session{'s' if sessions != 1 else ''}. Scores run from 1 (fewest difficulties) "
            "to 5 (most)."
            if rows
            else "Record SCORE-15 at the first session and every few sessions after it."
        )

    def record(self) -> None:
        session_id = self.session_choice.currentData()
        if not isinstance(session_id, int):
            return
        dialog = Score15Dialog(self._services.outcomes, session_id, self)
        if dialog.exec():
            self.reload()
        dialog.deleteLater()

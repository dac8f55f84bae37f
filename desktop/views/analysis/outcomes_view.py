"""The Analysis section's outcomes for a chosen period: employment coaching, family therapy
attendance and SCORE-15 change, risk trajectories and re-referrals, as charts and tables of
counts with no names."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.services.analysis_outcomes import (
    AnalysisOutcomes,
    AnalysisOutcomeService,
    Score15Change,
)
from desktop.services.analysis_tables import AnalysisPeriod, shown, shown_total
from desktop.services.permissions import PermissionDeniedError
from desktop.views.analysis.figure_grid import FigureGrid
from desktop.views.analysis.period_chooser import PeriodChooser, period_words
from desktop.views.caseload.record_tab import error_label
from desktop.views.caseload.tabs.tab_parts import hint
from desktop.views.common.busy_cursor import busy_cursor


def score15_words(change: Score15Change) -> str:
    """The SCORE-15 summary in a sentence, every count shown as the analyst may see it."""
    if change.respondents == 0:
        return "SCORE-15: no one completed the measure twice in this period."
    words = (
        "SCORE-15 change from first to last measure: "
        f"{shown_total([(change.improved, change.same, change.worse)])} respondents; "
        f"{shown(change.improved)} improved, {shown(change.same)} the same, "
        f"{shown(change.worse)} worse (a fall in the score is an improvement)."
    )
    if change.mean_change is not None:
        words += f" Mean change {change.mean_change:+.2f}."
    return words


class OutcomesView(QWidget):
    """Counting is audited, so it happens when the view is first shown or on request."""

    def __init__(
        self,
        outcomes: AnalysisOutcomeService,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._outcomes = outcomes
        self.shown_outcomes: AnalysisOutcomes | None = None
        self.chooser = PeriodChooser(today)
        self.chooser.requested.connect(self.count)
        self.chooser.refused.connect(self._refused)
        self.error = error_label()
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.heading.setAccessibleName("Outcomes for")
        self.score15 = hint("", wrap=True)
        self.score15.setAccessibleName("SCORE-15 change")
        self.grid = FigureGrid()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.chooser)
        layout.addWidget(self.error)
        layout.addWidget(self.heading)
        layout.addWidget(self.score15)
        layout.addWidget(self.grid, 1)

    def count(self, period: AnalysisPeriod) -> None:
        try:
            with busy_cursor():
                outcomes = self._outcomes.outcomes(period)
        except (ValueError, PermissionDeniedError) as refused:
            self._refused(str(refused))
            return
        self.error.hide()
        self.shown_outcomes = outcomes
        self.heading.setText(period_words(period))
        self.score15.setText(score15_words(outcomes.score15))
        self.grid.set_tables(outcomes.tables)

    def _refused(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.shown_outcomes is None:
            self.chooser.request()

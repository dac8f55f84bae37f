"""The Analysis section's employment coaching outcome counts for a chosen period: starts,
sustained outcomes, NEET-to-EET changes and plans, with totals and no names."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.bundle import Services
from desktop.services.coaching_records import CoachingInputError
from desktop.services.coaching_session_records import OutcomeCounts
from desktop.services.permissions import PermissionDeniedError
from desktop.views.analysis.outcome_counts_table_model import OutcomeCountsTableModel
from desktop.views.analysis.periods import Period, period_dates
from desktop.views.caseload.record_tab import error_label
from desktop.views.caseload.tabs.dialog_fields import date_field, date_of, set_date
from desktop.views.caseload.tabs.tab_parts import hint, section_title

DEFINITIONS = (
    "Both dates are included. Starts and sustained outcomes are milestones dated in the period "
    "(a sustained outcome counts even after the plan closed). A NEET to EET change is a spell "
    "in education, employment or training that follows a NEET or volunteering spell. The "
    "counts are of records, not people: a young person who starts a course and then a job "
    "gives two starts."
)


def long_date(day: date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    # A short word's measured width can fall a pixel or two short of what the style draws.
    label.setMinimumWidth(label.fontMetrics().horizontalAdvance(text.replace("&", "")) + 6)
    return label


class OutcomeCountsView(QWidget):
    """Counting writes an audit entry, so it happens when the view is first shown, on a chosen
    period or on Show counts: never at sign-in, nor on each change of a custom date."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.counts: OutcomeCounts | None = None
        today = self._today()
        title = QLabel("Analysis")
        title.setObjectName("pageTitle")
        self.period = QComboBox()
        self.period.setAccessibleName("Period")
        self.period.setMinimumWidth(150)
        for period in Period:
            self.period.addItem(period.value, period)
        self.start = date_field(today)
        self.start.setAccessibleName("From")
        self.end = date_field(today)
        self.end.setAccessibleName("To")
        self.show_button = QPushButton("&Show counts")
        self.show_button.setObjectName("primary")
        self.show_button.setToolTip("Count the outcomes for the dates chosen (Alt+S)")
        self.show_button.clicked.connect(self.recount)
        from_label = buddy_label("&From", self.start)
        to_label = buddy_label("&To", self.end)
        period_label = buddy_label("&Period", self.period)
        chooser = QHBoxLayout()
        chooser.setSpacing(6)
        chooser.addWidget(period_label)
        chooser.addSpacing(4)
        chooser.addWidget(self.period)
        chooser.addSpacing(12)
        chooser.addWidget(from_label)
        chooser.addSpacing(4)
        chooser.addWidget(self.start)
        chooser.addSpacing(8)
        chooser.addWidget(to_label)
        chooser.addSpacing(4)
        chooser.addWidget(self.end)
        chooser.addSpacing(12)
        chooser.addWidget(self.show_button)
        chooser.addStretch(1)
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.heading.setAccessibleName("Counts for")
        self.error = error_label()
        self.model = OutcomeCountsTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Employment coaching outcome counts")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(0, 130)
        self.table.setColumnWidth(2, 80)
        self.table.setMaximumWidth(720)
        self.definitions = hint(DEFINITIONS, wrap=True)
        self.definitions.setMaximumWidth(720)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(section_title("Employment coaching outcomes"))
        layout.addWidget(hint("Figures only: no young person is named or can be picked out here."))
        layout.addSpacing(6)
        layout.addLayout(chooser)
        layout.addWidget(self.error)
        layout.addSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.definitions)
        self.period.currentIndexChanged.connect(self._period_chosen)
        self._period_chosen()

    def chosen_period(self) -> Period:
        period = self.period.currentData()
        assert isinstance(period, Period)
        return period

    def choose(self, period: Period) -> None:
        self.period.setCurrentIndex(self.period.findData(period))

    def recount(self) -> None:
        start, end = date_of(self.start), date_of(self.end)
        assert start is not None and end is not None  # required date fields
        try:
            counts = self._services.coaching_outcomes.counts(start, end)
        except (CoachingInputError, PermissionDeniedError) as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.error.hide()
        self.counts = counts
        self.model.set_counts(counts)
        self.heading.setText(f"{long_date(start)} to {long_date(end)}")
        rows = self.model.rowCount()
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        self.table.setMaximumHeight(height + sum(self.table.rowHeight(r) for r in range(rows)))

    def _period_chosen(self) -> None:
        period = self.chosen_period()
        custom = period is Period.CUSTOM
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if custom:
            self.start.setFocus()
            return  # counted when Show counts is pressed
        start, end = period_dates(period, self._today())
        set_date(self.start, start)
        set_date(self.end, end)
        if self.isVisible():
            self.recount()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.counts is None and self.chosen_period() is not Period.CUSTOM:
            self.recount()

    def _today(self) -> date:
        return self._services.clock.now().astimezone().date()

"""The Analysis section's disproportionality view: for a chosen period, the young people referred
by ethnicity, gender and age band beside the borough's population, with the ratio for each
group, how to read it and where the population figures came from. Figures only: no names."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.analysis_tables import AnalysisPeriod
from desktop.services.disproportionality import (
    DimensionComparison,
    Disproportionality,
    DisproportionalityInputError,
    DisproportionalityService,
)
from desktop.services.permissions import PermissionDeniedError
from desktop.services.population_service import DIMENSION_LABELS, GROUPS, PopulationService
from desktop.views.analysis.disproportionality_table_model import (
    BAR,
    COUNT,
    GROUP,
    POPULATION_SHARE,
    RATIO,
    SHARE,
    DisproportionalityTableModel,
)
from desktop.views.analysis.period_chooser import PeriodChooser, period_words
from desktop.views.analysis.periods import Period
from desktop.views.analysis.population_dialog import PopulationDialog
from desktop.views.analysis.ratio_bar import SCALE_CAPTION, RatioBarDelegate
from desktop.views.caseload.record_tab import error_label
from desktop.views.caseload.tabs.tab_parts import hint, section_title
from desktop.views.common.busy_cursor import busy_cursor

ABOUT = (
    "The young people referred in a period beside the borough's young people aged 10 to 25, by "
    "ethnicity, gender and age band. Groups of fewer than 5 are neither shown nor compared."
)
EMPTY = (
    "The comparison needs the borough's population by ethnicity, gender and age band, and "
    "none has been entered yet. Import the figures from a CSV file (for example from the "
    "2021 Census) or type them in."
)
EMPTY_NO_EDIT = "Ask the unit's analyst or coordinator to enter them."
COLUMN_WIDTHS = {COUNT: 120, SHARE: 95, POPULATION_SHARE: 150, RATIO: 205, BAR: 180}
CONTENT_WIDTH = 1240
# The palette's colours, so the note follows the light, dark and high-contrast looks.
NOTE_STYLE = (
    "QLabel { background: palette(alternate-base); border: 1px solid palette(mid); "
    "border-radius: 6px; padding: 10px 12px; color: palette(text); }"
)


def people_words(count: int) -> str:
    # The whole comparison's size: a total, so 1 to 4 is suppressed like any other count.
    if 0 < count < 5:
        return "fewer than 5 young people referred"
    return f"{count} young {'person' if count == 1 else 'people'} referred"


class DimensionTable(QTableView):
    """One category's table, as tall as its rows: the page scrolls, not each table."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.model_ = DisproportionalityTableModel()
        self.setModel(self.model_)
        self.setAccessibleName(f"{title}: referrals beside the population")
        self.setItemDelegateForColumn(BAR, RatioBarDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(28)
        header = self.horizontalHeader()
        header.setSectionResizeMode(GROUP, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.setColumnWidth(column, width)

    def show_comparison(self, comparison: DimensionComparison) -> None:
        self.model_.set_comparison(comparison)
        rows = self.model_.rowCount()
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        self.setFixedHeight(height + sum(self.rowHeight(row) for row in range(rows)))


class DisproportionalityView(QWidget):
    """Counting writes an audit entry, so it happens when the view is first shown, on a chosen
    period, on Show figures or after the population changed: never on each change of a date."""

    def __init__(
        self,
        disproportionality: DisproportionalityService,
        population: PopulationService,
        today: Callable[[], date],
        may_edit: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = disproportionality
        self._population = population
        self.result: Disproportionality | None = None
        self._period: AnalysisPeriod | None = None
        self.chooser = PeriodChooser(today, preset=Period.THIS_YEAR)
        self.chooser.requested.connect(self.compare)
        self.chooser.refused.connect(self._show_error)
        self.edit_button = QPushButton("Pop&ulation table…")
        self.edit_button.setToolTip("See, type or import the borough's population figures")
        self.edit_button.clicked.connect(self.edit_population)
        self.edit_button.setVisible(may_edit)
        top = QHBoxLayout()
        top.addWidget(hint(ABOUT, wrap=True), 1)
        top.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        self.error = error_label()
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.heading.setAccessibleName("Figures for")
        self.sources = hint(wrap=True)
        self.sources.setAccessibleName("Population sources")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)
        self.note.setAccessibleName("How to read this")
        self.tables = {
            dimension: DimensionTable(DIMENSION_LABELS[dimension]) for dimension in GROUPS
        }
        self.stack = QStackedWidget()
        self.figures = self._figures_page()
        self.stack.addWidget(self.figures)
        self.empty, self.empty_button = self._empty_page(may_edit)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addSpacing(4)
        layout.addWidget(self.chooser)
        layout.addWidget(self.error)
        layout.addWidget(self.stack, 1)

    def _figures_page(self) -> QScrollArea:
        content = QWidget()
        content.setMaximumWidth(CONTENT_WIDTH)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 8, 8, 8)
        column.setSpacing(6)
        column.addWidget(self.heading)
        column.addWidget(self.sources)
        column.addSpacing(4)
        column.addWidget(self.note)
        for dimension, table in self.tables.items():
            column.addSpacing(10)
            column.addWidget(section_title(DIMENSION_LABELS[dimension]))
            column.addWidget(table)
        column.addWidget(hint(SCALE_CAPTION, wrap=True))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        return scroll

    def _empty_page(self, may_edit: bool) -> tuple[QWidget, QPushButton]:
        page = QWidget()
        box = QFrame()
        box.setObjectName("card")
        box.setFixedWidth(580)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.setSpacing(10)
        title = section_title("No population figures yet")
        words = hint(EMPTY if may_edit else f"{EMPTY} {EMPTY_NO_EDIT}", wrap=True)
        button = QPushButton("&Add population figures…")
        button.setObjectName("primary")
        button.clicked.connect(self.edit_population)
        button.setVisible(may_edit)
        inner.addWidget(title)
        inner.addWidget(words)
        inner.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 24, 0, 0)
        # Centred by stretches, not by alignment: an aligned widget gets its size hint's
        # height, which is too short for its wrapped words.
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(box)
        centred.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(1)
        return page, button

    def compare(self, period: AnalysisPeriod) -> None:
        try:
            with busy_cursor():
                result = self._service.compare(period)
        except (DisproportionalityInputError, PermissionDeniedError) as error:
            self._show_error(str(error))
            if self.result is None:
                self.stack.hide()  # nothing to show yet: no empty tables under the message
            return
        self.error.hide()
        self.stack.show()
        self.result, self._period = result, period
        has_population = any(
            row.population is not None for item in result.dimensions for row in item.groups
        )
        self.stack.setCurrentWidget(self.figures if has_population else self.empty)
        self.heading.setText(f"{period_words(period)}: {people_words(result.people)}")
        self.sources.setText(
            "Population: " + "; ".join(result.population_sources)
            if result.population_sources
            else "Population: no source recorded"
        )
        self.note.setText(result.note)
        for item in result.dimensions:
            self.tables[item.dimension].show_comparison(item)

    def recompare(self) -> None:
        """Counts again for the period last shown (after the population changed)."""
        if self._period is None:
            self.chooser.request()
        else:
            self.compare(self._period)

    def edit_population(self) -> None:
        try:
            dialog = PopulationDialog(self._population, self)
        except PermissionDeniedError as error:
            self._show_error(str(error))
            return
        dialog.exec()
        if dialog.changed:
            self.recompare()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.result is None and self.chooser.chosen_period() is not Period.CUSTOM:
            self.chooser.request()

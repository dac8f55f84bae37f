"""The analyst's dashboard for a chosen period: headline numbers over a grid of charts (referrals,
the open caseload, flags, missing episodes, interventions, closures, time to first contact), with
every figure saved to an Excel workbook on request. Counts only: no young person is named."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.services import analysis_dashboard as keys
from desktop.services.analysis_dashboard import AnalysisDashboardService, Dashboard
from desktop.services.analysis_export_service import AnalysisExportService
from desktop.services.analysis_tables import (
    AT_LEAST_5,
    AnalysisPeriod,
    FigureTable,
    hides_any,
    shown_total,
)
from desktop.services.permissions import PermissionDeniedError
from desktop.vault.errors import VaultSaveError
from desktop.views.analysis.figure_grid import FigureGrid
from desktop.views.analysis.period_chooser import PeriodChooser, period_words
from desktop.views.analysis.pseudonymised_export_dialog import choose_xlsx_path
from desktop.views.caseload.record_tab import error_label
from desktop.views.caseload.tabs.tab_parts import hint
from desktop.views.common.announce import announce
from desktop.views.common.busy_cursor import busy_cursor
from desktop.views.common.document_save_dialog import REMINDER, default_folder
from desktop.views.common.path_choosers import PathChooser

NOT_AVAILABLE = "—"
HIDDEN_TOTAL = (
    "The exact total is not shown: beside the counts in the charts it would give away the "
    "counts shown as fewer than 5."
)
FIGURES_FILE = "Dashboard figures.xlsx"
# Headline numbers: (caption, the words under it).
REFERRALS = ("Referrals", "received in the period")
OPEN = ("Open cases", "at the end of the period")
ENFORCEMENT = ("Enforcement", "share of interventions started")
FIRST_CONTACT = ("First contact", "median days from referral")


def warn(parent: QWidget, message: str) -> None:
    QMessageBox.warning(parent, APP_NAME, message)


def has_suppressed(table: FigureTable) -> bool:
    return hides_any(table.cells())


def safe_total(tables: Sequence[FigureTable]) -> str:
    """The total of the first table's counts as it may be shown (analysis_tables.shown_total)."""
    return shown_total([table.cells() for table in tables])


def headline_numbers(dashboard: Dashboard) -> dict[str, str]:
    """The strip's numbers as the analyst may see them."""
    share = dashboard.enforcement_share
    median = dashboard.median_days_to_first_contact
    open_tables = [
        dashboard.table(key)
        for key in (keys.OPEN_BY_STATUS, keys.OPEN_BY_RAG, keys.OPEN_BY_AGE_BAND)
    ]
    # A share beside a suppressed count would give it away (6 enforcement at 75% means 2 of
    # support). The service withholds such a share; checked here too, as the screen's last word.
    if share and has_suppressed(dashboard.table(keys.ENFORCEMENT_SHARE)):
        share = None
    return {
        REFERRALS[0]: safe_total([dashboard.table(keys.REFERRALS_BY_SOURCE)]),
        OPEN[0]: safe_total(open_tables),
        ENFORCEMENT[0]: NOT_AVAILABLE if share is None else f"{share:.0%} of interventions",
        FIRST_CONTACT[0]: NOT_AVAILABLE if median is None else f"{median:g} days",
    }


class Headline(QFrame):
    """One number of the strip, big, with its caption under it."""

    def __init__(self, caption: str, words: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = caption
        self.value = QLabel(NOT_AVAILABLE)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(0)
        layout.addWidget(QLabel(caption))
        layout.addWidget(self.value)
        layout.addWidget(hint(words, wrap=True))  # cut off at 200% scaling otherwise

    def set_value(self, text: str) -> None:
        self.value.setText(text)
        self.setAccessibleName(f"{self.caption}: {text}")
        self.setToolTip(HIDDEN_TOTAL if text == AT_LEAST_5 or text.startswith("more than") else "")


class DashboardView(QWidget):
    """Counting is audited, so it happens when the view is first shown, on a chosen preset,
    on Show figures or on F5: never on each change of a custom date."""

    def __init__(
        self,
        dashboard: AnalysisDashboardService,
        export: AnalysisExportService,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._dashboard = dashboard
        self._export = export
        self.shown_dashboard: Dashboard | None = None
        self.choose_path: PathChooser = choose_xlsx_path  # tests stand in for the dialogs
        self.warn: Callable[[QWidget, str], None] = warn
        self.chooser = PeriodChooser(today)
        self.chooser.requested.connect(self.count)
        self.chooser.refused.connect(self._refused)
        self.export_button = QPushButton("Export to E&xcel…")
        self.export_button.setToolTip(
            "Save every figure shown to an Excel workbook, small counts suppressed (Ctrl+E)"
        )
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_figures)
        top = QHBoxLayout()
        top.addWidget(self.chooser, 1)
        top.addWidget(self.export_button)
        self.error = error_label()
        self.notice = hint(wrap=True)
        self.notice.hide()
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.heading.setAccessibleName("Dashboard for")
        self.headlines = {
            caption: Headline(caption, words)
            for caption, words in (REFERRALS, OPEN, ENFORCEMENT, FIRST_CONTACT)
        }
        strip = QHBoxLayout()
        strip.setSpacing(10)
        for headline in self.headlines.values():
            strip.addWidget(headline)
        strip.addStretch(1)
        self.grid = FigureGrid()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.notice)
        layout.addWidget(self.heading)
        layout.addLayout(strip)
        layout.addWidget(self.grid, 1)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        export_key = QShortcut(QKeySequence("Ctrl+E"), self, context=context)
        export_key.setWhatsThis("Export the figures")  # Help › Keyboard shortcuts
        export_key.activated.connect(self.export_figures)
        refresh_key = QShortcut(QKeySequence(Qt.Key.Key_F5), self, context=context)
        refresh_key.activated.connect(self.chooser.request)

    def count(self, period: AnalysisPeriod) -> None:
        try:
            with busy_cursor():
                dashboard = self._dashboard.figures(period)
        except (ValueError, PermissionDeniedError) as refused:
            self._refused(str(refused))
            return
        self.error.hide()
        self.notice.hide()
        self.shown_dashboard = dashboard
        self.heading.setText(period_words(period))
        for caption, text in headline_numbers(dashboard).items():
            self.headlines[caption].set_value(text)
        self.grid.set_tables(dashboard.tables)
        self.export_button.setEnabled(True)

    def export_figures(self) -> None:
        """Writes every figure shown to a workbook; a refusal is explained and nothing is lost."""
        dashboard = self.shown_dashboard
        if dashboard is None:
            return
        target = self.choose_path(self, str(default_folder() / FIGURES_FILE))
        if target is None:
            return
        try:
            written = self._export.export_figures(dashboard.tables, dashboard.period, target)
        except OSError:
            self.warn(
                self, f"Could not write {target.name}: check the folder exists and is writable."
            )
            return
        except (ValueError, PermissionDeniedError, VaultSaveError) as refused:
            self.warn(self, str(refused))
            return
        announce(self.notice, f"Saved the figures as {written.name}. {REMINDER}")

    def _refused(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.shown_dashboard is None:
            self.chooser.request()

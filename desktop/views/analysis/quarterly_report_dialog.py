"""Saving the quarterly report as a Word document: the quarter, an optional password, the
reminder that the file leaves the vault, and the writing done off the GUI thread. The charts
are drawn here first, on the GUI thread (painting text needs it), then handed to the service."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from desktop.services.analysis_dashboard import AnalysisDashboardService
from desktop.services.analysis_tables import AnalysisPeriod
from desktop.services.quarterly_report_service import QuarterlyReportService, previous_quarter
from desktop.views.analysis.figure_chart import preferred_size, render_png
from desktop.views.analysis.period_chooser import period_words
from desktop.views.common.busy_cursor import busy_cursor
from desktop.views.common.path_choosers import PathChooser
from desktop.views.common.protected_document_dialog import ProtectedDocumentDialog, Writer
from desktop.views.therapy.therapy_document_dialog import choose_docx_path

REPORT_FILE = "Quarterly report.docx"
QUARTERS_OFFERED = 8  # two years back
CHART_SCALE = 2.0  # sharp when printed
ABOUT = (
    "The unit's figures for a calendar quarter, for managers, councillors and funders: "
    "referrals, the open caseload, flags and missing episodes, interventions, closures, time to "
    "first contact, outcomes and disproportionality, each with its chart and table. Counts from "
    '1 to 4 are written as "fewer than 5", and no young person is named. The export is '
    "recorded in the audit log."
)


def quarters_before(latest: AnalysisPeriod, count: int) -> list[AnalysisPeriod]:
    """The latest quarter and the ones before it, newest first."""
    quarters = [latest]
    while len(quarters) < count:
        quarters.append(previous_quarter(quarters[-1].start))
    return quarters


def quarter_name(quarter: AnalysisPeriod) -> str:
    return f"{quarter.start:%B} to {quarter.end:%B %Y}"


class QuarterlyReportDialog(ProtectedDocumentDialog):
    def __init__(
        self,
        report: QuarterlyReportService,
        dashboard: AnalysisDashboardService,
        parent: QWidget | None = None,
        choose_path: PathChooser = choose_docx_path,
    ) -> None:
        self.quarter = QComboBox()
        self.quarter.setAccessibleName("Quarter")
        for quarter in quarters_before(report.default_period(), QUARTERS_OFFERED):
            self.quarter.addItem(quarter_name(quarter), quarter)
            self.quarter.setItemData(
                self.quarter.count() - 1, period_words(quarter), Qt.ItemDataRole.ToolTipRole
            )
        chooser = QWidget()
        form = QFormLayout(chooser)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("&Quarter", self.quarter)
        super().__init__(
            "Quarterly report", ABOUT, REPORT_FILE, "", parent, choose_path, extras=(chooser,)
        )
        self._report = report
        self._dashboard = dashboard

    def chosen_quarter(self) -> AnalysisPeriod:
        quarter = self.quarter.currentData()
        assert isinstance(quarter, AnalysisPeriod)
        return quarter

    def writer(self) -> Writer:
        report, quarter = self._report, self.chosen_quarter()
        charts: dict[str, bytes] = {}
        with busy_cursor():
            for table in self._dashboard.figures(quarter).tables:
                size = preferred_size(table, self.font())
                charts[table.key] = render_png(table, size.width(), size.height(), CHART_SCALE)
        return lambda target, password: report.export(quarter, target, charts, password)

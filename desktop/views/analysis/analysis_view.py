"""The Analysis section (the analyst and the coordinator): the dashboard, disproportionality and
outcomes as figures with no names, and the exports that leave the vault — the quarterly Word
report and the pseudonymised record-level workbook (each figure also saves to PNG and Excel)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.services.bundle import Services
from desktop.services.population_service import MAY_ANALYSE
from desktop.views.analysis.dashboard_view import DashboardView
from desktop.views.analysis.disproportionality_view import DisproportionalityView
from desktop.views.analysis.outcomes_view import OutcomesView
from desktop.views.analysis.pseudonymised_export_dialog import PseudonymisedExportDialog
from desktop.views.analysis.quarterly_report_dialog import QuarterlyReportDialog
from desktop.views.caseload.tabs.tab_parts import action_button, hint


class AnalysisView(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        title = QLabel("Analysis")
        title.setObjectName("pageTitle")
        self.report_button = action_button(
            "&Quarterly report…", "Save the quarter's figures as a Word report", "Ctrl+Shift+Q"
        )
        self.report_button.clicked.connect(self.quarterly_report)
        self.records_button = action_button(
            "Pseudonymised &records…",
            "Save one row per young person with no names, for analysis in Excel",
            "Ctrl+Shift+R",
        )
        self.records_button.clicked.connect(self.pseudonymised_records)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.report_button)
        header.addWidget(self.records_button)
        self.dashboard = DashboardView(
            services.analysis_dashboard, services.analysis_export, self._today
        )
        self.disproportionality = DisproportionalityView(
            services.disproportionality,
            services.population,
            self._today,
            may_edit=services.user.role in MAY_ANALYSE,
        )
        self.outcomes = OutcomesView(services.analysis_outcomes, self._today)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Analysis")
        self.tabs.addTab(self.dashboard, "&Dashboard")
        self.tabs.addTab(self.disproportionality, "D&isproportionality")
        self.tabs.addTab(self.outcomes, "&Outcomes")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(header)
        layout.addWidget(
            hint(
                "Figures only: no young person is named, and counts from 1 to 4 show as "
                '"fewer than 5".'
            )
        )
        layout.addWidget(self.tabs, 1)

    def quarterly_report(self) -> None:
        services = self._services
        QuarterlyReportDialog(services.quarterly_report, services.analysis_dashboard, self).exec()

    def pseudonymised_records(self) -> None:
        PseudonymisedExportDialog(self._services.pseudonymised_export, self).exec()

    def _today(self) -> date:
        return self._services.clock.now().astimezone().date()

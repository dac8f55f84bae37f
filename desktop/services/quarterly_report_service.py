"""The quarterly report as a Word file, for the analyst and the coordinator: the dashboard, the
outcomes and the disproportionality figures for a period, counted by their own services (each
audits its count), built into one document and saved with its own audit line."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path

from docx.document import Document
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.exports.quarterly_report import (
    SECTIONS,
    ChartImageError,
    QuarterlyReportContent,
    build_quarterly_report,
)
from desktop.exports.safe_save import DocumentSaveError, docx_path
from desktop.services import actions
from desktop.services.analysis_dashboard import AnalysisDashboardService
from desktop.services.analysis_outcomes import AnalysisOutcomeService, a_year_on
from desktop.services.analysis_tables import AnalysisPeriod
from desktop.services.audited_export import ExportRecord, export_audited
from desktop.services.current_user import CurrentUser
from desktop.services.disproportionality import DisproportionalityService
from desktop.services.permissions import PermissionDeniedError
from desktop.services.population_service import MAY_ANALYSE

__all__ = [
    "ChartImageError",
    "DocumentSaveError",
    "QuarterlyReportPeriodError",
    "QuarterlyReportService",
    "previous_quarter",
    "quarter_of",
]


class QuarterlyReportPeriodError(ValueError):
    """A period the report cannot cover; the message says what to choose instead."""


def quarter_of(day: date) -> AnalysisPeriod:
    """The calendar quarter the day falls in (January, April, July or October to the end of the
    third month)."""
    start = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    following = (
        date(start.year + 1, 1, 1) if start.month == 10 else date(start.year, start.month + 3, 1)
    )
    return AnalysisPeriod(start, following - timedelta(days=1))


def previous_quarter(day: date) -> AnalysisPeriod:
    """The last whole calendar quarter before the day's: the report's usual period."""
    return quarter_of(quarter_of(day).start - timedelta(days=1))


class QuarterlyReportService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        user: CurrentUser,
        clock: Clock,
        dashboard: AnalysisDashboardService,
        outcomes: AnalysisOutcomeService,
        disproportionality: DisproportionalityService,
    ) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock
        self._dashboard = dashboard
        self._outcomes = outcomes
        self._disproportionality = disproportionality

    def default_period(self) -> AnalysisPeriod:
        """The last whole quarter before today."""
        return previous_quarter(self._clock.now().astimezone().date())

    def export(
        self,
        period: AnalysisPeriod,
        destination: Path,
        charts: Mapping[str, bytes] | None = None,
        password: str | None = None,
    ) -> Path:
        """Writes the report for the period (".docx" added if missing), with a chart (PNG bytes)
        above each figure named in `charts`, encrypted under the password if given; returns the
        path written. ChartImageError names a chart that cannot be used; DocumentSaveError says,
        without the path, why a save failed."""
        if self._user.role not in MAY_ANALYSE:
            raise PermissionDeniedError("export the quarterly report")
        # Month tables have a column per month: past a year the report runs to dozens of pages
        # (and minutes to build) that no reader would want.
        if period.end >= a_year_on(period.start):
            raise QuarterlyReportPeriodError(
                "The report covers a year at most. Choose a quarter, or a period of up to 12 "
                "months."
            )
        target = docx_path(destination)
        content = QuarterlyReportContent(
            period=period,
            prepared_by=self._user.display_name,
            made_at=self._clock.now(),
            dashboard=self._dashboard.figures(period),
            outcomes=self._outcomes.outcomes(period),
            disproportionality=self._disproportionality.compare(period),
            charts=dict(charts or {}),
            prepared_role=self._user.role.label,
        )
        # Built before the audited save: a chart that cannot be used stops it with nothing written.
        document = build_quarterly_report(content)
        contents = [key for key, _heading in SECTIONS]
        contents += [f"chart:{key}" for key in sorted(content.charts)]
        record = ExportRecord(
            "analysis", f"{period.start.isoformat()}/{period.end.isoformat()}", contents
        )

        def build(_session: Session) -> tuple[Document, ExportRecord]:
            return document, record

        return export_audited(
            self._sessions,
            self._clock,
            self._user.username,
            target,
            build,
            password,
            action=actions.QUARTERLY_REPORT_EXPORTED,
        )

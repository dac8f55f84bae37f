"""Exporting the analyst's figures to an Excel workbook, for the analyst and the coordinator.

The workbook holds only what the tables hold (category labels and counts), every count from
1 to 4 written as "fewer than 5"; the audit line records the period and the figure keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.exports.figures_workbook import build_figures_workbook
from desktop.exports.workbook_base import xlsx_path
from desktop.models.accounts import Role
from desktop.services import actions
from desktop.services.analysis_tables import AnalysisPeriod, FigureTable
from desktop.services.audited_workbook import WorkbookAudit, save_audited
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import PermissionDeniedError

# The analyst works with figures; the coordinator sees everything.
MAY_EXPORT = frozenset({Role.ANALYST, Role.COORDINATOR})


class AnalysisExportError(ValueError):
    """An export asked for that cannot be made; the message says what is wrong."""


class AnalysisExportService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def export_figures(
        self,
        tables: Sequence[FigureTable],
        period: AnalysisPeriod,
        destination: Path,
        password: str | None = None,
    ) -> Path:
        """Writes the tables to an Excel workbook at destination (".xlsx" added if missing),
        one sheet each, encrypted under the password if given; returns the path written."""
        if self._user.role not in MAY_EXPORT:
            raise PermissionDeniedError("export the analyst's figures")
        if not tables:
            raise AnalysisExportError("Choose at least one figure to export.")
        keys = [table.key for table in tables]
        if len(set(keys)) != len(keys):
            raise AnalysisExportError("The same figure is in the export twice.")
        target = xlsx_path(destination)
        workbook = build_figures_workbook(tables, period, self._clock.now())
        audit = WorkbookAudit(
            actions.FIGURES_EXPORTED,
            "analysis",
            f"{period.start.isoformat()}/{period.end.isoformat()}",
            keys,
        )
        return save_audited(
            self._sessions, self._clock, self._user.username, target, workbook, audit, password
        )

"""Issue 11's suppression point end to end: three young people referred by health (and of one
ethnicity) are "fewer than 5" on every screen and in every export the analyst can make — the
dashboard's table, chart words and clipboard, the disproportionality view, the chart's PNG, the
Excel workbook and the quarterly Word report — and the number 3 is in none of them."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from pytestqt.qtbot import QtBot

from desktop.models.accounts import Role
from desktop.models.choices import Ethnicity, ReferralSource
from desktop.resources_path import resource
from desktop.services import analysis_dashboard as keys
from desktop.services.analysis_dashboard import AnalysisDashboardService
from desktop.services.analysis_export_service import AnalysisExportService
from desktop.services.analysis_outcomes import AnalysisOutcomeService
from desktop.services.analysis_tables import SUPPRESSED, AnalysisPeriod, FigureRow, FigureTable
from desktop.services.current_user import CurrentUser
from desktop.services.disproportionality import TOO_FEW, DisproportionalityService
from desktop.services.population_service import PopulationService
from desktop.services.quarterly_report_service import QuarterlyReportService
from desktop.services.sign_in_service import SignedIn
from desktop.views.analysis.dashboard_view import DashboardView
from desktop.views.analysis.disproportionality_view import DisproportionalityView
from desktop.views.analysis.figure_chart import describe, render_png
from desktop.views.analysis.figure_panel import tab_separated
from desktop.views.analysis.periods import Period
from tests.analysis_seed import add_referred
from tests.conftest import AddAccount, FakeClock

QUARTER = AnalysisPeriod(date(2025, 1, 1), date(2025, 3, 31))
THREE = re.compile(r"(?<![\d.,])3(?![\d.,%])")  # the count 3 on its own, not in 2023 or 0.3


@pytest.fixture
def analyst(
    coordinator: tuple[SignedIn, str], add_account: AddAccount, clock: FakeClock
) -> CurrentUser:
    """Three young people of African heritage referred by health, six White British by the
    police, all in February 2025; a borough population to compare them with."""
    signed_in, _recovery = coordinator
    add_referred(signed_in, clock, Ethnicity.AFRICAN, 3, ReferralSource.HEALTH, date(2025, 2, 3))
    add_referred(
        signed_in, clock, Ethnicity.WHITE_BRITISH, 6, ReferralSource.POLICE, date(2025, 2, 3)
    )
    user = add_account(Role.ANALYST, "ana")
    PopulationService(signed_in.vault.sessions, user, clock).import_csv(
        "category,group,population\nethnicity,black_african,2000\nethnicity,white_british,6000\n",
        "ONS Census 2021",
    )
    return user


def test_a_group_of_three_is_fewer_than_5_on_screen_and_in_every_export(
    qtbot: QtBot,
    coordinator: tuple[SignedIn, str],
    analyst: CurrentUser,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    sessions = coordinator[0].vault.sessions
    today = lambda: date(2025, 3, 14)  # noqa: E731 (the clock's day, for the period chooser)
    dashboard_service = AnalysisDashboardService(sessions, analyst, clock)
    export = AnalysisExportService(sessions, analyst, clock)

    # The dashboard: the table view, the chart in words and the copy for a spreadsheet.
    view = DashboardView(dashboard_service, export, today)
    qtbot.addWidget(view)
    view.chooser.choose(Period.THIS_QUARTER)
    view.show()
    assert view.shown_dashboard is not None and view.shown_dashboard.period == QUARTER
    referrals = view.shown_dashboard.table(keys.REFERRALS_BY_SOURCE)
    assert referrals.count("Health", 1) == 3  # February: the count behind the screen
    panel = view.grid.panel(keys.REFERRALS_BY_SOURCE)
    model = panel.table_view.model()
    on_screen = {
        model.data(model.index(row, 0)): [
            model.data(model.index(row, column)) for column in range(1, model.columnCount())
        ]
        for row in range(model.rowCount())
    }
    assert on_screen["Health"] == ["0", SUPPRESSED, "0"]
    assert on_screen["Police intelligence"] == ["0", "6", "0"]
    for text in (*(cell for cells in on_screen.values() for cell in cells), describe(referrals)):
        assert not THREE.search(text), text
    copied = tab_separated(referrals)
    assert f"Health\t0\t{SUPPRESSED}\t0" in copied and not THREE.search(copied)

    # The chart: a 3 is drawn exactly as a 1 or a 4 would be, so its PNG tells nothing.
    def with_health(count: int) -> FigureTable:
        rows = tuple(
            FigureRow(row.label, (0, count, 0)) if row.label == "Health" else row
            for row in referrals.rows
        )
        return replace(referrals, rows=rows)

    pictures = {count: render_png(with_health(count), 560, 320) for count in (1, 3, 4, 5)}
    assert pictures[1] == pictures[3] == pictures[4] != pictures[5]

    # Disproportionality: the three are "fewer than 5" and not compared.
    compare = DisproportionalityView(
        DisproportionalityService(sessions, analyst, clock),
        PopulationService(sessions, analyst, clock),
        today,
    )
    qtbot.addWidget(compare)
    compare.chooser.choose(Period.THIS_QUARTER)
    compare.show()
    african = (
        compare.result.dimension("ethnicity").group("black_african") if compare.result else None
    )
    assert african is not None
    assert (african.shown_count, african.shown_ratio) == (SUPPRESSED, TOO_FEW)

    # The Excel workbook of the dashboard's figures.
    workbook_path = export.export_figures(
        view.shown_dashboard.tables, QUARTER, tmp_path / "figures"
    )
    workbook = openpyxl.load_workbook(workbook_path, read_only=True)
    cells = [
        value
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]
    workbook.close()
    assert SUPPRESSED in cells
    assert 3 not in cells
    labels = {row.label for table in view.shown_dashboard.tables for row in table.rows}
    assert [value for value in cells if THREE.search(str(value)) and value not in labels] == []

    # The quarterly Word report, charts and all.
    report = QuarterlyReportService(
        sessions,
        analyst,
        clock,
        dashboard_service,
        AnalysisOutcomeService(sessions, analyst, clock, resource("measures", "score15.json")),
        DisproportionalityService(sessions, analyst, clock),
    )
    charts = {table.key: render_png(table, 560, 320) for table in view.shown_dashboard.tables}
    written = report.export(QUARTER, tmp_path / "quarter", charts)
    document = Document(str(written))
    health_rows = [
        [cell.text for cell in row.cells]
        for table in document.tables
        for row in table.rows
        if row.cells[0].text == "Health"
    ]
    assert ["Health", "0", SUPPRESSED, "0"] in health_rows
    texts = [p.text for p in document.paragraphs] + [
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    ]
    assert not [text for text in texts if THREE.search(text) and text not in labels]

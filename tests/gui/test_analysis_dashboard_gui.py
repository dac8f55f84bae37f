"""The analyst's dashboard on the demo vault: every figure shown as a chart or a table, small
counts never drawn, shown, copied or exported as their number, and the PNG and Excel exports."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.models.accounts import Role
from desktop.services import analysis_dashboard as keys
from desktop.services.analysis_dashboard import Dashboard
from desktop.services.analysis_tables import (
    SUPPRESSED,
    AnalysisPeriod,
    FigureRow,
    FigureTable,
    breakdown,
)
from desktop.services.bundle import Services
from desktop.vault.layout import VaultLayout
from desktop.views.analysis.dashboard_view import DashboardView, headline_numbers
from desktop.views.analysis.figure_chart import paint_figure
from desktop.views.analysis.figure_panel import PNG_SCALE, PNG_WIDTH, FigurePanel, png_height
from desktop.views.analysis.periods import Period, period_dates
from tests.conftest import FakeClock, FastKdfPolicy
from tests.demo_sessions import demo_services
from tests.gui.case_tab_driver import click, pick

MONTHS = ("Jan 2025", "Feb 2025", "Mar 2025")
SMALL = range(1, 5)


@pytest.fixture
def analyst(demo_vault: VaultLayout, kdf: FastKdfPolicy, clock: FakeClock) -> Iterator[Services]:
    yield from demo_services(demo_vault, kdf, clock, Role.ANALYST)


@pytest.fixture
def view(qtbot: QtBot, analyst: Services, clock: FakeClock) -> DashboardView:
    shown_view = DashboardView(
        analyst.analysis_dashboard, analyst.analysis_export, lambda: clock.now().date()
    )
    qtbot.addWidget(shown_view)
    shown_view.resize(1400, 900)
    shown_view.show()
    shown_view.activateWindow()
    qtbot.waitActive(shown_view)  # the window's shortcuts work only in the active window
    return shown_view


def referrals(police: int) -> FigureTable:
    """Referrals by source and month; police in February is the cell under test."""
    return FigureTable(
        "referrals",
        "Referrals",
        "Source",
        MONTHS,
        (
            FigureRow("Police", (7, police, 9)),
            FigureRow("School", (5, 6, 0)),
            FigureRow("Health", (0, 12, 2)),
        ),
    )


def statuses(active: int) -> FigureTable:
    return breakdown("open", "Open cases", "Status", [("Referred", 8), ("Active", active)])


def missing(february: int) -> FigureTable:
    return FigureTable(
        "missing", "Missing", "Episodes", MONTHS, (FigureRow("Missing", (6, february, 0)),)
    )


def flags(first: int) -> FigureTable:
    """More flag types than a chart has colours: the smallest are merged into "Other"."""
    rows = [FigureRow(f"Flag type {index}", (5 + index, 6, index)) for index in range(10)]
    rows[1] = FigureRow("Flag type 1", (first, 6, 0))  # among those merged
    return FigureTable("flags", "Flags", "Flag", MONTHS, tuple(rows))


def hand_made(
    referred: tuple[int, ...],
    rag: tuple[int, int],
    school: tuple[int, ...] = (3, 0, 0),
    support: int = 15,
) -> Dashboard:
    """A dashboard of the tables the headline numbers come from (rag: Red and Amber)."""
    period = AnalysisPeriod(date(2025, 1, 1), date(2025, 3, 31))
    tables = (
        FigureTable(
            keys.REFERRALS_BY_SOURCE,
            "Referrals",
            "Source",
            MONTHS,
            (FigureRow("Police", referred), FigureRow("School", school)),
        ),
        breakdown(keys.OPEN_BY_STATUS, "Status", "Status", [("Active", 12), ("Referred", 2)]),
        breakdown(keys.OPEN_BY_RAG, "RAG", "RAG", [("Red", rag[0]), ("Amber", rag[1])]),
        breakdown(keys.OPEN_BY_AGE_BAND, "Age", "Age band", [("14-17", 11), ("18-21", 3)]),
        breakdown(
            keys.ENFORCEMENT_SHARE, "Share", "Kind", [("Enforcement", 5), ("Support", support)]
        ),
    )
    return Dashboard(period, tables, 5 / (5 + support), 6.5)


def test_a_headline_total_never_gives_away_a_suppressed_count() -> None:
    # Police 1, 1, 1 and School 3: four cells of 1-4 totalling 6 would show every one is 1-3.
    figures = headline_numbers(hand_made((1, 1, 1), (7, 7)))
    assert figures["Referrals"] == "5 or more"
    assert figures["Open cases"] == "14"  # Red 7 and Amber 7 add up to it anyway
    assert figures["Enforcement"] == "25% of interventions"
    # 5 enforcement at 71% would give away the 2 of support shown as fewer than 5.
    assert headline_numbers(hand_made((1, 1, 1), (7, 7), support=2))["Enforcement"] == "—"
    assert figures["First contact"] == "6.5 days"
    assert headline_numbers(hand_made((6, 5, 0), (2, 12)))["Open cases"] == "more than 12"
    assert headline_numbers(hand_made((1, 0, 0), (2, 12)))["Referrals"] == SUPPRESSED
    # With no suppressed cell the total is exact.
    assert headline_numbers(hand_made((6, 5, 0), (7, 7), (5, 0, 0)))["Referrals"] == "16"


def drawn(table: FigureTable) -> QImage:
    image = QImage(560, 260, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    paint_figure(painter, QRectF(0, 0, 560, 260), table, QGuiApplication.font())
    painter.end()
    return image


def cell_texts(panel: FigurePanel) -> list[str]:
    model = panel.table_view.model()
    return [
        str(model.data(model.index(row, column)))
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    ]


@pytest.mark.parametrize("make", [referrals, statuses, missing, flags])
def test_a_suppressed_count_is_drawn_the_same_whether_it_is_1_or_4(
    qtbot: QtBot, make: Callable[[int], FigureTable]
) -> None:
    assert drawn(make(1)) == drawn(make(4))
    assert drawn(make(4)) != drawn(make(5))  # a count of 5 or more is drawn at its size


def test_the_table_and_the_words_show_fewer_than_5_and_never_the_count(qtbot: QtBot) -> None:
    panel = FigurePanel(statuses(3))
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.showing_table()
    click(qtbot, panel.toggle)
    assert panel.showing_table()
    assert panel.table_view.isVisible()
    texts = cell_texts(panel)
    assert texts == ["Referred", "8", "Active", SUPPRESSED]
    assert "3" not in texts
    words = panel.chart.accessibleDescription()
    assert f"Active: {SUPPRESSED}" in words
    assert "3" not in words
    assert f"Active: {SUPPRESSED}" in panel.chart.toolTip().splitlines()
    click(qtbot, panel.toggle)
    assert not panel.showing_table()


def test_save_as_png_writes_an_image_of_the_chart_at_twice_its_size(
    qtbot: QtBot, tmp_path: Path
) -> None:
    panel = FigurePanel(referrals(3))
    qtbot.addWidget(panel)
    offered: list[str] = []

    def choose(_parent: QWidget, name: str) -> Path:
        offered.append(name)
        return tmp_path / "chart"

    panel.choose_path = choose
    click(qtbot, panel.save_button)
    assert Path(offered[0]).name == "referrals.png"
    image = QImage(str(tmp_path / "chart.png"))
    assert not image.isNull()
    assert image.width() == PNG_WIDTH * PNG_SCALE
    assert image.height() == png_height(referrals(3)) * PNG_SCALE
    assert "Saved as chart.png" in panel.message.text()


def test_copy_puts_the_table_on_the_clipboard_with_fewer_than_5(qtbot: QtBot) -> None:
    panel = FigurePanel(referrals(3))
    qtbot.addWidget(panel)
    QApplication.clipboard().clear()
    click(qtbot, panel.copy_button)
    lines = QApplication.clipboard().text().splitlines()
    assert lines[1] == "Source\tJan 2025\tFeb 2025\tMar 2025"
    assert lines[2] == f"Police\t7\t{SUPPRESSED}\t9"
    assert lines[4] == f"Health\t0\t12\t{SUPPRESSED}"


def test_the_dashboard_shows_every_figure_and_the_headline_numbers(
    view: DashboardView, clock: FakeClock
) -> None:
    dashboard = view.shown_dashboard
    assert dashboard is not None
    start, end = period_dates(Period.LAST_QUARTER, clock.now().date())
    assert dashboard.period == AnalysisPeriod(start, end)
    assert [panel.table.key for panel in view.grid.panels] == list(keys.KEYS)
    assert all(panel.isVisible() for panel in view.grid.panels)
    # In the demo's last quarter: 2 referrals, and 29 open cases, which the RAG table (with no
    # suppressed cell) adds up to anyway.
    assert dashboard.table(keys.REFERRALS_BY_SOURCE).column_total(2) == 2
    assert view.headlines["Referrals"].value.text() == SUPPRESSED
    open_cases = dashboard.table(keys.OPEN_BY_RAG).column_total()
    assert open_cases == dashboard.table(keys.OPEN_BY_STATUS).column_total() == 29
    assert view.headlines["Open cases"].value.text() == "29"
    assert view.grid.columns == 2
    every_cell = [text for panel in view.grid.panels for text in cell_texts(panel)]
    assert not {str(count) for count in SMALL} & set(every_cell)
    # Enforcement is named as the last resort once, in each panel's note.
    for key in (keys.INTERVENTIONS_BY_TYPE, keys.ENFORCEMENT_SHARE):
        note = view.grid.panel(key).note
        assert note.isVisible() and note.text().count("last resort") == 1


def test_the_grid_goes_to_one_column_on_a_narrow_window(qtbot: QtBot, view: DashboardView) -> None:
    view.resize(800, 700)
    qtbot.waitUntil(lambda: view.grid.columns == 1)
    first, second = view.grid.panels[:2]
    qtbot.waitUntil(lambda: second.geometry().top() > first.geometry().bottom())
    assert second.width() > 700


def test_the_period_chooser_and_f5_recount_the_figures(
    qtbot: QtBot, view: DashboardView, clock: FakeClock
) -> None:
    pick(qtbot, view.chooser.period, Period.THIS_YEAR.value)
    assert view.shown_dashboard is not None
    assert view.shown_dashboard.period == AnalysisPeriod(date(2025, 1, 1), date(2025, 12, 31))
    assert len(view.grid.panel(keys.REFERRALS_BY_SOURCE).table.columns) == 12
    pick(qtbot, view.chooser.period, Period.CUSTOM.value)
    view.chooser.start.setDate(QDate(2024, 6, 1))
    assert view.shown_dashboard.period.start == date(2025, 1, 1)  # not on each keystroke
    qtbot.keyClick(view.chooser.start, Qt.Key.Key_F5)
    assert view.shown_dashboard.period == AnalysisPeriod(date(2024, 6, 1), date(2025, 12, 31))
    assert "1 June 2024" in view.heading.text()


def test_excel_export_writes_every_figure_with_fewer_than_5(
    qtbot: QtBot, view: DashboardView, tmp_path: Path
) -> None:
    dashboard = view.shown_dashboard
    assert dashboard is not None
    small = [
        (table.key, row.label)
        for table in dashboard.tables
        for row in table.rows
        if any(count in SMALL for count in row.counts)
    ]
    assert small, "the demo's quarter should have a suppressed count"
    view.choose_path = lambda _parent, _name: tmp_path / "figures.xlsx"
    qtbot.keyClick(view.grid, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    workbook = openpyxl.load_workbook(tmp_path / "figures.xlsx", read_only=True)
    values = [
        value
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
    ]
    workbook.close()
    assert SUPPRESSED in values
    assert not [value for value in values if isinstance(value, int) and value in SMALL]
    assert "figures.xlsx" in view.notice.text()


def test_a_failed_export_is_explained_and_the_figures_stay(
    qtbot: QtBot, view: DashboardView, tmp_path: Path
) -> None:
    warnings: list[str] = []
    view.warn = lambda _parent, message: warnings.append(message)
    view.choose_path = lambda _parent, _name: tmp_path / "no such folder" / "figures.xlsx"
    click(qtbot, view.export_button)
    assert len(warnings) == 1
    assert "folder" in warnings[0]
    assert view.shown_dashboard is not None
    assert len(view.grid.panels) == len(keys.KEYS)


def test_a_role_without_analysis_is_told_and_shown_no_figures(
    qtbot: QtBot, demo_vault: VaultLayout, kdf: FastKdfPolicy, clock: FakeClock
) -> None:
    for worker in demo_services(demo_vault, kdf, clock, Role.GANGS_WORKER):
        refused = DashboardView(
            worker.analysis_dashboard, worker.analysis_export, lambda: clock.now().date()
        )
        qtbot.addWidget(refused)
        refused.show()
        qtbot.waitExposed(refused)
        assert refused.error.isVisible()
        assert "dashboard" in refused.error.text()
        assert refused.shown_dashboard is None
        assert refused.grid.panels == []
        assert not refused.export_button.isEnabled()

"""The analyst signs in through the real window and reads the outcomes for a period in the
Analysis section: small counts suppressed, and no young person's name anywhere."""

from __future__ import annotations

import os
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.models.accounts import Role
from desktop.models.choices import MilestoneKind
from desktop.services.analysis_tables import SUPPRESSED
from desktop.services.coaching_records import PlanInput
from desktop.services.coaching_session_records import MilestoneInput
from desktop.services.demo_service import demo_username
from desktop.services.permissions import Section
from desktop.vault.layout import VaultLayout
from desktop.views.analysis.analysis_view import AnalysisView
from desktop.views.analysis.outcomes_view import OutcomesView
from desktop.views.analysis.periods import Period, period_dates
from desktop.views.analysis.pseudonymised_export_dialog import PseudonymisedExportDialog
from desktop.views.analysis.quarterly_report_dialog import QuarterlyReportDialog
from desktop.views.shell.main_window import MainWindow
from tests.coaching_fixtures import PERSON_FAMILY, PERSON_GIVEN, Coaching
from tests.conftest import AddAccount
from tests.docx_reading import body_text
from tests.gui.case_tab_driver import answering, pick
from tests.gui.conftest import WindowFactory, allow_first_sign_in, sign_in
from tests.gui.test_coaching_sessions_gui import seed_plan, services_for


def model_texts(model: QAbstractItemModel) -> list[str]:
    texts = []
    for row in range(model.rowCount()):
        # A list model's column count is private in PySide6: it has one column.
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
        for column in range(columns):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(model.index(row, column), role)
                if value:
                    texts.append(str(value))
    return texts


def every_text(window: MainWindow) -> str:
    """Everything the window could show: labels, buttons, fields, combos and every list."""
    texts = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        texts.append(widget.toolTip())
        texts.append(widget.accessibleName())
        if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
            texts.append(widget.text())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += model_texts(widget.model())
    return "\n".join(texts)


def shown_cells(view: OutcomesView, key: str) -> dict[str, list[str]]:
    """A figure's rows as its table view shows them: label -> cells."""
    model = view.grid.panel(key).table_view.model()
    return {
        model.data(model.index(row, 0)): [
            model.data(model.index(row, column)) for column in range(1, model.columnCount())
        ]
        for row in range(model.rowCount())
    }


@pytest.fixture
def coached(coaching: Coaching, add_account: AddAccount) -> Coaching:
    """A plan 20 weeks old: NEET, then a course 15 weeks ago (a start and a NEET-to-EET
    change), then 13 weeks sustained recorded today; and an analyst who may sign in."""
    add_account(Role.ANALYST, "analyst")
    allow_first_sign_in(coaching.signed_in)
    today = coaching.clock.now().date()
    plan_id = coaching.plans().create_plan(
        coaching.person_id,
        PlanInput(coaching.coach.account_id, today - timedelta(weeks=20)),
    )
    seed_plan(coaching, plan_id)
    services_for(coaching, coaching.coach).coaching_sessions.record_milestone(
        plan_id,
        MilestoneInput(
            MilestoneKind.SUSTAINED_13, today, "Still on the course", "Attendance record"
        ),
    )
    return coaching


def open_analysis(qtbot: QtBot, window: MainWindow) -> AnalysisView:
    workspace = window.workspace
    assert workspace is not None, window.unlock_view.message.text()
    navigation = workspace.navigation
    row = workspace.sections.index(Section.ANALYSIS)
    where = navigation.visualItemRect(navigation.item(row)).center()
    qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=where)
    view = workspace.views[Section.ANALYSIS]
    assert isinstance(view, AnalysisView) and view.isVisible()
    return view


def test_the_analyst_reads_the_outcomes_for_a_period_without_names(
    qtbot: QtBot, window_factory: WindowFactory, coached: Coaching
) -> None:
    window = window_factory()
    sign_in(qtbot, window, "analyst")
    section = open_analysis(qtbot, window)
    assert [section.tabs.tabText(i) for i in range(section.tabs.count())] == [
        "&Dashboard",
        "D&isproportionality",
        "&Outcomes",
    ]
    assert section.dashboard.shown_dashboard is not None  # counted on first sight
    assert section.outcomes.shown_outcomes is None  # not yet: counting is audited
    section.tabs.setCurrentWidget(section.outcomes)
    view = section.outcomes
    today = coached.clock.now().date()  # Friday 14 March 2025

    # Last quarter by default (October to December 2024): the course start and the change from
    # NEET, and the plan's start 20 weeks before 14 March (25 October 2024) - each a single
    # record, so each shown as "fewer than 5", never as 1.
    assert view.chooser.chosen_period() is Period.LAST_QUARTER
    assert view.heading.text() == "1 October 2024 to 31 December 2024"
    starts = shown_cells(view, "coaching_starts")
    assert starts["Course start"] == [SUPPRESSED] and starts["Job start"] == ["0"]
    eet = shown_cells(view, "coaching_eet")
    assert eet["NEET to education, employment or training"] == [SUPPRESSED]
    assert eet["Plans started"] == [SUPPRESSED]
    assert "1" not in {cell for cells in eet.values() for cell in cells}

    # This month: the 13 weeks sustained only.
    pick(qtbot, view.chooser.period, Period.THIS_MONTH.value)
    assert view.heading.text() == "1 March 2025 to 31 March 2025"
    assert shown_cells(view, "coaching_sustained")["Sustained 13 weeks"] == [SUPPRESSED]
    assert shown_cells(view, "coaching_starts")["Course start"] == ["0"]

    # Custom dates are counted on Show figures; a period that ends before it starts is refused.
    pick(qtbot, view.chooser.period, Period.CUSTOM.value)
    assert view.chooser.start.isEnabled() and view.chooser.end.isEnabled()
    view.chooser.start.setDate(QDate(2025, 1, 1))
    view.chooser.end.setDate(QDate(2024, 12, 31))
    qtbot.mouseClick(view.chooser.show_button, Qt.MouseButton.LeftButton)
    assert view.error.isVisible() and "ends before it starts" in view.error.text()
    view.chooser.end.setDate(QDate(today.year, today.month, today.day))
    qtbot.mouseClick(view.chooser.show_button, Qt.MouseButton.LeftButton)
    assert not view.error.isVisible()
    assert view.heading.text() == "1 January 2025 to 14 March 2025"
    assert shown_cells(view, "coaching_sustained")["Sustained 13 weeks"] == [SUPPRESSED]

    # No name anywhere in the window the analyst sees, on any tab.
    section.tabs.setCurrentWidget(section.disproportionality)
    shown = every_text(window)
    assert "Sustained 13 weeks" in shown  # the scan does read the figures' tables
    assert PERSON_GIVEN not in shown and PERSON_FAMILY not in shown
    assert "IGX-" not in shown  # nor a case reference


def test_the_periods_are_whole_calendar_periods() -> None:
    day = date(2025, 2, 14)
    assert period_dates(Period.THIS_MONTH, day) == (date(2025, 2, 1), date(2025, 2, 28))
    assert period_dates(Period.LAST_MONTH, date(2025, 1, 9)) == (
        date(2024, 12, 1),
        date(2024, 12, 31),
    )
    assert period_dates(Period.THIS_QUARTER, day) == (date(2025, 1, 1), date(2025, 3, 31))
    assert period_dates(Period.LAST_QUARTER, day) == (date(2024, 10, 1), date(2024, 12, 31))
    assert period_dates(Period.THIS_QUARTER, date(2024, 11, 30)) == (
        date(2024, 10, 1),
        date(2024, 12, 31),
    )
    assert period_dates(Period.THIS_YEAR, day) == (date(2025, 1, 1), date(2025, 12, 31))
    assert period_dates(Period.THIS_MONTH, date(2024, 2, 10))[1] == date(2024, 2, 29)


def test_the_analyst_saves_the_quarterly_report_and_pseudonymised_records_from_the_section(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory, tmp_path: Path
) -> None:
    window = window_factory()
    sign_in(qtbot, window, demo_username(Role.ANALYST))
    section = open_analysis(qtbot, window)
    assert section.dashboard.shown_dashboard is not None
    shots = os.environ.get("CASEBOOK_SHOTS_DIR")
    if shots:  # screenshots for people to look at; the figures of two years read best
        window.resize(1400, 900)
        for view in (section.dashboard, section.disproportionality, section.outcomes):
            section.tabs.setCurrentWidget(view)
            view.chooser.choose(Period.CUSTOM)
            view.chooser.start.setDate(QDate(2023, 4, 1))
            view.chooser.end.setDate(QDate(2025, 3, 31))
            qtbot.mouseClick(view.chooser.show_button, Qt.MouseButton.LeftButton)
            qtbot.wait(100)
            window.grab().save(f"{shots}/analysis_{section.tabs.currentIndex()}.png")
        section.tabs.setCurrentWidget(section.dashboard)

    def save_report(dialog: QuarterlyReportDialog) -> None:
        # The last whole quarter before 14 March 2025 comes first, then the ones before it.
        assert dialog.quarter.currentText() == "October to December 2024"
        assert dialog.quarter.itemText(1) == "July to September 2024"
        if shots:
            dialog.grab().save(f"{shots}/analysis_quarterly_dialog.png")
        dialog.choose_path = lambda _parent, _default: tmp_path / "quarter"
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.saved_to is not None, timeout=20_000)
        assert dialog.message.text() == "Saved as quarter.docx."
        dialog.reject()

    with answering(QuarterlyReportDialog, save_report):
        qtbot.mouseClick(section.report_button, Qt.MouseButton.LeftButton)
    if shots:
        shutil.copy(tmp_path / "quarter.docx", shots)
    report = Document(str(tmp_path / "quarter.docx"))
    assert len(report.inline_shapes) == len(section.dashboard.shown_dashboard.tables)  # charts
    assert SUPPRESSED in body_text(tmp_path / "quarter.docx")

    def save_records(dialog: PseudonymisedExportDialog) -> None:
        if shots:
            dialog.grab().save(f"{shots}/analysis_records_dialog.png")
        dialog.choose_path = lambda _parent, _default: tmp_path / "records"
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.saved_to is not None, timeout=20_000)
        dialog.reject()

    with answering(PseudonymisedExportDialog, save_records):
        qtbot.mouseClick(section.records_button, Qt.MouseButton.LeftButton)
    rows = list(load_workbook(tmp_path / "records.xlsx").worksheets[0].iter_rows(values_only=True))
    assert len(rows) > 40  # a heading block and one row per young person

"""The analyst signs in through the real window and reads the employment coaching outcome counts
for a period in the Analysis section, with totals and no young person's name anywhere."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
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
from desktop.services.coaching_records import PlanInput
from desktop.services.coaching_session_records import MilestoneInput
from desktop.services.permissions import Section
from desktop.views.analysis.outcome_counts_view import OutcomeCountsView
from desktop.views.analysis.periods import Period, period_dates
from desktop.views.shell.main_window import MainWindow
from tests.coaching_fixtures import PERSON_FAMILY, PERSON_GIVEN, Coaching
from tests.conftest import AddAccount
from tests.gui.case_tab_driver import pick
from tests.gui.conftest import WindowFactory, allow_first_sign_in, sign_in
from tests.gui.test_coaching_sessions_gui import seed_plan, services_for

MEASURE, KIND, COUNT = range(3)


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


def counts_of(view: OutcomeCountsView) -> dict[tuple[str, str], int]:
    """(measure, kind) -> count, the measure carried down the rows it heads."""
    model = view.model
    found: dict[tuple[str, str], int] = {}
    measure = ""
    for row in range(model.rowCount()):
        measure = model.data(model.index(row, MEASURE)) or measure
        kind = model.data(model.index(row, KIND))
        found[(measure, kind)] = int(model.data(model.index(row, COUNT)))
    return found


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


def open_analysis(qtbot: QtBot, window: MainWindow) -> OutcomeCountsView:
    workspace = window.workspace
    assert workspace is not None, window.unlock_view.message.text()
    navigation = workspace.navigation
    row = workspace.sections.index(Section.ANALYSIS)
    where = navigation.visualItemRect(navigation.item(row)).center()
    qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=where)
    view = workspace.views[Section.ANALYSIS]
    assert isinstance(view, OutcomeCountsView) and view.isVisible()
    return view


def test_the_analyst_reads_the_counts_for_a_period_without_names(
    qtbot: QtBot, qtmodeltester: object, window_factory: WindowFactory, coached: Coaching
) -> None:
    window = window_factory()
    sign_in(qtbot, window, "analyst")
    view = open_analysis(qtbot, window)
    today = coached.clock.now().date()  # Friday 14 March 2025

    # This month, counted as soon as the section is shown: the 13 weeks sustained only.
    assert view.chosen_period() is Period.THIS_MONTH
    assert view.heading.text() == "1 March 2025 to 31 March 2025"
    counts = counts_of(view)
    assert counts[("Sustained", "13 weeks")] == 1
    assert counts[("Sustained", "All sustained")] == 1
    assert counts[("Starts", "All starts")] == 0
    assert counts[("Plans", "Open at the end of the period")] == 1

    # Last quarter (October to December 2024) holds the course start and the change from NEET,
    # and the plan's start 20 weeks before 14 March (25 October 2024).
    pick(qtbot, view.period, Period.LAST_QUARTER.value)
    assert view.heading.text() == "1 October 2024 to 31 December 2024"
    counts = counts_of(view)
    assert counts[("Starts", "Course")] == 1
    assert counts[("Starts", "Job")] == 0
    assert counts[("Starts", "All starts")] == 1
    assert counts[("Sustained", "All sustained")] == 0
    assert counts[("NEET to EET", "Changes into education, employment or training")] == 1
    assert counts[("Plans", "Started in the period")] == 1
    total_row = next(
        row for row in range(view.model.rowCount()) if view.model.lines()[row].kind == "All starts"
    )
    font = view.model.data(view.model.index(total_row, KIND), Qt.ItemDataRole.FontRole)
    assert font is not None and font.bold()

    # Custom dates are counted on Show counts; a period that ends before it starts is refused.
    pick(qtbot, view.period, Period.CUSTOM.value)
    assert view.start.isEnabled() and view.end.isEnabled()
    view.start.setDate(QDate(2025, 1, 1))
    view.end.setDate(QDate(2024, 12, 31))
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    assert view.error.isVisible() and "ends before it starts" in view.error.text()
    view.end.setDate(QDate(today.year, today.month, today.day))
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    assert not view.error.isVisible()
    assert view.heading.text() == "1 January 2025 to 14 March 2025"
    assert counts_of(view)[("Sustained", "All sustained")] == 1

    # No name anywhere in the window the analyst sees.
    shown = every_text(window)
    assert "13 weeks" in shown  # the scan does read the counts table
    assert PERSON_GIVEN not in shown and PERSON_FAMILY not in shown
    assert "IGX-" not in shown  # nor a case reference
    check = getattr(qtmodeltester, "check")  # noqa: B009 (pytest-qt's fixture is untyped)
    check(view.model, force_py=True)


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

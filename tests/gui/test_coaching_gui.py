"""The Employment coaching section driven as its users would: the coach signs in, starts a plan
through the dialog, records changes in education, employment or training (the history keeps the
old spell) and a review (the due date moves on by N weeks); barriers, goals and actions are
added and ticked off; an overdue review says so in red and in words; a gangs worker has no
coaching section and reads a plan without the buttons that change it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.app import create_application
from desktop.models.choices import ActionStatus, BarrierStatus, EetActivity, GoalStatus
from desktop.services.bundle import Services
from desktop.services.coaching_records import ActionInput, GoalInput, PlanInput
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import Section
from desktop.services.sign_in_service import SignedIn
from desktop.views.caseload.tabs.dialog_fields import set_date
from desktop.views.coaching.action_dialog import ActionDialog
from desktop.views.coaching.barrier_dialog import BarrierDialog
from desktop.views.coaching.close_plan_dialog import ClosePlanDialog
from desktop.views.coaching.coaching_plan_parts import OVERDUE_INK
from desktop.views.coaching.coaching_view import CoachingPlace, CoachingView
from desktop.views.coaching.eet_dialog import EetDialog
from desktop.views.coaching.goal_dialog import GoalDialog
from desktop.views.coaching.plan_dialog import PlanDialog
from desktop.views.coaching.review_dialog import ReviewDialog
from desktop.views.shell.main_window import MainWindow
from tests.coaching_fixtures import PERSON_FAMILY, PERSON_GIVEN, Coaching
from tests.conftest import FastKdfPolicy
from tests.gui.case_tab_driver import DAY, answering, cell, click, ok, pick, show
from tests.gui.conftest import WindowFactory, allow_first_sign_in, sign_in

LEFT = Qt.MouseButton.LeftButton
NAME = f"{PERSON_GIVEN} {PERSON_FAMILY}"
REVIEW_COLUMN, GOALS_COLUMN, OVERDUE_COLUMN = 4, 6, 7  # the Plans table's
DOING_COLUMN = 3


@pytest.fixture
def unit(coaching: Coaching) -> Coaching:
    create_application([])  # the app's style sheet, as people see it
    allow_first_sign_in(coaching.signed_in)
    return coaching


def services_for(coaching: Coaching, user: CurrentUser | None = None) -> Services:
    signed_in = SignedIn(coaching.signed_in.vault, user or coaching.coach)
    return Services.for_session(signed_in, FastKdfPolicy(), coaching.clock)


def make_plan(coaching: Coaching, started_days_ago: int = 30, review_in_days: int = 10) -> int:
    today = coaching.clock.now().date()
    return coaching.plans().create_plan(
        coaching.person_id,
        PlanInput(
            coaching.coach.account_id,
            today - timedelta(days=started_days_ago),
            aspirations="I want to be an electrician like my uncle.",
            review_due_on=today + timedelta(days=review_in_days),
        ),
    )


def open_coaching(qtbot: QtBot, window: MainWindow) -> CoachingView:
    """Chooses Employment coaching in the navigation with the mouse."""
    workspace = window.workspace
    assert workspace is not None, window.unlock_view.message.text()
    navigation = workspace.navigation
    row = workspace.sections.index(Section.EMPLOYMENT_COACHING)
    where = navigation.visualItemRect(navigation.item(row)).center()
    qtbot.mouseClick(navigation.viewport(), LEFT, pos=where)
    view = workspace.coaching
    assert view is not None and view.isVisible()
    return view


def choose_tab(qtbot: QtBot, tabs: QTabWidget, page: QWidget) -> None:
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(tabs.indexOf(page)).center())
    assert tabs.currentWidget() is page


def press(
    qtbot: QtBot,
    focus: QWidget,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """A key pressed in the active window (offscreen, a window does not get activation back
    after a dialog closes; a window manager would give it)."""
    focus.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is focus.window(), timeout=2000)
    focus.setFocus()
    qtbot.keyClick(focus, key, modifier)


def day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


# ---- the coach's journey -----------------------------------------------------------------
def test_coach_starts_a_plan_records_eet_changes_and_a_review(
    qtbot: QtBot, window_factory: WindowFactory, unit: Coaching
) -> None:
    today = unit.clock.now().date()
    window = window_factory()
    sign_in(qtbot, window, "coach")
    view = open_coaching(qtbot, window)
    assert view.plans.table.is_empty()
    assert view.new_button.isVisible()
    assert view.plans.table.view.isColumnHidden(2)  # a coach's own plans: no coach column

    def fill(dialog: PlanDialog) -> None:
        assert [dialog.person.itemText(i) for i in range(dialog.person.count())] == [
            f"{NAME} · {unit.people().open_record(unit.person_id).case_reference}"
        ]
        assert not dialog.coach.isEnabled()  # a coach's plan is their own
        # The first review falls N weeks (six by default) after the start.
        assert dialog.review_due.date().toPython() == today + timedelta(weeks=6)
        set_date(dialog.review_due, today - timedelta(days=1))
        ok(qtbot, dialog)
        assert dialog.isVisible()
        assert "review date is before the plan's start" in dialog.error.text()
        set_date(dialog.review_due, today + timedelta(weeks=6))
        qtbot.keyClicks(dialog.aspirations, "Be a sparky and earn my own money")
        qtbot.keyClicks(dialog.strengths, "Turns up on time for football")
        ok(qtbot, dialog)

    with answering(PlanDialog, fill):
        press(qtbot, view.plans.filter, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        # A shortcut "clicks" the button a moment later, as it animates the press.
        qtbot.waitUntil(lambda: view.plan_page is not None, timeout=3000)

    page = view.plan_page
    assert page is not None and page.isVisible()
    assert page.title.text() == NAME
    assert "Plan open" in page.facts.text()
    assert page.review.text() == f"Review: {day(today + timedelta(weeks=6))}"
    plan = unit.plans().plan(page.plan_id)
    assert plan.aspirations == "Be a sparky and earn my own money"
    assert plan.strengths == "Turns up on time for football"
    assert page.tabs.currentWidget() is page.plan
    assert "Be a sparky" in page.plan.card.text.text()

    # What they are doing now: NEET, then training ten days later.
    def neet(dialog: EetDialog) -> None:
        assert dialog.now.text().startswith("Nothing recorded yet")
        pick(qtbot, dialog.activity, "NEET")
        ok(qtbot, dialog)

    with answering(EetDialog, neet):
        click(qtbot, page.plan.eet_button)
    assert page.plan.current.text() == f"Doing now: {EetActivity.NEET.label}, since {day(today)}"

    unit.clock.advance(10 * DAY)
    later = today + timedelta(days=10)

    def training(dialog: EetDialog) -> None:
        assert dialog.activity.currentText() == EetActivity.NEET.label  # what they do now
        pick(qtbot, dialog.activity, "Training")
        qtbot.keyClicks(dialog.provider, "Step Up Trust")
        dialog.hours.setFocus()
        dialog.hours.selectAll()
        qtbot.keyClicks(dialog.hours, "16")
        qtbot.keyClicks(dialog.reason, "Started the electrical course")
        ok(qtbot, dialog)

    with answering(EetDialog, training):
        click(qtbot, page.plan.eet_button)

    history = page.plan.history.model
    assert history.rowCount() == 2  # the old spell is kept, not overwritten
    assert [cell(history, 0, c) for c in range(6)] == [
        "Training",
        day(later),
        "Now",
        "Step Up Trust",
        "16",
        "Started the electrical course",
    ]
    assert [cell(history, 1, c) for c in range(3)] == ["NEET", day(today), day(later)]
    assert "Training at Step Up Trust" in page.plan.current.text()

    # A review: the next one defaults to six weeks on, and the plan's due date follows.
    def review(dialog: ReviewDialog) -> None:
        assert dialog.next_review.date().toPython() == later + timedelta(weeks=6)
        qtbot.keyClicks(dialog.summary, "Course going well; CV next")
        ok(qtbot, dialog)

    with answering(ReviewDialog, review):
        click(qtbot, page.plan.review_button)

    assert unit.plans().plan(page.plan_id).review_due_on == later + timedelta(weeks=6)
    assert page.review.text() == f"Review: {day(later + timedelta(weeks=6))}"
    reviews = page.plan.reviews.model
    assert reviews.rowCount() == 1
    assert cell(reviews, 0, 0) == day(later)
    assert cell(reviews, 0, 3) == "Course going well; CV next"

    # Back with Esc: the list shows what they are doing now and the new review date.
    press(qtbot, page.tabs, Qt.Key.Key_Escape)
    assert view.plan_page is None
    plans = view.plans.table.model
    assert cell(plans, 0, 0) == NAME
    assert cell(plans, 0, DOING_COLUMN) == "Training"
    assert cell(plans, 0, REVIEW_COLUMN) == day(later + timedelta(weeks=6))

    # Jordan has an open plan now: nobody is left to start one for.
    def nobody(dialog: PlanDialog) -> None:
        assert dialog.person.count() == 0
        assert "already has an open plan" in dialog.error.text()
        ok(qtbot, dialog)
        assert dialog.isVisible() and "Choose the young person." in dialog.error.text()
        dialog.reject()

    with answering(PlanDialog, nobody):
        click(qtbot, view.new_button)
    assert len(unit.plans().plans(include_closed=True)) == 1


def test_barriers_goals_and_actions_show_progress(qtbot: QtBot, unit: Coaching) -> None:
    plan_id = make_plan(unit)
    today = unit.clock.now().date()
    view = show(qtbot, CoachingView(services_for(unit)))
    page = view.open_plan(plan_id)

    # ---- barriers ----
    choose_tab(qtbot, page.tabs, page.barriers)
    barriers = page.barriers
    assert barriers.table.is_empty() and not barriers.edit_button.isEnabled()

    def add_barrier(label: str, detail: str) -> None:
        def steps(dialog: BarrierDialog) -> None:
            pick(qtbot, dialog.kind, label)
            assert dialog.status.currentText() == "Open"
            qtbot.keyClicks(dialog.detail, detail)
            qtbot.keyClicks(dialog.action, "Coach to help")
            ok(qtbot, dialog)

        with answering(BarrierDialog, steps):
            click(qtbot, barriers.add_button)

    add_barrier("No bank account", "Needs ID first")
    add_barrier("Travel safety and territory", "Cannot cross the estate to the college")

    def twice(dialog: BarrierDialog) -> None:
        pick(qtbot, dialog.kind, "No bank account")
        ok(qtbot, dialog)
        assert "already on the plan" in dialog.error.text()  # the service's words, shown
        dialog.reject()

    with answering(BarrierDialog, twice):
        click(qtbot, barriers.add_button)

    model = barriers.table.model
    assert [cell(model, r, 0) for r in range(2)] == [
        "No bank account",
        "Travel safety and territory",
    ]
    assert barriers.count.text() == "2 still in the way · 0 resolved"
    barriers.table.select_index(0)

    def resolve(dialog: BarrierDialog) -> None:
        pick(qtbot, dialog.status, "Resolved")
        ok(qtbot, dialog)

    with answering(BarrierDialog, resolve):
        click(qtbot, barriers.edit_button)
    stored = {row.type_label: row.status for row in unit.plans().barriers(plan_id)}
    assert stored["No bank account"] is BarrierStatus.RESOLVED
    assert f"Resolved {day(today)}" in [cell(model, r, 1) for r in range(2)]
    assert barriers.count.text() == "1 still in the way · 1 resolved"

    # ---- goals and actions ----
    choose_tab(qtbot, page.tabs, page.goals)
    goals = page.goals

    def goal(dialog: GoalDialog) -> None:
        ok(qtbot, dialog)
        assert "Describe the goal." in dialog.error.text()
        qtbot.keyClicks(dialog.description, "Get my CSCS card")
        qtbot.keyClicks(dialog.measure, "Card in hand")
        ok(qtbot, dialog)

    with answering(GoalDialog, goal):
        click(qtbot, goals.add_goal_button)
    assert goals.goal_table.model.rowCount() == 1
    assert goals.goal_table.selected() is not None  # the new goal is chosen

    def step(text: str, agency: str = "") -> None:
        def steps(dialog: ActionDialog) -> None:
            qtbot.keyClicks(dialog.description, text)
            if agency:
                assert not dialog.agency.isEnabled()
                pick(qtbot, dialog.owner, "Another agency")
                ok(qtbot, dialog)
                assert "Name the agency" in dialog.error.text()
                assert dialog.agency.isEnabled()
                qtbot.keyClicks(dialog.agency, agency)
            ok(qtbot, dialog)

        with answering(ActionDialog, steps):
            click(qtbot, goals.add_action_button)

    step("Book the health and safety test")
    step("Pay for the test", agency="Step Up Trust")
    goal_model = goals.goal_table.model
    assert cell(goal_model, 0, 2) == "0 of 2 actions done"
    actions = goals.action_table.model
    assert [cell(actions, r, 1) for r in range(2)] == ["Young person", "Step Up Trust"]
    assert cell(actions, 0, 2) == day(today + timedelta(days=7))

    goals.action_table.select_index(0)
    click(qtbot, goals.done_button)
    assert cell(goal_model, 0, 2) == "1 of 2 actions done"
    assert goals.goal_table.model.row_at(0).percent == 50
    assert cell(actions, 0, 3) == f"Done {day(today)}"
    assert not goals.done_button.isEnabled()  # the chosen action is done already
    assert goals.actions_title.text() == "Actions · 1 of 2 actions done"

    click(qtbot, goals.achieved_button)
    row = unit.goals().goals(plan_id)[0]
    assert row.status is GoalStatus.ACHIEVED
    assert cell(goal_model, 0, 3) == f"Achieved {day(today)}"
    assert not goals.add_action_button.isEnabled()  # no steps on an achieved goal
    assert [a.status for a in row.actions] == [ActionStatus.DONE, ActionStatus.TO_DO]

    # The list counts them.
    press(qtbot, page.tabs, Qt.Key.Key_Escape)
    plans = view.plans.table.model
    assert cell(plans, 0, 5) == "1"  # open barriers: the resolved one is not counted
    assert cell(plans, 0, GOALS_COLUMN) == "1 of 1"


def test_an_overdue_review_and_action_show_in_red_and_in_words(
    qtbot: QtBot, unit: Coaching
) -> None:
    plan_id = make_plan(unit, review_in_days=2)
    today = unit.clock.now().date()
    goal_id = unit.goals().add_goal(
        plan_id, GoalInput("Open a bank account", target_on=today + timedelta(days=30))
    )
    unit.goals().add_action(goal_id, ActionInput("Take ID to the bank", due_on=today))
    unit.clock.advance(5 * DAY)
    view = show(qtbot, CoachingView(services_for(unit)))
    plans = view.plans.table.model
    review = plans.index(0, REVIEW_COLUMN)
    assert plans.data(review) == f"Overdue · {day(today + timedelta(days=2))} · 3 days late"
    assert plans.data(review, Qt.ItemDataRole.ForegroundRole) == QColor(OVERDUE_INK)
    assert cell(plans, 0, OVERDUE_COLUMN) == "1"
    on_time = plans.index(0, 0)
    assert plans.data(on_time, Qt.ItemDataRole.ForegroundRole) is None

    page = view.open_plan(plan_id)
    assert page.review.text().startswith("Review: Overdue")
    choose_tab(qtbot, page.tabs, page.goals)
    actions = page.goals.action_table.model
    assert cell(actions, 0, 2) == f"{day(today)} · 5 days late"
    assert actions.data(actions.index(0, 2), Qt.ItemDataRole.ForegroundRole) == QColor(OVERDUE_INK)


def test_closing_a_plan_asks_why_and_leaves_it_read_only(qtbot: QtBot, unit: Coaching) -> None:
    plan_id = make_plan(unit)
    view = show(qtbot, CoachingView(services_for(unit)))
    page = view.open_plan(plan_id)

    def close(dialog: ClosePlanDialog) -> None:
        ok(qtbot, dialog)
        assert "Say why the plan is closing." in dialog.error.text()
        qtbot.keyClicks(dialog.reason, "Started an apprenticeship and settled")
        ok(qtbot, dialog)

    with answering(ClosePlanDialog, close):
        click(qtbot, page.plan.close_button)

    assert not unit.plans().plan(plan_id).is_open
    assert "Plan closed" in page.facts.text()
    assert not page.plan.eet_button.isVisibleTo(page)
    assert not page.goals.add_goal_button.isVisibleTo(page)
    assert page.plan.read_only.text() == "This plan is closed: read only."
    press(qtbot, page.tabs, Qt.Key.Key_Escape)
    assert view.plans.table.is_empty() and view.plans.count.text() == "0 open plans"
    pick(qtbot, view.plans.filter, "Closed plans")
    assert cell(view.plans.table.model, 0, REVIEW_COLUMN) == "Plan closed"


# ---- who may do what ----------------------------------------------------------------------
def test_gangs_worker_has_no_coaching_section_and_reads_plans_only(
    qtbot: QtBot, window_factory: WindowFactory, unit: Coaching
) -> None:
    plan_id = make_plan(unit)
    unit.goals().add_goal(
        plan_id, GoalInput("Get my CSCS card", target_on=unit.clock.now().date() + timedelta(30))
    )
    window = window_factory()
    sign_in(qtbot, window, "worker")
    workspace = window.workspace
    assert workspace is not None
    navigation = [workspace.navigation.item(r).text() for r in range(workspace.navigation.count())]
    assert "Employment coaching" not in navigation
    assert workspace.coaching is None

    # The worker may reach the young person's record, so the plan reads, without buttons.
    view = show(qtbot, CoachingView(services_for(unit, unit.worker)))
    assert not view.new_button.isVisibleTo(view)
    assert cell(view.plans.table.model, 0, 0) == NAME
    page = view.open_plan(plan_id)
    assert page.plan.read_only.text().startswith("Read only")
    for button in (page.plan.edit_button, page.plan.eet_button, page.plan.review_button):
        assert not button.isVisibleTo(page)
    choose_tab(qtbot, page.tabs, page.goals)
    assert cell(page.goals.goal_table.model, 0, 0) == "Get my CSCS card"
    assert not page.goals.add_goal_button.isVisibleTo(page)
    assert not page.goals.done_button.isVisibleTo(page)
    choose_tab(qtbot, page.tabs, page.barriers)
    assert not page.barriers.add_button.isVisibleTo(page)
    assert page.documents_button.isVisibleTo(page)


# ---- place and models -----------------------------------------------------------------------
def test_place_keeps_ids_only_and_reopens_the_plan_and_tab(qtbot: QtBot, unit: Coaching) -> None:
    plan_id = make_plan(unit)
    view = show(qtbot, CoachingView(services_for(unit)))
    assert view.place() == CoachingPlace(0, None, 0)
    page = view.open_plan(plan_id)
    choose_tab(qtbot, page.tabs, page.goals)
    place = view.place()
    assert place == CoachingPlace(0, plan_id, 2)

    again = show(qtbot, CoachingView(services_for(unit)))
    again.restore_place(place)
    assert again.plan_page is not None and again.plan_page.plan_id == plan_id
    assert again.plan_page.tabs.currentWidget() is again.plan_page.goals


def test_plan_tabs_from_the_section_are_added_and_reloaded(qtbot: QtBot, unit: Coaching) -> None:
    plan_id = make_plan(unit)
    built: list[int] = []
    reloads: list[int] = []

    class Extra(QWidget):
        def reload(self) -> None:
            reloads.append(1)

    def build(services: Services, plan: int) -> QWidget:
        built.append(plan)
        return Extra()

    view = show(qtbot, CoachingView(services_for(unit), plan_tabs=[("&Sessions", build)]))
    page = view.open_plan(plan_id)
    assert built == [plan_id]
    assert page.tabs.tabText(3) == "&Sessions"
    before = len(reloads)
    choose_tab(qtbot, page.tabs, page.goals)

    with answering(GoalDialog, lambda d: (qtbot.keyClicks(d.description, "CV"), ok(qtbot, d))):
        click(qtbot, page.goals.add_goal_button)
    assert len(reloads) == before + 1  # the plan changed: the added tab read it again


def test_models_pass_the_model_tester(
    qtmodeltester: ModelTester, qtbot: QtBot, unit: Coaching
) -> None:
    plan_id = make_plan(unit)
    today = unit.clock.now().date()
    goal_id = unit.goals().add_goal(plan_id, GoalInput("Get my CSCS card", target_on=today))
    unit.goals().add_action(goal_id, ActionInput("Book the test", due_on=today))
    view = show(qtbot, CoachingView(services_for(unit)))
    qtmodeltester.check(view.plans.table.model)
    page = view.open_plan(plan_id)
    for model in (
        page.plan.history.model,
        page.plan.reviews.model,
        page.barriers.table.model,
        page.goals.goal_table.model,
        page.goals.action_table.model,
    ):
        qtmodeltester.check(model)

"""The coaching part of My work: with a fixed clock, a plan review falls due and shows on the
coach's home screen; a gangs worker has no coaching part."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.services.coaching_records import ActionInput, GoalInput, PlanInput
from desktop.views.caseload.person_record_view import PersonRecordView
from desktop.views.home.my_work_view import MyWorkView
from desktop.views.shell.main_window import MainWindow
from tests.coaching_fixtures import PERSON_FAMILY, PERSON_GIVEN, Coaching
from tests.gui.conftest import WindowFactory, allow_first_sign_in, sign_in

DAY = 86400


def _my_work(window: MainWindow) -> MyWorkView:
    assert window.workspace is not None, window.unlock_view.message.text()
    caseload = window.workspace.caseload
    assert caseload is not None
    view = caseload.home_views["&My work"]
    assert isinstance(view, MyWorkView)
    return view


def test_a_review_falls_due_and_shows_on_the_coachs_home_screen(
    qtbot: QtBot, window_factory: WindowFactory, coaching: Coaching
) -> None:
    today = coaching.clock.now().date()
    plan_id = coaching.plans().create_plan(
        coaching.person_id,
        PlanInput(
            coaching.coach.account_id,
            today - timedelta(days=30),
            review_due_on=today + timedelta(days=10),
        ),
    )
    goal_id = coaching.goals().add_goal(
        plan_id, GoalInput("Get a job on a building site", target_on=today + timedelta(days=60))
    )
    coaching.goals().add_action(
        goal_id, ActionInput("Book the CSCS test", due_on=today + timedelta(days=1))
    )
    allow_first_sign_in(coaching.signed_in)

    window = window_factory()
    sign_in(qtbot, window, "coach")
    view = _my_work(window)
    panel = view.coaching
    assert panel is not None
    qtbot.waitUntil(lambda: panel.reviews.empty.isVisibleTo(view))
    assert panel.overdue_actions.empty.isVisibleTo(view)

    # Four days on, the review is a week away and the action a day late.
    coaching.clock.advance(4 * DAY)
    qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.reviews.view.isVisibleTo(view))
    reviews = panel.reviews.model
    due = (today + timedelta(days=10)).strftime("%d/%m/%Y")
    assert reviews.rowCount() == 1
    assert reviews.data(reviews.index(0, 0)) == due
    assert reviews.data(reviews.index(0, 1)).endswith(f"{PERSON_GIVEN} {PERSON_FAMILY}")
    actions = panel.overdue_actions.model
    assert [actions.data(actions.index(0, c)) for c in range(3)] == [
        (today + timedelta(days=1)).strftime("%d/%m/%Y") + " · 3 days late",
        "Book the CSCS test",
        "Young person",
    ]

    # Past its date the review reads as late; Enter on it opens the young person's record.
    coaching.clock.advance(8 * DAY)
    qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    assert reviews.data(reviews.index(0, 0)) == f"{due} · 2 days late"
    panel.reviews.view.setFocus()
    panel.reviews.view.setCurrentIndex(reviews.index(0, 1))
    qtbot.keyClick(panel.reviews.view, Qt.Key.Key_Return)
    caseload = window.workspace.caseload if window.workspace else None
    assert caseload is not None
    qtbot.waitUntil(lambda: isinstance(caseload.open_page, PersonRecordView))
    assert isinstance(caseload.open_page, PersonRecordView)
    assert caseload.open_page.record.id == coaching.person_id


def test_a_gangs_worker_has_no_coaching_part(
    qtbot: QtBot, window_factory: WindowFactory, coaching: Coaching
) -> None:
    allow_first_sign_in(coaching.signed_in)
    window = window_factory()
    sign_in(qtbot, window, "worker")
    view = _my_work(window)
    assert view.coaching is None
    assert "Coaching plan reviews due" not in {
        label.text() for label in view.findChildren(type(view.today))
    }

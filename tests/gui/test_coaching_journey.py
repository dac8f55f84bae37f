"""ACCEPTANCE, through the real window with a fixed clock: a coach creates a plan, adds a
barrier, a goal and its actions, records an attended and a missed session and a milestone; the
sessions are in the young person's chronology; weeks later the plan's review falls due and shows
on the coach's home screen."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDateTime, Qt
from pytestqt.qtbot import QtBot

from desktop.models.choices import MilestoneKind
from desktop.services.coaching_sessions_service import CoachingSessionsService
from desktop.views.caseload.person_record_view import PersonRecordView
from desktop.views.caseload.tabs.chronology_tab import ChronologyTab
from desktop.views.coaching.action_dialog import ActionDialog
from desktop.views.coaching.barrier_dialog import BarrierDialog
from desktop.views.coaching.coaching_session_dialog import CoachingSessionDialog
from desktop.views.coaching.goal_dialog import GoalDialog
from desktop.views.coaching.milestone_dialog import MilestoneDialog
from desktop.views.coaching.plan_dialog import PlanDialog
from desktop.views.coaching.sessions_tab import CoachingSessionsTab
from desktop.views.coaching.timeline_tab import CoachingTimelineTab
from tests.coaching_fixtures import Coaching
from tests.gui.case_tab_driver import DAY, answering, cell, click, ok, pick
from tests.gui.conftest import WindowFactory, allow_first_sign_in, sign_in
from tests.gui.screen_text import screen_text
from tests.gui.test_coaching_gui import choose_tab, open_coaching
from tests.gui.test_coaching_home import _my_work


def test_coach_journey_from_plan_to_a_review_falling_due(
    qtbot: QtBot, window_factory: WindowFactory, coaching: Coaching
) -> None:
    allow_first_sign_in(coaching.signed_in)
    clock = coaching.clock
    window = window_factory()
    sign_in(qtbot, window, "coach")
    view = open_coaching(qtbot, window)

    def plan(dialog: PlanDialog) -> None:
        qtbot.keyClicks(dialog.aspirations, "Work outdoors and earn my own money")
        ok(qtbot, dialog)

    with answering(PlanDialog, plan):
        click(qtbot, view.new_button)
    page = view.plan_page
    assert page is not None
    plan_id = page.plan_id
    review_due = coaching.plans().plan(plan_id).review_due_on
    assert review_due == clock.now().date() + timedelta(weeks=6)

    # A barrier.
    choose_tab(qtbot, page.tabs, page.barriers)

    def barrier(dialog: BarrierDialog) -> None:
        pick(qtbot, dialog.kind, "Travel safety and territory")
        qtbot.keyClicks(dialog.detail, "Cannot cross the estate to the college")
        ok(qtbot, dialog)

    with answering(BarrierDialog, barrier):
        click(qtbot, page.barriers.add_button)
    assert [b.type_label for b in coaching.plans().barriers(plan_id)] == [
        "Travel safety and territory"
    ]

    # A goal with two actions.
    choose_tab(qtbot, page.tabs, page.goals)

    def goal(dialog: GoalDialog) -> None:
        qtbot.keyClicks(dialog.description, "Get my CSCS card")
        ok(qtbot, dialog)

    with answering(GoalDialog, goal):
        click(qtbot, page.goals.add_goal_button)
    for text in ("Book the health and safety test", "Revise with the app"):

        def action(dialog: ActionDialog, text: str = text) -> None:
            qtbot.keyClicks(dialog.description, text)
            ok(qtbot, dialog)

        with answering(ActionDialog, action):
            click(qtbot, page.goals.add_action_button)
    assert cell(page.goals.goal_table.model, 0, 2) == "0 of 2 actions done"

    # Sessions: one attended, one missed, on the plan's Sessions tab.
    sessions = next(
        page.tabs.widget(i)
        for i in range(page.tabs.count())
        if isinstance(page.tabs.widget(i), CoachingSessionsTab)
    )
    assert isinstance(sessions, CoachingSessionsTab)
    page.tabs.setCurrentWidget(sessions)
    earlier = QDateTime.fromSecsSinceEpoch(int((clock.now() - timedelta(hours=3)).timestamp()))

    def attended(dialog: CoachingSessionDialog) -> None:
        dialog.held_at.setDateTime(earlier)
        qtbot.keyClicks(dialog.what_was_done, "Booked the test together")
        ok(qtbot, dialog)

    def missed(dialog: CoachingSessionDialog) -> None:
        click(qtbot, dialog.missed)
        ok(qtbot, dialog)

    with answering(CoachingSessionDialog, attended):
        click(qtbot, sessions.record_button)
    with answering(CoachingSessionDialog, missed):
        click(qtbot, sessions.record_button)
    assert sessions.count.text() == "1 attended · 1 did not attend"

    # A milestone on the Timeline tab.
    timeline = next(
        page.tabs.widget(i)
        for i in range(page.tabs.count())
        if isinstance(page.tabs.widget(i), CoachingTimelineTab)
    )
    assert isinstance(timeline, CoachingTimelineTab)
    page.tabs.setCurrentWidget(timeline)

    def milestone(dialog: MilestoneDialog) -> None:
        pick(qtbot, dialog.kind, MilestoneKind.CV_WRITTEN.label)
        ok(qtbot, dialog)

    with answering(MilestoneDialog, milestone):
        click(qtbot, timeline.record_button)
    milestones = CoachingSessionsService(
        coaching.signed_in.vault.sessions, coaching.coach, clock
    ).milestones(plan_id)
    assert [m.kind for m in milestones] == [MilestoneKind.CV_WRITTEN]

    # Both sessions are in the young person's chronology, as the Caseload shows it.
    window.workspace.show_section(window.workspace.sections[0])  # type: ignore[union-attr]
    caseload = window.workspace.caseload  # type: ignore[union-attr]
    assert caseload is not None
    caseload.open_person(coaching.person_id)
    record = caseload.open_page
    assert isinstance(record, PersonRecordView)
    chronology = record.tab_of(ChronologyTab)
    assert chronology is not None
    record.tabs.setCurrentWidget(chronology)
    shown = screen_text(chronology)
    assert "Employment coaching session (in person, 45 min)" in shown
    assert "Employment coaching session (in person): did not attend" in shown
    caseload.close_record()

    # Five weeks and a half on, the review is due within the week: the home screen lists it.
    clock.advance(int(5.5 * 7) * DAY)
    home = _my_work(window)
    panel = home.coaching
    assert panel is not None
    qtbot.mouseClick(home.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.reviews.view.isVisibleTo(home), timeout=3000)
    reviews = panel.reviews.model
    assert reviews.rowCount() == 1
    assert reviews.data(reviews.index(0, 0)) == review_due.strftime("%d/%m/%Y")

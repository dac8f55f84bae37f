"""The coach records sessions (attended and missed) and milestones on a plan through its dialogs;
the sessions reach the chronology, the timeline shows everything, and a gangs worker signed in
through the real window reads the plan on the record's Employment tab without changing it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import create_application
from desktop.models.choices import (
    ActionOwner,
    BarrierStatus,
    CoachingMode,
    EetActivity,
    MilestoneKind,
)
from desktop.services.bundle import Services
from desktop.services.coaching_records import (
    ActionInput,
    BarrierInput,
    EetInput,
    GoalInput,
    PlanInput,
)
from desktop.services.coaching_session_records import MilestoneInput, SessionInput
from desktop.services.current_user import CurrentUser
from desktop.services.sign_in_service import SignedIn
from desktop.views.caseload.person_record_view import PersonRecordView
from desktop.views.caseload.tabs.chronology_tab import ChronologyTab
from desktop.views.caseload.tabs.employment_tab import NO_PLAN, EmploymentTab
from desktop.views.coaching.coaching_session_dialog import CoachingSessionDialog
from desktop.views.coaching.milestone_dialog import MilestoneDialog
from desktop.views.coaching.sessions_tab import MISSED_TINT, CoachingSessionsTab
from desktop.views.coaching.timeline_tab import ITEM_ROLE, CoachingTimelineTab
from tests.coaching_fixtures import PERSON_FAMILY, PERSON_GIVEN, Coaching
from tests.conftest import FastKdfPolicy
from tests.gui.case_tab_driver import answering, cell, click, ok, pick, show
from tests.gui.conftest import WindowFactory, allow_first_sign_in, sign_in

WHEN, HOW, LENGTH, ATTENDED, DONE, NEXT = range(6)


def services_for(coaching: Coaching, user: CurrentUser) -> Services:
    signed_in = SignedIn(coaching.signed_in.vault, user)
    return Services.for_session(signed_in, FastKdfPolicy(), coaching.clock)


@pytest.fixture
def plan_id(coaching: Coaching) -> int:
    """A plan started 20 weeks ago for the young person, by their coach."""
    create_application([])  # the app's style sheet, as people see it
    allow_first_sign_in(coaching.signed_in)
    started = coaching.clock.now().date() - timedelta(weeks=20)
    details = PlanInput(
        coaching.coach.account_id,
        started,
        aspirations="I want to work on building sites and earn my own money.",
        strengths="Turns up on time when he has a reason to; good with his hands.",
    )
    return coaching.plans().create_plan(coaching.person_id, details)


def seed_plan(coaching: Coaching, plan_id: int) -> None:
    """What a few months of coaching leave on the plan: activity, barriers, a goal, sessions
    (one missed) and milestones, as the coach recorded them."""
    services = services_for(coaching, coaching.coach)
    today = coaching.clock.now().date()
    coaching.plans().record_eet(
        coaching.person_id, EetInput(EetActivity.NEET, today - timedelta(weeks=20))
    )
    coaching.plans().record_eet(
        coaching.person_id,
        EetInput(
            EetActivity.TRAINING,
            today - timedelta(weeks=15),
            "Started a construction skills course",
            "Borough College",
            16,
        ),
    )
    kinds = {row.label: row.id for row in services.coaching.barrier_types()}
    travel = next(label for label in kinds if "travel" in label.lower())
    services.coaching.add_barrier(
        plan_id,
        BarrierInput(
            kinds[travel],
            BarrierStatus.BEING_ADDRESSED,
            "Not safe crossing the estate to the college",
            "Bus pass and a route round the estate agreed with his key worker",
        ),
    )
    goal = services.coaching_goals.add_goal(
        plan_id,
        GoalInput("Get a CSCS card", "Card in hand", today + timedelta(weeks=6)),
    )
    services.coaching_goals.add_action(
        goal, ActionInput("Book the health and safety test", ActionOwner.COACH)
    )
    sessions = services.coaching_sessions
    now = coaching.clock.now()
    for days, mode, attended, done, steps in (
        (40, CoachingMode.IN_PERSON, True, "Wrote a first CV together.", "Ask college for a ref"),
        (26, CoachingMode.PHONE_CALL, False, "", "Text sent; new time offered"),
        (12, CoachingMode.ONLINE_VIDEO, True, "Practised the CSCS test questions.", "Book test"),
    ):
        sessions.record_session(
            plan_id, SessionInput(now - timedelta(days=days), mode, 45, attended, done, steps)
        )
    sessions.record_milestone(
        plan_id,
        MilestoneInput(
            MilestoneKind.COURSE_START,
            today - timedelta(weeks=15),
            "Construction skills, Borough College",
            "Enrolment letter seen",
        ),
    )


def test_record_an_attended_and_a_missed_session(
    qtbot: QtBot, qtmodeltester: object, coaching: Coaching, plan_id: int
) -> None:
    services = services_for(coaching, coaching.coach)
    tab = show(qtbot, CoachingSessionsTab(services, plan_id))
    assert tab.record_button.isVisible() and tab.table.is_empty()
    now = coaching.clock.now()

    def attended(dialog: CoachingSessionDialog) -> None:
        # Sensible defaults: in person, 45 minutes, attended, on the last quarter hour.
        assert dialog.mode.currentText() == CoachingMode.IN_PERSON.label
        assert dialog.minutes.value() == 45 and dialog.came.isChecked()
        assert dialog.details().held_at <= now
        # Attended but nothing said about it: the dialog stays open and says why.
        ok(qtbot, dialog)
        assert dialog.isVisible() and "what was done" in dialog.error.text()
        # A time in the future: the service refuses and its words show in the dialog.
        dialog.held_at.setDateTime(QDateTime.currentDateTime().addDays(2))
        qtbot.keyClicks(dialog.what_was_done, "Looked at college courses online.")
        ok(qtbot, dialog)
        assert dialog.isVisible() and "in the future" in dialog.error.text()
        dialog.held_at.setDateTime(
            QDateTime.fromSecsSinceEpoch(int((now - timedelta(days=2)).timestamp()))
        )
        pick(qtbot, dialog.mode, CoachingMode.ONLINE_VIDEO.label)
        qtbot.keyClicks(dialog.next_steps, "Apply for the construction course.")
        ok(qtbot, dialog)

    with answering(CoachingSessionDialog, attended):
        click(qtbot, tab.record_button)

    def missed(dialog: CoachingSessionDialog) -> None:
        click(qtbot, dialog.missed)
        # Nothing to say about a session that did not happen: the box is greyed, a hint says so.
        assert not dialog.what_was_done.isEnabled()
        assert "no notes are needed" in dialog.notes_hint.text()
        qtbot.keyClicks(dialog.next_steps, "New time offered by text.")
        ok(qtbot, dialog)

    with answering(CoachingSessionDialog, missed):
        click(qtbot, tab.record_button)

    model = tab.table.model
    assert model.rowCount() == 2
    # Newest first: the missed one was recorded now, the attended one two days ago.
    assert cell(model, 0, ATTENDED) == "Did not attend"
    assert cell(model, 1, ATTENDED) == "Attended"
    assert cell(model, 1, HOW) == CoachingMode.ONLINE_VIDEO.label
    assert cell(model, 1, DONE) == "Looked at college courses online."
    assert cell(model, 0, DONE) == "—"
    assert cell(model, 0, NEXT) == "New time offered by text."
    # The missed row stands out; the attended one does not.
    missed_tint = model.data(model.index(0, WHEN), Qt.ItemDataRole.BackgroundRole)
    assert missed_tint == QColor(MISSED_TINT)
    assert model.data(model.index(1, WHEN), Qt.ItemDataRole.BackgroundRole) is None
    assert tab.count.text() == "1 attended · 1 did not attend"
    assert "chronology" in tab.chronology_note.text()

    # Both sessions are in the young person's chronology.
    entries = services.chronology.entries(coaching.person_id, 0, 10)
    summaries = [entry.summary for entry in entries]
    assert summaries == [
        # The second session started on the mode the coach chose for the first.
        "Employment coaching session (online video): did not attend",
        "Employment coaching session (online video, 45 min)",
    ]

    # Editing the missed session: it was a phone call after all.
    tab.table.select_index(0)
    assert "Did not attend" in tab.detail.text.text()

    def edit(dialog: CoachingSessionDialog) -> None:
        assert dialog.missed.isChecked()
        pick(qtbot, dialog.mode, CoachingMode.PHONE_CALL.label)
        ok(qtbot, dialog)

    with answering(CoachingSessionDialog, edit):
        click(qtbot, tab.edit_button)
    assert cell(model, 0, HOW) == CoachingMode.PHONE_CALL.label
    assert tab.table.selected() is not None
    first = services.chronology.entries(coaching.person_id, 0, 1)[0]
    assert first.summary == "Employment coaching session (phone): did not attend"
    assert first.version == 2
    check = getattr(qtmodeltester, "check")  # noqa: B009 (pytest-qt's fixture is untyped)
    check(model, force_py=True)


def test_milestones_and_the_timeline(
    qtbot: QtBot, qtmodeltester: object, coaching: Coaching, plan_id: int
) -> None:
    services = services_for(coaching, coaching.coach)
    today = coaching.clock.now().date()
    services.coaching_sessions.record_session(
        plan_id,
        SessionInput(
            coaching.clock.now() - timedelta(days=3),
            CoachingMode.IN_PERSON,
            60,
            True,
            "Went through the job offer letter.",
        ),
    )
    tab = show(qtbot, CoachingTimelineTab(services, plan_id))
    assert tab.milestones.is_empty()
    assert tab.model.rowCount() == 1

    def milestone(kind: MilestoneKind, day: date, evidence: str) -> None:
        def fill(dialog: MilestoneDialog) -> None:
            pick(qtbot, dialog.kind, kind.label)
            dialog.achieved_on.setDate(dialog.achieved_on.date().addDays((day - today).days))
            qtbot.keyClicks(dialog.detail, "Groundworker, Borough Build Ltd")
            if evidence:
                qtbot.keyClicks(dialog.evidence, evidence)
            ok(qtbot, dialog)

        with answering(MilestoneDialog, fill):
            click(qtbot, tab.record_button)

    start_day = today - timedelta(weeks=14)
    milestone(MilestoneKind.JOB_START, start_day, "Contract seen")
    milestone(MilestoneKind.SUSTAINED_13, today, "Payslips for three months")

    def too_early(dialog: MilestoneDialog) -> None:
        pick(qtbot, dialog.kind, MilestoneKind.SUSTAINED_26.label)
        assert "26 weeks" in dialog.kind_hint.text()
        ok(qtbot, dialog)
        # The sustainment rule comes back from the service, in words, in the dialog.
        assert dialog.isVisible()
        assert "Sustained 26 weeks needs the start" in dialog.error.text()
        assert "Note the evidence" in dialog.error.text()
        dialog.reject()

    with answering(MilestoneDialog, too_early):
        click(qtbot, tab.record_button)

    rows = tab.milestones.model
    assert [cell(rows, r, 0) for r in range(rows.rowCount())] == [
        "Sustained 13 weeks",
        "Job start",
    ]
    assert cell(rows, 1, 1) == start_day.strftime("%d/%m/%Y")
    assert cell(rows, 0, 3) == "Payslips for three months"
    items = [tab.model.data(tab.model.index(r, 0), ITEM_ROLE) for r in range(tab.model.rowCount())]
    # Newest first, each with its source in words as well as its colour.
    assert [(item.source, item.title) for item in items] == [
        ("milestone", "Sustained 13 weeks"),
        ("session", "In person, 60 min"),
        ("milestone", "Job start"),
    ]
    assert tab.model.data(tab.model.index(0, 0)).startswith(
        f"{today.strftime('%d/%m/%Y')}, Milestone: Sustained 13 weeks"
    )
    assert tab.timeline.isVisible() and not tab.timeline_empty.isVisible()
    check = getattr(qtmodeltester, "check")  # noqa: B009 (pytest-qt's fixture is untyped)
    check(tab.model, force_py=True)
    check(rows, force_py=True)


def test_a_gangs_worker_cannot_record_on_the_plan_tabs(
    qtbot: QtBot, coaching: Coaching, plan_id: int
) -> None:
    services = services_for(coaching, coaching.worker)
    sessions = show(qtbot, CoachingSessionsTab(services, plan_id))
    timeline = show(qtbot, CoachingTimelineTab(services, plan_id))
    assert not sessions.record_button.isVisible() and not sessions.edit_button.isVisible()
    assert not timeline.record_button.isVisible()


def test_the_employment_tab_shows_the_plan_read_only_to_a_gangs_worker(
    qtbot: QtBot, window_factory: WindowFactory, coaching: Coaching, plan_id: int
) -> None:
    seed_plan(coaching, plan_id)
    window = window_factory()
    sign_in(qtbot, window, coaching.worker.username)
    assert window.workspace is not None and window.workspace.caseload is not None
    caseload = window.workspace.caseload
    caseload.table.setFocus()
    caseload.table.selectRow(0)
    qtbot.keyClick(caseload.table, Qt.Key.Key_Return)
    record = caseload.open_page
    assert isinstance(record, PersonRecordView)
    tab = record.tab_of(EmploymentTab)
    assert tab is not None
    index = record.tabs.indexOf(tab)
    assert record.tabs.tabText(index) == "Em&ployment"
    qtbot.keyClick(record, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert record.tabs.currentWidget() is tab

    card = tab.plan_card.text()
    assert "Test Employment coach" in card
    assert "Training at Borough College" in card
    assert "building sites" in card
    assert cell(tab.barriers, 0, 2).startswith("Bus pass")
    assert cell(tab.goals, 0, 0) == "Get a CSCS card"
    assert cell(tab.goals, 0, 2) == "0% · 0 of 1 action done"
    assert [cell(tab.sessions, r, 2) for r in range(3)] == [
        "Attended",
        "Did not attend",
        "Attended",
    ]
    assert cell(tab.milestones, 0, 0) == "Course start"
    # Read only: no button, and no field that takes typing.
    assert not tab.findChildren(QPushButton)
    assert not tab.findChildren(QLineEdit) and not tab.findChildren(QPlainTextEdit)
    for table in tab.tables.values():
        assert table.editTriggers() == table.EditTrigger.NoEditTriggers

    # The sessions are in the chronology the worker reads on the same record.
    chronology = record.tab_of(ChronologyTab)
    assert chronology is not None
    summaries = [chronology.model.row_at(r).summary for r in range(chronology.model.rowCount())]
    assert "Employment coaching session (phone): did not attend" in summaries
    assert len([s for s in summaries if s.startswith("Employment coaching session")]) == 3


def test_the_employment_tab_says_when_there_is_no_plan(qtbot: QtBot, coaching: Coaching) -> None:
    create_application([])
    services = services_for(coaching, coaching.worker)
    record = services.people.open_record(coaching.person_id)
    tab = show(qtbot, EmploymentTab(services, record))
    assert tab.pages.currentWidget() is tab.no_plan
    assert tab.no_plan.text() == NO_PLAN
    assert tab.no_plan.isVisible()
    visible = [w for w in tab.findChildren(QWidget) if w.isVisible()]
    assert tab.plan_card not in visible
    assert PERSON_GIVEN not in tab.summary.text() and PERSON_FAMILY not in tab.summary.text()

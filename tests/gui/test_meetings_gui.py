"""The Meetings section driven as the coordinator would: a meeting is recorded through the real
window with attendees (one sending apologies), an agenda item with a decision and actions owned
by a gangs worker about a young person; each action is a task on the young person's case, and
closing either the action or the task closes the other."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QCheckBox, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from desktop.exports.password_protect import decrypt_docx, is_encrypted
from desktop.models.accounts import Role
from desktop.models.choices import ActionStatus, MeetingKind
from desktop.services.bundle import Services
from desktop.services.current_user import CurrentUser
from desktop.services.meeting_records import ActionInput, AttendeeInput, MeetingInput
from desktop.services.people_service import PersonDetails
from desktop.services.permissions import Section
from desktop.services.sign_in_service import SignedIn
from desktop.views.caseload.tabs.dialog_fields import OVERDUE_RED, set_date
from desktop.views.meetings.action_dialog import OTHER_AGENCY, MeetingActionDialog
from desktop.views.meetings.meeting_dialogs import AttendeeDialog, ItemDialog, MeetingDialog
from desktop.views.meetings.meeting_document_dialog import MeetingDocumentDialog
from desktop.views.meetings.meeting_page import MeetingPage
from desktop.views.meetings.meeting_parts import TRACKER_DUE
from desktop.views.meetings.meetings_view import MeetingsView
from desktop.views.shell.main_window import MainWindow
from tests.conftest import AddAccount, FakeClock, FastKdfPolicy
from tests.docx_reading import body_text
from tests.gui.case_tab_driver import DAY, answering, cell, click, ok, pick
from tests.gui.conftest import WindowFactory, sign_in

LEFT = Qt.MouseButton.LeftButton
WORKER = "Test Gangs worker"
STATUS_COLUMN = 4  # the meeting page's actions table


@pytest.fixture
def worker(add_account: AddAccount) -> CurrentUser:
    return add_account(Role.GANGS_WORKER, "gw")


@pytest.fixture
def person_id(
    coordinator: tuple[SignedIn, str], kdf: FastKdfPolicy, clock: FakeClock, worker: CurrentUser
) -> int:
    people = Services.for_session(coordinator[0], kdf, clock).people
    details = PersonDetails("Karwan", "Ahmadi", known_as="K-Dog")
    details.key_worker_id = worker.account_id
    details.allocated_ids = [worker.account_id]
    return people.create(details)


def open_meetings(qtbot: QtBot, window: MainWindow) -> MeetingsView:
    workspace = window.workspace
    assert workspace is not None, window.unlock_view.message.text()
    navigation = workspace.navigation
    row = workspace.sections.index(Section.MEETINGS)
    where = navigation.visualItemRect(navigation.item(row)).center()
    qtbot.mouseClick(navigation.viewport(), LEFT, pos=where)
    view = workspace.meetings
    assert view is not None and view.isVisible()
    return view


def press(qtbot: QtBot, focus: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    """A key pressed in the active window (offscreen, activation is not given back after a
    dialog closes; a window manager would give it)."""
    focus.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is focus.window(), timeout=2000)
    focus.setFocus()
    qtbot.keyClick(focus, key, modifier)


def tick(qtbot: QtBot, box: QCheckBox) -> None:
    """A click on the box itself: the middle of a wide check box is empty space."""
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()


def choose_tab(qtbot: QtBot, tabs: QTabWidget, page: QWidget) -> None:
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(tabs.indexOf(page)).center())
    assert tabs.currentWidget() is page


def add_attendee(qtbot: QtBot, page: MeetingPage, name: str, agency: str, away: bool) -> None:
    def fill(dialog: AttendeeDialog) -> None:
        qtbot.keyClicks(dialog.name, name)
        qtbot.keyClicks(dialog.agency, agency)
        qtbot.keyClicks(dialog.role, "Detective constable" if not away else "Head of year")
        if away:
            click(qtbot, dialog.apologies)
        ok(qtbot, dialog)

    with answering(AttendeeDialog, fill):
        click(qtbot, page.people.add_attendee_button)


def add_action(qtbot: QtBot, page: MeetingPage, what: str, due_in: int, clock: FakeClock) -> None:
    def fill(dialog: MeetingActionDialog) -> None:
        qtbot.keyClicks(dialog.description, what)
        pick(qtbot, dialog.owner, WORKER)
        assert not dialog.owner_name.isEnabled()
        set_date(dialog.due_on, clock.now().date() + timedelta(days=due_in))
        pick(qtbot, dialog.person, "Karwan Ahmadi")
        ok(qtbot, dialog)

    with answering(MeetingActionDialog, fill):
        click(qtbot, page.actions_tab.add_button)


def test_coordinator_records_a_meeting_whose_actions_are_tasks_kept_in_step(
    qtbot: QtBot,
    window_factory: WindowFactory,
    coordinator: tuple[SignedIn, str],
    kdf: FastKdfPolicy,
    clock: FakeClock,
    worker: CurrentUser,
    person_id: int,
) -> None:
    window = window_factory()
    window.resize(1280, 800)
    sign_in(qtbot, window, "coord")
    view = open_meetings(qtbot, window)
    assert view.meeting_list.table.is_empty()

    def fill_meeting(dialog: MeetingDialog) -> None:
        pick(qtbot, dialog.kind, "Strategy meeting")
        qtbot.keyClicks(dialog.place, "Civic Centre, room 2")
        qtbot.keyClicks(dialog.chair, "DI Sarah Okafor (police)")
        qtbot.keyClicks(dialog.minute_taker, "Casey Coordinator")
        ok(qtbot, dialog)

    with answering(MeetingDialog, fill_meeting):
        press(qtbot, view.meeting_list.period, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: view.meeting_page is not None, timeout=3000)
    page = view.meeting_page
    assert page is not None and page.isVisible()
    assert page.title.text().startswith("Strategy meeting · ")
    assert "Chair: DI Sarah Okafor (police)" in page.facts.text()

    add_attendee(qtbot, page, "Sarah Okafor", "Police", away=False)
    add_attendee(qtbot, page, "Tom Reid", "Northside Academy", away=True)
    assert page.people.attendee_count.text() == "Attendees · 1 present, 1 apologies"
    attendees = page.people.attendees.model
    assert cell(attendees, 1, 3) == "Apologies"

    choose_tab(qtbot, page.tabs, page.agenda_tab)

    def fill_item(dialog: ItemDialog) -> None:
        qtbot.keyClicks(dialog.title, "Missing episodes")
        qtbot.keyClicks(dialog.discussion, "Two missing episodes this month.")
        qtbot.keyClicks(dialog.decisions, "Refer to the NRM.")
        ok(qtbot, dialog)

    with answering(ItemDialog, fill_item):
        click(qtbot, page.agenda_tab.add_button)
    assert cell(page.agenda_tab.items.model, 0, 2) == "Refer to the NRM."
    assert "Refer to the NRM." in page.agenda_tab.detail.text()

    choose_tab(qtbot, page.tabs, page.actions_tab)
    add_action(qtbot, page, "Return-home interview", 2, clock)
    add_action(qtbot, page, "Visit at home with mum", 5, clock)
    table = page.actions_tab.table
    assert table.model.rowCount() == 2
    assert cell(table.model, 0, 1) == WORKER
    # The young person named in an action is among those discussed.
    assert [p.name for p in page.view.people] == ["Karwan Ahmadi"]

    # Each action is a task on the young person's case, on the gangs worker's own list.
    as_worker = Services.for_session(SignedIn(coordinator[0].vault, worker), kdf, clock)
    tasks = {t.title: t for t in as_worker.tasks.tasks(person_id)}
    assert len(tasks) == 2 and all(t.done_at is None for t in tasks.values())
    assert all(t.owner_id == worker.account_id for t in tasks.values())
    due_this_week = {t.id for t in as_worker.tasks.my_work().tasks_due_this_week}
    assert {t.id for t in tasks.values()} <= due_this_week

    # Marking the first action done in the meeting closes its task.
    first, second = table.model.rows()
    table.select_where(lambda row: row.id == first.id)
    click(qtbot, page.actions_tab.done_button)
    assert cell(table.model, 0, STATUS_COLUMN).startswith("Done")
    assert first.task_id is not None and second.task_id is not None
    done = {t.id: t for t in as_worker.tasks.tasks(person_id)}
    assert done[first.task_id].done_at is not None
    assert done[second.task_id].done_at is None

    # Someone from another agency owns an action about nobody in particular: no task.
    def fill_other(dialog: MeetingActionDialog) -> None:
        qtbot.keyClicks(dialog.description, "Share the school's attendance figures")
        pick(qtbot, dialog.owner, OTHER_AGENCY)
        qtbot.keyClicks(dialog.owner_name, "Tom Reid (Northside Academy)")
        set_date(dialog.due_on, clock.now().date() + timedelta(days=1))
        ok(qtbot, dialog)

    with answering(MeetingActionDialog, fill_other):
        click(qtbot, page.actions_tab.add_button)
    assert cell(table.model, 2, 1) == "Tom Reid (Northside Academy)"
    assert len(as_worker.tasks.tasks(person_id)) == 2

    # The worker completes the second action's task: the action is done too.
    as_worker.tasks.complete(second.task_id)
    clock.advance(3 * DAY)
    click(qtbot, page.back_button)
    assert view.meeting_page is None
    assert view.meeting_list.table.model.rowCount() == 1
    assert cell(view.meeting_list.table.model, 0, 5) == "1"  # the other agency's is open

    # The tracker says in red and in words that the other agency's action is late.
    choose_tab(qtbot, view.home_tabs, view.tracker)
    tracker = view.tracker.table.model
    assert tracker.rowCount() == 1
    assert cell(tracker, 0, TRACKER_DUE) == "15/03/2025 · 2 days late"
    red = tracker.data(tracker.index(0, TRACKER_DUE), Qt.ItemDataRole.ForegroundRole)
    assert red == QColor(OVERDUE_RED)
    view.tracker.table.select_index(0)
    click(qtbot, view.tracker.done_button)
    assert view.tracker.table.is_empty()
    assert cell(view.meeting_list.table.model, 0, 5) == "0"

    choose_tab(qtbot, view.home_tabs, view.meeting_list)
    view.meeting_list.table.select_index(0)
    view.meeting_list.table.view.setFocus()
    qtbot.keyClick(view.meeting_list.table.view, Qt.Key.Key_Return)
    page = view.meeting_page
    assert page is not None
    statuses = [row.status for row in page.actions_tab.table.model.rows()]
    assert statuses == [ActionStatus.DONE] * 3
    assert cell(page.actions_tab.table.model, 1, STATUS_COLUMN) == "Done 14/03/2025"


def test_minutes_and_tracker_are_saved_as_word_documents_from_the_meetings_screens(
    qtbot: QtBot,
    window_factory: WindowFactory,
    coordinator: tuple[SignedIn, str],
    kdf: FastKdfPolicy,
    clock: FakeClock,
    worker: CurrentUser,
    person_id: int,
    tmp_path: Path,
) -> None:
    meetings = Services.for_session(coordinator[0], kdf, clock).meetings
    meeting_id = meetings.create_meeting(
        MeetingInput(MeetingKind.MACE, clock.now() - timedelta(hours=2), "Civic Centre")
    )
    meetings.set_attendees(meeting_id, [AttendeeInput("DC Patel", "Police", "Exploitation")])
    meetings.set_people(meeting_id, [person_id])
    meetings.add_action(
        meeting_id,
        ActionInput(
            "Safety plan for the bus route", owner_id=worker.account_id, young_person_id=person_id
        ),
    )
    window = window_factory()
    window.resize(1280, 800)
    sign_in(qtbot, window, "coord")
    view = open_meetings(qtbot, window)
    page = view.open_meeting(meeting_id)
    offered: list[str] = []

    def choose(target: Path) -> Callable[[QWidget, str], Path]:
        def chooser(_parent: QWidget, default: str) -> Path:
            offered.append(default)
            return target

        return chooser

    def save_minutes(dialog: MeetingDocumentDialog) -> None:
        dialog.choose_path = choose(tmp_path / "minutes")
        tick(qtbot, dialog.password_box.protect)
        qtbot.keyClicks(dialog.password_box.password, "correct horse")
        qtbot.keyClicks(dialog.password_box.confirmation, "correct hose")
        click(qtbot, dialog.save_button)
        assert dialog.message.text() == "The two passwords do not match." and not offered
        dialog.password_box.confirmation.clear()
        qtbot.keyClicks(dialog.password_box.confirmation, "correct horse")
        click(qtbot, dialog.save_button)
        qtbot.waitUntil(lambda: dialog.saved_to is not None, timeout=10_000)
        assert dialog.message.text() == "Saved as minutes.docx."
        dialog.reject()

    with answering(MeetingDocumentDialog, save_minutes):
        click(qtbot, page.minutes_button)
    assert offered[0].endswith("Meeting minutes.docx")
    encrypted = (tmp_path / "minutes.docx").read_bytes()
    assert is_encrypted(encrypted) and b"Ahmadi" not in encrypted
    minutes = tmp_path / "plain.docx"
    minutes.write_bytes(decrypt_docx(encrypted, "correct horse"))
    text = body_text(minutes)
    assert "Minutes of the MACE panel" in text
    assert "DC Patel" in text and "Karwan Ahmadi" in text
    assert "Safety plan for the bus route" in text

    click(qtbot, page.back_button)
    choose_tab(qtbot, view.home_tabs, view.tracker)

    def save_tracker(dialog: MeetingDocumentDialog) -> None:
        dialog.choose_path = choose(tmp_path / "tracker.docx")
        tick(qtbot, dialog.closed_too)
        click(qtbot, dialog.save_button)
        qtbot.waitUntil(lambda: dialog.saved_to is not None, timeout=10_000)
        dialog.reject()

    with answering(MeetingDocumentDialog, save_tracker):
        click(qtbot, view.tracker.document_button)
    assert offered[1].endswith("Action tracker.docx")
    tracker = body_text(tmp_path / "tracker.docx")
    assert "Safety plan for the bus route" in tracker and "Done or dropped" in tracker

"""The Family therapy section driven as its users would: a therapist signs in, starts a case
through the dialog, records and edits sessions with attendance, reads them in the diary; the
coordinator sees every case; the Session note button asks for the note editor; locking returns
the therapist to the case they had open."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QListWidget, QTabWidget, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.app import create_application
from desktop.models.accounts import Role
from desktop.models.choices import ContactKind, SessionOutcome, TherapyModel
from desktop.services.bundle import Services
from desktop.services.current_user import CurrentUser
from desktop.services.network_service import ContactInput
from desktop.services.people_service import PersonDetails
from desktop.services.permissions import Section
from desktop.services.sign_in_service import SignedIn
from desktop.services.therapy_records import CaseInput
from desktop.views.shell.main_window import MainWindow
from desktop.views.therapy.case_dialog import CaseDialog
from desktop.views.therapy.session_dialog import SessionDialog
from desktop.views.therapy.therapy_view import TherapyPlace, TherapyView
from tests.conftest import COORDINATOR_USERNAME, AddAccount, FastKdfPolicy
from tests.gui.case_tab_driver import DAY, answering, cell, click, ok, pick, show
from tests.gui.conftest import WindowFactory, allow_first_sign_in, sign_in
from tests.therapy_family import Family, record_session

LEFT = Qt.MouseButton.LeftButton
CAME, DID_NOT_COME = 6, 7  # the Sessions table's columns


@pytest.fixture
def therapy_unit(family: Family) -> Family:
    """The test family, plus Kyle Brennan (allocated to the therapist) with his mother and
    grandmother on his record, and accounts that may sign in at once."""
    create_application([])  # the app's style sheet, as people see it
    services = coordinator_services(family)
    kyle = services.people.create(
        PersonDetails("Kyle", "Brennan", allocated_ids=[family.therapist.account_id])
    )
    for name, relation in (("Dawn Brennan", "Mother"), ("Pat Brennan", "Grandmother")):
        services.network.add_contact(
            kyle, ContactInput(ContactKind.FAMILY, name, relation, lives_with=True)
        )
    allow_first_sign_in(family.signed_in)
    return family


def coordinator_services(family: Family, user: CurrentUser | None = None) -> Services:
    signed_in = family.signed_in if user is None else SignedIn(family.signed_in.vault, user)
    return Services.for_session(signed_in, FastKdfPolicy(), family.clock)


def open_therapy(qtbot: QtBot, window: MainWindow) -> TherapyView:
    """Chooses Family therapy in the navigation with the mouse."""
    workspace = window.workspace
    assert workspace is not None
    navigation = workspace.navigation
    row = workspace.sections.index(Section.FAMILY_THERAPY)
    where = navigation.visualItemRect(navigation.item(row)).center()
    qtbot.mouseClick(navigation.viewport(), LEFT, pos=where)
    assert workspace.current_section() is Section.FAMILY_THERAPY
    view = workspace.therapy
    assert view is not None and view.isVisible()
    return view


def choose_tab(qtbot: QtBot, tabs: QTabWidget, page: QWidget) -> None:
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(tabs.indexOf(page)).center())
    assert tabs.currentWidget() is page


def tick(qtbot: QtBot, widget: QListWidget, starts: str) -> None:
    """Clicks the check box of the item whose text starts with `starts`."""
    found = [widget.item(row) for row in range(widget.count())]
    item = next(item for item in found if item.text().startswith(starts))
    before = item.checkState()
    rect = widget.visualItemRect(item)
    qtbot.mouseClick(widget.viewport(), LEFT, pos=QPoint(rect.left() + 10, rect.center().y()))
    assert item.checkState() != before, starts


def check(qtbot: QtBot, box: QCheckBox) -> None:
    """Clicks a check box on its box (a stretched one's middle may be empty space)."""
    before = box.isChecked()
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))
    assert box.isChecked() != before, box.text()


def press(qtbot: QtBot, focus: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    """A key pressed in the active window with the focus on `focus`. (Offscreen, a window does
    not get activation back after a dialog closes; a window manager would give it.)"""
    focus.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is focus.window(), timeout=2000)
    focus.setFocus()
    qtbot.keyClick(focus, key, modifier)


def texts(widget: QListWidget) -> list[str]:
    return [widget.item(row).text() for row in range(widget.count())]


def column(view: QWidget, model_column: int) -> list[str]:
    model = view.model()  # type: ignore[attr-defined]
    return [cell(model, row, model_column) for row in range(model.rowCount())]


# ---- the therapist's journey -------------------------------------------------------------
def test_therapist_starts_a_case_records_a_session_and_finds_it_in_the_diary(
    qtbot: QtBot, window_factory: WindowFactory, therapy_unit: Family
) -> None:
    window = window_factory()
    sign_in(qtbot, window, "therapist")
    view = open_therapy(qtbot, window)
    assert column(view.families.table.view, 0) == ["Tariq Hassan, Leila Hassan"]
    assert view.families.table.view.isColumnHidden(1)  # their own cases: no therapist column

    def fill(dialog: CaseDialog) -> None:
        assert [text.split(" · ")[0] for text in texts(dialog.young_people)] == [
            "Kyle Brennan",
            "Leila Hassan",
            "Tariq Hassan",
        ]
        assert not dialog.therapist.isEnabled()  # a therapist's case is their own
        assert dialog.contacts.count() == 0
        ok(qtbot, dialog)
        assert dialog.isVisible()
        assert "Choose at least one young person" in dialog.error.text()
        tick(qtbot, dialog.young_people, "Kyle Brennan")
        # His family, not the Hassans' and not professionals, are offered.
        assert texts(dialog.contacts) == [
            "Dawn Brennan · Mother of Kyle, lives with them",
            "Pat Brennan · Grandmother of Kyle, lives with them",
        ]
        tick(qtbot, dialog.contacts, "Dawn Brennan")
        tick(qtbot, dialog.contacts, "Pat Brennan")
        pick(qtbot, dialog.model_of_work, "Functional family therapy")
        assert not dialog.consent_on.isEnabled()
        check(qtbot, dialog.consent_given)
        assert dialog.consent_on.isEnabled()
        qtbot.keyClicks(dialog.goals, "Kyle home by ten; fewer rows about money")
        ok(qtbot, dialog)

    with answering(CaseDialog, fill):
        click(qtbot, view.new_button)

    page = view.case_page
    assert page is not None and page.isVisible()
    assert page.title.text() == "Kyle Brennan"
    assert "Functional family therapy" in page.facts.text()
    saved = therapy_unit.therapy().case(page.case_id)
    assert [row.name for row in saved.members] == ["Kyle Brennan", "Dawn Brennan", "Pat Brennan"]
    assert saved.details.goals == "Kyle home by ten; fewer rows about money"
    assert saved.details.model_of_work is TherapyModel.FUNCTIONAL
    assert saved.details.consent_given
    assert saved.details.started_on == therapy_unit.clock.now().date()

    choose_tab(qtbot, page.tabs, page.sessions)
    assert page.sessions.table.is_empty()
    assert not page.sessions.edit_button.isEnabled()

    def record(dialog: SessionDialog) -> None:
        assert dialog.chosen_outcome() is SessionOutcome.ATTENDED
        assert dialog.minutes.value() == 60
        assert dialog.location.currentText() == "Home visit"
        ok(qtbot, dialog)  # attended, but nobody ticked
        assert dialog.isVisible() and "at least one family member" in dialog.error.text()
        members = list(dialog.attendance.values())
        check(qtbot, members[0])  # Kyle
        check(qtbot, members[1])  # Dawn; Pat did not come
        dialog.minutes.selectAll()
        qtbot.keyClicks(dialog.minutes, "75")
        ok(qtbot, dialog)

    with answering(SessionDialog, record):
        click(qtbot, page.sessions.record_button)

    sessions = page.sessions.table
    assert sessions.model.rowCount() == 1
    assert cell(sessions.model, 0, 0) == "1"
    assert cell(sessions.model, 0, 2) == "75 min"
    assert cell(sessions.model, 0, 4) == "Attended"
    assert cell(sessions.model, 0, CAME) == "Kyle Brennan, Dawn Brennan"
    assert cell(sessions.model, 0, DID_NOT_COME) == "Pat Brennan"
    assert sessions.selected() is not None  # the new session is chosen

    # Back with Esc: the list counts the session and the attendance.
    press(qtbot, page.tabs, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    assert view.case_page is None
    families = view.families.table.model
    kyle_row = next(r for r in range(families.rowCount()) if cell(families, r, 0) == "Kyle Brennan")
    assert cell(families, kyle_row, 5) == "1 held"
    assert cell(families, kyle_row, 6) == "1 of 1 · 100%"

    choose_tab(qtbot, view.home, view.diary)
    diary = view.diary.table.model
    assert [cell(diary, r, 3) for r in range(diary.rowCount())] == ["Kyle Brennan"]
    assert cell(diary, 0, 2) == "75 min"
    assert cell(diary, 0, 6) == "Attended"
    rates = view.diary.rates.model
    assert [(cell(rates, 0, 0), cell(rates, 0, 1))] == [("Kyle Brennan", "1 of 1 · 100%")]


def test_a_booked_session_is_upcoming_then_recorded_as_attended(
    qtbot: QtBot, therapy_unit: Family
) -> None:
    family = therapy_unit
    view = show(qtbot, TherapyView(coordinator_services(family, family.therapist)))
    page = view.open_case(family.case_id)
    choose_tab(qtbot, page.tabs, page.sessions)

    def book(dialog: SessionDialog) -> None:
        dialog.day.setFocus()
        qtbot.keyClick(dialog.day, Qt.Key.Key_Up)  # the day after tomorrow, in two steps
        qtbot.keyClick(dialog.day, Qt.Key.Key_Up)
        # A time still to come can only be booked: the outcome follows, attendance waits.
        assert dialog.chosen_outcome() is SessionOutcome.SCHEDULED
        assert not any(check.isEnabled() for check in dialog.attendance.values())
        ok(qtbot, dialog)

    with answering(SessionDialog, book):
        click(qtbot, page.sessions.record_button)

    table = page.sessions.table
    assert cell(table.model, 0, 4) == "Upcoming"
    assert not page.sessions.note_button.isEnabled()  # no note before the session
    upcoming = table.model.data(table.model.index(0, 4), Qt.ItemDataRole.BackgroundRole)
    assert upcoming is not None  # shaded, besides saying "Upcoming"

    family.clock.advance(3 * DAY)
    page.reload()
    assert cell(table.model, 0, 4) == "Outcome not recorded"
    table.select_index(0)

    def record(dialog: SessionDialog) -> None:
        assert dialog.windowTitle() == "Edit session 1"
        pick(qtbot, dialog.outcome, "Attended")
        assert all(check.isEnabled() for check in dialog.attendance.values())
        check(qtbot, dialog.attendance[next(iter(dialog.attendance))])  # Tariq
        ok(qtbot, dialog)

    with answering(SessionDialog, record):
        click(qtbot, page.sessions.edit_button)

    assert cell(table.model, 0, 4) == "Attended"
    assert cell(table.model, 0, CAME) == "Tariq Hassan"
    assert cell(table.model, 0, DID_NOT_COME) == "Leila Hassan, Amina Hassan"
    assert page.sessions.note_button.isEnabled()
    stored = family.therapy().sessions(family.case_id)
    assert len(stored) == 1 and stored[0].outcome is SessionOutcome.ATTENDED


def test_session_note_button_asks_for_the_chosen_sessions_note(
    qtbot: QtBot, therapy_unit: Family
) -> None:
    family = therapy_unit
    first = record_session(family)
    second = record_session(family, starts_at=family.clock.now() - timedelta(hours=1))
    view = show(qtbot, TherapyView(coordinator_services(family, family.therapist)))
    page = view.open_case(family.case_id)
    choose_tab(qtbot, page.tabs, page.sessions)
    assert not page.sessions.note_button.isEnabled()  # nothing chosen yet
    page.sessions.table.select_index(1)

    with qtbot.waitSignal(view.note_requested) as asked:
        click(qtbot, page.sessions.note_button)
    assert asked.args == [second]

    page.sessions.table.select_index(0)
    with qtbot.waitSignal(view.note_requested) as asked:
        press(qtbot, page.sessions.table.view, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert asked.args == [first]

    with qtbot.waitSignal(view.documents_requested) as documents:
        click(qtbot, page.documents_button)
    assert documents.args == [family.case_id]


# ---- the coordinator ---------------------------------------------------------------------
def test_coordinator_sees_every_therapists_cases(
    qtbot: QtBot, window_factory: WindowFactory, therapy_unit: Family, add_account: AddAccount
) -> None:
    family = therapy_unit
    second = add_account(Role.FAMILY_THERAPIST, "second")
    services = coordinator_services(family)
    kyle = next(c for c in services.therapy.household_choices() if c.name == "Kyle Brennan")
    services.therapy.create_case(
        CaseInput(second.account_id, young_person_ids=(kyle.young_person_id,))
    )
    record_session(family)
    window = window_factory()
    sign_in(qtbot, window, COORDINATOR_USERNAME)
    view = open_therapy(qtbot, window)

    table = view.families.table.view
    assert not table.isColumnHidden(1)
    rows = sorted(zip(column(table, 0), column(table, 1), strict=True))
    assert rows == [
        ("Kyle Brennan", "Test Family therapist"),
        ("Tariq Hassan, Leila Hassan", "Test Family therapist"),
    ]
    assert len({name for _, name in rows}) == 1  # both test accounts share a display name
    assert set(column(table, 5)) == {"1 held", "0 held"}

    def give_away(dialog: CaseDialog) -> None:
        # The coordinator chooses among the active family therapists.
        assert dialog.therapist.isEnabled()
        assert dialog.therapist.count() == 2
        tick(qtbot, dialog.young_people, "Kyle Brennan")
        dialog.therapist.setCurrentIndex(dialog.therapist.findData(second.account_id))
        ok(qtbot, dialog)

    with answering(CaseDialog, give_away):
        click(qtbot, view.new_button)
    assert view.case_page is not None
    assert "Test Family therapist" in view.case_page.facts.text()
    assert family.therapy(second).case(view.case_page.case_id).therapist_id == second.account_id


def test_closed_cases_are_filtered_apart(qtbot: QtBot, therapy_unit: Family) -> None:
    family = therapy_unit
    today = family.clock.now().date()
    therapy = family.therapy()
    details = therapy.case(family.case_id).details
    therapy.update_case(
        family.case_id,
        replace(details, started_on=today - timedelta(days=90), ended_on=today - timedelta(days=1)),
    )
    view = show(qtbot, TherapyView(coordinator_services(family, family.therapist)))
    families = view.families
    assert families.table.is_empty() and families.count.text() == "0 open cases"
    pick(qtbot, families.filter, "Closed cases")
    assert column(families.table.view, 0) == ["Tariq Hassan, Leila Hassan"]
    assert families.count.text() == "1 closed case"


# ---- the diary ---------------------------------------------------------------------------
def test_diary_moves_by_week_and_month(qtbot: QtBot, therapy_unit: Family) -> None:
    family = therapy_unit
    record_session(family)  # today, Friday 14 March 2025
    record_session(
        family,
        starts_at=family.clock.now() + timedelta(days=7),
        outcome=SessionOutcome.SCHEDULED,
        attendance={},
    )
    view = show(qtbot, TherapyView(coordinator_services(family, family.therapist)))
    choose_tab(qtbot, view.home, view.diary)
    diary = view.diary
    assert diary.range_label.text() == "Mon 10/03/2025 – Sun 16/03/2025"
    assert column(diary.table.view, 6) == ["Attended"]

    click(qtbot, diary.next_button)
    assert diary.range_label.text() == "Mon 17/03/2025 – Sun 23/03/2025"
    assert column(diary.table.view, 6) == ["Upcoming"]
    model = diary.table.model
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert diary.count.text() == "1 session · 1 upcoming"
    # The rate counts only what was held: the booked session does not lower it.
    assert cell(diary.rates.model, 0, 1) == "1 of 1 · 100%"

    click(qtbot, diary.previous_button)
    click(qtbot, diary.previous_button)
    assert diary.table.is_empty() and diary.rates.is_empty()
    click(qtbot, diary.today_button)
    assert diary.range_label.text() == "Mon 10/03/2025 – Sun 16/03/2025"
    pick(qtbot, diary.kind, "Month")
    assert diary.range_label.text() == "March 2025"
    assert column(diary.table.view, 6) == ["Attended", "Upcoming"]

    # A diary entry opens its case on the Sessions tab with the session chosen.
    diary.table.select_index(1)
    qtbot.keyClick(diary.table.view, Qt.Key.Key_Return)
    page = view.case_page
    assert page is not None and page.tabs.currentWidget() is page.sessions
    chosen = page.sessions.table.selected()
    assert chosen is not None and chosen.row.number == 2


# ---- locking -----------------------------------------------------------------------------
def test_unlocking_returns_to_the_open_case_and_tab(
    qtbot: QtBot, window_factory: WindowFactory, therapy_unit: Family
) -> None:
    window = window_factory()
    sign_in(qtbot, window, "therapist")
    view = open_therapy(qtbot, window)
    view.families.table.select_index(0)
    qtbot.keyClick(view.families.table.view, Qt.Key.Key_Return)
    page = view.case_page
    assert page is not None
    choose_tab(qtbot, page.tabs, page.sessions)

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.services is None, timeout=3000)
    assert window.workspace is None

    sign_in(qtbot, window, "therapist")
    assert window.workspace is not None
    assert window.workspace.current_section() is Section.FAMILY_THERAPY
    restored = window.workspace.therapy
    assert restored is not None and restored.case_page is not None
    assert restored.case_page.case_id == therapy_unit.case_id
    assert restored.case_page.tabs.currentWidget() is restored.case_page.sessions
    assert restored.place() == TherapyPlace(0, therapy_unit.case_id, 1)


# ---- the item models ---------------------------------------------------------------------
def test_item_models_pass_the_model_tester(
    qtbot: QtBot, therapy_unit: Family, qtmodeltester: ModelTester
) -> None:
    family = therapy_unit
    record_session(family)
    record_session(
        family,
        starts_at=family.clock.now() + timedelta(days=2),
        outcome=SessionOutcome.SCHEDULED,
        attendance={},
    )
    view = show(qtbot, TherapyView(coordinator_services(family, family.therapist)))
    assert view.families.table.model.rowCount() == 1
    qtmodeltester.check(view.families.table.model)
    assert view.diary.table.model.rowCount() == 2
    qtmodeltester.check(view.diary.table.model)
    qtmodeltester.check(view.diary.rates.model)
    page = view.open_case(family.case_id)
    assert page.sessions.table.model.rowCount() == 2
    qtmodeltester.check(page.sessions.table.model)
    assert page.details.household.model.rowCount() == 3
    qtmodeltester.check(page.details.household.model)

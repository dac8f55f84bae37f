"""One task a role does most, done with the keyboard along the walkthrough's "After" path in the
real main window on the demo vault: every key is counted and must equal the number the
walkthrough in docs/walkthroughs/ gives, so the written counts cannot drift from the program."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog
from pytestqt.qtbot import QtBot

from desktop.models.accounts import Role
from desktop.models.choices import EntryType, SessionOutcome
from desktop.vault.layout import VaultLayout
from desktop.views.caseload.caseload_view import CaseloadView
from desktop.views.caseload.chronology_dialogs import EntryDialog
from desktop.views.caseload.person_record_view import PersonRecordView
from desktop.views.home.my_work_view import MyWorkView
from desktop.views.shell.main_window import MainWindow
from tests.gui.conftest import WindowFactory, signed_in_as
from tests.gui.day_counter import KeyCount, promised_keys
from tests.gui.keyboard_driver import ALT, CTRL, SHIFT, check, key, on_modal, reactivate, type_text

RETURN = Qt.Key.Key_Return


def _counted_dialog(
    qtbot: QtBot,
    window: MainWindow,
    count: KeyCount,
    opening: tuple[Qt.Key, Qt.KeyboardModifier],
    fill: Callable[[QDialog], None],
) -> None:
    """Presses the chord that opens a dialog and fills it, every key counted."""
    pending = on_modal(qtbot, fill)
    count.press(*opening)
    qtbot.waitUntil(lambda: pending.ran and QApplication.activeModalWidget() is None, timeout=5000)
    check(pending)
    reactivate(qtbot, window)


def _seen_yesterday(qtbot: QtBot, caseload: CaseloadView, reference: str) -> None:
    """Not counted: the record was opened before (a visit yesterday), so it is in Recently
    opened; then back on My work, where the day starts."""
    key(qtbot, Qt.Key.Key_F, CTRL)
    type_text(qtbot, reference)
    key(qtbot, RETURN, times=2)
    assert isinstance(caseload.open_page, PersonRecordView)
    key(qtbot, Qt.Key.Key_Escape)
    key(qtbot, Qt.Key.Key_M, ALT)
    assert isinstance(caseload.home.currentWidget(), MyWorkView)


def _assert_promised(count: KeyCount, document: str, task: str) -> None:
    before, after = promised_keys(document, task)
    assert count.total == after, f"{document} {task} says {after}; pressed {count.steps}"
    assert after < before, f"{task}: the After path is meant to be shorter than {before}"


def test_gangs_worker_ride_out_entry_from_recently_opened(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory
) -> None:
    window = signed_in_as(qtbot, window_factory, Role.GANGS_WORKER)
    services, caseload = window.services, window.workspace.caseload if window.workspace else None
    assert services is not None and caseload is not None
    wanted = caseload.model.row_at(0)
    _seen_yesterday(qtbot, caseload, wanted.case_reference)
    count = KeyCount(qtbot)

    count.press(Qt.Key.Key_O, ALT)  # Recently opened: the newest is chosen

    def write(dialog: QDialog) -> None:
        assert isinstance(dialog, EntryDialog)
        count.press(Qt.Key.Key_M, ALT)  # Template
        count.press(Qt.Key.Key_R)  # Ride-out contact
        count.press(Qt.Key.Key_D, ALT)
        count.type("Church Street market, with two older boys; said school is going better")
        count.press(RETURN, CTRL)

    _counted_dialog(qtbot, window, count, (Qt.Key.Key_E, CTRL), write)

    newest = services.chronology.entries(wanted.id, 0, 1)[0]
    assert newest.entry_type is EntryType.RIDE_OUT and newest.summary == "Seen on ride-out"
    _assert_promised(count, "gangs-worker.md", "G1")


def test_family_therapist_records_who_came_from_where_their_day_starts(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory
) -> None:
    window = signed_in_as(qtbot, window_factory, Role.FAMILY_THERAPIST)
    services, workspace = window.services, window.workspace
    assert services is not None and workspace is not None
    therapy = workspace.therapy
    assert therapy is not None
    count = KeyCount(qtbot)

    count.tab_to(lambda widget: widget is therapy.families.table.view)
    count.press(RETURN)  # the first of their families
    page = therapy.case_page
    assert page is not None
    before = len(services.therapy.sessions(page.case_id))
    count.press(Qt.Key.Key_S, ALT)  # Sessions

    def record(dialog: QDialog) -> None:
        count.press(Qt.Key.Key_O, ALT)  # Outcome: Attended already
        count.tab_to(lambda widget: isinstance(widget, QCheckBox))
        count.press(Qt.Key.Key_Space)  # the first family member came
        count.press(RETURN, CTRL)

    _counted_dialog(qtbot, window, count, (Qt.Key.Key_S, CTRL | SHIFT), record)

    sessions = services.therapy.sessions(page.case_id)
    assert len(sessions) == before + 1
    newest = max(sessions, key=lambda row: row.id)
    assert newest.outcome is SessionOutcome.ATTENDED and len(newest.attended) == 1
    _assert_promised(count, "family-therapist.md", "T1")


def test_employment_coach_records_a_session_from_where_their_day_starts(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory
) -> None:
    window = signed_in_as(qtbot, window_factory, Role.EMPLOYMENT_COACH)
    services, workspace = window.services, window.workspace
    assert services is not None and workspace is not None
    coaching = workspace.coaching
    assert coaching is not None
    count = KeyCount(qtbot)

    count.tab_to(lambda widget: widget is coaching.plans.table.view)
    count.press(RETURN)
    page = coaching.plan_page
    assert page is not None
    before = len(services.coaching_sessions.sessions(page.plan_id))
    count.press(Qt.Key.Key_S, ALT)  # Sessions

    def record(dialog: QDialog) -> None:
        count.press(Qt.Key.Key_W, ALT)  # What was done
        count.type("CV updated for the warehouse job")
        count.press(RETURN, CTRL)

    _counted_dialog(qtbot, window, count, (Qt.Key.Key_S, CTRL | SHIFT), record)

    sessions = services.coaching_sessions.sessions(page.plan_id)
    assert len(sessions) == before + 1
    _assert_promised(count, "employment-coach.md", "C1")


def test_coordinator_records_a_referral_from_recently_opened(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory
) -> None:
    window = signed_in_as(qtbot, window_factory, Role.COORDINATOR)
    services, caseload = window.services, window.workspace.caseload if window.workspace else None
    assert services is not None and caseload is not None
    wanted = caseload.model.row_at(0)
    _seen_yesterday(qtbot, caseload, wanted.case_reference)
    before = len(services.referrals.referrals(wanted.id))
    count = KeyCount(qtbot)

    count.press(Qt.Key.Key_O, ALT)  # Recently opened
    count.press(RETURN)  # open the record
    record = caseload.open_page
    assert isinstance(record, PersonRecordView) and record.record.id == wanted.id
    count.press(Qt.Key.Key_R, ALT)  # the Referrals tab

    def record_referral(dialog: QDialog) -> None:
        count.type("Seen carrying for older boys")  # the focus starts on the reason
        count.press(Qt.Key.Key_R, ALT)  # Referrer
        count.type("Head of year, Borough Academy")
        count.press(RETURN, CTRL)

    _counted_dialog(qtbot, window, count, (Qt.Key.Key_R, CTRL | SHIFT), record_referral)

    assert len(services.referrals.referrals(wanted.id)) == before + 1
    _assert_promised(count, "coordinator.md", "K1")

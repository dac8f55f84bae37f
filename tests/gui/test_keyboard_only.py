"""Each role's most frequent task done with the keyboard alone, through the real main window on
the demo vault: only key presses (no clicks, no slots called), then the saved record is read
back through the services."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog
from pytestqt.qtbot import QtBot

from desktop.models.accounts import Role
from desktop.models.choices import SessionOutcome
from desktop.vault.layout import VaultLayout
from desktop.views.caseload.person_record_view import PersonRecordView
from desktop.views.shell.main_window import MainWindow
from tests.gui.conftest import WindowFactory, signed_in_as
from tests.gui.keyboard_driver import (
    ALT,
    CTRL,
    SHIFT,
    check,
    is_button,
    key,
    on_modal,
    reactivate,
    tab_until,
    type_text,
)

RETURN = Qt.Key.Key_Return


def _in_dialog(
    qtbot: QtBot,
    window: MainWindow,
    opening_keys: list[tuple[Qt.Key, Qt.KeyboardModifier]],
    fill: Callable[[QDialog], None],
) -> None:
    """Presses the keys that open a dialog, then fills and saves it by keyboard."""
    pending = on_modal(qtbot, fill)
    for code, modifiers in opening_keys:
        key(qtbot, code, modifiers)
    qtbot.waitUntil(lambda: pending.ran and QApplication.activeModalWidget() is None, timeout=5000)
    check(pending)
    reactivate(qtbot, window)


def test_a_gangs_worker_finds_a_young_person_and_adds_a_chronology_entry(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory
) -> None:
    window = signed_in_as(qtbot, window_factory, Role.GANGS_WORKER)
    services = window.services
    caseload = window.workspace.caseload if window.workspace else None
    assert services is not None and caseload is not None
    wanted = caseload.model.row_at(0)  # someone on their caseload
    family_name = wanted.name.split()[-1]

    key(qtbot, Qt.Key.Key_F, CTRL)  # quick search
    assert caseload.search.hasFocus()
    type_text(qtbot, family_name)
    key(qtbot, Qt.Key.Key_Down)  # to the first match
    assert caseload.table.hasFocus()
    key(qtbot, RETURN)  # open the record
    record = caseload.open_page
    assert isinstance(record, PersonRecordView) and record.record.id == wanted.id

    def write(dialog: QDialog) -> None:
        key(qtbot, Qt.Key.Key_S, ALT)  # the Summary
        type_text(qtbot, "Seen at the youth club, keyboard only")
        key(qtbot, RETURN, CTRL)  # save

    _in_dialog(qtbot, window, [(Qt.Key.Key_E, CTRL)], write)
    entries = services.chronology.entries(wanted.id, 0, 5)
    assert entries[0].summary == "Seen at the youth club, keyboard only"
    assert entries[0].author == services.user.display_name


def _to_section(qtbot: QtBot, window: MainWindow, label: str) -> None:
    """Tab to the Sections list and type the section's first letters, as a person would."""
    workspace = window.workspace
    assert workspace is not None
    tab_until(qtbot, lambda widget: widget is workspace.navigation)
    type_text(qtbot, label[:6])
    assert workspace.current_section().label == label


def test_a_family_therapist_records_who_came_to_a_session(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory
) -> None:
    window = signed_in_as(qtbot, window_factory, Role.FAMILY_THERAPIST)
    services = window.services
    assert services is not None and window.workspace is not None
    _to_section(qtbot, window, "Family therapy")
    therapy = window.workspace.therapy
    assert therapy is not None
    tab_until(qtbot, lambda widget: widget is therapy.families.table.view)
    key(qtbot, Qt.Key.Key_Down)  # the first of their families
    key(qtbot, RETURN)
    page = therapy.case_page
    assert page is not None
    before = len(services.therapy.sessions(page.case_id))
    key(qtbot, Qt.Key.Key_S, ALT)  # the Sessions tab
    assert page.tabs.currentWidget() is page.sessions

    def record(dialog: QDialog) -> None:
        key(qtbot, Qt.Key.Key_O, ALT)  # Outcome: attended is the default
        checkbox = tab_until(qtbot, lambda widget: isinstance(widget, QCheckBox))
        key(qtbot, Qt.Key.Key_Space)  # the first family member came
        assert isinstance(checkbox, QCheckBox) and checkbox.isChecked()
        tab_until(qtbot, is_button("OK"))
        key(qtbot, Qt.Key.Key_Space)

    _in_dialog(qtbot, window, [(Qt.Key.Key_S, CTRL | SHIFT)], record)
    sessions = services.therapy.sessions(page.case_id)
    assert len(sessions) == before + 1
    newest = max(sessions, key=lambda row: row.id)
    assert newest.outcome is SessionOutcome.ATTENDED and len(newest.attended) == 1


def test_an_employment_coach_records_a_session(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory
) -> None:
    window = signed_in_as(qtbot, window_factory, Role.EMPLOYMENT_COACH)
    services = window.services
    assert services is not None and window.workspace is not None
    _to_section(qtbot, window, "Employment coaching")
    coaching = window.workspace.coaching
    assert coaching is not None
    tab_until(qtbot, lambda widget: widget is coaching.plans.table.view)
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, RETURN)
    page = coaching.plan_page
    assert page is not None
    before = len(services.coaching_sessions.sessions(page.plan_id))
    key(qtbot, Qt.Key.Key_S, ALT)  # the Sessions tab

    def record(dialog: QDialog) -> None:
        key(qtbot, Qt.Key.Key_W, ALT)  # What was done
        type_text(qtbot, "CV updated for the warehouse job")
        tab_until(qtbot, is_button("OK"))
        key(qtbot, Qt.Key.Key_Space)

    _in_dialog(qtbot, window, [(Qt.Key.Key_S, CTRL | SHIFT)], record)
    sessions = services.coaching_sessions.sessions(page.plan_id)
    assert len(sessions) == before + 1
    assert any("warehouse" in row.what_was_done for row in sessions)


def test_the_coordinator_records_a_referral(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory
) -> None:
    window = signed_in_as(qtbot, window_factory, Role.COORDINATOR)
    services = window.services
    caseload = window.workspace.caseload if window.workspace else None
    assert services is not None and caseload is not None
    wanted = caseload.model.row_at(0)
    key(qtbot, Qt.Key.Key_F, CTRL)
    type_text(qtbot, wanted.case_reference)
    key(qtbot, RETURN)  # to the match
    key(qtbot, RETURN)  # open it
    record = caseload.open_page
    assert isinstance(record, PersonRecordView) and record.record.id == wanted.id
    before = len(services.referrals.referrals(wanted.id))
    key(qtbot, Qt.Key.Key_R, ALT)  # Alt+R is the Referrals tab's alone on the record
    assert record.tabs.tabText(record.tabs.currentIndex()) == "&Referrals"

    def record_referral(dialog: QDialog) -> None:
        type_text(qtbot, "Seen carrying for older boys")  # the focus starts on the reason
        key(qtbot, Qt.Key.Key_R, ALT)  # Referrer
        type_text(qtbot, "Head of year, Borough Academy")
        tab_until(qtbot, is_button("OK"))
        key(qtbot, Qt.Key.Key_Space)

    _in_dialog(qtbot, window, [(Qt.Key.Key_R, CTRL | SHIFT)], record_referral)
    referrals = services.referrals.referrals(wanted.id)
    assert len(referrals) == before + 1
    newest = max(referrals, key=lambda row: row.id)
    assert newest.reason == "Seen carrying for older boys"
    assert newest.referrer == "Head of year, Borough Academy"

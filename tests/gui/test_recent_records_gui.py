"""My work lists the records the user opened last (Enter opens one again), Ctrl+E there opens
the chosen young person's record and a new chronology entry in one chord, and Go › Recent
records is filled from the same service: all through the real main window, by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from desktop.models.accounts import Role
from desktop.models.choices import EntryType
from desktop.services.demo_service import demo_username
from desktop.vault.layout import VaultLayout
from desktop.views.caseload.caseload_view import CaseloadView
from desktop.views.caseload.chronology_dialogs import EntryDialog
from desktop.views.caseload.person_record_view import PersonRecordView
from desktop.views.home.my_work_view import MyWorkView
from desktop.views.home.recent_menu import EMPTY_TEXT
from desktop.views.shell.main_window import MainWindow
from tests.gui.conftest import WindowFactory, sign_in
from tests.gui.keyboard_driver import ALT, CTRL, check, key, on_modal, reactivate, type_text

RETURN = Qt.Key.Key_Return


def _worker_on_my_work(
    qtbot: QtBot, window_factory: WindowFactory
) -> tuple[MainWindow, CaseloadView, MyWorkView]:
    window = window_factory()
    sign_in(qtbot, window, demo_username(Role.GANGS_WORKER))
    caseload = window.workspace.caseload if window.workspace else None
    assert caseload is not None
    home = caseload.home.currentWidget()
    assert isinstance(home, MyWorkView)
    return window, caseload, home


def _open_by_search(qtbot: QtBot, caseload: CaseloadView, reference: str) -> None:
    key(qtbot, Qt.Key.Key_F, CTRL)
    key(qtbot, Qt.Key.Key_A, CTRL)  # the last search is still there: typed over
    type_text(qtbot, reference)
    key(qtbot, RETURN)  # to the match
    key(qtbot, RETURN)  # open it
    assert isinstance(caseload.open_page, PersonRecordView)


def test_my_work_lists_the_records_opened_last_and_enter_opens_one(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory
) -> None:
    window, caseload, home = _worker_on_my_work(qtbot, window_factory)
    first, second = caseload.model.row_at(0), caseload.model.row_at(1)
    for row in (first, second, first):
        _open_by_search(qtbot, caseload, row.case_reference)
        key(qtbot, Qt.Key.Key_Escape)  # back to the caseload's home
    key(qtbot, Qt.Key.Key_M, ALT)  # the My work tab: shown again, so fetched again
    assert caseload.home.currentWidget() is home

    shown = [row.person_id for row in home.recent.model.rows()]
    assert shown[:2] == [first.id, second.id]  # newest first, each once
    assert home.recent.model.data(home.recent.model.index(0, 1)) == first.name

    key(qtbot, Qt.Key.Key_O, ALT)  # Recently &opened
    assert home.recent.view.hasFocus()
    key(qtbot, Qt.Key.Key_Down)  # the cursor starts on the newest: down to the second
    key(qtbot, RETURN)
    record = caseload.open_page
    assert isinstance(record, PersonRecordView) and record.record.id == second.id
    assert window.services is not None


def test_ctrl_e_on_my_work_opens_the_record_and_a_new_entry(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory
) -> None:
    window, caseload, home = _worker_on_my_work(qtbot, window_factory)
    services = window.services
    assert services is not None
    wanted = caseload.model.row_at(0)
    _open_by_search(qtbot, caseload, wanted.case_reference)
    key(qtbot, Qt.Key.Key_Escape)
    key(qtbot, Qt.Key.Key_M, ALT)
    key(qtbot, Qt.Key.Key_O, ALT)  # the newest is chosen: the young person just seen

    def write(dialog: QDialog) -> None:
        assert isinstance(dialog, EntryDialog)
        key(qtbot, Qt.Key.Key_M, ALT)
        key(qtbot, Qt.Key.Key_Down)  # Ride-out contact
        key(qtbot, Qt.Key.Key_D, ALT)
        type_text(qtbot, "Bus station, with two older boys")
        key(qtbot, RETURN, CTRL)

    pending = on_modal(qtbot, write)
    key(qtbot, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: pending.ran and QApplication.activeModalWidget() is None, timeout=5000)
    check(pending)
    reactivate(qtbot, window)

    record = caseload.open_page
    assert isinstance(record, PersonRecordView) and record.record.id == wanted.id
    newest = services.chronology.entries(wanted.id, 0, 1)[0]
    assert newest.entry_type is EntryType.RIDE_OUT
    assert newest.author == services.user.display_name
    detail = services.chronology.entry(newest.id).details.detail
    assert detail.startswith("Where: Bus station, with two older boys\n")


def test_ctrl_e_with_nobody_chosen_says_what_to_do(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory
) -> None:
    _window, caseload, home = _worker_on_my_work(qtbot, window_factory)
    home.refresh_button.setFocus()
    key(qtbot, Qt.Key.Key_E, CTRL)
    assert caseload.open_page is None
    assert home.message.isVisible() and "Choose a young person" in home.message.text()


def test_the_recent_records_menu_opens_a_record_by_its_number(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory
) -> None:
    window, caseload, _home = _worker_on_my_work(qtbot, window_factory)
    services = window.services
    assert services is not None
    menu = window.recent_menu  # Casebook › Recent records
    assert menu.menuAction().isVisible() and menu.menuAction().isEnabled()

    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    assert [action.text() for action in menu.actions()] == [EMPTY_TEXT]
    menu.hide()

    wanted = caseload.model.row_at(2)
    services.people.open_record(caseload.model.row_at(1).id)
    services.people.open_record(wanted.id)
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    assert menu.actions()[0].text().startswith(f"&1 {wanted.case_reference} · ")
    qtbot.keyClick(menu, Qt.Key.Key_1)
    record = caseload.open_page
    assert isinstance(record, PersonRecordView) and record.record.id == wanted.id
    qtbot.waitUntil(lambda: not menu.actions(), timeout=2000)  # no names left in it

"""ACCEPTANCE (issue 3): a gangs worker's day through the real window — create a young person,
write chronology entries with the record-wide shortcut, and find the person again by an alias
typed without accents and by an Arabic-script name."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.services.bundle import Services
from desktop.services.people_service import PersonDetails
from desktop.services.sign_in_service import SignedIn
from desktop.views.caseload.caseload_view import CaseloadView
from desktop.views.caseload.chronology_dialogs import EntryDialog
from desktop.views.caseload.groups_places_view import GroupsPlacesView
from desktop.views.caseload.person_record_view import PersonRecordView
from desktop.views.caseload.tabs.chronology_tab import ChronologyTab
from desktop.views.caseload.tabs.groups_places_tab import GroupsPlacesTab
from tests.conftest import COORDINATOR_USERNAME, FakeClock, FastKdfPolicy
from tests.gui.conftest import WindowFactory, sign_in


def _caseload(window: object) -> CaseloadView:
    workspace = getattr(window, "workspace", None)
    assert workspace is not None and isinstance(workspace.caseload, CaseloadView)
    return workspace.caseload


def _press(qtbot: QtBot, window: QWidget, key: Qt.Key, control: bool = True) -> None:
    """A key pressed wherever the focus is, in the active window. (Offscreen, the window does
    not get activation back after a dialog or a page change; a window manager would.)"""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    focused = QApplication.focusWidget()
    assert focused is not None
    modifier = Qt.KeyboardModifier.ControlModifier if control else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(focused, key, modifier)


def _search(qtbot: QtBot, caseload: CaseloadView, text: str, *, typed: bool = True) -> list[str]:
    caseload.focus_search()
    caseload.search.clear()
    if typed:
        qtbot.keyClicks(caseload.search, text)
    else:  # QTest types ASCII only; Arabic arrives as an input method would deliver it
        caseload.search.insert(text)
    qtbot.waitUntil(lambda: caseload.model.filter.search == text, timeout=2000)
    return [caseload.model.row_at(row).name for row in range(caseload.model.rowCount())]


def test_create_write_and_find_again(
    qtbot: QtBot, window_factory: WindowFactory, coordinator: tuple[SignedIn, str]
) -> None:
    window = window_factory()
    sign_in(qtbot, window, COORDINATOR_USERNAME)
    caseload = _caseload(window)

    # A new young person, typed into the real form and saved with Ctrl+S.
    qtbot.mouseClick(caseload.new_button, Qt.MouseButton.LeftButton)
    form = caseload.form
    assert form is not None
    # QTest types ASCII only (anything else aborts it): accented letters arrive through insert(),
    # as an input method delivers them.
    form.given_name.insert("Zoë")
    form.family_name.insert("Ólafsdóttir")
    form.aliases.insert("Lil Zée; ")
    qtbot.keyClicks(form.aliases, "Z-Money")
    _press(qtbot, window, Qt.Key.Key_S)
    record = caseload.open_page
    assert isinstance(record, PersonRecordView)
    assert record.record.case_reference == "IGX-000001"

    # Two chronology entries, each started with Ctrl+E from wherever the focus is.
    for summary in ("Home visit with mum", "Seen on the ride-out"):

        def write(text: str = summary) -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:  # not open yet (a busy machine): look again shortly
                QTimer.singleShot(50, lambda: write(text))
                return
            assert isinstance(dialog, EntryDialog)
            qtbot.keyClicks(dialog.summary, text)
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

        QTimer.singleShot(200, write)
        _press(qtbot, window, Qt.Key.Key_E)
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=3000)
    chronology = record.tab_of(ChronologyTab)
    assert chronology is not None and record.tabs.currentWidget() is chronology
    summaries = [chronology.model.row_at(row).summary for row in range(2)]
    assert sorted(summaries) == ["Home visit with mum", "Seen on the ride-out"]

    # Someone whose name is written in Arabic script, saved the same way.
    _press(qtbot, window, Qt.Key.Key_Escape, control=False)
    assert caseload.open_page is None
    qtbot.mouseClick(caseload.new_button, Qt.MouseButton.LeftButton)
    form = caseload.form
    assert form is not None
    form.given_name.insert("أحمد")
    form.family_name.insert("الكردي")
    _press(qtbot, window, Qt.Key.Key_S)
    assert isinstance(caseload.open_page, PersonRecordView)
    _press(qtbot, window, Qt.Key.Key_Escape, control=False)

    # Found again: an alias typed without its accent, and the Arabic name without its hamza.
    assert _search(qtbot, caseload, "lil zee") == ["Zoë Ólafsdóttir"]
    assert _search(qtbot, caseload, "z-money") == ["Zoë Ólafsdóttir"]
    assert _search(qtbot, caseload, "احمد", typed=False) == ["أحمد الكردي"]


def test_a_group_chosen_in_a_record_opens_its_page_on_the_caseload_home(
    qtbot: QtBot,
    window_factory: WindowFactory,
    coordinator: tuple[SignedIn, str],
    kdf: FastKdfPolicy,
    clock: FakeClock,
) -> None:
    signed_in, _ = coordinator
    services = Services.for_session(signed_in, kdf, clock)
    person_id = services.people.create(PersonDetails("Jordan", "Blake"))
    group_id = services.context.create_group("Northside crew")
    services.context.link_group(person_id, group_id, None, None, "Police intelligence")

    window = window_factory()
    sign_in(qtbot, window, COORDINATOR_USERNAME)
    caseload = _caseload(window)
    caseload.open_person(person_id)
    record = caseload.open_page
    assert isinstance(record, PersonRecordView)
    labels = [record.tabs.tabText(index).replace("&", "") for index in range(record.tabs.count())]
    assert {"People", "Groups and places", "Missing", "Status  risk"} <= set(labels)
    groups_tab = record.tab_of(GroupsPlacesTab)
    assert groups_tab is not None
    groups_tab.open_group.emit(group_id)  # what double-clicking the group does
    assert caseload.open_page is None
    page = caseload.home.currentWidget()
    assert isinstance(page, GroupsPlacesView)

"""Help › Keyboard shortcuts: opened by keyboard, it lists what the live widgets set, the list
of pages opened later agrees with those pages, and no two shortcuts clash where they work."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QWidget
from pytestqt.qtbot import QtBot

from desktop.models.accounts import Role
from desktop.services.demo_service import demo_username
from desktop.services.permissions import Section
from desktop.vault.layout import VaultLayout
from desktop.views.shell.main_window import MainWindow
from desktop.views.shell.shortcut_collector import Shortcut, clashes, collect, native
from desktop.views.shell.shortcuts_dialog import LATER, LATER_SECTION, ShortcutsDialog
from tests.gui.conftest import WindowFactory, sign_in
from tests.gui.keyboard_driver import ALT, CTRL, check, key, on_modal, reactivate
from tests.gui.page_tour import opened_pages, tabs_of

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"
# Dialogs and windows of their own: the keys they set are read from their source.
DIALOG_SOURCES = {
    "Forms": ["views/common/form_dialog.py", "views/caseload/chronology_dialogs.py"],
    "Text boxes": ["views/common/spell_text_edit.py"],
    "Session note": ["views/therapy/note_editor.py", "views/therapy/note_page.py"],
    "Subject access review": [
        "views/data_protection/sar_review_window.py",
        "views/data_protection/sar_review_parts.py",
    ],
}
KEYS_IN_SOURCE = re.compile(r'"((?:Ctrl|Alt|Shift)\+[^"]+)"')
STANDARD_KEY_IN_SOURCE = re.compile(r"StandardKey\.(\w+)")


def _keys_in(source: str) -> set[str]:
    """The key strings a module sets, and its standard keys (Save) as this platform reads them."""
    standard = {
        native(QKeySequence(getattr(QKeySequence.StandardKey, name)))
        for name in STANDARD_KEY_IN_SOURCE.findall(source)
    }
    return set(KEYS_IN_SOURCE.findall(source)) | standard


@pytest.fixture
def coordinator_window(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory
) -> Iterator[MainWindow]:
    window = window_factory()
    sign_in(qtbot, window, demo_username(Role.COORDINATOR))
    assert window.workspace is not None and window.services is not None
    yield window


def _sections(window: MainWindow) -> dict[QWidget, str]:
    assert window.workspace is not None
    return {view: section.label for section, view in window.workspace.views.items()}


def _listed_by_keyboard(qtbot: QtBot, window: MainWindow) -> list[Shortcut]:
    """Alt+H opens the Help menu, K chooses Keyboard shortcuts; the list is read, Esc closes."""
    listed: list[Shortcut] = []

    def read(dialog: QDialog) -> None:
        assert isinstance(dialog, ShortcutsDialog)
        listed.extend(dialog.listed())
        key(qtbot, Qt.Key.Key_Escape)

    pending = on_modal(qtbot, read)
    reactivate(qtbot, window)
    key(qtbot, Qt.Key.Key_H, ALT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=2000)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu) and "Keyboard shortcuts" in menu.actions()[0].text()
    qtbot.keyClick(menu, Qt.Key.Key_K)
    qtbot.waitUntil(lambda: pending.ran and QApplication.activeModalWidget() is None)
    check(pending)
    return listed


def test_the_list_opens_from_help_by_keyboard_and_shows_what_the_widgets_set(
    qtbot: QtBot, coordinator_window: MainWindow
) -> None:
    window = coordinator_window
    workspace = window.workspace
    assert workspace is not None and workspace.caseload is not None
    caseload = workspace.caseload
    caseload.open_person(caseload.model.row_at(0).id)
    assert Section.FAMILY_THERAPY not in workspace.views  # not opened yet

    listed = _listed_by_keyboard(qtbot, window)
    # The list built every section of the role to read their keys from the widgets.
    assert set(workspace.views) == set(workspace.sections)
    live = {
        (item.shortcut.scope, item.shortcut.keys) for item in collect(window, _sections(window))
    }
    assert ("Everywhere", "F1") in live and ("Caseload", "Ctrl+E") in live
    assert ("Caseload", "Ctrl+Shift+A") in live  # the coordinator's access report
    assert ("Family therapy", "Ctrl+N") in live
    shown = {(entry.scope, entry.keys) for entry in listed}
    assert live <= shown, f"set on the widgets but not listed: {sorted(live - shown)}"
    assert all(entry.meaning for entry in listed), "a shortcut listed without what it does"
    # The groups come in the order of the navigation, Everywhere first.
    scopes = list(dict.fromkeys(entry.scope.split(" › ")[0] for entry in listed))
    assert scopes[0] == "Everywhere" and scopes.index("Caseload") < scopes.index("Analysis")

    # F1 and Ctrl+/ open it too, from wherever the focus is.
    for keys, modifiers in (
        (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Slash, CTRL),
    ):
        _opens_with(qtbot, window, keys, modifiers)


def _opens_with(
    qtbot: QtBot, window: MainWindow, code: Qt.Key, modifiers: Qt.KeyboardModifier
) -> None:
    pending = on_modal(qtbot, lambda dialog: dialog.reject())
    reactivate(qtbot, window)
    key(qtbot, code, modifiers)
    qtbot.waitUntil(lambda: pending.ran)
    check(pending)


def test_a_worker_is_not_listed_keys_of_sections_they_do_not_have(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory
) -> None:
    window = window_factory()
    sign_in(qtbot, window, demo_username(Role.GANGS_WORKER))
    listed = _listed_by_keyboard(qtbot, window)
    groups = {entry.scope.split(" › ")[0] for entry in listed}
    assert "Caseload" in groups and "Forms" in groups
    assert "Analysis" not in groups and "Subject access review" not in groups


def _walk(qtbot: QtBot, window: MainWindow) -> Iterator[str]:
    """Every section's home tabs, then every tab of an open record, therapy case, coaching
    plan and meeting; yields where it is after each step."""
    workspace = window.workspace
    assert workspace is not None
    for section in workspace.sections:
        workspace.show_section(section)
        yield from tabs_of(workspace.view(section), section.label)
    yield from opened_pages(window)


def test_no_two_shortcuts_clash_where_they_work_and_later_pages_are_listed_right(
    qtbot: QtBot, coordinator_window: MainWindow
) -> None:
    window = coordinator_window
    seen: set[tuple[str, str]] = set()
    for where in _walk(qtbot, window):
        found = collect(window, _sections(window))
        assert clashes(found) == [], f"clash on {where}: {clashes(found)}"
        seen |= {(item.shortcut.scope, item.shortcut.keys) for item in found}

    # Every key listed for a page opened later is set there, and every key set there listed.
    later = {(entry.scope, entry.keys) for entry in LATER if entry.scope not in LATER_SECTION}
    assert later <= seen, f"listed but not set: {sorted(later - seen)}"
    coordinator_only = {("Caseload", "Ctrl+Shift+A")}  # shown live when a record is open
    on_later_pages = {
        (scope, keys)
        for scope, keys in seen
        if scope.split(" › ")[0]
        in {"Caseload", "Family therapy", "Employment coaching", "Meetings"}
    }
    static_or_home = later | coordinator_only | _home_keys(window)
    assert on_later_pages <= static_or_home, (
        f"not listed: {sorted(on_later_pages - static_or_home)}"
    )


def _home_keys(window: MainWindow) -> set[tuple[str, str]]:
    """What the sections show as soon as they are built (listed live whenever they are)."""
    workspace = window.workspace
    assert workspace is not None
    for section in workspace.sections:
        workspace.show_section(section)
    for view in (workspace.caseload, workspace.therapy, workspace.coaching, workspace.meetings):
        for closer in ("close_record", "close_case", "close_plan", "close_meeting"):
            if hasattr(view, closer):
                getattr(view, closer)()
    return {
        (item.shortcut.scope, item.shortcut.keys) for item in collect(window, _sections(window))
    }


def test_the_keys_of_dialogs_and_windows_of_their_own_are_the_ones_in_their_source() -> None:
    for scope, files in DIALOG_SOURCES.items():
        in_source = {keys for name in files for keys in _keys_in((DESKTOP / name).read_text())}
        listed = {entry.keys for entry in LATER if entry.scope == scope}
        assert in_source - {"Ctrl+Enter"} <= listed, f"{scope}: not listed {in_source - listed}"
        assert listed - {"Esc"} <= in_source, f"{scope}: listed but not set {listed - in_source}"


def test_two_buttons_with_the_same_keys_on_one_screen_are_a_clash(qtbot: QtBot) -> None:
    """The clash check itself: it catches a planted clash, and not keys kept to one field."""
    from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    first, second = QPushButton("Save"), QPushButton("Send")
    first.setShortcut(QKeySequence("Ctrl+Shift+X"))
    second.setShortcut(QKeySequence("Ctrl+Shift+X"))
    fields = [QLineEdit(), QLineEdit()]
    layout = QVBoxLayout(window)
    for widget in (first, second, *fields):
        layout.addWidget(widget)
    for field in fields:  # each fires only while its own field has the focus: no clash
        field.addAction("Clear", QKeySequence("Ctrl+D"), field.clear).setShortcutContext(
            Qt.ShortcutContext.WidgetShortcut
        )
    window.show()
    found = clashes(collect(window, {window: "Test"}))
    assert found == [("Ctrl+Shift+X", ["Save", "Send"])]
    second.hide()  # hidden for this role: its key no longer works, nor clashes
    assert clashes(collect(window, {window: "Test"})) == []

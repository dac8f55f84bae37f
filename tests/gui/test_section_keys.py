"""Each role starts where their day starts, and the Sections list is one key away: F6 moves
between it and the open section, Ctrl+1…8 open a section with the focus inside it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.models.accounts import Role
from desktop.services.permissions import Section
from desktop.vault.layout import VaultLayout
from desktop.views.home.my_work_view import MyWorkView
from desktop.views.shell.shortcuts_dialog import gather
from tests.gui.conftest import WindowFactory, signed_in_as
from tests.gui.keyboard_driver import CTRL, key


@pytest.mark.parametrize(
    ("role", "home"),
    [
        (Role.GANGS_WORKER, Section.CASELOAD),
        (Role.COORDINATOR, Section.CASELOAD),
        (Role.FAMILY_THERAPIST, Section.FAMILY_THERAPY),
        (Role.EMPLOYMENT_COACH, Section.EMPLOYMENT_COACHING),
        (Role.ANALYST, Section.ANALYSIS),
    ],
)
def test_each_role_starts_in_the_section_where_their_day_starts(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory, role: Role, home: Section
) -> None:
    window = signed_in_as(qtbot, window_factory, role)
    workspace = window.workspace
    assert workspace is not None
    assert workspace.current_section() is home
    assert workspace.pages.currentWidget() is workspace.views[home]
    # Only the home section is built on signing in: the others wait until they are opened.
    assert set(workspace.views) == {home}
    if home is Section.CASELOAD:
        caseload = workspace.caseload
        assert caseload is not None
        assert isinstance(caseload.home.currentWidget(), MyWorkView)


def test_f6_moves_between_the_sections_list_and_the_page(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory
) -> None:
    window = signed_in_as(qtbot, window_factory, Role.GANGS_WORKER)
    workspace = window.workspace
    assert workspace is not None
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    assert workspace.navigation.hasFocus()  # where signing in leaves the focus
    key(qtbot, Qt.Key.Key_F6)
    focus = QApplication.focusWidget()
    assert focus is not None and workspace.pages.currentWidget().isAncestorOf(focus)
    key(qtbot, Qt.Key.Key_F6)
    assert workspace.navigation.hasFocus()
    key(qtbot, Qt.Key.Key_F6)
    assert not workspace.navigation.hasFocus()


def test_ctrl_and_a_number_opens_that_section_with_the_focus_inside_it(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory
) -> None:
    window = signed_in_as(qtbot, window_factory, Role.COORDINATOR)
    workspace = window.workspace
    assert workspace is not None
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    number = workspace.sections.index(Section.MEETINGS) + 1
    key(qtbot, getattr(Qt.Key, f"Key_{number}"), CTRL)
    assert workspace.current_section() is Section.MEETINGS
    focus = QApplication.focusWidget()
    assert focus is not None and workspace.views[Section.MEETINGS].isAncestorOf(focus)
    key(qtbot, Qt.Key.Key_1, CTRL)
    assert workspace.current_section() is workspace.sections[0]


def test_the_section_keys_are_in_the_shortcut_list(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory
) -> None:
    window = signed_in_as(qtbot, window_factory, Role.FAMILY_THERAPIST)
    listed = {(entry.keys, entry.meaning) for entry in gather(window, window.workspace)}
    assert ("F6", "Move between the Sections list and the open section") in listed
    assert ("Ctrl+2", "Open Family therapy") in listed
    assert ("Ctrl+4", "Open Employment coaching") not in {(k, m) for k, m in listed}

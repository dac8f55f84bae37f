"""The Data protection section: the coordinator's home for subject access, restricted records
and retention; no other role has it."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.models.accounts import Role
from desktop.services.demo_service import demo_username
from desktop.services.permissions import Section
from desktop.vault.layout import VaultLayout
from desktop.views.data_protection.data_protection_view import DataProtectionView
from tests.gui.conftest import WindowFactory, sign_in


def press(qtbot: QtBot, focus: QWidget, key: Qt.Key) -> None:
    """Alt+key with the focus in the window, as a person at the keyboard would."""
    focus.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is focus.window(), timeout=2000)
    focus.setFocus()
    qtbot.keyClick(focus, key, Qt.KeyboardModifier.AltModifier)


def test_the_coordinator_finds_every_duty_in_one_section_and_a_worker_does_not(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory
) -> None:
    window = window_factory()
    sign_in(qtbot, window, demo_username(Role.COORDINATOR))
    workspace = window.workspace
    assert workspace is not None
    assert Section.DATA_PROTECTION not in workspace.views  # built when first shown

    navigation = workspace.navigation
    row = workspace.sections.index(Section.DATA_PROTECTION)
    where = navigation.visualItemRect(navigation.item(row)).center()
    qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=where)
    view = workspace.views[Section.DATA_PROTECTION]
    assert isinstance(view, DataProtectionView) and view.isVisible()
    labels = [view.tabs.tabText(i).replace("&", "") for i in range(view.tabs.count())]
    assert labels == ["Subject access", "Restricted records", "Retention"]

    # The tabs answer to their Alt letters.
    press(qtbot, view.tabs.tabBar(), Qt.Key.Key_S)
    assert view.tabs.currentWidget() is view.restrictions
    press(qtbot, view.tabs.tabBar(), Qt.Key.Key_N)
    assert view.tabs.currentWidget() is view.retention
    shots = os.environ.get("CASEBOOK_SHOTS_DIR")
    if shots:
        for index in range(view.tabs.count()):
            view.tabs.setCurrentIndex(index)
            qtbot.wait(50)
            window.grab().save(f"{shots}/data_protection_{index}.png")
    window.sign_out()

    worker = window_factory()
    sign_in(qtbot, worker, demo_username(Role.GANGS_WORKER))
    assert worker.workspace is not None
    assert Section.DATA_PROTECTION not in worker.workspace.sections

"""Status and results said to a screen reader, not only shown: the announcement event Qt hands
to the platform's accessibility (UI Automation's notification on Windows), seen through
announce.listen() as it is sent."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from desktop.models.accounts import Role
from desktop.services.demo_service import demo_username
from desktop.services.permissions import Section
from desktop.vault.layout import VaultLayout
from desktop.views.admin.administration_view import AdministrationView
from desktop.views.common.announce import announce, listen
from tests.gui.conftest import WindowFactory, sign_in

POLITE = QAccessible.AnnouncementPoliteness.Polite
ASSERTIVE = QAccessible.AnnouncementPoliteness.Assertive


class Heard(list[tuple[object, str, QAccessible.AnnouncementPoliteness]]):
    """Each announcement as (the widget it speaks for, the words, how urgently)."""

    def hear(self, event: QAccessibleEvent) -> None:
        assert event.type() == QAccessible.Event.Announcement
        assert isinstance(event, QAccessibleAnnouncementEvent)
        self.append((event.object(), event.message(), event.politeness()))


@pytest.fixture
def heard() -> Iterator[Heard]:
    said = Heard()
    stop = listen(said.hear)
    yield said
    stop()


def test_announce_shows_the_words_and_says_them_politely_or_urgently(
    qtbot: QtBot, heard: Heard
) -> None:
    label = QLabel()
    label.hide()
    qtbot.addWidget(label)
    announce(label, "Saved.")
    announce(label, "Not saved: the disk is full.", urgent=True)
    announce(label, "")  # clearing says nothing

    assert heard == [(label, "Saved.", POLITE), (label, "Not saved: the disk is full.", ASSERTIVE)]
    assert label.text() == "" and not label.isHidden()


def test_with_a_screen_reader_on_qt_is_handed_the_event(qtbot: QtBot, heard: Heard) -> None:
    """With accessibility active (as when NVDA runs) the event reaches Qt's platform layer."""
    label = QLabel()
    qtbot.addWidget(label)
    label.show()
    QAccessible.setActive(True)
    try:
        announce(label, "3 entries found")
        assert QAccessible.isActive()
    finally:
        QAccessible.setActive(False)
    assert heard == [(label, "3 entries found", POLITE)]
    assert label.text() == "3 entries found"


def test_the_main_windows_status_bar_is_read_out(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory, heard: Heard
) -> None:
    window = window_factory()
    sign_in(qtbot, window, demo_username(Role.COORDINATOR))
    heard.clear()
    # What the shell does when a scheduled backup starts; the bar was followed when shown.
    window.statusBar().showMessage("Backing up in the background…", 5000)
    assert heard == [(window.statusBar(), "Backing up in the background…", POLITE)]


def test_a_failed_sign_in_is_said_at_once(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory, heard: Heard
) -> None:
    window = window_factory()
    sign_in(qtbot, window, demo_username(Role.COORDINATOR), "not the passphrase at all")
    message = window.unlock_view.message
    assert window.services is None and message.isVisible()
    assert heard[-1] == (message, message.text(), ASSERTIVE)
    assert "passphrase" in message.text().lower()


def test_saving_vault_settings_says_it_was_saved(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory, heard: Heard
) -> None:
    window = window_factory()
    sign_in(qtbot, window, demo_username(Role.COORDINATOR))
    assert window.workspace is not None
    window.workspace.show_section(Section.ADMINISTRATION)
    admin = window.workspace.view(Section.ADMINISTRATION)
    assert isinstance(admin, AdministrationView)
    admin.tabs.setCurrentWidget(admin.settings)
    save = next(b for b in admin.settings.findChildren(QPushButton) if "Save" in b.text())
    heard.clear()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert [(who, words) for who, words, _how in heard] == [
        (admin.settings.saved, "Saved. The new idle time applies from the next sign-in.")
    ]
    assert admin.settings.saved.isVisible()

"""GUI fixtures: the real main window over a real vault, driven with qtbot like a person would."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from desktop.app import build_main_window, create_application
from desktop.models.accounts import Account
from desktop.services.sign_in_service import SignedIn
from desktop.vault.device_keyring import DeviceKeyring
from desktop.vault.layout import VaultLayout
from desktop.views.shell.main_window import MainWindow
from tests.conftest import PASSPHRASE, FakeClock, FastKdfPolicy, InMemoryKeyring

WindowFactory = Callable[[], MainWindow]


@pytest.fixture
def window_factory(
    qtbot: QtBot,
    vault_layout: VaultLayout,
    kdf: FastKdfPolicy,
    clock: FakeClock,
    keyring_backend: InMemoryKeyring,
    tmp_path: Path,
) -> Iterator[WindowFactory]:
    create_application([])
    windows: list[MainWindow] = []

    def build() -> MainWindow:
        window = build_main_window(
            vault_layout,
            kdf_policy=kdf,
            clock=clock,
            device=DeviceKeyring(keyring_backend),
            settings=QSettings(
                str(tmp_path / "settings" / "casebook.ini"), QSettings.Format.IniFormat
            ),
        )
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield build
    for window in windows:
        window.sign_out()


def allow_first_sign_in(signed_in: SignedIn) -> None:
    """Accounts added by a coordinator must change passphrase first; most tests skip that."""
    with signed_in.vault.sessions.begin() as session:
        session.execute(update(Account).values(must_change_passphrase=False))


def sign_in(qtbot: QtBot, window: MainWindow, username: str, passphrase: str = PASSPHRASE) -> None:
    """Types the user name and passphrase and presses Enter, as a person would."""
    view = window.unlock_view
    # A person's window has the focus; shortcuts (Ctrl+S, Ctrl+L) only reach an active window.
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None, timeout=2000)
    view.username.clear()
    qtbot.keyClicks(view.username, username)
    qtbot.keyClicks(view.passphrase.edit, passphrase)
    qtbot.keyClick(view.passphrase.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.services is not None or view.message.isVisible(), timeout=10000)
    # The offscreen platform drops window activation when the workspace replaces the unlock
    # screen (a real window manager keeps it); give it back as the person's window would have.
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None, timeout=2000)

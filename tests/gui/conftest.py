"""GUI fixtures: the real main window over a real vault, driven with qtbot like a person would."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from desktop.app import build_main_window, create_application
from desktop.models.accounts import Account, Role
from desktop.services.demo_service import demo_username
from desktop.services.sign_in_service import SignedIn
from desktop.vault.device_keyring import DeviceKeyring
from desktop.vault.layout import VaultLayout
from desktop.views.common.describe_on_focus import install_accessibility
from desktop.views.common.layout_walk import forget_layout_items_on_focus
from desktop.views.shell.main_window import MainWindow
from tests.conftest import PASSPHRASE, FakeClock, FastKdfPolicy, InMemoryKeyring

WindowFactory = Callable[[], MainWindow]


@pytest.fixture(scope="session", autouse=True)
def describe_on_focus(qapp: QApplication) -> None:
    """Controls described as the focus reaches them, and PySide's wrappers of Qt's layout items
    forgotten as it moves, as desktop/app.py does."""
    install_accessibility(qapp)
    forget_layout_items_on_focus(qapp)


@pytest.fixture(autouse=True)
def no_remembered_choices() -> Iterator[None]:
    """Each test starts with the dialogs' defaults: the choices they remember per user (the last
    entry type, session mode, place and referral source) live as long as the program does."""
    from desktop.views.caseload import chronology_dialogs
    from desktop.views.caseload.tabs import referral_dialog
    from desktop.views.coaching import coaching_session_dialog
    from desktop.views.therapy import session_dialog

    remembered = (
        chronology_dialogs._last_type,
        coaching_session_dialog._last_mode,
        session_dialog._last_location,
        referral_dialog._last_source,
    )
    for each in remembered:
        each.clear()
    yield
    for each in remembered:
        each.clear()


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


def signed_in_as(qtbot: QtBot, window_factory: WindowFactory, role: Role) -> MainWindow:
    """A main window on the demo vault, signed in as the demo account of the role."""
    window = window_factory()
    sign_in(qtbot, window, demo_username(role))
    assert window.workspace is not None and window.services is not None
    return window

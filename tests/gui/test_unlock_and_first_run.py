"""The unlock screen's messages, the forced passphrase change, and the first-run wizard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from desktop.models.accounts import Role
from desktop.services.sign_in_service import SignedIn
from desktop.vault.keyslots import KeySlotFile
from desktop.vault.layout import VaultLayout
from desktop.views.admin.account_dialogs import ChangeOwnPassphraseDialog
from desktop.views.unlock.first_run_wizard import FirstRunWizard
from desktop.views.unlock.recovery_dialog import RecoveryDialog
from tests.conftest import (
    COORDINATOR_USERNAME,
    PASSPHRASE,
    AddAccount,
    FakeClock,
    FastKdfPolicy,
    InMemoryKeyring,
)
from tests.gui.conftest import WindowFactory, sign_in


def test_wrong_passphrase_and_unknown_user_get_clear_messages(
    qtbot: QtBot, window_factory: WindowFactory, coordinator: tuple[SignedIn, str]
) -> None:
    window = window_factory()
    sign_in(qtbot, window, COORDINATOR_USERNAME, "not the passphrase at all")
    message = window.unlock_view.message
    assert window.services is None
    assert message.isVisibleTo(window)
    assert "passphrase is not correct" in message.text()
    assert window.unlock_view.passphrase.text() == ""  # never left in the field

    sign_in(qtbot, window, "nobody-here", PASSPHRASE)
    assert "no account with that user name" in message.text()


def test_empty_fields_are_refused_without_trying(
    qtbot: QtBot, window_factory: WindowFactory, coordinator: tuple[SignedIn, str]
) -> None:
    window = window_factory()
    qtbot.mouseClick(window.unlock_view.sign_in_button, Qt.MouseButton.LeftButton)
    assert window.unlock_view.message.text() == "Enter your user name."
    qtbot.keyClicks(window.unlock_view.username, COORDINATOR_USERNAME)
    qtbot.mouseClick(window.unlock_view.sign_in_button, Qt.MouseButton.LeftButton)
    assert window.unlock_view.message.text() == "Enter your passphrase."


def test_new_account_must_choose_its_own_passphrase_first(
    qtbot: QtBot, window_factory: WindowFactory, add_account: AddAccount
) -> None:
    add_account(Role.GANGS_WORKER, "newstarter")
    window = window_factory()
    new_passphrase = "my very own passphrase 2026"

    def fill_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ChangeOwnPassphraseDialog)
        qtbot.keyClicks(dialog.current.edit, PASSPHRASE)
        qtbot.keyClicks(dialog.passphrase.edit, new_passphrase)
        qtbot.keyClicks(dialog.confirmation.edit, new_passphrase)
        dialog.accept()

    QTimer.singleShot(300, fill_dialog)
    sign_in(qtbot, window, "newstarter")
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    assert window.services is not None
    assert not window.services.user.must_change_passphrase
    window.sign_out()
    sign_in(qtbot, window, "newstarter", new_passphrase)
    assert window.workspace is not None


def test_first_run_wizard_creates_the_vault_and_shows_the_recovery_key_once(
    qtbot: QtBot, tmp_path: Path, kdf: FastKdfPolicy, clock: FakeClock
) -> None:
    from desktop.services.vault_setup_service import initialise_vault

    layout = VaultLayout(tmp_path / "new-vault")
    wizard = FirstRunWizard(
        lambda user, name, passphrase: initialise_vault(layout, user, name, passphrase, kdf, clock)
    )
    qtbot.addWidget(wizard)
    wizard.show()
    created: list[SignedIn] = []
    wizard.vault_created.connect(created.append)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)

    page = wizard.coordinator_page
    qtbot.keyClicks(page.full_name, "Casey Coordinator")
    qtbot.keyClicks(page.username, "casey")
    qtbot.keyClicks(page.passphrase.edit, "short")
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert "at least 12 characters" in page.error.text()
    assert not layout.exists()

    page.passphrase.clear()
    # Any script is welcome. QTest cannot type beyond Latin-1, so this goes in as an input
    # method would deliver it.
    page.passphrase.edit.insert("جملة سرية طويلة جدا")
    page.confirmation.edit.insert("جملة سرية طويلة جدا")
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert layout.exists()

    recovery = wizard.recovery_page
    key = recovery.key_label.text()
    assert len(key.split("-")) == 8
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()  # not before they confirm they stored it
    recovery.write_key(tmp_path / "recovery.txt")
    assert key in (tmp_path / "recovery.txt").read_text("utf-8")
    recovery.stored.setChecked(True)
    assert finish.isEnabled()
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)

    assert len(created) == 1
    created[0].vault.lock()
    # The key is real: it opens the vault's recovery slot.
    KeySlotFile.load(layout.keyslots).unlock_with_recovery_key(key).wipe()
    assert key not in layout.keyslots.read_text("utf-8")


def test_recovery_key_sets_a_coordinators_new_passphrase(
    qtbot: QtBot, window_factory: WindowFactory, coordinator: tuple[SignedIn, str]
) -> None:
    _signed_in, recovery_key = coordinator
    window = window_factory()
    fresh = "remembered at last, a new one"

    def fill_dialog(key: str) -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RecoveryDialog)
        qtbot.keyClicks(dialog.recovery_key, key)
        dialog.username.clear()
        qtbot.keyClicks(dialog.username, COORDINATOR_USERNAME)
        qtbot.keyClicks(dialog.passphrase.edit, fresh)
        qtbot.keyClicks(dialog.confirmation.edit, fresh)
        dialog.accept()

    QTimer.singleShot(200, lambda: fill_dialog("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"))
    qtbot.mouseClick(window.unlock_view.recovery_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.unlock_view.message.isVisible(), timeout=5000)
    assert "recovery key is not correct" in window.unlock_view.message.text()

    QTimer.singleShot(200, lambda: fill_dialog(recovery_key.lower()))
    qtbot.mouseClick(window.unlock_view.recovery_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    window.sign_out()
    sign_in(qtbot, window, COORDINATOR_USERNAME, PASSPHRASE)
    assert window.workspace is None  # the old passphrase no longer opens it
    sign_in(qtbot, window, COORDINATOR_USERNAME, fresh)
    assert window.workspace is not None


def test_remember_me_on_this_computer_then_sign_in_without_the_passphrase(
    qtbot: QtBot,
    window_factory: WindowFactory,
    coordinator: tuple[SignedIn, str],
    keyring_backend: InMemoryKeyring,
) -> None:
    window = window_factory()
    sign_in(qtbot, window, COORDINATOR_USERNAME)
    assert window.remember_action.isVisible() and not window.remember_action.isChecked()
    window.remember_action.trigger()
    assert window.remember_action.isChecked()
    assert len(keyring_backend.passwords) == 1
    assert all(len(secret) < 2560 for secret in keyring_backend.passwords.values())
    window.sign_out()

    view = window.unlock_view
    qtbot.keyClicks(view.username, COORDINATOR_USERNAME)
    qtbot.mouseClick(view.device_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    assert window.services is not None
    assert window.services.user.username == COORDINATOR_USERNAME


def test_without_a_credential_store_the_option_is_hidden_with_a_reason(
    qtbot: QtBot,
    vault_layout: VaultLayout,
    kdf: FastKdfPolicy,
    clock: FakeClock,
    coordinator: tuple[SignedIn, str],
    tmp_path: Path,
) -> None:
    from keyring.backends import fail
    from PySide6.QtCore import QSettings

    from desktop.app import build_main_window
    from desktop.vault.device_keyring import DeviceKeyring

    window = build_main_window(
        vault_layout,
        kdf_policy=kdf,
        clock=clock,
        device=DeviceKeyring(fail.Keyring()),
        settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
    )
    qtbot.addWidget(window)
    window.show()
    assert not window.unlock_view.device_button.isVisibleTo(window)
    assert "no secure credential store" in window.unlock_view.device_note.text()
    sign_in(qtbot, window, COORDINATOR_USERNAME)
    assert window.services is not None
    assert not window.remember_action.isVisible()
    window.sign_out()

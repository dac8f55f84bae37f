"""The window refuses a vault open in another Casebook, politely, and opens it once closed."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.services.sign_in_service import SignedIn
from desktop.vault.layout import VaultLayout
from tests.conftest import COORDINATOR_USERNAME
from tests.gui.conftest import WindowFactory, sign_in
from tests.vault_holder import IN_USE, start_holder, stop_holder


def test_a_vault_open_elsewhere_is_refused_until_closed_there(
    qtbot: QtBot,
    window_factory: WindowFactory,
    coordinator: tuple[SignedIn, str],
    vault_layout: VaultLayout,
) -> None:
    coordinator[0].vault.lock()  # only the other process has the vault open
    holder = start_holder(vault_layout)
    try:
        window = window_factory()
        sign_in(qtbot, window, COORDINATOR_USERNAME)
        assert window.services is None
        assert window.unlock_view.message.text() == IN_USE
    finally:
        stop_holder(holder)
    sign_in(qtbot, window, COORDINATOR_USERNAME)
    assert window.services is not None
    # Locking the window lets go of the vault; the same window signs in again.
    window.lock()
    sign_in(qtbot, window, COORDINATOR_USERNAME)
    assert window.services is not None
    window.sign_out()

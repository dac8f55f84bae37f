"""The coordinator adds a kind of flag and retires it, through the Administration panel."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.services.bundle import Services
from desktop.services.sign_in_service import SignedIn
from desktop.views.admin.flag_types_panel import FlagTypeDialog, FlagTypesPanel, code_for
from tests.conftest import FakeClock, FastKdfPolicy


def test_add_and_retire_a_kind_of_flag(
    qtbot: QtBot, coordinator: tuple[SignedIn, str], kdf: FastKdfPolicy, clock: FakeClock
) -> None:
    signed_in, _ = coordinator
    services = Services.for_session(signed_in, kdf, clock)
    panel = FlagTypesPanel(services)
    qtbot.addWidget(panel)
    standard = panel.model.rowCount()

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FlagTypeDialog)
        qtbot.keyClicks(dialog.label, "Online grooming")
        qtbot.keyClicks(dialog.detail_prompt, "Which app?")
        dialog.accept()

    QTimer.singleShot(150, fill)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == standard + 1
    offered = {row.label for row in services.risk.flag_types()}
    assert "Online grooming" in offered

    panel.table.selectRow(standard)
    qtbot.mouseClick(panel.toggle_button, Qt.MouseButton.LeftButton)
    assert "Online grooming" not in {row.label for row in services.risk.flag_types()}
    assert panel.model.row_at(standard).active is False
    assert code_for("Online grooming / apps!") == "online_grooming_apps"

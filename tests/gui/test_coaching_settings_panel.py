"""The coordinator sets how often coaching plans are reviewed and extends the barrier list (adds a
kind, retires it, brings it back) through the Administration section's Coaching panel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.services.bundle import Services
from desktop.services.sign_in_service import SignedIn
from desktop.views.admin.administration_view import AdministrationView
from desktop.views.admin.coaching_settings_panel import BarrierTypeDialog, CoachingSettingsPanel
from tests.conftest import FakeClock, FastKdfPolicy
from tests.gui.case_tab_driver import answering, cell, click, show

LEFT = Qt.MouseButton.LeftButton


def ok(qtbot: QtBot, dialog: BarrierTypeDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    qtbot.mouseClick(button, LEFT)


def test_the_coordinator_sets_the_review_interval_and_the_barrier_list(
    qtbot: QtBot,
    qtmodeltester: object,
    coordinator: tuple[SignedIn, str],
    kdf: FastKdfPolicy,
    clock: FakeClock,
) -> None:
    signed_in, _ = coordinator
    services = Services.for_session(signed_in, kdf, clock)
    admin = show(qtbot, AdministrationView(services))
    panel = admin.coaching
    assert isinstance(panel, CoachingSettingsPanel)
    assert admin.tabs.tabText(admin.tabs.indexOf(panel)) == "&Coaching"
    admin.tabs.setCurrentWidget(panel)

    # The review interval: typed into the spin box, saved, read back from the vault.
    assert panel.review_weeks.value() == services.coaching.review_interval_weeks() == 6
    assert (panel.review_weeks.minimum(), panel.review_weeks.maximum()) == (1, 52)
    panel.review_weeks.selectAll()
    qtbot.keyClicks(panel.review_weeks, "8")
    click(qtbot, panel.save_button)
    assert services.coaching.review_interval_weeks() == 8
    assert panel.saved.isVisible() and "every 8 weeks" in panel.saved.text()

    # A new kind of barrier: a name already on the list is refused in the dialog.
    standard = panel.model.rowCount()
    taken = panel.model.row_at(0).label

    def add(dialog: BarrierTypeDialog) -> None:
        qtbot.keyClicks(dialog.label, taken.upper())
        ok(qtbot, dialog)
        assert dialog.isVisible() and "already exists" in dialog.error.text()
        dialog.label.clear()
        qtbot.keyClicks(dialog.label, "No driving licence")
        ok(qtbot, dialog)

    with answering(BarrierTypeDialog, add):
        click(qtbot, panel.add_button)
    assert panel.model.rowCount() == standard + 1
    assert cell(panel.model, standard, 0) == "No driving licence"
    assert "No driving licence" in {row.label for row in services.coaching.barrier_types()}

    # The new kind is chosen; retiring it takes it off what coaches are offered.
    assert panel.toggle_button.text() == "Re&tire"
    click(qtbot, panel.toggle_button)
    assert "No driving licence" not in {row.label for row in services.coaching.barrier_types()}
    assert cell(panel.model, standard, 1) == "Retired"
    assert panel.toggle_button.text() == "B&ring back"
    click(qtbot, panel.toggle_button)
    assert "No driving licence" in {row.label for row in services.coaching.barrier_types()}
    assert cell(panel.model, standard, 1) == "Yes"

    # With nothing chosen the button cannot act.
    panel.table.clearSelection()
    assert not panel.toggle_button.isEnabled()
    check = getattr(qtmodeltester, "check")  # noqa: B009 (pytest-qt's fixture is untyped)
    check(panel.model, force_py=True)

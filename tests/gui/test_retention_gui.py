"""The coordinator's retention review screen, driven as a person would: the month's due list,
keep with a reason, a legal hold that stops disposal, and disposal with the typed confirmation."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.services.disposal_service import DisposalService
from desktop.services.retention_holds import LegalHoldService
from desktop.services.retention_review_service import RetentionReviewService
from desktop.services.retention_schedule import RetentionScheduleService
from desktop.services.sign_in_service import SignedIn
from desktop.views.common.row_table_view import RowTable
from desktop.views.data_protection.disposal_confirm_dialog import DisposalConfirmDialog
from desktop.views.data_protection.legal_hold_dialog import LegalHoldDialog, LiftHoldDialog
from desktop.views.data_protection.retention_decision_dialog import RetentionDecisionDialog
from desktop.views.data_protection.retention_panel import RetentionPanel
from tests.conftest import FakeClock
from tests.gui.case_tab_driver import answering, show
from tests.retention_seed import case_reference, close_case, make_person

LEFT = Qt.MouseButton.LeftButton
NAMES = ("Adebayo", "Kowalski", "Nowak")


def _click_row(qtbot: QtBot, table: RowTable[Any], text: str) -> None:
    """Clicks the row whose Record cell shows the text."""
    model = table.model
    for row in range(model.rowCount()):
        if text in str(model.index(row, 2).data()):
            rect = table.view.visualRect(model.index(row, 2))
            qtbot.mouseClick(table.view.viewport(), LEFT, pos=rect.center())
            return
    raise AssertionError(f"no row shows {text}")


def _click_row_first(qtbot: QtBot, table: RowTable[Any]) -> None:
    rect = table.view.visualRect(table.model.index(0, 0))
    qtbot.mouseClick(table.view.viewport(), LEFT, pos=rect.center())


def _records(table: RowTable[Any]) -> list[str]:
    model = table.model
    return [str(model.index(row, 2).data()) for row in range(model.rowCount())]


def _ok(qtbot: QtBot, buttons: QDialogButtonBox) -> None:
    button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    qtbot.mouseClick(button, LEFT)


def test_review_keep_hold_and_dispose(
    qtbot: QtBot, coordinator: tuple[SignedIn, str], clock: FakeClock
) -> None:
    signed_in, _ = coordinator
    people = {}
    for name in NAMES:
        people[name] = make_person(signed_in, clock, "Sam", name)
        close_case(signed_in, clock, people[name])
    clock.set_now(datetime(2031, 3, 20, 10, tzinfo=UTC))
    sessions, user = signed_in.vault.sessions, signed_in.user
    panel = show(
        qtbot,
        RetentionPanel(
            RetentionScheduleService(sessions, user, clock),
            RetentionReviewService(sessions, user, clock),
            LegalHoldService(sessions, user, clock),
            DisposalService(sessions, user, clock),
        ),
    )
    due = panel.due
    assert due.month.date() == QDate(2031, 3, 1)  # this month, by default
    assert [text.split(" (")[0] for text in _records(due.table)] == [f"Sam {n}" for n in NAMES]
    due.month.setDate(QDate(2031, 2, 1))
    assert due.table.is_empty() and due.count.text() == "0 due"
    due.month.setDate(QDate(2031, 3, 1))
    assert not due.keep_button.isEnabled()  # nothing chosen yet

    # Keep: the reason is required, and the record leaves this month's list.
    def keep(dialog: RetentionDecisionDialog) -> None:
        _ok(qtbot, dialog.buttons)
        assert "Say why" in dialog.error.text() and dialog.isVisible()
        qtbot.keyClicks(dialog.reason, "Civil claim threatened by the family")
        _ok(qtbot, dialog.buttons)

    _click_row(qtbot, due.table, "Adebayo")
    with answering(RetentionDecisionDialog, keep):
        qtbot.mouseClick(due.keep_button, LEFT)
    assert not any("Adebayo" in text for text in _records(due.table))

    # A legal hold on Kowalski's record: marked in the list, and disposal refused.
    def hold(dialog: LegalHoldDialog) -> None:
        assert dialog.one.isChecked() and dialog.record.text() == str(people["Kowalski"])
        qtbot.keyClicks(dialog.reason, "Inquiry into the Market Street stabbing")
        qtbot.keyClicks(dialog.reference, "INQ-2031-14")
        _ok(qtbot, dialog.buttons)

    _click_row(qtbot, due.table, "Kowalski")
    with answering(LegalHoldDialog, hold):
        qtbot.mouseClick(due.hold_button, LEFT)
    assert due.count.text() == "2 due, 1 on hold"
    _click_row(qtbot, due.table, "Kowalski")
    qtbot.mouseClick(due.dispose_button, LEFT)
    assert due.message.isVisible() and "legal hold" in due.message.text()

    # Dispose of Nowak's record: decide, see what goes, type the case reference, wait.
    reference = case_reference(signed_in, people["Nowak"])

    def decide(dialog: RetentionDecisionDialog) -> None:
        _ok(qtbot, dialog.buttons)

    def confirm(dialog: DisposalConfirmDialog) -> None:
        assert "cannot be undone" in dialog.warning.text()
        assert "status changes (1)" in dialog.removes.text()
        qtbot.keyClicks(dialog.confirmation, "DISPOSE")
        assert not dialog.dispose_button.isEnabled()
        dialog.confirmation.clear()
        qtbot.keyClicks(dialog.confirmation, reference.lower())
        assert dialog.dispose_button.isEnabled()
        qtbot.mouseClick(dialog.dispose_button, LEFT)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
        assert dialog.progress.value() == 100 and dialog.result_ is not None

    _click_row(qtbot, due.table, "Nowak")
    with answering(RetentionDecisionDialog, decide), answering(DisposalConfirmDialog, confirm):
        qtbot.mouseClick(due.dispose_button, LEFT)
    assert "disposed of for good" in due.message.text()
    assert [text.split(" (")[0] for text in _records(due.table)] == ["Sam Kowalski"]

    panel.tabs.setCurrentWidget(panel.log)
    assert panel.log.table.model.rowCount() == 1
    assert panel.log.table.model.index(0, 2).data() == str(people["Nowak"])
    assert panel.log.table.model.index(0, 3).data() == "6 years after the case closed"

    # Lifting the hold, with a reason, clears the marker.
    panel.tabs.setCurrentWidget(panel.holds)
    _click_row_first(qtbot, panel.holds.table)

    def lift(dialog: LiftHoldDialog) -> None:
        qtbot.keyClicks(dialog.reason, "Inquiry reported")
        _ok(qtbot, dialog.buttons)

    with answering(LiftHoldDialog, lift):
        qtbot.mouseClick(panel.holds.lift_button, LEFT)
    assert panel.holds.table.is_empty()
    panel.tabs.setCurrentWidget(due)
    assert due.count.text() == "1 due"


def test_the_schedule_tab_saves_a_changed_rule(
    qtbot: QtBot, coordinator: tuple[SignedIn, str], clock: FakeClock
) -> None:
    signed_in, _ = coordinator
    sessions, user = signed_in.vault.sessions, signed_in.user
    schedule = RetentionScheduleService(sessions, user, clock)
    panel = show(
        qtbot,
        RetentionPanel(
            schedule,
            RetentionReviewService(sessions, user, clock),
            LegalHoldService(sessions, user, clock),
            DisposalService(sessions, user, clock),
        ),
    )
    panel.tabs.setCurrentWidget(panel.schedule)
    tab = panel.schedule
    years = next(iter(tab.years.values()))
    qtbot.keyClick(years, Qt.Key.Key_Up)  # 6 years -> 7
    qtbot.mouseClick(tab.save_button, LEFT)
    assert tab.message.text() == "Saved: 1 rule changed."
    assert schedule.rules()[0].rule.text == "7 years after the case closed"
    assert next(iter(tab.notes.values())).text().startswith("Set by Casey Coordinator")

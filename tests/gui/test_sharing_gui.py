"""The Sharing tab and the access report, driven as a person would: recording a consent through
the dialog, withdrawing it, the "may be shared" line following; the coordinator's access report."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.models.accounts import Role
from desktop.models.choices import LawfulBasis
from desktop.services.bundle import Services
from desktop.services.people_service import PersonDetails
from desktop.services.sign_in_service import SignedIn
from desktop.views.caseload.access_report_dialog import AccessReportDialog
from desktop.views.caseload.person_record_view import PersonRecordView
from desktop.views.caseload.tabs.sharing_dialog import SharingDialog, WithdrawSharingDialog
from desktop.views.caseload.tabs.sharing_tab import NOTHING_TODAY, SharingTab
from tests.conftest import COORDINATOR_NAME, AddAccount, FakeClock, FastKdfPolicy
from tests.gui.case_tab_driver import LEFT, answering, ok


def _record_view(
    qtbot: QtBot, signed_in: SignedIn, kdf: FastKdfPolicy, clock: FakeClock, person_id: int
) -> PersonRecordView:
    services = Services.for_session(signed_in, kdf, clock)
    view = PersonRecordView(services, services.people.open_record(person_id), [])
    qtbot.addWidget(view)
    view.resize(1000, 650)
    view.show()
    qtbot.waitExposed(view)
    # A person's window has the focus; shortcuts only reach an active window.
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=2000)
    return view


@pytest.fixture
def person_id(coordinator: tuple[SignedIn, str], clock: FakeClock) -> int:
    signed_in = coordinator[0]
    services_people = Services.for_session(signed_in, FastKdfPolicy(), clock).people
    return services_people.create(PersonDetails("Leon", "Marsh"))


def _sharing_tab(qtbot: QtBot, view: PersonRecordView) -> SharingTab:
    bar = view.tabs.tabBar()
    index = next(i for i in range(view.tabs.count()) if view.tabs.tabText(i) == "Sharing")
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
    tab = view.tabs.currentWidget()
    assert isinstance(tab, SharingTab)
    return tab


def test_a_consent_added_then_withdrawn_through_the_tab(
    qtbot: QtBot,
    coordinator: tuple[SignedIn, str],
    kdf: FastKdfPolicy,
    clock: FakeClock,
    person_id: int,
) -> None:
    view = _record_view(qtbot, coordinator[0], kdf, clock, person_id)
    tab = _sharing_tab(qtbot, view)
    assert tab.shared.text() == NOTHING_TODAY
    assert tab.table.is_empty() and not tab.withdraw_button.isEnabled()

    def fill(dialog: SharingDialog) -> None:
        ok(qtbot, dialog)  # nobody named: refused, and the dialog stays open
        assert dialog.isVisible()
        assert "Say who gave the consent." in dialog.error.text()
        assert not dialog.basis.isEnabled()  # a consent's basis is consent
        qtbot.keyClicks(dialog.given_by, "Leon and his mother")
        line = dialog.agency.lineEdit()
        assert line is not None
        qtbot.keyClicks(line, "Riverside Academy")
        qtbot.keyClicks(dialog.scope, "Attendance and the safety plan")
        ok(qtbot, dialog)

    with answering(SharingDialog, fill):
        qtbot.mouseClick(tab.add_button, LEFT)
    assert tab.shared.text() == "May be shared with: Riverside Academy (consent)"
    assert tab.table.model.rowCount() == 1
    [row] = tab.table.model.rows()
    assert (row.given_by, row.lawful_basis, row.current) == (
        "Leon and his mother",
        LawfulBasis.CONSENT,
        True,
    )
    assert "Attendance and the safety plan" in tab.detail.text.text()

    def withdraw(dialog: WithdrawSharingDialog) -> None:
        ok(qtbot, dialog)
        assert dialog.error.text() == "Give the reason."
        qtbot.keyClicks(dialog.reason, "Mother phoned to withdraw it")
        ok(qtbot, dialog)

    with answering(WithdrawSharingDialog, withdraw):
        qtbot.mouseClick(tab.withdraw_button, LEFT)
    assert tab.shared.text() == NOTHING_TODAY
    model = tab.table.model
    assert model.data(model.index(0, 6)) == "Withdrawn 14/03/2025"
    assert not tab.withdraw_button.isEnabled()


def test_a_decision_takes_another_basis_and_needs_its_reason(
    qtbot: QtBot,
    coordinator: tuple[SignedIn, str],
    kdf: FastKdfPolicy,
    clock: FakeClock,
    person_id: int,
) -> None:
    view = _record_view(qtbot, coordinator[0], kdf, clock, person_id)
    tab = _sharing_tab(qtbot, view)

    def fill(dialog: SharingDialog) -> None:
        qtbot.mouseClick(dialog.decision_button, LEFT)
        assert dialog.basis.isEnabled() and dialog.basis.currentText() == "Public task"
        assert dialog.given_by_label.text() == "Decided &by"
        qtbot.keyClicks(dialog.given_by, "Team manager")
        ok(qtbot, dialog)
        assert "Say what may be shared and why" in dialog.error.text()
        qtbot.keyClicks(dialog.scope, "Whereabouts, to the police, while he is missing")
        ok(qtbot, dialog)

    with answering(SharingDialog, fill):
        keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        qtbot.keyClick(tab.table.view, Qt.Key.Key_N, keys)  # the Add… button's shortcut
        qtbot.waitUntil(lambda: not tab.table.is_empty(), timeout=5000)
    assert tab.shared.text() == "May be shared with: Any agency in the plan (public task)"


def test_the_coordinator_opens_the_access_report_from_the_record(
    qtbot: QtBot,
    coordinator: tuple[SignedIn, str],
    kdf: FastKdfPolicy,
    clock: FakeClock,
    add_account: AddAccount,
    person_id: int,
) -> None:
    signed_in = coordinator[0]
    worker = add_account(Role.GANGS_WORKER)
    worker_view = _record_view(qtbot, SignedIn(signed_in.vault, worker), kdf, clock, person_id)
    assert not hasattr(worker_view, "access_button")
    clock.advance(2 * 86400)  # the coordinator opens it two days later
    view = _record_view(qtbot, signed_in, kdf, clock, person_id)
    qtbot.mouseClick(view.access_button, LEFT)
    dialog = view.findChild(AccessReportDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    model = dialog.table.model
    rows = [[model.data(model.index(r, c)) for c in range(4)] for r in range(model.rowCount())]
    assert [row[1:] for row in rows] == [
        ["Test Gangs worker", "Gangs worker", "Opened the record"],
        [COORDINATOR_NAME, "Coordinator", "Opened the record"],
    ]
    assert dialog.count.text() == "2 events"
    # Since a day: ticked, then typed as a person would, day first.
    qtbot.mouseClick(dialog.limit, LEFT, pos=QPoint(8, dialog.limit.height() // 2))
    assert dialog.since.isEnabled() and dialog.count.text() == "2 events"  # the last year
    dialog.since.setFocus()
    qtbot.keyClick(dialog.since, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.since, "15/03/2025")
    assert dialog.count.text() == "1 event"
    assert model.data(model.index(0, 1)) == COORDINATOR_NAME
    qtbot.mouseClick(dialog.limit, LEFT, pos=QPoint(8, dialog.limit.height() // 2))
    assert dialog.count.text() == "2 events"
    dialog.close()

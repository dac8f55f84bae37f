"""The record's address history and references, driven through their dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.services.bundle import Services
from desktop.services.people_service import CaseloadFilter, PersonDetails
from desktop.services.sign_in_service import SignedIn
from desktop.views.caseload.tabs.addresses_tab import AddressDialog, AddressesTab, ReferenceDialog
from tests.conftest import FakeClock, FastKdfPolicy


def _fill_later(qtbot: QtBot, fill: object) -> None:
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        assert callable(fill)
        fill(dialog)

    QTimer.singleShot(150, run)


def test_addresses_and_references_through_their_dialogs(
    qtbot: QtBot, coordinator: tuple[SignedIn, str], kdf: FastKdfPolicy, clock: FakeClock
) -> None:
    signed_in, _ = coordinator
    services = Services.for_session(signed_in, kdf, clock)
    person_id = services.people.create(PersonDetails("Dana", "Reid"))
    tab = AddressesTab(services, services.people.open_record(person_id))
    qtbot.addWidget(tab)

    def address(dialog: object) -> None:
        assert isinstance(dialog, AddressDialog)
        qtbot.keyClicks(dialog.address, "14 Canal Walk")
        qtbot.keyClicks(dialog.postcode, "w25th")
        dialog.accept()

    _fill_later(qtbot, address)
    # Removing with nothing chosen does nothing.
    qtbot.mouseClick(tab.remove_reference_button, Qt.MouseButton.LeftButton)
    tab.add_address()
    assert tab.address_model.rowCount() == 1
    assert tab.address_model.row_at(0).postcode == "W2 5TH"

    def reference(dialog: object) -> None:
        assert isinstance(dialog, ReferenceDialog)
        dialog.kind.setCurrentText("Police reference")
        qtbot.keyClicks(dialog.value, "PN/778")
        dialog.accept()

    _fill_later(qtbot, reference)
    tab.add_reference()
    assert [(r.kind, r.value) for r in services.people.addresses_and_references(person_id)[1]] == [
        ("Police reference", "PN/778")
    ]
    # A reference is searchable from the caseload.
    assert services.people.count(CaseloadFilter(search="pn/778")) == 1
    tab.reference_table.selectRow(0)
    qtbot.mouseClick(tab.remove_reference_button, Qt.MouseButton.LeftButton)
    assert tab.reference_model.rowCount() == 0

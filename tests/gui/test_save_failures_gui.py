"""A save that fails for lack of disk keeps the form open with what was typed, and says why."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.services.sign_in_service import SignedIn
from desktop.views.caseload.caseload_view import CaseloadView
from desktop.views.caseload.person_record_view import PersonRecordView
from desktop.views.common.save_failure_notice import save_failure_hook
from tests.conftest import COORDINATOR_USERNAME
from tests.disk_faults import COULD_NOT_SAVE, no_room_to_write
from tests.gui.conftest import WindowFactory, sign_in


# The failed save leaves the slot by Qt's route for exceptions (sys.excepthook), which is
# the route under test; pytest-qt's capture would otherwise take it over.
@pytest.mark.qt_no_exception_capture
def test_a_full_disk_keeps_the_typed_person_and_explains(
    qtbot: QtBot,
    window_factory: WindowFactory,
    coordinator: tuple[SignedIn, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    others: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", save_failure_hook(lambda _k, e, _t: others.append(e)))
    window = window_factory()
    sign_in(qtbot, window, COORDINATOR_USERNAME)
    caseload = window.workspace.caseload if window.workspace else None
    assert isinstance(caseload, CaseloadView)
    qtbot.mouseClick(caseload.new_button, Qt.MouseButton.LeftButton)
    form = caseload.form
    assert form is not None
    qtbot.keyClicks(form.given_name, "Synthetic")
    qtbot.keyClicks(form.family_name, "Person")
    shown: list[str] = []

    def close_the_notice() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(200, close_the_notice)
    with no_room_to_write():
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert others == []
    assert len(shown) == 1 and shown[0].startswith(COULD_NOT_SAVE)
    # Still the form, still what was typed; with room again the same click saves it.
    assert caseload.form is form and caseload.open_page is form
    assert (form.given_name.text(), form.family_name.text()) == ("Synthetic", "Person")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert isinstance(caseload.open_page, PersonRecordView)


def test_other_errors_go_on_to_the_crash_handler() -> None:
    seen: list[BaseException] = []
    hook = save_failure_hook(lambda _kind, error, _trace: seen.append(error))
    error = ValueError("not a storage fault")
    hook(ValueError, error, None)
    assert seen == [error]

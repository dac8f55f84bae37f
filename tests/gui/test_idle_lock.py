"""The vault locks itself when idle (and on Ctrl+L), leaves nothing on screen, and unlocking
returns the user to their place with their unsaved text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)
from pytestqt.qtbot import QtBot

from desktop.services.audit_service import AuditFilter, AuditService
from desktop.services.permissions import Section
from desktop.services.settings_service import SettingsService
from desktop.services.sign_in_service import SignedIn
from desktop.views.admin.account_dialogs import AddAccountDialog
from desktop.views.admin.administration_view import AdministrationView
from desktop.views.caseload.person_record_view import PersonRecordView
from tests.conftest import COORDINATOR_USERNAME, FakeClock
from tests.gui.conftest import WindowFactory, sign_in

CANARY = "Zq7-canary-unsaved-text"


def widget_texts() -> list[str]:
    """Every piece of text any live widget holds, including table cells."""
    texts: list[str] = []
    for widget in QApplication.allWidgets():
        if isinstance(widget, QLineEdit | QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            root = QModelIndex()
            # List models (combo boxes, navigation) have one column and hide columnCount().
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)
            for row in range(model.rowCount(root)):
                for column in range(columns):
                    texts.append(str(model.data(model.index(row, column))))
    return texts


def test_idle_lock_hides_everything_and_unlock_restores_place_and_text(
    qtbot: QtBot,
    window_factory: WindowFactory,
    coordinator: tuple[SignedIn, str],
    clock: FakeClock,
) -> None:
    signed_in, _ = coordinator
    SettingsService(signed_in.vault.sessions, signed_in.user, clock).set_idle_lock_minutes(1)
    window = window_factory()
    sign_in(qtbot, window, COORDINATOR_USERNAME)
    assert window.workspace is not None and window.workspace.caseload is not None
    first_session = window.services
    assert first_session is not None

    caseload = window.workspace.caseload
    qtbot.mouseClick(caseload.new_button, Qt.MouseButton.LeftButton)
    form = caseload.form
    assert form is not None
    qtbot.keyClicks(form.given_name, "Dana")
    qtbot.keyClicks(form.summary, CANARY)
    assert any(CANARY in text for text in widget_texts())

    clock.advance(61)  # past the one-minute idle time; the monitor's one-second tick notices
    qtbot.waitUntil(lambda: window.services is None, timeout=3000)

    assert window.stack.currentWidget() is window.unlock_view
    assert window.workspace is None
    assert not any(CANARY in text for text in widget_texts())
    assert not any("Dana" in text for text in widget_texts())
    assert first_session.signed_in.vault.locked
    assert first_session.signed_in.vault.data_key.wiped
    # The unlock screen offers the same user, with an empty passphrase.
    assert window.unlock_view.username.text() == COORDINATOR_USERNAME
    assert window.unlock_view.passphrase.text() == ""

    sign_in(qtbot, window, COORDINATOR_USERNAME)
    assert window.workspace is not None
    assert window.workspace.current_section() is Section.CASELOAD
    restored = window.workspace.caseload.form if window.workspace.caseload else None
    assert restored is not None
    assert restored.summary.toPlainText() == CANARY
    assert restored.given_name.text() == "Dana"
    assert restored.notice.isVisibleTo(window)

    audit = AuditService(signed_in.vault.sessions, signed_in.user)
    assert audit.count(AuditFilter(action="lock")) == 1

    # Not wanted after all: discarding empties the form and forgets the draft.
    qtbot.mouseClick(restored.discard_button, Qt.MouseButton.LeftButton)
    assert restored.summary.toPlainText() == ""
    assert not restored.notice.isVisibleTo(window)
    assert window.services is not None
    assert window.services.drafts.load(restored.form_key) is None


def test_ctrl_l_locks_and_clears_casebook_text_from_the_clipboard(
    qtbot: QtBot, window_factory: WindowFactory, coordinator: tuple[SignedIn, str]
) -> None:
    window = window_factory()
    sign_in(qtbot, window, COORDINATOR_USERNAME)
    assert window.workspace is not None and window.workspace.caseload is not None
    caseload = window.workspace.caseload
    qtbot.mouseClick(caseload.new_button, Qt.MouseButton.LeftButton)
    form = caseload.form
    assert form is not None
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None, timeout=2000)
    qtbot.keyClicks(form.known_as, "Ghost-copied")
    form.known_as.selectAll()
    qtbot.keyClick(form.known_as, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "Ghost-copied"

    qtbot.keyClick(form.known_as, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert window.services is None
    assert window.stack.currentWidget() is window.unlock_view
    assert QGuiApplication.clipboard().text() == ""


def test_clipboard_text_from_elsewhere_survives_the_lock(
    qtbot: QtBot, window_factory: WindowFactory, coordinator: tuple[SignedIn, str]
) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("copied in another program")  # before Casebook was even open
    window = window_factory()
    sign_in(qtbot, window, COORDINATOR_USERNAME)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.services is None
    assert clipboard.text() == "copied in another program"


def test_idle_lock_closes_an_open_dialog_first(
    qtbot: QtBot,
    window_factory: WindowFactory,
    coordinator: tuple[SignedIn, str],
    clock: FakeClock,
) -> None:
    window = window_factory()
    sign_in(qtbot, window, COORDINATOR_USERNAME)
    assert window.workspace is not None
    window.workspace.show_section(Section.ADMINISTRATION)
    admin = window.workspace.views[Section.ADMINISTRATION]
    assert isinstance(admin, AdministrationView)

    def go_idle() -> None:
        assert isinstance(QApplication.activeModalWidget(), AddAccountDialog)
        clock.advance(5 * 60 + 1)

    QTimer.singleShot(200, go_idle)
    qtbot.mouseClick(admin.accounts.add_button, Qt.MouseButton.LeftButton)  # a modal dialog
    qtbot.waitUntil(lambda: window.services is None, timeout=4000)
    assert QApplication.activeModalWidget() is None
    assert window.stack.currentWidget() is window.unlock_view


def test_nothing_typed_in_the_window_reaches_any_file_in_clear(
    qtbot: QtBot,
    window_factory: WindowFactory,
    coordinator: tuple[SignedIn, str],
    tmp_path: Path,
) -> None:
    """Typed, saved, drafted, locked and closed: every file under tmp_path (vault, WAL,
    key slots, attempts, the window's QSettings file) is free of the text."""
    window = window_factory()
    sign_in(qtbot, window, COORDINATOR_USERNAME)
    assert window.workspace is not None and window.workspace.caseload is not None
    caseload = window.workspace.caseload
    qtbot.mouseClick(caseload.new_button, Qt.MouseButton.LeftButton)
    form = caseload.form
    assert form is not None
    qtbot.keyClicks(form.given_name, "Saved" + CANARY)
    qtbot.keyClicks(form.family_name, "Person")
    qtbot.keyClicks(form.summary, "Note " + CANARY)
    qtbot.keyClick(form.summary, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert caseload.model.total == 1
    # Saving a new person opens their record; Esc goes back to the list.
    assert isinstance(caseload.open_page, PersonRecordView)
    qtbot.keyClick(caseload.open_page.details_form.summary, Qt.Key.Key_Escape)
    assert caseload.open_page is None
    qtbot.mouseClick(caseload.new_button, Qt.MouseButton.LeftButton)
    assert caseload.form is not None
    qtbot.keyClicks(caseload.form.summary, "Draft " + CANARY)
    window.lock()
    sign_in(qtbot, window, COORDINATOR_USERNAME)
    window.close()
    assert (tmp_path / "settings" / "casebook.ini").exists()  # the window saved its geometry

    leaks = [
        path
        for path in tmp_path.rglob("*")
        if path.is_file() and CANARY.encode() in path.read_bytes()
    ]
    assert leaks == []

"""The subject access screens, driven like a coordinator would: a request typed in, its review
walked item by item (a name redacted everywhere, another here only, one redaction undone, an
item withheld), the pack and disclosure log exported and read back, the request marked sent."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QListWidget,
    QMessageBox,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.app import create_application
from desktop.exports.password_protect import is_encrypted
from desktop.models.choices import ContactKind, EntryType, SarDecision, SarStatus
from desktop.services.chronology_records import EntryInput
from desktop.services.chronology_service import ChronologyService
from desktop.services.network_service import ContactInput, NetworkService
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.sar_document_service import SarDocumentService
from desktop.services.sar_review_service import WITHHOLD_REASONS, SarReviewService
from desktop.services.sign_in_service import SignedIn
from desktop.services.subject_access_service import SarRequestInput, SubjectAccessService
from desktop.views.data_protection.sar_export_dialog import SarExportDialog
from desktop.views.data_protection.sar_items_table_model import ItemRow, SarItemsTableModel
from desktop.views.data_protection.sar_request_dialog import SarRequestDialog
from desktop.views.data_protection.sar_review_window import SarReviewWindow
from desktop.views.data_protection.subject_access_panel import SubjectAccessPanel
from desktop.views.data_protection.subject_access_table_model import (
    AMBER_TINT,
    RED_TINT,
    WARNING_COLUMN,
)
from tests.conftest import FakeClock
from tests.gui.case_tab_driver import answering

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
YES = QMessageBox.StandardButton.Yes
HOME_VISIT = "Zara was with Marcus Reid and her mum Grace Bello at the flat."
YOUTH_CLUB = "Marcus Reid came in later; Zara left with him."
WITHHELD = "Police intelligence about an associate, shared in confidence."


@pytest.fixture
def panel(qtbot: QtBot, coordinator: tuple[SignedIn, str], clock: FakeClock) -> SubjectAccessPanel:
    create_application([])
    signed_in = coordinator[0]
    sessions, user = signed_in.vault.sessions, signed_in.user
    people = PeopleService(sessions, user, clock)
    zara = people.create(PersonDetails("Zara", "Bello", date_of_birth=date(2009, 6, 1)))
    people.create(PersonDetails("Marcus", "Reid", date_of_birth=date(2008, 2, 2)))
    NetworkService(sessions, user, clock).add_contact(
        zara, ContactInput(ContactKind.FAMILY, "Grace Bello", "mother")
    )
    chronology = ChronologyService(sessions, user, clock)
    now = clock.now()
    for days, summary, detail in (
        (30, "Home visit", HOME_VISIT),
        (20, "Youth club", YOUTH_CLUB),
        (10, "Police briefing", WITHHELD),
    ):
        entry = EntryInput(now - timedelta(days=days), EntryType.VISIT, summary, detail)
        chronology.add_entry(zara, entry)
    widget = SubjectAccessPanel(
        SubjectAccessService(sessions, user, clock),
        SarReviewService(sessions, user, clock),
        SarDocumentService(sessions, user, clock),
        clock,
    )
    qtbot.addWidget(widget)
    widget.resize(1000, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def press(qtbot: QtBot, focus: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    """A key pressed in the active window, with the focus where a person would have it."""
    focus.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is focus.window(), timeout=2000)
    focus.setFocus()
    qtbot.keyClick(focus, key, modifier)


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, LEFT)


def click_entry(qtbot: QtBot, listing: QListWidget, starts: str) -> None:
    for number in range(listing.count()):
        entry = listing.item(number)
        if entry.text().startswith(starts):
            rect = listing.visualItemRect(entry)
            qtbot.mouseClick(listing.viewport(), LEFT, pos=rect.center())
            return
    raise AssertionError(
        f"no {starts!r} in {[listing.item(n).text() for n in range(listing.count())]}"
    )


def go_to(qtbot: QtBot, window: SarReviewWindow, title: str) -> None:
    """Clicks the item's row in the list on the left."""
    view = window.table.view
    for number, row in enumerate(window.table.model.rows()):
        if row.item.title == title:
            view.scrollTo(window.table.model.index(number, 0))
            rect = view.visualRect(window.table.model.index(number, 1))
            qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())
            assert window.heading.text() == title
            return
    raise AssertionError(f"no item {title!r}")


def new_request(qtbot: QtBot, panel: SubjectAccessPanel) -> None:
    def fill(dialog: SarRequestDialog) -> None:
        assert dialog.picker is not None
        assert dialog.due.text().startswith("14/04/2025")  # received today, 14/03/2025
        # OK with nothing chosen: told what to do.
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
        assert "choose them from the list" in dialog.error.text()
        qtbot.keyClicks(dialog.picker.search, "zara bel")
        click_entry(qtbot, dialog.picker.results, "Zara Bello")
        qtbot.keyClicks(dialog.requested_by, "Her mother")
        dialog.received_on.setFocus()
        qtbot.keyClick(dialog.received_on, Qt.Key.Key_Down)  # the day: 13/03/2025
        assert dialog.due.text().startswith("13/04/2025")
        qtbot.mouseClick(dialog.identity_checked, LEFT)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        click(qtbot, ok)
        assert "evidence of identity" in dialog.error.text()  # the typing is kept
        assert dialog.requested_by.text() == "Her mother"
        qtbot.keyClicks(dialog.evidence, "Passport seen")
        click(qtbot, ok)

    with answering(SarRequestDialog, fill):
        panel.show_closed.setFocus()
        press(qtbot, panel.show_closed, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: not panel.table.is_empty())


def test_a_request_is_recorded_reviewed_exported_and_sent(
    qtbot: QtBot, panel: SubjectAccessPanel, tmp_path: Path
) -> None:
    new_request(qtbot, panel)
    [row] = panel.table.model.rows()
    assert (row.subject_name, row.requested_by, row.due_on) == (
        "Zara Bello",
        "Her mother",
        date(2025, 4, 13),
    )
    assert panel.summary.text() == "1 open · 0 due within 7 days"

    # Enter on the chosen request opens the review, and puts the request in review.
    panel.table.select_index(0)
    press(qtbot, panel.table.view, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    window = panel.review_window
    assert window is not None
    qtbot.waitExposed(window)
    assert panel.table.model.rows()[0].status is SarStatus.IN_REVIEW
    total = window.table.model.rowCount()
    assert total >= 5
    assert window.progress_text.text() == f"0 of {total} reviewed"
    assert not window.export_button.isEnabled()

    # Alt+Right and Ctrl+] go on an item, Alt+Left back.
    window.table.select_index(0)
    press(qtbot, window.table.view, Qt.Key.Key_Right, ALT)
    assert window.where.text().startswith(f"Item 2 of {total}")
    press(qtbot, window.table.view, Qt.Key.Key_BracketRight, CTRL)
    assert window.where.text().startswith(f"Item 3 of {total}")
    press(qtbot, window.table.view, Qt.Key.Key_Left, ALT)
    assert window.where.text().startswith(f"Item 2 of {total}")

    # The home visit: both other people's names are suggested and highlighted.
    go_to(qtbot, window, "Home visit")
    box = window.redaction
    suggested = [box.suggestions.item(n).text() for n in range(box.suggestions.count())]
    assert any(s.startswith("Marcus Reid") and "young person" in s for s in suggested)
    assert any(s.startswith("Grace Bello") and "family member" in s for s in suggested)
    assert "#fff0a0" in window.text.toHtml().lower()
    click_entry(qtbot, box.suggestions, "Marcus Reid")
    assert box.words.text() == "Marcus Reid"
    click(qtbot, box.everywhere_button)
    assert box.redacted.count() == 1 and "everywhere" in box.redacted.item(0).text()
    click_entry(qtbot, box.suggestions, "Grace Bello")
    click(qtbot, box.here_button)
    assert box.redacted.count() == 2
    assert box.suggestions.count() == 0
    assert window.table.stack.currentWidget() is window.table.view  # the list stays in view
    assert window.text.toPlainText().count("Marcus Reid") == 1  # still readable when selected
    assert "#000000" in window.text.toHtml()

    # A mistaken redaction typed in, then taken back with Ctrl+Z.
    box.words.clear()
    qtbot.keyClicks(box.words, "her mum")
    click(qtbot, box.here_button)
    assert box.redacted.count() == 3
    press(qtbot, window.table.view, Qt.Key.Key_Z, CTRL)
    assert box.redacted.count() == 2
    assert not box.undo_button.isEnabled() or box.redacted.count() == 2

    # With redactions the decision offered is "disclose with redactions", with their reason.
    assert window.decision.redacted.isChecked()
    assert window.decision.reason.currentText()
    press(qtbot, window.table.view, Qt.Key.Key_Return, CTRL)
    assert window.progress_text.text() == f"1 of {total} reviewed"

    # The youth club visit already has Marcus Reid blacked out by the pack-wide redaction.
    go_to(qtbot, window, "Youth club")
    assert window.redaction.suggestions.count() == 0
    assert window.decision.redacted.isChecked()

    # The police briefing is withheld, with a standard reason.
    go_to(qtbot, window, "Police briefing")
    qtbot.mouseClick(window.decision.withhold, LEFT)
    assert window.decision.reason.currentText() == WITHHOLD_REASONS[0]
    window.decision.reason.setCurrentIndex(3)
    click(qtbot, window.decision.save_button)
    withheld = next(r for r in window.table.model.rows() if r.item.title == "Police briefing")
    assert withheld.review is not None and withheld.review.reason == WITHHOLD_REASONS[3]

    # Every other item: Next undecided, then save the decision shown.
    for _ in range(total):
        if window.progress_text.text() == f"{total} of {total} reviewed":
            break
        click(qtbot, window.decision.save_button)
    assert window.progress_text.text() == f"{total} of {total} reviewed"
    marks = {
        r.item.title: window.table.model.data(window.table.model.index(n, 0))
        for n, r in enumerate(window.table.model.rows())
    }
    assert marks["Police briefing"] == "✕ Withheld"
    assert marks["Home visit"] == "✓ Redacted"

    # Export: a folder chosen, both files written off the GUI thread, then marked sent.
    out = tmp_path / "export"
    out.mkdir()
    window.choose_folder = lambda _parent, _start: out

    def export(dialog: SarExportDialog) -> None:
        click(qtbot, dialog.choose_button)
        assert dialog.folder.text() == str(out)
        click(qtbot, dialog.export_button)
        qtbot.waitUntil(
            lambda: dialog.written is not None or dialog.message.objectName() == "error",
            timeout=20000,
        )
        assert dialog.written is not None, dialog.message.text()
        click(qtbot, dialog.sent_button)
        assert dialog.message.text() == "The request is marked sent."
        dialog.accept()

    with answering(SarExportDialog, export):
        click(qtbot, window.export_button)
    request_id = row.id
    pack = out / f"SAR-{request_id:05d}-pack.docx"
    log = out / f"SAR-{request_id:05d}-disclosure-log.docx"
    assert sorted(p.name for p in out.iterdir()) == sorted([pack.name, log.name])
    text = document_text(pack)
    assert "Marcus Reid" not in text
    assert "Zara was with [REDACTED] and her mum [REDACTED] at the flat." in text
    assert "[REDACTED] came in later" in text
    assert WITHHELD not in text
    assert "Grace Bello" in text  # redacted in the home visit only, not from her own details
    log_text = document_text(log)
    assert WITHHOLD_REASONS[3] in log_text
    # The log is the unit's own record of what was taken out, and why.
    assert "“Marcus Reid” ×1: Another person's information (third party) (whole pack)" in log_text

    assert not window.decision.isEnabled()  # sent: the review can be read, not changed
    window.close()
    assert panel.table.is_empty()  # sent: gone from the open list
    qtbot.mouseClick(panel.show_closed, LEFT)
    [closed] = panel.table.model.rows()
    assert closed.status is SarStatus.SENT
    assert not panel.review_button.isEnabled()


def document_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for table_row in table.rows:
            parts.extend(cell.text for cell in table_row.cells)
    return "\n".join(parts)


def focused(widget: QWidget) -> bool:
    return widget.hasFocus()


def seeded_request(panel: SubjectAccessPanel, received: date, checked: bool = False) -> int:
    """A request typed in through the service, as an earlier session would have left it."""
    requests = panel._requests
    [zara] = [s for s in requests.find_subjects("Zara") if s.kind == "young_person"]
    identity = received if checked else None
    data = SarRequestInput(
        zara.id, None, "", received, identity, "ID" if checked else "", False, ""
    )
    request_id = requests.create(data)
    panel.reload()
    panel.table.select_where(lambda row: row.id == request_id)
    return request_id


def reply(button: QMessageBox.StandardButton) -> Callable[[QMessageBox], None]:
    return lambda box: box.button(button).click()


@contextmanager
def message_boxes(*replies: Callable[[QMessageBox], None]) -> Iterator[list[str]]:
    """Answers the message boxes the block opens, one reply each in turn; yields their texts.
    Gives up after two seconds without a box, so a missing one fails instead of hanging."""
    texts: list[str] = []
    pending = list(replies)
    tries = [0]

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            texts.append(box.text())
            pending.pop(0)(box)
            tries[0] = 0
        tries[0] += 1
        if pending and tries[0] < 100:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    yield texts
    assert not pending, f"{len(pending)} message box(es) never opened"


def test_the_list_warns_of_deadlines_and_refuses_to_send_without_identity(
    qtbot: QtBot, panel: SubjectAccessPanel, clock: FakeClock
) -> None:
    overdue = seeded_request(panel, date(2025, 2, 10))  # due 10/03: 4 days overdue
    seeded_request(panel, date(2025, 2, 18), checked=True)  # due 18/03: in 4 days
    assert panel.summary.text() == "2 open · 1 due within 7 days · 1 overdue"
    model = panel.table.model
    rows = model.rows()
    assert [row.warning for row in rows] == [
        "Overdue by 4 days · Identity not checked",
        "Due in 4 days",
    ]
    warning = model.index(0, WARNING_COLUMN)
    assert model.data(warning) == "Overdue by 4 days · Identity not checked"
    background = Qt.ItemDataRole.BackgroundRole
    assert model.data(warning, background).name() == RED_TINT
    assert model.data(model.index(1, WARNING_COLUMN), background).name() == AMBER_TINT
    assert model.data(model.index(0, 0), background) is None

    # Mark sent… asks first; then the service's refusal is shown, and nothing changes.
    panel.table.select_where(lambda row: row.id == overdue)
    with message_boxes(reply(YES), reply(QMessageBox.StandardButton.Ok)) as texts:
        click(qtbot, panel.sent_button)
    assert "has been sent" in texts[0]
    assert "Check the requester's identity" in texts[1]
    chosen = panel.table.selected()
    assert chosen is not None and chosen.status is SarStatus.RECEIVED

    # Withdraw… asks; No leaves it, Yes takes it off the open list.
    with message_boxes(reply(QMessageBox.StandardButton.No)):
        click(qtbot, panel.withdraw_button)
    assert len(panel.table.model.rows()) == 2
    with message_boxes(reply(YES)):
        click(qtbot, panel.withdraw_button)
    assert [row.warning for row in panel.table.model.rows()] == ["Due in 4 days"]
    qtbot.mouseClick(panel.show_closed, LEFT)
    assert [row.status for row in panel.table.model.rows()] == [
        SarStatus.RECEIVED,
        SarStatus.WITHDRAWN,
    ]


def test_editing_keeps_the_subject_and_refuses_a_later_deadline_in_the_dialog(
    qtbot: QtBot, panel: SubjectAccessPanel
) -> None:
    request_id = seeded_request(panel, date(2025, 3, 10))

    def later(dialog: SarRequestDialog) -> None:
        assert dialog.picker is None  # the subject is shown, not searched for
        dialog.received_on.setFocus()
        qtbot.keyClick(dialog.received_on, Qt.Key.Key_Up)  # 11/03/2025
        assert dialog.due.text().startswith("11/04/2025")
        qtbot.keyClicks(dialog.notes, "Phoned in")
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        click(qtbot, ok)
        assert "cannot be moved later than 10/04/2025" in dialog.error.text()
        assert dialog.notes.toPlainText() == "Phoned in"  # nothing typed is lost
        qtbot.keyClick(dialog.received_on, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.received_on, Qt.Key.Key_Down)  # 09/03/2025
        click(qtbot, ok)

    with answering(SarRequestDialog, later):
        click(qtbot, panel.edit_button)
    details = panel._requests.details(request_id)
    assert (details.row.received_on, details.row.due_on) == (date(2025, 3, 9), date(2025, 4, 9))
    assert details.data.notes == "Phoned in"


def test_the_item_models_pass_the_model_tester(
    qtmodeltester: ModelTester, panel: SubjectAccessPanel
) -> None:
    seeded_request(panel, date(2025, 3, 1))
    qtmodeltester.check(panel.table.model)
    model = SarItemsTableModel()
    request_id = panel.table.model.rows()[0].id
    items = panel._review.items(request_id)
    model.set_rows([ItemRow(n, item, None) for n, item in enumerate(items, 1)])
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0)) == "○ To review"


def test_the_export_refuses_until_every_item_is_reviewed_and_can_protect_both_files(
    qtbot: QtBot, panel: SubjectAccessPanel, tmp_path: Path
) -> None:
    request_id = seeded_request(panel, date(2025, 3, 1), checked=True)
    dialog = SarExportDialog(panel._requests, panel._documents, request_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.folder.setText(str(tmp_path))
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=10000)
    assert "not reviewed yet" in dialog.message.text()
    assert list(tmp_path.glob("*.docx")) == []

    for item in panel._review.items(request_id):
        panel._review.decide(request_id, item.key, SarDecision.DISCLOSE, "")
    protect = dialog.password_box.protect  # a wide row: click on its box, not past its words
    qtbot.mouseClick(protect, LEFT, pos=QPoint(8, protect.height() // 2))
    assert protect.isChecked()
    qtbot.keyClicks(dialog.password_box.password, "open sesame")
    click(qtbot, dialog.export_button)
    assert dialog.message.text() == "The two passwords do not match."
    qtbot.keyClicks(dialog.password_box.confirmation, "open sesame")
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20000)
    assert dialog.written is not None
    assert all(is_encrypted(path.read_bytes()) for path in dialog.written)
    assert sorted(path.name for path in tmp_path.glob("*.docx")) == [
        f"SAR-{request_id:05d}-disclosure-log.docx",
        f"SAR-{request_id:05d}-pack.docx",
    ]

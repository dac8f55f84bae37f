"""Forgiving forms, driven with keys and clicks: problems shown under their field once it has
been left (or after a first OK) and said to screen readers, a refusal that keeps the typing,
a question before unsaved work is closed, Ctrl+Enter to save, and Ctrl+Z in every editor."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.models.choices import ReferralDecision, ReferralSource
from desktop.resources_path import resource
from desktop.services.bundle import Services
from desktop.services.people_service import PersonDetails
from desktop.services.personal_words_service import PersonalWordsService
from desktop.services.referral_service import ReferralRow
from desktop.services.sign_in_service import SignedIn
from desktop.services.spell_checker import DICTIONARY_FOLDER, BritishSpellChecker
from desktop.services.therapy_note_service import TherapyNoteService
from desktop.services.therapy_records import Member, MemberRow
from desktop.views.caseload.chronology_dialogs import EntryDialog
from desktop.views.caseload.tabs.referral_dialog import DecideReferralDialog, RecordReferralDialog
from desktop.views.coaching.coaching_session_dialog import CoachingSessionDialog
from desktop.views.common import announce
from desktop.views.common.form_dialog import CHECK_DELAY_MS, FormDialog
from desktop.views.common.spell_text_edit import SpellTextEdit
from desktop.views.therapy.addendum_dialog import AddendumDialog
from desktop.views.therapy.session_dialog import SessionDialog
from tests.conftest import FakeClock, FastKdfPolicy

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton
REASON_MISSING = "Enter the reason for the referral."
NOW = datetime(2025, 3, 12, 15, 40).astimezone()


@pytest.fixture
def heard() -> Iterator[list[tuple[QWidget, str]]]:
    """What was announced to screen readers, as assistive technology would be told it."""
    said: list[tuple[QWidget, str]] = []

    def listen(event: QAccessibleEvent) -> None:
        urgent = QAccessible.AnnouncementPoliteness.Assertive
        if isinstance(event, QAccessibleAnnouncementEvent) and event.politeness() is urgent:
            widget = event.object()
            assert isinstance(widget, QWidget)
            said.append((widget, event.message()))

    stop = announce.listen(listen)
    yield said
    stop()


def opened(qtbot: QtBot, dialog: QDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # A window manager activates a new dialog; the offscreen platform needs telling.
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)


def settle(qtbot: QtBot) -> None:
    """Long enough for the check that runs as the person types."""
    qtbot.wait(CHECK_DELAY_MS + 100)


def shown_message(dialog: FormDialog, field: QWidget) -> str:
    message = dialog.field_message(field)
    return message.text() if message is not None and message.isVisible() else ""


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name)


def row_of(form: QFormLayout, widget: QWidget) -> int:
    row, _role = form.getWidgetPosition(widget)
    return row


def tick(qtbot: QtBot, box: QAbstractButton) -> None:
    """Clicks the box itself (a wide check box only answers on its box and words)."""
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))


def ok_button(dialog: FormDialog) -> QWidget:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


# ---- validation as you type ----------------------------------------------------------------
def test_a_field_says_what_is_wrong_only_once_it_has_been_left(
    qtbot: QtBot, heard: list[tuple[QWidget, str]]
) -> None:
    dialog = RecordReferralDialog(date(2025, 3, 12))
    opened(qtbot, dialog)
    assert dialog.focusWidget() is dialog.reason
    qtbot.keyClicks(dialog.reason, "x")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Backspace)
    settle(qtbot)
    assert shown_message(dialog, dialog.reason) == ""  # still typing there: not red yet
    assert heard == []

    qtbot.keyClick(dialog.reason, Qt.Key.Key_Tab)  # leaves the reason for the concerns
    qtbot.waitUntil(lambda: shown_message(dialog, dialog.reason) != "")
    message = dialog.field_message(dialog.reason)
    assert message is not None
    assert message.text() == f"⚠ {REASON_MISSING}"
    # Directly under the reason, in the field column; other fields untouched stay quiet.
    assert row_of(dialog.form, message) == row_of(dialog.form, dialog.reason) + 1
    assert dialog.form.itemAt(row_of(dialog.form, message), QFormLayout.ItemRole.LabelRole) is None
    assert dialog.field_message(dialog.consent_given_by) is None
    assert dialog.error.isHidden()  # the error line waits for OK
    # Said, not only coloured: its name reads as an error and it was announced.
    assert accessible_name(message) == f"Error: {REASON_MISSING}"
    assert heard == [(message, f"Error: {REASON_MISSING}")]
    assert dialog.reason.accessibleDescription().startswith(f"Error: {REASON_MISSING}")

    qtbot.keyClick(dialog.concerns, Qt.Key.Key_Backtab)
    qtbot.keyClicks(dialog.reason, "Seen with older boys at the station")
    settle(qtbot)
    assert shown_message(dialog, dialog.reason) == ""  # fixed: gone as it is typed
    assert not dialog.reason.accessibleDescription().startswith("Error:")


def test_the_first_ok_shows_every_problem_under_its_field_and_keeps_the_typing(
    qtbot: QtBot, heard: list[tuple[QWidget, str]]
) -> None:
    dialog = RecordReferralDialog(date(2025, 3, 12))
    opened(qtbot, dialog)
    qtbot.keyClicks(dialog.referrer, "PC Okafor, Met Police")
    tick(qtbot, dialog.consent_to_engage)
    qtbot.mouseClick(ok_button(dialog), LEFT)

    assert dialog.isVisible() and dialog.result() == 0
    who_gave = "Say who gave consent."
    assert dialog.error.text() == f"{REASON_MISSING}\n{who_gave}"  # the summary, as before
    assert accessible_name(dialog.error) == f"Error: {REASON_MISSING} {who_gave}"
    assert shown_message(dialog, dialog.reason) == f"⚠ {REASON_MISSING}"
    assert shown_message(dialog, dialog.consent_given_by) == f"⚠ {who_gave}"
    assert dialog.focusWidget() is dialog.reason  # taken to the first thing to fix
    assert dialog.referrer.text() == "PC Okafor, Met Police"
    assert dialog.consent_to_engage.isChecked()
    announced = [text for _widget, text in heard]
    assert f"Error: {REASON_MISSING} {who_gave}" in announced
    assert f"Error: {who_gave}" in announced

    qtbot.keyClicks(dialog.reason, "Carrying for an older group")
    settle(qtbot)
    assert shown_message(dialog, dialog.reason) == ""
    assert dialog.error.text() == who_gave  # the summary follows the fixes
    assert accessible_name(dialog.error) == f"Error: {who_gave}"
    qtbot.keyClicks(dialog.consent_given_by, "Mother")
    settle(qtbot)
    assert dialog.error.isHidden() and shown_message(dialog, dialog.consent_given_by) == ""
    qtbot.mouseClick(ok_button(dialog), LEFT)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value().reason == "Carrying for an older group"


def test_a_refusal_from_the_service_is_shown_with_the_typing_kept(
    qtbot: QtBot, coordinator: tuple[SignedIn, str], kdf: FastKdfPolicy, clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    services = Services.for_session(signed_in, kdf, clock)
    person_id = services.people.create(PersonDetails("Amani", "Osei"))
    # Opened on a later day than the service's clock says (a dialog left open past
    # midnight, say): the form allows that day, the service refuses it as in the future.
    today = clock.now().date()
    dialog = RecordReferralDialog(today + timedelta(days=2))
    dialog.save = lambda: services.referrals.add_referral(person_id, dialog.value())
    opened(qtbot, dialog)
    qtbot.keyClicks(dialog.reason, "Seen at the station late at night")
    qtbot.keyClicks(dialog.referrer, "School DSL")
    qtbot.keyClick(dialog.referrer, Qt.Key.Key_Return, CTRL)

    assert dialog.isVisible()
    refusal = "The referral date is in the future."
    assert dialog.error.text() == refusal and not dialog.error.isHidden()
    assert accessible_name(dialog.error) == f"Error: {refusal}"
    assert dialog.reason.toPlainText() == "Seen at the station late at night"
    assert dialog.referrer.text() == "School DSL"
    qtbot.keyClicks(dialog.referrer, ", Harrow High")
    settle(qtbot)
    assert dialog.error.text() == refusal  # a refusal stays until the next OK

    dialog.received_on.setFocus()
    dialog.received_on.setCurrentSection(QDateTimeEdit.Section.DaySection)
    for _day in range(2):
        qtbot.keyClick(dialog.received_on, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.referrer, Qt.Key.Key_Return, CTRL)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = services.referrals.referrals(person_id)
    assert [(row.referrer, row.received_on) for row in saved] == [
        ("School DSL, Harrow High", today)
    ]


def test_the_coaching_and_therapy_dialogs_tie_their_problems_to_fields(qtbot: QtBot) -> None:
    coaching = CoachingSessionDialog(NOW)
    opened(qtbot, coaching)
    qtbot.mouseClick(ok_button(coaching), LEFT)
    assert shown_message(coaching, coaching.what_was_done) == "⚠ Say what was done in the session."
    tick(qtbot, coaching.missed)  # did not attend: nothing to say, so no message
    settle(qtbot)
    assert shown_message(coaching, coaching.what_was_done) == ""
    assert coaching.error.isHidden()

    mother = MemberRow(Member("contact", 7), "Grace Osei", "Mother")
    therapy = SessionDialog([mother], NOW)
    opened(qtbot, therapy)
    qtbot.mouseClick(ok_button(therapy), LEFT)  # attended, and nobody ticked as coming
    came = "⚠ Tick at least one family member who came."
    assert shown_message(therapy, therapy.attendance_box) == came
    assert shown_message(therapy, therapy.outcome) == ""
    tick(qtbot, therapy.attendance[mother.member])
    settle(qtbot)
    assert shown_message(therapy, therapy.attendance_box) == ""
    assert therapy.error.isHidden()


def test_the_referral_decision_says_its_problems_under_the_choice_and_the_reason(
    qtbot: QtBot,
) -> None:
    received = date(2025, 3, 3)
    referral = ReferralRow(
        1, received, ReferralSource.SCHOOL, "DSL", "Carrying", "", False, False, "", None,
        ReferralDecision.PENDING, "", None, None, "", NOW, "coordinator",
    )  # fmt: skip
    dialog = DecideReferralDialog(referral, [(1, "Sam Worker")], date(2025, 3, 12))
    opened(qtbot, dialog)
    qtbot.mouseClick(ok_button(dialog), LEFT)
    accepted = dialog.decision_buttons[ReferralDecision.ACCEPTED]
    assert shown_message(dialog, accepted) == "⚠ Choose accepted, signposted or declined."
    declined = dialog.decision_buttons[ReferralDecision.DECLINED]
    tick(qtbot, declined)
    settle(qtbot)
    assert shown_message(dialog, accepted) == ""
    assert shown_message(dialog, dialog.reason) == "⚠ Give the reason the referral was declined."
    assert dialog.error.text() == "Give the reason the referral was declined."


# ---- closing unsaved work ------------------------------------------------------------------
def prompt_of(qtbot: QtBot, dialog: FormDialog) -> QMessageBox:
    qtbot.waitUntil(lambda: dialog.discard_prompt is not None and dialog.discard_prompt.isVisible())
    prompt = dialog.discard_prompt
    assert prompt is not None
    return prompt


def button_named(prompt: QMessageBox, name: str) -> QWidget:
    return next(b for b in prompt.buttons() if b.text().replace("&", "") == name)


def test_closing_an_untouched_form_asks_nothing(qtbot: QtBot) -> None:
    dialog = CoachingSessionDialog(NOW)
    opened(qtbot, dialog)
    qtbot.keyClick(dialog.held_at, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.discard_prompt is None  # never asked
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_escape_on_changes_asks_and_keep_editing_is_the_default(qtbot: QtBot) -> None:
    dialog = CoachingSessionDialog(NOW)
    opened(qtbot, dialog)
    qtbot.keyClicks(dialog.what_was_done, "CV written together")
    qtbot.keyClick(dialog.what_was_done, Qt.Key.Key_Escape)
    prompt = prompt_of(qtbot, dialog)
    assert prompt.text() == "Discard your changes?"
    assert prompt.defaultButton() is button_named(prompt, "Keep editing")
    assert dialog.isVisible()
    qtbot.keyClick(prompt, Qt.Key.Key_Escape)  # Escape in the question: keep editing
    qtbot.waitUntil(lambda: not prompt.isVisible())
    assert dialog.isVisible() and dialog.what_was_done.toPlainText() == "CV written together"

    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, LEFT)
    prompt = prompt_of(qtbot, dialog)
    qtbot.mouseClick(button_named(prompt, "Discard"), LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_the_window_close_button_asks_too_but_code_closing_the_dialog_does_not(
    qtbot: QtBot,
) -> None:
    dialog = RecordReferralDialog(date(2025, 3, 12))
    opened(qtbot, dialog)
    tick(qtbot, dialog.consent_to_share)
    handle = dialog.windowHandle()
    assert handle is not None
    handle.close()  # what the title bar's close button does
    prompt = prompt_of(qtbot, dialog)
    assert dialog.isVisible()
    qtbot.keyClick(prompt, Qt.Key.Key_Return)  # Return takes the default: keep editing
    qtbot.waitUntil(lambda: not prompt.isVisible())
    assert dialog.isVisible() and dialog.consent_to_share.isChecked()
    # Locking the vault rejects the open dialog from code: it closes at once, no question.
    dialog.reject()
    assert not dialog.isVisible() and not prompt.isVisible()


def test_locking_closes_the_question_and_the_form_without_waiting(qtbot: QtBot) -> None:
    dialog = CoachingSessionDialog(NOW)
    dialog.setModal(True)  # as exec() opens it
    opened(qtbot, dialog)
    qtbot.keyClicks(dialog.what_was_done, "Mock interview")
    qtbot.keyClick(dialog.what_was_done, Qt.Key.Key_Escape)
    prompt = prompt_of(qtbot, dialog)
    # What MainWindow.lock does: reject the active modal dialog until none is left.
    closed = []
    while isinstance(modal := QApplication.activeModalWidget(), QDialog) and len(closed) < 5:
        closed.append(type(modal).__name__)
        modal.reject()
    assert closed == ["QMessageBox", "CoachingSessionDialog"]
    assert not prompt.isVisible() and not dialog.isVisible()


def test_changes_undone_by_hand_need_no_question(qtbot: QtBot) -> None:
    dialog = RecordReferralDialog(date(2025, 3, 12))
    opened(qtbot, dialog)
    tick(qtbot, dialog.consent_to_share)
    tick(qtbot, dialog.consent_to_share)
    qtbot.keyClick(dialog.consent_to_share, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.discard_prompt is None


def test_a_dialog_that_keeps_a_draft_closes_without_asking(
    qtbot: QtBot, coordinator: tuple[SignedIn, str], kdf: FastKdfPolicy, clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    services = Services.for_session(signed_in, kdf, clock)
    person_id = services.people.create(PersonDetails("Amani", "Osei"))
    dialog = EntryDialog(services, person_id)
    opened(qtbot, dialog)
    qtbot.keyClicks(dialog.summary, "Seen near the estate")
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.discard_prompt is None
    assert services.drafts.load(dialog.form_key)["summary"] == "Seen near the estate"


# ---- Ctrl+Enter ----------------------------------------------------------------------------
def test_ctrl_enter_saves_from_any_field_and_the_ok_button_says_so(qtbot: QtBot) -> None:
    dialog = CoachingSessionDialog(NOW)
    opened(qtbot, dialog)
    assert ok_button(dialog).toolTip() == "Save (Ctrl+Enter)"
    qtbot.keyClick(dialog.next_steps, Qt.Key.Key_Enter, CTRL | Qt.KeyboardModifier.KeypadModifier)
    assert dialog.isVisible()  # nothing said about what was done: the problem is shown
    assert shown_message(dialog, dialog.what_was_done) == "⚠ Say what was done in the session."
    qtbot.keyClicks(dialog.what_was_done, "Practised interview answers")
    qtbot.keyClick(dialog.what_was_done, Qt.Key.Key_Return, CTRL)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.details().what_was_done == "Practised interview answers"


def test_the_chronology_entry_saves_with_ctrl_enter_one_shortcut_per_key(
    qtbot: QtBot, coordinator: tuple[SignedIn, str], kdf: FastKdfPolicy, clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    services = Services.for_session(signed_in, kdf, clock)
    person_id = services.people.create(PersonDetails("Amani", "Osei"))
    dialog = EntryDialog(services, person_id)
    opened(qtbot, dialog)
    qtbot.keyClicks(dialog.summary, "Phone call with mum")
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Return, CTRL)  # two on one key would do nothing
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.saved_id is not None


# ---- undo ----------------------------------------------------------------------------------
def test_ctrl_z_undoes_typing_in_a_line_even_after_problems_were_shown(qtbot: QtBot) -> None:
    dialog = RecordReferralDialog(date(2025, 3, 12))
    opened(qtbot, dialog)
    qtbot.keyClicks(dialog.referrer, "Youth Offending Team")
    qtbot.mouseClick(ok_button(dialog), LEFT)  # fails: messages shown, rows added to the form
    qtbot.keyClicks(dialog.reason, "Knife found in bag")
    settle(qtbot)  # checked again as typed: the message goes, the field keeps its history
    assert shown_message(dialog, dialog.reason) == ""
    dialog.referrer.setFocus()
    qtbot.keyClick(dialog.referrer, Qt.Key.Key_Z, CTRL)
    assert dialog.referrer.text() == ""
    qtbot.keyClick(dialog.referrer, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert dialog.referrer.text() == "Youth Offending Team"  # and redone
    dialog.reason.setFocus()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Z, CTRL)
    assert dialog.reason.toPlainText() == ""


def test_ctrl_z_undoes_the_last_change_in_a_spell_checked_note(
    qtbot: QtBot, coordinator: tuple[SignedIn, str], clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    checker = BritishSpellChecker(resource(DICTIONARY_FOLDER))
    words = PersonalWordsService(signed_in.vault.sessions, signed_in.user, clock)
    notes = TherapyNoteService(signed_in.vault.sessions, signed_in.user, clock)
    editors: list[SpellTextEdit] = []

    def make_editor() -> SpellTextEdit:
        editors.append(SpellTextEdit(checker, words))
        return editors[-1]

    dialog = AddendumDialog(notes, 1, make_editor=make_editor)
    opened(qtbot, dialog)
    note = editors[0]
    note.setFocus()
    qtbot.keyClicks(note, "Famly agreed a plan")  # misspelt: underlined as typed
    settle(qtbot)
    qtbot.keyClick(note, Qt.Key.Key_Return)
    qtbot.keyClicks(note, "Next sesion in two weeks")
    settle(qtbot)
    assert note.document().isUndoAvailable()
    while note.toPlainText() != "Famly agreed a plan" and note.document().isUndoAvailable():
        qtbot.keyClick(note, Qt.Key.Key_Z, CTRL)
    assert note.toPlainText() == "Famly agreed a plan"
    assert not dialog.isHidden()


def test_plain_string_problems_still_show_in_the_error_line_only(
    qtbot: QtBot, coordinator: tuple[SignedIn, str], clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    notes = TherapyNoteService(signed_in.vault.sessions, signed_in.user, clock)
    dialog = AddendumDialog(notes, 1)
    opened(qtbot, dialog)
    qtbot.mouseClick(ok_button(dialog), LEFT)
    assert dialog.error.text() == "Write the addendum before saving it."
    assert accessible_name(dialog.error) == "Error: Write the addendum before saving it."
    assert dialog.field_message(dialog.text) is None
    assert dialog.form.rowCount() == 2  # no message rows added to a form that ties none

"""The session-note editor, driven like a therapist would: typing saves the draft into the vault
on its own, the risk check is required, a concern is passed to the young people's cases, a
signed note opens read-only and takes addenda, and changing format loses nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.app import create_application
from desktop.models.chronology import ChronologyEntry
from desktop.models.tasks import Task
from desktop.services.bundle import Services
from desktop.services.safeguarding_escalation import ENTRY_SUMMARY, TASK_TITLE
from desktop.services.sign_in_service import SignedIn
from desktop.services.therapy_records import SessionRow
from desktop.views.therapy.addendum_dialog import AddendumDialog
from desktop.views.therapy.note_editor import NoteEditor
from desktop.views.therapy.note_page import NotePage
from tests.conftest import FakeClock, FastKdfPolicy
from tests.gui.case_tab_driver import LEFT, answering
from tests.therapy_family import CANARY, Family, record_session


@pytest.fixture
def therapist_services(family: Family, kdf: FastKdfPolicy, clock: FakeClock) -> Services:
    create_application([])
    return Services.for_session(SignedIn(family.signed_in.vault, family.therapist), kdf, clock)


@pytest.fixture
def session_row(family: Family, therapist_services: Services) -> SessionRow:
    session_id = record_session(family)
    return next(
        r for r in therapist_services.therapy.sessions(family.case_id) if r.id == session_id
    )


@pytest.fixture
def page(qtbot: QtBot, therapist_services: Services, session_row: SessionRow) -> Iterator[NotePage]:
    widget = NotePage(therapist_services, session_row)
    qtbot.addWidget(widget)
    widget.resize(900, 760)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def _editor(page: NotePage) -> NoteEditor:
    assert page.editor is not None
    return page.editor


def _answer(button: QMessageBox.StandardButton) -> object:
    return answering(QMessageBox, lambda box: box.button(button).click())


def _type(qtbot: QtBot, editor: QPlainTextEdit, text: str) -> None:
    editor.setFocus()
    qtbot.keyClicks(editor, text)


def test_typing_saves_the_draft_on_its_own(qtbot: QtBot, page: NotePage, family: Family) -> None:
    editor = _editor(page)
    assert editor.status.text() == "Not saved yet"
    _type(qtbot, editor.sections.editors["presenting"], "Arguments about curfew")
    qtbot.waitUntil(lambda: editor.status.text().startswith("Draft saved at"), timeout=5000)
    assert editor.note_id is not None
    draft = family.notes().note(editor.note_id)
    assert draft.sections == {"presenting": "Arguments about curfew"}
    assert not draft.signed

    _type(qtbot, editor.process_notes, CANARY)
    qtbot.waitUntil(lambda: family.notes().note(editor.note_id).has_process_notes, timeout=5000)


def test_signing_needs_the_risk_check_then_locks_the_note(
    qtbot: QtBot, page: NotePage, family: Family
) -> None:
    editor = _editor(page)
    _type(qtbot, editor.sections.editors["presenting"], "School refusal")
    _type(qtbot, editor.summary, "Family engaged well.")
    qtbot.mouseClick(editor.sign_button, LEFT)
    assert "Answer the risk and safeguarding check" in editor.status.text()
    assert page.reader is None

    qtbot.mouseClick(editor.sections.risk.no_concern, LEFT)
    _type(qtbot, editor.sections.editors["risk_check"], "Asked about safety at home; none.")
    with _answer(QMessageBox.StandardButton.Yes):
        qtbot.mouseClick(editor.sign_button, LEFT)
    qtbot.waitUntil(lambda: page.reader is not None, timeout=3000)
    assert page.editor is None
    reader = page.reader
    assert reader is not None
    note = family.notes().note(reader.note_id)
    assert note.signed and note.risk_concern is False
    assert "School refusal" in reader.text.toPlainText()
    assert "Signed by" in reader.signature.text()
    # Nothing on the signed page can be typed into.
    assert reader.text.isReadOnly()
    assert not [w for w in reader.findChildren(QPlainTextEdit) if not w.isReadOnly()]

    with answering(
        AddendumDialog, lambda d: (d.text.setPlainText("Mother rang later."), d.accept())
    ):
        qtbot.mouseClick(reader.add_addendum, LEFT)
    qtbot.waitUntil(lambda: "Mother rang later." in reader.text.toPlainText(), timeout=3000)
    assert [a.text for a in family.notes().note(reader.note_id).addenda] == ["Mother rang later."]


def test_a_concern_is_confirmed_then_passed_to_every_young_persons_case(
    qtbot: QtBot, page: NotePage, family: Family
) -> None:
    editor = _editor(page)
    _type(qtbot, editor.sections.editors["presenting"], "Disclosure")
    # Declining the confirmation records nothing and leaves the check unanswered.
    with _answer(QMessageBox.StandardButton.No):
        qtbot.mouseClick(editor.sections.risk.concern, LEFT)
    assert editor.sections.risk.answer() is None
    assert _escalated(family) == []

    with _answer(QMessageBox.StandardButton.Yes):
        qtbot.mouseClick(editor.sections.risk.concern, LEFT)
    qtbot.waitUntil(editor.escalation_notice.isVisible, timeout=3000)
    assert "Tariq Hassan" in editor.escalation_notice.text()
    assert "Leila Hassan" in editor.escalation_notice.text()
    assert sorted(_escalated(family)) == sorted([family.son, family.daughter])


def test_changing_format_keeps_every_word(qtbot: QtBot, page: NotePage, family: Family) -> None:
    editor = _editor(page)
    _type(qtbot, editor.sections.editors["hypotheses"], "Father absent")
    _type(qtbot, editor.sections.editors["plan"], "Invite father")
    editor.format_choice.setFocus()
    qtbot.keyClicks(editor.format_choice, "D")  # a person picks DAP by typing its first letter
    assert editor.format_choice.currentText().startswith("DAP")
    assert editor.sections.editors["plan"].toPlainText() == "Invite father"
    assert "Hypotheses:\nFather absent" in editor.body.toPlainText()
    qtbot.waitUntil(lambda: editor.note_id is not None, timeout=5000)
    qtbot.waitUntil(lambda: not editor.autosave.pending, timeout=5000)
    saved = family.notes().note(editor.note_id or 0)
    assert saved.note_format.value == "dap" and "Father absent" in saved.body


def _escalated(family: Family) -> list[int]:
    with family.signed_in.vault.sessions.begin() as session:
        entries = (
            session.execute(
                select(ChronologyEntry.young_person_id).where(
                    ChronologyEntry.summary == ENTRY_SUMMARY
                )
            )
            .scalars()
            .all()
        )
        tasks = (
            session.execute(select(Task.young_person_id).where(Task.title == TASK_TITLE))
            .scalars()
            .all()
        )
        assert sorted(entries) == sorted(tasks)
        return list(entries)

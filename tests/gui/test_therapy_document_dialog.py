"""The therapy document dialog, driven like a therapist would: extras bring a warning and a
question, the letter's addressee is checked in place, and Save as writes the Word file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.app import create_application
from desktop.services.current_user import CurrentUser
from desktop.services.therapy_document_service import TherapyDocumentService
from desktop.views.therapy.therapy_document_dialog import (
    BEYOND_SHAREABLE,
    REFERRER_LETTER,
    TherapyDocumentDialog,
)
from tests.therapy_family import BODY_CANARY, CANARY, Family, make_note, record_session

LEFT = Qt.MouseButton.LeftButton


class Person:
    """Stands in for the native Save As dialog and the Yes/No question."""

    def __init__(self, target: Path, answer: bool = True) -> None:
        self.target = target
        self.answer = answer
        self.asked: list[str] = []
        self.offered_names: list[str] = []

    def choose_path(self, _parent: QWidget, default_name: str) -> Path | None:
        self.offered_names.append(default_name)
        return self.target

    def confirm(self, _parent: QWidget, question: str) -> bool:
        self.asked.append(question)
        return self.answer


def document_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


@pytest.fixture
def signed_note(family: Family) -> Family:
    notes = family.notes()
    notes.sign_note(notes.start_note(record_session(family), make_note()))
    return family


def open_dialog(
    qtbot: QtBot, family: Family, person: Person, user: CurrentUser | None = None
) -> TherapyDocumentDialog:
    create_application([])
    documents = TherapyDocumentService(
        family.signed_in.vault.sessions, user or family.therapist, family.clock
    )
    dialog = TherapyDocumentDialog(
        documents, family.case_id, choose_path=person.choose_path, confirm=person.confirm
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.fixture
def person(tmp_path: Path) -> Person:
    return Person(tmp_path / "Therapy closing summary.docx")


@pytest.fixture
def dialog(qtbot: QtBot, signed_note: Family, person: Person) -> Iterator[TherapyDocumentDialog]:
    yield open_dialog(qtbot, signed_note, person)


def test_extras_bring_a_warning(qtbot: QtBot, dialog: TherapyDocumentDialog) -> None:
    assert dialog.warning.isHidden()
    qtbot.mouseClick(dialog.clinical, LEFT)
    assert dialog.clinical.isChecked() and dialog.warning.isVisible()
    assert dialog.warning.text() == BEYOND_SHAREABLE
    qtbot.mouseClick(dialog.clinical, LEFT)
    assert dialog.warning.isHidden()
    qtbot.keyClicks(dialog.additional, "A word from me")
    assert dialog.warning.isVisible()


def test_save_writes_the_shareable_document(
    qtbot: QtBot, dialog: TherapyDocumentDialog, person: Person
) -> None:
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.saved_to is not None, timeout=10000)
    assert person.offered_names == ["Therapy closing summary.docx"]  # no personal data
    assert person.asked == []  # nothing beyond the shareable summary: no question
    assert dialog.saved_to == person.target and person.target.is_file()
    assert dialog.message.text() == "Saved as Therapy closing summary.docx."
    text = document_text(person.target)
    assert "Family engaged well" in text and BODY_CANARY not in text and CANARY not in text


def test_extras_are_confirmed_before_saving(
    qtbot: QtBot, dialog: TherapyDocumentDialog, person: Person
) -> None:
    qtbot.mouseClick(dialog.clinical, LEFT)
    person.answer = False
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert len(person.asked) == 1 and BEYOND_SHAREABLE in person.asked[0]
    assert person.offered_names == [] and not person.target.exists()
    person.answer = True
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.saved_to is not None, timeout=10000)
    text = document_text(person.target)
    assert BODY_CANARY in text and CANARY not in text


def test_the_letter_asks_for_its_addressee_in_place(
    qtbot: QtBot, dialog: TherapyDocumentDialog, person: Person
) -> None:
    assert dialog.letter.isHidden()
    dialog.kind.setCurrentText(REFERRER_LETTER)
    assert dialog.letter.isVisible()
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.message.isVisible() and "name of the person" in dialog.message.text()
    assert "address" in dialog.message.text() and person.offered_names == []
    qtbot.keyClicks(dialog.name, "Jo Bright")
    qtbot.keyClicks(dialog.address, "Civic Centre")
    person.target = person.target.with_name("Letter to referrer.docx")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.saved_to is not None, timeout=10000)
    assert person.offered_names == ["Letter to referrer.docx"]
    text = document_text(person.target)
    assert "Dear Jo Bright," in text


def test_a_failed_save_is_shown_in_place(
    qtbot: QtBot, dialog: TherapyDocumentDialog, person: Person
) -> None:
    person.target = person.target.parent / "missing folder" / "summary.docx"
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: "does not exist" in dialog.message.text(), timeout=10000)
    assert dialog.saved_to is None and dialog.save_button.isEnabled()
    assert not person.target.parent.exists()


def test_the_coordinator_cannot_choose_clinical_detail(
    qtbot: QtBot, signed_note: Family, person: Person
) -> None:
    dialog = open_dialog(qtbot, signed_note, person, signed_note.signed_in.user)
    assert not dialog.clinical.isEnabled()
    qtbot.mouseClick(dialog.clinical, LEFT)
    assert not dialog.clinical.isChecked() and dialog.warning.isHidden()

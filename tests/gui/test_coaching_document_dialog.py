"""The coaching document dialog, driven like a coach would: choose the document, Save as with a
default name that holds no personal data, and the Word file written off the GUI thread."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.app import create_application
from desktop.services.current_user import CurrentUser
from desktop.services.sign_in_service import SignedIn
from desktop.views.coaching.coaching_document_dialog import (
    DESCRIPTIONS,
    PLAN_SUMMARY,
    CoachingDocumentDialog,
)
from tests.coaching_document_data import (
    GOAL_CARD,
    STEP_MINE,
    CoachingPlanData,
    make_coaching_plan,
)
from tests.conftest import AddAccount, FakeClock

LEFT = Qt.MouseButton.LeftButton


class Person:
    """Stands in for the native Save As dialog."""

    def __init__(self, target: Path | None) -> None:
        self.target = target
        self.offered_names: list[str] = []

    def choose_path(self, _parent: QWidget, default_name: str) -> Path | None:
        self.offered_names.append(default_name)
        return self.target


def document_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


@pytest.fixture
def plan(
    coordinator: tuple[SignedIn, str], add_account: AddAccount, clock: FakeClock
) -> CoachingPlanData:
    return make_coaching_plan(coordinator[0], add_account, clock)


@pytest.fixture
def person(tmp_path: Path) -> Person:
    return Person(tmp_path / "My action plan.docx")


def open_dialog(
    qtbot: QtBot, plan: CoachingPlanData, person: Person, user: CurrentUser | None = None
) -> CoachingDocumentDialog:
    create_application([])
    dialog = CoachingDocumentDialog(
        plan.documents(user), plan.plan_id, choose_path=person.choose_path
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_save_writes_the_young_persons_plan(
    qtbot: QtBot, plan: CoachingPlanData, person: Person
) -> None:
    dialog = open_dialog(qtbot, plan, person)
    assert dialog.is_action_plan()
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.saved_to is not None, timeout=10000)
    assert person.offered_names == ["My action plan.docx"]  # no personal data
    assert dialog.saved_to == person.target and dialog.save_button.isEnabled()
    assert dialog.message.text() == "Saved as My action plan.docx."
    text = document_text(person.target) if person.target else ""
    assert "My plan" in text and GOAL_CARD in text and STEP_MINE in text


def test_the_summary_is_chosen_from_the_list(
    qtbot: QtBot, plan: CoachingPlanData, person: Person, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, plan, person)
    person.target = tmp_path / "summary"
    dialog.kind.setFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
    assert dialog.kind.currentText() == PLAN_SUMMARY
    assert dialog.description.text() == DESCRIPTIONS[PLAN_SUMMARY]
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.saved_to is not None, timeout=10000)
    assert person.offered_names == ["Coaching plan summary.docx"]
    assert dialog.saved_to == tmp_path / "summary.docx"
    text = document_text(tmp_path / "summary.docx")
    assert "Coaching plan summary" in text and "Jordan Okafor" in text


def test_cancelling_save_as_writes_nothing(
    qtbot: QtBot, plan: CoachingPlanData, tmp_path: Path
) -> None:
    person = Person(None)
    dialog = open_dialog(qtbot, plan, person)
    before = set(tmp_path.rglob("*.docx"))
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert person.offered_names == ["My action plan.docx"]
    assert dialog.message.isHidden() and dialog.saved_to is None
    assert set(tmp_path.rglob("*.docx")) == before


def test_a_failed_save_is_shown_in_place(
    qtbot: QtBot, plan: CoachingPlanData, person: Person
) -> None:
    dialog = open_dialog(qtbot, plan, person)
    assert person.target is not None
    person.target = person.target.parent / "missing folder" / "plan.docx"
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: "does not exist" in dialog.message.text(), timeout=10000)
    assert dialog.saved_to is None and dialog.save_button.isEnabled()
    assert dialog.message.isVisible() and not person.target.parent.exists()


def test_a_gangs_worker_is_told_no(qtbot: QtBot, plan: CoachingPlanData, person: Person) -> None:
    dialog = open_dialog(qtbot, plan, person, plan.worker)
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled() and dialog.message.isVisible())
    assert dialog.message.text() == (
        "Your role does not allow you to make employment coaching documents."
    )
    assert dialog.saved_to is None and person.target is not None
    assert not person.target.exists()

"""The case-conference report dialog, driven like a coordinator would: counts per section, a
section unticked, a recommendation typed, the Word file written off the GUI thread, and cancel."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import docx
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.app import create_application
from desktop.exports.password_protect import is_encrypted
from desktop.models.choices import EntryType
from desktop.services.bundle import Services
from desktop.services.chronology_records import EntryInput
from desktop.services.conference_records import PackSection
from desktop.services.people_service import PersonDetails
from desktop.services.sign_in_service import SignedIn
from desktop.views.caseload.conference_pack_dialog import (
    CANCELLED,
    FILE_NAME,
    LEFT_OUT,
    ConferencePackDialog,
)
from desktop.views.caseload.person_record_view import PersonRecordView
from tests.conftest import FakeClock, FastKdfPolicy

LEFT = Qt.MouseButton.LeftButton
RECOMMENDATION = "Keep weekly mentoring going until the review."


class Person:
    """Stands in for the native Save As dialog."""

    def __init__(self, target: Path | None) -> None:
        self.target = target
        self.offered: list[str] = []

    def choose_path(self, _parent: QWidget, default: str) -> Path | None:
        self.offered.append(default)
        return self.target


@pytest.fixture
def services(coordinator: tuple[SignedIn, str], kdf: FastKdfPolicy, clock: FakeClock) -> Services:
    create_application([])
    return Services.for_session(coordinator[0], kdf, clock)


@pytest.fixture
def person_id(services: Services, clock: FakeClock) -> int:
    details = PersonDetails("Karwan", "Ahmadi", "K-Dog", date_of_birth=date(2009, 2, 1))
    person = services.people.create(details)
    now = clock.now()
    for days, kind, summary, significant in (
        (40, EntryType.VISIT, "Home visit with mum", False),
        (20, EntryType.INCIDENT, "Arrested with older boys", True),
        (5, EntryType.VISIT, "Mentoring at the youth club", True),
    ):
        entry = EntryInput(now - timedelta(days=days), kind, summary, significant=significant)
        services.chronology.add_entry(person, entry)
    return person


def open_dialog(
    qtbot: QtBot, services: Services, person_id: int, person: Person
) -> ConferencePackDialog:
    dialog = ConferencePackDialog(services, person_id, choose_path=person.choose_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def headings_and_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


def test_export_holds_chosen_sections_and_typed_text(
    qtbot: QtBot, services: Services, person_id: int, tmp_path: Path
) -> None:
    person = Person(tmp_path / "pack.docx")
    dialog = open_dialog(qtbot, services, person_id, person)
    counts = dialog.count_labels
    assert counts[PackSection.EVENTS].text() == "2 entries"
    assert counts[PackSection.RECOMMENDATIONS].text() == LEFT_OUT

    box = dialog.section_boxes[PackSection.EVENTS]
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))  # on the tick box
    assert not box.isChecked()
    recommendations = dialog.texts["recommendations"]
    recommendations.setFocus()
    qtbot.keyClicks(recommendations, RECOMMENDATION)
    qtbot.waitUntil(lambda: counts[PackSection.RECOMMENDATIONS].text() == "1 entry", timeout=3000)
    assert counts[PackSection.EVENTS].text() == "(not included)"

    qtbot.mouseClick(dialog.export_button, LEFT)
    assert person.offered and person.offered[0].endswith(FILE_NAME)
    qtbot.waitUntil(lambda: dialog.saved_to is not None, timeout=10000)
    assert dialog.message.text() == "Saved as pack.docx."
    assert not dialog.is_busy()
    text = headings_and_text(tmp_path / "pack.docx")
    assert PackSection.EVENTS.heading not in text
    assert "Arrested with older boys" not in text
    assert PackSection.RECOMMENDATIONS.heading in text
    assert RECOMMENDATION in text


def test_password_mismatch_is_told_and_nothing_is_asked(
    qtbot: QtBot, services: Services, person_id: int, tmp_path: Path
) -> None:
    person = Person(tmp_path / "pack.docx")
    dialog = open_dialog(qtbot, services, person_id, person)
    qtbot.mouseClick(dialog.protect, LEFT, pos=QPoint(8, dialog.protect.height() // 2))
    assert dialog.password.isEnabled()
    qtbot.keyClicks(dialog.password, "correct horse")
    qtbot.keyClicks(dialog.confirmation, "correct hose")
    qtbot.mouseClick(dialog.export_button, LEFT)
    assert dialog.message.text() == "The two passwords do not match."
    assert person.offered == []


def test_cancel_leaves_no_file(
    qtbot: QtBot,
    services: Services,
    person_id: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "pack.docx"
    dialog = open_dialog(qtbot, services, person_id, Person(target))
    started, cancel_clicked = threading.Event(), threading.Event()
    real_export = services.conference.export

    def held_export(*args: Any, **kwargs: Any) -> Path:
        # Holds the export until Cancel is clicked, so the test does not race the thread.
        started.set()
        assert cancel_clicked.wait(5)
        return real_export(*args, **kwargs)

    monkeypatch.setattr(services.conference, "export", held_export)
    qtbot.mouseClick(dialog.export_button, LEFT)
    assert started.wait(5)
    assert dialog.cancel_button.isVisible()
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    cancel_clicked.set()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=10000)
    assert dialog.message.text() == CANCELLED
    assert dialog.saved_to is None
    assert not target.exists()
    assert list(tmp_path.glob("*.docx")) == []


def test_password_protected_export_is_encrypted(
    qtbot: QtBot, services: Services, person_id: int, tmp_path: Path
) -> None:
    target = tmp_path / "pack.docx"
    dialog = open_dialog(qtbot, services, person_id, Person(target))
    qtbot.mouseClick(dialog.protect, LEFT, pos=QPoint(8, dialog.protect.height() // 2))
    qtbot.keyClicks(dialog.password, "correct horse")
    qtbot.keyClicks(dialog.confirmation, "correct horse")
    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: dialog.saved_to is not None, timeout=10000)
    assert is_encrypted(target.read_bytes())


def test_the_record_opens_the_dialog(qtbot: QtBot, services: Services, person_id: int) -> None:
    view = PersonRecordView(services, services.people.open_record(person_id), [])
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtbot.mouseClick(view.conference_button, LEFT)
    dialog = view.findChild(ConferencePackDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.count_labels[PackSection.EVENTS].text() == "2 entries"
    dialog.close()

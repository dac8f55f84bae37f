"""ACCEPTANCE, through the real window: a therapist records a session with attendance, writes
its note in the template (saved as a draft while typing), signs it, cannot edit it afterwards,
and adds an addendum; the open draft survives the idle lock. Every other role, signed in
through the same window, finds process-note text on no screen it can open."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit, QTabWidget
from pytestqt.qtbot import QtBot

from desktop.models.accounts import Role
from desktop.services import actions
from desktop.services.permissions import Section
from desktop.views.caseload.caseload_view import CaseloadView
from desktop.views.caseload.person_record_view import PersonRecordView
from desktop.views.shell.main_window import MainWindow
from desktop.views.therapy.addendum_dialog import AddendumDialog
from desktop.views.therapy.session_dialog import SessionDialog
from tests.conftest import PASSPHRASE, AddAccount
from tests.gui.case_tab_driver import answering, cell, click, ok
from tests.gui.conftest import WindowFactory, allow_first_sign_in, sign_in
from tests.gui.screen_text import screen_text
from tests.gui.test_therapy_gui import check, choose_tab, open_therapy
from tests.therapy_family import CANARY, Family, audit_actions, make_note, record_session

LEFT = Qt.MouseButton.LeftButton


def _yes() -> object:
    return answering(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())


def test_therapist_records_writes_signs_and_adds_an_addendum(
    qtbot: QtBot, window_factory: WindowFactory, family: Family
) -> None:
    allow_first_sign_in(family.signed_in)
    window = window_factory()
    sign_in(qtbot, window, "therapist")
    view = open_therapy(qtbot, window)
    page = view.open_case(family.case_id)
    choose_tab(qtbot, page.tabs, page.sessions)

    def record(dialog: SessionDialog) -> None:
        members = list(dialog.attendance.values())
        check(qtbot, members[0])  # Tariq came; Leila and their mother did not
        ok(qtbot, dialog)

    with answering(SessionDialog, record):
        click(qtbot, page.sessions.record_button)
    assert cell(page.sessions.table.model, 0, 7) == "Leila Hassan, Amina Hassan"

    click(qtbot, page.sessions.note_button)
    note_page = view.note_page
    assert note_page is not None and note_page.isVisible() and note_page.editor is not None
    editor = note_page.editor
    presenting = editor.sections.editors["presenting"]
    presenting.setFocus()
    qtbot.keyClicks(presenting, "Tariq spoke about school")
    qtbot.waitUntil(lambda: editor.status.text().startswith("Draft saved"), timeout=5000)
    note_id = editor.note_id
    assert note_id is not None
    assert family.notes().note(note_id).sections["presenting"] == "Tariq spoke about school"

    qtbot.mouseClick(editor.sections.risk.no_concern, LEFT)
    risk = editor.sections.editors["risk_check"]
    risk.setFocus()
    qtbot.keyClicks(risk, "Asked about safety; nothing new.")
    with _yes():
        click(qtbot, editor.sign_button)
    qtbot.waitUntil(lambda: note_page.reader is not None, timeout=3000)
    assert family.notes().note(note_id).signed
    reader = note_page.reader
    assert reader is not None
    # Nothing on the signed note's page takes typing.
    assert all(box.isReadOnly() for box in note_page.findChildren(QPlainTextEdit))
    assert reader.text.isReadOnly()

    def addendum(dialog: AddendumDialog) -> None:
        dialog.text.setFocus()
        qtbot.keyClicks(dialog.text, "Mother phoned the next day.")
        ok(qtbot, dialog)

    with answering(AddendumDialog, addendum):
        click(qtbot, reader.add_addendum)
    assert [a.text for a in family.notes().note(note_id).addenda] == ["Mother phoned the next day."]
    assert "Mother phoned the next day." in reader.text.toPlainText()

    # Back on the sessions list, the note shows as signed.
    click(qtbot, note_page.back)
    assert view.note_page is None and view.case_page is page
    assert cell(page.sessions.table.model, 0, 5) == "Signed"


def test_an_open_draft_is_saved_at_the_lock_and_reopened_after_it(
    qtbot: QtBot, window_factory: WindowFactory, family: Family
) -> None:
    allow_first_sign_in(family.signed_in)
    session_id = record_session(family)
    window = window_factory()
    sign_in(qtbot, window, "therapist")
    view = open_therapy(qtbot, window)
    view.open_case(family.case_id)
    note_page = view.open_note(session_id)
    assert note_page is not None and note_page.editor is not None
    box = note_page.editor.sections.editors["hypotheses"]
    box.setFocus()
    qtbot.keyClicks(box, "Typed just before the lock")
    window.lock()  # before the autosave's pause has passed
    assert window.workspace is None
    sign_in(qtbot, window, "therapist")
    assert window.workspace is not None and window.workspace.therapy is not None
    reopened = window.workspace.therapy.note_page
    assert reopened is not None and reopened.editor is not None
    assert reopened.editor.sections.editors["hypotheses"].toPlainText() == (
        "Typed just before the lock"
    )


OTHER_ROLES = [r for r in Role if r is not Role.FAMILY_THERAPIST] + [Role.FAMILY_THERAPIST]


@pytest.mark.parametrize("role", OTHER_ROLES, ids=lambda role: f"other_{role.value}")
def test_no_screen_shows_process_notes_to_any_other_role(
    qtbot: QtBot,
    window_factory: WindowFactory,
    family: Family,
    add_account: AddAccount,
    role: Role,
) -> None:
    session_id = record_session(family)
    signed = family.notes().start_note(session_id, make_note(CANARY))
    family.notes().sign_note(signed)
    family.notes().start_note(session_id, make_note(f"draft {CANARY}"))
    username = "coord" if role is Role.COORDINATOR else f"other_{role.value}"
    if role is not Role.COORDINATOR:
        user = add_account(role, username)
        if role in (
            Role.GANGS_WORKER,
            Role.ADVOCATE,
            Role.ENFORCEMENT_OFFICER,
            Role.EMPLOYMENT_COACH,
            Role.FAMILY_THERAPIST,
        ):
            _allocate(family, user.account_id)
    allow_first_sign_in(family.signed_in)

    window = window_factory()
    sign_in(qtbot, window, username, PASSPHRASE)
    seen = _every_screen(qtbot, window, family, session_id)
    assert seen, "nothing was looked at"
    for text in seen:
        assert CANARY not in text
    # They may learn that process notes exist, where they see the sessions at all.
    if role is not Role.ANALYST and role is not Role.COMMUNITY_OFFICER:
        assert any("confidential to the therapist" in text for text in seen)
    assert not [a for _, a, _ in audit_actions(family) if a == actions.PROCESS_NOTES_READ]


def test_the_therapist_sees_them_on_request_and_the_reading_is_audited(
    qtbot: QtBot, window_factory: WindowFactory, family: Family
) -> None:
    session_id = record_session(family)
    note_id = family.notes().start_note(session_id, make_note(CANARY))
    family.notes().sign_note(note_id)
    allow_first_sign_in(family.signed_in)
    window = window_factory()
    sign_in(qtbot, window, "therapist")
    view = open_therapy(qtbot, window)
    view.open_case(family.case_id)
    page = view.open_note(session_id)
    assert page is not None and page.reader is not None
    assert CANARY not in screen_text(window)  # shown only when asked for
    click(qtbot, page.reader.show_process)
    assert CANARY in page.reader.process_notes.toPlainText()
    reads = [a for _, a, _ in audit_actions(family) if a == actions.PROCESS_NOTES_READ]
    assert reads == [actions.PROCESS_NOTES_READ]


def _allocate(family: Family, account_id: int) -> None:
    from dataclasses import replace

    from desktop.services.people_service import PeopleService

    people = PeopleService(family.signed_in.vault.sessions, family.signed_in.user, family.clock)
    for person_id in (family.son, family.daughter):
        details = people.open_record(person_id).details
        people.update(
            person_id,
            replace(details, allocated_ids=sorted({*details.allocated_ids, account_id})),
        )


def _every_screen(qtbot: QtBot, window: MainWindow, family: Family, session_id: int) -> list[str]:
    """Opens every section the role has, every young person's record with every tab, and in
    Family therapy every case with every tab and the session's note; returns what each showed."""
    workspace = window.workspace
    assert workspace is not None
    seen = []
    for section in workspace.sections:
        workspace.show_section(section)
        seen.append(screen_text(window))
        for tabs in workspace.views[section].findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                seen.append(screen_text(window))
        if section is Section.CASELOAD:
            seen += _records(window, family)
        if section is Section.FAMILY_THERAPY and workspace.therapy is not None:
            therapy = workspace.therapy
            for case_id in [row.id for row in therapy.families.table.model.rows()]:
                page = therapy.open_case(case_id)
                for index in range(page.tabs.count()):
                    page.tabs.setCurrentIndex(index)
                    seen.append(screen_text(window))
                note_page = therapy.open_note(session_id)
                if note_page is not None:
                    seen.append(screen_text(window))
                    assert note_page.editor is None  # no one else edits the draft
                therapy.close_case()
    return seen


def _records(window: MainWindow, family: Family) -> list[str]:
    caseload = window.workspace.caseload if window.workspace is not None else None
    assert isinstance(caseload, CaseloadView)
    seen = []
    for person_id in (family.son, family.daughter):
        caseload.open_person(person_id)
        record = caseload.open_page
        if not isinstance(record, PersonRecordView):
            continue  # not theirs to open
        for index in range(record.tabs.count()):
            record.tabs.setCurrentIndex(index)
            seen.append(screen_text(window))
        caseload.close_record()
    return seen

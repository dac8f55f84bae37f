"""Meeting minutes with their action list, and the action tracker across meetings, as Word files:
what each holds, in order, for whom, audited, password-protectable, and never half-written."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import docx
import pytest
from sqlalchemy import select

from desktop.exports.document_base import MARKING
from desktop.exports.password_protect import decrypt_docx, is_encrypted
from desktop.exports.safe_save import DocumentSaveError
from desktop.models.accounts import Role
from desktop.models.audit import AuditEntry
from desktop.models.choices import ActionStatus, MeetingKind
from desktop.services import actions
from desktop.services.current_user import CurrentUser
from desktop.services.meeting_document_service import (
    ACTION_TRACKER,
    MINUTES,
    MeetingDocumentService,
)
from desktop.services.meeting_records import ActionInput, AttendeeInput, ItemInput
from desktop.services.permissions import PermissionDeniedError
from tests.conftest import AddAccount
from tests.docx_reading import body_text, empty_headings, every_part, headings
from tests.meeting_fixtures import Unit

HIDDEN_NAME = "Zubair Haddad"


def _documents(unit: Unit, user: CurrentUser | None = None) -> MeetingDocumentService:
    return MeetingDocumentService(
        unit.signed_in.vault.sessions, user or unit.coordinator, unit.clock
    )


def _exports(unit: Unit) -> list[tuple[str, str, str, str]]:
    with unit.signed_in.vault.sessions.begin() as session:
        rows = session.execute(
            select(
                AuditEntry.actor, AuditEntry.entity_type, AuditEntry.entity_id, AuditEntry.fields
            ).where(AuditEntry.action == actions.DOCUMENT_EXPORTED)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


@pytest.fixture
def meeting(unit: Unit) -> tuple[int, int, int]:
    """A strategy meeting about two young people, one only the coordinator and the gangs worker
    may open; returns (meeting, the shared young person, the hidden one)."""
    shared = unit.person("Amani", "Osei", unit.worker, unit.therapist)
    given, family = HIDDEN_NAME.split()
    hidden = unit.person(given, family, unit.worker)
    service = unit.meetings()
    meeting_id = unit.meeting(MeetingKind.STRATEGY, minute_taker_id=unit.worker.account_id)
    service.set_attendees(
        meeting_id,
        [
            AttendeeInput("PC Smith", "Police", "Exploitation lead"),
            AttendeeInput("", "IGXU", "Gangs worker", account_id=unit.worker.account_id),
            AttendeeInput("Ms Jones", "School", "Safeguarding lead", present=False),
        ],
    )
    service.set_people(meeting_id, [shared, hidden])
    service.add_item(meeting_id, ItemInput("Introductions"))
    service.add_item(
        meeting_id,
        ItemInput("Risk update", "Seen at the station twice.", "Refer to the NRM."),
    )
    today = unit.today
    service.add_action(
        meeting_id,
        ActionInput(
            "Home visit with mum",
            owner_id=unit.worker.account_id,
            due_on=today + timedelta(days=7),
            young_person_id=shared,
        ),
    )
    service.add_action(
        meeting_id,
        ActionInput(
            f"Visit {given} at college",
            owner_id=unit.worker.account_id,
            young_person_id=hidden,
        ),
    )
    done = service.add_action(
        meeting_id, ActionInput("Share the timetable", owner_name="Ms Jones", due_on=today)
    )
    service.set_action_status(done, ActionStatus.DONE)
    return meeting_id, shared, hidden


def test_minutes_hold_the_meeting_in_order_with_no_empty_part(
    unit: Unit, meeting: tuple[int, int, int], tmp_path: Path
) -> None:
    meeting_id, shared, hidden = meeting
    written = _documents(unit).minutes(meeting_id, tmp_path / "minutes")
    assert written == tmp_path / "minutes.docx"
    document = docx.Document(str(written))

    assert document.paragraphs[0].text == "Minutes of the strategy meeting"
    assert headings(document, 1) == [
        "Attendance",
        "Young people discussed",
        "Discussion and decisions",
        "Actions",
    ]
    assert headings(document, 2) == [
        "Document control",
        "Present",
        "Apologies",
        "1. Introductions",
        "2. Risk update",
    ]
    assert empty_headings(document) == []
    text = body_text(document)
    for expected in (
        "Civic Centre, room 4",
        "A. Chair",
        unit.worker.display_name,
        "PC Smith",
        "Ms Jones",
        "Amani Osei",
        HIDDEN_NAME,
        "Seen at the station twice.",
        "Refer to the NRM.",
        "Nothing recorded for this item.",
        "Home visit with mum",
        "Done\n14 March 2025",
    ):
        assert expected in text, expected
    # The distribution list is who was invited, present or not.
    control = document.tables[1]
    distribution = next(r.cells[1].text for r in control.rows if r.cells[0].text == "Distribution")
    assert distribution.splitlines() == [
        "PC Smith, Exploitation lead, Police",
        f"{unit.worker.display_name}, Gangs worker, IGXU",
        "Ms Jones, Safeguarding lead, School",
    ]
    # The action list: numbered, the action's young person and the due date as letters write it.
    actions_table = document.tables[-1]
    assert [c.text for c in actions_table.rows[0].cells] == [
        "",
        "Action",
        "Owner",
        "Young person",
        "Due",
        "Status",
    ]
    assert len(actions_table.rows) == 4
    assert "21 March 2025" in actions_table.rows[1].cells[4].text
    # Marked on every page, in header and footer.
    section = document.sections[0]
    assert MARKING in section.header.paragraphs[0].text
    assert MARKING in "\n".join(p.text for p in section.footer.paragraphs)

    [(actor, entity, entity_id, fields)] = _exports(unit)
    assert (actor, entity, entity_id) == (unit.coordinator.username, "meeting", str(meeting_id))
    assert MINUTES in fields
    assert f"young_person:{shared}" in fields and f"young_person:{hidden}" in fields
    assert "Osei" not in fields and "station" not in fields


def test_minutes_leave_out_young_people_closed_to_whoever_makes_them(
    unit: Unit, meeting: tuple[int, int, int], tmp_path: Path, add_account: AddAccount
) -> None:
    meeting_id, shared, hidden = meeting
    written = _documents(unit, unit.therapist).minutes(meeting_id, tmp_path / "minutes.docx")
    everything = every_part(written)
    assert "Amani Osei" in body_text(written)
    assert "Haddad" not in everything and "Zubair" not in everything
    assert "This copy leaves out 1 young person discussed and 1 action about them" in body_text(
        written
    )
    [(_actor, _entity, _id, fields)] = _exports(unit)
    assert f"young_person:{hidden}" not in fields

    # A community officer sits in the meeting but sees no young person: no such part at all.
    officer = add_account(Role.COMMUNITY_OFFICER)
    document = docx.Document(
        str(_documents(unit, officer).minutes(meeting_id, tmp_path / "officer.docx"))
    )
    assert "Young people discussed" not in headings(document, 1)
    assert "Osei" not in every_part(tmp_path / "officer.docx")
    assert empty_headings(document) == []

    with pytest.raises(PermissionDeniedError):
        _documents(unit, add_account(Role.ANALYST)).minutes(meeting_id, tmp_path / "no.docx")
    assert not (tmp_path / "no.docx").exists()


def test_the_tracker_lists_open_actions_first_and_may_include_closed_ones(
    unit: Unit, meeting: tuple[int, int, int], tmp_path: Path
) -> None:
    service = _documents(unit)
    open_only = docx.Document(str(service.action_tracker(tmp_path / "open.docx")))
    rows = open_only.tables[-1].rows
    assert [c.text for c in rows[0].cells] == [
        "Action",
        "From meeting",
        "Young person",
        "Owner",
        "Due",
        "Status",
    ]
    # Soonest due first, undated last; the done action is not in the open tracker.
    assert [r.cells[0].text for r in rows[1:]] == ["Home visit with mum", "Visit Zubair at college"]
    assert rows[1].cells[1].text == "Strategy meeting\n13 March 2025"
    assert rows[2].cells[4].text == "No date"
    assert empty_headings(open_only) == []

    everything = docx.Document(str(service.action_tracker(tmp_path / "all.docx", open_only=False)))
    listed = [r.cells[0].text for r in everything.tables[-1].rows[1:]]
    assert listed[-1] == "Share the timetable"
    assert "Done or dropped" in body_text(everything)

    therapist = _documents(unit, unit.therapist).action_tracker(tmp_path / "theirs.docx")
    assert "Zubair" not in every_part(therapist)
    exported = _exports(unit)
    assert len(exported) == 3
    assert all(ACTION_TRACKER in fields for *_rest, fields in exported)


def test_a_password_protects_the_minutes_and_a_failed_save_leaves_no_trace(
    unit: Unit, meeting: tuple[int, int, int], tmp_path: Path
) -> None:
    meeting_id = meeting[0]
    written = _documents(unit).minutes(meeting_id, tmp_path / "locked.docx", password="s3cret!")
    data = written.read_bytes()
    assert is_encrypted(data)
    assert b"Osei" not in data
    plain = tmp_path / "plain.docx"
    plain.write_bytes(decrypt_docx(data, "s3cret!"))
    assert "Amani Osei" in body_text(plain)
    [(*_rest, fields)] = _exports(unit)
    assert "password_protected" in fields

    with pytest.raises(DocumentSaveError, match="does not exist"):
        _documents(unit).minutes(meeting_id, tmp_path / "gone" / "minutes.docx")
    assert len(_exports(unit)) == 1


if os.environ.get("CASEBOOK_RENDER_TESTS"):

    def test_minutes_and_tracker_convert_to_pdf_with_libreoffice(
        unit: Unit, meeting: tuple[int, int, int], tmp_path: Path
    ) -> None:
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            pytest.fail("CASEBOOK_RENDER_TESTS is set but LibreOffice (soffice) is not installed")
        out = Path(os.environ.get("CASEBOOK_RENDER_DIR") or tmp_path)
        written = [
            _documents(unit).minutes(meeting[0], out / "minutes.docx"),
            _documents(unit).action_tracker(out / "tracker.docx", open_only=False),
        ]
        for document in written:
            result = subprocess.run(
                [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(document)],
                capture_output=True,
                text=True,
                timeout=180,
                check=False,
            )
            assert result.returncode == 0, result.stderr
            assert document.with_suffix(".pdf").stat().st_size > 10_000

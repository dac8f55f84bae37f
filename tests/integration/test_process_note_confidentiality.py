"""ACCEPTANCE: process-note text reaches no one but the therapist who wrote it.

For every other role (the coordinator and another family therapist included) the text is absent
from what every service returns them, from full-text search, from every document and backup
report, and from the audit log; they may learn only that process notes exist. The therapist
reads it, and every reading is audited.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.backup.verify import verify_backup
from desktop.models.accounts import Role
from desktop.models.choices import MeetingKind
from desktop.services import actions
from desktop.services.backup_service import BackupService
from desktop.services.backup_settings import BackupSettings
from desktop.services.chronology_service import ChronologyService
from desktop.services.conference_pack_service import ConferencePackService
from desktop.services.current_user import CurrentUser
from desktop.services.meeting_document_service import MeetingDocumentService
from desktop.services.meeting_records import ActionInput, ItemInput, MeetingInput
from desktop.services.meeting_service import MeetingService
from desktop.services.people_service import PeopleService
from desktop.services.permissions import PermissionDeniedError, Section, sections_for
from desktop.services.record_access import RecordNotFoundError
from desktop.services.therapy_document_service import LetterInput, TherapyDocumentService
from desktop.services.therapy_shared import TherapySharedService
from tests.conftest import PASSPHRASE, AddAccount, FakeClock
from tests.therapy_family import (
    CANARY,
    Family,
    audit_actions,
    audit_text,
    make_note,
    record_session,
)

DRAFT_CANARY = "CANARY-draft-process-c41d"
OTHER_ROLES = [
    Role.COORDINATOR,
    Role.GANGS_WORKER,
    Role.EMPLOYMENT_COACH,
    Role.ADVOCATE,
    Role.ENFORCEMENT_OFFICER,
    Role.ANALYST,
    Role.COMMUNITY_OFFICER,
    Role.FAMILY_THERAPIST,  # a colleague, not the note's author
]


@dataclass
class Notes:
    family: Family
    signed_note: int
    draft_note: int
    session_id: int


@pytest.fixture
def notes(family: Family) -> Notes:
    session_id = record_session(family)
    service = family.notes()
    signed = service.start_note(session_id, make_note(CANARY))
    service.sign_note(signed)
    draft = service.start_note(session_id, make_note(DRAFT_CANARY))
    return Notes(family, signed, draft, session_id)


def _user(family: Family, add_account: AddAccount, role: Role) -> CurrentUser:
    if role is Role.COORDINATOR:
        return family.signed_in.user
    user = add_account(role, f"other_{role.value}")
    if Section.CASELOAD not in sections_for(role):
        return user  # no named records at all (the analyst, the community officer)
    # Allocated to the family's young people, so each role reaches all it ever could.
    people = PeopleService(family.signed_in.vault.sessions, family.signed_in.user, family.clock)
    for person_id in (family.son, family.daughter):
        details = people.open_record(person_id).details
        allocated = sorted({*details.allocated_ids, user.account_id})
        people.update(person_id, replace(details, allocated_ids=allocated))
    return user


def _written(folder: Path, *makers: Callable[[Path], Path]) -> list[Path]:
    """The documents this user could make; refusals are skipped."""
    written = []
    for make in makers:
        try:
            written.append(make(folder / f"document-{len(list(folder.iterdir()))}.docx"))
        except (PermissionDeniedError, RecordNotFoundError):
            continue
    return written


def _meeting_about(family: Family) -> int:
    """A strategy meeting about the son, with an item and an action about him."""
    meetings = MeetingService(family.signed_in.vault.sessions, family.signed_in.user, family.clock)
    held_at = family.clock.now() - timedelta(days=1)
    meeting_id = meetings.create_meeting(MeetingInput(MeetingKind.STRATEGY, held_at, "Room 2"))
    meetings.set_people(meeting_id, [family.son])
    meetings.add_item(meeting_id, ItemInput("Family therapy", "Sessions going well."))
    meetings.add_action(
        meeting_id,
        ActionInput(
            "Review therapy", owner_id=family.signed_in.user.account_id, young_person_id=family.son
        ),
    )
    return meeting_id


def _never_shows(value: object) -> None:
    text = repr(value)
    assert CANARY not in text and DRAFT_CANARY not in text


@pytest.mark.parametrize("role", OTHER_ROLES, ids=lambda role: role.value)
def test_no_other_role_reads_process_notes_anywhere(
    notes: Notes, add_account: AddAccount, clock: FakeClock, tmp_path: Path, role: Role
) -> None:
    family = notes.family
    user = _user(family, add_account, role)
    sessions = family.signed_in.vault.sessions

    # Therapy screens' services: the note and the session's notes, if the role reaches them.
    for read in (
        lambda: family.notes(user).note(notes.signed_note),
        lambda: family.notes(user).notes(notes.session_id),
        lambda: family.therapy(user).sessions(family.case_id),
    ):
        try:
            _never_shows(read())
        except (PermissionDeniedError, RecordNotFoundError) as refused:
            _never_shows(refused)
    for note_id in (notes.signed_note, notes.draft_note):
        with pytest.raises((PermissionDeniedError, RecordNotFoundError)) as refused:
            family.notes(user).read_process_notes(note_id)
        _never_shows(refused.value)

    # The case team's view of the record: that process notes exist, never their text.
    if Section.CASELOAD in sections_for(role):
        shared = TherapySharedService(sessions, user, clock).sessions_of(family.son)
        _never_shows(shared)
        assert [row.has_process_notes for row in shared] == [True]
        # Full-text search over everything the role may search.
        chronology = ChronologyService(sessions, user, clock)
        for word in (CANARY, DRAFT_CANARY, "CANARY"):
            assert chronology.search(word, 0, 50) == []
            assert PeopleService(sessions, user, clock).count(word) == 0

    # Documents: whatever this role may export holds no process-note text.
    documents = TherapyDocumentService(sessions, user, clock)
    therapy_documents = _written(
        tmp_path,
        lambda path: documents.closing_summary(family.case_id, path),
        lambda path: documents.referrer_letter(
            family.case_id, path, LetterInput("Dr Referrer", "GP surgery", "1 High Street")
        ),
    )
    if therapy_documents:
        assert role is Role.COORDINATOR  # only the case's own staff may export
    # The case-conference pack and the meeting documents, for every role that may make them.
    meeting_id = _meeting_about(family)
    conference = ConferencePackService(sessions, user, clock)
    meeting_documents = MeetingDocumentService(sessions, user, clock)
    others = _written(
        tmp_path,
        lambda path: conference.export(family.son, path),
        lambda path: meeting_documents.minutes(meeting_id, path),
        lambda path: meeting_documents.action_tracker(path, open_only=False),
    )
    if Section.MEETINGS in sections_for(role):
        assert others  # the minutes at least, so the check below is not empty
    for written in [*therapy_documents, *others]:
        with zipfile.ZipFile(written) as document:
            for part in document.namelist():
                _never_shows(document.read(part).decode("utf-8", "replace"))

    assert CANARY not in audit_text(family) and DRAFT_CANARY not in audit_text(family)


def test_a_backup_and_its_restore_report_hold_no_process_note_text_in_clear(
    notes: Notes, clock: FakeClock, tmp_path: Path
) -> None:
    family = notes.family
    settings = BackupSettings(folder=str(tmp_path / "share"))
    (tmp_path / "share").mkdir()
    result = BackupService(
        family.signed_in.vault, family.signed_in.user, clock, settings
    ).run_backup()
    report = verify_backup(result.path, PASSPHRASE)
    _never_shows(report.lines)
    for file in result.path.rglob("*"):
        if file.is_file():
            raw = file.read_bytes()
            assert CANARY.encode() not in raw and CANARY.encode("utf-16-le") not in raw


def test_the_author_reads_them_and_every_reading_is_audited(notes: Notes) -> None:
    family = notes.family
    assert family.notes().read_process_notes(notes.signed_note) == CANARY
    assert family.notes().read_process_notes(notes.draft_note) == DRAFT_CANARY
    assert family.notes().read_process_notes(notes.signed_note) == CANARY
    reads = [
        (actor, action)
        for actor, action, _ in audit_actions(family)
        if action == actions.PROCESS_NOTES_READ
    ]
    assert reads == [("therapist", actions.PROCESS_NOTES_READ)] * 3

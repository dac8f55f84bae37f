"""Therapy documents written as real Word files and read back: shareable content by default,
clinical detail only when chosen, process notes and drafts never; the marking on every page;
one audit entry naming the kind, never the path or a name; refusals and failed saves."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import docx
import pytest
from sqlalchemy import select, update

from desktop.models.accounts import Role
from desktop.models.audit import AuditEntry
from desktop.models.people import YoungPerson
from desktop.models.therapy import TherapyCase
from desktop.services import actions
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.services.therapy_document_service import (
    DocumentOptions,
    DocumentSaveError,
    LetterInput,
    TherapyDocumentService,
    TherapyInputError,
)
from tests.conftest import AddAccount
from tests.docx_reading import body_text, every_part
from tests.therapy_family import BODY_CANARY, CANARY, Family, make_note, record_session

SHARE_ONE = "SHARE-one: the family talked about mornings."
SHARE_TWO = "SHARE-two: the family planned the school return."
DRAFT_SHARE = "DRAFT-share-9d1"
DRAFT_BODY = "DRAFT-body-4e7"
ADDENDUM = "ADDENDUM-text-2b8"
CLOSING = "CLOSING-the family finished well."
LETTER = LetterInput("Jo Bright", "Children's Social Care", "Civic Centre\nHigh Street\nN1 1AA")
EVERYTHING = DocumentOptions(include_clinical_detail=True, additional_text="EXTRA-typed-words")


@pytest.fixture
def made(family: Family) -> Family:
    """Two sessions with signed notes (one with an addendum) and a third with a draft note; the
    son's date of birth and the case's referral, dates and closing summary recorded."""
    notes = family.notes()
    first = record_session(family, starts_at=family.clock.now() - timedelta(days=14))
    second = record_session(family, starts_at=family.clock.now() - timedelta(days=7))
    third = record_session(family)
    for session_id, summary in ((first, SHARE_ONE), (second, SHARE_TWO)):
        note_id = notes.start_note(session_id, replace(make_note(), shareable_summary=summary))
        notes.sign_note(note_id)
        if session_id == second:
            notes.add_addendum(note_id, ADDENDUM)
    notes.start_note(
        third,
        replace(make_note(), shareable_summary=DRAFT_SHARE, body=DRAFT_BODY),
    )
    with family.signed_in.vault.sessions.begin() as session:
        session.execute(
            update(YoungPerson)
            .where(YoungPerson.id == family.son)
            .values(date_of_birth=date(2009, 5, 3))
        )
        session.execute(
            update(TherapyCase)
            .where(TherapyCase.id == family.case_id)
            .values(
                closing_summary=CLOSING,
                referral_reason="Exclusion from school",
                referred_on=date(2024, 11, 2),
                started_on=date(2024, 12, 1),
                ended_on=date(2025, 3, 13),
            )
        )
    return family


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """The folder documents are saved in (tmp_path also holds the vault)."""
    folder = tmp_path / "documents"
    folder.mkdir()
    return folder


def service(family: Family, user: CurrentUser | None = None) -> TherapyDocumentService:
    return TherapyDocumentService(
        family.signed_in.vault.sessions, user or family.therapist, family.clock
    )


@dataclass(frozen=True)
class Exported:
    actor: str
    entity_type: str
    entity_id: str
    fields: str
    outcome: str


def exported(family: Family) -> list[Exported]:
    with family.signed_in.vault.sessions.begin() as session:
        rows = session.execute(
            select(AuditEntry).where(AuditEntry.action == actions.DOCUMENT_EXPORTED)
        ).scalars()
        return [
            Exported(row.actor, row.entity_type, row.entity_id, row.fields, row.outcome)
            for row in rows
        ]


def assert_never_private(path: Path) -> None:
    everything = every_part(path)
    assert CANARY not in everything
    assert DRAFT_SHARE not in everything and DRAFT_BODY not in everything


def assert_marked(path: Path) -> None:
    section = docx.Document(str(path)).sections[0]
    header = "\n".join(p.text for p in section.header.paragraphs)
    footer = "\n".join(p.text for p in section.footer.paragraphs)
    assert "OFFICIAL-SENSITIVE" in header and "Integrated Gangs and Exploitation Unit" in header
    assert "OFFICIAL-SENSITIVE" in footer and "Page 1 of 1" in footer.replace("\t", " ")
    footer_xml = section.footer._element.xml
    assert "NUMPAGES" in footer_xml and " PAGE " in footer_xml


# ---- the closing summary -----------------------------------------------------------------
def test_closing_summary_holds_the_shareable_record_only(made: Family, out: Path) -> None:
    path = service(made).closing_summary(made.case_id, out / "summary.docx")
    assert path == out / "summary.docx" and path.is_file()
    text = body_text(path)
    assert "Therapy closing summary" in text
    assert "Tariq Hassan (born 3 May 2009)" in text and "Leila Hassan" in text
    assert "Amina Hassan (Mother)" in text and "Exclusion from school" in text
    assert SHARE_ONE in text and SHARE_TWO in text and CLOSING in text
    # Three sessions offered and attended; the daughter was marked absent each time.
    assert "3 sessions offered; the family attended 3 (100%)" in text
    assert "0 of 3" in text and "3 of 3" in text
    assert BODY_CANARY not in every_part(path) and ADDENDUM not in every_part(path)
    assert "School exclusion" not in text  # a template section: clinical detail
    assert "Clinical detail" not in text
    assert_never_private(path)
    assert_marked(path)
    properties = docx.Document(str(path)).core_properties
    assert properties.title == "Therapy closing summary"
    assert properties.author == made.therapist.display_name
    assert properties.comments == ""
    with zipfile.ZipFile(path) as archive:
        core = archive.read("docProps/core.xml").decode()
    assert "Hassan" not in core and "python-docx" not in core


def test_clinical_detail_and_added_text_only_when_chosen(made: Family, out: Path) -> None:
    path = service(made).closing_summary(made.case_id, out / "full.docx", EVERYTHING)
    text = body_text(path)
    assert "Clinical detail from signed session notes" in text
    assert "goes beyond the shareable summary" in text
    assert BODY_CANARY in text and "School exclusion" in text and ADDENDUM in text
    assert "Presenting issues and themes" in text and "EXTRA-typed-words" in text
    assert SHARE_ONE in text
    assert_never_private(path)
    assert [entry.fields for entry in exported(made)] == [
        "additional_text,clinical_detail,therapy_closing_summary"
    ]


def test_the_audit_names_the_kind_never_the_path_or_a_name(made: Family, out: Path) -> None:
    folder = out / "Tariq Hassan"
    folder.mkdir()
    service(made).closing_summary(made.case_id, folder / "Tariq Hassan summary.docx")
    [entry] = exported(made)
    assert (entry.actor, entry.entity_type, entry.entity_id, entry.fields) == (
        made.therapist.username,
        "therapy_case",
        str(made.case_id),
        "therapy_closing_summary",
    )
    assert "Hassan" not in f"{entry.fields}{entry.outcome}{entry.entity_id}"


# ---- the letter --------------------------------------------------------------------------
def test_referrer_letter(made: Family, out: Path) -> None:
    path = service(made).referrer_letter(made.case_id, out / "letter", LETTER)
    assert path.name == "letter.docx"  # the ending is added
    text = body_text(path)
    assert "Jo Bright\nChildren's Social Care\nCivic Centre\nHigh Street\nN1 1AA" in text
    assert "14 March 2025" in text and "Dear Jo Bright," in text
    assert (
        "Re: Tariq Hassan (date of birth 3 May 2009) and Leila Hassan (date of birth not "
        "recorded)" in text
    )
    assert "Of the 3 sessions offered, the family attended 3 (100%)" in text
    assert "Leila Hassan attended 0 of 3" in text and CLOSING in text
    assert "Yours sincerely," in text and made.therapist.display_name in text
    assert BODY_CANARY not in every_part(path) and "EXTRA" not in text
    assert_never_private(path)
    assert_marked(path)
    assert docx.Document(str(path)).core_properties.title == "Letter to referrer"
    assert [entry.fields for entry in exported(made)] == ["referrer_letter"]


def test_letter_with_extras_says_so_and_still_omits_process_notes(made: Family, out: Path) -> None:
    path = service(made).referrer_letter(made.case_id, out / "l.docx", LETTER, EVERYTHING)
    text = body_text(path)
    assert "EXTRA-typed-words" in text and BODY_CANARY in text
    assert "Clinical detail from signed session notes" in text
    assert_never_private(path)
    assert [entry.fields for entry in exported(made)] == [
        "additional_text,clinical_detail,referrer_letter"
    ]


def test_a_letter_needs_a_name_and_an_address(made: Family, out: Path) -> None:
    with pytest.raises(TherapyInputError, match="name of the person.*address"):
        service(made).referrer_letter(made.case_id, out / "l.docx", LetterInput(" "))
    assert list(out.iterdir()) == [] and exported(made) == []


def test_options_tell_when_they_go_beyond_the_shareable_record() -> None:
    assert not DocumentOptions().beyond_shareable
    assert not DocumentOptions(additional_text="  \n").beyond_shareable
    assert DocumentOptions(additional_text="More").beyond_shareable
    assert DocumentOptions(include_clinical_detail=True).beyond_shareable


# ---- who may ------------------------------------------------------------------------------
def test_coordinator_may_make_shareable_documents_only(made: Family, out: Path) -> None:
    coordinator = service(made, made.signed_in.user)
    assert not coordinator.may_include_clinical_detail
    assert service(made).may_include_clinical_detail
    with pytest.raises(PermissionDeniedError):
        coordinator.closing_summary(
            made.case_id, out / "c.docx", DocumentOptions(include_clinical_detail=True)
        )
    assert list(out.iterdir()) == []
    path = coordinator.referrer_letter(
        made.case_id, out / "c.docx", LETTER, DocumentOptions(additional_text="From me")
    )
    text = body_text(path)
    assert "From me" in text and BODY_CANARY not in every_part(path)
    assert made.signed_in.user.display_name in text
    assert [entry.actor for entry in exported(made)] == [made.signed_in.user.username]


def test_other_roles_and_other_therapists_are_refused(
    made: Family, add_account: AddAccount, out: Path
) -> None:
    worker = add_account(Role.GANGS_WORKER, "worker")
    with pytest.raises(PermissionDeniedError):
        service(made, worker).closing_summary(made.case_id, out / "w.docx")
    colleague = add_account(Role.FAMILY_THERAPIST, "colleague")
    with pytest.raises(RecordNotFoundError):
        service(made, colleague).closing_summary(made.case_id, out / "c.docx")
    assert list(out.iterdir()) == [] and exported(made) == []


# ---- failed saves -------------------------------------------------------------------------
def test_a_missing_folder_leaves_no_file_and_no_audit(made: Family, out: Path) -> None:
    target = out / "gone" / "summary.docx"
    with pytest.raises(DocumentSaveError, match="folder chosen .* does not exist") as caught:
        service(made).closing_summary(made.case_id, target)
    assert "gone" not in str(caught.value)
    assert not target.parent.exists() and exported(made) == []


def test_a_failed_rename_removes_the_temporary_file(made: Family, out: Path) -> None:
    # A folder where the document should go: the temporary file is written, the rename fails.
    (out / "summary.docx").mkdir()
    with pytest.raises(DocumentSaveError, match="could not be saved"):
        service(made).closing_summary(made.case_id, out / "summary.docx")
    assert [p.name for p in out.iterdir()] == ["summary.docx"]
    assert list((out / "summary.docx").iterdir()) == [] and exported(made) == []


def test_a_save_replaces_an_older_document_whole(made: Family, out: Path) -> None:
    target = out / "summary.docx"
    target.write_bytes(b"an older document")
    service(made).closing_summary(made.case_id, target)
    assert zipfile.is_zipfile(target)
    assert [p.name for p in out.iterdir()] == ["summary.docx"]

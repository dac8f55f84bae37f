"""ACCEPTANCE: a subject access pack holds every record about a seeded young person (one record
of each kind, each with its own canary) and no unredacted name the reviewer chose to redact;
the disclosure log, the refusals, a family member as the subject, and redacted_text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from desktop.models.accounts import Role
from desktop.models.audit import AuditEntry
from desktop.models.base import Base
from desktop.models.choices import SarDecision, SarStatus
from desktop.models.data_protection import (
    RecordRestriction,
    RestrictionMember,
    SubjectAccessRequest,
)
from desktop.services import actions
from desktop.services.people_service import PeopleService
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.services.sar_document_service import SarDocumentService
from desktop.services.sar_items import COVERED_TABLES
from desktop.services.sar_review_service import (
    REDACTION_REASONS,
    WITHHOLD_REASONS,
    SarInputError,
    SarNotReadyError,
    SarReviewService,
    redacted_text,
)
from desktop.services.sign_in_service import SignedIn
from tests.conftest import AddAccount, FakeClock
from tests.docx_reading import body_text, every_part
from tests.integration.sar_seed import (
    MOTHER,
    MOTHER_PHONE,
    OTHER_YOUNG_PERSON,
    PROCESS_CANARY,
    STAFF_NAME,
    Seeded,
    seed,
)


@dataclass
class Sar:
    signed_in: SignedIn
    clock: FakeClock
    seeded: Seeded
    review: SarReviewService
    documents: SarDocumentService

    def audit(self) -> str:
        with self.signed_in.vault.sessions.begin() as session:
            rows = session.execute(select(AuditEntry)).scalars().all()
            return "\n".join(
                f"{r.action}|{r.entity_type}|{r.entity_id}|{r.fields}|{r.outcome}" for r in rows
            )


@pytest.fixture
def sar(coordinator: tuple[SignedIn, str], clock: FakeClock) -> Iterator[Sar]:
    signed_in, _ = coordinator
    with signed_in.vault.sessions.begin() as session:
        seeded = seed(session, clock, signed_in.user.account_id)
    sessions, user = signed_in.vault.sessions, signed_in.user
    yield Sar(
        signed_in,
        clock,
        seeded,
        SarReviewService(sessions, user, clock),
        SarDocumentService(sessions, user, clock),
    )


def _disclose_all(sar: Sar, request_id: int) -> None:
    keys = [item.key for item in sar.review.items(request_id)]
    sar.review.decide_many(request_id, keys, SarDecision.DISCLOSE, "")


def test_the_pack_holds_every_record_of_every_kind(sar: Sar, tmp_path: Path) -> None:
    request = sar.seeded.request_id
    items = sar.review.items(request)
    tables = {item.key.split(":")[0] for item in items}
    # Every kind of record seeded is gathered, the children of covered tables included.
    assert set(sar.seeded.canaries) <= tables
    assert {"therapy_sessions", "outcome_measures", "meeting_items"} <= tables
    assert sar.review.progress(request) == (0, len(items))

    _disclose_all(sar, request)
    assert sar.review.progress(request) == (len(items), len(items))
    path = sar.documents.export_pack(request, tmp_path / "pack")
    assert path == tmp_path / "pack.docx"
    body, everything = body_text(path), every_part(path)
    missing = [table for table, c in sar.seeded.canaries.items() if c not in body]
    assert missing == []
    assert all(c in everything for c in sar.seeded.canaries.values())
    # Process notes never leave Casebook, whoever exports (issue 7).
    assert PROCESS_CANARY not in everything
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style and p.style.name == "Heading 1"]
    assert headings[:3] == ["About this pack", "Your details", "Referrals"]
    assert "Family therapy sessions" in headings and "Earlier subject access requests" in headings
    assert "OFFICIAL-SENSITIVE" in every_part(path)
    assert "SAR-" in body and "Jordan Blake" in body


def test_redacted_names_are_nowhere_in_the_file_and_withheld_items_are_left_out(
    sar: Sar, tmp_path: Path
) -> None:
    request, chronology = sar.seeded.request_id, sar.seeded.chronology_key
    suggested = {s.text: s.why for s in sar.review.suggestions(request, chronology)}
    assert suggested == {
        OTHER_YOUNG_PERSON: "Another young person's name",
        MOTHER: "A family member's name",
        "YP-SAR2": "Another young person's reference",
        MOTHER_PHONE: "A family member's phone number or email",
    }
    # The analysis names him in lower case: the whole-pack redaction catches it too.
    sar.review.redact(request, "*", OTHER_YOUNG_PERSON, REDACTION_REASONS[0])
    for words in (MOTHER, "YP-SAR2", MOTHER_PHONE):
        sar.review.redact(request, chronology, words, REDACTION_REASONS[1])
    assert sar.review.suggestions(request, chronology) == []
    _disclose_all(sar, request)
    sar.review.decide(request, chronology, SarDecision.REDACT, REDACTION_REASONS[0])
    sar.review.decide(request, sar.seeded.withheld_key, SarDecision.WITHHOLD, WITHHOLD_REASONS[0])
    assert sar.review.reviews(request)[sar.seeded.withheld_key].reason == WITHHOLD_REASONS[0]

    path = sar.documents.export_pack(request, tmp_path / "pack.docx")
    everything = every_part(path).casefold()
    for word in ("Marcus", "Reid", "YP-SAR2"):
        assert word.casefold() not in everything
    # Her name was redacted from the chronology entry only: her own contact item still has it.
    document = docx.Document(str(path))
    entry = next(
        p.text for p in document.paragraphs if sar.seeded.canaries["chronology_entries"] in p.text
    )
    assert "Denise" not in entry and "Okafor" not in entry and MOTHER_PHONE not in entry
    assert "[REDACTED]" in entry
    assert MOTHER in body_text(path)
    assert "[REDACTED]" in body_text(path)
    assert 'w:fill="000000"' in every_part(path)  # the marker is a black box
    assert sar.seeded.canaries["tasks"] not in every_part(path)
    assert sar.seeded.canaries["chronology_entries"] in body_text(path)
    # Staff acting in their role are not redacted.
    assert STAFF_NAME in body_text(path)
    assert "record was left out" in body_text(path)

    log = sar.documents.export_disclosure_log(request, tmp_path / "log.docx")
    log_text = body_text(log)
    assert OTHER_YOUNG_PERSON in log_text and MOTHER in log_text
    assert WITHHOLD_REASONS[0] in log_text and REDACTION_REASONS[1] in log_text
    assert "Therapists' process notes: 1 exists" in log_text
    assert "Earlier versions of edited chronology entries: 1." in log_text
    assert STAFF_NAME in log_text  # who reviewed
    assert PROCESS_CANARY not in every_part(log)
    section = docx.Document(str(log)).sections[0]
    assert (section.page_width or 0) > (section.page_height or 0)  # landscape

    audit = sar.audit()
    for word in ("Marcus", "Reid", "Denise", "Okafor", "Jordan", *sar.seeded.canaries.values()):
        assert word not in audit
    exports = [line for line in audit.splitlines() if line.startswith(actions.DOCUMENT_EXPORTED)]
    assert [line.split("|")[1:3] for line in exports] == [
        ["subject_access_request", str(request)]
    ] * 2
    assert f"{actions.SAR_REDACTION_ADDED}|subject_access_request|{request}" in audit


def test_review_changes_are_checked_audited_and_put_the_request_in_review(sar: Sar) -> None:
    request, chronology = sar.seeded.request_id, sar.seeded.chronology_key
    with pytest.raises(SarInputError, match="reason for withholding"):
        sar.review.decide(request, chronology, SarDecision.WITHHOLD, "  ")
    with pytest.raises(SarInputError, match="reason for redacting"):
        sar.review.decide(request, chronology, SarDecision.REDACT, "")
    with pytest.raises(SarInputError, match="no longer among"):
        sar.review.decide(request, "tasks:99999", SarDecision.DISCLOSE, "")
    with pytest.raises(SarInputError, match="not in this item"):
        sar.review.redact(request, chronology, "Nobody Atall", REDACTION_REASONS[0])
    with pytest.raises(SarInputError, match="reason for the redaction"):
        sar.review.redact(request, chronology, MOTHER, "")
    assert _status(sar) is SarStatus.RECEIVED  # nothing refused changed anything

    sar.review.decide(request, chronology, SarDecision.DISCLOSE, "")
    assert _status(sar) is SarStatus.IN_REVIEW
    redaction = sar.review.redact(request, chronology, MOTHER, REDACTION_REASONS[0])
    assert [r.text for r in sar.review.redactions(request)] == [MOTHER]
    sar.review.unredact(request, redaction)
    assert sar.review.redactions(request) == []
    with pytest.raises(SarInputError, match="already been removed"):
        sar.review.unredact(request, redaction)
    audit = sar.audit()
    assert f"{actions.SAR_ITEM_DECIDED}|subject_access_request|{request}" in audit
    assert f"{actions.SAR_REDACTION_REMOVED}|subject_access_request|{request}" in audit
    assert MOTHER not in audit

    with sar.signed_in.vault.sessions.begin() as session:
        row = session.get(SubjectAccessRequest, request)
        assert row is not None
        row.status = SarStatus.SENT
    with pytest.raises(SarInputError, match="answered"):
        sar.review.decide(request, chronology, SarDecision.DISCLOSE, "")
    with sar.signed_in.vault.sessions.begin() as session:
        row = session.get(SubjectAccessRequest, request)
        assert row is not None
        row.status = SarStatus.WITHDRAWN
    with pytest.raises(SarInputError, match="withdrawn"):
        sar.review.decide(request, chronology, SarDecision.DISCLOSE, "")


def test_exports_are_refused_while_items_are_unreviewed(sar: Sar, tmp_path: Path) -> None:
    request = sar.seeded.request_id
    items = sar.review.items(request)
    sar.review.decide(request, items[0].key, SarDecision.DISCLOSE, "")
    waiting = len(items) - 1
    with pytest.raises(SarNotReadyError, match=f"{waiting} of {len(items)} items are not"):
        sar.documents.export_pack(request, tmp_path / "pack.docx")
    with pytest.raises(SarNotReadyError):
        sar.documents.export_disclosure_log(request, tmp_path / "log.docx")
    assert list(tmp_path.glob("*.docx")) == []
    assert actions.DOCUMENT_EXPORTED not in sar.audit()


def test_only_a_coordinator_may_review_or_export(
    sar: Sar, add_account: AddAccount, tmp_path: Path
) -> None:
    request = sar.seeded.request_id
    for role in (Role.GANGS_WORKER, Role.FAMILY_THERAPIST):
        user = add_account(role)
        sessions = sar.signed_in.vault.sessions
        review = SarReviewService(sessions, user, sar.clock)
        with pytest.raises(PermissionDeniedError):
            review.items(request)
        with pytest.raises(PermissionDeniedError):
            review.decide(request, sar.seeded.chronology_key, SarDecision.DISCLOSE, "")
        with pytest.raises(PermissionDeniedError):
            SarDocumentService(sessions, user, sar.clock).export_pack(request, tmp_path / "p")
    assert list(tmp_path.glob("*.docx")) == []


def test_a_family_member_as_the_subject(sar: Sar, tmp_path: Path) -> None:
    with sar.signed_in.vault.sessions.begin() as session:
        row = SubjectAccessRequest(
            contact_id=sar.seeded.mother_id,
            received_on=sar.clock.now().date(),
            due_on=sar.clock.now().date(),
            include_access_report=True,
            created_by_id=sar.signed_in.user.account_id,
            created_at=sar.clock.now(),
        )
        session.add(row)
        session.flush()
        request = row.id
    items = sar.review.items(request)
    tables = {item.key.split(":")[0] for item in items}
    assert tables == {
        "contacts",
        "therapy_cases",
        "therapy_sessions",
        "session_notes",
        "note_addenda",
        "chronology_entries",
    }
    # Her son is another young person to her; she is not suggested to herself.
    chronology = next(i.key for i in items if i.key.startswith("chronology_entries:"))
    suggested = {s.text for s in sar.review.suggestions(request, chronology)}
    assert suggested == {OTHER_YOUNG_PERSON, "YP-SAR2"}
    contact = next(i.key for i in items if i.key.startswith("contacts:"))
    assert {s.text for s in sar.review.suggestions(request, contact)} == {"Jordan Blake", "YP-SAR1"}
    _disclose_all(sar, request)
    path = sar.documents.export_pack(request, tmp_path / "mother.docx")
    body = body_text(path)
    canaries = sar.seeded.canaries
    for table in ("contacts", "therapy_cases", "session_notes", "note_addenda"):
        assert canaries[table] in body
    for table in ("referrals", "tasks", "coaching_plans", "sharing_decisions"):
        assert canaries[table] not in body
    assert PROCESS_CANARY not in every_part(path)
    # The access report is about a young person's record, not a family member's.
    assert "Who has opened or exported your record" not in body


def test_the_access_report_goes_in_when_asked_for(
    sar: Sar, add_account: AddAccount, tmp_path: Path
) -> None:
    request = sar.seeded.request_id
    with sar.signed_in.vault.sessions.begin() as session:
        row = session.get(SubjectAccessRequest, request)
        assert row is not None
        row.include_access_report = True
    worker = add_account(Role.GANGS_WORKER, "worker")
    with sar.signed_in.vault.sessions.begin() as session:  # the seeded record is restricted
        session.add(
            RestrictionMember(young_person_id=sar.seeded.person_id, account_id=worker.account_id)
        )
    PeopleService(sar.signed_in.vault.sessions, worker, sar.clock).open_record(sar.seeded.person_id)
    _disclose_all(sar, request)
    path = sar.documents.export_pack(request, tmp_path / "one.docx")
    assert "Who has opened or exported your record" in body_text(path)
    rows = [[cell.text for cell in r.cells] for r in docx.Document(str(path)).tables[-1].rows]
    assert rows[0] == ["When", "Who", "Role", "What"]
    assert any(row[1] == worker.display_name for row in rows[1:])


def test_a_restricted_record_is_reached_only_by_those_named_on_it(sar: Sar, tmp_path: Path) -> None:
    """Marcus's record is restricted and the coordinator is not named on it: a request about
    him is refused, and his name is still offered for redaction, without saying whose it is."""
    now, staff = sar.clock.now(), sar.signed_in.user.account_id
    with sar.signed_in.vault.sessions.begin() as session:
        session.add(
            RecordRestriction(
                young_person_id=sar.seeded.other_id, restricted_by_id=staff, restricted_at=now
            )
        )
        row = SubjectAccessRequest(
            young_person_id=sar.seeded.other_id,
            received_on=now.date(),
            due_on=now.date(),
            created_by_id=staff,
            created_at=now,
        )
        session.add(row)
        session.flush()
        about_marcus = row.id
    with pytest.raises(RecordNotFoundError):
        sar.review.items(about_marcus)
    with pytest.raises(RecordNotFoundError):
        sar.documents.export_pack(about_marcus, tmp_path / "marcus.docx")
    suggested = {
        s.text: s.why
        for s in sar.review.suggestions(sar.seeded.request_id, sar.seeded.chronology_key)
    }
    assert suggested[OTHER_YOUNG_PERSON] == "Another person's name"
    assert suggested["YP-SAR2"] == "Another person's reference"


def test_every_table_linked_to_a_person_is_gathered() -> None:
    linked = {
        table.name
        for table in Base.metadata.sorted_tables
        for key in table.foreign_keys
        if key.column.table.name in ("young_people", "contacts")
    } | {"young_people"}
    assert linked - set(COVERED_TABLES) == set()


def _status(sar: Sar) -> SarStatus:
    with sar.signed_in.vault.sessions.begin() as session:
        row = session.get(SubjectAccessRequest, sar.seeded.request_id)
        assert row is not None
        return row.status


# ---- redacted_text -------------------------------------------------------------------------
def test_redacted_text_whole_words_any_case_longest_first() -> None:
    text = "Marcus Reid met MARCUS and marcus\nreid at Alison's; Ali left. (Ali)"
    assert redacted_text(text, ["Marcus", "marcus reid", "Ali"]) == (
        "[REDACTED] met [REDACTED] and [REDACTED] at Alison's; [REDACTED] left. ([REDACTED])"
    )
    assert redacted_text(text, []) == text
    assert redacted_text(text, ["  "]) == text
    assert redacted_text("call 07700 900123 now", ["07700 900123"]) == "call [REDACTED] now"


_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzÉéŻż", min_size=3, max_size=8)


@given(
    name=st.lists(_word, min_size=1, max_size=3).map(" ".join),
    words=st.lists(_word, max_size=6),
    upper=st.booleans(),
)
def test_a_redacted_name_never_survives(name: str, words: list[str], upper: bool) -> None:
    text = " ".join([*words, name.upper() if upper else name, *words, name])
    result = redacted_text(text, [name])
    # The words are separated by single spaces, so a whole-word match is a padded substring.
    assert f" {name.casefold()} " not in f" {result.casefold()} "
    assert result.count("[REDACTED]") >= 2
    # Nothing but the name was touched.
    assert (
        result.replace("[REDACTED]", "").split()
        == [w for w in text.split() if w.casefold() not in name.casefold().split()]
        or len(name.split()) > 1
    )

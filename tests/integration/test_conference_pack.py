"""ACCEPTANCE: the case-conference pack, from the outline to the Word file and the command line.

A young person with family, referral, RAG history and flags, 200 chronology entries, interventions,
family therapy (a signed note whose process notes hold a canary) and a coaching plan.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph
from sqlalchemy import select

from desktop.bench.conference_case import PASSPHRASE, ConferenceCase, build_conference_case
from desktop.cli import PASSPHRASE_VARIABLE
from desktop.exports.case_conference_pack import build_conference_pack
from desktop.exports.password_protect import (
    PasswordProtectionError,
    decrypt_docx,
    is_encrypted,
)
from desktop.models.audit import AuditEntry
from desktop.models.choices import EntryType
from desktop.services import actions
from desktop.services.chronology_service import ChronologyService, EntryInput
from desktop.services.conference_pack_service import (
    SECTIONS,
    ActionPlanRow,
    ConferencePack,
    ConferencePackService,
    ExportCancelledError,
    PackOptions,
    PackSection,
    PackTexts,
)
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import PermissionDeniedError
from desktop.services.sign_in_service import SignedIn
from tests.conftest import FakeClock, FastKdfPolicy

ROOT = Path(__file__).resolve().parents[2]
CANARY = "CANARY-conference-process-4d1e"
MARKER = "SHAREABLE-MARKER-9b27 family agreed calmer evenings"
TEXTS = PackTexts(
    young_person_views="I want to stay at college.",
    family_views="His mother says evenings are calmer.",
    worries="Still seen with older boys.",
    working_well="Goes to college most days.",
    needs_to_happen="A safe way to travel to college.",
    recommendations="Keep mentoring going.",
    action_plan=(ActionPlanRow("Travel plan", "Gangs worker", "Two weeks"), ActionPlanRow("")),
)
NUMBERED = re.compile(r"^(\d+)\. (.+)$")


@pytest.fixture
def case(coordinator: tuple[SignedIn, str], kdf: FastKdfPolicy, clock: FakeClock) -> ConferenceCase:
    signed_in, _ = coordinator
    return build_conference_case(signed_in, kdf, clock, process_notes=CANARY, shareable=MARKER)


def _service(signed_in: SignedIn, user: CurrentUser, clock: FakeClock) -> ConferencePackService:
    return ConferencePackService(signed_in.vault.sessions, user, clock)


def _blocks(document: Document) -> list[Paragraph | Table]:
    return list(document.iter_inner_content())


def _sections(document: Document) -> list[tuple[str, list[Paragraph | Table]]]:
    """Each numbered Heading 1 with what follows it up to the next one."""
    found: list[tuple[str, list[Paragraph | Table]]] = []
    for block in _blocks(document):
        if isinstance(block, Paragraph) and block.style is not None:
            match = NUMBERED.match(block.text)
            if block.style.name == "Heading 1" and match:
                assert int(match.group(1)) == len(found) + 1, block.text
                found.append((match.group(2), []))
                continue
        if found:
            found[-1][1].append(block)
    return found


def _has_content(blocks: list[Paragraph | Table]) -> bool:
    return any(isinstance(b, Table) or b.text.strip() for b in blocks)


def _all_text(document: Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


@dataclass(frozen=True)
class _Exported:
    actor: str
    entity_type: str
    entity_id: str
    fields: str
    outcome: str


def _exports(signed_in: SignedIn) -> list[_Exported]:
    with signed_in.vault.sessions.begin() as session:
        rows = session.execute(
            select(
                AuditEntry.actor,
                AuditEntry.entity_type,
                AuditEntry.entity_id,
                AuditEntry.fields,
                AuditEntry.outcome,
            ).where(AuditEntry.action == actions.DOCUMENT_EXPORTED)
        )
        return [_Exported(*row) for row in rows]


@pytest.mark.parametrize("who", ["worker", "coordinator", "therapist", "coach"])
def test_every_role_that_opens_the_record_gets_the_pack_without_process_notes(
    coordinator: tuple[SignedIn, str],
    case: ConferenceCase,
    clock: FakeClock,
    tmp_path: Path,
    who: str,
) -> None:
    signed_in, _ = coordinator
    user: CurrentUser = getattr(case, who)
    folder = tmp_path / "Tariq Hassan pack"
    folder.mkdir()
    written = _service(signed_in, user, clock).export(
        case.person_id, folder / "conference", PackOptions(texts=TEXTS)
    )
    assert written.suffix == ".docx" and written.exists()

    document = docx.Document(str(written))
    sections = _sections(document)
    assert [title for title, _ in sections] == [section.heading for section in SECTIONS]
    for title, blocks in sections:
        assert _has_content(blocks), title
    text = _all_text(document)
    assert "Case conference report" in text and "OFFICIAL-SENSITIVE" in text
    assert "Tariq Hassan" in text and case.case_reference in text
    assert "Document control" in text and "Protective marking" in text
    assert MARKER in text
    assert "I want to be an electrician" in text  # their own words, from the coaching plan
    assert re.search(
        r"\b\d{1,2} (January|February|March|April|May|June|July|August|"
        r"September|October|November|December) \d{4}\b",
        text,
    )
    with zipfile.ZipFile(written) as archive:
        for name in archive.namelist():
            assert CANARY.encode() not in archive.read(name), name

    (entry,) = _exports(signed_in)
    assert (entry.actor, entry.entity_type, entry.entity_id) == (
        user.username,
        "young_person",
        str(case.person_id),
    )
    assert "case_conference_pack" in entry.fields
    for section in SECTIONS:
        assert section.value in entry.fields
    row = f"{entry.fields}|{entry.outcome}|{entry.entity_id}"
    for private in ("Tariq", "Hassan", "pack", str(tmp_path), "conference.docx"):
        assert private not in row.replace("case_conference_pack", ""), private


@pytest.mark.parametrize("who", ["analyst", "community"])
def test_roles_without_the_record_are_refused(
    coordinator: tuple[SignedIn, str],
    case: ConferenceCase,
    clock: FakeClock,
    tmp_path: Path,
    who: str,
) -> None:
    signed_in, _ = coordinator
    service = _service(signed_in, getattr(case, who), clock)
    with pytest.raises(PermissionDeniedError):
        service.export(case.person_id, tmp_path / "pack.docx")
    with pytest.raises(PermissionDeniedError):
        service.outline(case.person_id, None, None)
    assert not (tmp_path / "pack.docx").exists()
    assert _exports(signed_in) == []


def test_sections_with_nothing_are_left_out_and_the_rest_follow_in_order(
    coordinator: tuple[SignedIn, str], case: ConferenceCase, clock: FakeClock, tmp_path: Path
) -> None:
    signed_in, _ = coordinator
    service = _service(signed_in, case.worker, clock)
    chosen = (
        PackSection.ACTION_PLAN,  # nothing typed: left out
        PackSection.REFERRAL,
        PackSection.WORRIES,  # nothing typed: left out
        PackSection.EVENTS,
        PackSection.RECOMMENDATIONS,
    )
    texts = PackTexts(recommendations="Keep mentoring going.")
    outline = service.outline(case.person_id, None, None, chosen, texts)
    assert [section for section, _count in outline] == [
        PackSection.REFERRAL,
        PackSection.EVENTS,
        PackSection.WORRIES,
        PackSection.RECOMMENDATIONS,
        PackSection.ACTION_PLAN,
    ]
    counts = dict(outline)
    significant = ChronologyService(signed_in.vault.sessions, case.worker, clock).count(
        case.person_id, significant_only=True
    )
    assert counts[PackSection.EVENTS] == significant > 0
    assert counts[PackSection.REFERRAL] == 1
    assert counts[PackSection.WORRIES] == counts[PackSection.ACTION_PLAN] == 0

    written = service.export(
        case.person_id, tmp_path / "pack.docx", PackOptions(sections=chosen, texts=texts)
    )
    sections = _sections(docx.Document(str(written)))
    assert [title for title, _ in sections] == [
        PackSection.REFERRAL.heading,
        PackSection.EVENTS.heading,
        PackSection.RECOMMENDATIONS.heading,
    ]
    events = next(b for b in sections[1][1] if isinstance(b, Table))
    assert len(events.rows) - 1 == significant  # one heading row, then one row per event
    assert [cell.text for cell in events.rows[0].cells][-1] == "Analysis"


def test_the_authors_analysis_of_an_event_is_in_its_row(
    coordinator: tuple[SignedIn, str], case: ConferenceCase, clock: FakeClock, tmp_path: Path
) -> None:
    signed_in, _ = coordinator
    chronology = ChronologyService(signed_in.vault.sessions, case.worker, clock)
    chronology.add_entry(
        case.person_id,
        EntryInput(
            clock.now() - timedelta(minutes=5),
            EntryType.INCIDENT,
            "Found with cash and two phones",
            significant=True,
            analysis="Indicators of county lines involvement; refer to the NRM.",
        ),
    )
    written = _service(signed_in, case.worker, clock).export(
        case.person_id, tmp_path / "pack.docx", PackOptions(sections=(PackSection.EVENTS,))
    )
    [(_title, blocks)] = _sections(docx.Document(str(written)))
    events = next(b for b in blocks if isinstance(b, Table))
    last = [cell.text for cell in events.rows[-1].cells]  # oldest first: the newest is last
    assert "Found with cash and two phones" in last[2]
    assert last[-1] == "Indicators of county lines involvement; refer to the NRM."


def test_the_period_limits_the_chronology_and_the_outline_agrees(
    coordinator: tuple[SignedIn, str], case: ConferenceCase, clock: FakeClock
) -> None:
    signed_in, _ = coordinator
    service = _service(signed_in, case.coordinator, clock)
    today = clock.now().date()
    whole = dict(service.outline(case.person_id, None, None))
    recent = service.build(case.person_id, today.replace(day=1), today, SECTIONS, TEXTS)
    assert 0 < recent.count(PackSection.EVENTS) < whole[PackSection.EVENTS]
    assert all(event.when.date() >= today.replace(day=1) for event in recent.events)


def test_cancelling_leaves_no_file_and_no_audit_entry(
    coordinator: tuple[SignedIn, str], case: ConferenceCase, clock: FakeClock, tmp_path: Path
) -> None:
    signed_in, _ = coordinator
    service = _service(signed_in, case.worker, clock)
    out = tmp_path / "out"
    out.mkdir()
    for stop_after in (1, 4):
        seen: list[int] = []

        def cancelled(stop: int = stop_after, seen: list[int] = seen) -> bool:
            return len(seen) >= stop

        with pytest.raises(ExportCancelledError):
            service.export(
                case.person_id,
                out / "pack.docx",
                PackOptions(texts=TEXTS),
                progress=seen.append,
                cancelled=cancelled,
            )
        assert len(seen) == stop_after
        assert list(out.iterdir()) == []
    assert _exports(signed_in) == []
    seen = []
    service.export(case.person_id, out / "pack.docx", progress=seen.append)
    assert seen[0] == 0 and seen[-1] == 100 and seen == sorted(seen)


# ---- the command line ------------------------------------------------------------------------
def _cli(*args: str, extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != PASSPHRASE_VARIABLE}
    environment[PASSPHRASE_VARIABLE] = PASSPHRASE
    environment.update(extra or {})
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        env=environment,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_command_line_exports_with_the_users_permissions(
    coordinator: tuple[SignedIn, str], case: ConferenceCase, tmp_path: Path
) -> None:
    signed_in, _ = coordinator
    vault = str(signed_in.vault.layout.folder)
    signed_in.vault.lock()  # one process at a time writes to a vault
    out = tmp_path / "pack.docx"
    common = ("export", "conference", "--vault", vault, "--person", case.case_reference.lower())

    done = _cli(*common, "--user", "worker", "--out", str(out), "--from", "2024-01-01")
    assert done.returncode == 0, done.stderr
    assert "outside the vault" in done.stdout
    assert PASSPHRASE not in done.stdout + done.stderr
    titles = [title for title, _ in _sections(docx.Document(str(out)))]
    assert titles[:4] == [s.heading for s in SECTIONS[:4]]
    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            assert CANARY.encode() not in archive.read(name), name

    for user in ("nobody", "analyst"):
        refused = _cli(*common, "--user", user, "--out", str(tmp_path / f"{user}.docx"))
        assert refused.returncode == 2, refused.stdout
        assert "Traceback" not in refused.stderr
        assert not (tmp_path / f"{user}.docx").exists()

    locked = tmp_path / "locked.docx"
    password = "a document password"
    protected = _cli(
        *common,
        "--user",
        "worker",
        "--out",
        str(locked),
        "--password-env",
        "PACK_PASSWORD",
        extra={"PACK_PASSWORD": password},
    )
    assert protected.returncode == 0, protected.stderr
    assert password not in protected.stdout + protected.stderr
    assert is_encrypted(locked.read_bytes())
    with pytest.raises(PasswordProtectionError):
        decrypt_docx(locked.read_bytes(), "not the password")
    opened = docx.Document(io.BytesIO(decrypt_docx(locked.read_bytes(), password)))
    assert [title for title, _ in _sections(opened)][:4] == [s.heading for s in SECTIONS[:4]]

    unset = _cli(
        *common,
        "--user",
        "worker",
        "--out",
        str(tmp_path / "unset.docx"),
        "--password-env",
        "NOT_SET_ANYWHERE",
    )
    assert unset.returncode == 2 and "NOT_SET_ANYWHERE is not set" in unset.stderr
    assert not (tmp_path / "unset.docx").exists()


if os.environ.get("CASEBOOK_RENDER_TESTS"):

    def test_the_pack_converts_to_pdf_with_libreoffice(
        coordinator: tuple[SignedIn, str], case: ConferenceCase, clock: FakeClock, tmp_path: Path
    ) -> None:
        signed_in, _ = coordinator
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            pytest.fail("CASEBOOK_RENDER_TESTS is set but LibreOffice (soffice) is not installed")
        written = _service(signed_in, case.worker, clock).export(
            case.person_id, tmp_path / "pack.docx", PackOptions(texts=TEXTS)
        )
        result = subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(written)],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert (tmp_path / "pack.pdf").stat().st_size > 10_000


def test_an_arabic_name_is_written_right_to_left_on_the_title_page(clock: FakeClock) -> None:
    pack = ConferencePack(
        person_name="محمد علي",
        date_of_birth=None,
        case_reference="IGX-000042",
        meeting_date=None,
        author="Sam Worker",
        author_role="Gangs worker",
        made_at=clock.now(),
        start=None,
        end=None,
        sections=(PackSection.RECOMMENDATIONS,),
        recommendations="Keep mentoring going.",
    )
    document = build_conference_pack(pack)
    runs = [run for p in document.paragraphs for run in p.runs if run.text == "محمد علي"]
    assert runs and all(run.font.rtl for run in runs)
    assert [title for title, _ in _sections(document)] == [PackSection.RECOMMENDATIONS.heading]

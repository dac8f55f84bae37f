"""Coaching documents written as real Word files and read back: the young person's plan in plain
words and large type with no codes, ids or jargon; the coach's summary with the whole plan; the
marking on every page; one audit entry naming the kind only; who may make them."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from spellchecker import SpellChecker
from sqlalchemy import select

from desktop.models import choices
from desktop.models.accounts import Role
from desktop.models.audit import AuditEntry
from desktop.services import actions
from desktop.services.coaching_document_service import (
    ACTION_PLAN,
    PLAN_SUMMARY,
    DocumentSaveError,
)
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.services.sign_in_service import SignedIn
from tests.coaching_document_data import (
    AGENCY,
    ASPIRATIONS,
    COACH_NAME,
    DROPPED_GOAL,
    GOAL_CARD,
    GOAL_COURSE,
    STEP_AGENCY,
    STEP_COACH,
    STEP_COURSE,
    STEP_DONE,
    STEP_MINE,
    STRENGTHS,
    UNIT_EMAIL,
    UNIT_PHONE,
    CoachingPlanData,
    make_coaching_plan,
    set_unit_contact,
)
from tests.conftest import AddAccount, FakeClock

JARGON_WORDS = ("NEET", "EET", "SMART", "CSCS")


def internal_codes() -> list[str]:
    """Every stored code of every fixed list that is not also a plain English word."""
    words = SpellChecker()
    codes = {
        member.value
        for kind in vars(choices).values()
        if isinstance(kind, type)
        and issubclass(kind, choices.Choice)
        and kind is not choices.Choice
        for member in kind
    }
    return sorted(code for code in codes if "_" in code or not words.known([code]))


@pytest.fixture
def plan(
    coordinator: tuple[SignedIn, str], add_account: AddAccount, clock: FakeClock
) -> CoachingPlanData:
    data = make_coaching_plan(coordinator[0], add_account, clock)
    set_unit_contact(data)
    return data


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "documents"
    folder.mkdir()
    return folder


def every_part(path: Path) -> str:
    """Every text part of the .docx zip: the body, headers, footers, styles, properties, all
    (the template's thumbnail image is the only other part, and holds no text)."""
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        assert [name for name in names if not name.endswith((".xml", ".rels"))] == [
            "docProps/thumbnail.jpeg"
        ]
        return "\n".join(
            archive.read(name).decode("utf-8") for name in names if name.endswith((".xml", ".rels"))
        )


def paragraphs(path: Path) -> list[str]:
    return [paragraph.text for paragraph in docx.Document(str(path)).paragraphs]


def table_rows(path: Path) -> list[list[str]]:
    document = docx.Document(str(path))
    return [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]


def body_text(path: Path) -> str:
    return "\n".join([*paragraphs(path), *("\n".join(row) for row in table_rows(path))])


@dataclass(frozen=True)
class Exported:
    actor: str
    entity_type: str
    entity_id: str
    fields: str
    outcome: str


def exported(data: CoachingPlanData) -> list[Exported]:
    with data.signed_in.vault.sessions.begin() as session:
        rows = session.execute(
            select(AuditEntry).where(AuditEntry.action == actions.DOCUMENT_EXPORTED)
        ).scalars()
        return [
            Exported(row.actor, row.entity_type, row.entity_id, row.fields, row.outcome)
            for row in rows
        ]


def assert_marked(path: Path) -> None:
    section = docx.Document(str(path)).sections[0]
    header = "\n".join(p.text for p in section.header.paragraphs)
    footer = "\n".join(p.text for p in section.footer.paragraphs)
    assert "OFFICIAL-SENSITIVE" in header and "Integrated Gangs and Exploitation Unit" in header
    assert "OFFICIAL-SENSITIVE" in footer and "Page 1 of 1" in footer.replace("\t", " ")
    assert "NUMPAGES" in section.footer._element.xml
    # One section, one header for every page: the marking is on each of them.
    assert len(docx.Document(str(path)).sections) == 1
    assert not section.different_first_page_header_footer


# ---- the young person's action plan ------------------------------------------------------
def test_the_action_plan_holds_goals_and_next_steps_in_plain_words(
    plan: CoachingPlanData, out: Path
) -> None:
    path = plan.documents().action_plan(plan.plan_id, out / "My action plan.docx")
    assert path == out / "My action plan.docx" and path.is_file()
    text = paragraphs(path)
    assert text[0] == "My plan" and text[1].startswith("Jay")
    for heading in ("What I want", "What I'm good at", "My goals", "My next steps", "Who to call"):
        assert heading in text
    assert "I want to work with my hands and earn my own money." in text
    assert ASPIRATIONS.split("\n\n")[1] in text and STRENGTHS in text
    # Each live goal in plain words with its date; the dropped goal is left out.
    assert f"1. {GOAL_CARD}" in text and "I want to do this by 30 June 2025." in text
    assert f"2. {GOAL_COURSE}" in text and "I want to do this by 8 September 2025." in text
    assert not any(DROPPED_GOAL in line for line in body_text(path).splitlines())
    rows = table_rows(path)
    steps = rows[rows.index(["What", "Who does it", "When"]) + 1 :][:4]
    # Open steps only, soonest first, each with who does it in the young person's words.
    assert steps == [
        [STEP_COACH, "My coach Sam", "by 18 March 2025"],
        [STEP_MINE, "Me", "by 21 March 2025"],
        [STEP_COURSE, "Me", "by 10 May 2025"],
        [STEP_AGENCY, AGENCY, "When we agree"],
    ]
    assert STEP_DONE not in [row[0] for row in rows]
    assert "I wrote my CV (27 February 2025)" in text
    assert "I meet Sam next on Wednesday 19 March 2025 at 3:30pm." in text
    assert "We will look at this plan again together by 11 April 2025." in text
    assert ["My coach", COACH_NAME] in rows and ["Phone", UNIT_PHONE] in rows
    assert ["Email", UNIT_EMAIL] in rows


def test_the_action_plan_has_no_codes_ids_or_jargon(plan: CoachingPlanData, out: Path) -> None:
    path = plan.documents().action_plan(plan.plan_id, out / "plan.docx")
    everything = every_part(path)
    codes = internal_codes()
    assert "to_do" in codes and "young_person_owner" in codes and "neet" in codes
    assert "open" not in codes  # a plain word, which the plan may well use
    lowered = everything.lower()
    found = [code for code in codes if re.search(rf"(?<![a-z_]){code}(?![a-z_])", lowered)]
    assert found == []
    # Labels that are jargon to a young person, even though they are not codes.
    for label in ("Young person", "Another agency", "Active", "To do", "In progress"):
        assert label not in body_text(path).splitlines()
    for word in JARGON_WORDS:
        assert re.search(rf"\b{word}\b", everything) is None, word
    assert re.search(r"#\s?\d", everything) is None
    assert "plan_id" not in lowered and "Plan ID" not in everything
    assert plan.case_reference() not in everything
    assert "Okafor" not in everything  # the plan calls the young person by the name they use


def test_the_action_plan_is_in_large_type(plan: CoachingPlanData, out: Path) -> None:
    path = plan.documents().action_plan(plan.plan_id, out / "plan.docx")
    document = docx.Document(str(path))
    styles = document.styles
    assert styles["Normal"].font.size == Pt(14)
    assert styles["Table Text"].font.size >= Pt(13)
    assert styles["Heading 1"].font.size >= Pt(20) and styles["Title"].font.size >= Pt(28)
    # No run in the body is set smaller than the large-print body.
    sized = [
        run.font.size
        for paragraph in document.paragraphs
        for run in paragraph.runs
        if run.font.size is not None
    ]
    assert all(size >= Pt(14) for size in sized)
    for paragraph in document.paragraphs:
        if paragraph.text.strip():
            style = paragraph.style
            while style is not None and style.font.size is None:
                style = style.base_style
            assert style is not None and style.font.size >= Pt(14), paragraph.text
    assert_marked(path)


def test_unset_unit_contact_prints_a_line_to_write_on(
    coordinator: tuple[SignedIn, str], add_account: AddAccount, clock: FakeClock, out: Path
) -> None:
    data = make_coaching_plan(coordinator[0], add_account, clock)
    path = data.documents().action_plan(data.plan_id, out / "plan.docx")
    rows = table_rows(path)
    phone = next(row for row in rows if row[0] == "Phone")
    assert set(phone[1]) == {"_"} and UNIT_PHONE not in every_part(path)


# ---- the coach's plan summary ------------------------------------------------------------
def test_the_plan_summary_holds_the_whole_plan(plan: CoachingPlanData, out: Path) -> None:
    path = plan.documents().plan_summary(plan.plan_id, out / "summary.docx")
    text = body_text(path)
    rows = table_rows(path)
    assert "Coaching plan summary" in text and ["Young person", "Jordan Okafor"] in rows
    assert ["Employment coach", COACH_NAME] in rows
    assert ["Doing now", "Training with Build Up Academy, since 3 February 2025"] in rows
    assert any(row[0].startswith("NEET") for row in rows)  # the history, jargon allowed here
    assert ["Training", "3 February 2025 –\nnow", "Build Up Academy", "16", "Found a course"] in (
        rows
    )
    assert next(row[:3] for row in rows if row[0] == "No ID documents") == [
        "No ID documents",
        "Resolved\n20 February 2025",
        "Lost passport",
    ]
    assert "2 recorded; 1 not yet resolved." in text
    assert [f"1. {GOAL_CARD}", "30 June 2025", "Active", "1 of 4 (25%)"] in rows
    assert [f"3. {DROPPED_GOAL}", "1 December 2025", "Dropped", "No actions"] in rows
    assert [STEP_AGENCY, AGENCY, "No date", "To do"] in rows
    assert [STEP_DONE, "Young person", "28 February 2025", "Done\n27 February 2025"] in rows
    assert "3 sessions offered; the young person attended 2 (67%)." in text
    assert "Next session booked: 19 March 2025 at 15:30" in text
    assert next(row[:4] for row in rows if row[0].startswith("7 March")) == [
        "7 March 2025\n09:30",
        "Online (video)\n45 min",
        "Yes",
        "Wrote the CV",
    ]
    milestones = [row[1] for row in rows if row[3:] == ["Seen by coach"]]
    assert milestones == ["Course start", "ID obtained", "CV written"]  # oldest first
    assert ["14 February 2025", COACH_NAME, "Good progress; card next.", "11 April 2025"] in rows
    assert_marked(path)
    properties = docx.Document(str(path)).core_properties
    assert properties.title == "Coaching plan summary" and properties.author == COACH_NAME
    with zipfile.ZipFile(path) as archive:
        core = archive.read("docProps/core.xml").decode()
    assert "Okafor" not in core and "Jordan" not in core


# ---- audit and permissions ---------------------------------------------------------------
def test_the_audit_names_the_kind_never_the_path_or_a_name(
    plan: CoachingPlanData, out: Path
) -> None:
    folder = out / "Jordan Okafor"
    folder.mkdir()
    plan.documents().action_plan(plan.plan_id, folder / "Jay Okafor plan")
    plan.documents(plan.coordinator).plan_summary(plan.plan_id, folder / "Okafor.docx")
    assert (folder / "Jay Okafor plan.docx").is_file() and (folder / "Okafor.docx").is_file()
    first, second = exported(plan)
    assert (first.actor, first.entity_type, first.entity_id, first.fields) == (
        plan.coach.username,
        "coaching_plan",
        str(plan.plan_id),
        ACTION_PLAN,
    )
    assert (second.actor, second.fields) == (plan.coordinator.username, PLAN_SUMMARY)
    for entry in (first, second):
        written = f"{entry.fields}{entry.outcome}{entry.entity_id}"
        assert "Okafor" not in written and "Jay" not in written and "docx" not in written


@pytest.mark.parametrize("who", ["worker", "analyst"])
def test_only_the_coach_and_coordinator_make_documents(
    plan: CoachingPlanData, out: Path, who: str
) -> None:
    user = plan.worker if who == "worker" else plan.analyst
    documents = plan.documents(user)
    assert not documents.may_make_documents and plan.documents().may_make_documents
    with pytest.raises(PermissionDeniedError, match="make employment coaching documents"):
        documents.action_plan(plan.plan_id, out / "plan.docx")
    with pytest.raises(PermissionDeniedError):
        documents.plan_summary(plan.plan_id, out / "summary.docx")
    assert list(out.iterdir()) == [] and exported(plan) == []


def test_a_plan_out_of_reach_is_not_found(
    plan: CoachingPlanData, add_account: AddAccount, out: Path
) -> None:
    other_coach = add_account(Role.EMPLOYMENT_COACH, "coach2")
    with pytest.raises(RecordNotFoundError):
        plan.documents(other_coach).action_plan(plan.plan_id, out / "plan.docx")
    with pytest.raises(RecordNotFoundError):
        plan.documents().plan_summary(plan.plan_id + 99, out / "summary.docx")
    assert list(out.iterdir()) == [] and exported(plan) == []


def test_a_failed_save_leaves_no_file_and_no_audit(plan: CoachingPlanData, out: Path) -> None:
    target = out / "missing folder" / "plan.docx"
    with pytest.raises(DocumentSaveError, match="does not exist") as raised:
        plan.documents().action_plan(plan.plan_id, target)
    assert "missing folder" not in str(raised.value)
    assert not target.parent.exists() and exported(plan) == []

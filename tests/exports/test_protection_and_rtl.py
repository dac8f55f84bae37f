"""Password-protected exports (a round trip through msoffcrypto), right-to-left runs for names
in Arabic script, and the document-control table."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from desktop.exports.document_base import (
    DocumentInfo,
    add_details_table,
    add_heading_text,
    add_label,
    add_lines,
    add_text,
    add_title,
    new_document,
)
from desktop.exports.document_control import DocumentControl, add_document_control
from desktop.exports.password_protect import (
    PasswordProtectionError,
    decrypt_docx,
    is_encrypted,
)
from desktop.exports.rtl_text import RTL_FONT, split_by_direction
from desktop.exports.safe_save import DocumentSaveError, save_document

INFO = DocumentInfo("Case conference report", "Sam Officer", datetime(2025, 3, 14, 10, tzinfo=UTC))
NAME = "محمد علي"
MOTHER = "فاطمة الزهراء"
PASSWORD = "Correct horse 7 battery"


def sample() -> Document:
    document = new_document(INFO)
    add_title(document, "Case conference report", "Integrated Gangs and Exploitation Unit")
    add_details_table(document, [("Name", f"{NAME} (Mohammed Ali)"), ("Mother", MOTHER)])
    add_label(document, "Young person", NAME)
    add_text(document, f"Seen with his mother, {MOTHER}, at home.\n\n{NAME}")
    return document


def texts(document: Document) -> list[str]:
    return [paragraph.text for paragraph in document.paragraphs]


def run_with(paragraph: Paragraph, text: str) -> Run:
    return next(run for run in paragraph.runs if run.text == text)


# ---- password protection -----------------------------------------------------------------
def test_protected_export_round_trip(tmp_path: Path) -> None:
    plain = save_document(sample(), tmp_path / "plain.docx")
    protected = save_document(sample(), tmp_path / "protected.docx", password=PASSWORD)
    encrypted = protected.read_bytes()
    assert is_encrypted(encrypted)
    assert not is_encrypted(plain.read_bytes())
    with pytest.raises(PackageNotFoundError):
        docx.Document(str(protected))
    # Nothing but the two documents was left in the folder: no unprotected temporary copy.
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plain.docx", "protected.docx"]
    opened = docx.Document(io.BytesIO(decrypt_docx(encrypted, PASSWORD)))
    assert texts(opened) == texts(docx.Document(str(plain)))
    assert NAME in texts(opened)


def test_a_wrong_password_does_not_open_it(tmp_path: Path) -> None:
    protected = save_document(sample(), tmp_path / "protected.docx", password=PASSWORD)
    with pytest.raises(PasswordProtectionError):
        decrypt_docx(protected.read_bytes(), "not the password")


def test_an_empty_password_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    with pytest.raises(DocumentSaveError, match="password"):
        save_document(sample(), tmp_path / "protected.docx", password="")
    assert list(tmp_path.iterdir()) == []


# ---- right-to-left names -----------------------------------------------------------------
def test_split_by_direction_keeps_spaces_between_arabic_words() -> None:
    assert split_by_direction(f"Mother: {MOTHER}, seen.") == [
        ("Mother: ", False),
        (MOTHER, True),
        (", seen.", False),
    ]
    assert split_by_direction("Jordan Smith") == [("Jordan Smith", False)]


def test_arabic_name_runs_are_right_to_left_with_a_font_that_has_the_glyphs() -> None:
    document = docx.Document(io.BytesIO(_saved(sample())))
    label = next(p for p in document.paragraphs if p.text.startswith("Young person"))
    run = run_with(label, NAME)
    properties = run._r.rPr
    assert properties.find(qn("w:rtl")) is not None
    assert properties.rFonts.get(qn("w:cs")) == RTL_FONT
    assert properties.find(qn("w:lang")).get(qn("w:bidi")) == "ar-SA"
    assert run_with(label, "Young person: ")._r.rPr.find(qn("w:rtl")) is None
    # A label-and-name paragraph reads left to right; one of nothing but Arabic from the right.
    assert label._p.pPr is None or label._p.pPr.find(qn("w:bidi")) is None
    only_arabic = document.paragraphs[-1]
    assert only_arabic.text == NAME
    assert only_arabic._p.pPr.find(qn("w:bidi")) is not None
    mixed = next(p for p in document.paragraphs if p.text.startswith("Seen with"))
    assert run_with(mixed, MOTHER)._r.rPr.find(qn("w:rtl")) is not None
    assert run_with(mixed, "Seen with his mother, ")._r.rPr is None


def test_names_in_tables_and_headings_are_marked_too() -> None:
    document = sample()
    add_heading_text(document, NAME, 1)
    document = docx.Document(io.BytesIO(_saved(document)))
    cell = document.tables[0].rows[1].cells[1].paragraphs[0]
    assert run_with(cell, MOTHER)._r.rPr.find(qn("w:rtl")) is not None
    assert cell._p.pPr.find(qn("w:bidi")) is not None
    heading = document.paragraphs[-1]
    assert heading.style.name == "Heading 1"
    assert run_with(heading, NAME)._r.rPr.rFonts.get(qn("w:cs")) == RTL_FONT


# ---- document control --------------------------------------------------------------------
def test_document_control_table() -> None:
    document = new_document(INFO)
    control = DocumentControl(
        version="1.2",
        author="Sam Officer",
        issued_on=date(2025, 3, 14),
        distribution=["Jo Bright, Children's Social Care", f"DC {MOTHER}, Police", " "],
    )
    add_document_control(document, control)
    table = docx.Document(io.BytesIO(_saved(document))).tables[0]
    rows = {row.cells[0].text: row.cells[1].text for row in table.rows}
    assert rows == {
        "Version": "1.2",
        "Author": "Sam Officer",
        "Date": "14 March 2025",
        "Protective marking": "OFFICIAL-SENSITIVE",
        "Distribution": f"Jo Bright, Children's Social Care\nDC {MOTHER}, Police",
    }
    distribution = table.rows[-1].cells[1].paragraphs[0]
    assert run_with(distribution, MOTHER)._r.rPr.find(qn("w:rtl")) is not None


def _saved(document: Document) -> bytes:
    content = io.BytesIO()
    document.save(content)
    return content.getvalue()


def test_a_paragraph_reads_from_the_right_only_while_all_of_it_is_arabic() -> None:
    document = new_document(INFO)
    add_text(document, NAME)
    paragraph = document.paragraphs[-1]
    assert paragraph._p.pPr.find(qn("w:bidi")) is not None
    add_lines(paragraph, "\nFamily therapy service")
    assert paragraph._p.pPr.find(qn("w:bidi")) is None

"""The Word template: the shipped one defines the house styles, another one swapped in changes
the look, a council's header content survives beside the marking, and tables repeat their
heading row and keep rows whole."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle

from desktop.exports.document_base import (
    LARGE_PRINT,
    MARKING,
    TABLE_STYLE,
    TEXT_WIDTH,
    UNIT_NAME,
    DocumentInfo,
    add_details_table,
    add_grid,
    add_notice,
    default_template,
    new_document,
)

INFO = DocumentInfo("Case conference report", "Sam Officer", datetime(2025, 3, 14, 10, tzinfo=UTC))
HOUSE_STYLES = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3")


def reread(document: Document) -> Document:
    content = io.BytesIO()
    document.save(content)
    return docx.Document(io.BytesIO(content.getvalue()))


def paragraph_style(document: Document, name: str) -> ParagraphStyle:
    style = document.styles[name]
    assert isinstance(style, ParagraphStyle)
    return style


def heading_font(document: Document) -> str | None:
    fonts = paragraph_style(document, "Heading 1").element.rPr.rFonts
    assert fonts.get(qn("w:asciiTheme")) is None  # a theme font would win over the name
    return fonts.get(qn("w:ascii"))


def georgia_template(folder: Path, header_text: str = "") -> Path:
    """A council's template: python-docx's plain default with Georgia headings, none of our own
    styles, and maybe its own text in the header."""
    template = docx.Document()
    fonts = paragraph_style(template, "Heading 1").element.get_or_add_rPr().get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for slot in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(slot), "Georgia")
    if header_text:
        header = template.sections[0].header
        header.is_linked_to_previous = False
        header.paragraphs[0].text = header_text
    path = folder / "council.docx"
    template.save(str(path))
    return path


def test_shipped_template_defines_the_house_styles() -> None:
    template = docx.Document(str(default_template()))
    names = {style.name for style in template.styles}
    assert {*HOUSE_STYLES, TABLE_STYLE, "Table Text", "Notice", "List Bullet"} <= names
    assert heading_font(template) == "Arial"
    table_style = template.styles[TABLE_STYLE].element
    first_row = table_style.find(f"{qn('w:tblStylePr')}[@{qn('w:type')}='firstRow']")
    assert first_row is not None
    assert first_row.find(f"{qn('w:tcPr')}/{qn('w:shd')}").get(qn("w:fill")) == "E7ECF2"


def test_a_document_starts_from_the_shipped_template() -> None:
    document = reread(new_document(INFO))
    assert heading_font(document) == "Arial"
    assert document.paragraphs == []
    width = document.sections[0].page_width
    assert width is not None
    assert abs(width - Mm(210)) < Mm(0.1)  # stored in twentieths of a point


def test_swapping_the_template_changes_the_heading_font(tmp_path: Path) -> None:
    document = new_document(INFO, template=georgia_template(tmp_path))
    document.add_heading("Referral and reasons", 1)
    # Styles the council's template lacks are filled in from the house style.
    add_notice(document, "Keep this document securely.")
    add_grid(document, ("Date", "Entry"), [("14 March 2025", "Seen")], (Mm(40), Mm(120)))
    document = reread(document)
    assert heading_font(document) == "Georgia"
    assert document.paragraphs[0].style.name == "Heading 1"
    assert document.tables[0].style.name == TABLE_STYLE
    assert heading_font(reread(new_document(INFO))) == "Arial"


def test_large_print_sets_sizes_but_keeps_the_template_font(tmp_path: Path) -> None:
    document = reread(new_document(INFO, LARGE_PRINT, template=georgia_template(tmp_path)))
    heading = paragraph_style(document, "Heading 1")
    assert heading.font.size == Pt(LARGE_PRINT.headings[0])
    assert heading.element.rPr.find(qn("w:szCs")).get(qn("w:val")) == "40"
    assert heading_font(document) == "Georgia"
    assert paragraph_style(document, "Normal").font.size == Pt(LARGE_PRINT.body)


def test_marking_and_page_numbers_on_every_page(tmp_path: Path) -> None:
    document = reread(new_document(INFO, template=georgia_template(tmp_path, "Borough Council")))
    header = [paragraph.text for paragraph in document.sections[0].header.paragraphs]
    assert header == [MARKING, UNIT_NAME, "Borough Council"]
    footer = document.sections[0].footer
    assert footer.paragraphs[-1].text == MARKING
    instructions = [text.text.strip() for text in footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert footer.paragraphs[0].text.startswith(f"{INFO.title}\tPage ")


def test_grid_header_row_repeats_and_rows_never_split() -> None:
    document = new_document(INFO)
    rows = [(f"{day} March 2025", f"Entry {day}") for day in range(1, 31)]
    add_grid(document, ("Date", "Entry"), rows, (Mm(40), TEXT_WIDTH - Mm(40)))
    table = reread(document).tables[0]
    assert table.style.name == TABLE_STYLE
    repeated = [
        number
        for number, row in enumerate(table.rows)
        if row._tr.trPr.find(qn("w:tblHeader")) is not None
    ]
    assert repeated == [0]
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    assert (look.get(qn("w:firstRow")), look.get(qn("w:firstColumn"))) == ("1", "0")


def test_details_table_shades_its_labels_not_a_header_row() -> None:
    document = new_document(INFO)
    add_details_table(document, [("Name", "Jordan"), ("Known as", "J")])
    table = reread(document).tables[0]
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    assert (look.get(qn("w:firstRow")), look.get(qn("w:firstColumn"))) == ("0", "1")
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is None


def test_a_dotx_template_works(tmp_path: Path) -> None:
    source = georgia_template(tmp_path)
    dotx = tmp_path / "council.dotx"
    with zipfile.ZipFile(source) as package, zipfile.ZipFile(dotx, "w") as target:
        for item in package.infolist():
            data = package.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(item, data)
    assert heading_font(reread(new_document(INFO, template=dotx))) == "Georgia"


def test_an_unreadable_template_leaves_the_house_style_in_charge(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a Word file")
    document = new_document(INFO, template=broken)
    document.add_heading("Referral and reasons", 1)
    add_grid(document, ("Date", "Entry"), [("14 March 2025", "Seen")], (Mm(40), Mm(120)))
    document = reread(document)
    assert heading_font(document) == "Arial"
    assert document.sections[0].header.paragraphs[0].text == MARKING

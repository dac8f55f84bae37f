"""The frame every Casebook document shares: started from the Word template in
resources/templates (a council may replace it with its own), A4, the protective marking and the
unit's name in a header and footer on every page, page numbers, and clean document properties."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from docx.document import Document
from docx.enum.section import WD_ORIENTATION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row
from docx.section import _Footer, _Header
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from desktop.exports.house_style import ACCENT as ACCENT
from desktop.exports.house_style import FONT as FONT
from desktop.exports.house_style import HEADER_FILL as HEADER_FILL
from desktop.exports.house_style import INK as INK
from desktop.exports.house_style import LARGE_PRINT as LARGE_PRINT
from desktop.exports.house_style import MUTED as MUTED
from desktop.exports.house_style import RULE as RULE
from desktop.exports.house_style import STANDARD_PRINT as STANDARD_PRINT
from desktop.exports.house_style import TABLE_STYLE as TABLE_STYLE
from desktop.exports.house_style import TypeSizes as TypeSizes
from desktop.exports.house_style import add_missing_styles, apply_sizes
from desktop.exports.page_fields import add_page_of_pages
from desktop.exports.rtl_text import add_script_runs, set_paragraph_rtl
from desktop.exports.word_template import default_template as default_template
from desktop.exports.word_template import open_template
from desktop.services.text_direction import reads_right_to_left

MARKING = "OFFICIAL-SENSITIVE"
UNIT_NAME = "Integrated Gangs and Exploitation Unit"

# A4 with 25 mm margins: about 160 mm of text width, 247 mm on a landscape page (for tables
# with many columns).
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN = Mm(25)
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
LANDSCAPE_TEXT_WIDTH = PAGE_HEIGHT - 2 * MARGIN


@dataclass(frozen=True)
class DocumentInfo:
    """What the document says about itself: its (generic) title, who made it, and when."""

    title: str
    author: str
    made_at: datetime


def new_document(
    info: DocumentInfo,
    sizes: TypeSizes = STANDARD_PRINT,
    template: Path | None = None,
    landscape: bool = False,
) -> Document:
    """An empty document started from the template (the shipped one unless another is given),
    with header, footer and properties set. Fonts and colours are the template's; sizes other
    than standard print (a young person's large print) are set over it."""
    document = open_template(template or default_template())
    add_missing_styles(document)
    if sizes != STANDARD_PRINT:
        apply_sizes(document, sizes)
    _layout_styles(document, LANDSCAPE_TEXT_WIDTH if landscape else TEXT_WIDTH)
    _page(document, info.title, landscape)
    _properties(document, info)
    return document


# ---- writing helpers ---------------------------------------------------------------------
def add_title(document: Document, title: str, subtitle: str = "") -> None:
    add_lines(document.add_paragraph(style="Title"), title)
    if subtitle:
        add_lines(document.add_paragraph(style="Subtitle"), subtitle)


def add_heading_text(document: Document, text: str, level: int) -> Paragraph:
    """A heading that may hold a name: right-to-left script is marked as such."""
    paragraph = document.add_paragraph(style=f"Heading {level}")
    add_lines(paragraph, text)
    return paragraph


def add_text(document: Document, text: str, missing: str = "") -> list[Paragraph]:
    """Text typed in Casebook as paragraphs: a blank line starts a new paragraph, a single line
    break stays a line break. Empty text shows `missing` in grey, if given."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    blocks = [block for block in blocks if block]
    if not blocks:
        if not missing:
            return []
        paragraph = document.add_paragraph()
        _grey(paragraph.add_run(missing))
        return [paragraph]
    paragraphs = []
    for block in blocks:
        paragraph = document.add_paragraph()
        add_lines(paragraph, block)
        paragraphs.append(paragraph)
    return paragraphs


def add_lines(paragraph: Paragraph, text: str, bold: bool = False) -> None:
    """Text into one paragraph, its line breaks kept as breaks (not new paragraphs). Names and
    words in Arabic (or other right-to-left) script go in right-to-left runs; a paragraph of
    nothing else reads from the right margin."""
    for number, line in enumerate(text.split("\n")):
        if number:
            paragraph.add_run().add_break(WD_BREAK.LINE)
        line = line.rstrip()
        if line:
            add_script_runs(paragraph, line, bold=bold)
    # The whole paragraph decides, as a name may be followed by more lines in English; the
    # same rule as the lists on screen (mostly Arabic: from the right margin).
    set_paragraph_rtl(paragraph, reads_right_to_left(paragraph.text))


def add_label(document: Document, label: str, text: str) -> Paragraph:
    """A bold label with its text after it on the same line, as in "Date: 14 March 2025"."""
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{label}: ").bold = True
    add_script_runs(paragraph, text)
    return paragraph


def add_notice(document: Document, text: str) -> Paragraph:
    """A boxed, shaded paragraph for something the reader must not miss."""
    paragraph = document.add_paragraph(style="Notice")
    paragraph.add_run(text)
    return paragraph


def add_details_table(document: Document, rows: Sequence[tuple[str, str]]) -> Table:
    """Two columns, label and value, for a document's key facts."""
    table = _table(document, 2, (Mm(50), TEXT_WIDTH - Mm(50)), look="column")
    for label, value in rows:
        cells = _new_row(table).cells
        _cell_text(cells[0], label, bold=True)
        _cell_text(cells[1], value)
    return table


def add_grid(
    document: Document,
    headings: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[int],
) -> Table:
    """A table with a shaded heading row that repeats on every page; rows are added with
    add_row().cells, which stays fast for long tables (cell(r, c) in a loop does not)."""
    table = _table(document, len(headings), widths, look="row")
    heading = _new_row(table)
    _repeat_as_header(heading._tr)
    for cell, text in zip(heading.cells, headings, strict=True):
        _cell_text(cell, text, bold=True)
    for row in rows:
        for cell, text in zip(_new_row(table).cells, row, strict=True):
            _cell_text(cell, text)
    return table


def long_date(day: date | None, missing: str = "Not recorded") -> str:
    """A date as letters write it: 14 March 2025."""
    return f"{day.day} {day:%B %Y}" if day is not None else missing


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


# ---- styles the code lays out ------------------------------------------------------------
def _layout_styles(document: Document, text_width: int) -> None:
    """Page furniture the code lays out: one right tab stop at the A4 text edge for "page X of
    Y" (Word's own templates set stops for US Letter)."""
    for name in ("Header", "Footer"):
        style = document.styles[name]
        assert isinstance(style, ParagraphStyle)
        properties = style.element.get_or_add_pPr()
        for tabs in properties.findall(qn("w:tabs")):
            properties.remove(tabs)
        style.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)


# ---- page: size, header, footer ----------------------------------------------------------
def _page(document: Document, title: str, landscape: bool) -> None:
    for section in document.sections:
        if landscape:
            section.orientation = WD_ORIENTATION.LANDSCAPE
            section.page_width, section.page_height = PAGE_HEIGHT, PAGE_WIDTH
        else:
            section.orientation = WD_ORIENTATION.PORTRAIT
            section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.left_margin = section.right_margin = MARGIN
        section.top_margin = section.bottom_margin = MARGIN
        section.header_distance = section.footer_distance = Mm(10)
        # The marking goes on every page, whichever header a template's page uses.
        headers, footers = [section.header], [section.footer]
        if section.different_first_page_header_footer:
            headers.append(section.first_page_header)
            footers.append(section.first_page_footer)
        if document.settings.odd_and_even_pages_header_footer:
            headers.append(section.even_page_header)
            footers.append(section.even_page_footer)
        for header in headers:
            _header(header)
        for footer in footers:
            _footer(footer, title)


def _header(header: _Header) -> None:
    header.is_linked_to_previous = False
    marking = _first_empty(header)
    marking.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _marking(marking)
    unit = marking.insert_paragraph_before(UNIT_NAME)
    marking._p.addnext(unit._p)  # moved below the marking, above any logo of the template
    unit.alignment = WD_ALIGN_PARAGRAPH.CENTER
    unit.paragraph_format.space_after = Pt(6)


def _footer(footer: _Footer, title: str) -> None:
    footer.is_linked_to_previous = False
    line = _last_empty(footer)
    line.add_run(f"{title}\t")
    add_page_of_pages(line)
    closing = footer.add_paragraph()
    closing.alignment = WD_ALIGN_PARAGRAPH.CENTER
    closing.paragraph_format.space_before = Pt(4)
    _marking(closing)


def _first_empty(part: _Header | _Footer) -> Paragraph:
    """The part's first paragraph when empty, or a new one before a template's logo or text."""
    first: Paragraph = part.paragraphs[0]
    if _is_empty(first):
        return first
    before: Paragraph = first.insert_paragraph_before()
    return before


def _last_empty(part: _Header | _Footer) -> Paragraph:
    last: Paragraph = part.paragraphs[-1]
    if _is_empty(last):
        return last
    added: Paragraph = part.add_paragraph()
    return added


def _is_empty(paragraph: Paragraph) -> bool:
    return not paragraph.text.strip() and not paragraph._p.xpath(".//w:drawing | .//w:pict")


def _marking(paragraph: Paragraph) -> None:
    run = paragraph.add_run(MARKING)
    run.bold = True
    run.font.size = Pt(10)
    run.font.color.rgb = INK


def _properties(document: Document, info: DocumentInfo) -> None:
    """Only the generic title and the author's name: a file's properties travel with it and
    show in Explorer, so no young person's details go here."""
    properties = document.core_properties
    properties.title = info.title
    properties.author = info.author
    properties.last_modified_by = info.author
    properties.comments = ""
    properties.subject = ""
    properties.keywords = ""
    properties.category = MARKING
    properties.content_status = MARKING
    properties.created = properties.modified = info.made_at.astimezone(UTC).replace(tzinfo=None)
    properties.revision = 1


# ---- tables ------------------------------------------------------------------------------
def _table(document: Document, columns: int, widths: Sequence[int], look: str) -> Table:
    table: Table = document.add_table(rows=0, cols=columns)
    # Borders, cell margins and the shaded header row or label column come from the template's
    # table style, so a council's colours reach every table.
    table.style = TABLE_STYLE
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    _look(table, look)
    # A small gap between the table and whatever follows it.
    spacer = document.add_paragraph().paragraph_format
    spacer.space_after = Pt(0)
    spacer.line_spacing = Pt(8)
    return table


def _new_row(table: Table) -> _Row:
    row: _Row = table.add_row()  # type: ignore[no-untyped-call]
    # A row stays on one page: a summary split over a page break is hard to read.
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    return row


def _look(table: Table, look: str) -> None:
    """Which parts of the table style apply: "row" shades the heading row, "column" the
    labels (w:val is the same choice as the older bit mask Word 2007 reads)."""
    properties = table._tbl.tblPr
    for old in properties.findall(qn("w:tblLook")):
        properties.remove(old)
    element = OxmlElement("w:tblLook")
    first_row, first_column = (look == "row"), (look == "column")
    mask = 0x0600 | (0x0020 if first_row else 0) | (0x0080 if first_column else 0)
    element.set(qn("w:val"), f"{mask:04X}")
    for name, on in (
        ("firstRow", first_row),
        ("lastRow", False),
        ("firstColumn", first_column),
        ("lastColumn", False),
        ("noHBand", True),
        ("noVBand", True),
    ):
        element.set(qn(f"w:{name}"), "1" if on else "0")
    properties.append(element)


def _cell_text(cell: _Cell, text: str, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = "Table Text"
    add_lines(paragraph, text, bold=bold)


def _repeat_as_header(row: CT_Row) -> None:
    row.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _grey(run: Run) -> None:
    run.font.color.rgb = MUTED
    run.italic = True

"""The house style every Casebook document shares: A4, Arial, the protective marking and the
unit's name in a header and footer on every page, page numbers, and clean document properties."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENTATION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import CharacterStyle, ParagraphStyle
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from desktop.exports.page_fields import add_page_of_pages

MARKING = "OFFICIAL-SENSITIVE"
UNIT_NAME = "Integrated Gangs and Exploitation Unit"
FONT = "Arial"
INK = RGBColor(0x1A, 0x1A, 0x1A)
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)  # headings: a dark blue that prints well in grey
MUTED = RGBColor(0x59, 0x59, 0x59)
RULE = "BFBFBF"  # table borders
HEADER_FILL = "E7ECF2"  # table header rows

# A4 with 25 mm margins: about 160 mm of text width.
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN = Mm(25)
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN


@dataclass(frozen=True)
class TypeSizes:
    """Point sizes of the house styles; LARGE_PRINT is for documents a young person reads."""

    body: float = 11
    headings: tuple[float, float, float] = (14, 12, 11)
    title: float = 20
    subtitle: float = 11
    table: float = 10
    notice: float = 10
    line_spacing: float = 1.15


STANDARD_PRINT = TypeSizes()
LARGE_PRINT = TypeSizes(
    body=14, headings=(20, 16, 14), title=30, subtitle=15, table=13, notice=14, line_spacing=1.25
)


@dataclass(frozen=True)
class DocumentInfo:
    """What the document says about itself: its (generic) title, who made it, and when."""

    title: str
    author: str
    made_at: datetime


def new_document(info: DocumentInfo, sizes: TypeSizes = STANDARD_PRINT) -> Document:
    """An empty document in the house style, with header, footer and properties set."""
    document = docx.Document()
    _styles(document, sizes)
    _page(document, info.title)
    _properties(document, info)
    return document


# ---- writing helpers ---------------------------------------------------------------------
def add_title(document: Document, title: str, subtitle: str = "") -> None:
    document.add_paragraph(title, style="Title")
    if subtitle:
        document.add_paragraph(subtitle, style="Subtitle")


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
    """Text into one paragraph, its line breaks kept as breaks (not new paragraphs)."""
    for number, line in enumerate(text.split("\n")):
        run = paragraph.add_run()
        if number:
            run.add_break(WD_BREAK.LINE)
        run.add_text(line.rstrip())
        if bold:
            run.bold = True


def add_label(document: Document, label: str, text: str) -> Paragraph:
    """A bold label with its text after it on the same line, as in "Date: 14 March 2025"."""
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{label}: ").bold = True
    paragraph.add_run(text)
    return paragraph


def add_notice(document: Document, text: str) -> Paragraph:
    """A boxed, shaded paragraph for something the reader must not miss."""
    paragraph = document.add_paragraph(style="Notice")
    paragraph.add_run(text)
    return paragraph


def add_details_table(document: Document, rows: Sequence[tuple[str, str]]) -> Table:
    """Two columns, label and value, for a document's key facts."""
    table = _table(document, 2, (Mm(50), TEXT_WIDTH - Mm(50)))
    for label, value in rows:
        cells = _new_row(table).cells
        _cell_text(cells[0], label, bold=True)
        _cell_text(cells[1], value)
        _fill(cells[0], HEADER_FILL)
    return table


def add_grid(
    document: Document,
    headings: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[int],
) -> Table:
    """A table with a shaded heading row that repeats on every page; rows are added with
    add_row().cells, which stays fast for long tables (cell(r, c) in a loop does not)."""
    table = _table(document, len(headings), widths)
    heading = _new_row(table)
    _repeat_as_header(heading._tr)
    for cell, text in zip(heading.cells, headings, strict=True):
        _cell_text(cell, text, bold=True)
        _fill(cell, HEADER_FILL)
    for row in rows:
        for cell, text in zip(_new_row(table).cells, row, strict=True):
            _cell_text(cell, text)
    return table


def long_date(day: date | None, missing: str = "Not recorded") -> str:
    """A date as letters write it: 14 March 2025."""
    return f"{day.day} {day:%B %Y}" if day is not None else missing


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


# ---- styles ------------------------------------------------------------------------------
def _styles(document: Document, sizes: TypeSizes) -> None:
    styles = document.styles
    normal = styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    _font(normal, FONT, sizes.body, INK)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(round(sizes.body * 6 / 11))
    normal.paragraph_format.line_spacing = sizes.line_spacing
    one, two, three = sizes.headings
    headings = {
        "Heading 1": (one, round(one * 18 / 14), 6),
        "Heading 2": (two, round(two * 14 / 12), 4),
        "Heading 3": (three, round(three * 10 / 11), 3),
    }
    for name, (size, before, after) in headings.items():
        style = styles[name]
        assert isinstance(style, ParagraphStyle)
        _font(style, FONT, size, ACCENT, bold=True)
        style.font.italic = False
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.keep_with_next = True
    title = styles["Title"]
    assert isinstance(title, ParagraphStyle)
    _font(title, FONT, sizes.title, ACCENT, bold=True)
    _drop_border(title)
    title.paragraph_format.space_after = Pt(2)
    subtitle = styles["Subtitle"]
    assert isinstance(subtitle, ParagraphStyle)
    _font(subtitle, FONT, sizes.subtitle, MUTED)
    subtitle.font.italic = False
    subtitle.paragraph_format.space_after = Pt(14)
    for name in ("Header", "Footer"):
        style = styles[name]
        assert isinstance(style, ParagraphStyle)
        _font(style, FONT, 9, MUTED)
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.line_spacing = 1.0
        # The template's stops are set for US Letter; one right stop at the A4 text edge.
        _clear_tab_stops(style)
        style.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    cell = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(cell, ParagraphStyle)
    cell.base_style = normal
    _font(cell, FONT, sizes.table, INK)
    cell.paragraph_format.space_after = Pt(2)
    cell.paragraph_format.line_spacing = 1.0
    notice = styles.add_style("Notice", WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(notice, ParagraphStyle)
    notice.base_style = normal
    _font(notice, FONT, sizes.notice, INK, bold=True)
    notice.paragraph_format.space_before = Pt(6)
    notice.paragraph_format.space_after = Pt(10)
    _box(notice)


def _font(
    style: ParagraphStyle | CharacterStyle,
    name: str,
    size: float,
    color: RGBColor,
    bold: bool = False,
) -> None:
    style.font.name = name
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = color
    # The template's styles name theme fonts, which win over a named font: drop them.
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), name)


def _clear_tab_stops(style: ParagraphStyle) -> None:
    properties = style.element.get_or_add_pPr()
    for tabs in properties.findall(qn("w:tabs")):
        properties.remove(tabs)


def _drop_border(style: ParagraphStyle) -> None:
    properties = style.element.get_or_add_pPr()
    for border in properties.findall(qn("w:pBdr")):
        properties.remove(border)


def _box(style: ParagraphStyle) -> None:
    properties = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "8")
        edge.set(qn("w:space"), "4")
        edge.set(qn("w:color"), "A6A6A6")
        borders.append(edge)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), "F2F2F2")
    # Schema order in pPr: pBdr before shd, both before spacing.
    properties.insert(0, shading)
    properties.insert(0, borders)


# ---- page: size, header, footer ----------------------------------------------------------
def _page(document: Document, title: str) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENTATION.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = MARGIN
    section.header_distance = section.footer_distance = Mm(10)

    header = section.header
    marking = header.paragraphs[0]
    marking.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _marking(marking)
    unit = header.add_paragraph(UNIT_NAME)
    unit.alignment = WD_ALIGN_PARAGRAPH.CENTER
    unit.paragraph_format.space_after = Pt(6)

    footer = section.footer
    line = footer.paragraphs[0]
    line.add_run(f"{title}\t")
    add_page_of_pages(line)
    closing = footer.add_paragraph()
    closing.alignment = WD_ALIGN_PARAGRAPH.CENTER
    closing.paragraph_format.space_before = Pt(4)
    _marking(closing)


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
def _table(document: Document, columns: int, widths: Sequence[int]) -> Table:
    table: Table = document.add_table(rows=0, cols=columns)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    _borders(table)
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


def _borders(table: Table) -> None:
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), "4")
        line.set(qn("w:space"), "0")
        line.set(qn("w:color"), RULE)
        borders.append(line)
    properties.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for edge, width in (("top", 40), ("left", 90), ("bottom", 40), ("right", 90)):
        margin = OxmlElement(f"w:{edge}")
        margin.set(qn("w:w"), str(width))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties.append(margins)


def _cell_text(cell: _Cell, text: str, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = "Table Text"
    add_lines(paragraph, text, bold=bold)


def _fill(cell: _Cell, color: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), color)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_as_header(row: CT_Row) -> None:
    row.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _grey(run: Run) -> None:
    run.font.color.rgb = MUTED
    run.italic = True

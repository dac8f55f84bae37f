"""The unit's house styles, written into the shipped Word template and filled in when a template
lacks one; and the larger sizes a young person's documents take whatever the template says."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, RGBColor
from docx.styles.style import BaseStyle, CharacterStyle, ParagraphStyle

FONT = "Arial"
INK = RGBColor(0x1A, 0x1A, 0x1A)
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)  # headings: a dark blue that prints well in grey
MUTED = RGBColor(0x59, 0x59, 0x59)
RULE = "BFBFBF"  # table borders
HEADER_FILL = "E7ECF2"  # table header rows
TABLE_STYLE = "Casebook Table"
HEADINGS = ("Heading 1", "Heading 2", "Heading 3")


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


def write_house_styles(document: Document) -> None:
    """Every house style, in full: what the shipped template is made of."""
    for name in _DEFINITIONS:
        _define(document, name)


def add_missing_styles(document: Document) -> None:
    """A council's own template may not define every style the builders use (Word keeps unused
    headings latent, outside styles.xml): the house version stands in for each one missing."""
    present = {style.name for style in document.styles}
    for name in _DEFINITIONS:
        if name not in present:
            _define(document, name)


def apply_sizes(document: Document, sizes: TypeSizes) -> None:
    """Only the sizes: fonts and colours stay the template's."""
    styles = document.styles
    normal = _paragraph_style(document, "Normal")
    _size(normal, sizes.body)
    normal.paragraph_format.space_after = Pt(round(sizes.body * 6 / 11))
    normal.paragraph_format.line_spacing = sizes.line_spacing
    for name, size in zip(HEADINGS, sizes.headings, strict=True):
        _size(_paragraph_style(document, name), size)
    for name, size in (
        ("Title", sizes.title),
        ("Subtitle", sizes.subtitle),
        ("Table Text", sizes.table),
        ("Notice", sizes.notice),
    ):
        style = styles[name]
        assert isinstance(style, ParagraphStyle)
        _size(style, size)


# ---- the definitions ---------------------------------------------------------------------
def _normal(style: ParagraphStyle, sizes: TypeSizes) -> None:
    _font(style, sizes.body, INK)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(round(sizes.body * 6 / 11))
    style.paragraph_format.line_spacing = sizes.line_spacing


def _heading(level: int) -> Callable[[ParagraphStyle, TypeSizes], None]:
    def define(style: ParagraphStyle, sizes: TypeSizes) -> None:
        size = sizes.headings[level - 1]
        before, after = ((18 / 14, 6), (14 / 12, 4), (10 / 11, 3))[level - 1]
        _font(style, size, ACCENT, bold=True)
        style.font.italic = False
        style.paragraph_format.space_before = Pt(round(size * before))
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.keep_with_next = True
        _outline_level(style, level - 1)

    return define


def _title(style: ParagraphStyle, sizes: TypeSizes) -> None:
    _font(style, sizes.title, ACCENT, bold=True)
    _drop(style, "w:pBdr")
    style.paragraph_format.space_after = Pt(2)


def _subtitle(style: ParagraphStyle, sizes: TypeSizes) -> None:
    _font(style, sizes.subtitle, MUTED)
    style.font.italic = False
    style.paragraph_format.space_after = Pt(14)


def _header_footer(style: ParagraphStyle, sizes: TypeSizes) -> None:
    _font(style, 9, MUTED)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.line_spacing = 1.0


def _table_text(style: ParagraphStyle, sizes: TypeSizes) -> None:
    _font(style, sizes.table, INK)
    style.paragraph_format.space_after = Pt(2)
    style.paragraph_format.line_spacing = 1.0


def _notice(style: ParagraphStyle, sizes: TypeSizes) -> None:
    _font(style, sizes.notice, INK, bold=True)
    style.paragraph_format.space_before = Pt(6)
    style.paragraph_format.space_after = Pt(10)
    _drop(style, "w:pBdr")
    _drop(style, "w:shd")
    properties = style.element.get_or_add_pPr()
    edges = "".join(
        f'<w:{side} w:val="single" w:sz="8" w:space="4" w:color="A6A6A6"/>'
        for side in ("top", "left", "bottom", "right")
    )
    # Schema order in pPr: pBdr before shd, both before spacing.
    properties.insert(0, parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:fill="F2F2F2"/>'))
    properties.insert(0, parse_xml(f"<w:pBdr {nsdecls('w')}>{edges}</w:pBdr>"))


_DEFINITIONS: dict[str, Callable[[ParagraphStyle, TypeSizes], None]] = {
    "Normal": _normal,
    "Title": _title,
    "Subtitle": _subtitle,
    **{name: _heading(level) for level, name in enumerate(HEADINGS, start=1)},
    "Header": _header_footer,
    "Footer": _header_footer,
    "Table Text": _table_text,
    "Notice": _notice,
    TABLE_STYLE: lambda style, sizes: None,  # defined as XML in _table_style
}
_BASED_ON_NORMAL = {"Table Text", "Notice", "Header", "Footer", "Title", "Subtitle", *HEADINGS}


def _define(document: Document, name: str) -> None:
    if name == TABLE_STYLE:
        _table_style(document)
        return
    styles = document.styles
    present = {style.name for style in styles}
    style = styles[name] if name in present else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    if name in _BASED_ON_NORMAL:
        style.base_style = _paragraph_style(document, "Normal")
        style.quick_style = True
    if name in HEADINGS or name in ("Title", "Subtitle"):
        style.next_paragraph_style = _paragraph_style(document, "Normal")
    _DEFINITIONS[name](style, STANDARD_PRINT)


def _table_style(document: Document) -> None:
    """A table style with ruled borders and a shaded, bold first row and first column; each
    table says which of the two it uses (w:tblLook), so a council's colours reach every table."""
    styles_element = document.styles.element
    for old in styles_element.findall(qn("w:style")):
        if old.find(qn("w:name")) is not None and old.find(qn("w:name")).get(qn("w:val")) == (
            TABLE_STYLE
        ):
            styles_element.remove(old)
    edges = "".join(
        f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>'
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    margins = "".join(
        f'<w:{edge} w:w="{width}" w:type="dxa"/>'
        for edge, width in (("top", 40), ("left", 90), ("bottom", 40), ("right", 90))
    )
    shaded = (
        "<w:rPr><w:b/><w:bCs/></w:rPr>"
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/></w:tcPr>'
    )
    style = parse_xml(
        f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="CasebookTable">'
        f'<w:name w:val="{TABLE_STYLE}"/><w:uiPriority w:val="59"/>'
        '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        f"<w:tblPr><w:tblBorders>{edges}</w:tblBorders>"
        f"<w:tblCellMar>{margins}</w:tblCellMar></w:tblPr>"
        f'<w:tblStylePr w:type="firstRow">{shaded}</w:tblStylePr>'
        f'<w:tblStylePr w:type="firstCol">{shaded}</w:tblStylePr>'
        "</w:style>"
    )
    styles_element.append(style)


# ---- style properties --------------------------------------------------------------------
def _paragraph_style(document: Document, name: str) -> ParagraphStyle:
    style = document.styles[name]
    assert isinstance(style, ParagraphStyle)
    return style


def _font(
    style: ParagraphStyle | CharacterStyle, size: float, color: RGBColor, bold: bool = False
) -> None:
    style.font.name = FONT
    style.font.bold = bold
    style.font.cs_bold = bold
    style.font.color.rgb = color
    _size(style, size)
    # A template's styles may name theme fonts, which win over a named font: drop them. The
    # complex-script slot (w:cs) is what Word uses for Arabic, so it is named too.
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)


def _size(style: BaseStyle, size: float) -> None:
    """w:sz and w:szCs together: Word sizes Arabic (complex-script) text by w:szCs alone."""
    assert isinstance(style, ParagraphStyle | CharacterStyle)
    style.font.size = Pt(size)
    properties = style.element.get_or_add_rPr()
    for old in properties.findall(qn("w:szCs")):
        properties.remove(old)
    complex_size = OxmlElement("w:szCs")
    complex_size.set(qn("w:val"), str(round(size * 2)))
    properties.find(qn("w:sz")).addnext(complex_size)


def _outline_level(style: ParagraphStyle, level: int) -> None:
    properties = style.element.get_or_add_pPr()
    if properties.find(qn("w:outlineLvl")) is None:
        outline: BaseOxmlElement = OxmlElement("w:outlineLvl")
        outline.set(qn("w:val"), str(level))
        properties.insert_element_before(outline, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr")


def _drop(style: ParagraphStyle, tag: str) -> None:
    properties = style.element.get_or_add_pPr()
    for element in properties.findall(qn(tag)):
        properties.remove(element)

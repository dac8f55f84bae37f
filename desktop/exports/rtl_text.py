"""Text that may hold Arabic (or other right-to-left) script, such as a young person's name,
written as runs Word and LibreOffice lay out right to left in a font that has the glyphs."""

from __future__ import annotations

import unicodedata

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

# Arial and Times New Roman carry Arabic and Hebrew glyphs on every Windows machine; a council's
# brand font often does not, so right-to-left runs name one explicitly in the w:cs slot.
RTL_FONT = "Arial"

# bidi properties Word reads for the complex-script slot, so spelling and shaping use the right
# language; the first character of each script's block is enough to tell them apart.
_LANGUAGES = ((0x0590, 0x05FF, "he-IL"), (0x0600, 0x08FF, "ar-SA"), (0xFB50, 0xFEFF, "ar-SA"))


def has_rtl(text: str) -> bool:
    return any(_direction(character) == "R" for character in text)


def add_script_runs(paragraph: Paragraph, text: str, bold: bool = False) -> list[Run]:
    """The text as runs: each stretch of right-to-left script (with the spaces and marks between
    its words) in its own right-to-left run, the rest as ordinary runs."""
    runs = []
    for piece, rtl in split_by_direction(text):
        run = paragraph.add_run(piece)
        if bold:
            run.bold = True
        if rtl:
            mark_rtl(run, piece)
        runs.append(run)
    return runs


def mark_rtl(run: Run, text: str = "") -> None:
    """w:rtl on the run, a complex-script font that has the glyphs, and the language."""
    run.font.rtl = True
    if run.bold:
        run.font.cs_bold = True
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    fonts.attrib.pop(qn("w:cstheme"), None)
    fonts.set(qn("w:cs"), RTL_FONT)
    language = _language(text or run.text)
    if language:
        properties = run._r.get_or_add_rPr()
        for old in properties.findall(qn("w:lang")):
            properties.remove(old)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:bidi"), language)
        properties.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")


def set_paragraph_rtl(paragraph: Paragraph, rtl: bool = True) -> None:
    """w:bidi: the paragraph starts at the right margin and reads right to left (or, with
    rtl=False, no longer does)."""
    if not rtl:
        existing = paragraph._p.pPr
        if existing is not None:
            for bidi in existing.findall(qn("w:bidi")):
                existing.remove(bidi)
        return
    properties = paragraph._p.get_or_add_pPr()
    if properties.find(qn("w:bidi")) is None:
        properties.insert_element_before(
            OxmlElement("w:bidi"),
            *("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing"),
            *("w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection"),
            *("w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle"),
            *("w:rPr", "w:sectPr", "w:pPrChange"),
        )


def split_by_direction(text: str) -> list[tuple[str, bool]]:
    """(piece, right-to-left) pairs in order; neutral characters between two right-to-left
    letters stay with them, so "محمد علي" is one run, not three."""
    kinds = [_direction(character) for character in text]
    pieces: list[tuple[str, bool]] = []
    start = 0
    while start < len(text):
        if kinds[start] == "R":
            end = last = start
            while end < len(text) and kinds[end] != "L":
                if kinds[end] == "R":
                    last = end
                end += 1
            pieces.append((text[start : last + 1], True))
            start = last + 1
        else:
            end = start
            while end < len(text) and kinds[end] != "R":
                end += 1
            pieces.append((text[start:end], False))
            start = end
    return pieces


def _direction(character: str) -> str:
    kind = unicodedata.bidirectional(character)
    if kind in ("R", "AL"):
        return "R"
    return "L" if kind == "L" else "N"


def _language(text: str) -> str:
    for character in text:
        for first, last, language in _LANGUAGES:
            if first <= ord(character) <= last:
                return language
    return ""

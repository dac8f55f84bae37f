"""Word fields that Word and LibreOffice fill in as they lay out the page: PAGE and NUMPAGES."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph
from docx.text.run import Run


def add_field(paragraph: Paragraph, instruction: str, shown: str = "1") -> Run:
    """A complex field (begin, instruction, separate, shown value, end) in its own runs; `shown`
    is what a reader sees until the field is updated, which both applications do on layout."""
    begin = paragraph.add_run()
    begin._r.append(_char("begin"))
    code = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    code._r.append(text)
    paragraph.add_run()._r.append(_char("separate"))
    value = paragraph.add_run(shown)
    paragraph.add_run()._r.append(_char("end"))
    return value


def add_page_of_pages(paragraph: Paragraph) -> None:
    """Page n of m, with both numbers as fields."""
    paragraph.add_run("Page ")
    add_field(paragraph, "PAGE")
    paragraph.add_run(" of ")
    add_field(paragraph, "NUMPAGES")


def _char(kind: str) -> BaseOxmlElement:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    return element

"""Paragraphs mixing Arabic and English in the Word files: a paragraph mostly in Arabic reads
from the right margin, an English one that merely starts with an Arabic name does not, and the
Arabic words are right-to-left runs either way."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from desktop.exports.document_base import DocumentInfo, add_grid, add_text, new_document

INFO = DocumentInfo("Case conference report", "Sam Officer", datetime(2025, 3, 14, 10, tzinfo=UTC))
ENGLISH_FIRST_NAME = "محمد said he was fine."
ARABIC_WITH_ENGLISH = "قابلته في school اليوم."
ARABIC = "اتصلت بوالدته: هو بخير."


def _bidi(paragraph: Paragraph) -> bool:
    properties = paragraph._p.pPr
    return properties is not None and properties.find(qn("w:bidi")) is not None


def _rtl_runs(paragraph: Paragraph) -> list[str]:
    return [
        run.text
        for run in paragraph.runs
        if run._r.rPr is not None and run._r.rPr.find(qn("w:rtl")) is not None
    ]


def test_paragraph_direction_follows_most_of_its_letters() -> None:
    document = new_document(INFO)
    add_text(document, f"{ENGLISH_FIRST_NAME}\n\n{ARABIC_WITH_ENGLISH}\n\n{ARABIC}")
    add_grid(document, ("Summary",), [(ARABIC,), (ENGLISH_FIRST_NAME,)], (4000,))
    saved = io.BytesIO()
    document.save(saved)
    read = docx.Document(io.BytesIO(saved.getvalue()))
    paragraphs = {p.text: p for p in read.paragraphs if p.text}
    assert not _bidi(paragraphs[ENGLISH_FIRST_NAME])
    assert _rtl_runs(paragraphs[ENGLISH_FIRST_NAME]) == ["محمد"]
    assert _bidi(paragraphs[ARABIC_WITH_ENGLISH])
    assert "school" not in "".join(_rtl_runs(paragraphs[ARABIC_WITH_ENGLISH]))
    assert _bidi(paragraphs[ARABIC])
    cells = [row.cells[0].paragraphs[0] for row in read.tables[0].rows[1:]]
    assert [cell.text for cell in cells] == [ARABIC, ENGLISH_FIRST_NAME]
    assert [_bidi(cell) for cell in cells] == [True, False]

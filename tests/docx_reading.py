"""Reading a written Word file back the way a test checks it: all its text, or every part."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph


def every_part(path: Path) -> str:
    """Every part of the .docx zip as text: the body, headers, footers, properties, all."""
    with zipfile.ZipFile(path) as archive:
        return "\n".join(
            archive.read(name).decode("utf-8", errors="replace") for name in archive.namelist()
        )


def body_text(source: Path | Document) -> str:
    """The paragraphs, then every table cell, one a line."""
    document = docx.Document(str(source)) if isinstance(source, Path) else source
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    return "\n".join(lines)


def blocks(document: Document) -> list[Paragraph | Table]:
    return list(document.iter_inner_content())


def headings(document: Document, level: int) -> list[str]:
    name = f"Heading {level}"
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == name]


def empty_headings(document: Document) -> list[str]:
    """Headings followed by nothing before the next heading of the same or a higher level."""
    found: list[str] = []
    current: tuple[str, int, bool] | None = None
    for block in blocks(document):
        level = _heading_level(block)
        if level is not None:
            if current is not None and not current[2] and level <= current[1]:
                found.append(current[0])
            current = (block.text, level, False) if isinstance(block, Paragraph) else None
            continue
        if current is not None and (isinstance(block, Table) or block.text.strip()):
            current = (current[0], current[1], True)
    if current is not None and not current[2]:
        found.append(current[0])
    return found


def _heading_level(block: Paragraph | Table) -> int | None:
    if isinstance(block, Paragraph) and block.style is not None:
        name = block.style.name or ""
        if name.startswith("Heading "):
            return int(name.removeprefix("Heading "))
    return None

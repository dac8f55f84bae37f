"""The document-control table a multi-agency document opens with: version, author, date, and
who it was sent to."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from docx.document import Document
from docx.table import Table

from desktop.exports.document_base import MARKING, add_details_table, long_date


@dataclass(frozen=True)
class DocumentControl:
    """What a reader checks first: which version this is, whose, when, and who else has it."""

    version: str
    author: str
    issued_on: date
    distribution: Sequence[str] = field(default_factory=tuple)
    marking: str = MARKING


def add_document_control(document: Document, control: DocumentControl) -> Table:
    """A two-column table; the distribution list has one recipient a line."""
    recipients = [line.strip() for line in control.distribution if line.strip()]
    return add_details_table(
        document,
        [
            ("Version", control.version),
            ("Author", control.author),
            ("Date", long_date(control.issued_on)),
            ("Protective marking", control.marking),
            ("Distribution", "\n".join(recipients) or "Not for onward distribution"),
        ],
    )

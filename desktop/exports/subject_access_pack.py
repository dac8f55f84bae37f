"""The subject access pack sent to the requester: a title page, a covering explanation, every
disclosed item section by section with redacted words shown as black "[REDACTED]" boxes, and
(when asked for) who has opened or exported the record."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from docx.document import Document
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm, RGBColor
from docx.text.paragraph import Paragraph

from desktop.exports.document_base import (
    MARKING,
    MUTED,
    TEXT_WIDTH,
    DocumentInfo,
    add_details_table,
    add_grid,
    add_heading_text,
    add_notice,
    add_text,
    add_title,
    long_date,
    new_document,
)
from desktop.exports.document_control import DocumentControl, add_document_control
from desktop.exports.rtl_text import add_script_runs
from desktop.services.access_report import AccessEvent

TITLE = "Subject access pack"
MARKER = "[REDACTED]"
VERSION = "1.0"
# A head line "Label: value"; a block whose first line is "Label:" holds free text.
_LABEL = re.compile(r"^([^:\n]{1,60}): (.*)$")


@dataclass(frozen=True)
class PackItem:
    kind: str
    on: date | None
    title: str  # redacted already
    text: str  # redacted already


@dataclass(frozen=True)
class PackSection:
    heading: str
    items: tuple[PackItem, ...]


@dataclass(frozen=True)
class PackContent:
    subject_name: str
    subject_detail: str  # e.g. the case reference, or whose family member
    reference: str  # the request's own reference
    requested_by: str
    received_on: date
    due_on: date
    author: str
    author_role: str
    made_at: datetime
    sections: tuple[PackSection, ...]
    redacted: bool  # some words were blacked out
    withheld: int  # items left out
    access_events: tuple[AccessEvent, ...] | None  # None: not asked for


def build_subject_access_pack(pack: PackContent) -> Document:
    document = new_document(DocumentInfo(TITLE, pack.author, pack.made_at))
    _title_page(document, pack)
    _covering(document, pack)
    for section in pack.sections:
        document.add_heading(section.heading, 1)
        for item in section.items:
            _item(document, item)
    if pack.access_events is not None:
        _access(document, pack.access_events)
    return document


def _title_page(document: Document, pack: PackContent) -> None:
    add_title(document, TITLE, "Integrated Gangs and Exploitation Unit")
    add_details_table(
        document,
        [
            ("Information about", pack.subject_name),
            ("Record", pack.subject_detail),
            ("Requested by", pack.requested_by or pack.subject_name),
            ("Request reference", pack.reference),
            ("Request received", long_date(pack.received_on)),
            ("Response due by", long_date(pack.due_on)),
        ],
    )
    document.add_heading("Document control", 2)
    add_document_control(
        document,
        DocumentControl(
            version=VERSION,
            author=f"{pack.author}, {pack.author_role}",
            issued_on=pack.made_at.astimezone().date(),
            distribution=[pack.requested_by or pack.subject_name],
        ),
    )
    add_notice(
        document,
        f"{MARKING}. This pack holds personal information. Keep it somewhere safe and share it "
        "only with people you choose.",
    )
    document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


def _covering(document: Document, pack: PackContent) -> None:
    document.add_heading("About this pack", 1)
    count = sum(len(section.items) for section in pack.sections)
    add_text(
        document,
        "You asked for a copy of the information the Integrated Gangs and Exploitation Unit "
        "holds about you, under the UK General Data Protection Regulation and the Data "
        "Protection Act 2018. This pack holds that information: "
        f"{count} {'record' if count == 1 else 'records'} from the unit's case management "
        "system, Casebook, grouped by the kind of record and in date order within each group.",
    )
    if pack.sections:
        add_text(document, "The pack has these parts:")
        for section in pack.sections:
            document.add_paragraph(f"{section.heading} ({len(section.items)})", "List Bullet")
    if pack.redacted or pack.withheld:
        add_text(
            document,
            "Some information has been blacked out (shown as [REDACTED]) or left out, because it "
            "is about other people, or was given in confidence, and the law protects it too. "
            "Where we have done this, we have recorded why.",
        )
    if pack.withheld:
        things = "record was" if pack.withheld == 1 else "records were"
        add_text(document, f"{pack.withheld} {things} left out of this pack for those reasons.")
    add_text(
        document,
        "If you think something is wrong or missing, or you are unhappy with how we have "
        "answered your request, please contact the unit; you may also complain to the "
        "Information Commissioner's Office (ico.org.uk).",
    )


def _item(document: Document, item: PackItem) -> None:
    heading = add_heading_text(document, "", 2)
    add_marked(heading, item.title)
    kind = "" if item.kind == item.title else item.kind
    meta = " · ".join(part for part in (kind, long_date(item.on, "")) if part)
    if meta:
        document.add_paragraph().add_run(meta).font.color.rgb = MUTED
    for block in item.text.split("\n\n"):
        lines = block.split("\n")
        paragraph = document.add_paragraph()
        if lines[0].endswith(":"):
            paragraph.add_run(lines[0]).bold = True
            for line in lines[1:]:
                paragraph.add_run().add_break(WD_BREAK.LINE)
                add_marked(paragraph, line)
            continue
        for number, line in enumerate(lines):
            if number:
                paragraph.add_run().add_break(WD_BREAK.LINE)
            match = _LABEL.match(line)
            if match:
                paragraph.add_run(f"{match.group(1)}: ").bold = True
                add_marked(paragraph, match.group(2))
            else:
                add_marked(paragraph, line)


def add_marked(paragraph: Paragraph, text: str) -> None:
    """The text as runs, each redaction marker a black box with white letters."""
    for number, piece in enumerate(text.split(MARKER)):
        if number:
            _black_box(paragraph)
        if piece:
            add_script_runs(paragraph, piece)


def _black_box(paragraph: Paragraph) -> None:
    run = paragraph.add_run(MARKER)
    run.bold = True
    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    # Shading, not highlighting: Word prints highlighting only when told to.
    run._r.get_or_add_rPr().append(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="000000"/>')
    )


def _access(document: Document, events: Sequence[AccessEvent]) -> None:
    document.add_heading("Who has opened or exported your record", 1)
    if not events:
        add_text(document, "Casebook has no record of anyone opening or exporting your record.")
        return
    add_text(
        document,
        "Each time a member of staff opened your record or made a document from it, Casebook "
        "noted who and when. The list is oldest first.",
    )
    add_grid(
        document,
        ("When", "Who", "Role", "What"),
        [
            (
                f"{long_date(event.at.astimezone().date())}, {event.at.astimezone():%H:%M}",
                event.who,
                event.role,
                event.what,
            )
            for event in events
        ],
        (Mm(38), Mm(38), Mm(38), TEXT_WIDTH - Mm(114)),
    )

"""The disclosure log kept by the council for a subject access request (internal, landscape):
every item gathered with the decision on it, the redactions made with their reasons and words,
the items withheld and why, what was left out by rule (process notes), and who reviewed it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from docx.document import Document
from docx.shared import Mm

from desktop.exports.document_base import (
    LANDSCAPE_TEXT_WIDTH,
    MARKING,
    DocumentInfo,
    add_details_table,
    add_grid,
    add_notice,
    add_text,
    add_title,
    long_date,
    new_document,
)

TITLE = "Disclosure log"
NONE = "–"


@dataclass(frozen=True)
class LogRedaction:
    text: str
    reason: str
    count: int  # times blacked out in the pack


@dataclass(frozen=True)
class LogItem:
    section: str
    kind: str
    on: date | None
    title: str
    decision: str
    reason: str
    redactions: tuple[LogRedaction, ...]
    withheld: bool


@dataclass(frozen=True)
class Reviewer:
    name: str
    items: int
    first: datetime
    last: datetime


@dataclass(frozen=True)
class LogContent:
    subject_name: str
    subject_detail: str
    reference: str
    requested_by: str
    received_on: date
    due_on: date
    author: str
    author_role: str
    made_at: datetime
    items: tuple[LogItem, ...]
    pack_redactions: tuple[LogRedaction, ...]  # those made "wherever they appear"
    process_notes: int
    earlier_versions: int  # of the chronology entries in the pack, not in it
    reviewers: tuple[Reviewer, ...]
    access_report: bool


def build_disclosure_log(log: LogContent) -> Document:
    document = new_document(DocumentInfo(TITLE, log.author, log.made_at), landscape=True)
    add_title(document, TITLE, "Subject access request: internal record of what was disclosed")
    made = log.made_at.astimezone()
    add_details_table(
        document,
        [
            ("Subject", f"{log.subject_name}\n{log.subject_detail}"),
            ("Requested by", log.requested_by or "The subject"),
            ("Request reference", log.reference),
            ("Received", long_date(log.received_on)),
            ("Due", long_date(log.due_on)),
            ("Log made by", f"{log.author}, {log.author_role}"),
            ("Log made", f"{long_date(made.date())}, {made:%H:%M}"),
        ],
    )
    add_notice(
        document,
        f"{MARKING}. For the council's own records: this log shows the words that were "
        "redacted. Never send it to the requester.",
    )
    _summary(document, log)
    _reviewers(document, log)
    _items(document, log)
    _withheld(document, log)
    _pack_redactions(document, log)
    return document


def _summary(document: Document, log: LogContent) -> None:
    document.add_heading("Summary", 1)
    withheld = sum(1 for item in log.items if item.withheld)
    redacted = sum(1 for item in log.items if item.redactions and not item.withheld)
    words = sum(r.count for item in log.items if not item.withheld for r in item.redactions)
    add_text(
        document,
        f"{len(log.items)} items gathered: {len(log.items) - withheld} disclosed "
        f"({redacted} with redactions, {words} redactions in all), {withheld} withheld.",
    )
    add_text(
        document,
        "Access report included in the pack."
        if log.access_report
        else "Access report not asked for.",
    )
    add_text(
        document,
        f"Therapists' process notes: {log.process_notes} "
        f"{'exists' if log.process_notes == 1 else 'exist'} in the family therapy in scope "
        "and none was included. Process notes are the therapist's own working notes and never "
        "leave Casebook in any export; if the requester asks for them, the "
        "therapist reviews them.",
    )
    if log.earlier_versions:
        add_text(
            document,
            f"Earlier versions of edited chronology entries: {log.earlier_versions}. The pack "
            "holds each entry as it reads now; the earlier versions are kept in Casebook and "
            "can be added if the requester asks for them.",
        )


def _reviewers(document: Document, log: LogContent) -> None:
    document.add_heading("Reviewed by", 1)
    if not log.reviewers:
        add_text(document, "No item has been reviewed.")
        return
    add_grid(
        document,
        ("Reviewer", "Items decided", "First decision", "Last decision"),
        [(r.name, str(r.items), _moment(r.first), _moment(r.last)) for r in log.reviewers],
        (Mm(80), Mm(40), Mm(60), LANDSCAPE_TEXT_WIDTH - Mm(180)),
    )


def _items(document: Document, log: LogContent) -> None:
    document.add_heading("Every item", 1)
    rows = []
    for number, item in enumerate(log.items, start=1):
        redactions = "\n".join(f"“{r.text}” ×{r.count}: {r.reason}" for r in item.redactions)
        rows.append(
            (
                str(number),
                f"{item.section}\n{item.kind}",
                f"{item.title}\n{long_date(item.on, '')}".strip(),
                item.decision,
                item.reason or NONE,
                redactions or NONE,
            )
        )
    add_grid(
        document,
        ("", "Section and kind", "Item", "Decision", "Reason", "Redactions (words, times, why)"),
        rows,
        (Mm(10), Mm(38), Mm(50), Mm(28), Mm(40), LANDSCAPE_TEXT_WIDTH - Mm(166)),
    )


def _withheld(document: Document, log: LogContent) -> None:
    withheld = [item for item in log.items if item.withheld]
    if not withheld:
        return
    document.add_heading("Withheld items", 1)
    add_grid(
        document,
        ("Item", "Date", "Why it was withheld"),
        [(f"{i.kind}: {i.title}", long_date(i.on, NONE), i.reason) for i in withheld],
        (Mm(100), Mm(40), LANDSCAPE_TEXT_WIDTH - Mm(140)),
    )


def _pack_redactions(document: Document, log: LogContent) -> None:
    if not log.pack_redactions:
        return
    document.add_heading("Redacted wherever they appear", 1)
    add_grid(
        document,
        ("Words", "Times in the pack", "Why"),
        [(r.text, str(r.count), r.reason) for r in log.pack_redactions],
        (Mm(90), Mm(40), LANDSCAPE_TEXT_WIDTH - Mm(130)),
    )


def _moment(value: datetime) -> str:
    local = value.astimezone()
    return f"{long_date(local.date())}, {local:%H:%M}"

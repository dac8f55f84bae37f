"""An engagement activity's insight report: what the activity was and who came (counted by
audience, never named), the themes and concerns raised, findings, recommendations, confidence
before and after for training, and the action plan. Parts with nothing in them are left out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from docx.document import Document
from docx.shared import Mm
from docx.table import Table

from desktop.exports.document_base import (
    MARKING,
    TEXT_WIDTH,
    DocumentInfo,
    add_details_table,
    add_grid,
    add_notice,
    add_text,
    add_title,
    long_date,
    new_document,
)
from desktop.exports.document_control import DocumentControl, add_document_control
from desktop.exports.therapy_content import Author
from desktop.models.choices import ActionStatus
from desktop.services.community_common import ActionRow
from desktop.services.engagement_records import RATINGS, ActivityView, RatingSummary

TITLE = "Insight report"
NONE = "–"
VERSION = "1.0"
RATING_WORDS = {1: "Not at all confident", 2: "", 3: "", 4: "", 5: "Very confident"}


def build_insight_report(view: ActivityView, author: Author, made_at: datetime) -> Document:
    document = new_document(DocumentInfo(TITLE, author.name, made_at))
    add_title(document, TITLE, view.title)
    add_details_table(document, _details(view))
    document.add_heading("Document control", 2)
    shared = [f"{s.partner_name} ({long_date(s.shared_on)})" for s in view.shares]
    add_document_control(
        document,
        DocumentControl(
            version=VERSION,
            author=f"{author.name}, {author.role}",
            issued_on=made_at.astimezone().date(),
            distribution=shared,
        ),
    )
    add_notice(
        document,
        f"{MARKING}. For the partners it was shared with. Attendance is counted by audience; "
        "no one who attended is named.",
    )
    _attendance(document, view)
    for heading, text in (
        ("Themes discussed", view.themes),
        ("Concerns raised", view.concerns),
        ("Findings", view.findings),
        ("Recommendations", view.recommendations),
    ):
        if text.strip():
            document.add_heading(heading, 1)
            add_text(document, text)
    _ratings(document, view.ratings)
    _action_plan(document, view.actions)
    return document


def _details(view: ActivityView) -> list[tuple[str, str]]:
    if view.online:
        venue = f"Online ({view.venue})" if view.venue else "Online"
    else:
        venue = view.venue or "Not recorded"
    rows = [
        ("Activity", view.kind.label),
        ("Date", long_date(view.held_on)),
        ("Venue", venue),
    ]
    if view.languages:
        rows.append(("Languages used", ", ".join(view.languages)))
    if view.communities:
        rows.append(("Communities reached", ", ".join(view.communities)))
    if view.partners:
        rows.append(("Partners involved", "\n".join(p.name for p in view.partners)))
    rows.append(
        ("People who came", str(view.total_attendance) if view.attendance else "Not counted")
    )
    return rows


def _attendance(document: Document, view: ActivityView) -> None:
    if not view.attendance:
        return
    document.add_heading("Who came", 1)
    rows = [(row.audience.label, str(row.count)) for row in view.attendance]
    rows.append(("Total", str(view.total_attendance)))
    add_grid(document, ("Audience", "Number"), rows, (TEXT_WIDTH - Mm(35), Mm(35)))


def _ratings(document: Document, ratings: RatingSummary) -> None:
    if ratings.empty:
        return
    document.add_heading("Confidence before and after", 1)
    for paragraph in add_text(
        document,
        "Attendees rated their confidence in spotting and responding to exploitation from 1 "
        "(not at all confident) to 5 (very confident), at the start and at the end.",
    ):
        paragraph.paragraph_format.keep_with_next = True
    rows = [
        (
            f"{rating} {RATING_WORDS[rating]}".strip(),
            str(before),
            str(after),
        )
        for rating, before, after in zip(RATINGS, ratings.before, ratings.after, strict=True)
    ]
    rows.append(("Responses", str(ratings.responses_before), str(ratings.responses_after)))
    rows.append(("Average", _mean(ratings.mean_before), _mean(ratings.mean_after)))
    table = add_grid(
        document,
        ("Rating", "Before", "After"),
        rows,
        (TEXT_WIDTH - Mm(60), Mm(30), Mm(30)),
    )
    _keep_together(table)
    if ratings.change is not None:
        direction = "rose" if ratings.change > 0 else "fell" if ratings.change < 0 else "held"
        change = f" by {abs(ratings.change):.1f}" if ratings.change else ""
        add_text(document, f"Average confidence {direction}{change} on the scale of 5.")


def _keep_together(table: Table) -> None:
    """A short table read as one (a tally and its averages) stays on one page: every row but
    the last keeps with the next."""
    for row in table.rows[:-1]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _mean(value: float | None) -> str:
    return NONE if value is None else f"{value:.1f}"


def _action_plan(document: Document, rows: Sequence[ActionRow]) -> None:
    shown = [row for row in rows if row.status is not ActionStatus.DROPPED]
    if not shown:
        return
    document.add_heading("Action plan", 1)
    add_grid(
        document,
        ("", "Action", "Owner", "Due", "Status"),
        [
            (
                str(number),
                row.description,
                row.owner_name or NONE,
                due_text(row),
                status_text(row),
            )
            for number, row in enumerate(shown, start=1)
        ],
        (Mm(8), TEXT_WIDTH - Mm(110), Mm(42), Mm(32), Mm(28)),
    )


def due_text(row: ActionRow) -> str:
    if row.due_on is None:
        return "No date"
    return f"{long_date(row.due_on)}\nOverdue" if row.overdue else long_date(row.due_on)


def status_text(row: ActionRow) -> str:
    if row.status is ActionStatus.DONE and row.done_on is not None:
        return f"Done\n{long_date(row.done_on)}"
    return row.status.label

"""The community engagement strategy's progress report for a period: a summary table of the four
outcomes, then each outcome's activities, open actions and actions done. An outcome with nothing
in the period says so in a line rather than leaving an empty heading."""

from __future__ import annotations

from datetime import datetime

from docx.document import Document
from docx.shared import Mm

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
from desktop.exports.insight_report import due_text, status_text
from desktop.exports.therapy_content import Author
from desktop.services.strategy_service import OutcomeProgress, StrategyProgress

TITLE = "Strategy progress report"
NONE = "–"
VERSION = "1.0"


def period_text(progress: StrategyProgress) -> str:
    return f"{long_date(progress.from_on)} to {long_date(progress.to_on)}"


def build_progress_report(
    progress: StrategyProgress, author: Author, made_at: datetime
) -> Document:
    document = new_document(DocumentInfo(TITLE, author.name, made_at))
    add_title(
        document,
        "Community engagement strategy",
        f"Progress report · {period_text(progress)}",
    )
    activities = {a.id: a for p in progress.outcomes for a in p.activities}
    open_ids = {a.id for p in progress.outcomes for a in p.open_actions}
    done_ids = {a.id for p in progress.outcomes for a in p.done_actions}
    add_details_table(
        document,
        [
            ("Period", period_text(progress)),
            ("Activities serving the strategy", str(len(activities))),
            ("People reached", str(sum(a.attendance for a in activities.values()))),
            ("Open actions", f"{len(open_ids)} as at {long_date(progress.as_at)}"),
            ("Actions done in the period", str(len(done_ids))),
        ],
    )
    document.add_heading("Document control", 2)
    add_document_control(
        document,
        DocumentControl(
            version=VERSION,
            author=f"{author.name}, {author.role}",
            issued_on=made_at.astimezone().date(),
        ),
    )
    add_notice(
        document,
        f"{MARKING}. An activity or action serving more than one outcome is counted under "
        "each; the totals above count it once. Attendance is counted, never named.",
    )
    document.add_heading("Summary", 1)
    add_grid(
        document,
        ("Outcome", "Activities", "People reached", "Open actions", "Overdue", "Done"),
        [
            (
                p.outcome.label,
                str(p.activity_count),
                str(p.people_reached),
                str(p.open_count),
                str(p.overdue_count),
                str(p.done_count),
            )
            for p in progress.outcomes
        ],
        (TEXT_WIDTH - Mm(108), Mm(20), Mm(24), Mm(22), Mm(20), Mm(22)),
    )
    for outcome in progress.outcomes:
        _outcome(document, outcome)
    return document


def _outcome(document: Document, progress: OutcomeProgress) -> None:
    document.add_heading(progress.outcome.label, 1)
    if not (progress.activities or progress.open_actions or progress.done_actions):
        add_text(document, "No activities or actions serving this outcome in the period.")
        return
    document.add_heading("Activities", 2)
    if not progress.activities:
        add_text(document, "No activities serving this outcome were held in the period.")
    else:
        add_grid(
            document,
            ("Date", "Activity", "Kind", "People"),
            [
                (
                    long_date(a.held_on),
                    a.title,
                    a.kind.label,
                    str(a.attendance) if a.attendance else NONE,
                )
                for a in progress.activities
            ],
            (Mm(35), TEXT_WIDTH - Mm(93), Mm(40), Mm(18)),
        )
    for heading, rows in (
        ("Open actions", progress.open_actions),
        ("Actions done in the period", progress.done_actions),
    ):
        if rows:
            document.add_heading(heading, 2)
            add_grid(
                document,
                ("Action", "Owner", "Due", "Status"),
                [
                    (
                        f"{row.description}\nFrom: {row.activity_title}"
                        if row.activity_title
                        else row.description,
                        row.owner_name or NONE,
                        due_text(row),
                        status_text(row),
                    )
                    for row in rows
                ],
                (TEXT_WIDTH - Mm(100), Mm(30), Mm(35), Mm(35)),
            )

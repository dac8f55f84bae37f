"""The action tracker across meetings: every action this user may see, open ones first and the
soonest due first, with the meeting it came from, its owner and its young person."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

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
from desktop.exports.document_control import DocumentControl, add_document_control
from desktop.exports.meeting_actions import action_status, due_text, held_text
from desktop.exports.therapy_content import Author
from desktop.services.meeting_records import MeetingActionRow

TITLE = "Action tracker"
NONE = "–"
VERSION = "1.0"


def build_action_tracker(
    rows: Sequence[MeetingActionRow], author: Author, made_at: datetime, open_only: bool
) -> Document:
    # Landscape: six columns, and an action's wording needs room.
    document = new_document(DocumentInfo(TITLE, author.name, made_at), landscape=True)
    subtitle = "Open actions from meetings" if open_only else "Actions from meetings"
    add_title(document, TITLE, f"Integrated Gangs and Exploitation Unit · {subtitle}")
    open_rows = [row for row in rows if row.is_open]
    overdue = sum(row.overdue for row in rows)
    facts = [("Open actions", str(len(open_rows))), ("Overdue", str(overdue))]
    if not open_only:
        facts.append(("Done or dropped", str(len(rows) - len(open_rows))))
    facts.append(("As at", long_date(made_at.astimezone().date())))
    add_details_table(document, facts)
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
        f"{MARKING}. For the unit and the agencies that own these actions. Actions about young "
        "people whose records are not open to the person who made it are left out.",
    )
    document.add_heading("Actions", 1)
    if not rows:
        add_text(document, "There are no open actions." if open_only else "There are no actions.")
        return document
    add_grid(
        document,
        ("Action", "From meeting", "Young person", "Owner", "Due", "Status"),
        [
            (
                row.description,
                held_text(row),
                f"{row.person_name}\n{row.case_reference}" if row.case_reference else NONE,
                row.owner_name or NONE,
                due_text(row),
                action_status(row),
            )
            for row in rows
        ],
        (LANDSCAPE_TEXT_WIDTH - Mm(162), Mm(36), Mm(38), Mm(34), Mm(28), Mm(26)),
    )
    return document

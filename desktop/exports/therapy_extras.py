"""The parts of a therapy document that go beyond the shareable record, clearly headed: text
the author added, and clinical detail from signed notes (never process notes)."""

from __future__ import annotations

from docx.document import Document

from desktop.exports.document_base import add_notice, add_text, long_date
from desktop.exports.therapy_content import SessionSummary

CLINICAL_HEADING = "Clinical detail from signed session notes"
ADDITIONAL_HEADING = "Additional information"


def add_additional_text(document: Document, text: str, level: int = 1) -> None:
    if not text.strip():
        return
    document.add_heading(ADDITIONAL_HEADING, level)
    add_text(document, text)


def add_clinical_detail(document: Document, sessions: tuple[SessionSummary, ...]) -> None:
    """Each signed note's template sections, free text and addenda, session by session."""
    document.add_heading(CLINICAL_HEADING, 1)
    add_notice(
        document,
        "This section goes beyond the shareable summary: it holds clinical detail from the "
        "therapist's signed session notes. Share it only with those who need it.",
    )
    shown = [session for session in sessions if session.clinical]
    if not shown:
        add_text(document, "", missing="The signed notes hold no further clinical detail.")
    for session in shown:
        document.add_heading(f"Session {session.number}: {long_date(session.day)}", 2)
        for part in session.clinical:
            document.add_heading(part.heading, 3)
            add_text(document, part.text)

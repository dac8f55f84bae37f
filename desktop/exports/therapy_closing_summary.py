"""The therapy closing summary: the family, the work offered, attendance, the closing summary
and each signed session's shareable summary; clinical detail only when the therapist asks."""

from __future__ import annotations

from datetime import date, datetime

from docx.document import Document
from docx.shared import Mm

from desktop.exports.document_base import (
    TEXT_WIDTH,
    DocumentInfo,
    add_details_table,
    add_grid,
    add_label,
    add_text,
    add_title,
    long_date,
    new_document,
    percent,
)
from desktop.exports.therapy_content import Author, Extras, PersonLine, TherapyCaseContent
from desktop.exports.therapy_extras import add_additional_text, add_clinical_detail

TITLE = "Therapy closing summary"


def build_closing_summary(
    content: TherapyCaseContent, author: Author, made_at: datetime, extras: Extras | None = None
) -> Document:
    extras = extras or Extras()
    document = new_document(DocumentInfo(TITLE, author.name, made_at))
    add_title(document, TITLE, "Family therapy")
    add_details_table(document, _details(content))

    document.add_heading("Reason for referral", 1)
    add_text(document, content.referral_reason, missing="No reason for referral was recorded.")
    document.add_heading("Goals agreed with the family", 1)
    add_text(document, content.goals, missing="No goals were recorded.")

    document.add_heading("Attendance", 1)
    _attendance(document, content)

    document.add_heading("Closing summary", 1)
    add_text(document, content.closing_summary, missing="No closing summary has been written.")

    document.add_heading("Session summaries", 1)
    if content.sessions:
        add_grid(
            document,
            ("Session", "Date", "Summary"),
            [
                (
                    f"{session.number}\n{session.outcome}",
                    f"{long_date(session.day)}\n{session.location}",
                    session.shareable_summary or "No shareable summary was written.",
                )
                for session in content.sessions
            ],
            (Mm(28), Mm(36), TEXT_WIDTH - Mm(64)),
        )
    else:
        add_text(document, "", missing="No session has a signed note yet.")

    add_additional_text(document, extras.additional_text)
    if extras.clinical_detail:
        add_clinical_detail(document, content.sessions)

    document.add_heading("Prepared by", 1)
    add_label(document, "Name", author.name)
    add_label(document, "Role", author.role)
    add_label(document, "Date", long_date(made_at.astimezone().date()))
    return document


def _details(content: TherapyCaseContent) -> list[tuple[str, str]]:
    return [
        ("Young people", "\n".join(_person(person) for person in content.young_people)),
        (
            "Family members",
            "\n".join(f"{m.name} ({m.relationship})" for m in content.other_members) or "None",
        ),
        ("Therapist", content.therapist),
        ("Model of work", content.model_of_work),
        ("Referred on", long_date(content.referred_on)),
        ("Work started", long_date(content.started_on)),
        ("Work ended", long_date(content.ended_on, missing="Still open")),
    ]


def _person(person: PersonLine) -> str:
    return f"{person.name} (born {_born(person.date_of_birth)})"


def _born(day: date | None) -> str:
    return long_date(day, missing="date of birth not recorded")


def _attendance(document: Document, content: TherapyCaseContent) -> None:
    offered, attended = content.sessions_offered, content.sessions_attended
    if not offered:
        add_text(document, "", missing="No sessions have been offered yet.")
        return
    add_text(
        document,
        f"{offered} session{'s' if offered != 1 else ''} offered; the family attended "
        f"{attended} ({percent(attended, offered)}). Sessions the service cancelled or "
        "rescheduled are not counted.",
    )
    add_grid(
        document,
        ("Family member", "Relationship", "Attended", "Rate"),
        [
            (
                line.name,
                line.relationship,
                f"{line.attended} of {line.recorded}",
                percent(line.attended, line.recorded),
            )
            for line in content.attendance
        ],
        (Mm(55), Mm(45), Mm(35), TEXT_WIDTH - Mm(135)),
    )

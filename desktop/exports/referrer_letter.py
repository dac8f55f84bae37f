"""A letter to the person who referred the family: engagement, attendance and the shareable
outcome, with any paragraphs the therapist added; clinical detail only when asked for."""

from __future__ import annotations

from datetime import datetime

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Pt

from desktop.exports.document_base import (
    MARKING,
    UNIT_NAME,
    DocumentInfo,
    add_lines,
    add_text,
    long_date,
    new_document,
    percent,
)
from desktop.exports.therapy_content import (
    AttendanceLine,
    Author,
    Extras,
    LetterInput,
    TherapyCaseContent,
    joined,
)
from desktop.exports.therapy_extras import add_clinical_detail

TITLE = "Letter to referrer"


def build_referrer_letter(
    content: TherapyCaseContent,
    letter: LetterInput,
    author: Author,
    made_at: datetime,
    extras: Extras | None = None,
) -> Document:
    extras = extras or Extras()
    document = new_document(DocumentInfo(TITLE, author.name, made_at))
    sender = document.add_paragraph()
    sender.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    add_lines(sender, f"{UNIT_NAME}\nFamily therapy service")
    sender.paragraph_format.space_after = Pt(18)

    addressee = document.add_paragraph()
    lines = [letter.name.strip(), letter.organisation.strip(), *_lines(letter.address)]
    add_lines(addressee, "\n".join(line for line in lines if line))
    addressee.paragraph_format.space_after = Pt(12)
    dated = document.add_paragraph(long_date(made_at.astimezone().date()))
    dated.paragraph_format.space_after = Pt(12)

    add_lines(document.add_paragraph(), f"Dear {letter.name.strip()},")
    regarding = document.add_paragraph()
    regarding.add_run(f"Re: {_regarding(content)}").bold = True

    for paragraph in _body(content):
        add_text(document, paragraph)
    add_text(document, content.closing_summary)
    add_text(document, extras.additional_text)
    add_text(
        document,
        "If you would like to talk about the work with the family, please contact me at the "
        f"unit. This letter is marked {MARKING}: please keep it securely and share it only "
        "with those who need to know.",
    )

    document.add_paragraph("Yours sincerely,").paragraph_format.space_after = Pt(36)
    signature = document.add_paragraph()
    add_lines(signature, author.name, bold=True)
    add_lines(signature, f"\n{author.role}\n{UNIT_NAME}")

    if extras.clinical_detail:
        signature.add_run().add_break(WD_BREAK.PAGE)
        add_clinical_detail(document, content.sessions)
    return document


def _lines(address: str) -> list[str]:
    return [line.strip().rstrip(",") for line in address.splitlines() if line.strip()]


def _regarding(content: TherapyCaseContent) -> str:
    return joined(
        [
            f"{person.name} (date of birth {long_date(person.date_of_birth, 'not recorded')})"
            for person in content.young_people
        ]
    )


def _body(content: TherapyCaseContent) -> list[str]:
    referred = f" on {long_date(content.referred_on)}" if content.referred_on else ""
    state = "now that the work has ended" if content.ended_on else "so far"
    paragraphs = [
        f"Thank you for referring {content.names} and their family to the unit's family therapy "
        f"service{referred}. I am writing to let you know how the family engaged {state}."
    ]
    period = ""
    if content.started_on:
        period = f" from {long_date(content.started_on)}"
        if content.ended_on:
            period += f" to {long_date(content.ended_on)}"
    model = content.model_of_work.lower() if content.model_of_work != "Other" else "therapy"
    engagement = f"{content.therapist}, family therapist, offered the family {model}{period}."
    offered, attended = content.sessions_offered, content.sessions_attended
    if offered:
        engagement += (
            f" Of the {offered} session{'s' if offered != 1 else ''} offered, the family "
            f"attended {attended} ({percent(attended, offered)})."
        )
        members = [_member(line) for line in content.attendance if line.recorded]
        if members:
            engagement += f" Individually, {joined(members)}."
    else:
        engagement += " No sessions have been offered yet."
    paragraphs.append(engagement)
    if content.goals.strip():
        paragraphs.append(f"The goals agreed with the family were:\n{content.goals.strip()}")
    return paragraphs


def _member(line: AttendanceLine) -> str:
    who = line.name if line.relationship == "Young person" else f"{line.name} ({line.relationship})"
    return f"{who} attended {line.attended} of {line.recorded}"

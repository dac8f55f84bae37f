"""A meeting's minutes: when and where, who came, young people discussed, each agenda item with
its discussion and decisions, and the action list. Parts with nothing in them are left out."""

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
    add_heading_text,
    add_label,
    add_notice,
    add_text,
    add_title,
    long_date,
    new_document,
)
from desktop.exports.document_control import DocumentControl, add_document_control
from desktop.exports.meeting_actions import action_status, due_text
from desktop.exports.therapy_content import Author
from desktop.services.meeting_records import AttendeeRow, MeetingView, kind_in_sentence

TITLE = "Minutes"
NONE = "–"
VERSION = "1.0"


def build_minutes(view: MeetingView, author: Author, made_at: datetime) -> Document:
    title = f"{TITLE} of the {kind_in_sentence(view.kind)}"
    document = new_document(DocumentInfo(TITLE, author.name, made_at))
    add_title(document, title, "Integrated Gangs and Exploitation Unit")
    held = view.held_at.astimezone()
    add_details_table(
        document,
        [
            ("Meeting", view.kind.label),
            ("Date", f"{long_date(held.date())}, {held:%H:%M}"),
            ("Place", view.place or "Not recorded"),
            ("Chair", view.chair_name or "Not recorded"),
            ("Minutes taken by", view.minute_taker_name or "Not recorded"),
        ],
    )
    document.add_heading("Document control", 2)
    add_document_control(
        document,
        DocumentControl(
            version=VERSION,
            author=f"{author.name}, {author.role}",
            issued_on=made_at.astimezone().date(),
            distribution=[_attendee(a) for a in view.attendees],
        ),
    )
    add_notice(
        document,
        f"{MARKING}. These minutes are for the people who attended or sent apologies. Do not "
        "share them further without the chair's agreement.",
    )
    if view.hidden_people or view.hidden_actions:
        add_text(document, _left_out(view))
    _attendance(document, view)
    _people(document, view)
    if view.agenda:
        document.add_heading("Agenda", 1)
        add_text(document, view.agenda)
    _items(document, view)
    _actions(document, view)
    return document


def _attendee(row: AttendeeRow) -> str:
    return ", ".join(part for part in (row.name, row.role, row.agency) if part)


def _left_out(view: MeetingView) -> str:
    parts = []
    if view.hidden_people:
        people = "young person" if view.hidden_people == 1 else "young people"
        parts.append(f"{view.hidden_people} {people} discussed")
    if view.hidden_actions:
        things = "action" if view.hidden_actions == 1 else "actions"
        parts.append(f"{view.hidden_actions} {things} about them")
    return (
        f"This copy leaves out {' and '.join(parts)}: their records are not open to the person "
        "who made it."
    )


def _attendance(document: Document, view: MeetingView) -> None:
    if not view.attendees:
        return
    document.add_heading("Attendance", 1)
    for heading, rows in (("Present", view.present), ("Apologies", view.apologies)):
        if rows:
            document.add_heading(heading, 2)
            add_grid(
                document,
                ("Name", "Agency", "Role"),
                [(a.name, a.agency or NONE, a.role or NONE) for a in rows],
                (Mm(55), Mm(55), TEXT_WIDTH - Mm(110)),
            )


def _people(document: Document, view: MeetingView) -> None:
    if not view.people:
        return
    document.add_heading("Young people discussed", 1)
    add_grid(
        document,
        ("Name", "Case reference"),
        [(p.name, p.case_reference) for p in view.people],
        (TEXT_WIDTH - Mm(50), Mm(50)),
    )


def _items(document: Document, view: MeetingView) -> None:
    if not view.items:
        return
    document.add_heading("Discussion and decisions", 1)
    for number, item in enumerate(view.items, start=1):
        add_heading_text(document, f"{number}. {item.title}", 2)
        if not item.discussion and not item.decisions:
            add_text(document, "", missing="Nothing recorded for this item.")
        add_text(document, item.discussion)
        if item.decisions:
            add_label(document, "Decisions", "")
            add_text(document, item.decisions)


def _actions(document: Document, view: MeetingView) -> None:
    if not view.actions:
        return
    document.add_heading("Actions", 1)
    add_grid(
        document,
        ("", "Action", "Owner", "Young person", "Due", "Status"),
        [
            (
                str(number),
                row.description,
                row.owner_name or NONE,
                f"{row.person_name}\n{row.case_reference}" if row.case_reference else NONE,
                due_text(row),
                action_status(row),
            )
            for number, row in enumerate(view.actions, start=1)
        ],
        (Mm(8), TEXT_WIDTH - Mm(112), Mm(30), Mm(30), Mm(24), Mm(20)),
    )

"""Subject access items from family therapy: the cases a family member is part of, sessions
with their attendance, session notes and addenda, and their outcome measures. Process notes are
the therapist's own working notes: counted for the disclosure log, never read (issue 7)."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models.therapy import (
    NoteAddendum,
    OutcomeMeasure,
    SessionAttendance,
    SessionNote,
    TherapyCase,
    TherapySession,
)
from desktop.services import sar_items as s
from desktop.services.note_templates import label_of
from desktop.services.sar_items import SarItem, text_of, when, yes_no

Staff = Mapping[int, str]


def therapy_items(
    session: Session,
    case_ids: Collection[int],
    people: Collection[int],
    contacts: Collection[int],
    staff: Staff,
) -> tuple[list[SarItem], int]:
    """Items for the cases given, with the subject's attendance and measures (the subject is
    the young people or contacts given); and how many process notes the cases hold."""
    if not case_ids:
        return [], 0
    items: list[SarItem] = []
    for case in session.execute(select(TherapyCase).where(TherapyCase.id.in_(case_ids))).scalars():
        items.append(_case(case, staff))
    sessions = session.execute(
        select(TherapySession).where(TherapySession.case_id.in_(case_ids))
    ).scalars()
    numbers: dict[int, int] = {}  # session id -> its number in the case
    for row in sessions.all():
        numbers[row.id] = row.number
        items.append(_session(session, row, people, contacts))
    session_ids = list(numbers)
    notes = session.execute(
        select(SessionNote).where(SessionNote.session_id.in_(session_ids))
    ).scalars()
    note_sessions: dict[int, int] = {}  # note id -> its session's number
    for note in notes.all():
        note_sessions[note.id] = numbers[note.session_id]
        items.append(_note(note, numbers[note.session_id], staff))
    note_ids = list(note_sessions)
    addenda = select(NoteAddendum).where(NoteAddendum.note_id.in_(note_ids))
    for addendum in session.execute(addenda).scalars():
        items.append(
            SarItem(
                f"note_addenda:{addendum.id}",
                s.THERAPY_SESSIONS,
                "Addendum to a session note",
                s.day(addendum.signed_at),
                f"Addendum to the note of session {note_sessions[addendum.note_id]}",
                text_of(
                    [
                        ("Written", when(addendum.signed_at)),
                        ("By", staff.get(addendum.author_id, "")),
                    ],
                    [("Addendum", addendum.text)],
                ),
            )
        )
    measures = select(OutcomeMeasure).where(
        OutcomeMeasure.session_id.in_(session_ids),
        (OutcomeMeasure.young_person_id.in_(people)) | (OutcomeMeasure.contact_id.in_(contacts)),
    )
    for measure in session.execute(measures).scalars():
        scores = ", ".join("–" if score is None else str(score) for score in measure.item_scores)
        items.append(
            SarItem(
                f"outcome_measures:{measure.id}",
                s.THERAPY_SESSIONS,
                "Outcome measure",
                s.day(measure.recorded_at),
                f"{measure.version} questionnaire",
                text_of(
                    [
                        ("Recorded", when(measure.recorded_at)),
                        ("Questionnaire", measure.version),
                        ("Answers to each question, in order", scores),
                        ("Recorded by", staff.get(measure.recorded_by_id, "")),
                    ]
                ),
            )
        )
    process = session.execute(
        select(func.count())
        .select_from(SessionNote)
        .where(SessionNote.session_id.in_(session_ids), SessionNote.process_notes != "")
    ).scalar_one()
    return items, process


def _case(case: TherapyCase, staff: Staff) -> SarItem:
    return SarItem(
        f"therapy_cases:{case.id}",
        s.THERAPY,
        "Family therapy case",
        case.started_on or case.referred_on,
        f"Family therapy: {case.model_of_work.label}",
        text_of(
            [
                ("Model of work", case.model_of_work.label),
                ("Therapist", staff.get(case.therapist_id, "")),
                ("Referred", when(case.referred_on)),
                ("Consent given", yes_no(case.consent_given)),
                ("Consent recorded", when(case.consent_recorded_on)),
                ("Started", when(case.started_on)),
                ("Ended", when(case.ended_on)),
            ],
            [
                ("Reason for referral", case.referral_reason),
                ("Goals", case.goals),
                ("Closing summary", case.closing_summary),
            ],
        ),
    )


def _session(
    session: Session, row: TherapySession, people: Collection[int], contacts: Collection[int]
) -> SarItem:
    attended = session.execute(
        select(SessionAttendance.attended).where(
            SessionAttendance.session_id == row.id,
            SessionAttendance.young_person_id.in_(people)
            | SessionAttendance.contact_id.in_(contacts),
        )
    ).scalars()
    answers = list(attended)
    return SarItem(
        f"therapy_sessions:{row.id}",
        s.THERAPY_SESSIONS,
        "Family therapy session",
        s.day(row.starts_at),
        f"Session {row.number}",
        text_of(
            [
                ("When", when(row.starts_at)),
                ("Length", f"{row.minutes} minutes"),
                ("Where", row.location.label),
                ("Outcome", row.outcome.label),
                ("You attended", yes_no(any(answers)) if answers else ""),
            ]
        ),
    )


def _note(note: SessionNote, number: int, staff: Staff) -> SarItem:
    sections = [
        (label_of(note.note_format, key), text) for key, text in (note.sections or {}).items()
    ]
    signed = when(note.signed_at) if note.signed_at else "Not signed (a draft)"
    return SarItem(
        f"session_notes:{note.id}",
        s.THERAPY_SESSIONS,
        "Session note",
        s.day(note.created_at),
        f"Note of session {number}",
        text_of(
            [
                ("Format", note.note_format.label),
                ("Written by", staff.get(note.author_id, "")),
                ("Signed", signed),
                ("Risk or safeguarding concern", yes_no(note.risk_concern)),
            ],
            [*sections, ("Notes", note.body), ("Summary", note.shareable_summary)],
        ),
    )

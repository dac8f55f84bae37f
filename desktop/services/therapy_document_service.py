"""Therapy documents as Word files: the closing summary and the letter to the referrer, built
from the case and its signed notes' shareable summaries, saved whole, and audited.

A family therapist who reaches the case may add clinical detail from signed notes and text of
their own; the coordinator may produce the shareable documents (and add text of their own) but
not clinical detail, which is the therapist's to share. Process notes are never read here: the
queries below do not select them. Drafts are left out: only signed notes are final.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from docx.document import Document
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.exports.referrer_letter import build_referrer_letter
from desktop.exports.safe_save import DocumentSaveError, docx_path
from desktop.exports.therapy_closing_summary import build_closing_summary
from desktop.exports.therapy_content import (
    AttendanceLine,
    Author,
    ClinicalPart,
    Extras,
    LetterInput,
    PersonLine,
    SessionSummary,
    TherapyCaseContent,
)
from desktop.models.accounts import Account, Role
from desktop.models.choices import SessionOutcome
from desktop.models.people import YoungPerson
from desktop.models.therapy import (
    NoteAddendum,
    SessionNote,
    TherapyCasePerson,
    TherapySession,
)
from desktop.services.audited_export import ExportRecord, export_audited
from desktop.services.current_user import CurrentUser
from desktop.services.note_templates import label_of
from desktop.services.permissions import PermissionDeniedError, Section, require_section
from desktop.services.therapy_access import MANAGERS, get_case
from desktop.services.therapy_diary import NOT_OFFERED, attendance_tallies
from desktop.services.therapy_household import case_members
from desktop.services.therapy_records import TherapyInputError

__all__ = [
    "CLOSING_SUMMARY",
    "REFERRER_LETTER",
    "DocumentOptions",
    "DocumentSaveError",
    "LetterInput",
    "TherapyDocumentService",
    "TherapyInputError",
]

_Builder = Callable[[TherapyCaseContent, Author, datetime], Document]

# The document kinds, as the audit log names them.
CLOSING_SUMMARY = "therapy_closing_summary"
REFERRER_LETTER = "referrer_letter"


@dataclass(frozen=True)
class DocumentOptions:
    """What the author chose to add beyond the shareable record (nothing, by default)."""

    include_clinical_detail: bool = False
    additional_text: str = ""

    @property
    def beyond_shareable(self) -> bool:
        """True when the document will hold more than the shareable summary: the view warns
        and asks before saving."""
        return self.include_clinical_detail or bool(self.additional_text.strip())

    def audit_fields(self) -> list[str]:
        names = []
        if self.include_clinical_detail:
            names.append("clinical_detail")
        if self.additional_text.strip():
            names.append("additional_text")
        return names


class TherapyDocumentService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    @property
    def may_include_clinical_detail(self) -> bool:
        """Whether this user may add clinical detail (the view hides the choice otherwise)."""
        return self._user.role is Role.FAMILY_THERAPIST

    def closing_summary(
        self, case_id: int, destination: Path, options: DocumentOptions | None = None
    ) -> Path:
        """Writes the closing summary to destination (".docx" added if missing); returns the
        path written. DocumentSaveError says, without the path, why a save failed."""
        options = options or DocumentOptions()

        def build(content: TherapyCaseContent, author: Author, now: datetime) -> Document:
            return build_closing_summary(content, author, now, _extras(options))

        return self._export(case_id, destination, options, CLOSING_SUMMARY, build)

    def referrer_letter(
        self,
        case_id: int,
        destination: Path,
        letter: LetterInput,
        options: DocumentOptions | None = None,
    ) -> Path:
        """Writes the letter to the referrer; TherapyInputError if the addressee is incomplete."""
        options = options or DocumentOptions()
        found = letter.problems()
        if found:
            raise TherapyInputError(" ".join(found))

        def build(content: TherapyCaseContent, author: Author, now: datetime) -> Document:
            return build_referrer_letter(content, letter, author, now, _extras(options))

        return self._export(case_id, destination, options, REFERRER_LETTER, build)

    # ---- helpers -------------------------------------------------------------------------
    def _export(
        self,
        case_id: int,
        destination: Path,
        options: DocumentOptions,
        kind: str,
        build: _Builder,
    ) -> Path:
        self._check(options)
        now = self._clock.now()

        def make(session: Session) -> tuple[Document, ExportRecord]:
            content = _content(session, self._user, case_id, now, options)
            document = build(content, Author(self._user.display_name, _role(self._user)), now)
            # Named by kind and extras only: the path may hold a name, the text is private.
            return document, ExportRecord(
                "therapy_case", str(case_id), [kind, *options.audit_fields()]
            )

        return export_audited(
            self._sessions, self._clock, self._user.username, docx_path(destination), make
        )

    def _check(self, options: DocumentOptions) -> None:
        require_section(self._user.role, Section.FAMILY_THERAPY)
        if self._user.role not in MANAGERS:
            raise PermissionDeniedError("produce therapy documents")
        if options.include_clinical_detail and not self.may_include_clinical_detail:
            raise PermissionDeniedError("add clinical detail from therapy notes to a document")


def _extras(options: DocumentOptions) -> Extras:
    return Extras(options.include_clinical_detail, options.additional_text.strip())


def _role(user: CurrentUser) -> str:
    return user.role.label


def _content(
    session: Session, user: CurrentUser, case_id: int, now: datetime, options: DocumentOptions
) -> TherapyCaseContent:
    case = get_case(session, user, case_id, now)
    members = case_members(session, case.id)
    births = {
        person_id: born
        for person_id, born in session.execute(
            select(YoungPerson.id, YoungPerson.date_of_birth)
            .join(TherapyCasePerson, TherapyCasePerson.young_person_id == YoungPerson.id)
            .where(TherapyCasePerson.case_id == case.id)
        )
    }
    people = tuple(
        PersonLine(row.name, row.relationship, births.get(row.member.id))
        for row in members
        if row.member.kind == "young_person"
    )
    others = tuple(
        PersonLine(row.name, row.relationship) for row in members if row.member.kind == "contact"
    )
    rows = list(
        session.execute(
            select(TherapySession)
            .where(TherapySession.case_id == case.id)
            .order_by(TherapySession.number)
        ).scalars()
    )
    # As the diary counts it: sessions begun, less those the family was never really offered.
    offered = [row for row in rows if row.starts_at <= now and row.outcome not in NOT_OFFERED]
    tally = attendance_tallies(session, [row.id for row in offered])
    therapist = session.execute(
        select(Account.display_name).where(Account.id == case.therapist_id)
    ).scalar_one()
    return TherapyCaseContent(
        young_people=people,
        other_members=others,
        therapist=therapist,
        model_of_work=case.model_of_work.label,
        referred_on=case.referred_on,
        started_on=case.started_on,
        ended_on=case.ended_on,
        referral_reason=case.referral_reason,
        goals=case.goals,
        sessions_offered=len(offered),
        sessions_attended=sum(row.outcome is SessionOutcome.ATTENDED for row in offered),
        attendance=tuple(
            AttendanceLine(row.name, row.relationship, *tally.get(row.member, (0, 0)))
            for row in members
        ),
        closing_summary=case.closing_summary,
        sessions=_signed_sessions(session, rows, options.include_clinical_detail),
    )


def _signed_sessions(
    session: Session, rows: list[TherapySession], clinical: bool
) -> tuple[SessionSummary, ...]:
    """Sessions with at least one signed note, each with its notes' shareable summaries and,
    if asked for, their clinical parts. The columns are named one by one so that the process
    notes are never loaded."""
    notes = session.execute(
        select(
            SessionNote.id,
            SessionNote.session_id,
            SessionNote.note_format,
            SessionNote.sections,
            SessionNote.body,
            SessionNote.shareable_summary,
        )
        .where(
            SessionNote.session_id.in_([row.id for row in rows]),
            SessionNote.signed_at.is_not(None),
        )
        .order_by(SessionNote.id)
    ).all()
    addenda = _addenda(session, [note.id for note in notes]) if clinical else {}
    by_session: dict[int, list[tuple[str, list[ClinicalPart]]]] = {}
    for note in notes:
        parts: list[ClinicalPart] = []
        if clinical:
            parts = [
                ClinicalPart(label_of(note.note_format, key), text)
                for key, text in note.sections.items()
                if text.strip()
            ]
            if note.body.strip():
                parts.append(ClinicalPart("Further notes", note.body))
            parts.extend(addenda.get(note.id, []))
        by_session.setdefault(note.session_id, []).append((note.shareable_summary, parts))
    summaries = []
    for row in rows:
        found = by_session.get(row.id)
        if not found:
            continue
        summaries.append(
            SessionSummary(
                row.number,
                row.starts_at.astimezone().date(),
                row.location.label,
                row.outcome.label,
                "\n\n".join(text.strip() for text, _parts in found if text.strip()),
                tuple(part for _text, parts in found for part in parts),
            )
        )
    return tuple(summaries)


def _addenda(session: Session, note_ids: Iterable[int]) -> dict[int, list[ClinicalPart]]:
    rows = session.execute(
        select(
            NoteAddendum.note_id, NoteAddendum.text, NoteAddendum.signed_at, Account.display_name
        )
        .join(Account, Account.id == NoteAddendum.author_id)
        .where(NoteAddendum.note_id.in_(list(note_ids)))
        .order_by(NoteAddendum.id)
    )
    found: dict[int, list[ClinicalPart]] = {}
    for note_id, text, signed_at, author in rows:
        day = signed_at.astimezone().date()
        heading = f"Addendum by {author}, {day.day} {day:%B %Y}"
        found.setdefault(note_id, []).append(ClinicalPart(heading, text))
    return found

"""Session notes: drafts saved as the therapist types, signing (who, when, a hash of the content),
signed addenda, and process notes that only their author may read.

A signed note never changes: this service refuses, and so does the database (triggers in
migration 0003). Process-note text leaves this service only through read_process_notes, for the
note's author, and every reading (or refused attempt) is audited by field name.
"""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Account, Role
from desktop.models.therapy import NoteAddendum, SessionNote, TherapySession
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.note_templates import RISK_CHECK, keys_of
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.services.safeguarding_escalation import Escalation, raise_concern
from desktop.services.therapy_access import get_session
from desktop.services.therapy_records import (
    LATE_ENTRY_AFTER,
    AddendumRow,
    DraftSaved,
    NoteInput,
    NoteSignedError,
    NoteView,
    TherapyInputError,
    content_hash,
)

__all__ = [
    "AddendumRow",
    "DraftSaved",
    "Escalation",
    "NoteInput",
    "NoteSignedError",
    "NoteView",
    "RecordNotFoundError",
    "TherapyInputError",
    "TherapyNoteService",
]

TEXT_FIELDS = ("sections", "body", "shareable_summary", "process_notes")
SAVED_FIELDS = ("note_format", *TEXT_FIELDS, "risk_concern")


class TherapyNoteService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    # ---- writing -------------------------------------------------------------------------
    def start_note(self, session_id: int, note: NoteInput) -> int:
        """A new draft note on a session, written by this family therapist. A concern in its
        risk check is passed to the young people's cases at once (see save_draft)."""
        return self.start_note_saved(session_id, note)[0]

    def start_note_saved(self, session_id: int, note: NoteInput) -> tuple[int, DraftSaved]:
        self._require_therapist()
        now = self._clock.now()
        with self._sessions.begin() as session:
            get_session(session, self._user, session_id, self._clock.now())
            row = SessionNote(
                session_id=session_id,
                author_id=self._user.account_id,
                created_at=now,
                saved_at=now,
            )
            _apply(row, note)
            session.add(row)
            session.flush()
            filled = [name for name in TEXT_FIELDS if getattr(row, name)]
            self._audit(session, actions.SESSION_NOTE_SAVED, "session_note", row.id, filled)
            return row.id, DraftSaved(filled, now, self._escalate(session, row))

    def save_draft(self, note_id: int, note: NoteInput) -> DraftSaved:
        """Saves the draft (called every few seconds while typing). The first save whose risk
        check records a concern passes it to every linked young person's case, once.
        A signed note is refused with NoteSignedError."""
        self._require_therapist()
        with self._sessions.begin() as session:
            row = self._own_draft(session, note_id)
            cleaned = _cleaned(note)
            changed = [name for name in SAVED_FIELDS if getattr(row, name) != cleaned[name]]
            if not changed:
                return DraftSaved([], row.saved_at, [])
            _apply(row, note)
            row.saved_at = self._clock.now()
            self._audit(session, actions.SESSION_NOTE_SAVED, "session_note", row.id, changed)
            return DraftSaved(changed, row.saved_at, self._escalate(session, row))

    def signing_problems(self, note_id: int) -> list[str]:
        """What stops this draft being signed now (asked before the user confirms signing)."""
        self._require_therapist()
        with self._sessions.begin() as session:
            return _signing_problems(self._own_draft(session, note_id))

    def sign_note(self, note_id: int) -> str:
        """Locks the note for ever; returns the SHA-256 of its signed content."""
        self._require_therapist()
        with self._sessions.begin() as session:
            row = self._own_draft(session, note_id)
            _check_signable(row)
            now = self._clock.now()
            row.content_salt = secrets.token_hex(16)
            row.content_hash = content_hash(
                row.content_salt,
                row.id,
                row.session_id,
                row.author_id,
                row.note_format.value,
                row.sections,
                row.body,
                row.shareable_summary,
                row.process_notes,
                row.risk_concern,
                self._user.account_id,
                now,
            )
            row.signed_by_id = self._user.account_id
            row.signed_at = now
            self._audit(
                session,
                actions.SESSION_NOTE_SIGNED,
                "session_note",
                row.id,
                ["content_hash", "content_salt", "signed_at", "signed_by_id"],
            )
            return row.content_hash

    def add_addendum(self, note_id: int, text: str) -> int:
        """A dated addendum to a signed note, by a family therapist, signed as it is saved."""
        self._require_therapist()
        text = text.strip()
        if not text:
            raise TherapyInputError("Write the addendum before saving it.")
        with self._sessions.begin() as session:
            row = self._note(session, note_id)
            if row.signed_at is None:
                raise TherapyInputError("This note is still a draft: change it instead.")
            now = self._clock.now()
            addendum = NoteAddendum(
                note_id=row.id,
                author_id=self._user.account_id,
                text=text,
                signed_at=now,
                content_hash=content_hash(
                    row.id, row.content_hash, self._user.account_id, text, now
                ),
            )
            session.add(addendum)
            session.flush()
            self._audit(
                session, actions.NOTE_ADDENDUM_ADDED, "session_note", row.id, ["addendum_text"]
            )
            return addendum.id

    # ---- reading -------------------------------------------------------------------------
    def note(self, note_id: int) -> NoteView:
        """The note without its process notes' text (see read_process_notes)."""
        with self._sessions.begin() as session:
            return _view(session, self._note(session, note_id))

    def notes(self, session_id: int) -> list[NoteView]:
        with self._sessions.begin() as session:
            get_session(session, self._user, session_id, self._clock.now())
            rows = session.execute(
                select(SessionNote)
                .where(SessionNote.session_id == session_id)
                .order_by(SessionNote.id)
            ).scalars()
            return [_view(session, row) for row in rows]

    def read_process_notes(self, note_id: int) -> str:
        """The process notes' text, for the note's author alone (not a colleague on the case,
        not the coordinator): every reading, and every refusal, is audited."""
        with self._sessions.begin() as session:
            row = self._note(session, note_id)
            allowed = (
                self._user.role is Role.FAMILY_THERAPIST and row.author_id == self._user.account_id
            )
            action = actions.PROCESS_NOTES_READ if allowed else actions.PROCESS_NOTES_REFUSED
            self._audit(session, action, "session_note", row.id, ["process_notes"])
            text = row.process_notes if allowed else ""
        if not allowed:
            # The refusal is committed (audited) before it is raised.
            raise PermissionDeniedError("read another therapist's process notes")
        return text

    # ---- helpers -------------------------------------------------------------------------
    def _require_therapist(self) -> None:
        if self._user.role is not Role.FAMILY_THERAPIST:
            raise PermissionDeniedError("write therapy session notes")

    def _escalate(self, session: Session, row: SessionNote) -> list[Escalation]:
        if not row.risk_concern or row.safeguarding_raised_at is not None:
            return []
        return raise_concern(session, self._user, self._clock.now(), row)

    def _note(self, session: Session, note_id: int) -> SessionNote:
        row = session.get(SessionNote, note_id)
        if row is None:
            raise RecordNotFoundError()
        get_session(session, self._user, row.session_id, self._clock.now())
        return row

    def _own_draft(self, session: Session, note_id: int) -> SessionNote:
        row = self._note(session, note_id)
        if row.signed_at is not None:
            raise NoteSignedError()
        if row.author_id != self._user.account_id:
            raise PermissionDeniedError("change another therapist's note")
        return row

    def _audit(
        self, session: Session, action: str, entity: str, entity_id: int, names: list[str]
    ) -> None:
        audit_chain.append(
            session, self._clock.now(), self._user.username, action, entity, str(entity_id), names
        )


def _check_signable(row: SessionNote) -> None:
    found = _signing_problems(row)
    if found:
        raise TherapyInputError(" ".join(found))


def _signing_problems(row: SessionNote) -> list[str]:
    found = []
    if not (any(row.sections.values()) or row.body or row.shareable_summary):
        found.append("An empty note cannot be signed.")
    if row.risk_concern is None:
        found.append("Answer the risk and safeguarding check before signing.")
    elif row.risk_concern and not row.sections.get(RISK_CHECK):
        found.append("Describe the safeguarding concern in the risk check before signing.")
    return found


def _cleaned(note: NoteInput) -> dict[str, object]:
    keys = keys_of(note.note_format)
    return {
        "note_format": note.note_format,
        "sections": {
            key: text.strip() for key, text in note.sections.items() if key in keys and text.strip()
        },
        "risk_concern": note.risk_concern,
        "body": note.body.strip(),
        "shareable_summary": note.shareable_summary.strip(),
        "process_notes": note.process_notes.strip(),
    }


def _apply(row: SessionNote, note: NoteInput) -> None:
    for name, value in _cleaned(note).items():
        setattr(row, name, value)


def _view(session: Session, row: SessionNote) -> NoteView:
    starts_at = session.execute(
        select(TherapySession.starts_at).where(TherapySession.id == row.session_id)
    ).scalar_one()
    addenda = session.execute(
        select(NoteAddendum, Account.display_name)
        .join(Account, Account.id == NoteAddendum.author_id)
        .where(NoteAddendum.note_id == row.id)
        .order_by(NoteAddendum.id)
    )
    names = {
        account.id: account.display_name
        for account in session.execute(
            select(Account.id, Account.display_name).where(
                Account.id.in_([row.author_id, row.signed_by_id or 0])
            )
        )
    }
    return NoteView(
        row.id,
        row.session_id,
        row.author_id,
        names.get(row.author_id, ""),
        row.note_format,
        dict(row.sections),
        row.body,
        row.shareable_summary,
        bool(row.process_notes),
        row.risk_concern,
        row.safeguarding_raised_at,
        row.created_at,
        row.saved_at,
        row.created_at - starts_at > LATE_ENTRY_AFTER,
        row.signed_at,
        names.get(row.signed_by_id or 0, ""),
        row.content_hash,
        [AddendumRow(a.id, name, a.text, a.signed_at, a.content_hash) for a, name in addenda],
    )

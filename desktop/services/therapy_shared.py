"""What the case team may read of a young person's family therapy: each session, its outcome,
and the shareable summary of its signed note; process notes only as "recorded"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Account
from desktop.models.choices import SessionLocation, SessionOutcome
from desktop.models.therapy import SessionNote, TherapyCase, TherapyCasePerson, TherapySession
from desktop.services.current_user import CurrentUser
from desktop.services.record_access import get_person


@dataclass(frozen=True)
class SharedSessionRow:
    session_id: int
    number: int
    starts_at: datetime
    location: SessionLocation
    outcome: SessionOutcome
    therapist: str
    summary: str  # the signed notes' shareable summaries; "" when none is signed yet
    has_process_notes: bool
    safeguarding_raised: bool


class TherapySharedService:
    """For anyone who may open the young person's record; never reads process-note text."""

    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def sessions_of(self, person_id: int) -> list[SharedSessionRow]:
        with self._sessions.begin() as session:
            get_person(session, self._user, person_id, self._clock.now())
            rows = session.execute(
                select(TherapySession, Account.display_name)
                .join(TherapyCase, TherapyCase.id == TherapySession.case_id)
                .join(TherapyCasePerson, TherapyCasePerson.case_id == TherapyCase.id)
                .join(Account, Account.id == TherapyCase.therapist_id)
                .where(TherapyCasePerson.young_person_id == person_id)
                .order_by(TherapySession.starts_at.desc(), TherapySession.id.desc())
            ).all()
            notes = _signed_notes(session, [row.id for row, _ in rows])
            return [
                SharedSessionRow(
                    row.id,
                    row.number,
                    row.starts_at,
                    row.location,
                    row.outcome,
                    therapist,
                    "\n\n".join(n.summary for n in notes.get(row.id, []) if n.summary),
                    any(n.has_process_notes for n in notes.get(row.id, [])),
                    any(n.raised for n in notes.get(row.id, [])),
                )
                for row, therapist in rows
            ]


@dataclass(frozen=True)
class _SignedNote:
    summary: str
    has_process_notes: bool
    raised: bool


def _signed_notes(session: Session, session_ids: list[int]) -> dict[int, list[_SignedNote]]:
    # Columns named one by one: the process notes' text is never loaded, only whether any exist.
    found: dict[int, list[_SignedNote]] = {}
    for session_id, summary, has_process, raised in session.execute(
        select(
            SessionNote.session_id,
            SessionNote.shareable_summary,
            SessionNote.process_notes != "",
            SessionNote.safeguarding_raised_at.is_not(None),
        )
        .where(SessionNote.session_id.in_(session_ids), SessionNote.signed_at.is_not(None))
        .order_by(SessionNote.id)
    ):
        found.setdefault(session_id, []).append(
            _SignedNote(summary, bool(has_process), bool(raised))
        )
    return found

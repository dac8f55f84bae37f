"""Therapy sessions: recording them with every household member's attendance, changing them
later (a booked session recorded as held), and listing them. Part of TherapyService."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.choices import SessionOutcome
from desktop.models.therapy import SessionAttendance, SessionNote, TherapySession
from desktop.services import actions
from desktop.services.current_user import CurrentUser
from desktop.services.therapy_access import get_case, get_session
from desktop.services.therapy_household import case_members, member_of
from desktop.services.therapy_records import (
    Member,
    SessionInput,
    SessionRow,
    TherapyInputError,
)


class TherapySessions:
    """The session half of TherapyService (which provides the attributes declared here)."""

    _sessions: sessionmaker[Session]
    _user: CurrentUser
    _clock: Clock

    def _audit(
        self, session: Session, action: str, entity: str, entity_id: int, names: Iterable[str]
    ) -> None:
        raise NotImplementedError

    def record_session(self, case_id: int, details: SessionInput) -> int:
        """Records a session (numbered in order of recording) with every member's attendance."""
        self._check_session(details)
        with self._sessions.begin() as session:
            case = get_case(session, self._user, case_id, self._clock.now())
            _check_attendance(session, case.id, details)
            number = session.execute(
                select(func.coalesce(func.max(TherapySession.number), 0)).where(
                    TherapySession.case_id == case.id
                )
            ).scalar_one()
            row = TherapySession(
                case_id=case.id,
                number=number + 1,
                starts_at=details.starts_at,
                minutes=details.minutes,
                location=details.location,
                outcome=details.outcome,
                created_at=self._clock.now(),
            )
            session.add(row)
            session.flush()
            _add_attendance(session, row.id, details)
            fields = ["starts_at", "minutes", "location", "outcome", "number"]
            if details.attendance:
                fields.append("attendance")
            self._audit(
                session, actions.THERAPY_SESSION_RECORDED, "therapy_session", row.id, fields
            )
            return row.id

    def update_session(self, session_id: int, details: SessionInput) -> list[str]:
        """Saves a session again (a scheduled one is later recorded as attended, with who
        came); returns the names of the fields that changed. Its number never changes."""
        self._check_session(details)
        with self._sessions.begin() as session:
            row = get_session(session, self._user, session_id, self._clock.now())
            _check_attendance(session, row.case_id, details)
            current = _session_details(session, row)
            changed = [
                name
                for name in ("starts_at", "minutes", "location", "outcome", "attendance")
                if getattr(current, name) != getattr(details, name)
            ]
            if not changed:
                return []
            if "starts_at" in changed and _has_signed_note(session, row.id):
                # A signed note's late-entry mark is measured from the session's time.
                raise TherapyInputError(
                    "This session's note is signed, so its date and time can no longer change."
                )
            row.starts_at = details.starts_at
            row.minutes = details.minutes
            row.location = details.location
            row.outcome = details.outcome
            if "attendance" in changed:
                session.execute(
                    delete(SessionAttendance).where(SessionAttendance.session_id == row.id)
                )
                _add_attendance(session, row.id, details)
            # No action of its own in services.actions yet: the generic update, named by entity.
            self._audit(
                session, actions.THERAPY_SESSION_UPDATED, "therapy_session", row.id, changed
            )
            return changed

    def session_details(self, session_id: int) -> SessionInput:
        """A session as it was saved, with every member's attendance, to edit it."""
        with self._sessions.begin() as session:
            return _session_details(
                session, get_session(session, self._user, session_id, self._clock.now())
            )

    def sessions(self, case_id: int) -> list[SessionRow]:
        """The case's sessions in order, with who came and who did not."""
        with self._sessions.begin() as session:
            case = get_case(session, self._user, case_id, self._clock.now())
            names = {row.member: row.name for row in case_members(session, case.id)}
            rows = session.execute(
                select(TherapySession)
                .where(TherapySession.case_id == case.id)
                .order_by(TherapySession.number)
            ).scalars()
            result = []
            for row in rows:
                attended, absent = _attendance(session, row.id, names)
                result.append(
                    SessionRow(
                        row.id,
                        row.case_id,
                        row.number,
                        row.starts_at,
                        row.minutes,
                        row.location,
                        row.outcome,
                        attended,
                        absent,
                    )
                )
            return result

    def _check_session(self, details: SessionInput) -> None:
        found = details.problems()
        if (
            details.starts_at > self._clock.now()
            and details.outcome is not SessionOutcome.SCHEDULED
        ):
            found.append("A session still to come can only be recorded as scheduled.")
        if found:
            raise TherapyInputError(" ".join(found))


def _check_attendance(session: Session, case_id: int, details: SessionInput) -> None:
    household = {row.member for row in case_members(session, case_id)}
    if set(details.attendance) - household:
        raise TherapyInputError("Attendance names someone who is not in this family.")


def _add_attendance(session: Session, session_id: int, details: SessionInput) -> None:
    for member, attended in details.attendance.items():
        session.add(
            SessionAttendance(
                session_id=session_id,
                young_person_id=member.id if member.kind == "young_person" else None,
                contact_id=member.id if member.kind == "contact" else None,
                attended=attended,
            )
        )


def _session_details(session: Session, row: TherapySession) -> SessionInput:
    marks = session.execute(
        select(SessionAttendance).where(SessionAttendance.session_id == row.id)
    ).scalars()
    return SessionInput(
        starts_at=row.starts_at,
        minutes=row.minutes,
        location=row.location,
        outcome=row.outcome,
        attendance={member_of(mark): mark.attended for mark in marks},
    )


def _has_signed_note(session: Session, session_id: int) -> bool:
    found = session.execute(
        select(SessionNote.id).where(
            SessionNote.session_id == session_id, SessionNote.signed_at.is_not(None)
        )
    ).first()
    return found is not None


def _attendance(
    session: Session, session_id: int, names: dict[Member, str]
) -> tuple[list[str], list[str]]:
    attended: list[str] = []
    absent: list[str] = []
    rows = session.execute(
        select(SessionAttendance).where(SessionAttendance.session_id == session_id)
    ).scalars()
    for row in rows:
        (attended if row.attended else absent).append(names.get(member_of(row), "Former member"))
    return attended, absent

"""A therapist's diary of past and upcoming sessions, and attendance rates per case and member."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Role
from desktop.models.choices import SessionOutcome
from desktop.models.people import YoungPerson
from desktop.models.therapy import (
    SessionAttendance,
    TherapyCase,
    TherapyCasePerson,
    TherapySession,
)
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import Section, require_section
from desktop.services.therapy_access import get_case, household_closed
from desktop.services.therapy_household import case_members, member_of
from desktop.services.therapy_records import (
    AttendanceSummary,
    CaseTally,
    DiaryRow,
    Member,
    MemberAttendance,
    TherapyInputError,
)

__all__ = ["AttendanceSummary", "CaseTally", "DiaryRow", "MemberAttendance", "TherapyDiaryService"]

# Sessions the family was never really offered (or whose outcome is not recorded yet) do not
# count against its attendance.
NOT_OFFERED = frozenset(
    {SessionOutcome.CANCELLED_BY_SERVICE, SessionOutcome.RESCHEDULED, SessionOutcome.SCHEDULED}
)


class TherapyDiaryService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def diary(self, start: datetime, end: datetime) -> list[DiaryRow]:
        """Sessions from start (inclusive) to end (exclusive) on this therapist's cases (every
        case for the coordinator), in time order."""
        require_section(self._user.role, Section.FAMILY_THERAPY)
        if end <= start:
            raise TherapyInputError("The diary's end is before its start.")
        query = (
            select(TherapySession)
            .join(TherapyCase, TherapyCase.id == TherapySession.case_id)
            .where(TherapySession.starts_at >= start, TherapySession.starts_at < end)
            .where(~household_closed(self._user, self._clock.now()))
            .order_by(TherapySession.starts_at, TherapySession.id)
        )
        if self._user.role is not Role.COORDINATOR:
            query = query.where(TherapyCase.therapist_id == self._user.account_id)
        now = self._clock.now()
        with self._sessions.begin() as session:
            rows = list(session.execute(query).scalars())
            families = _families(session, {row.case_id for row in rows})
            return [
                DiaryRow(
                    row.id,
                    row.case_id,
                    row.number,
                    row.starts_at,
                    row.minutes,
                    row.location,
                    row.outcome,
                    families.get(row.case_id, ""),
                    row.starts_at > now,
                )
                for row in rows
            ]

    def attendance(self, case_id: int) -> AttendanceSummary:
        """Attendance over the case's sessions that have already begun."""
        now = self._clock.now()
        with self._sessions.begin() as session:
            case = get_case(session, self._user, case_id, self._clock.now())
            past = list(
                session.execute(
                    select(TherapySession).where(
                        TherapySession.case_id == case.id, TherapySession.starts_at <= now
                    )
                ).scalars()
            )
            offered = [row for row in past if row.outcome not in NOT_OFFERED]
            attended = sum(row.outcome is SessionOutcome.ATTENDED for row in offered)
            counts = attendance_tallies(session, [row.id for row in offered])
            members = [
                MemberAttendance(row.member, row.name, *counts.get(row.member, (0, 0)))
                for row in case_members(session, case.id)
            ]
            return AttendanceSummary(len(offered), attended, members)

    def case_tallies(self) -> dict[int, CaseTally]:
        """Per case this user reaches (every case for the coordinator): sessions held so far,
        still to come, and attendance over those offered, counted as attendance() counts."""
        require_section(self._user.role, Section.FAMILY_THERAPY)
        query = select(TherapySession.case_id, TherapySession.starts_at, TherapySession.outcome)
        if self._user.role is not Role.COORDINATOR:
            query = query.join(TherapyCase, TherapyCase.id == TherapySession.case_id).where(
                TherapyCase.therapist_id == self._user.account_id
            )
        now = self._clock.now()
        counts: dict[int, list[int]] = {}
        with self._sessions.begin() as session:
            for case_id, starts_at, outcome in session.execute(query):
                held, upcoming, offered, attended = counts.setdefault(case_id, [0, 0, 0, 0])
                if starts_at > now:
                    upcoming += 1
                else:
                    held += 1
                    if outcome not in NOT_OFFERED:
                        offered += 1
                        attended += outcome is SessionOutcome.ATTENDED
                counts[case_id] = [held, upcoming, offered, attended]
        return {case_id: CaseTally(case_id, *tally) for case_id, tally in counts.items()}


def _families(session: Session, case_ids: set[int]) -> dict[int, str]:
    rows = session.execute(
        select(TherapyCasePerson.case_id, YoungPerson.given_name, YoungPerson.family_name)
        .join(YoungPerson, YoungPerson.id == TherapyCasePerson.young_person_id)
        .where(TherapyCasePerson.case_id.in_(case_ids))
        .order_by(TherapyCasePerson.case_id, YoungPerson.id)
    )
    names: dict[int, list[str]] = {}
    for row in rows:
        names.setdefault(row.case_id, []).append(f"{row.given_name} {row.family_name}")
    return {case_id: ", ".join(found) for case_id, found in names.items()}


def attendance_tallies(session: Session, session_ids: list[int]) -> dict[Member, tuple[int, int]]:
    """Each household member's (sessions attended, sessions with their attendance recorded)
    over the given sessions."""
    counts: dict[Member, tuple[int, int]] = {}
    marks = session.execute(
        select(SessionAttendance).where(SessionAttendance.session_id.in_(session_ids))
    ).scalars()
    for mark in marks:
        member = member_of(mark)
        attended, recorded = counts.get(member, (0, 0))
        counts[member] = (attended + int(mark.attended), recorded + 1)
    return counts

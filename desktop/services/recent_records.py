"""The young people the signed-in user opened most recently, read from their own audit trail."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Integer, cast, func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.audit import AuditEntry
from desktop.models.people import YoungPerson
from desktop.services import actions
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import Section, sections_for
from desktop.services.record_access import visible_people

# Enough to cover a day's visits without becoming a second caseload list.
RECENT_LIMIT = 8


@dataclass(frozen=True)
class RecentRecord:
    person_id: int
    case_reference: str
    display_name: str  # "Given Family", as the record's header shows it


class RecentRecordsService:
    """Derived from the RECORD_OPENED entries PeopleService.open_record already writes, so there
    is no table of its own to keep, migrate, retain or dispose of; reading it is not audited
    (it names only records this user has just been shown)."""

    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def recent(self, limit: int = RECENT_LIMIT) -> list[RecentRecord]:
        """Newest first, each young person once; records the user can no longer open (closed
        to them, restricted, a break-glass opening expired, disposed of) are left out."""
        # A role without the caseload opens no records: an empty list, not a refusal, so a
        # home screen or a menu can always ask.
        if Section.CASELOAD not in sections_for(self._user.role) or limit <= 0:
            return []
        last_opened = (
            select(
                AuditEntry.entity_id.label("entity_id"),
                func.max(AuditEntry.id).label("last_id"),
            )
            .where(
                AuditEntry.actor == self._user.username,
                AuditEntry.action == actions.RECORD_OPENED,
                AuditEntry.entity_type == "young_person",
            )
            .group_by(AuditEntry.entity_id)
            .subquery()
        )
        query = (
            select(
                YoungPerson.id,
                YoungPerson.case_reference,
                YoungPerson.given_name,
                YoungPerson.family_name,
            )
            .join(last_opened, YoungPerson.id == cast(last_opened.c.entity_id, Integer))
            .where(visible_people(self._user, self._clock.now()))
            .order_by(last_opened.c.last_id.desc())
            .limit(limit)
        )
        with self._sessions.begin() as session:
            return [
                RecentRecord(row.id, row.case_reference, f"{row.given_name} {row.family_name}")
                for row in session.execute(query)
            ]

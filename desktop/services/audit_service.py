"""Reading the audit log (coordinator only) and checking its chain."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVarTuple

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.models.accounts import Role
from desktop.models.audit import AuditEntry
from desktop.services import audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import PermissionDeniedError

Columns = TypeVarTuple("Columns")


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor: str
    action: str
    entity_type: str
    entity_id: str
    fields: str
    outcome: str


@dataclass(frozen=True)
class AuditFilter:
    actor: str = ""
    action: str = ""
    since: datetime | None = None
    until: datetime | None = None


class AuditService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        user: CurrentUser,
        recorded_head: Callable[[], tuple[int, str] | None] = lambda: None,
    ) -> None:
        self._sessions = sessions
        self._user = user
        self._recorded_head = recorded_head

    def _require_coordinator(self) -> None:
        if self._user.role is not Role.COORDINATOR:
            raise PermissionDeniedError("read the audit log")

    def count(self, audit_filter: AuditFilter) -> int:
        self._require_coordinator()
        with self._sessions.begin() as session:
            query = _filtered(select(func.count(AuditEntry.id)), audit_filter)
            return int(session.execute(query).scalar_one())

    def page(self, audit_filter: AuditFilter, offset: int, limit: int) -> list[AuditRow]:
        """Newest first, one page at a time (the browser fetches more as it scrolls)."""
        self._require_coordinator()
        columns = (
            AuditEntry.id,
            AuditEntry.at,
            AuditEntry.actor,
            AuditEntry.action,
            AuditEntry.entity_type,
            AuditEntry.entity_id,
            AuditEntry.fields,
            AuditEntry.outcome,
        )
        query = _filtered(select(*columns), audit_filter)
        query = query.order_by(AuditEntry.id.desc()).offset(offset).limit(limit)
        with self._sessions.begin() as session:
            return [AuditRow(*row) for row in session.execute(query).all()]

    def actors(self) -> list[str]:
        self._require_coordinator()
        with self._sessions.begin() as session:
            query = select(AuditEntry.actor).distinct().order_by(AuditEntry.actor)
            return list(session.execute(query).scalars())

    def verify_chain(self) -> audit_chain.ChainVerdict:
        self._require_coordinator()
        with self._sessions.begin() as session:
            return audit_chain.verify(session, self._recorded_head())


def _filtered(query: Select[*Columns], audit_filter: AuditFilter) -> Select[*Columns]:
    if audit_filter.actor:
        query = query.where(AuditEntry.actor == audit_filter.actor)
    if audit_filter.action:
        query = query.where(AuditEntry.action == audit_filter.action)
    if audit_filter.since:
        query = query.where(AuditEntry.at >= audit_filter.since)
    if audit_filter.until:
        query = query.where(AuditEntry.at < audit_filter.until)
    return query

"""Legal holds: disposal stopped for one record or for all, placed and lifted by the coordinator."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session, aliased, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Account
from desktop.models.choices import RecordKind
from desktop.models.data_protection import LegalHold
from desktop.models.people import YoungPerson
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.record_access import RecordNotFoundError
from desktop.services.retention_records import (
    RecordFacts,
    as_seen_by,
    closed_to,
    record_facts,
)
from desktop.services.retention_schedule import RetentionInputError, require_coordinator

RecordRef = tuple[RecordKind, int]


class RecordHeldError(RetentionInputError):
    """Disposal refused: a legal hold covers the record (or every record)."""

    def __init__(self, hold: LegalHold) -> None:
        scope = "every record" if hold.record_kind is None else "this record"
        reference = f" (reference {hold.reference})" if hold.reference else ""
        super().__init__(
            f"A legal hold{reference} covers {scope}, so it cannot be disposed of. "
            "Lift the hold first if the inquiry no longer needs it."
        )


@dataclass(frozen=True)
class HoldRow:
    id: int
    record_kind: RecordKind | None  # None: every record
    record_id: int | None
    # "All records", or the record's label (the coordinator recognises it by name).
    scope: str
    reason: str
    reference: str
    placed_by: str
    placed_at: datetime
    lifted_by: str
    lifted_at: datetime | None
    lift_reason: str

    @property
    def active(self) -> bool:
        return self.lifted_at is None


def active_hold(session: Session, records: Iterable[RecordRef]) -> LegalHold | None:
    """The first hold in force over any of these records: a hold on all records comes first."""
    covers: list[ColumnElement[bool]] = [LegalHold.record_kind.is_(None)]
    covers += [
        and_(LegalHold.record_kind == kind, LegalHold.record_id == record_id)
        for kind, record_id in records
    ]
    return (
        session.execute(
            select(LegalHold)
            .where(LegalHold.lifted_at.is_(None), or_(*covers))
            .order_by(LegalHold.record_kind.is_not(None), LegalHold.id)
            .limit(1)
        )
        .scalars()
        .first()
    )


def held_records(session: Session) -> tuple[bool, set[RecordRef]]:
    """(every record held?, the single records held): for marking a whole list at once."""
    everything = False
    single: set[RecordRef] = set()
    query = select(LegalHold.record_kind, LegalHold.record_id).where(LegalHold.lifted_at.is_(None))
    for kind, record_id in session.execute(query).all():
        if kind is None:
            everything = True
        elif record_id is not None:
            single.add((kind, record_id))
    return everything, single


def find_record(session: Session, kind: RecordKind, text: str) -> RecordFacts:
    """A record by its internal number, or a case record by its case reference too."""
    text = text.strip()
    record_id: int | None = int(text) if text.isdigit() else None
    if kind is RecordKind.CASE_RECORD and record_id is None and text:
        record_id = session.execute(
            select(YoungPerson.id).where(YoungPerson.case_reference == text.upper())
        ).scalar_one_or_none()
    facts = None if record_id is None else record_facts(session, kind, record_id)
    if facts is None:
        what = "number or case reference" if kind is RecordKind.CASE_RECORD else "number"
        raise RetentionInputError(f"No {kind.label.lower()} has that {what}.")
    return facts


class LegalHoldService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def find(self, kind: RecordKind, text: str) -> RecordFacts:
        require_coordinator(self._user, "place legal holds")
        with self._sessions.begin() as session:
            closed = closed_to(session, self._user, self._clock.now())
            return as_seen_by(find_record(session, kind, text), closed)

    def place(self, record: RecordRef | None, reason: str, reference: str) -> int:
        """Holds one record (kind and id) or, with record None, every record."""
        require_coordinator(self._user, "place legal holds")
        reason, reference = reason.strip(), reference.strip()
        found = []
        if not reason:
            found.append("Say why disposal must stop (the inquiry or claim).")
        if not reference:
            found.append("Enter the inquiry's or claim's reference.")
        if len(reference) > 120:
            found.append("The reference is longer than 120 characters.")
        now = self._clock.now()
        with self._sessions.begin() as session:
            if record is not None and record_facts(session, *record) is None:
                raise RecordNotFoundError()
            if found:
                raise RetentionInputError(" ".join(found))
            hold = LegalHold(
                record_kind=None if record is None else record[0],
                record_id=None if record is None else record[1],
                reason=reason,
                reference=reference,
                placed_by_id=self._user.account_id,
                placed_at=now,
            )
            session.add(hold)
            session.flush()
            audit_chain.append(
                session,
                now,
                self._user.username,
                actions.LEGAL_HOLD_PLACED,
                "legal_hold",
                str(hold.id),
                ["reason", "reference", *(["record_kind", "record_id"] if record else [])],
                outcome="all_records" if record is None else f"{record[0].value}:{record[1]}",
            )
            return hold.id

    def lift(self, hold_id: int, reason: str) -> None:
        require_coordinator(self._user, "lift legal holds")
        reason = reason.strip()
        now = self._clock.now()
        with self._sessions.begin() as session:
            hold = session.get(LegalHold, hold_id)
            if hold is None:
                raise RecordNotFoundError()
            if hold.lifted_at is not None:
                raise RetentionInputError("This hold has already been lifted.")
            if not reason:
                raise RetentionInputError("Say why the hold can be lifted.")
            hold.lifted_at = now
            hold.lifted_by_id = self._user.account_id
            hold.lift_reason = reason
            audit_chain.append(
                session,
                now,
                self._user.username,
                actions.LEGAL_HOLD_LIFTED,
                "legal_hold",
                str(hold.id),
                ["lift_reason", "lifted_at"],
            )

    def holds(self, include_lifted: bool = False) -> list[HoldRow]:
        """Holds in force first (newest first), then lifted ones when asked for."""
        require_coordinator(self._user, "see legal holds")
        placer, lifter = aliased(Account), aliased(Account)
        query = (
            select(LegalHold, placer.display_name, lifter.display_name)
            .join(placer, placer.id == LegalHold.placed_by_id)
            .outerjoin(lifter, lifter.id == LegalHold.lifted_by_id)
            .order_by(LegalHold.lifted_at.is_not(None), LegalHold.placed_at.desc(), LegalHold.id)
        )
        if not include_lifted:
            query = query.where(LegalHold.lifted_at.is_(None))
        with self._sessions.begin() as session:
            closed = closed_to(session, self._user, self._clock.now())
            rows = []
            for hold, placed_by, lifted_by in session.execute(query).all():
                if hold.record_kind is None or hold.record_id is None:
                    scope = "All records"
                else:
                    facts = record_facts(session, hold.record_kind, hold.record_id)
                    scope = (
                        as_seen_by(facts, closed).label
                        if facts
                        else f"{hold.record_kind.label} no. {hold.record_id} (disposed)"
                    )
                rows.append(
                    HoldRow(
                        hold.id,
                        hold.record_kind,
                        hold.record_id,
                        scope,
                        hold.reason,
                        hold.reference,
                        placed_by,
                        hold.placed_at,
                        lifted_by or "",
                        hold.lifted_at,
                        hold.lift_reason,
                    )
                )
            return rows

"""Restricted records: the coordinator closes a record to named staff; others break glass."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Account, Role
from desktop.models.data_protection import (
    BreakGlassAccess,
    RecordRestriction,
    RestrictionLift,
    RestrictionMember,
)
from desktop.models.people import YoungPerson
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import (
    ROLE_RECORD_SCOPE,
    ROLE_SECTIONS,
    PermissionDeniedError,
    RecordScope,
    Section,
)
from desktop.services.record_access import reached_by_role

# A break-glass opening lasts a working shift: long enough to deal with what made it urgent
# (a visit, a strategy meeting, a call from the police), short enough that access does not
# linger; opening it again the next day asks for a fresh reason, and the coordinator sees both.
BREAK_GLASS_HOURS = 8
# A reason is for the coordinator to judge: a word or two ("urgent", "visit") says nothing.
MIN_REASON_WORDS = 4


class RestrictionInputError(ValueError):
    """A restriction or break-glass request with something missing or wrong; says what."""


@dataclass(frozen=True)
class RestrictedRecordRow:
    young_person_id: int
    case_reference: str
    # None when the coordinator is not named on it: they see the reference only.
    name: str | None
    restricted_at: datetime
    restricted_by: str
    staff_ids: tuple[int, ...]
    staff_names: tuple[str, ...]


@dataclass(frozen=True)
class BreakGlassRow:
    id: int
    young_person_id: int
    case_reference: str
    opened_by: str
    reason: str
    opened_at: datetime
    expires_at: datetime
    reviewed_by: str | None
    reviewed_at: datetime | None


@dataclass(frozen=True)
class BreakGlassOpening:
    young_person_id: int
    expires_at: datetime


def check_reason(reason: str, what: str) -> str:
    """The reason, trimmed, if it has enough words; RestrictionInputError otherwise."""
    text = reason.strip()
    if len(text.split()) < MIN_REASON_WORDS:
        raise RestrictionInputError(
            f"Give a reason for {what} in at least {MIN_REASON_WORDS} words."
        )
    return text


class RestrictionService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    @property
    def account_id(self) -> int:
        """Who is signed in (the restrict dialog ticks them: they are named anyway)."""
        return self._user.account_id

    # ---- the coordinator's changes -------------------------------------------------------
    def restrict(self, record: int | str, reason: str, staff_ids: Iterable[int]) -> int:
        """Closes the record (its id, or its case reference as typed) to all but the named
        staff, the coordinator always among them so they cannot lock themselves out; returns
        the young person's id."""
        self._require_coordinator()
        text = check_reason(reason, "restricting the record")
        now = self._clock.now()
        with self._sessions.begin() as session:
            person = (
                _person_by_reference(session, record)
                if isinstance(record, str)
                else session.get(YoungPerson, record)
            )
            if person is None:
                raise RestrictionInputError("That record no longer exists.")
            if session.get(RecordRestriction, person.id) is not None:
                raise RestrictionInputError(f"{person.case_reference} is already restricted.")
            named = _check_staff(session, {*staff_ids, self._user.account_id})
            session.add(
                RecordRestriction(
                    young_person_id=person.id,
                    reason=text,
                    restricted_by_id=self._user.account_id,
                    restricted_at=now,
                )
            )
            session.flush()
            session.add_all(
                RestrictionMember(young_person_id=person.id, account_id=account_id)
                for account_id in sorted(named)
            )
            self._audit(session, now, actions.RECORD_RESTRICTED, person.id, ["reason", "staff"])
            return person.id

    def set_staff(self, young_person_id: int, staff_ids: Iterable[int]) -> None:
        """Replaces the named staff (at least one)."""
        self._require_coordinator()
        now = self._clock.now()
        with self._sessions.begin() as session:
            _restriction(session, young_person_id)
            wanted = _check_staff(session, set(staff_ids))
            current = set(
                session.execute(
                    select(RestrictionMember.account_id).where(
                        RestrictionMember.young_person_id == young_person_id
                    )
                ).scalars()
            )
            if wanted == current:
                return
            session.execute(
                delete(RestrictionMember).where(
                    RestrictionMember.young_person_id == young_person_id,
                    RestrictionMember.account_id.in_(current - wanted),
                )
            )
            session.add_all(
                RestrictionMember(young_person_id=young_person_id, account_id=account_id)
                for account_id in sorted(wanted - current)
            )
            outcome = f"added {sorted(wanted - current)} removed {sorted(current - wanted)}"
            self._audit(
                session, now, actions.RESTRICTION_STAFF_CHANGED, young_person_id, ["staff"], outcome
            )

    def lift(self, young_person_id: int, reason: str) -> None:
        """Opens the record to everyone whose role reaches it again."""
        self._require_coordinator()
        text = check_reason(reason, "lifting the restriction")
        now = self._clock.now()
        with self._sessions.begin() as session:
            restriction = _restriction(session, young_person_id)
            # The record keeps its restriction history (the reason is kept here, in the vault).
            session.add(
                RestrictionLift(
                    young_person_id=young_person_id,
                    restricted_at=restriction.restricted_at,
                    reason=text,
                    lifted_by_id=self._user.account_id,
                    lifted_at=now,
                )
            )
            session.delete(restriction)
            # The audit keeps that a reason was given, not its words (it may name people).
            self._audit(session, now, actions.RESTRICTION_LIFTED, young_person_id, ["reason"])

    # ---- lists for the coordinator -------------------------------------------------------
    def restricted_records(self) -> list[RestrictedRecordRow]:
        self._require_coordinator()
        with self._sessions.begin() as session:
            rows = session.execute(
                select(RecordRestriction, YoungPerson, Account.display_name)
                .join(YoungPerson, YoungPerson.id == RecordRestriction.young_person_id)
                .join(Account, Account.id == RecordRestriction.restricted_by_id)
                .order_by(YoungPerson.case_reference)
            ).all()
            staff: dict[int, list[tuple[int, str]]] = {}
            for person_id, account_id, display_name in session.execute(
                select(RestrictionMember.young_person_id, Account.id, Account.display_name)
                .join(Account, Account.id == RestrictionMember.account_id)
                .order_by(Account.display_name, Account.id)
            ):
                staff.setdefault(person_id, []).append((account_id, display_name))
            result = []
            for restriction, person, restricted_by in rows:
                named = staff.get(person.id, [])
                is_named = any(account_id == self._user.account_id for account_id, _ in named)
                result.append(
                    RestrictedRecordRow(
                        person.id,
                        person.case_reference,
                        f"{person.given_name} {person.family_name}" if is_named else None,
                        restriction.restricted_at,
                        restricted_by,
                        tuple(account_id for account_id, _ in named),
                        tuple(name for _, name in named),
                    )
                )
            return result

    def break_glass_openings(self) -> list[BreakGlassRow]:
        """Every opening, the ones not yet reviewed first, newest first."""
        self._require_coordinator()
        with self._sessions.begin() as session:
            names: dict[int, str] = {
                a: n for a, n in session.execute(select(Account.id, Account.display_name))
            }
            rows = session.execute(
                select(BreakGlassAccess, YoungPerson.case_reference)
                .join(YoungPerson, YoungPerson.id == BreakGlassAccess.young_person_id)
                .order_by(
                    BreakGlassAccess.reviewed_at.is_not(None),
                    BreakGlassAccess.opened_at.desc(),
                    BreakGlassAccess.id.desc(),
                )
            ).all()
            return [
                BreakGlassRow(
                    row.id,
                    row.young_person_id,
                    reference,
                    names.get(row.account_id, ""),
                    row.reason,
                    row.opened_at,
                    row.expires_at,
                    None if row.reviewed_by_id is None else names.get(row.reviewed_by_id, ""),
                    row.reviewed_at,
                )
                for row, reference in rows
            ]

    def mark_reviewed(self, opening_id: int) -> None:
        self._require_coordinator()
        now = self._clock.now()
        with self._sessions.begin() as session:
            opening = session.get(BreakGlassAccess, opening_id)
            if opening is None:
                raise RestrictionInputError("That break-glass opening no longer exists.")
            if opening.reviewed_at is not None:
                return
            opening.reviewed_by_id = self._user.account_id
            opening.reviewed_at = now
            audit_chain.append(
                session,
                now,
                self._user.username,
                actions.BREAK_GLASS_REVIEWED,
                "break_glass_access",
                str(opening.id),
                ["reviewed_at"],
            )

    def staff_choices(self) -> list[tuple[int, str]]:
        """Active staff whose role opens caseload records, by name with their role (two people
        may share a name): who can be named."""
        self._require_coordinator()
        with self._sessions.begin() as session:
            accounts = session.execute(
                select(Account).where(Account.active).order_by(Account.display_name, Account.id)
            ).scalars()
            return [
                (a.id, f"{a.display_name} ({a.role.label})")
                for a in accounts
                if opens_records(a.role)
            ]

    # ---- anyone on the caseload ----------------------------------------------------------
    def break_glass(self, case_reference: str, reason: str) -> BreakGlassOpening:
        """Opens a restricted record to this user for BREAK_GLASS_HOURS; the opening (with its
        reason) is shown to the coordinator, and the audit records it (ids only)."""
        if not opens_records(self._user.role):
            raise PermissionDeniedError("open young people's records")
        text = check_reason(reason, "opening the restricted record")
        now = self._clock.now()
        with self._sessions.begin() as session:
            person = _person_by_reference(session, case_reference)
            if session.get(RecordRestriction, person.id) is None:
                raise RestrictionInputError(f"{person.case_reference} is not a restricted record.")
            if not _reached(session, self._user, person.id):
                raise RestrictionInputError(
                    f"Your role does not open {person.case_reference}: ask the coordinator."
                )
            if _is_named(session, self._user.account_id, person.id):
                raise RestrictionInputError(
                    f"You are named on {person.case_reference}: open it from the caseload."
                )
            opening = BreakGlassAccess(
                young_person_id=person.id,
                account_id=self._user.account_id,
                reason=text,
                opened_at=now,
                expires_at=now + timedelta(hours=BREAK_GLASS_HOURS),
            )
            session.add(opening)
            session.flush()
            self._audit(
                session, now, actions.BREAK_GLASS, person.id, ["reason"], f"opening {opening.id}"
            )
            return BreakGlassOpening(person.id, opening.expires_at)

    # ---- helpers -------------------------------------------------------------------------
    def _require_coordinator(self) -> None:
        if self._user.role is not Role.COORDINATOR:
            raise PermissionDeniedError("restrict records or review break-glass openings")

    def _audit(
        self,
        session: Session,
        now: datetime,
        action: str,
        young_person_id: int,
        fields: list[str],
        outcome: str = "",
    ) -> None:
        audit_chain.append(
            session,
            now,
            self._user.username,
            action,
            "young_person",
            str(young_person_id),
            fields,
            outcome,
        )


def opens_records(role: Role) -> bool:
    """Whether the role opens young people's records at all (and so may break glass)."""
    return (
        Section.CASELOAD in ROLE_SECTIONS[role] and ROLE_RECORD_SCOPE[role] is not RecordScope.NONE
    )


def _person_by_reference(session: Session, case_reference: str) -> YoungPerson:
    reference = case_reference.strip().upper()
    if not reference:
        raise RestrictionInputError("Enter the record's case reference (for example IGX-0042).")
    person = session.execute(
        select(YoungPerson).where(func.upper(YoungPerson.case_reference) == reference)
    ).scalar_one_or_none()
    if person is None:
        raise RestrictionInputError(f"No record has the case reference {reference}.")
    return person


def _reached(session: Session, user: CurrentUser, young_person_id: int) -> bool:
    found = select(YoungPerson.id).where(YoungPerson.id == young_person_id, reached_by_role(user))
    return session.execute(found).first() is not None


def _is_named(session: Session, account_id: int, young_person_id: int) -> bool:
    found = select(RestrictionMember.id).where(
        RestrictionMember.young_person_id == young_person_id,
        RestrictionMember.account_id == account_id,
    )
    return session.execute(found).first() is not None


def _restriction(session: Session, young_person_id: int) -> RecordRestriction:
    restriction = session.get(RecordRestriction, young_person_id)
    if restriction is None:
        raise RestrictionInputError("That record is not restricted (any more).")
    return restriction


def _check_staff(session: Session, staff_ids: set[int]) -> set[int]:
    if not staff_ids:
        raise RestrictionInputError("Name at least one member of staff who may open the record.")
    accounts = session.execute(select(Account).where(Account.id.in_(staff_ids))).scalars()
    fit = {a.id for a in accounts if a.active and opens_records(a.role)}
    if fit != staff_ids:
        raise RestrictionInputError(
            "Only active staff whose role opens young people's records can be named."
        )
    return fit

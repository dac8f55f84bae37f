"""Referrals into the unit: recording them, deciding on them, and re-referrals of closed cases."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, aliased, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Account
from desktop.models.choices import CaseStatus, ReferralDecision, ReferralSource
from desktop.models.people import Allocation, YoungPerson
from desktop.models.referrals import Referral
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import ROLE_SECTIONS, Section
from desktop.services.record_access import RecordNotFoundError, get_person
from desktop.services.status_service import (
    record_start_if_missing,
    record_transition,
    require_case_manager,
)

# A decision other than accepting turns the young person away, so it must say why.
NEEDS_REASON = frozenset({ReferralDecision.DECLINED, ReferralDecision.SIGNPOSTED})


class ReferralInputError(ValueError):
    """The referral form has mistakes; the message lists them."""


@dataclass
class ReferralInput:
    received_on: date
    source: ReferralSource
    referrer: str = ""
    reason: str = ""
    concerns: str = ""
    consent_to_engage: bool = False
    consent_to_share: bool = False
    consent_given_by: str = ""
    consent_given_on: date | None = None

    def problems(self, today: date) -> list[str]:
        found = []
        if self.received_on > today:
            found.append("The referral date is in the future.")
        if not self.reason.strip():
            found.append("Enter the reason for the referral.")
        if self.consent_to_engage or self.consent_to_share:
            if not self.consent_given_by.strip():
                found.append("Say who gave consent.")
            if self.consent_given_on is None:
                found.append("Enter the date consent was given.")
        if self.consent_given_on is not None and self.consent_given_on > today:
            found.append("The consent date is in the future.")
        return found


@dataclass(frozen=True)
class ReferralRow:
    id: int
    received_on: date
    source: ReferralSource
    referrer: str
    reason: str
    concerns: str
    consent_to_engage: bool
    consent_to_share: bool
    consent_given_by: str
    consent_given_on: date | None
    decision: ReferralDecision
    decision_reason: str
    decided_on: date | None
    allocated_to_id: int | None
    allocated_to: str  # display name, empty when nobody was allocated
    created_at: datetime
    created_by: str


class ReferralService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def add_referral(self, person_id: int, referral: ReferralInput) -> int:
        """Records a referral; a closed case referred again is reopened in the same step."""
        require_case_manager(self._user, "record referrals")
        now = self._clock.now()
        found = referral.problems(now.date())
        if found:
            raise ReferralInputError(" ".join(found))
        with self._sessions.begin() as session:
            person = get_person(session, self._user, person_id, self._clock.now())
            row = Referral(
                young_person_id=person.id,
                received_on=referral.received_on,
                source=referral.source,
                referrer=referral.referrer.strip(),
                reason=referral.reason.strip(),
                concerns=referral.concerns.strip(),
                consent_to_engage=referral.consent_to_engage,
                consent_to_share=referral.consent_to_share,
                consent_given_by=referral.consent_given_by.strip(),
                consent_given_on=referral.consent_given_on,
                created_at=now,
                created_by_id=self._user.account_id,
            )
            session.add(row)
            session.flush()
            audit_chain.append(
                session,
                now,
                self._user.username,
                actions.CREATE,
                "referral",
                str(row.id),
                _filled_fields(referral),
            )
            # The history starts with the first referral; later ones only reopen a closed case.
            record_start_if_missing(session, self._user, now, person, "Referral received.")
            if person.status is CaseStatus.CLOSED:
                record_transition(
                    session,
                    self._user,
                    now,
                    person,
                    CaseStatus.REFERRED,
                    f"Referred again on {referral.received_on:%d/%m/%Y} ({referral.source.label}).",
                )
            return row.id

    def decide(
        self,
        referral_id: int,
        decision: ReferralDecision,
        reason: str,
        decided_on: date,
        allocated_to_id: int | None = None,
    ) -> None:
        """Accepts, signposts or declines; accepting may allocate a worker to the case."""
        require_case_manager(self._user, "decide on referrals")
        reason = reason.strip()
        now = self._clock.now()
        found = []
        if decision is ReferralDecision.PENDING:
            found.append("Choose accepted, signposted or declined.")
        if decision in NEEDS_REASON and not reason:
            found.append(f"Give the reason the referral was {decision.label.lower()}.")
        if allocated_to_id is not None and decision is not ReferralDecision.ACCEPTED:
            found.append("Only an accepted referral is allocated to a worker.")
        if decided_on > now.date():
            found.append("The decision date is in the future.")
        with self._sessions.begin() as session:
            referral = session.get(Referral, referral_id)
            if referral is None:
                raise RecordNotFoundError()
            person = get_person(session, self._user, referral.young_person_id, self._clock.now())
            if decided_on < referral.received_on:
                found.append("The decision date is before the referral was received.")
            if allocated_to_id is not None and not _can_hold_cases(session, allocated_to_id):
                found.append("Allocate the referral to an active member of staff with a caseload.")
            if found:
                raise ReferralInputError(" ".join(found))
            changed = [
                name
                for name, value in (
                    ("decision", decision),
                    ("decision_reason", reason),
                    ("decided_on", decided_on),
                    ("allocated_to_id", allocated_to_id),
                )
                if getattr(referral, name) != value
            ]
            if not changed:
                return
            referral.decision = decision
            referral.decision_reason = reason
            referral.decided_on = decided_on
            referral.allocated_to_id = allocated_to_id
            audit_chain.append(
                session,
                now,
                self._user.username,
                actions.REFERRAL_DECIDED,
                "referral",
                str(referral.id),
                changed,
            )
            if allocated_to_id is not None:
                _allocate(session, self._user, now, person, allocated_to_id)

    def referrals(self, person_id: int) -> list[ReferralRow]:
        """Every referral of this young person, newest first."""
        allocated, creator = aliased(Account), aliased(Account)
        with self._sessions.begin() as session:
            get_person(session, self._user, person_id, self._clock.now())
            rows = session.execute(
                select(Referral, allocated.display_name, creator.display_name)
                .outerjoin(allocated, allocated.id == Referral.allocated_to_id)
                .join(creator, creator.id == Referral.created_by_id)
                .where(Referral.young_person_id == person_id)
                .order_by(Referral.received_on.desc(), Referral.id.desc())
            ).all()
            return [
                _row(referral, allocated_name, created_by)
                for referral, allocated_name, created_by in rows
            ]


def _allocate(
    session: Session, user: CurrentUser, now: datetime, person: YoungPerson, account_id: int
) -> None:
    """The allocated worker becomes key worker if there is none, else joins the allocated staff.

    Either way they can then open the record, which an allocation is for.
    """
    if person.key_worker_id is None:
        person.key_worker_id = account_id
        changed = "key_worker_id"
    elif (
        person.key_worker_id == account_id
        or session.execute(
            select(
                exists().where(
                    Allocation.young_person_id == person.id, Allocation.account_id == account_id
                )
            )
        ).scalar_one()
    ):
        return
    else:
        session.add(Allocation(young_person_id=person.id, account_id=account_id))
        changed = "allocated_ids"
    person.updated_at = now
    session.flush()
    audit_chain.append(
        session, now, user.username, actions.UPDATE, "young_person", str(person.id), [changed]
    )


def _can_hold_cases(session: Session, account_id: int) -> bool:
    account = session.get(Account, account_id)
    return (
        account is not None and account.active and Section.CASELOAD in ROLE_SECTIONS[account.role]
    )


def _filled_fields(referral: ReferralInput) -> list[str]:
    """Names of the fields given a value (never the values: they go nowhere near the log)."""
    return [f.name for f in fields(referral) if getattr(referral, f.name) not in ("", False, None)]


def _row(referral: Referral, allocated_to: str | None, created_by: str) -> ReferralRow:
    return ReferralRow(
        id=referral.id,
        received_on=referral.received_on,
        source=referral.source,
        referrer=referral.referrer,
        reason=referral.reason,
        concerns=referral.concerns,
        consent_to_engage=referral.consent_to_engage,
        consent_to_share=referral.consent_to_share,
        consent_given_by=referral.consent_given_by,
        consent_given_on=referral.consent_given_on,
        decision=referral.decision,
        decision_reason=referral.decision_reason,
        decided_on=referral.decided_on,
        allocated_to_id=referral.allocated_to_id,
        allocated_to=allocated_to or "",
        created_at=referral.created_at,
        created_by=created_by,
    )

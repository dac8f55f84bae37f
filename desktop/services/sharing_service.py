"""Consent and information sharing: each consent or decision to share a young person's
information, with its lawful basis, and what may be shared with which agency today."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Account
from desktop.models.choices import ContactKind, LawfulBasis, SharingKind
from desktop.models.data_protection import SharingDecision
from desktop.models.network import Contact
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.record_access import RecordNotFoundError, get_person

NAME_LENGTH = 200  # given_by and agency, as the table holds them
# What the record says when a consent or decision covers every agency in the plan.
ANY_AGENCY = "Any agency in the plan"


class SharingInputError(ValueError):
    """A consent or sharing decision with something missing or wrong; the message says what."""


@dataclass(frozen=True)
class SharingInput:
    kind: SharingKind
    lawful_basis: LawfulBasis
    # Who gave the consent (the young person, a parent) or made the decision (a manager).
    given_by: str
    decided_on: date
    agency: str = ""  # "" for any agency in the plan
    scope: str = ""  # what may be shared, and for a decision why
    review_on: date | None = None


@dataclass(frozen=True)
class SharingRow:
    id: int
    kind: SharingKind
    lawful_basis: LawfulBasis
    given_by: str
    agency: str
    scope: str
    decided_on: date
    review_on: date | None
    withdrawn_on: date | None
    withdrawal_reason: str
    recorded_by: str
    recorded_at: datetime
    # May be relied on today: started, not withdrawn or ended, not past its review date.
    current: bool

    @property
    def agency_text(self) -> str:
        return self.agency or ANY_AGENCY

    @property
    def ending_word(self) -> str:
        """A consent is withdrawn; a decision is ended."""
        return "Withdrawn" if self.kind is SharingKind.CONSENT else "Ended"


@dataclass(frozen=True)
class AgencySharing:
    """What may be shared with one agency today, and on what basis."""

    agency: str  # "" for any agency in the plan
    rows: tuple[SharingRow, ...]

    @property
    def agency_text(self) -> str:
        return self.agency or ANY_AGENCY

    @property
    def bases(self) -> tuple[LawfulBasis, ...]:
        return tuple(dict.fromkeys(row.lawful_basis for row in self.rows))


def is_current(
    decided_on: date, review_on: date | None, withdrawn_on: date | None, today: date
) -> bool:
    """A withdrawal takes effect on its day; a review date is the last day it may be relied on
    (after it the consent or decision lapses until a new one is recorded)."""
    return (
        decided_on <= today
        and (withdrawn_on is None or withdrawn_on > today)
        and (review_on is None or review_on >= today)
    )


def sharing_rows(session: Session, person_id: int, today: date) -> list[SharingRow]:
    """Every consent and decision on the record, newest first (no access check: callers do)."""
    query = (
        select(SharingDecision, Account.display_name)
        .join(Account, Account.id == SharingDecision.recorded_by_id)
        .where(SharingDecision.young_person_id == person_id)
        .order_by(SharingDecision.decided_on.desc(), SharingDecision.id.desc())
    )
    return [_row(decision, name, today) for decision, name in session.execute(query)]


def shareable_today(rows: Sequence[SharingRow]) -> list[AgencySharing]:
    """The current rows grouped by agency (any agency in the plan first, then by name)."""
    groups: dict[str, list[SharingRow]] = {}
    for row in rows:
        if row.current:
            groups.setdefault(row.agency, []).append(row)
    ordered = sorted(groups, key=lambda agency: (agency != "", agency.casefold()))
    return [AgencySharing(agency, tuple(groups[agency])) for agency in ordered]


def involved_agencies(session: Session, person_id: int) -> list[str]:
    """The agencies of the professionals in the young person's network, once each, by name."""
    names = session.execute(
        select(Contact.agency).where(
            Contact.young_person_id == person_id,
            Contact.kind == ContactKind.PROFESSIONAL,
            Contact.agency != "",
        )
    ).scalars()
    unique = {name.strip().casefold(): name.strip() for name in names if name.strip()}
    return sorted(unique.values(), key=str.casefold)


class SharingService:
    """Anyone who may open the young person's record may read and record its sharing."""

    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def today(self) -> date:
        """Today where the user is: the day sharing is judged on, and the forms' default."""
        return self._clock.now().astimezone().date()

    def record(self, person_id: int, details: SharingInput) -> int:
        """A new consent or decision to share; SharingInputError says what is wrong."""
        now = self._clock.now()
        with self._sessions.begin() as session:
            # Checked first, so someone without access learns nothing from the form's errors.
            person = get_person(session, self._user, person_id, now)
            found = _problems(details, self.today())
            if found:
                raise SharingInputError(" ".join(found))
            decision = SharingDecision(
                young_person_id=person.id,
                kind=details.kind,
                lawful_basis=details.lawful_basis,
                given_by=details.given_by.strip(),
                agency=details.agency.strip(),
                scope=details.scope.strip(),
                decided_on=details.decided_on,
                review_on=details.review_on,
                recorded_by_id=self._user.account_id,
                recorded_at=now,
            )
            session.add(decision)
            session.flush()
            filled = ["kind", "lawful_basis", "decided_on"]
            filled += [
                name
                for name in ("given_by", "agency", "scope", "review_on")
                if getattr(decision, name) not in ("", None)
            ]
            audit_chain.append(
                session,
                now,
                self._user.username,
                actions.SHARING_RECORDED,
                "sharing_decision",
                str(decision.id),
                filled,
            )
            return decision.id

    def withdraw(self, decision_id: int, withdrawn_on: date, reason: str) -> None:
        """Withdraws a consent or ends a decision from that day on (it stays in the history)."""
        now = self._clock.now()
        reason = reason.strip()
        with self._sessions.begin() as session:
            decision = session.get(SharingDecision, decision_id)
            if decision is None:
                raise RecordNotFoundError()
            get_person(session, self._user, decision.young_person_id, now)
            consent = decision.kind is SharingKind.CONSENT
            what = "consent" if consent else "decision"
            found = []
            if decision.withdrawn_on is not None:
                found.append(f"This {what} has already been {_ended(consent)}.")
            if withdrawn_on < decision.decided_on:
                found.append(f"The {_ending(consent)} date is before the {what} was given.")
            if withdrawn_on > self.today():
                found.append(f"The {_ending(consent)} date is in the future.")
            if not reason:
                found.append(f"Say why the {what} was {_ended(consent)}.")
            if found:
                raise SharingInputError(" ".join(found))
            decision.withdrawn_on = withdrawn_on
            decision.withdrawal_reason = reason
            audit_chain.append(
                session,
                now,
                self._user.username,
                actions.SHARING_WITHDRAWN,
                "sharing_decision",
                str(decision.id),
                ["withdrawn_on", "withdrawal_reason"],
            )

    def history(self, person_id: int) -> list[SharingRow]:
        """Every consent and decision on the record, newest first."""
        with self._sessions.begin() as session:
            get_person(session, self._user, person_id, self._clock.now())
            return sharing_rows(session, person_id, self.today())

    def agencies(self, person_id: int) -> list[str]:
        """Agencies to offer in the form: the professionals' agencies, then any named before."""
        with self._sessions.begin() as session:
            get_person(session, self._user, person_id, self._clock.now())
            named = session.execute(
                select(SharingDecision.agency)
                .where(SharingDecision.young_person_id == person_id, SharingDecision.agency != "")
                .distinct()
            ).scalars()
            found = involved_agencies(session, person_id)
            known = {name.casefold() for name in found}
            found += sorted((n for n in named if n.casefold() not in known), key=str.casefold)
            return found

    def shareable(self, person_id: int) -> list[AgencySharing]:
        """What may be shared with which agency today, with the basis for each."""
        return shareable_today(self.history(person_id))


def _problems(details: SharingInput, today: date) -> list[str]:
    consent = details.kind is SharingKind.CONSENT
    found = []
    if consent and details.lawful_basis is not LawfulBasis.CONSENT:
        found.append("A consent's lawful basis is consent.")
    if not consent and details.lawful_basis is LawfulBasis.CONSENT:
        found.append(
            "A decision to share without consent needs another lawful basis: legal "
            "obligation, public task or vital interests."
        )
    if consent and not details.given_by.strip():
        found.append("Say who gave the consent.")
    if not consent and not details.scope.strip():
        found.append("Say what may be shared and why it was decided to share it.")
    if details.decided_on > today:
        found.append("The date is in the future.")
    if details.review_on is not None and details.review_on < details.decided_on:
        found.append("The review date is before the date given.")
    for text, label in ((details.given_by, "Who gave or made it"), (details.agency, "Agency")):
        if len(text.strip()) > NAME_LENGTH:
            found.append(f"{label}: at most {NAME_LENGTH} characters.")
    return found


def _ended(consent: bool) -> str:
    return "withdrawn" if consent else "ended"


def _ending(consent: bool) -> str:
    return "withdrawal" if consent else "end"


def _row(decision: SharingDecision, recorded_by: str, today: date) -> SharingRow:
    return SharingRow(
        id=decision.id,
        kind=decision.kind,
        lawful_basis=decision.lawful_basis,
        given_by=decision.given_by,
        agency=decision.agency,
        scope=decision.scope,
        decided_on=decision.decided_on,
        review_on=decision.review_on,
        withdrawn_on=decision.withdrawn_on,
        withdrawal_reason=decision.withdrawal_reason,
        recorded_by=recorded_by,
        recorded_at=decision.recorded_at,
        current=is_current(decision.decided_on, decision.review_on, decision.withdrawn_on, today),
    )

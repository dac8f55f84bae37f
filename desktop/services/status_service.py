"""The case status workflow: an explicit table of legal transitions, each dated and audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Account
from desktop.models.case_status import StatusChange
from desktop.models.choices import CaseStatus, ClosureOutcome, ClosureReason
from desktop.models.people import YoungPerson
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import CAN_CREATE_YOUNG_PEOPLE, PermissionDeniedError
from desktop.services.record_access import get_person

S = CaseStatus
# Every legal move, and nothing else: a pair missing here is refused, whoever asks.
TRANSITIONS: dict[CaseStatus, tuple[CaseStatus, ...]] = {
    S.REFERRED: (S.ASSESSMENT, S.CLOSED),
    S.ASSESSMENT: (S.ACTIVE, S.CLOSED),
    S.ACTIVE: (S.MONITORING, S.CLOSED),
    S.MONITORING: (S.ACTIVE, S.CLOSED),
    S.CLOSED: (S.REFERRED,),  # reopening, with a reason
}

# Those who bring young people onto the caseload also move them through it and decide on their
# referrals; specialists who are only allocated to a case may read its status but not change it.
CAN_MANAGE_CASES = CAN_CREATE_YOUNG_PEOPLE


class StatusTransitionError(ValueError):
    """A move the workflow does not allow; the message names both statuses and the way on."""

    def __init__(self, from_status: CaseStatus, to_status: CaseStatus) -> None:
        if from_status is to_status:
            message = f"This case is already {from_status.label.lower()}."
        else:
            message = (
                f"A case cannot move from {from_status.label} to {to_status.label}. "
                f"From {from_status.label} it can move to {_listed(allowed_next(from_status))}."
            )
        super().__init__(message)
        self.from_status = from_status
        self.to_status = to_status


class StatusInputError(ValueError):
    """A legal move with something missing (closing needs a reason and an outcome)."""


@dataclass(frozen=True)
class StatusChangeRow:
    id: int
    from_status: CaseStatus | None  # None for the first entry in a case's history
    to_status: CaseStatus
    changed_at: datetime
    changed_by: str
    reason: str
    outcome: str
    closure_reason: ClosureReason | None = None
    closure_outcome: ClosureOutcome | None = None


def allowed_next(status: CaseStatus) -> tuple[CaseStatus, ...]:
    return TRANSITIONS[status]


def require_case_manager(user: CurrentUser, what: str) -> None:
    if user.role not in CAN_MANAGE_CASES:
        raise PermissionDeniedError(what)


def record_transition(
    session: Session,
    user: CurrentUser,
    now: datetime,
    person: YoungPerson,
    to_status: CaseStatus,
    reason: str,
    outcome: str = "",
    closure_reason: ClosureReason | None = None,
    closure_outcome: ClosureOutcome | None = None,
) -> StatusChange:
    """Moves the case on inside the caller's transaction (the referral service reopens with it).
    Closing needs the reason and outcome both in words and as categories (the analyst counts
    the categories); any other move keeps neither category."""
    from_status = person.status
    if to_status not in TRANSITIONS[from_status]:
        raise StatusTransitionError(from_status, to_status)
    reason, outcome = reason.strip(), outcome.strip()
    missing = []
    if to_status is S.CLOSED:
        if not reason:
            missing.append("Give the reason for closing the case.")
        if not outcome:
            missing.append("Describe the outcome for the young person.")
        if closure_reason is None:
            missing.append("Choose the kind of reason for closing.")
        if closure_outcome is None:
            missing.append("Choose the kind of outcome.")
    elif from_status is S.CLOSED and not reason:
        missing.append("Give the reason for reopening the case.")
    if missing:
        raise StatusInputError(" ".join(missing))
    change = StatusChange(
        young_person_id=person.id,
        from_status=from_status,
        to_status=to_status,
        changed_at=now,
        changed_by_id=user.account_id,
        reason=reason,
        # Only a closed case has an outcome; a stray one from the form would mislead later.
        outcome=outcome if to_status is S.CLOSED else "",
        closure_reason=closure_reason if to_status is S.CLOSED else None,
        closure_outcome=closure_outcome if to_status is S.CLOSED else None,
    )
    session.add(change)
    person.status = to_status
    person.updated_at = now
    session.flush()
    fields = ["status", "reason"] if reason else ["status"]
    if to_status is S.CLOSED:
        fields += ["outcome", "closure_reason", "closure_outcome"]
    audit_chain.append(
        session,
        now,
        user.username,
        actions.STATUS_CHANGED,
        "young_person",
        str(person.id),
        fields,
    )
    return change


def record_start_if_missing(
    session: Session, user: CurrentUser, now: datetime, person: YoungPerson, reason: str
) -> StatusChange | None:
    """The first entry of a case's history (people are created already 'referred')."""
    existing = session.execute(
        select(func.count(StatusChange.id)).where(StatusChange.young_person_id == person.id)
    ).scalar_one()
    if existing:
        return None
    start = StatusChange(
        young_person_id=person.id,
        from_status=None,
        to_status=person.status,
        changed_at=now,
        changed_by_id=user.account_id,
        reason=reason,
    )
    session.add(start)
    session.flush()
    audit_chain.append(
        session,
        now,
        user.username,
        actions.STATUS_CHANGED,
        "young_person",
        str(person.id),
        ["status", "reason"],
    )
    return start


class StatusService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    @staticmethod
    def allowed_next(status: CaseStatus) -> tuple[CaseStatus, ...]:
        return allowed_next(status)

    def change_status(
        self,
        person_id: int,
        to_status: CaseStatus,
        reason: str,
        outcome: str = "",
        closure_reason: ClosureReason | None = None,
        closure_outcome: ClosureOutcome | None = None,
    ) -> int:
        """Moves the case on; returns the id of the history entry written."""
        require_case_manager(self._user, "change a case's status")
        with self._sessions.begin() as session:
            person = get_person(session, self._user, person_id, self._clock.now())
            change = record_transition(
                session,
                self._user,
                self._clock.now(),
                person,
                to_status,
                reason,
                outcome,
                closure_reason,
                closure_outcome,
            )
            return change.id

    def history(self, person_id: int) -> list[StatusChangeRow]:
        """Newest first."""
        with self._sessions.begin() as session:
            get_person(session, self._user, person_id, self._clock.now())
            rows = session.execute(
                select(StatusChange, Account.display_name)
                .join(Account, Account.id == StatusChange.changed_by_id)
                .where(StatusChange.young_person_id == person_id)
                .order_by(StatusChange.changed_at.desc(), StatusChange.id.desc())
            ).all()
            return [
                StatusChangeRow(
                    change.id,
                    change.from_status,
                    change.to_status,
                    change.changed_at,
                    name,
                    change.reason,
                    change.outcome,
                    change.closure_reason,
                    change.closure_outcome,
                )
                for change, name in rows
            ]


def _listed(statuses: tuple[CaseStatus, ...]) -> str:
    labels = [status.label for status in statuses]
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} or {labels[-1]}"

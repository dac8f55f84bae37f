"""Interventions on a case: support first; enforcement only as a last resort, with its rationale."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Account, Role
from desktop.models.choices import ENFORCEMENT, InterventionType
from desktop.models.interventions import Intervention
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError, get_person

# Enforcement is decided by the people accountable for it, not by every worker on the case.
CAN_RECORD_ENFORCEMENT = frozenset({Role.COORDINATOR, Role.ENFORCEMENT_OFFICER})
# There is no column of its own for it, so it is kept in the rationale under this heading.
NO_PRIOR_SUPPORT_HEADING = "No support recorded before this enforcement:"


class InterventionInputError(ValueError):
    """The intervention form has mistakes; the message lists them."""


@dataclass
class InterventionInput:
    kind: InterventionType
    started_on: date
    ended_on: date | None = None
    owner_id: int | None = None
    description: str = ""
    outcome: str = ""
    rationale: str = ""  # enforcement only: why support alone is no longer enough

    def problems(self, today: date) -> list[str]:
        found = []
        if self.started_on > today:
            found.append("The start date is in the future (plan future work as a task).")
        if self.ended_on is not None:
            if self.ended_on > today:
                found.append("The end date is in the future.")
            if self.ended_on < self.started_on:
                found.append("The end date is before the start date.")
            if not self.outcome.strip():
                found.append("Describe the outcome of the intervention that ended.")
        if self.kind in ENFORCEMENT and not self.rationale.strip():
            found.append(
                "Enforcement is a last resort: explain why support alone is no longer enough."
            )
        return found


@dataclass(frozen=True)
class InterventionRow:
    id: int
    kind: InterventionType
    is_enforcement: bool
    started_on: date
    ended_on: date | None
    owner_id: int | None
    owner: str  # display name, empty when no owner
    description: str
    outcome: str
    rationale: str
    created_at: datetime
    created_by: str


@dataclass(frozen=True)
class SupportRow:
    """Support offered before an enforcement, for the enforcement dialog to show."""

    id: int
    kind: InterventionType
    started_on: date
    ended_on: date | None
    owner: str
    outcome: str


class InterventionService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def add_intervention(
        self, person_id: int, data: InterventionInput, no_prior_support_reason: str = ""
    ) -> int:
        """Enforcement with no support recorded before it needs no_prior_support_reason."""
        now = self._clock.now()
        self._check_kind_allowed(data.kind)
        with self._sessions.begin() as session:
            person = get_person(session, self._user, person_id, self._clock.now())
            found = data.problems(now.date())
            found += _owner_problems(session, data.owner_id)
            rationale = data.rationale.strip()
            if data.kind in ENFORCEMENT:
                rationale, more = _with_prior_support(
                    session, person.id, data.started_on, rationale, no_prior_support_reason
                )
                found += more
            if found:
                raise InterventionInputError(" ".join(found))
            row = Intervention(
                young_person_id=person.id, created_at=now, created_by_id=self._user.account_id
            )
            _apply(row, data, rationale)
            session.add(row)
            session.flush()
            audit_chain.append(
                session,
                now,
                self._user.username,
                actions.ENFORCEMENT_RECORDED if data.kind in ENFORCEMENT else actions.CREATE,
                "intervention",
                str(row.id),
                _filled_fields(data),
            )
            return row.id

    def update_intervention(
        self, intervention_id: int, data: InterventionInput, no_prior_support_reason: str = ""
    ) -> list[str]:
        """Saves the form; returns (and audits) the names of the fields that changed."""
        now = self._clock.now()
        self._check_kind_allowed(data.kind)
        with self._sessions.begin() as session:
            row = self._get(session, intervention_id)
            # Editing an enforcement record is as restricted as recording one.
            self._check_kind_allowed(row.kind)
            found = data.problems(now.date()) + _owner_problems(session, data.owner_id)
            rationale = data.rationale.strip()
            if data.kind in ENFORCEMENT and row.kind not in ENFORCEMENT:
                rationale, more = _with_prior_support(
                    session,
                    row.young_person_id,
                    data.started_on,
                    rationale,
                    no_prior_support_reason,
                    exclude_id=row.id,
                )
                found += more
            if found:
                raise InterventionInputError(" ".join(found))
            before = _input_of(row)
            _apply(row, data, rationale)
            changed = [
                f.name
                for f in fields(InterventionInput)
                if getattr(before, f.name) != getattr(_input_of(row), f.name)
            ]
            if changed:
                audit_chain.append(
                    session,
                    now,
                    self._user.username,
                    actions.UPDATE,
                    "intervention",
                    str(row.id),
                    changed,
                )
            return changed

    def close_intervention(self, intervention_id: int, ended_on: date, outcome: str) -> None:
        now = self._clock.now()
        with self._sessions.begin() as session:
            row = self._get(session, intervention_id)
            self._check_kind_allowed(row.kind)
            if row.ended_on is not None:
                raise InterventionInputError("This intervention has already ended.")
            data = _input_of(row)
            data.ended_on, data.outcome = ended_on, outcome.strip()
            found = data.problems(now.date())
            if found:
                raise InterventionInputError(" ".join(found))
            row.ended_on, row.outcome = ended_on, data.outcome
            audit_chain.append(
                session,
                now,
                self._user.username,
                actions.INTERVENTION_CLOSED,
                "intervention",
                str(row.id),
                ["ended_on", "outcome"],
            )

    def interventions(self, person_id: int) -> list[InterventionRow]:
        """Every intervention on the case, newest start first."""
        owner, creator = aliased(Account), aliased(Account)
        with self._sessions.begin() as session:
            get_person(session, self._user, person_id, self._clock.now())
            rows = session.execute(
                select(Intervention, owner.display_name, creator.display_name)
                .outerjoin(owner, owner.id == Intervention.owner_id)
                .join(creator, creator.id == Intervention.created_by_id)
                .where(Intervention.young_person_id == person_id)
                .order_by(Intervention.started_on.desc(), Intervention.id.desc())
            ).all()
            return [
                InterventionRow(
                    id=i.id,
                    kind=i.kind,
                    is_enforcement=i.kind in ENFORCEMENT,
                    started_on=i.started_on,
                    ended_on=i.ended_on,
                    owner_id=i.owner_id,
                    owner=owner_name or "",
                    description=i.description,
                    outcome=i.outcome,
                    rationale=i.rationale,
                    created_at=i.created_at,
                    created_by=creator_name,
                )
                for i, owner_name, creator_name in rows
            ]

    def support_before(self, person_id: int, on: date | None = None) -> list[SupportRow]:
        """The support interventions started on or before `on` (today if not given), oldest
        first: what the enforcement dialog shows was tried before."""
        on = on or self._clock.now().date()
        with self._sessions.begin() as session:
            get_person(session, self._user, person_id, self._clock.now())
            return _support_before(session, person_id, on)

    # ---- helpers -------------------------------------------------------------------------
    def _check_kind_allowed(self, kind: InterventionType) -> None:
        if kind in ENFORCEMENT and self._user.role not in CAN_RECORD_ENFORCEMENT:
            raise PermissionDeniedError("record or change enforcement action")

    def _get(self, session: Session, intervention_id: int) -> Intervention:
        row = session.get(Intervention, intervention_id)
        if row is None:
            raise RecordNotFoundError()
        get_person(session, self._user, row.young_person_id, self._clock.now())
        return row


def _support_before(
    session: Session, person_id: int, on: date, exclude_id: int | None = None
) -> list[SupportRow]:
    query = (
        select(Intervention, Account.display_name)
        .outerjoin(Account, Account.id == Intervention.owner_id)
        .where(
            Intervention.young_person_id == person_id,
            Intervention.kind.not_in(ENFORCEMENT),
            Intervention.started_on <= on,
        )
        .order_by(Intervention.started_on, Intervention.id)
    )
    if exclude_id is not None:
        query = query.where(Intervention.id != exclude_id)
    return [
        SupportRow(i.id, i.kind, i.started_on, i.ended_on, name or "", i.outcome)
        for i, name in session.execute(query).all()
    ]


def _with_prior_support(
    session: Session,
    person_id: int,
    started_on: date,
    rationale: str,
    no_prior_support_reason: str,
    exclude_id: int | None = None,
) -> tuple[str, list[str]]:
    """The rationale to store, and the problem if there was no support and no reason why."""
    if _support_before(session, person_id, started_on, exclude_id):
        return rationale, []
    reason = no_prior_support_reason.strip()
    if not reason:
        return rationale, [
            "No support is recorded before this enforcement: record the support offered "
            "first, or explain why enforcement comes without it."
        ]
    return f"{rationale}\n\n{NO_PRIOR_SUPPORT_HEADING} {reason}", []


def _owner_problems(session: Session, owner_id: int | None) -> list[str]:
    if owner_id is None:
        return []
    owner = session.get(Account, owner_id)
    if owner is None or not owner.active:
        return ["Choose an active member of staff as the owner."]
    return []


def _apply(row: Intervention, data: InterventionInput, rationale: str) -> None:
    row.kind = data.kind
    row.started_on = data.started_on
    row.ended_on = data.ended_on
    row.owner_id = data.owner_id
    row.description = data.description.strip()
    row.outcome = data.outcome.strip()
    row.rationale = rationale


def _input_of(row: Intervention) -> InterventionInput:
    return InterventionInput(
        kind=row.kind,
        started_on=row.started_on,
        ended_on=row.ended_on,
        owner_id=row.owner_id,
        description=row.description,
        outcome=row.outcome,
        rationale=row.rationale,
    )


def _filled_fields(data: InterventionInput) -> list[str]:
    return [f.name for f in fields(data) if getattr(data, f.name) not in ("", None)]

"""What the employment-coaching services share: their base class, the open-plan guard, the plan
view and list rows with their counts, the current EET spell and the review interval."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Account, Role
from desktop.models.choices import BarrierStatus, GoalStatus
from desktop.models.coaching import Barrier, CoachingGoal, CoachingPlan, EetSpell, GoalAction
from desktop.models.people import YoungPerson
from desktop.models.vault_settings import VaultSetting
from desktop.services import audit_chain
from desktop.services.coaching_access import may_edit, plan_to_edit
from desktop.services.coaching_records import (
    DEFAULT_REVIEW_WEEKS,
    OPEN_ACTIONS,
    CoachingInputError,
    EetRow,
    PlanRow,
    PlanView,
)
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import visible_people

REVIEW_WEEKS_SETTING = "coaching_review_weeks"


def open_plan_to_edit(
    session: Session, user: CurrentUser, plan_id: int, now: datetime
) -> CoachingPlan:
    """As plan_to_edit, refusing a closed plan: its record stays as it was when closed."""
    plan = plan_to_edit(session, user, plan_id, now)
    if plan.closed_on is not None:
        raise CoachingInputError("This plan is closed and can no longer be changed.")
    return plan


def review_interval(session: Session) -> int:
    setting = session.get(VaultSetting, REVIEW_WEEKS_SETTING)
    return int(setting.value) if setting else DEFAULT_REVIEW_WEEKS


def review_overdue(plan: CoachingPlan, today: date) -> bool:
    return plan.closed_on is None and plan.review_due_on is not None and plan.review_due_on < today


def current_spell(session: Session, person_id: int) -> EetSpell | None:
    return session.execute(
        select(EetSpell)
        .where(EetSpell.young_person_id == person_id, EetSpell.ended_on.is_(None))
        .order_by(EetSpell.started_on.desc(), EetSpell.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def eet_row(spell: EetSpell, recorded_by: str) -> EetRow:
    return EetRow(
        spell.id,
        spell.activity,
        spell.started_on,
        spell.ended_on,
        spell.reason_for_change,
        spell.provider,
        spell.hours_per_week,
        recorded_by,
    )


def account_name(session: Session, account_id: int) -> str:
    return session.execute(
        select(Account.display_name).where(Account.id == account_id)
    ).scalar_one()


def plan_view(session: Session, user: CurrentUser, plan: CoachingPlan, today: date) -> PlanView:
    person = session.get(YoungPerson, plan.young_person_id)
    assert person is not None  # the caller reached the plan through the person's record
    spell = current_spell(session, person.id)
    return PlanView(
        plan.id,
        person.id,
        f"{person.given_name} {person.family_name}",
        person.case_reference,
        plan.coach_id,
        account_name(session, plan.coach_id),
        plan.started_on,
        plan.aspirations,
        plan.strengths,
        plan.review_due_on,
        review_overdue(plan, today),
        plan.closed_on,
        plan.closing_reason,
        None if spell is None else eet_row(spell, account_name(session, spell.recorded_by_id)),
        may_edit(user) and plan.closed_on is None,
    )


def plan_rows(
    session: Session,
    user: CurrentUser,
    today: date,
    include_closed: bool,
    coach_id: int | None,
    now: datetime,
) -> list[PlanRow]:
    """Plans of the young people this user may reach: open first, reviews due soonest first."""
    query = (
        select(CoachingPlan, YoungPerson, Account.display_name)
        .join(YoungPerson, YoungPerson.id == CoachingPlan.young_person_id)
        .join(Account, Account.id == CoachingPlan.coach_id)
        .where(visible_people(user, now))
        .order_by(
            CoachingPlan.closed_on.is_not(None),
            CoachingPlan.review_due_on.is_(None),
            CoachingPlan.review_due_on,
            YoungPerson.given_name,
            YoungPerson.family_name,
            CoachingPlan.id,
        )
    )
    if not include_closed:
        query = query.where(CoachingPlan.closed_on.is_(None))
    if coach_id is not None:
        query = query.where(CoachingPlan.coach_id == coach_id)
    found = session.execute(query).all()
    ids = [plan.id for plan, _person, _coach in found]
    # Counted per plan in one query each, not per row: the list may hold the whole caseload.
    barriers = _counts(
        session,
        select(Barrier.plan_id, func.count())
        .where(Barrier.plan_id.in_(ids), Barrier.status != BarrierStatus.RESOLVED)
        .group_by(Barrier.plan_id),
    )
    goals = _counts(session, _goal_count(ids, CoachingGoal.status != GoalStatus.DROPPED))
    achieved = _counts(session, _goal_count(ids, CoachingGoal.status == GoalStatus.ACHIEVED))
    overdue = _counts(
        session,
        select(CoachingGoal.plan_id, func.count())
        .join(GoalAction, GoalAction.goal_id == CoachingGoal.id)
        .where(
            CoachingGoal.plan_id.in_(ids),
            CoachingGoal.status == GoalStatus.ACTIVE,
            GoalAction.status.in_(OPEN_ACTIONS),
            GoalAction.due_on < today,
        )
        .group_by(CoachingGoal.plan_id),
    )
    activities = {
        spell.young_person_id: spell.activity
        for spell in session.execute(
            select(EetSpell).where(
                EetSpell.young_person_id.in_([p.id for _plan, p, _c in found]),
                EetSpell.ended_on.is_(None),
            )
        ).scalars()
    }
    return [
        PlanRow(
            plan.id,
            person.id,
            f"{person.given_name} {person.family_name}",
            person.case_reference,
            plan.coach_id,
            coach,
            activities.get(person.id),
            plan.review_due_on,
            review_overdue(plan, today),
            barriers.get(plan.id, 0),
            achieved.get(plan.id, 0),
            goals.get(plan.id, 0),
            overdue.get(plan.id, 0),
            plan.closed_on,
        )
        for plan, person, coach in found
    ]


def _goal_count(ids: list[int], condition: ColumnElement[bool]) -> Select[int, int]:
    return (
        select(CoachingGoal.plan_id, func.count())
        .where(CoachingGoal.plan_id.in_(ids), condition)
        .group_by(CoachingGoal.plan_id)
    )


def _counts(session: Session, query: Select[int, int]) -> dict[int, int]:
    return {plan_id: count for plan_id, count in session.execute(query)}


class CoachingServiceBase:
    """The constructor and helpers the coaching services share."""

    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def _today(self) -> date:
        return self._clock.now().date()

    def _require_coordinator(self, what: str) -> None:
        if self._user.role is not Role.COORDINATOR:
            raise PermissionDeniedError(what)

    def _audit(
        self, session: Session, action: str, entity: str, entity_id: int, names: Iterable[str]
    ) -> None:
        audit_chain.append(
            session,
            self._clock.now(),
            self._user.username,
            action,
            entity,
            str(entity_id),
            list(names),
        )

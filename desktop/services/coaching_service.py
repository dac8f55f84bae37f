"""Employment-coaching plans: the plan itself, the dated EET history, barriers and reviews.

The coach (for young people allocated to them) and the coordinator change plans; anyone who may
open the young person's record reads them (coaching_access). Goals and actions are in
coaching_goals_service.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.accounts import Account, Role
from desktop.models.coaching import CoachingPlan, EetSpell, PlanReview
from desktop.models.vault_settings import VaultSetting
from desktop.services import actions, audit_chain
from desktop.services.coaching_access import plan_to_read, require_editor
from desktop.services.coaching_barriers import BarrierMethods, barrier_rows
from desktop.services.coaching_goals_service import goal_rows
from desktop.services.coaching_plan_queries import (
    REVIEW_WEEKS_SETTING,
    current_spell,
    eet_row,
    open_plan_to_edit,
    plan_rows,
    plan_view,
    review_interval,
)
from desktop.services.coaching_records import (
    REVIEW_WEEKS_RANGE,
    BarrierRow,
    CoachingInputError,
    EetInput,
    EetRow,
    GoalRow,
    PlanInput,
    PlanRow,
    PlanView,
    ReviewInput,
    ReviewRow,
    eet_status_for,
)
from desktop.services.coaching_session_records import MilestoneRow, SessionRow
from desktop.services.coaching_sessions_service import milestone_rows, session_rows
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import PermissionDeniedError, Section, require_section
from desktop.services.record_access import RecordNotFoundError, get_person

PLAN_FIELDS = ("coach_id", "started_on", "aspirations", "strengths", "review_due_on")


@dataclass(frozen=True)
class RecordCoaching:
    """What a young person's record shows of their coaching, read in one transaction."""

    plan: PlanView
    barriers: list[BarrierRow]
    goals: list[GoalRow]
    sessions: list[SessionRow]
    milestones: list[MilestoneRow]


class CoachingService(BarrierMethods):
    """Plans, EET history, barriers (BarrierMethods) and reviews."""

    # ---- plans ---------------------------------------------------------------------------
    def create_plan(self, person_id: int, details: PlanInput) -> int:
        """A new plan; a young person has one open plan at a time (closed ones stay)."""
        self._check_plan(details)
        with self._sessions.begin() as session:
            person = get_person(session, self._user, person_id, self._clock.now())
            open_plan = session.execute(
                select(CoachingPlan.id).where(
                    CoachingPlan.young_person_id == person.id, CoachingPlan.closed_on.is_(None)
                )
            ).first()
            if open_plan is not None:
                raise CoachingInputError("This young person already has an open coaching plan.")
            self._check_coach(session, person.id, details.coach_id)
            if details.review_due_on is None:
                weeks = review_interval(session)
                details = _with_review(details, details.started_on + timedelta(weeks=weeks))
            now = self._clock.now()
            plan = CoachingPlan(young_person_id=person.id, created_at=now, updated_at=now)
            _apply(plan, details)
            session.add(plan)
            session.flush()
            filled = [n for n in PLAN_FIELDS if getattr(details, n) not in (None, "")]
            self._audit(session, actions.COACHING_PLAN_CREATED, "coaching_plan", plan.id, filled)
            return plan.id

    def update_plan(self, plan_id: int, details: PlanInput) -> list[str]:
        """Saves the plan; returns the names of the fields that changed."""
        self._check_plan(details)
        with self._sessions.begin() as session:
            plan = open_plan_to_edit(session, self._user, plan_id, self._clock.now())
            if details.review_due_on is None:
                # A form that leaves the date out keeps it: only a review moves it on.
                details = _with_review(details, plan.review_due_on)
            changed = [n for n in PLAN_FIELDS if getattr(plan, n) != _clean(getattr(details, n))]
            if not changed:
                return []
            if "coach_id" in changed:
                self._check_coach(session, plan.young_person_id, details.coach_id)
            _apply(plan, details)
            plan.updated_at = self._clock.now()
            self._audit(session, actions.COACHING_PLAN_UPDATED, "coaching_plan", plan.id, changed)
            return changed

    def close_plan(self, plan_id: int, closed_on: date, reason: str) -> None:
        reason = reason.strip()
        with self._sessions.begin() as session:
            plan = open_plan_to_edit(session, self._user, plan_id, self._clock.now())
            found = []
            if closed_on < plan.started_on:
                found.append("The closing date is before the plan's start.")
            if closed_on > self._today():
                found.append("The closing date is in the future.")
            if not reason:
                found.append("Say why the plan is closing.")
            if found:
                raise CoachingInputError(" ".join(found))
            plan.closed_on = closed_on
            plan.closing_reason = reason
            plan.updated_at = self._clock.now()
            self._audit(
                session,
                actions.COACHING_PLAN_CLOSED,
                "coaching_plan",
                plan.id,
                ["closed_on", "closing_reason"],
            )

    def plan(self, plan_id: int) -> PlanView:
        with self._sessions.begin() as session:
            return self._view(
                session, plan_to_read(session, self._user, plan_id, self._clock.now())
            )

    def plan_for(self, person_id: int) -> PlanView | None:
        """The young person's open plan, else their latest closed one, else None."""
        with self._sessions.begin() as session:
            plan = self._plan_of(session, person_id)
            return None if plan is None else self._view(session, plan)

    def for_record(self, person_id: int) -> RecordCoaching | None:
        """plan_for with the plan's barriers, goals, sessions and milestones, in one
        transaction (the record's Employment tab); None without a plan."""
        with self._sessions.begin() as session:
            plan = self._plan_of(session, person_id)
            if plan is None:
                return None
            return RecordCoaching(
                self._view(session, plan),
                barrier_rows(session, plan.id),
                goal_rows(session, plan.id, self._today()),
                session_rows(session, plan.id),
                milestone_rows(session, plan.id),
            )

    def _plan_of(self, session: Session, person_id: int) -> CoachingPlan | None:
        person = get_person(session, self._user, person_id, self._clock.now())
        return session.execute(
            select(CoachingPlan)
            .where(CoachingPlan.young_person_id == person.id)
            .order_by(
                CoachingPlan.closed_on.is_not(None),
                CoachingPlan.started_on.desc(),
                CoachingPlan.id.desc(),
            )
            .limit(1)
        ).scalar_one_or_none()

    def plans(self, include_closed: bool = False, coach_id: int | None = None) -> list[PlanRow]:
        """The plans of every young person whose record this user may open (for a coach, those
        allocated to them), optionally one coach's only; reviews due soonest first."""
        require_section(self._user.role, Section.CASELOAD)
        with self._sessions.begin() as session:
            return plan_rows(
                session, self._user, self._today(), include_closed, coach_id, self._clock.now()
            )

    def coach_choices(self) -> list[tuple[int, str]]:
        """Who a plan can be given to: for the coordinator every active employment coach, for
        a coach themselves alone."""
        require_editor(self._user)
        query = (
            select(Account.id, Account.display_name)
            .where(Account.active, Account.role == Role.EMPLOYMENT_COACH)
            .order_by(Account.display_name)
        )
        if self._user.role is not Role.COORDINATOR:
            query = query.where(Account.id == self._user.account_id)
        with self._sessions.begin() as session:
            return [(row.id, row.display_name) for row in session.execute(query)]

    # ---- education, employment or training -----------------------------------------------
    def record_eet(self, person_id: int, details: EetInput) -> int:
        """Adds a spell: the current one ends the day this one starts (history is kept, never
        overwritten), and the caseload record's EET status follows."""
        require_editor(self._user)
        found = details.problems()
        if details.started_on > self._today():
            found.append("The start date is in the future: record the change when it happens.")
        if found:
            raise CoachingInputError(" ".join(found))
        with self._sessions.begin() as session:
            person = get_person(session, self._user, person_id, self._clock.now())
            current = current_spell(session, person.id)
            if current is not None:
                if details.started_on < current.started_on:
                    raise CoachingInputError(
                        "The start date is before the current activity began: "
                        "history can only be added to."
                    )
                current.ended_on = details.started_on
            spell = EetSpell(
                young_person_id=person.id,
                activity=details.activity,
                started_on=details.started_on,
                reason_for_change=details.reason_for_change.strip(),
                provider=details.provider.strip(),
                hours_per_week=details.hours_per_week,
                recorded_at=self._clock.now(),
                recorded_by_id=self._user.account_id,
            )
            session.add(spell)
            session.flush()
            filled = ["activity", "started_on"] + [
                n
                for n in ("reason_for_change", "provider", "hours_per_week")
                if getattr(spell, n) not in (None, "")
            ]
            self._audit(session, actions.EET_SPELL_RECORDED, "eet_spell", spell.id, filled)
            status = eet_status_for(details.activity, person.eet_status)
            if status is not person.eet_status:
                person.eet_status = status
                person.updated_at = self._clock.now()
                self._audit(session, actions.UPDATE, "young_person", person.id, ["eet_status"])
            return spell.id

    def eet_history(self, person_id: int) -> list[EetRow]:
        """Every spell, newest first."""
        with self._sessions.begin() as session:
            person = get_person(session, self._user, person_id, self._clock.now())
            rows = session.execute(
                select(EetSpell, Account.display_name)
                .join(Account, Account.id == EetSpell.recorded_by_id)
                .where(EetSpell.young_person_id == person.id)
                .order_by(EetSpell.started_on.desc(), EetSpell.id.desc())
            ).all()
            return [eet_row(spell, name) for spell, name in rows]

    # ---- reviews -------------------------------------------------------------------------
    def review_interval_weeks(self) -> int:
        with self._sessions.begin() as session:
            return review_interval(session)

    def set_review_interval_weeks(self, weeks: int) -> None:
        self._require_coordinator("change how often coaching plans are reviewed")
        low, high = REVIEW_WEEKS_RANGE
        if not low <= weeks <= high:
            raise CoachingInputError(f"Plans are reviewed every {low} to {high} weeks.")
        with self._sessions.begin() as session:
            session.merge(VaultSetting(key=REVIEW_WEEKS_SETTING, value=str(weeks)))
            audit_chain.append(
                session,
                self._clock.now(),
                self._user.username,
                actions.SETTING_CHANGED,
                "setting",
                REVIEW_WEEKS_SETTING,
                outcome=f"{weeks} weeks",
            )

    def record_review(self, plan_id: int, details: ReviewInput) -> int:
        """Records a review and moves the plan's review date on (by N weeks unless given)."""
        found = details.problems()
        if details.reviewed_on > self._today():
            found.append("The review date is in the future.")
        if found:
            raise CoachingInputError(" ".join(found))
        with self._sessions.begin() as session:
            plan = open_plan_to_edit(session, self._user, plan_id, self._clock.now())
            if details.reviewed_on < plan.started_on:
                raise CoachingInputError("The review date is before the plan's start.")
            next_review = details.next_review_on or details.reviewed_on + timedelta(
                weeks=review_interval(session)
            )
            review = PlanReview(
                plan_id=plan.id,
                reviewed_on=details.reviewed_on,
                summary=details.summary.strip(),
                next_review_on=next_review,
                reviewed_by_id=self._user.account_id,
                created_at=self._clock.now(),
            )
            session.add(review)
            plan.review_due_on = next_review
            plan.updated_at = self._clock.now()
            session.flush()
            filled = ["reviewed_on", "next_review_on"] + (["summary"] if review.summary else [])
            self._audit(session, actions.PLAN_REVIEWED, "plan_review", review.id, filled)
            return review.id

    def reviews(self, plan_id: int) -> list[ReviewRow]:
        """Newest first."""
        with self._sessions.begin() as session:
            plan = plan_to_read(session, self._user, plan_id, self._clock.now())
            rows = session.execute(
                select(PlanReview, Account.display_name)
                .join(Account, Account.id == PlanReview.reviewed_by_id)
                .where(PlanReview.plan_id == plan.id)
                .order_by(PlanReview.reviewed_on.desc(), PlanReview.id.desc())
            ).all()
            return [
                ReviewRow(r.id, r.plan_id, r.reviewed_on, r.summary, r.next_review_on, name)
                for r, name in rows
            ]

    # ---- helpers -------------------------------------------------------------------------
    def _check_plan(self, details: PlanInput) -> None:
        require_editor(self._user)
        found = details.problems()
        if details.started_on > self._today():
            found.append("The plan's start date is in the future.")
        if found:
            raise CoachingInputError(" ".join(found))

    def _check_coach(self, session: Session, person_id: int, coach_id: int) -> None:
        if self._user.role is Role.EMPLOYMENT_COACH and coach_id != self._user.account_id:
            raise PermissionDeniedError("give a coaching plan to another coach")
        account = session.get(Account, coach_id)
        if account is None or account.role is not Role.EMPLOYMENT_COACH or not account.active:
            raise CoachingInputError("The coach chosen is not an active employment coach.")
        coach = CurrentUser(account.id, account.username, "", account.role, True)
        try:
            get_person(session, coach, person_id, self._clock.now())
        except RecordNotFoundError:
            # A plan its own coach could not open would be no use to them.
            raise CoachingInputError(
                "The coach chosen is not allocated to this young person: allocate them first."
            ) from None

    def _view(self, session: Session, plan: CoachingPlan) -> PlanView:
        return plan_view(session, self._user, plan, self._today())


def _clean(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def _apply(plan: CoachingPlan, details: PlanInput) -> None:
    plan.coach_id = details.coach_id
    plan.started_on = details.started_on
    plan.aspirations = details.aspirations.strip()
    plan.strengths = details.strengths.strip()
    plan.review_due_on = details.review_due_on


def _with_review(details: PlanInput, due: date | None) -> PlanInput:
    return PlanInput(
        details.coach_id, details.started_on, details.aspirations, details.strengths, due
    )

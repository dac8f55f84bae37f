"""Coaching documents as Word files: the young person's own action plan and the coach's plan
summary, read from the plan in one transaction, saved whole, and audited.

Only the coach and the coordinator (the plan's editors) make them. A gangs worker reads the plan
in Casebook but does not take it out of the vault as a document: a copy that leaves the vault
is the plan owner's to share, and the worker can ask the coach for the summary before a case
conference. The queries name their columns, so nothing else about the young person is loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from docx.document import Document
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.exports.coaching_content import (
    ActionLine,
    BarrierLine,
    CoachingPlanContent,
    GoalLine,
    MilestoneLine,
    ReviewLine,
    SessionLine,
    SpellLine,
    UnitContact,
)
from desktop.exports.coaching_plan_summary import build_plan_summary
from desktop.exports.safe_save import DocumentSaveError, docx_path
from desktop.exports.therapy_content import Author
from desktop.exports.young_person_action_plan import build_action_plan
from desktop.models.accounts import Account
from desktop.models.coaching import (
    Barrier,
    BarrierType,
    CoachingGoal,
    CoachingPlan,
    CoachingSession,
    EetSpell,
    GoalAction,
    Milestone,
    PlanReview,
)
from desktop.models.people import YoungPerson
from desktop.models.vault_settings import VaultSetting
from desktop.services.audited_export import ExportRecord, export_audited
from desktop.services.coaching_access import may_edit, plan_to_read
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import PermissionDeniedError

__all__ = [
    "ACTION_PLAN",
    "PLAN_SUMMARY",
    "UNIT_EMAIL_SETTING",
    "UNIT_PHONE_SETTING",
    "CoachingDocumentService",
    "DocumentSaveError",
]

_Builder = Callable[[CoachingPlanContent, Author, datetime], Document]

# The document kinds, as the audit log names them.
ACTION_PLAN = "young_person_action_plan"
PLAN_SUMMARY = "coaching_plan_summary"
# Vault settings for the "Who to call" box; unset, the plan prints a line to write them on.
UNIT_PHONE_SETTING = "unit_contact_phone"
UNIT_EMAIL_SETTING = "unit_contact_email"


class CoachingDocumentService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    @property
    def may_make_documents(self) -> bool:
        """Whether this user may make coaching documents (the view hides the action otherwise)."""
        return may_edit(self._user)

    def action_plan(self, plan_id: int, destination: Path) -> Path:
        """Writes the young person's action plan to destination (".docx" added if missing);
        returns the path written. DocumentSaveError says, without the path, why a save failed."""

        def build(content: CoachingPlanContent, author: Author, now: datetime) -> Document:
            return build_action_plan(content, author.name, now)

        return self._export(plan_id, destination, ACTION_PLAN, build)

    def plan_summary(self, plan_id: int, destination: Path) -> Path:
        """Writes the coach's plan summary; as action_plan otherwise."""
        return self._export(plan_id, destination, PLAN_SUMMARY, build_plan_summary)

    def _export(self, plan_id: int, destination: Path, kind: str, build: _Builder) -> Path:
        if not may_edit(self._user):
            raise PermissionDeniedError("make employment coaching documents")
        now = self._clock.now()

        def make(session: Session) -> tuple[Document, ExportRecord]:
            content = _content(session, self._user, plan_id, now)
            author = Author(self._user.display_name, self._user.role.label)
            # The kind only: the path may hold a name, and the text is the young person's.
            return build(content, author, now), ExportRecord("coaching_plan", str(plan_id), [kind])

        return export_audited(
            self._sessions, self._clock, self._user.username, docx_path(destination), make
        )


def _content(
    session: Session, user: CurrentUser, plan_id: int, now: datetime
) -> CoachingPlanContent:
    plan: CoachingPlan = plan_to_read(session, user, plan_id, now)
    person = session.execute(
        select(
            YoungPerson.given_name,
            YoungPerson.family_name,
            YoungPerson.known_as,
            YoungPerson.date_of_birth,
        ).where(YoungPerson.id == plan.young_person_id)
    ).one()
    coach = session.execute(
        select(Account.display_name).where(Account.id == plan.coach_id)
    ).scalar_one()
    held, upcoming = _sessions(session, plan.id, now)
    return CoachingPlanContent(
        person_name=f"{person.given_name} {person.family_name}".strip(),
        called=(person.known_as or person.given_name).strip(),
        date_of_birth=person.date_of_birth,
        coach=coach,
        started_on=plan.started_on,
        closed_on=plan.closed_on,
        closing_reason=plan.closing_reason,
        review_due_on=plan.review_due_on,
        aspirations=plan.aspirations,
        strengths=plan.strengths,
        spells=_spells(session, plan.young_person_id),
        barriers=_barriers(session, plan.id),
        goals=_goals(session, plan.id),
        sessions=held,
        next_meeting=upcoming,
        milestones=_milestones(session, plan.id),
        reviews=_reviews(session, plan.id),
        contact=_contact(session),
    )


def _spells(session: Session, person_id: int) -> tuple[SpellLine, ...]:
    rows = session.execute(
        select(
            EetSpell.activity,
            EetSpell.started_on,
            EetSpell.ended_on,
            EetSpell.provider,
            EetSpell.hours_per_week,
            EetSpell.reason_for_change,
        )
        .where(EetSpell.young_person_id == person_id)
        .order_by(EetSpell.started_on, EetSpell.id)
    )
    return tuple(SpellLine(*row) for row in rows)


def _barriers(session: Session, plan_id: int) -> tuple[BarrierLine, ...]:
    rows = session.execute(
        select(
            BarrierType.label, Barrier.status, Barrier.detail, Barrier.action, Barrier.resolved_on
        )
        .join(BarrierType, BarrierType.id == Barrier.barrier_type_id)
        .where(Barrier.plan_id == plan_id)
        .order_by(Barrier.id)
    )
    return tuple(BarrierLine(*row) for row in rows)


def _goals(session: Session, plan_id: int) -> tuple[GoalLine, ...]:
    goals = session.execute(
        select(
            CoachingGoal.id,
            CoachingGoal.description,
            CoachingGoal.measure,
            CoachingGoal.target_on,
            CoachingGoal.status,
            CoachingGoal.achieved_on,
        )
        .where(CoachingGoal.plan_id == plan_id)
        .order_by(CoachingGoal.target_on, CoachingGoal.id)
    ).all()
    found: dict[int, list[ActionLine]] = {}
    rows = session.execute(
        select(
            GoalAction.goal_id,
            GoalAction.description,
            GoalAction.owner,
            GoalAction.agency,
            GoalAction.due_on,
            GoalAction.status,
            GoalAction.done_on,
        )
        .where(GoalAction.goal_id.in_([goal.id for goal in goals]))
        .order_by(GoalAction.id)
    )
    for row in rows:
        found.setdefault(row.goal_id, []).append(ActionLine(*row[1:]))
    return tuple(GoalLine(*goal[1:], actions=tuple(found.get(goal.id, []))) for goal in goals)


def _sessions(
    session: Session, plan_id: int, now: datetime
) -> tuple[tuple[SessionLine, ...], datetime | None]:
    """The sessions held so far (offered, whether attended or not) and the next one booked."""
    rows = session.execute(
        select(
            CoachingSession.held_at,
            CoachingSession.mode,
            CoachingSession.minutes,
            CoachingSession.attended,
            CoachingSession.what_was_done,
            CoachingSession.next_steps,
        )
        .where(CoachingSession.plan_id == plan_id)
        .order_by(CoachingSession.held_at, CoachingSession.id)
    ).all()
    held = tuple(
        SessionLine(row.held_at.astimezone(), *row[1:]) for row in rows if row.held_at <= now
    )
    upcoming = [row.held_at.astimezone() for row in rows if row.held_at > now]
    return held, (upcoming[0] if upcoming else None)


def _milestones(session: Session, plan_id: int) -> tuple[MilestoneLine, ...]:
    rows = session.execute(
        select(Milestone.kind, Milestone.achieved_on, Milestone.detail, Milestone.evidence)
        .where(Milestone.plan_id == plan_id)
        .order_by(Milestone.achieved_on, Milestone.id)
    )
    return tuple(MilestoneLine(*row) for row in rows)


def _reviews(session: Session, plan_id: int) -> tuple[ReviewLine, ...]:
    rows = session.execute(
        select(
            PlanReview.reviewed_on,
            Account.display_name,
            PlanReview.summary,
            PlanReview.next_review_on,
        )
        .join(Account, Account.id == PlanReview.reviewed_by_id)
        .where(PlanReview.plan_id == plan_id)
        .order_by(PlanReview.reviewed_on, PlanReview.id)
    )
    return tuple(ReviewLine(*row) for row in rows)


def _contact(session: Session) -> UnitContact:
    values = {
        key: value
        for key, value in session.execute(
            select(VaultSetting.key, VaultSetting.value).where(
                VaultSetting.key.in_([UNIT_PHONE_SETTING, UNIT_EMAIL_SETTING])
            )
        )
    }
    return UnitContact(
        values.get(UNIT_PHONE_SETTING, "").strip(), values.get(UNIT_EMAIL_SETTING, "").strip()
    )

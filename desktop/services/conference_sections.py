"""The case-conference pack's reads: one young person's record, column by column, in one session.

Every query names its columns. Therapy is not read here at all: the case team's view of it comes
from therapy_shared (shareable summaries of signed notes), so process notes are never loaded.
Contact details (phone, email, address) and other young people linked to this one are left out:
a pack goes to other agencies, and those are third parties' details.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any, cast

from sqlalchemy import ColumnElement, and_, or_, select, true
from sqlalchemy.orm import Session, aliased

from desktop.exports.document_base import long_date
from desktop.models.accounts import Account, Role
from desktop.models.choices import EntryType, GoalStatus, InterventionType
from desktop.models.chronology import ChronologyEntry
from desktop.models.coaching import CoachingGoal, CoachingPlan, CoachingSession, EetSpell, Milestone
from desktop.models.interventions import Intervention
from desktop.models.network import Contact
from desktop.models.people import YoungPerson
from desktop.models.referrals import Referral
from desktop.models.risk import Flag, FlagType, RagRating
from desktop.services.conference_records import (
    CoachingProgress,
    EventLine,
    FlagLine,
    InterventionLine,
    NetworkLine,
    RagLine,
    ReferralLine,
    SeenLine,
)
from desktop.services.people_service import age_on

# Entries that record seeing or speaking with the young person, for "when last seen".
CONTACT_TYPES = (
    EntryType.VISIT,
    EntryType.RIDE_OUT,
    EntryType.ONLINE,
    EntryType.MEETING,
    EntryType.PHONE,
)
LAST_SEEN_ROWS = 5


def moment(day: date | None, end_of_day: bool = False) -> datetime | None:
    if day is None:
        return None
    return datetime.combine(day, time.max if end_of_day else time.min).astimezone().astimezone(UTC)


def profile(session: Session, person: YoungPerson, today: date) -> tuple[tuple[str, str], ...]:
    worker = ""
    if person.key_worker_id is not None:
        worker = session.execute(
            select(Account.display_name).where(Account.id == person.key_worker_id)
        ).scalar_one()
    age = age_on(person.date_of_birth, today)
    born = long_date(person.date_of_birth)
    language = person.first_language.strip() or "Not recorded"
    if person.interpreter_needed:
        language += " (needs an interpreter)"
    education = person.eet_status.label
    if person.school_or_college.strip():
        education += f": {person.school_or_college.strip()}"
    rows = [
        ("Name", f"{person.given_name} {person.family_name}".strip()),
        ("Known as", person.known_as.strip()),
        ("Date of birth", born + (f" (aged {age})" if age is not None else "")),
        ("Gender", person.gender.label),
        ("Ethnicity", person.ethnicity.label),
        ("First language", language),
        ("Education, employment or training", education),
        ("Legal status", person.legal_status.label),
        ("Special educational needs", person.send_needs.strip()),
        ("Case status", person.status.label),
        ("Key worker", worker),
        ("Summary", person.summary.strip()),
    ]
    return tuple((label, value) for label, value in rows if value)


def network(session: Session, person_id: int) -> tuple[NetworkLine, ...]:
    rows = session.execute(
        select(
            Contact.kind,
            Contact.name,
            Contact.relationship,
            Contact.agency,
            Contact.parental_responsibility,
            Contact.lives_with,
        )
        .where(Contact.young_person_id == person_id)
        .order_by(Contact.kind, Contact.name, Contact.id)
    )
    lines = []
    for row in rows:
        notes = []
        if row.lives_with:
            notes.append("Lives with them")
        if row.parental_responsibility:
            notes.append("Parental responsibility")
        relationship = row.relationship.strip() or row.kind.label
        lines.append(NetworkLine(row.name, relationship, row.agency.strip(), ", ".join(notes)))
    return tuple(lines)


def last_seen(session: Session, person_id: int, end: date | None) -> tuple[SeenLine, ...]:
    author = aliased(Account)
    query = (
        select(
            ChronologyEntry.occurred_at,
            ChronologyEntry.entry_type,
            author.display_name,
            ChronologyEntry.summary,
        )
        .join(author, author.id == ChronologyEntry.author_id)
        .where(
            ChronologyEntry.young_person_id == person_id,
            ChronologyEntry.deleted_at.is_(None),
            ChronologyEntry.entry_type.in_(CONTACT_TYPES),
            _until(ChronologyEntry.occurred_at, moment(end, end_of_day=True)),
        )
        .order_by(ChronologyEntry.occurred_at.desc(), ChronologyEntry.id.desc())
        .limit(LAST_SEEN_ROWS)
    )
    return tuple(
        SeenLine(
            row.occurred_at.astimezone(),
            row.entry_type.label,
            row[2],
            row.summary,
            row.entry_type is not EntryType.PHONE,
        )
        for row in session.execute(query)
    )


def events(
    session: Session, person_id: int, start: date | None, end: date | None
) -> tuple[EventLine, ...]:
    author = aliased(Account)
    query = (
        select(
            ChronologyEntry.occurred_at,
            ChronologyEntry.entry_type,
            ChronologyEntry.summary,
            author.display_name,
            ChronologyEntry.analysis,
        )
        .join(author, author.id == ChronologyEntry.author_id)
        .where(
            ChronologyEntry.young_person_id == person_id,
            ChronologyEntry.significant.is_(True),
            ChronologyEntry.deleted_at.is_(None),
            _since(ChronologyEntry.occurred_at, moment(start)),
            _until(ChronologyEntry.occurred_at, moment(end, end_of_day=True)),
        )
        .order_by(ChronologyEntry.occurred_at, ChronologyEntry.id)
    )
    return tuple(
        EventLine(
            row.occurred_at.astimezone(), row.entry_type.label, row.summary, row[3], row.analysis
        )
        for row in session.execute(query)
    )


def referrals(session: Session, person_id: int, end: date | None) -> tuple[ReferralLine, ...]:
    query = (
        select(
            Referral.received_on,
            Referral.source,
            Referral.referrer,
            Referral.reason,
            Referral.concerns,
            Referral.decision,
            Referral.decision_reason,
        )
        .where(Referral.young_person_id == person_id, _until(Referral.received_on, end))
        .order_by(Referral.received_on, Referral.id)
    )
    lines = []
    for row in session.execute(query):
        decision = row.decision.label
        if row.decision_reason.strip():
            decision += f": {row.decision_reason.strip()}"
        lines.append(
            ReferralLine(
                row.received_on,
                row.source.label,
                row.referrer.strip(),
                row.reason.strip(),
                row.concerns.strip(),
                decision,
            )
        )
    return tuple(lines)


def ratings(
    session: Session, person_id: int, start: date | None, end: date | None
) -> tuple[RagLine, ...]:
    """Ratings made in the period, and the one already in force when it began; newest first."""
    rater = aliased(Account)
    rows = session.execute(
        select(RagRating.rated_at, RagRating.rating, RagRating.rationale, rater.display_name)
        .join(rater, rater.id == RagRating.rated_by_id)
        .where(
            RagRating.young_person_id == person_id,
            _until(RagRating.rated_at, moment(end, end_of_day=True)),
        )
        .order_by(RagRating.rated_at.desc(), RagRating.id.desc())
    ).all()
    since = moment(start)
    kept = []
    for row in rows:
        kept.append(
            RagLine(row.rated_at.astimezone().date(), row.rating.label, row.rationale, row[3])
        )
        if since is not None and row.rated_at < since:
            break  # the rating in force when the period began; older ones are history
    return tuple(kept)


def flags(
    session: Session, person_id: int, start: date | None, end: date | None
) -> tuple[FlagLine, ...]:
    query = (
        select(FlagType.label, Flag.started_on, Flag.ended_on, Flag.source, Flag.detail)
        .join(FlagType, FlagType.id == Flag.flag_type_id)
        .where(
            Flag.young_person_id == person_id, _overlaps(Flag.started_on, Flag.ended_on, start, end)
        )
        .order_by(Flag.ended_on.is_not(None), Flag.started_on.desc(), Flag.id.desc())
    )
    return tuple(FlagLine(*row) for row in session.execute(query))


def interventions(
    session: Session, person_id: int, start: date | None, end: date | None
) -> tuple[InterventionLine, ...]:
    owner = aliased(Account)
    query = (
        select(
            Intervention.kind,
            Intervention.started_on,
            Intervention.ended_on,
            owner.display_name,
            owner.role,
            Intervention.description,
            Intervention.outcome,
        )
        .outerjoin(owner, owner.id == Intervention.owner_id)
        .where(
            Intervention.young_person_id == person_id,
            _overlaps(Intervention.started_on, Intervention.ended_on, start, end),
        )
        .order_by(Intervention.started_on, Intervention.id)
    )
    lines = [
        InterventionLine(
            _discipline(row.kind, row.role),
            row.kind.label,
            row.started_on,
            row.ended_on,
            row.display_name or "",
            row.description.strip(),
            row.outcome.strip(),
        )
        for row in session.execute(query)
    ]
    order = {name: number for number, name in enumerate(DISCIPLINES)}
    return tuple(sorted(lines, key=lambda line: order[line.discipline]))


DISCIPLINES = ("Gangs work", "Advocacy (young women)", "Enforcement")


def _discipline(kind: InterventionType, role: Role | None) -> str:
    if kind.is_enforcement:
        return "Enforcement"
    if kind is InterventionType.ADVOCATE_SUPPORT or role is Role.ADVOCATE:
        return "Advocacy (young women)"
    return "Gangs work"


def coaching(
    session: Session, person_id: int, start: date | None, end: date | None, now: datetime
) -> CoachingProgress | None:
    """The newest plan's progress: goals, milestones and sessions in the period."""
    plan = session.execute(
        select(CoachingPlan.id, CoachingPlan.started_on, Account.display_name)
        .join(Account, Account.id == CoachingPlan.coach_id)
        .where(CoachingPlan.young_person_id == person_id, _until(CoachingPlan.started_on, end))
        .order_by(CoachingPlan.closed_on.is_not(None), CoachingPlan.started_on.desc())
        .limit(1)
    ).one_or_none()
    if plan is None:
        return None
    spell = session.execute(
        select(EetSpell.activity, EetSpell.provider)
        .where(EetSpell.young_person_id == person_id, EetSpell.ended_on.is_(None))
        .order_by(EetSpell.started_on.desc(), EetSpell.id.desc())
        .limit(1)
    ).one_or_none()
    doing = "Not recorded"
    if spell is not None:
        doing = spell.activity.label + (f" with {spell.provider}" if spell.provider.strip() else "")
    goals = session.execute(
        select(CoachingGoal.description, CoachingGoal.status, CoachingGoal.achieved_on)
        .where(CoachingGoal.plan_id == plan.id)
        .order_by(CoachingGoal.target_on, CoachingGoal.id)
    ).all()
    milestones = session.execute(
        select(Milestone.achieved_on, Milestone.kind)
        .where(
            Milestone.plan_id == plan.id,
            _since(Milestone.achieved_on, start),
            _until(Milestone.achieved_on, end),
        )
        .order_by(Milestone.achieved_on, Milestone.id)
    ).all()
    held = (
        session.execute(
            select(CoachingSession.attended).where(
                CoachingSession.plan_id == plan.id,
                CoachingSession.held_at <= now,
                _since(CoachingSession.held_at, moment(start)),
                _until(CoachingSession.held_at, moment(end, end_of_day=True)),
            )
        )
        .scalars()
        .all()
    )
    return CoachingProgress(
        coach=plan.display_name,
        started_on=plan.started_on,
        doing_now=doing,
        goals=tuple((goal.description.strip(), _goal_status(goal)) for goal in goals),
        milestones=tuple((m.achieved_on, m.kind.label) for m in milestones),
        sessions_offered=len(held),
        sessions_attended=sum(bool(attended) for attended in held),
    )


def _goal_status(goal: Any) -> str:
    status: GoalStatus = goal.status
    achieved: date | None = goal.achieved_on
    return f"{status.label} on {long_date(achieved)}" if achieved else status.label


def coaching_aspirations(session: Session, person_id: int) -> str:
    """The young person's aspirations, recorded in their own words in the coaching plan."""
    found = session.execute(
        select(CoachingPlan.aspirations)
        .where(CoachingPlan.young_person_id == person_id)
        .order_by(CoachingPlan.closed_on.is_not(None), CoachingPlan.started_on.desc())
        .limit(1)
    ).scalar_one_or_none()
    return (found or "").strip()


# ---- period conditions ----------------------------------------------------------------------
def _since(column: Any, start: date | datetime | None) -> ColumnElement[bool]:
    return true() if start is None else cast(ColumnElement[bool], column >= start)


def _until(column: Any, end: date | datetime | None) -> ColumnElement[bool]:
    return true() if end is None else cast(ColumnElement[bool], column <= end)


def _overlaps(
    started: Any, ended: Any, start: date | None, end: date | None
) -> ColumnElement[bool]:
    """Ran at some time in the period: started by its end, not ended before its start."""
    still = true() if start is None else or_(ended.is_(None), ended >= start)
    return and_(_until(started, end), still)

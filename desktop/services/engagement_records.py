"""What the engagement service takes and returns (dataclasses), and the reads that fill them:
activities with attendance by audience, partners, actions, shares, outcomes and ratings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from desktop.models.choices import (
    ActivityKind,
    AudienceKind,
    PartnerKind,
    RatingStage,
    StrategyOutcome,
)
from desktop.models.community import (
    ActionOutcome,
    ActivityAttendance,
    ActivityOutcome,
    ActivityPartner,
    EngagementAction,
    EngagementActivity,
    Partner,
    ReportShare,
    TrainingRating,
)
from desktop.services.community_common import (
    NAME_LENGTH,
    OPEN_ACTIONS,
    TITLE_LENGTH,
    ActionRow,
    is_overdue,
    split_lines,
    too_long,
)

RATINGS = (1, 2, 3, 4, 5)  # confidence, 1 (not at all confident) to 5 (very confident)


@dataclass(frozen=True)
class ActivityInput:
    kind: ActivityKind
    title: str
    held_on: date
    venue: str = ""  # a place, or the platform when online ("Zoom")
    online: bool = False
    languages: tuple[str, ...] = ()
    communities: tuple[str, ...] = ()
    themes: str = ""
    concerns: str = ""
    findings: str = ""
    recommendations: str = ""

    def problems(self, today: date) -> list[str]:
        found = [] if self.title.strip() else ["Give the activity a title."]
        found += too_long(self.title, TITLE_LENGTH, "The title")
        found += too_long(self.venue, NAME_LENGTH, "The venue")
        if self.held_on > today and (self.findings.strip() or self.recommendations.strip()):
            found.append("An activity still to come cannot have findings yet.")
        return found


@dataclass(frozen=True)
class PartnerLink:
    id: int
    name: str
    kind: PartnerKind


@dataclass(frozen=True)
class AttendanceRow:
    audience: AudienceKind
    count: int


@dataclass(frozen=True)
class ShareRow:
    id: int
    partner_id: int
    partner_name: str
    shared_on: date


@dataclass(frozen=True)
class EngagementActionRow(ActionRow):
    activity_id: int | None  # None: a standing strategy action
    activity_title: str
    outcomes: tuple[StrategyOutcome, ...]


@dataclass(frozen=True)
class RatingSummary:
    """Confidence ratings before and after training: how many gave each rating (1 to 5), the
    means and the change, for a chart of two bars per rating."""

    before: tuple[int, ...]  # counts for ratings 1..5
    after: tuple[int, ...]

    @property
    def responses_before(self) -> int:
        return sum(self.before)

    @property
    def responses_after(self) -> int:
        return sum(self.after)

    @property
    def mean_before(self) -> float | None:
        return _mean(self.before)

    @property
    def mean_after(self) -> float | None:
        return _mean(self.after)

    @property
    def change(self) -> float | None:
        """Mean after minus mean before (None without both)."""
        if self.mean_before is None or self.mean_after is None:
            return None
        return self.mean_after - self.mean_before

    @property
    def empty(self) -> bool:
        return not self.responses_before and not self.responses_after


def _mean(counts: Sequence[int]) -> float | None:
    total = sum(counts)
    if not total:
        return None
    return sum(rating * count for rating, count in zip(RATINGS, counts, strict=True)) / total


@dataclass(frozen=True)
class ActivityRow:
    id: int
    kind: ActivityKind
    title: str
    held_on: date
    venue: str
    online: bool
    attendance: int  # everyone counted, all audiences
    partners: int
    open_actions: int
    outcomes: tuple[StrategyOutcome, ...]


@dataclass(frozen=True)
class ActivityView:
    id: int
    kind: ActivityKind
    title: str
    held_on: date
    venue: str
    online: bool
    languages: tuple[str, ...]
    communities: tuple[str, ...]
    themes: str
    concerns: str
    findings: str
    recommendations: str
    partners: list[PartnerLink]
    attendance: list[AttendanceRow]  # audiences in the list's order, counts above nought
    actions: list[EngagementActionRow]
    shares: list[ShareRow]  # the insight report shared with partners, oldest first
    outcomes: tuple[StrategyOutcome, ...]
    ratings: RatingSummary  # empty unless a training session
    created_by: str = ""

    @property
    def total_attendance(self) -> int:
        return sum(row.count for row in self.attendance)

    def details(self) -> ActivityInput:
        return ActivityInput(
            self.kind,
            self.title,
            self.held_on,
            self.venue,
            self.online,
            self.languages,
            self.communities,
            self.themes,
            self.concerns,
            self.findings,
            self.recommendations,
        )


# ---- reads -----------------------------------------------------------------------------------
def activity_outcomes(
    session: Session, activity_ids: Sequence[int]
) -> dict[int, tuple[StrategyOutcome, ...]]:
    found: dict[int, list[StrategyOutcome]] = defaultdict(list)
    for activity_id, outcome in session.execute(
        select(ActivityOutcome.activity_id, ActivityOutcome.outcome).where(
            ActivityOutcome.activity_id.in_(activity_ids)
        )
    ):
        found[activity_id].append(outcome)
    return {key: _ordered(values) for key, values in found.items()}


def action_outcomes(
    session: Session, action_ids: Sequence[int]
) -> dict[int, tuple[StrategyOutcome, ...]]:
    found: dict[int, list[StrategyOutcome]] = defaultdict(list)
    for action_id, outcome in session.execute(
        select(ActionOutcome.action_id, ActionOutcome.outcome).where(
            ActionOutcome.action_id.in_(action_ids)
        )
    ):
        found[action_id].append(outcome)
    return {key: _ordered(values) for key, values in found.items()}


def _ordered(outcomes: Sequence[StrategyOutcome]) -> tuple[StrategyOutcome, ...]:
    order = list(StrategyOutcome)
    return tuple(sorted(set(outcomes), key=order.index))


# An action with its activity's title (None for a standing strategy action).
ActionQuery = Select[EngagementAction, str]


def actions_query() -> ActionQuery:
    return select(EngagementAction, EngagementActivity.title).outerjoin(
        EngagementActivity, EngagementActivity.id == EngagementAction.activity_id
    )


def action_rows(session: Session, query: ActionQuery, today: date) -> list[EngagementActionRow]:
    found = list(session.execute(query))
    outcomes = action_outcomes(session, [a.id for a, _title in found])
    return [
        EngagementActionRow(
            id=a.id,
            description=a.description,
            owner_name=a.owner_name,
            owner_id=a.owner_id,
            due_on=a.due_on,
            status=a.status,
            done_on=a.done_on,
            overdue=is_overdue(a.status, a.due_on, today),
            activity_id=a.activity_id,
            activity_title=title or "",
            outcomes=outcomes.get(a.id, ()),
        )
        for a, title in found
    ]


def tracker_order(query: ActionQuery) -> ActionQuery:
    """Open first, soonest due first (undated last)."""
    return query.order_by(
        EngagementAction.status.not_in(OPEN_ACTIONS),
        EngagementAction.due_on.is_(None),
        EngagementAction.due_on,
        EngagementAction.id,
    )


def rating_summary(session: Session, activity_id: int) -> RatingSummary:
    return pooled_ratings(session, [activity_id])


def pooled_ratings(session: Session, activity_ids: Sequence[int]) -> RatingSummary:
    counts: dict[tuple[RatingStage, int], int] = defaultdict(int)
    for stage, rating, count in session.execute(
        select(TrainingRating.stage, TrainingRating.rating, func.sum(TrainingRating.count))
        .where(TrainingRating.activity_id.in_(activity_ids))
        .group_by(TrainingRating.stage, TrainingRating.rating)
    ):
        counts[(stage, rating)] = int(count)
    return RatingSummary(
        tuple(counts[(RatingStage.BEFORE, r)] for r in RATINGS),
        tuple(counts[(RatingStage.AFTER, r)] for r in RATINGS),
    )


def attendance_totals(session: Session, activity_ids: Sequence[int]) -> dict[int, int]:
    return {
        activity_id: int(total)
        for activity_id, total in session.execute(
            select(ActivityAttendance.activity_id, func.sum(ActivityAttendance.count))
            .where(ActivityAttendance.activity_id.in_(activity_ids))
            .group_by(ActivityAttendance.activity_id)
        )
    }


def activity_rows(session: Session, activities: Sequence[EngagementActivity]) -> list[ActivityRow]:
    ids = [a.id for a in activities]
    totals = attendance_totals(session, ids)
    partners: Mapping[int, int] = dict(
        session.execute(
            select(ActivityPartner.activity_id, func.count())
            .where(ActivityPartner.activity_id.in_(ids))
            .group_by(ActivityPartner.activity_id)
        ).all()
    )
    open_actions: dict[int, int] = {}
    for activity_id, count in session.execute(
        select(EngagementAction.activity_id, func.count())
        .where(
            EngagementAction.activity_id.in_(ids),
            EngagementAction.status.in_(OPEN_ACTIONS),
        )
        .group_by(EngagementAction.activity_id)
    ):
        if activity_id is not None:
            open_actions[activity_id] = count
    outcomes = activity_outcomes(session, ids)
    return [
        ActivityRow(
            a.id,
            a.kind,
            a.title,
            a.held_on,
            a.venue,
            a.online,
            totals.get(a.id, 0),
            partners.get(a.id, 0),
            open_actions.get(a.id, 0),
            outcomes.get(a.id, ()),
        )
        for a in activities
    ]


def read_activity(
    session: Session, activity: EngagementActivity, today: date, created_by: str
) -> ActivityView:
    partners = [
        PartnerLink(p.id, p.name, p.kind)
        for p in session.execute(
            select(Partner)
            .join(ActivityPartner, ActivityPartner.partner_id == Partner.id)
            .where(ActivityPartner.activity_id == activity.id)
            .order_by(Partner.name, Partner.id)
        ).scalars()
    ]
    counts = dict(
        session.execute(
            select(ActivityAttendance.audience, ActivityAttendance.count).where(
                ActivityAttendance.activity_id == activity.id
            )
        ).all()
    )
    attendance = [AttendanceRow(a, counts[a]) for a in AudienceKind if counts.get(a)]
    query = actions_query().where(EngagementAction.activity_id == activity.id)
    shares = [
        ShareRow(share.id, share.partner_id, name, share.shared_on)
        for share, name in session.execute(
            select(ReportShare, Partner.name)
            .join(Partner, Partner.id == ReportShare.partner_id)
            .where(ReportShare.activity_id == activity.id)
            .order_by(ReportShare.shared_on, Partner.name, ReportShare.id)
        )
    ]
    return ActivityView(
        id=activity.id,
        kind=activity.kind,
        title=activity.title,
        held_on=activity.held_on,
        venue=activity.venue,
        online=activity.online,
        languages=split_lines(activity.languages),
        communities=split_lines(activity.communities),
        themes=activity.themes,
        concerns=activity.concerns,
        findings=activity.findings,
        recommendations=activity.recommendations,
        partners=partners,
        attendance=attendance,
        actions=action_rows(session, query.order_by(EngagementAction.id), today),
        shares=shares,
        outcomes=activity_outcomes(session, [activity.id]).get(activity.id, ()),
        ratings=rating_summary(session, activity.id),
        created_by=created_by,
    )

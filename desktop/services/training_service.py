"""Training delivered (awareness training on gangs and exploitation for frontline professionals):
each session is an engagement activity of the training kind, with its audience counted as for
any activity; here are the confidence ratings attendees gave before and after, tallied as how
many gave each rating from 1 to 5, and the summaries a chart is drawn from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.choices import ActivityKind, AudienceKind, RatingStage
from desktop.models.community import ActivityAttendance, EngagementActivity, TrainingRating
from desktop.services import actions
from desktop.services.community_common import CommunityInputError, CommunityServiceBase, refuse
from desktop.services.engagement_records import (
    RATINGS,
    RatingSummary,
    attendance_totals,
    pooled_ratings,
    rating_summary,
)
from desktop.services.record_access import RecordNotFoundError

__all__ = ["RATINGS", "RatingSummary", "TrainingRow", "TrainingService"]


@dataclass(frozen=True)
class TrainingRow:
    activity_id: int
    title: str
    held_on: date
    audiences: tuple[AudienceKind, ...]  # who it was for, from the attendance counts
    attended: int
    ratings: RatingSummary


class TrainingService(CommunityServiceBase):
    def sessions(self, from_on: date, to_on: date) -> list[TrainingRow]:
        """Training sessions held on those days (inclusive), latest first, with their ratings."""
        self._require()
        with self._sessions.begin() as session:
            found = list(
                session.execute(
                    select(EngagementActivity)
                    .where(
                        EngagementActivity.kind == ActivityKind.TRAINING,
                        EngagementActivity.held_on >= from_on,
                        EngagementActivity.held_on <= to_on,
                    )
                    .order_by(EngagementActivity.held_on.desc(), EngagementActivity.id.desc())
                ).scalars()
            )
            ids = [a.id for a in found]
            totals = attendance_totals(session, ids)
            audiences: dict[int, list[AudienceKind]] = {}
            for activity_id, audience in session.execute(
                select(ActivityAttendance.activity_id, ActivityAttendance.audience).where(
                    ActivityAttendance.activity_id.in_(ids)
                )
            ):
                audiences.setdefault(activity_id, []).append(audience)
            order = list(AudienceKind)
            return [
                TrainingRow(
                    a.id,
                    a.title,
                    a.held_on,
                    tuple(sorted(audiences.get(a.id, []), key=order.index)),
                    totals.get(a.id, 0),
                    rating_summary(session, a.id),
                )
                for a in found
            ]

    def ratings(self, activity_id: int) -> RatingSummary:
        with self._sessions.begin() as session:
            return rating_summary(session, self._training(session, activity_id).id)

    def overall(self, from_on: date, to_on: date) -> RatingSummary:
        """Every session's ratings in the period taken together."""
        self._require()
        with self._sessions.begin() as session:
            ids = list(
                session.execute(
                    select(EngagementActivity.id).where(
                        EngagementActivity.kind == ActivityKind.TRAINING,
                        EngagementActivity.held_on >= from_on,
                        EngagementActivity.held_on <= to_on,
                    )
                ).scalars()
            )
            return pooled_ratings(session, ids)

    def set_ratings(
        self, activity_id: int, before: Mapping[int, int], after: Mapping[int, int]
    ) -> None:
        """Replaces the tallies: for each rating 1 to 5, how many attendees gave it before the
        session and after it (ratings left out count nought)."""
        problems: list[str] = []
        for stage, counts in ((RatingStage.BEFORE, before), (RatingStage.AFTER, after)):
            for rating, count in counts.items():
                if rating not in RATINGS:
                    problems.append(f"Ratings go from 1 to 5, not {rating}.")
                elif count < 0:
                    problems.append(
                        f"The number who rated {rating} {stage.label.lower()} is below nought."
                    )
        refuse(problems)
        with self._sessions.begin() as session:
            activity = self._training(session, activity_id)
            old = list(
                session.execute(
                    select(TrainingRating).where(TrainingRating.activity_id == activity.id)
                ).scalars()
            )
            wanted = {
                (stage, rating): count
                for stage, counts in ((RatingStage.BEFORE, before), (RatingStage.AFTER, after))
                for rating, count in counts.items()
                if count
            }
            if {(r.stage, r.rating): r.count for r in old} == wanted:
                return
            for row in old:
                session.delete(row)
            session.flush()
            for (stage, rating), count in wanted.items():
                session.add(
                    TrainingRating(activity_id=activity.id, stage=stage, rating=rating, count=count)
                )
            activity.updated_at = self._clock.now()
            self._audit(
                session,
                actions.TRAINING_RATINGS_SET,
                "activity",
                activity.id,
                ["ratings_before", "ratings_after"],
            )

    def _training(self, session: Session, activity_id: int) -> EngagementActivity:
        self._require()
        activity = session.get(EngagementActivity, activity_id)
        if activity is None:
            raise RecordNotFoundError()
        if activity.kind is not ActivityKind.TRAINING:
            raise CommunityInputError("Confidence ratings are kept for training sessions only.")
        return activity

"""Engagement activities (events, gatherings, workshops, training, courses, consultations): who
came, counted by audience; partners involved; themes, concerns, findings, recommendations; the
action plan; which partners the insight report was shared with and when; and the strategy
outcomes each activity and action serves. Anyone whose role has Community may use it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.accounts import Account
from desktop.models.choices import ActionStatus, ActivityKind, AudienceKind, StrategyOutcome
from desktop.models.community import (
    ActionOutcome,
    ActivityAttendance,
    ActivityOutcome,
    ActivityPartner,
    EngagementAction,
    EngagementActivity,
    Partner,
    ReportShare,
)
from desktop.services import actions
from desktop.services.community_common import (
    OPEN_ACTIONS,
    ActionInput,
    CommunityInputError,
    CommunityServiceBase,
    filled,
    join_lines,
    refuse,
)
from desktop.services.engagement_records import (
    ActivityInput,
    ActivityRow,
    ActivityView,
    AttendanceRow,
    EngagementActionRow,
    PartnerLink,
    RatingSummary,
    ShareRow,
    action_rows,
    actions_query,
    activity_rows,
    read_activity,
    tracker_order,
)
from desktop.services.field_changes import apply_changes
from desktop.services.link_rows import replace_links
from desktop.services.record_access import RecordNotFoundError

__all__ = [
    "ActionInput",
    "ActivityInput",
    "ActivityRow",
    "ActivityView",
    "AttendanceRow",
    "CommunityInputError",
    "EngagementActionRow",
    "EngagementService",
    "PartnerLink",
    "RatingSummary",
    "ShareRow",
]

ACTIVITY_FIELDS = (
    "kind",
    "title",
    "held_on",
    "venue",
    "online",
    "languages",
    "communities",
    "themes",
    "concerns",
    "findings",
    "recommendations",
)
ACTION_FIELDS = ("description", "owner_name", "owner_id", "due_on")
MAX_COUNT = 100_000


class EngagementService(CommunityServiceBase):
    # ---- activities ----------------------------------------------------------------------
    def activities(
        self,
        from_on: date,
        to_on: date,
        kind: ActivityKind | None = None,
        outcome: StrategyOutcome | None = None,
        partner_id: int | None = None,
    ) -> list[ActivityRow]:
        """Activities held on those days (inclusive), latest first."""
        self._require()
        query = select(EngagementActivity).where(
            EngagementActivity.held_on >= from_on, EngagementActivity.held_on <= to_on
        )
        if kind is not None:
            query = query.where(EngagementActivity.kind == kind)
        if outcome is not None:
            query = query.join(
                ActivityOutcome, ActivityOutcome.activity_id == EngagementActivity.id
            ).where(ActivityOutcome.outcome == outcome)
        if partner_id is not None:
            query = query.join(
                ActivityPartner, ActivityPartner.activity_id == EngagementActivity.id
            ).where(ActivityPartner.partner_id == partner_id)
        query = query.order_by(EngagementActivity.held_on.desc(), EngagementActivity.id.desc())
        with self._sessions.begin() as session:
            return activity_rows(session, list(session.execute(query).scalars()))

    def activity(self, activity_id: int) -> ActivityView:
        with self._sessions.begin() as session:
            activity = self._activity(session, activity_id)
            author = session.get(Account, activity.created_by_id)
            name = author.display_name if author is not None else ""
            return read_activity(session, activity, self._today(), name)

    def create_activity(self, details: ActivityInput) -> int:
        self._require()
        refuse(details.problems(self._today()))
        with self._sessions.begin() as session:
            now = self._clock.now()
            activity = EngagementActivity(
                created_by_id=self._user.account_id, created_at=now, updated_at=now
            )
            for name, value in _values(details).items():
                setattr(activity, name, value)
            session.add(activity)
            session.flush()
            fields = filled(activity, ACTIVITY_FIELDS)
            self._audit(session, actions.ACTIVITY_CREATED, "activity", activity.id, fields)
            return activity.id

    def update_activity(self, activity_id: int, details: ActivityInput) -> list[str]:
        """Saves the activity's details; returns the names of the fields that changed."""
        refuse(details.problems(self._today()))
        with self._sessions.begin() as session:
            activity = self._activity(session, activity_id)
            new = _values(details)
            changed = apply_changes(activity, new, ACTIVITY_FIELDS)
            if changed:
                activity.updated_at = self._clock.now()
                self._audit(session, actions.ACTIVITY_UPDATED, "activity", activity.id, changed)
            return changed

    def set_partners(self, activity_id: int, partner_ids: Iterable[int]) -> None:
        """Replaces the partners involved in the activity."""
        wanted = set(partner_ids)
        with self._sessions.begin() as session:
            activity = self._activity(session, activity_id)
            self._check_partners(session, wanted)
            current = set(
                session.execute(
                    select(ActivityPartner.partner_id).where(
                        ActivityPartner.activity_id == activity.id
                    )
                ).scalars()
            )
            if not replace_links(
                session,
                ActivityPartner,
                current,
                wanted,
                lambda partner_id: (activity.id, partner_id),
                lambda partner_id: ActivityPartner(activity_id=activity.id, partner_id=partner_id),
            ):
                return
            activity.updated_at = self._clock.now()
            self._audit(
                session, actions.ACTIVITY_PARTNERS_SET, "activity", activity.id, ["partners"]
            )

    def set_attendance(self, activity_id: int, counts: Mapping[AudienceKind, int]) -> None:
        """Replaces the attendance: how many of each audience came (a nought leaves it out)."""
        problems = [
            f"The count for {audience.label.lower()} must be a whole number from 0 to "
            f"{MAX_COUNT:,}."
            for audience, count in counts.items()
            if not 0 <= count <= MAX_COUNT
        ]
        refuse(problems)
        wanted = {AudienceKind(a): c for a, c in counts.items() if c}
        with self._sessions.begin() as session:
            activity = self._activity(session, activity_id)
            old = list(
                session.execute(
                    select(ActivityAttendance).where(ActivityAttendance.activity_id == activity.id)
                ).scalars()
            )
            if {row.audience: row.count for row in old} == wanted:
                return
            for row in old:
                session.delete(row)
            session.flush()
            for audience, count in wanted.items():
                session.add(
                    ActivityAttendance(activity_id=activity.id, audience=audience, count=count)
                )
            activity.updated_at = self._clock.now()
            self._audit(
                session, actions.ACTIVITY_ATTENDANCE_SET, "activity", activity.id, ["attendance"]
            )

    def set_outcomes(self, activity_id: int, outcomes: Iterable[StrategyOutcome]) -> None:
        """Replaces the strategy outcomes the activity serves."""
        wanted = set(outcomes)
        with self._sessions.begin() as session:
            activity = self._activity(session, activity_id)
            current = set(
                session.execute(
                    select(ActivityOutcome.outcome).where(
                        ActivityOutcome.activity_id == activity.id
                    )
                ).scalars()
            )
            if not replace_links(
                session,
                ActivityOutcome,
                current,
                wanted,
                lambda outcome: (activity.id, outcome),
                lambda outcome: ActivityOutcome(activity_id=activity.id, outcome=outcome),
            ):
                return
            self._audit(
                session, actions.ACTIVITY_OUTCOMES_SET, "activity", activity.id, ["outcomes"]
            )

    # ---- insight report shared with partners ---------------------------------------------
    def record_shares(self, activity_id: int, partner_ids: Iterable[int], shared_on: date) -> int:
        """Records that the insight report was sent to these partners on that day (a partner
        already sent it that day is not counted twice); returns how many were recorded."""
        if shared_on > self._today():
            raise CommunityInputError("The day it was shared is in the future.")
        wanted = set(partner_ids)
        with self._sessions.begin() as session:
            activity = self._activity(session, activity_id)
            if shared_on < activity.held_on:
                raise CommunityInputError("The report cannot be shared before the activity.")
            self._check_partners(session, wanted)
            already = set(
                session.execute(
                    select(ReportShare.partner_id).where(
                        ReportShare.activity_id == activity.id,
                        ReportShare.shared_on == shared_on,
                    )
                ).scalars()
            )
            added = 0
            for partner_id in sorted(wanted - already):
                share = ReportShare(
                    activity_id=activity.id,
                    partner_id=partner_id,
                    shared_on=shared_on,
                    recorded_by_id=self._user.account_id,
                    created_at=self._clock.now(),
                )
                session.add(share)
                session.flush()
                self._audit(
                    session,
                    actions.INSIGHT_REPORT_SHARED,
                    "report_share",
                    share.id,
                    ["partner_id", "shared_on"],
                )
                added += 1
            return added

    def remove_share(self, share_id: int) -> None:
        """Takes back a share recorded by mistake."""
        with self._sessions.begin() as session:
            share = session.get(ReportShare, share_id)
            if share is None:
                raise RecordNotFoundError()
            self._activity(session, share.activity_id)
            session.delete(share)
            self._audit(session, actions.DELETE, "report_share", share_id, ["partner_id"])

    # ---- actions -------------------------------------------------------------------------
    def add_action(
        self,
        activity_id: int | None,
        details: ActionInput,
        outcomes: Iterable[StrategyOutcome] = (),
    ) -> int:
        """A new, open action in the activity's action plan, or a standing strategy action when
        activity_id is None; outcomes are the strategy outcomes it serves."""
        self._require()
        refuse(details.problems() + self._due_problems(details.due_on, None))
        with self._sessions.begin() as session:
            if activity_id is not None:
                self._activity(session, activity_id)
            now = self._clock.now()
            action = EngagementAction(
                activity_id=activity_id, status=ActionStatus.TO_DO, created_at=now, updated_at=now
            )
            self._apply_action(session, action, details)
            session.add(action)
            session.flush()
            for outcome in set(outcomes):
                session.add(ActionOutcome(action_id=action.id, outcome=outcome))
            fields = filled(action, ACTION_FIELDS) + (["outcomes"] if outcomes else [])
            self._audit(
                session, actions.ENGAGEMENT_ACTION_ADDED, "engagement_action", action.id, fields
            )
            return action.id

    def update_action(self, action_id: int, details: ActionInput) -> list[str]:
        refuse(details.problems())
        with self._sessions.begin() as session:
            action = self._action(session, action_id)
            refuse(self._due_problems(details.due_on, action.due_on))
            before = {n: getattr(action, n) for n in ACTION_FIELDS}
            self._apply_action(session, action, details)
            changed = [n for n, value in before.items() if getattr(action, n) != value]
            if changed:
                action.updated_at = self._clock.now()
                self._audit(
                    session,
                    actions.ENGAGEMENT_ACTION_UPDATED,
                    "engagement_action",
                    action.id,
                    changed,
                )
            return changed

    def set_action_status(self, action_id: int, status: ActionStatus) -> None:
        """Done dates the action today; any other status clears that date."""
        with self._sessions.begin() as session:
            action = self._action(session, action_id)
            if action.status is status:
                return
            now = self._clock.now()
            action.status = status
            action.done_on = now.date() if status is ActionStatus.DONE else None
            action.updated_at = now
            self._audit(
                session,
                actions.ENGAGEMENT_ACTION_STATUS_CHANGED,
                "engagement_action",
                action.id,
                ["status", "done_on"],
            )

    def set_action_outcomes(self, action_id: int, outcomes: Iterable[StrategyOutcome]) -> None:
        wanted = set(outcomes)
        with self._sessions.begin() as session:
            action = self._action(session, action_id)
            current = set(
                session.execute(
                    select(ActionOutcome.outcome).where(ActionOutcome.action_id == action.id)
                ).scalars()
            )
            if not replace_links(
                session,
                ActionOutcome,
                current,
                wanted,
                lambda outcome: (action.id, outcome),
                lambda outcome: ActionOutcome(action_id=action.id, outcome=outcome),
            ):
                return
            self._audit(
                session,
                actions.ENGAGEMENT_ACTION_UPDATED,
                "engagement_action",
                action.id,
                ["outcomes"],
            )

    def actions(
        self,
        open_only: bool = True,
        activity_id: int | None = None,
        outcome: StrategyOutcome | None = None,
    ) -> list[EngagementActionRow]:
        """Engagement actions (from every activity, and standing ones), open first, soonest
        due first; narrowed to one activity or one strategy outcome if given."""
        self._require()
        query = actions_query()
        if open_only:
            query = query.where(EngagementAction.status.in_(OPEN_ACTIONS))
        if activity_id is not None:
            query = query.where(EngagementAction.activity_id == activity_id)
        if outcome is not None:
            query = query.join(ActionOutcome, ActionOutcome.action_id == EngagementAction.id).where(
                ActionOutcome.outcome == outcome
            )
        with self._sessions.begin() as session:
            return action_rows(session, tracker_order(query), self._today())

    # ---- helpers -------------------------------------------------------------------------
    def _activity(self, session: Session, activity_id: int) -> EngagementActivity:
        self._require()
        activity = session.get(EngagementActivity, activity_id)
        if activity is None:
            raise RecordNotFoundError()
        return activity

    def _action(self, session: Session, action_id: int) -> EngagementAction:
        self._require()
        action = session.get(EngagementAction, action_id)
        if action is None:
            raise RecordNotFoundError()
        return action

    def _check_partners(self, session: Session, partner_ids: Sequence[int] | set[int]) -> None:
        known = set(
            session.execute(select(Partner.id).where(Partner.id.in_(list(partner_ids)))).scalars()
        )
        if known != set(partner_ids):
            raise CommunityInputError("One of the partners chosen is not in the directory.")

    def _apply_action(
        self, session: Session, action: EngagementAction, details: ActionInput
    ) -> None:
        action.description = details.description.strip()
        action.owner_name = self._name_or_account(session, details.owner_name, details.owner_id)
        action.owner_id = details.owner_id
        action.due_on = details.due_on


def _values(details: ActivityInput) -> dict[str, Any]:
    return {
        "kind": details.kind,
        "title": " ".join(details.title.split()),
        "held_on": details.held_on,
        "venue": details.venue.strip(),
        "online": details.online,
        "languages": join_lines(details.languages),
        "communities": join_lines(details.communities),
        "themes": details.themes.strip(),
        "concerns": details.concerns.strip(),
        "findings": details.findings.strip(),
        "recommendations": details.recommendations.strip(),
    }

"""Employment coaching outcome counts for a period, for the analyst and the coordinator.

Definitions (a period runs from its start date to its end date, both days included):
- starts: course, apprenticeship and job start milestones dated in the period, by kind;
- sustained: 4, 13 and 26 week sustainment milestones dated in the period, by kind;
- NEET to EET: spells in education, employment or training that start in the period, whose
  activity counts as EET, and whose young person's spell just before (the latest one started
  earlier; on the same day, the one recorded earlier) was NEET or volunteering; a first spell
  has nothing before it and is not a change;
- plans started: plans whose start date is in the period;
- plans open at the end: plans started on or before the end date and not closed by then
  (a plan closed on the end date is closed at the end).
Milestones count on closed plans too: a job sustained after the plan closed is still an outcome.
The counts are of records, not people: a young person who starts a course and then a job in one
period gives two starts. No name, id or anything else that points to a person is returned.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import func, or_, select

from desktop.models.accounts import Role
from desktop.models.choices import EetActivity
from desktop.models.coaching import CoachingPlan, EetSpell, Milestone
from desktop.services import actions, audit_chain
from desktop.services.coaching_plan_queries import CoachingServiceBase
from desktop.services.coaching_session_records import (
    START_KINDS,
    SUSTAINED_KINDS,
    CoachingInputError,
    OutcomeCounts,
)
from desktop.services.permissions import PermissionDeniedError

__all__ = ["CoachingOutcomeService", "OutcomeCounts"]

# The analyst works with figures; the coordinator sees everything.
MAY_COUNT = frozenset({Role.ANALYST, Role.COORDINATOR})


class CoachingOutcomeService(CoachingServiceBase):
    def counts(self, start: date, end: date) -> OutcomeCounts:
        """The counts for start..end, both days included (see the module's definitions)."""
        if self._user.role not in MAY_COUNT:
            raise PermissionDeniedError("see employment coaching outcome counts")
        if end < start:
            raise CoachingInputError("The period ends before it starts.")
        milestones = (
            select(Milestone.kind, func.count(Milestone.id))
            .where(
                Milestone.achieved_on.between(start, end),
                Milestone.kind.in_(START_KINDS + SUSTAINED_KINDS),
            )
            .group_by(Milestone.kind)
        )
        # Every spell that could be a change in the period, or the spell just before one.
        spells = (
            select(EetSpell.young_person_id, EetSpell.activity, EetSpell.started_on)
            .where(EetSpell.started_on <= end)
            .order_by(EetSpell.young_person_id, EetSpell.started_on, EetSpell.id)
        )
        plans_started = select(func.count(CoachingPlan.id)).where(
            CoachingPlan.started_on.between(start, end)
        )
        plans_open = select(func.count(CoachingPlan.id)).where(
            CoachingPlan.started_on <= end,
            or_(CoachingPlan.closed_on.is_(None), CoachingPlan.closed_on > end),
        )
        with self._sessions.begin() as session:
            by_kind = {kind: count for kind, count in session.execute(milestones)}
            changes = _neet_to_eet(session.execute(spells), start)
            started = session.execute(plans_started).scalar_one()
            still_open = session.execute(plans_open).scalar_one()
            audit_chain.append(
                session,
                self._clock.now(),
                self._user.username,
                actions.COACHING_OUTCOMES_COUNTED,
                "coaching_outcomes",
                f"{start.isoformat()}/{end.isoformat()}",
                ["outcome_counts"],
            )
        return OutcomeCounts(
            start=start,
            end=end,
            starts={kind: by_kind.get(kind, 0) for kind in START_KINDS},
            sustained={kind: by_kind.get(kind, 0) for kind in SUSTAINED_KINDS},
            neet_to_eet=changes,
            plans_started=started,
            plans_open_at_end=still_open,
        )


def _neet_to_eet(spells: Iterable[tuple[int, EetActivity, date]], start: date) -> int:
    """spells: (person id, activity, started on), in each person's order, none after the end."""
    changes = 0
    previous: tuple[int, EetActivity] | None = None
    for person_id, activity, started_on in spells:
        if (
            started_on >= start
            and activity.is_eet
            and previous is not None
            and previous[0] == person_id
            and not previous[1].is_eet
        ):
            changes += 1
        previous = (person_id, activity)
    return changes

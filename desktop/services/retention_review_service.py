"""The monthly retention review: records due in a month, and the coordinator's decision on each."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.choices import RecordKind, RetentionDecisionKind
from desktop.models.data_protection import RetentionDecision
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.field_changes import filled
from desktop.services.record_access import RecordNotFoundError
from desktop.services.retention_holds import RecordHeldError, active_hold, held_records
from desktop.services.retention_records import (
    as_seen_by,
    closed_to,
    record_facts,
    records_of,
)
from desktop.services.retention_schedule import (
    RetentionInputError,
    Rule,
    add_years,
    load_rules,
    require_coordinator,
)

D = RetentionDecisionKind


@dataclass(frozen=True)
class DueRecord:
    kind: RecordKind
    record_id: int
    label: str
    reference: str
    trigger_on: date
    due_on: date
    rule: Rule
    held: bool
    # The latest decision, if any: a DISPOSE waiting to be carried out, or a KEEP whose next
    # review has come round again.
    decision: RetentionDecisionKind | None
    next_review_on: date | None


@dataclass(frozen=True)
class Decision:
    decision: RetentionDecisionKind
    reason: str
    next_review_on: date | None


def month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def latest_decisions(
    session: Session, kind: RecordKind | None = None
) -> dict[tuple[RecordKind, int], Decision]:
    """Each record's newest decision (by when it was made)."""
    query = select(RetentionDecision).order_by(RetentionDecision.decided_at, RetentionDecision.id)
    if kind is not None:
        query = query.where(RetentionDecision.record_kind == kind)
    latest: dict[tuple[RecordKind, int], Decision] = {}
    for row in session.execute(query).scalars():
        latest[(row.record_kind, row.record_id)] = Decision(
            row.decision, row.reason, row.next_review_on
        )
    return latest


def latest_decision(session: Session, kind: RecordKind, record_id: int) -> Decision | None:
    row = session.execute(
        select(RetentionDecision)
        .where(RetentionDecision.record_kind == kind, RetentionDecision.record_id == record_id)
        .order_by(RetentionDecision.decided_at.desc(), RetentionDecision.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    return None if row is None else Decision(row.decision, row.reason, row.next_review_on)


class RetentionReviewService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def today(self) -> date:
        return self._clock.now().date()

    def due(self, month: date) -> list[DueRecord]:
        """Records whose retention ends on or before the month's last day, oldest due first.

        Open records never appear; a record kept at its last review appears again only in the
        month of its next review date."""
        require_coordinator(self._user, "review records for disposal")
        last_day = month_end(month)
        found: list[DueRecord] = []
        with self._sessions.begin() as session:
            rules = load_rules(session)
            everything_held, held = held_records(session)
            closed = closed_to(session, self._user, self._clock.now())
            for kind in RecordKind:
                rule = rules[kind]
                decisions = latest_decisions(session, kind)
                for found_facts in records_of(session, kind):
                    facts = as_seen_by(found_facts, closed)
                    trigger_on = facts.trigger_dates.get(rule.trigger)
                    if facts.open or trigger_on is None:
                        continue
                    due_on = add_years(trigger_on, rule.years)
                    if due_on > last_day:
                        continue
                    decision = decisions.get((kind, facts.record_id))
                    if (
                        decision is not None
                        and decision.decision is D.KEEP
                        and decision.next_review_on is not None
                        and decision.next_review_on > last_day
                    ):
                        continue
                    found.append(
                        DueRecord(
                            kind,
                            facts.record_id,
                            facts.label,
                            facts.reference,
                            trigger_on,
                            due_on,
                            rule,
                            everything_held or (kind, facts.record_id) in held,
                            None if decision is None else decision.decision,
                            None if decision is None else decision.next_review_on,
                        )
                    )
        found.sort(key=lambda row: (row.due_on, row.kind.value, row.record_id))
        return found

    def decide(
        self,
        kind: RecordKind,
        record_id: int,
        decision: RetentionDecisionKind,
        reason: str = "",
        next_review_on: date | None = None,
    ) -> int:
        """Records a review decision: dispose, or keep with a reason and the next review date."""
        require_coordinator(self._user, "decide what happens to records")
        reason = reason.strip()
        now = self._clock.now()
        today = now.date()
        found = []
        if decision is D.KEEP:
            if not reason:
                found.append("Say why the record must be kept longer.")
            if next_review_on is None:
                found.append("Choose when the record is to be reviewed again.")
            elif next_review_on <= today:
                found.append("The next review date must be after today.")
        elif next_review_on is not None:
            found.append("A record to be disposed of has no next review.")
        with self._sessions.begin() as session:
            facts = record_facts(session, kind, record_id)
            if facts is None:
                raise RecordNotFoundError()
            if decision is D.DISPOSE:
                if facts.open:
                    found.append(f"This {kind.label.lower()} is still open: close it first.")
                hold = active_hold(session, [(kind, record_id)])
                if hold is not None:
                    raise RecordHeldError(hold)
            if found:
                raise RetentionInputError(" ".join(found))
            row = RetentionDecision(
                record_kind=kind,
                record_id=record_id,
                decision=decision,
                reason=reason,
                next_review_on=next_review_on,
                decided_by_id=self._user.account_id,
                decided_at=now,
            )
            session.add(row)
            session.flush()
            audit_chain.append(
                session,
                now,
                self._user.username,
                actions.RETENTION_DECIDED,
                kind.value,
                str(record_id),
                filled(row, ["decision", "reason", "next_review_on"]),
                outcome=decision.value,
            )
            return row.id

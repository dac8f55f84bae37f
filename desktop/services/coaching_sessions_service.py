"""Coaching sessions (each also an entry in the young person's chronology), milestones, and the
timeline of a plan."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.accounts import Account
from desktop.models.choices import CoachingMode, EntryType, GoalStatus
from desktop.models.chronology import ChronologyEntry, ChronologyRevision
from desktop.models.coaching import (
    CoachingGoal,
    CoachingSession,
    EetSpell,
    Milestone,
    PlanReview,
)
from desktop.services import actions
from desktop.services.coaching_access import plan_to_read
from desktop.services.coaching_plan_queries import CoachingServiceBase, open_plan_to_edit
from desktop.services.coaching_session_records import (
    CoachingInputError,
    MilestoneInput,
    MilestoneRow,
    SessionInput,
    SessionRow,
    TimelineItem,
)
from desktop.services.record_access import RecordNotFoundError
from desktop.services.text_folding import fold_entry

__all__ = [
    "CoachingInputError",
    "CoachingSessionsService",
    "MilestoneInput",
    "MilestoneRow",
    "SessionInput",
    "SessionRow",
    "TimelineItem",
]

# How each way of meeting is filed in the chronology (a message is a remote contact, like a call).
ENTRY_TYPE_FOR: dict[CoachingMode, EntryType] = {
    CoachingMode.IN_PERSON: EntryType.VISIT,
    CoachingMode.ONLINE_VIDEO: EntryType.ONLINE,
    CoachingMode.PHONE_CALL: EntryType.PHONE,
    CoachingMode.MESSAGE: EntryType.PHONE,
}
MODE_WORDS: dict[CoachingMode, str] = {
    CoachingMode.IN_PERSON: "in person",
    CoachingMode.ONLINE_VIDEO: "online video",
    CoachingMode.PHONE_CALL: "phone",
    CoachingMode.MESSAGE: "messages",
}
SESSION_FIELDS = ("held_at", "mode", "minutes", "attended", "what_was_done", "next_steps")
ENTRY_FIELDS = ("occurred_at", "entry_type", "summary", "detail")
# Same-day items in the timeline: what happened last in a day's work comes first.
SOURCE_RANK = {"eet": 0, "milestone": 1, "goal": 2, "session": 3, "review": 4}


def session_summary(data: SessionInput) -> str:
    """The chronology line: never the young person's name, only what kind of contact it was."""
    if not data.attended:
        return f"Employment coaching session ({MODE_WORDS[data.mode]}): did not attend"
    return f"Employment coaching session ({MODE_WORDS[data.mode]}, {data.minutes} min)"


def session_detail(data: SessionInput) -> str:
    parts = []
    if data.what_was_done.strip():
        parts.append(f"What was done: {data.what_was_done.strip()}")
    if data.next_steps.strip():
        parts.append(f"Next steps: {data.next_steps.strip()}")
    return "\n\n".join(parts)


class CoachingSessionsService(CoachingServiceBase):
    """Writes need the coach or the coordinator and an open plan (a closed plan stays as it was
    closed, as for goals and reviews); anyone who may open the young person's record reads."""

    # ---- sessions --------------------------------------------------------------------------
    def record_session(self, plan_id: int, data: SessionInput) -> int:
        """Saves the session and its chronology entry in one transaction; returns its id."""
        now = self._clock.now()
        _check(data.problems(now))
        with self._sessions.begin() as session:
            plan = open_plan_to_edit(session, self._user, plan_id, self._clock.now())
            entry = ChronologyEntry(
                young_person_id=plan.young_person_id,
                author_id=self._user.account_id,
                significant=False,
                version=1,
                created_at=now,
            )
            _apply_entry(entry, data)
            session.add(entry)
            session.flush()
            self._audit(
                session,
                actions.CHRONOLOGY_ENTRY_ADDED,
                "chronology_entry",
                entry.id,
                _filled(entry),
            )
            row = CoachingSession(
                plan_id=plan.id,
                recorded_by_id=self._user.account_id,
                created_at=now,
                chronology_entry_id=entry.id,
            )
            _apply_session(row, data)
            session.add(row)
            session.flush()
            filled = [name for name in SESSION_FIELDS if getattr(row, name) not in ("", None)]
            self._audit(
                session, actions.COACHING_SESSION_RECORDED, "coaching_session", row.id, filled
            )
            return row.id

    def update_session(self, session_id: int, data: SessionInput) -> list[str]:
        """Saves the changes; the chronology entry gets a new version, the old one kept, as an
        edit in the chronology would. Returns the names of the session's fields that changed."""
        now = self._clock.now()
        _check(data.problems(now))
        with self._sessions.begin() as session:
            row = session.get(CoachingSession, session_id)
            if row is None:
                raise RecordNotFoundError()
            open_plan_to_edit(session, self._user, row.plan_id, self._clock.now())
            before = {name: getattr(row, name) for name in SESSION_FIELDS}
            _apply_session(row, data)
            changed = [name for name in SESSION_FIELDS if getattr(row, name) != before[name]]
            if not changed:
                return []
            self._revise_entry(session, row, data, now)
            self._audit(
                session, actions.COACHING_SESSION_UPDATED, "coaching_session", row.id, changed
            )
            return changed

    def sessions(self, plan_id: int) -> list[SessionRow]:
        """The plan's sessions, newest first."""
        with self._sessions.begin() as session:
            plan_to_read(session, self._user, plan_id, self._clock.now())
            return session_rows(session, plan_id)

    # ---- milestones ------------------------------------------------------------------------
    def record_milestone(self, plan_id: int, data: MilestoneInput) -> int:
        now = self._clock.now()
        with self._sessions.begin() as session:
            plan = open_plan_to_edit(session, self._user, plan_id, self._clock.now())
            earlier = [
                (kind, day)
                for kind, day in session.execute(
                    select(Milestone.kind, Milestone.achieved_on).where(
                        Milestone.plan_id == plan.id
                    )
                )
            ]
            _check(data.problems(self._today(), earlier))
            row = Milestone(
                plan_id=plan.id,
                kind=data.kind,
                achieved_on=data.achieved_on,
                detail=data.detail.strip(),
                evidence=data.evidence.strip(),
                recorded_by_id=self._user.account_id,
                created_at=now,
            )
            session.add(row)
            session.flush()
            filled = ["kind", "achieved_on"] + [
                name for name in ("detail", "evidence") if getattr(row, name)
            ]
            self._audit(session, actions.MILESTONE_RECORDED, "milestone", row.id, filled)
            return row.id

    def milestones(self, plan_id: int) -> list[MilestoneRow]:
        """The plan's milestones, latest first."""
        with self._sessions.begin() as session:
            plan_to_read(session, self._user, plan_id, self._clock.now())
            return milestone_rows(session, plan_id)

    # ---- timeline --------------------------------------------------------------------------
    def timeline(self, plan_id: int) -> list[TimelineItem]:
        """Everything dated on the plan, newest first: sessions, milestones, the young person's
        spells in education, employment or training, goals achieved and reviews."""
        with self._sessions.begin() as session:
            plan = plan_to_read(session, self._user, plan_id, self._clock.now())
            keyed = [
                *_session_items(session, plan.id),
                *_milestone_items(session, plan.id),
                *_eet_items(session, plan.young_person_id),
                *_goal_items(session, plan.id),
                *_review_items(session, plan.id),
            ]
        keyed.sort(key=lambda pair: pair[0], reverse=True)
        return [item for _key, item in keyed]

    # ---- helpers ---------------------------------------------------------------------------
    def _revise_entry(
        self, session: Session, row: CoachingSession, data: SessionInput, now: datetime
    ) -> None:
        entry = (
            None
            if row.chronology_entry_id is None
            else session.get(ChronologyEntry, row.chronology_entry_id)
        )
        # A deleted entry stays deleted: the coordinator removed it on purpose.
        if entry is None or entry.deleted_at is not None:
            return
        before = {name: getattr(entry, name) for name in ENTRY_FIELDS}
        revision = ChronologyRevision(
            entry_id=entry.id,
            version=entry.version,
            occurred_at=entry.occurred_at,
            entry_type=entry.entry_type,
            summary=entry.summary,
            detail=entry.detail,
            significant=entry.significant,
            written_by_id=_current_writer(session, entry),
            replaced_at=now,
            replaced_by_id=self._user.account_id,
        )
        _apply_entry(entry, data)
        changed = [name for name in ENTRY_FIELDS if getattr(entry, name) != before[name]]
        if not changed:
            return  # e.g. only the booked length of a missed session changed
        session.add(revision)
        entry.version += 1
        session.flush()
        self._audit(session, actions.CHRONOLOGY_ENTRY_EDITED, "chronology_entry", entry.id, changed)


def _check(found: list[str]) -> None:
    if found:
        raise CoachingInputError(" ".join(found))


def _apply_session(row: CoachingSession, data: SessionInput) -> None:
    row.held_at = data.held_at
    row.mode = data.mode
    row.minutes = data.minutes
    row.attended = data.attended
    row.what_was_done = data.what_was_done.strip()
    row.next_steps = data.next_steps.strip()


def _apply_entry(entry: ChronologyEntry, data: SessionInput) -> None:
    entry.occurred_at = data.held_at
    entry.entry_type = ENTRY_TYPE_FOR[data.mode]
    entry.summary = session_summary(data)
    entry.detail = session_detail(data)
    # The index reads this folded copy, as for any chronology entry.
    entry.search_fold = fold_entry(entry.summary, entry.detail)


def _filled(entry: ChronologyEntry) -> list[str]:
    return [name for name in ENTRY_FIELDS if getattr(entry, name)]


def _current_writer(session: Session, entry: ChronologyEntry) -> int:
    """Who wrote the entry's current version: its author, or whoever last replaced a version."""
    last = session.execute(
        select(ChronologyRevision.replaced_by_id)
        .where(ChronologyRevision.entry_id == entry.id)
        .order_by(ChronologyRevision.version.desc())
        .limit(1)
    ).scalar_one_or_none()
    return entry.author_id if last is None else last


TimelineKey = tuple[date, time, int, int]
Keyed = tuple[TimelineKey, TimelineItem]


def _key(day: date, source: str, row_id: int, at: time = time.min) -> TimelineKey:
    return (day, at, SOURCE_RANK[source], row_id)


def _session_items(session: Session, plan_id: int) -> list[Keyed]:
    rows = session.execute(
        select(CoachingSession).where(CoachingSession.plan_id == plan_id)
    ).scalars()
    items = []
    for row in rows:
        local = row.held_at.astimezone()
        if row.attended:
            title = f"{row.mode.label}, {row.minutes} min"
        else:
            title = f"Did not attend ({row.mode.label.lower()})"
        detail = "\n".join(text for text in (row.what_was_done, row.next_steps) if text)
        item = TimelineItem(local.date(), "Session", title, detail, "session")
        items.append((_key(local.date(), "session", row.id, local.time()), item))
    return items


def _milestone_items(session: Session, plan_id: int) -> list[Keyed]:
    rows = session.execute(select(Milestone).where(Milestone.plan_id == plan_id)).scalars()
    items = []
    for row in rows:
        evidence = f"Evidence: {row.evidence}" if row.evidence else ""
        detail = "\n".join(text for text in (row.detail, evidence) if text)
        item = TimelineItem(row.achieved_on, "Milestone", row.kind.label, detail, "milestone")
        items.append((_key(row.achieved_on, "milestone", row.id), item))
    return items


def _eet_items(session: Session, person_id: int) -> list[Keyed]:
    rows = session.execute(select(EetSpell).where(EetSpell.young_person_id == person_id)).scalars()
    items = []
    for row in rows:
        title = row.activity.label + (f": {row.provider}" if row.provider else "")
        item = TimelineItem(
            row.started_on,
            "Education, employment or training",
            title,
            row.reason_for_change,
            "eet",
        )
        items.append((_key(row.started_on, "eet", row.id), item))
    return items


def _goal_items(session: Session, plan_id: int) -> list[Keyed]:
    rows = session.execute(
        select(CoachingGoal).where(
            CoachingGoal.plan_id == plan_id,
            CoachingGoal.status == GoalStatus.ACHIEVED,
            CoachingGoal.achieved_on.is_not(None),
        )
    ).scalars()
    items = []
    for row in rows:
        assert row.achieved_on is not None  # the query asks for it
        item = TimelineItem(row.achieved_on, "Goal achieved", row.description, row.measure, "goal")
        items.append((_key(row.achieved_on, "goal", row.id), item))
    return items


def _review_items(session: Session, plan_id: int) -> list[Keyed]:
    rows = session.execute(select(PlanReview).where(PlanReview.plan_id == plan_id)).scalars()
    items = []
    for row in rows:
        title = f"Plan reviewed; next review by {row.next_review_on.strftime('%d/%m/%Y')}"
        item = TimelineItem(row.reviewed_on, "Plan review", title, row.summary, "review")
        items.append((_key(row.reviewed_on, "review", row.id), item))
    return items


def session_rows(session: Session, plan_id: int) -> list[SessionRow]:
    """The plan's sessions, newest first (the caller has checked the plan may be read)."""
    query = (
        select(CoachingSession, Account.display_name)
        .join(Account, Account.id == CoachingSession.recorded_by_id)
        .where(CoachingSession.plan_id == plan_id)
        .order_by(CoachingSession.held_at.desc(), CoachingSession.id.desc())
    )
    return [
        SessionRow(
            row.id,
            row.plan_id,
            row.held_at,
            row.mode,
            row.minutes,
            row.attended,
            row.what_was_done,
            row.next_steps,
            recorded_by,
            row.chronology_entry_id,
        )
        for row, recorded_by in session.execute(query)
    ]


def milestone_rows(session: Session, plan_id: int) -> list[MilestoneRow]:
    """The plan's milestones, latest first (the caller has checked the plan may be read)."""
    query = (
        select(Milestone, Account.display_name)
        .join(Account, Account.id == Milestone.recorded_by_id)
        .where(Milestone.plan_id == plan_id)
        .order_by(Milestone.achieved_on.desc(), Milestone.id.desc())
    )
    return [
        MilestoneRow(
            row.id,
            row.plan_id,
            row.kind,
            row.achieved_on,
            row.detail,
            row.evidence,
            recorded_by,
        )
        for row, recorded_by in session.execute(query)
    ]

"""Meetings and case conferences: who came, young people discussed, agenda items, decisions and
actions, and the tracker of actions across meetings. An action about a young person owned by a
member of staff is also a task on their case; closing or reopening either moves the other.

Anyone whose role has Meetings may record meetings. Young people are named only to those who may
open their records: others see the meeting without them (counted, not named), and without the
actions about them, so the weekly ASB meeting stays usable by a community officer.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Account
from desktop.models.choices import ActionStatus, MeetingKind
from desktop.models.meetings import (
    Meeting,
    MeetingAction,
    MeetingAttendee,
    MeetingItem,
    MeetingPerson,
)
from desktop.models.people import YoungPerson
from desktop.services import actions, audit_chain, meeting_task_sync
from desktop.services.current_user import CurrentUser
from desktop.services.field_changes import apply_changes, filled
from desktop.services.link_rows import replace_links
from desktop.services.meeting_records import (
    OPEN_ACTIONS,
    ActionInput,
    AttendeeInput,
    ItemInput,
    MeetingActionRow,
    MeetingInput,
    MeetingInputError,
    MeetingRow,
    MeetingView,
    action_rows,
    actions_query,
    meeting_rows,
    read_meeting,
    tracker_order,
)
from desktop.services.permissions import Section, require_section
from desktop.services.record_access import RecordNotFoundError, get_person, visible_people
from desktop.services.task_service import can_reach

__all__ = [
    "ActionInput",
    "AttendeeInput",
    "ItemInput",
    "MeetingActionRow",
    "MeetingInput",
    "MeetingInputError",
    "MeetingRow",
    "MeetingService",
    "MeetingView",
]

MEETING_FIELDS = (
    "kind",
    "held_at",
    "place",
    "chair_name",
    "chair_id",
    "minute_taker_name",
    "minute_taker_id",
    "agenda",
)
ITEM_FIELDS = ("title", "discussion", "decisions")
ACTION_FIELDS = ("description", "owner_name", "owner_id", "due_on", "young_person_id")


def _refuse(found: list[str]) -> None:
    if found:
        raise MeetingInputError(" ".join(found))


class MeetingService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    # ---- meetings ------------------------------------------------------------------------
    def create_meeting(self, details: MeetingInput) -> int:
        require_section(self._user.role, Section.MEETINGS)
        _refuse(details.problems())
        with self._sessions.begin() as session:
            now = self._clock.now()
            meeting = Meeting(created_by_id=self._user.account_id, created_at=now, updated_at=now)
            for name, value in self._meeting_values(session, details).items():
                setattr(meeting, name, value)
            session.add(meeting)
            session.flush()
            fields = filled(meeting, MEETING_FIELDS)
            self._audit(session, actions.MEETING_CREATED, "meeting", meeting.id, fields)
            return meeting.id

    def update_meeting(self, meeting_id: int, details: MeetingInput) -> list[str]:
        """Saves the meeting's own details; returns the names of the fields that changed."""
        _refuse(details.problems())
        with self._sessions.begin() as session:
            meeting = self._meeting(session, meeting_id)
            new = self._meeting_values(session, details)
            changed = apply_changes(meeting, new, MEETING_FIELDS)
            if changed:
                meeting.updated_at = self._clock.now()
                self._audit(session, actions.MEETING_UPDATED, "meeting", meeting.id, changed)
            return changed

    def meeting(self, meeting_id: int) -> MeetingView:
        """The meeting in full, without young people this user may not open (counted only)."""
        with self._sessions.begin() as session:
            meeting = self._meeting(session, meeting_id)
            return read_meeting(session, meeting, self._visible(), self._clock.now().date())

    def meetings(
        self, from_on: date, to_on: date, kind: MeetingKind | None = None
    ) -> list[MeetingRow]:
        """Meetings held on those days (inclusive, UTC dates), latest first."""
        require_section(self._user.role, Section.MEETINGS)
        start = datetime.combine(from_on, time(), UTC)
        end = datetime.combine(to_on + timedelta(days=1), time(), UTC)
        query = select(Meeting).where(Meeting.held_at >= start, Meeting.held_at < end)
        if kind is not None:
            query = query.where(Meeting.kind == kind)
        with self._sessions.begin() as session:
            found = session.execute(query.order_by(Meeting.held_at.desc(), Meeting.id)).scalars()
            return meeting_rows(session, list(found), self._visible())

    # ---- attendees and young people discussed --------------------------------------------
    def set_attendees(self, meeting_id: int, attendees: Sequence[AttendeeInput]) -> None:
        """Replaces the list of who was invited: present, or sent apologies."""
        _refuse([p for n, a in enumerate(attendees, 1) for p in a.problems(n)])
        with self._sessions.begin() as session:
            meeting = self._meeting(session, meeting_id)
            old = list(
                session.execute(
                    select(MeetingAttendee)
                    .where(MeetingAttendee.meeting_id == meeting.id)
                    .order_by(MeetingAttendee.id)
                ).scalars()
            )
            new = [
                (
                    self._name_or_account(session, a.name, a.account_id),
                    a.agency.strip(),
                    a.role.strip(),
                    a.present,
                    a.account_id,
                )
                for a in attendees
            ]
            if [(a.name, a.agency, a.role, a.present, a.account_id) for a in old] == new:
                return
            for attendee in old:
                session.delete(attendee)
            for name, agency, role, present, account_id in new:
                session.add(
                    MeetingAttendee(
                        meeting_id=meeting.id,
                        name=name,
                        agency=agency,
                        role=role,
                        present=present,
                        account_id=account_id,
                    )
                )
            meeting.updated_at = self._clock.now()
            self._audit(
                session, actions.MEETING_ATTENDEES_SET, "meeting", meeting.id, ["attendees"]
            )

    def set_people(self, meeting_id: int, person_ids: Sequence[int]) -> None:
        """Replaces the young people discussed, among those this user may open; people this
        user may not open stay as they were (the user cannot see them to remove them)."""
        with self._sessions.begin() as session:
            meeting = self._meeting(session, meeting_id)
            wanted = {
                get_person(session, self._user, pid, self._clock.now()).id
                for pid in set(person_ids)
            }
            visible = set(
                session.execute(
                    select(MeetingPerson.young_person_id)
                    .join(YoungPerson, YoungPerson.id == MeetingPerson.young_person_id)
                    .where(MeetingPerson.meeting_id == meeting.id, self._visible())
                ).scalars()
            )
            if not replace_links(
                session,
                MeetingPerson,
                visible,
                wanted,
                lambda person_id: (meeting.id, person_id),
                lambda person_id: MeetingPerson(meeting_id=meeting.id, young_person_id=person_id),
            ):
                return
            meeting.updated_at = self._clock.now()
            self._audit(
                session, actions.MEETING_PEOPLE_SET, "meeting", meeting.id, ["young_people"]
            )

    # ---- agenda items --------------------------------------------------------------------
    def add_item(self, meeting_id: int, details: ItemInput) -> int:
        """A new agenda item at the end of the agenda."""
        _refuse(details.problems())
        with self._sessions.begin() as session:
            meeting = self._meeting(session, meeting_id)
            last = session.execute(
                select(func.max(MeetingItem.position)).where(MeetingItem.meeting_id == meeting.id)
            ).scalar_one()
            item = MeetingItem(meeting_id=meeting.id, position=(last or 0) + 1)
            for name in ITEM_FIELDS:
                setattr(item, name, getattr(details, name).strip())
            session.add(item)
            session.flush()
            fields = filled(item, ITEM_FIELDS)
            self._audit(session, actions.MEETING_ITEM_ADDED, "meeting_item", item.id, fields)
            return item.id

    def update_item(self, item_id: int, details: ItemInput) -> list[str]:
        _refuse(details.problems())
        with self._sessions.begin() as session:
            item = session.get(MeetingItem, item_id)
            if item is None:
                raise RecordNotFoundError()
            self._meeting(session, item.meeting_id)
            new = {name: getattr(details, name).strip() for name in ITEM_FIELDS}
            changed = apply_changes(item, new, ITEM_FIELDS)
            if changed:
                self._audit(session, actions.MEETING_ITEM_UPDATED, "meeting_item", item.id, changed)
            return changed

    # ---- actions -------------------------------------------------------------------------
    def add_action(self, meeting_id: int, details: ActionInput) -> int:
        """A new, open action. One about a young person owned by a member of staff is also a
        task on that young person's case, made in the same transaction."""
        _refuse(details.problems() + self._due_problems(details.due_on, None))
        with self._sessions.begin() as session:
            meeting = self._meeting(session, meeting_id)
            now = self._clock.now()
            action = MeetingAction(
                meeting_id=meeting.id,
                status=ActionStatus.TO_DO,
                created_at=now,
                updated_at=now,
            )
            self._apply_action(session, action, details)
            session.add(action)
            session.flush()
            fields = filled(action, ACTION_FIELDS)
            self._audit(session, actions.MEETING_ACTION_ADDED, "meeting_action", action.id, fields)
            self._keep_in_step(session, meeting, action)
            return action.id

    def update_action(self, action_id: int, details: ActionInput) -> list[str]:
        """Saves an action and its task; returns the names of the action's fields that changed."""
        _refuse(details.problems())
        with self._sessions.begin() as session:
            action, meeting = self._action(session, action_id)
            _refuse(self._due_problems(details.due_on, action.due_on))
            if action.task_id is not None:
                if details.young_person_id != action.young_person_id:
                    raise MeetingInputError(
                        "This action is already a task on a young person's case. Drop it and "
                        "add a new action instead."
                    )
                if details.owner_id is None:
                    raise MeetingInputError(
                        "This action is a task on a young person's case, so its owner must be "
                        "a member of staff."
                    )
            before = {n: getattr(action, n) for n in ACTION_FIELDS}
            self._apply_action(session, action, details)
            changed = [n for n, value in before.items() if getattr(action, n) != value]
            if changed:
                action.updated_at = self._clock.now()
                self._audit(
                    session, actions.MEETING_ACTION_UPDATED, "meeting_action", action.id, changed
                )
                self._keep_in_step(session, meeting, action)
            return changed

    def set_action_status(self, action_id: int, status: ActionStatus) -> None:
        """Done dates the action today; done or dropped closes its task, reopening reopens it."""
        with self._sessions.begin() as session:
            action, _meeting = self._action(session, action_id)
            if action.status is status:
                return
            now = self._clock.now()
            action.status = status
            action.done_on = now.date() if status is ActionStatus.DONE else None
            action.updated_at = now
            self._audit(
                session,
                actions.MEETING_ACTION_STATUS_CHANGED,
                "meeting_action",
                action.id,
                ["status", "done_on"],
            )
            meeting_task_sync.action_status_changed(session, action, now, self._user.username)

    def actions_tracker(self, open_only: bool = True) -> list[MeetingActionRow]:
        """Actions across every meeting, open first, soonest due first (undated last)."""
        require_section(self._user.role, Section.MEETINGS)
        query = actions_query(self._visible())
        if open_only:
            query = query.where(MeetingAction.status.in_(OPEN_ACTIONS))
        with self._sessions.begin() as session:
            return action_rows(session, tracker_order(query), self._clock.now().date())

    # ---- helpers -------------------------------------------------------------------------
    def _audit(
        self, session: Session, action: str, entity: str, entity_id: int, fields: Sequence[str]
    ) -> None:
        audit_chain.append(
            session, self._clock.now(), self._user.username, action, entity, str(entity_id), fields
        )

    def _meeting(self, session: Session, meeting_id: int) -> Meeting:
        require_section(self._user.role, Section.MEETINGS)
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise RecordNotFoundError()
        return meeting

    def _action(self, session: Session, action_id: int) -> tuple[MeetingAction, Meeting]:
        """An action this user may change: one about a young person needs their record open."""
        require_section(self._user.role, Section.MEETINGS)
        action = session.get(MeetingAction, action_id)
        if action is None:
            raise RecordNotFoundError()
        if action.young_person_id is not None:
            get_person(session, self._user, action.young_person_id, self._clock.now())
        return action, self._meeting(session, action.meeting_id)

    def _visible(self) -> ColumnElement[bool]:
        return visible_people(self._user, self._clock.now())

    def _name_or_account(self, session: Session, name: str, account_id: int | None) -> str:
        """The name typed, else the account's own name; the account must exist."""
        if account_id is None:
            return name.strip()
        account = session.get(Account, account_id)
        if account is None:
            raise MeetingInputError("That member of staff is not known to Casebook.")
        return name.strip() or account.display_name

    def _meeting_values(self, session: Session, details: MeetingInput) -> dict[str, Any]:
        return {
            "kind": details.kind,
            "held_at": details.held_at,
            "place": details.place.strip(),
            "chair_name": self._name_or_account(session, details.chair_name, details.chair_id),
            "chair_id": details.chair_id,
            "minute_taker_name": self._name_or_account(
                session, details.minute_taker_name, details.minute_taker_id
            ),
            "minute_taker_id": details.minute_taker_id,
            "agenda": details.agenda.strip(),
        }

    def _due_problems(self, due_on: date | None, current: date | None) -> list[str]:
        # A due date already passed may stay on an action, but a new one must not be past.
        if due_on is not None and due_on != current and due_on < self._clock.now().date():
            return ["The due date has already passed."]
        return []

    def _apply_action(self, session: Session, action: MeetingAction, details: ActionInput) -> None:
        person_id = details.young_person_id
        if person_id is not None:
            get_person(session, self._user, person_id, self._clock.now())
        owner_id = details.owner_id
        if owner_id is not None:
            account = session.get(Account, owner_id)
            if account is None or not account.active:
                raise MeetingInputError("That member of staff is not known to Casebook.")
            if person_id is not None and not can_reach(
                session, owner_id, person_id, self._clock.now()
            ):
                # The task it makes would sit on their list unworkable.
                raise MeetingInputError(
                    "Give the action to someone who can open this young person's record, or "
                    "name the owner without choosing a member of staff."
                )
        action.description = details.description.strip()
        action.owner_name = self._name_or_account(session, details.owner_name, owner_id)
        action.owner_id = owner_id
        action.due_on = details.due_on
        action.young_person_id = person_id

    def _keep_in_step(self, session: Session, meeting: Meeting, action: MeetingAction) -> None:
        """A young person named in an action was discussed; their task follows the action."""
        person_id = action.young_person_id
        if person_id is None:
            return
        if session.get(MeetingPerson, (meeting.id, person_id)) is None:
            session.add(MeetingPerson(meeting_id=meeting.id, young_person_id=person_id))
            self._audit(
                session, actions.MEETING_PEOPLE_SET, "meeting", meeting.id, ["young_people"]
            )
        meeting_task_sync.keep_task_in_step(session, meeting, action, self._clock.now(), self._user)

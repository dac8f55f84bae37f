"""What the meeting service takes and returns (dataclasses), and the reads that fill its views."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

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

OPEN_ACTIONS = frozenset({ActionStatus.TO_DO, ActionStatus.IN_PROGRESS})
CLOSED_ACTIONS = frozenset({ActionStatus.DONE, ActionStatus.DROPPED})
NAME_LENGTH = 200
TITLE_LENGTH = 300


class MeetingInputError(ValueError):
    """What was entered cannot be saved; the message says why, in words for the user."""


def _too_long(value: str, limit: int, what: str) -> list[str]:
    return [f"{what} is longer than {limit} characters."] if len(value.strip()) > limit else []


def kind_in_sentence(kind: MeetingKind) -> str:
    """The meeting's label inside a sentence: "the strategy meeting", but "the MACE panel"."""
    label = kind.label
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


# ---- forms -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class MeetingInput:
    kind: MeetingKind
    held_at: datetime  # timezone-aware
    place: str = ""
    # The chair and minute-taker may be from another agency (a name only) or staff (an account,
    # whose name is filled in when the name is left blank).
    chair_name: str = ""
    chair_id: int | None = None
    minute_taker_name: str = ""
    minute_taker_id: int | None = None
    agenda: str = ""

    def problems(self) -> list[str]:
        found = []
        if self.held_at.tzinfo is None:
            found.append("The meeting's date and time have no time zone.")
        found += _too_long(self.place, NAME_LENGTH, "The place")
        found += _too_long(self.chair_name, NAME_LENGTH, "The chair's name")
        found += _too_long(self.minute_taker_name, NAME_LENGTH, "The minute-taker's name")
        return found


@dataclass(frozen=True)
class AttendeeInput:
    name: str
    agency: str = ""
    role: str = ""
    present: bool = True  # False: sent apologies
    account_id: int | None = None

    def problems(self, number: int) -> list[str]:
        found = []
        if not self.name.strip() and self.account_id is None:
            found.append(f"Attendee {number} has no name.")
        found += _too_long(self.name, NAME_LENGTH, f"Attendee {number}'s name")
        found += _too_long(self.agency, NAME_LENGTH, f"Attendee {number}'s agency")
        found += _too_long(self.role, NAME_LENGTH, f"Attendee {number}'s role")
        return found


@dataclass(frozen=True)
class ItemInput:
    title: str
    discussion: str = ""
    decisions: str = ""

    def problems(self) -> list[str]:
        found = [] if self.title.strip() else ["Give the agenda item a title."]
        return found + _too_long(self.title, TITLE_LENGTH, "The item's title")


@dataclass(frozen=True)
class ActionInput:
    description: str
    owner_name: str = ""  # someone from another agency; staff are given by owner_id
    owner_id: int | None = None
    due_on: date | None = None
    # An action about a young person owned by staff also becomes a task on their case.
    young_person_id: int | None = None

    def problems(self) -> list[str]:
        found = [] if self.description.strip() else ["Say what needs doing."]
        if not self.owner_name.strip() and self.owner_id is None:
            found.append("Say who will do it.")
        return found + _too_long(self.owner_name, NAME_LENGTH, "The owner's name")


# ---- views -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class AttendeeRow:
    id: int
    name: str
    agency: str
    role: str
    present: bool
    account_id: int | None


@dataclass(frozen=True)
class PersonDiscussed:
    person_id: int
    case_reference: str
    name: str


@dataclass(frozen=True)
class ItemRow:
    id: int
    position: int
    title: str
    discussion: str
    decisions: str


@dataclass(frozen=True)
class MeetingActionRow:
    id: int
    meeting_id: int
    meeting_kind: MeetingKind
    meeting_held_at: datetime
    description: str
    owner_name: str
    owner_id: int | None
    due_on: date | None
    status: ActionStatus
    done_on: date | None
    person_id: int | None
    case_reference: str  # "" when the action is not about a young person
    person_name: str
    task_id: int | None  # the task on the young person's case, kept in step
    overdue: bool  # open and due before today

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_ACTIONS


@dataclass(frozen=True)
class MeetingView:
    id: int
    kind: MeetingKind
    held_at: datetime
    place: str
    chair_name: str
    chair_id: int | None
    minute_taker_name: str
    minute_taker_id: int | None
    agenda: str
    attendees: list[AttendeeRow]
    people: list[PersonDiscussed]  # only those this user may open
    items: list[ItemRow]
    actions: list[MeetingActionRow]  # leaves out actions about people this user may not open
    # How many young people, and actions about them, are left out for this user: counted, not
    # named, so the minutes can say that some of the meeting is not shown.
    hidden_people: int = 0
    hidden_actions: int = 0
    created_by: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def present(self) -> list[AttendeeRow]:
        return [a for a in self.attendees if a.present]

    @property
    def apologies(self) -> list[AttendeeRow]:
        return [a for a in self.attendees if not a.present]

    def details(self) -> MeetingInput:
        """The meeting as its form fills it, to edit it."""
        return MeetingInput(
            self.kind,
            self.held_at,
            self.place,
            self.chair_name,
            self.chair_id,
            self.minute_taker_name,
            self.minute_taker_id,
            self.agenda,
        )


@dataclass(frozen=True)
class MeetingRow:
    id: int
    kind: MeetingKind
    held_at: datetime
    place: str
    chair_name: str
    people_count: int  # young people discussed that this user may open
    open_actions: int


# An action with its meeting's kind and date, and the young person's reference and names.
ActionQuery = Select[MeetingAction, MeetingKind, datetime, str, str, str]


def actions_query(visible: ColumnElement[bool]) -> ActionQuery:
    """Actions with their meeting and young person: those about nobody, or about someone the
    clause on YoungPerson (the user's visible_people) lets through."""
    return (
        select(
            MeetingAction,
            Meeting.kind,
            Meeting.held_at,
            YoungPerson.case_reference,
            YoungPerson.given_name,
            YoungPerson.family_name,
        )
        .join(Meeting, Meeting.id == MeetingAction.meeting_id)
        .outerjoin(YoungPerson, YoungPerson.id == MeetingAction.young_person_id)
        .where(_action_visible(visible))
    )


def tracker_order(query: ActionQuery) -> ActionQuery:
    """Open first, soonest due first (undated last), then by meeting."""
    return query.order_by(
        MeetingAction.status.not_in(OPEN_ACTIONS),
        MeetingAction.due_on.is_(None),
        MeetingAction.due_on,
        Meeting.held_at,
        MeetingAction.id,
    )


def _action_visible(visible: ColumnElement[bool]) -> ColumnElement[bool]:
    return or_(MeetingAction.young_person_id.is_(None), visible)


def action_rows(session: Session, query: ActionQuery, today: date) -> list[MeetingActionRow]:
    return [
        MeetingActionRow(
            id=a.id,
            meeting_id=a.meeting_id,
            meeting_kind=kind,
            meeting_held_at=held_at,
            description=a.description,
            owner_name=a.owner_name,
            owner_id=a.owner_id,
            due_on=a.due_on,
            status=a.status,
            done_on=a.done_on,
            person_id=a.young_person_id,
            case_reference=reference or "",
            person_name=f"{given} {family}" if reference is not None else "",
            task_id=a.task_id,
            overdue=a.status in OPEN_ACTIONS and a.due_on is not None and a.due_on < today,
        )
        for a, kind, held_at, reference, given, family in session.execute(query)
    ]


def read_meeting(
    session: Session, meeting: Meeting, visible: ColumnElement[bool], today: date
) -> MeetingView:
    attendees = [
        AttendeeRow(a.id, a.name, a.agency, a.role, a.present, a.account_id)
        for a in session.execute(
            select(MeetingAttendee)
            .where(MeetingAttendee.meeting_id == meeting.id)
            .order_by(MeetingAttendee.id)
        ).scalars()
    ]
    discussed = MeetingPerson.meeting_id == meeting.id
    people = [
        PersonDiscussed(r.id, r.case_reference, f"{r.given_name} {r.family_name}")
        for r in session.execute(
            select(
                YoungPerson.id,
                YoungPerson.case_reference,
                YoungPerson.given_name,
                YoungPerson.family_name,
            )
            .join(MeetingPerson, MeetingPerson.young_person_id == YoungPerson.id)
            .where(discussed, visible)
            .order_by(YoungPerson.family_sort, YoungPerson.given_sort, YoungPerson.id)
        )
    ]
    all_people = session.execute(
        select(func.count()).select_from(MeetingPerson).where(discussed)
    ).scalar_one()
    items = [
        ItemRow(i.id, i.position, i.title, i.discussion, i.decisions)
        for i in session.execute(
            select(MeetingItem)
            .where(MeetingItem.meeting_id == meeting.id)
            .order_by(MeetingItem.position, MeetingItem.id)
        ).scalars()
    ]
    query = actions_query(visible).where(MeetingAction.meeting_id == meeting.id)
    shown = action_rows(session, query.order_by(MeetingAction.id), today)
    all_actions = session.execute(
        select(func.count())
        .select_from(MeetingAction)
        .where(MeetingAction.meeting_id == meeting.id)
    ).scalar_one()
    author = session.get(Account, meeting.created_by_id)
    return MeetingView(
        id=meeting.id,
        kind=meeting.kind,
        held_at=meeting.held_at,
        place=meeting.place,
        chair_name=meeting.chair_name,
        chair_id=meeting.chair_id,
        minute_taker_name=meeting.minute_taker_name,
        minute_taker_id=meeting.minute_taker_id,
        agenda=meeting.agenda,
        attendees=attendees,
        people=people,
        items=items,
        actions=shown,
        hidden_people=all_people - len(people),
        hidden_actions=all_actions - len(shown),
        created_by=author.display_name if author is not None else "",
        created_at=meeting.created_at,
        updated_at=meeting.updated_at,
    )


def meeting_rows(
    session: Session, meetings: list[Meeting], visible: ColumnElement[bool]
) -> list[MeetingRow]:
    """List rows, counting only the young people and open actions this user may see."""
    ids = [m.id for m in meetings]
    people: dict[int, int] = dict(
        session.execute(
            select(MeetingPerson.meeting_id, func.count())
            .join(YoungPerson, YoungPerson.id == MeetingPerson.young_person_id)
            .where(MeetingPerson.meeting_id.in_(ids), visible)
            .group_by(MeetingPerson.meeting_id)
        ).all()
    )
    open_actions: dict[int, int] = dict(
        session.execute(
            select(MeetingAction.meeting_id, func.count())
            .outerjoin(YoungPerson, YoungPerson.id == MeetingAction.young_person_id)
            .where(
                MeetingAction.meeting_id.in_(ids),
                MeetingAction.status.in_(OPEN_ACTIONS),
                _action_visible(visible),
            )
            .group_by(MeetingAction.meeting_id)
        ).all()
    )
    return [
        MeetingRow(
            m.id,
            m.kind,
            m.held_at,
            m.place,
            m.chair_name,
            people.get(m.id, 0),
            open_actions.get(m.id, 0),
        )
        for m in meetings
    ]

"""Demo meetings: the weekly ASB and IGXU meeting for the last four weeks, a strategy meeting,
a MACE panel and a case conference, with attendees from the partner agencies, young people
discussed, items with decisions, and actions — some done, some open, one overdue — that are
tasks on the young people's cases.

Everything goes through the meeting service as the demo coordinator would have used it, with
its clock set to when each step happened (as demo_therapy does), so its rules hold: no action
is given a due date already past, and closing an action closes its task.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.choices import ActionStatus, CaseStatus, MeetingKind
from desktop.models.people import YoungPerson
from desktop.services.current_user import CurrentUser
from desktop.services.demo_therapy import ReplayClock
from desktop.services.meeting_records import ActionInput, AttendeeInput, ItemInput, MeetingInput
from desktop.services.meeting_service import MeetingService

OPEN = (CaseStatus.ASSESSMENT, CaseStatus.ACTIVE, CaseStatus.MONITORING)
PARTNERS = (
    AttendeeInput("Sgt Dan Whitfield", "Police", "Neighbourhood sergeant"),
    AttendeeInput("Priya Nair", "Housing", "ASB officer"),
    AttendeeInput("Tom Ellis", "Children's social care", "Team manager"),
    AttendeeInput("Grace Adeyemi", "Youth justice", "Case manager"),
    AttendeeInput("Mr H. Rahman", "School", "Designated safeguarding lead"),
    AttendeeInput("Dr Lucy Morgan", "Health", "School nurse"),
)
# (kind, days ago, place, partner indexes present, partner indexes sending apologies)
MEETINGS = (
    (MeetingKind.ASB_WEEKLY, 28, "Civic Centre, room 2", (0, 1), (4,)),
    (MeetingKind.STRATEGY, 24, "Children's services, Ash House", (0, 2, 4), ()),
    (MeetingKind.ASB_WEEKLY, 21, "Civic Centre, room 2", (0, 1), ()),
    (MeetingKind.MACE, 17, "Police station, briefing room", (0, 2, 3, 5), (1,)),
    (MeetingKind.ASB_WEEKLY, 14, "Online (Teams)", (1,), (0,)),
    (MeetingKind.CASE_CONFERENCE, 10, "Civic Centre, room 4", (2, 3, 4, 5), ()),
    (MeetingKind.ASB_WEEKLY, 7, "Civic Centre, room 2", (0, 1), ()),
)
ITEMS = (
    ItemInput(
        "Incidents since the last meeting",
        "Two reports of groups gathering by the parade after dark; one car window broken.",
        "Extra patrols on Friday evenings for four weeks.",
    ),
    ItemInput(
        "Young people of concern",
        "Update from the key worker on contact, school attendance and any missing episodes.",
        "Keep on the list; review at the next meeting.",
    ),
    ItemInput("Any other business"),
)
ACTIONS = (
    "Home visit with parent to share the safety plan",
    "Check school attendance for the last half-term",
    "Refer to the mentoring programme",
    "Share the travel-safety plan with college",
)
PARTNER_ACTIONS = (
    ("Share the police intelligence summary", 0),
    ("Write to the tenant about the noise complaints", 1),
    ("Invite to the next strategy discussion", 2),
)


def add_meetings(
    sessions: sessionmaker[Session],
    coordinator: CurrentUser,
    worker_id: int,
    clock: Clock,
    seed: int,
) -> int:
    """Adds the demo's meetings; returns how many."""
    chooser = random.Random(f"meetings-{seed}")
    now = clock.now()
    with sessions.begin() as session:
        people = _people(session, worker_id)
    if not people:
        return 0
    replay = ReplayClock(clock)
    service = MeetingService(sessions, coordinator, replay)
    for number, (kind, days_ago, place, present, away) in enumerate(MEETINGS):
        held_at = datetime.combine(now.date() - timedelta(days=days_ago), time(10), UTC)
        replay.set(held_at + timedelta(hours=2))
        meeting_id = service.create_meeting(
            MeetingInput(kind, held_at, place, coordinator.display_name, coordinator.account_id)
        )
        attendees = [
            AttendeeInput("", "IGXU", "Coordinator", account_id=coordinator.account_id),
            *(PARTNERS[i] for i in present),
            *(
                AttendeeInput(a.name, a.agency, a.role, present=False)
                for a in (PARTNERS[i] for i in away)
            ),
        ]
        service.set_attendees(meeting_id, attendees)
        discussed = chooser.sample(
            people, k=min(len(people), 2 if kind is MeetingKind.ASB_WEEKLY else 1)
        )
        service.set_people(meeting_id, discussed)
        for item in ITEMS if kind is MeetingKind.ASB_WEEKLY else ITEMS[1:]:
            service.add_item(meeting_id, item)
        _actions(service, replay, chooser, meeting_id, discussed, worker_id, held_at, now, number)
    return len(MEETINGS)


def _actions(
    service: MeetingService,
    replay: ReplayClock,
    chooser: random.Random,
    meeting_id: int,
    discussed: Sequence[int],
    worker_id: int,
    held_at: datetime,
    now: datetime,
    number: int,
) -> None:
    for person in discussed:
        due = held_at.date() + timedelta(days=chooser.choice((7, 10, 14)))
        action_id = service.add_action(
            meeting_id,
            ActionInput(
                chooser.choice(ACTIONS), owner_id=worker_id, due_on=due, young_person_id=person
            ),
        )
        # The older meetings' actions are done; the newest stay open (one of them overdue).
        finished = datetime.combine(due - timedelta(days=1), time(16), UTC)
        if number < len(MEETINGS) - 3 and finished < now:
            replay.set(finished)
            service.set_action_status(action_id, ActionStatus.DONE)
            replay.set(held_at + timedelta(hours=2))
    description, partner = PARTNER_ACTIONS[number % len(PARTNER_ACTIONS)]
    service.add_action(
        meeting_id,
        ActionInput(
            description,
            owner_name=PARTNERS[partner].name,
            due_on=held_at.date() + timedelta(days=14),
        ),
    )


def _people(session: Session, worker_id: int) -> list[int]:
    """Young people on open cases whose key worker is the demo gangs worker."""
    return list(
        session.execute(
            select(YoungPerson.id)
            .where(YoungPerson.key_worker_id == worker_id, YoungPerson.status.in_(OPEN))
            .order_by(YoungPerson.id)
        ).scalars()
    )

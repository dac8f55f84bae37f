"""Subject access items from meetings and the community: meetings where the young person was
discussed (the meeting, its agenda items, actions about them), ride-outs where they were seen,
and critical incidents they are linked to (with the support offered and the follow-up)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Protocol

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.models.choices import ActionStatus
from desktop.models.community import (
    CriticalIncident,
    IncidentAction,
    IncidentPerson,
    IncidentSupport,
    RideOut,
    RideOutPerson,
)
from desktop.models.meetings import Meeting, MeetingAction, MeetingItem, MeetingPerson
from desktop.services import sar_items as s
from desktop.services.sar_items import SarItem, text_of, when

Staff = Mapping[int, str]


def meeting_items(session: Session, pid: int, staff: Staff) -> list[SarItem]:
    discussed = select(MeetingPerson.meeting_id).where(MeetingPerson.young_person_id == pid)
    acted = select(MeetingAction.meeting_id).where(MeetingAction.young_person_id == pid)
    meetings = select(Meeting).where(or_(Meeting.id.in_(discussed), Meeting.id.in_(acted)))
    items: list[SarItem] = []
    meeting_ids = []
    for meeting in session.execute(meetings).scalars().all():
        meeting_ids.append(meeting.id)
        items.append(
            SarItem(
                f"meetings:{meeting.id}",
                s.MEETINGS,
                "Meeting",
                s.day(meeting.held_at),
                meeting.kind.label,
                text_of(
                    [
                        ("Meeting", meeting.kind.label),
                        ("When", when(meeting.held_at)),
                        ("Where", meeting.place),
                        ("Chair", meeting.chair_name),
                        ("Minutes taken by", meeting.minute_taker_name),
                    ],
                    [("Agenda", meeting.agenda)],
                ),
            )
        )
    # Every agenda item of those meetings: an item does not say whom it is about, so the
    # reviewer withholds the ones about other people.
    agenda = select(MeetingItem, Meeting.held_at).join(Meeting)
    for item, held_at in session.execute(agenda.where(MeetingItem.meeting_id.in_(meeting_ids))):
        items.append(
            SarItem(
                f"meeting_items:{item.id}",
                s.MEETINGS,
                "Agenda item",
                s.day(held_at),
                s.first_line(item.title, "Agenda item"),
                text_of(
                    [("Item", item.title)],
                    [("Discussion", item.discussion), ("Decisions", item.decisions)],
                ),
            )
        )
    about = select(MeetingAction, Meeting.held_at).join(Meeting)
    for action, held_at in session.execute(about.where(MeetingAction.young_person_id == pid)):
        items.append(
            SarItem(
                f"meeting_actions:{action.id}",
                s.MEETINGS,
                "Action agreed at a meeting",
                s.day(held_at),
                s.first_line(action.description, "Action"),
                _action_text(action, staff),
            )
        )
    return items


def ride_out_items(session: Session, pid: int, staff: Staff) -> list[SarItem]:
    rides = select(RideOut).join(RideOutPerson).where(RideOutPerson.young_person_id == pid)
    return [
        SarItem(
            f"ride_out_people:{ride.id}",
            s.RIDE_OUTS,
            "Ride-out sighting",
            s.day(ride.started_at),
            f"Seen on a ride-out: {ride.area}",
            text_of(
                [
                    ("When", when(ride.started_at)),
                    ("Area", ride.area),
                    ("Recorded by", staff.get(ride.recorded_by_id, "")),
                ],
                [("Concerns", ride.concerns)],
            ),
        )
        for ride in session.execute(rides).scalars()
    ]


def incident_items(session: Session, pid: int, staff: Staff) -> list[SarItem]:
    linked = select(IncidentPerson.incident_id).where(IncidentPerson.young_person_id == pid)
    incidents = session.execute(select(CriticalIncident).where(CriticalIncident.id.in_(linked)))
    items: list[SarItem] = []
    ids = []
    for incident in incidents.scalars().all():
        ids.append(incident.id)
        items.append(
            SarItem(
                f"critical_incidents:{incident.id}",
                s.INCIDENTS,
                "Critical incident",
                incident.occurred_on,
                f"{incident.kind.label}: {incident.area}",
                text_of(
                    [
                        ("Date", when(incident.occurred_on)),
                        ("Kind", incident.kind.label),
                        ("Area", incident.area),
                    ],
                    [
                        ("Summary", incident.summary),
                        ("Families affected", incident.families),
                        ("Community tension", incident.tension_notes),
                    ],
                ),
            )
        )
    support = select(IncidentSupport).where(IncidentSupport.incident_id.in_(ids))
    for row in session.execute(support).scalars():
        items.append(
            SarItem(
                f"incident_support:{row.id}",
                s.INCIDENTS,
                "Support after an incident",
                row.offered_on,
                f"Support offered: {row.kind.label}",
                text_of(
                    [
                        ("Support", row.kind.label),
                        ("Offered to", row.offered_to),
                        ("Offered", when(row.offered_on)),
                        ("Given", when(row.given_on)),
                        ("By", staff.get(row.staff_id or 0, "")),
                    ],
                    [("Description", row.description)],
                ),
            )
        )
    follow_up = select(IncidentAction).where(IncidentAction.incident_id.in_(ids))
    for action in session.execute(follow_up).scalars():
        items.append(
            SarItem(
                f"incident_actions:{action.id}",
                s.INCIDENTS,
                "Action after an incident",
                s.day(action.created_at),
                s.first_line(action.description, "Action"),
                _action_text(action, staff),
            )
        )
    return items


class _Action(Protocol):
    """A meeting's or an incident's action: the same fields, so the same text."""

    owner_name: str
    owner_id: int | None
    due_on: date | None
    status: ActionStatus
    done_on: date | None
    description: str


def _action_text(action: _Action, staff: Staff) -> str:
    return text_of(
        [
            ("Owner", action.owner_name or staff.get(action.owner_id or 0, "")),
            ("Due", when(action.due_on)),
            ("Status", action.status.label),
            ("Done", when(action.done_on)),
        ],
        [("Action", action.description)],
    )

"""Meetings: attendees, items with decisions, actions that become tasks on a young person's case
and stay in step with them, the tracker across meetings, permissions and a text-free audit."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from desktop.models.accounts import Role
from desktop.models.audit import AuditEntry
from desktop.models.choices import ActionStatus, MeetingKind
from desktop.services import actions
from desktop.services.meeting_records import (
    ActionInput,
    AttendeeInput,
    ItemInput,
    MeetingInput,
    MeetingInputError,
)
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from tests.conftest import AddAccount
from tests.meeting_fixtures import HELD_AT, Unit


def test_meeting_records_attendees_items_decisions_and_actions(unit: Unit) -> None:
    service = unit.meetings()
    with pytest.raises(MeetingInputError, match="time zone"):
        service.create_meeting(MeetingInput(MeetingKind.MACE, datetime(2025, 3, 13, 14)))
    meeting_id = unit.meeting(MeetingKind.MACE, minute_taker_id=unit.worker.account_id)
    service.set_attendees(
        meeting_id,
        [
            AttendeeInput("PC Smith", "Police", "Exploitation lead"),
            AttendeeInput("", "IGXU", "Gangs worker", account_id=unit.worker.account_id),
            AttendeeInput("Ms Jones", "School", "Designated safeguarding lead", present=False),
        ],
    )
    with pytest.raises(MeetingInputError, match="Attendee 2 has no name"):
        service.set_attendees(meeting_id, [AttendeeInput("A"), AttendeeInput(" ")])
    with pytest.raises(MeetingInputError, match="title"):
        service.add_item(meeting_id, ItemInput(" "))
    first = service.add_item(meeting_id, ItemInput("Introductions"))
    second = service.add_item(meeting_id, ItemInput("Risk update", "Seen at the station"))
    changed = service.update_item(
        second, ItemInput("Risk update", "Seen at the station", "Refer to the NRM")
    )
    assert changed == ["decisions"]
    action_id = service.add_action(
        meeting_id, ActionInput("Share the school timetable", owner_name="Ms Jones")
    )

    view = service.meeting(meeting_id)
    assert view.kind is MeetingKind.MACE and view.kind.label == "MACE panel"
    assert view.held_at == HELD_AT and view.place == "Civic Centre, room 4"
    # A staff minute-taker's name comes from their account when none is typed.
    assert view.minute_taker_name == unit.worker.display_name
    assert [(a.name, a.agency) for a in view.present] == [
        ("PC Smith", "Police"),
        (unit.worker.display_name, "IGXU"),
    ]
    assert [a.name for a in view.apologies] == ["Ms Jones"]
    assert [(i.id, i.position, i.title, i.decisions) for i in view.items] == [
        (first, 1, "Introductions", ""),
        (second, 2, "Risk update", "Refer to the NRM"),
    ]
    assert [(a.id, a.owner_name, a.status, a.task_id) for a in view.actions] == [
        (action_id, "Ms Jones", ActionStatus.TO_DO, None)
    ]
    assert service.update_meeting(meeting_id, view.details()) == []
    changed = service.update_meeting(
        meeting_id, MeetingInput(MeetingKind.MACE, HELD_AT, "Online", "A. Chair")
    )
    assert changed == ["place", "minute_taker_name", "minute_taker_id"]


def test_action_on_a_young_person_is_a_task_on_their_case_and_they_stay_in_step(
    unit: Unit,
) -> None:
    person = unit.person("Amani", "Osei", unit.worker)
    service = unit.meetings()
    meeting_id = unit.meeting()
    due = unit.today + timedelta(days=3)
    action_id = service.add_action(
        meeting_id,
        ActionInput(
            "Home visit with mum",
            owner_id=unit.worker.account_id,
            due_on=due,
            young_person_id=person,
        ),
    )
    view = service.meeting(meeting_id)
    # Naming a young person in an action records them as discussed.
    assert [p.person_id for p in view.people] == [person]
    task_id = view.actions[0].task_id
    assert task_id is not None
    work = unit.tasks(unit.worker).my_work()
    assert [(t.id, t.title, t.detail, t.due_on) for t in work.tasks_due_this_week] == [
        (task_id, "Home visit with mum", "From the strategy meeting on 13/03/2025", due)
    ]

    # Closing the action closes the task; reopening it reopens the task.
    service.set_action_status(action_id, ActionStatus.DONE)
    [task] = unit.tasks(unit.worker).tasks(person)
    assert task.done_at == unit.clock.now()
    assert unit.tasks(unit.worker).my_work().tasks_due_this_week == []
    service.set_action_status(action_id, ActionStatus.IN_PROGRESS)
    assert unit.tasks(unit.worker).tasks(person)[0].done_at is None

    # Completing the task closes the action; reopening the task reopens it.
    unit.clock.advance(86400)
    unit.tasks(unit.worker).complete(task_id)
    [row] = service.meeting(meeting_id).actions
    assert (row.status, row.done_on) == (ActionStatus.DONE, unit.today)
    assert service.actions_tracker() == []
    unit.tasks(unit.worker).reopen(task_id)
    [row] = service.meeting(meeting_id).actions
    assert (row.status, row.done_on) == (ActionStatus.TO_DO, None)

    # Dropping the action takes the task off the owner's list too.
    service.set_action_status(action_id, ActionStatus.DROPPED)
    assert unit.tasks(unit.worker).tasks(person, include_done=False) == []
    synced = [r.entity_id for r in unit.audit(actions.MEETING_ACTION_STATUS_CHANGED)]
    assert synced.count(str(action_id)) == 5


def test_editing_the_action_edits_its_task(unit: Unit) -> None:
    person = unit.person("Amani", "Osei", unit.worker)
    other = unit.person("Bilal", "Khan", unit.worker)
    service = unit.meetings()
    meeting_id = unit.meeting(MeetingKind.ASB_WEEKLY)
    details = ActionInput("Check CCTV", owner_id=unit.worker.account_id, young_person_id=person)
    action_id = service.add_action(meeting_id, details)
    later = unit.today + timedelta(days=10)
    changed = service.update_action(
        action_id,
        ActionInput(
            "Check CCTV at the shops",
            owner_id=unit.coordinator.account_id,
            due_on=later,
            young_person_id=person,
        ),
    )
    assert changed == ["description", "owner_name", "owner_id", "due_on"]
    [task] = unit.tasks(unit.coordinator).tasks(person)
    assert (task.title, task.owner_id, task.due_on) == (
        "Check CCTV at the shops",
        unit.coordinator.account_id,
        later,
    )
    assert task.detail == "From the weekly ASB and IGXU meeting on 13/03/2025"
    with pytest.raises(MeetingInputError, match="already a task"):
        service.update_action(
            action_id, ActionInput("x", owner_id=unit.worker.account_id, young_person_id=other)
        )
    with pytest.raises(MeetingInputError, match="member of staff"):
        service.update_action(
            action_id, ActionInput("x", owner_name="PC Smith", young_person_id=person)
        )
    with pytest.raises(MeetingInputError, match="already passed"):
        service.add_action(
            meeting_id, ActionInput("x", owner_name="PC Smith", due_on=unit.today - timedelta(1))
        )


def test_owner_must_be_able_to_open_the_record_and_others_make_no_task(unit: Unit) -> None:
    person = unit.person("Amani", "Osei", unit.worker)
    service = unit.meetings()
    meeting_id = unit.meeting()
    with pytest.raises(MeetingInputError, match="someone who can open"):
        service.add_action(
            meeting_id,
            ActionInput(
                "Family session", owner_id=unit.therapist.account_id, young_person_id=person
            ),
        )
    # An owner from another agency: the action is tracked here, but no task is made.
    action_id = service.add_action(
        meeting_id,
        ActionInput("Strategy discussion", owner_name="PC Smith", young_person_id=person),
    )
    [row] = service.meeting(meeting_id).actions
    assert (row.id, row.task_id, row.case_reference != "") == (action_id, None, True)
    assert unit.tasks(unit.worker).tasks(person) == []


def test_permissions_hide_young_people_a_role_may_not_open(
    unit: Unit, add_account: AddAccount
) -> None:
    analyst = add_account(Role.ANALYST)
    officer = add_account(Role.COMMUNITY_OFFICER)
    mine = unit.person("Amani", "Osei", unit.worker, unit.therapist)
    theirs = unit.person("Bilal", "Khan", unit.worker)
    service = unit.meetings()
    meeting_id = unit.meeting(MeetingKind.ASB_WEEKLY)
    service.set_people(meeting_id, [mine, theirs])
    service.add_action(
        meeting_id,
        ActionInput("Visit Bilal", owner_id=unit.worker.account_id, young_person_id=theirs),
    )
    service.add_action(meeting_id, ActionInput("Book a room", owner_id=unit.therapist.account_id))

    with pytest.raises(PermissionDeniedError):
        unit.meetings(analyst).meetings(unit.today - timedelta(7), unit.today)
    with pytest.raises(PermissionDeniedError):
        unit.meetings(analyst).meeting(meeting_id)

    therapist = unit.meetings(unit.therapist)
    view = therapist.meeting(meeting_id)
    assert [p.person_id for p in view.people] == [mine]
    assert (view.hidden_people, view.hidden_actions) == (1, 1)
    assert [a.description for a in view.actions] == ["Book a room"]
    assert "Khan" not in repr(view) and "Bilal" not in repr(view)
    assert [a.description for a in therapist.actions_tracker()] == ["Book a room"]
    [row] = therapist.meetings(unit.today - timedelta(7), unit.today)
    assert (row.people_count, row.open_actions) == (1, 1)
    hidden_action = next(a.id for a in service.meeting(meeting_id).actions if a.person_id)
    with pytest.raises(RecordNotFoundError):
        therapist.set_action_status(hidden_action, ActionStatus.DONE)
    with pytest.raises(RecordNotFoundError):
        therapist.set_people(meeting_id, [mine, theirs])
    # Clearing the list removes only whom the therapist can see: Bilal stays discussed.
    therapist.set_people(meeting_id, [])
    assert [p.person_id for p in service.meeting(meeting_id).people] == [theirs]

    # A community officer sits in the weekly ASB meeting but sees no young person's name.
    community = unit.meetings(officer).meeting(meeting_id)
    assert community.people == [] and community.hidden_people == 1
    assert [a.description for a in community.actions] == ["Book a room"]
    assert "Khan" not in repr(community)


def test_audit_names_fields_and_holds_no_text(unit: Unit) -> None:
    canary = f"Canary{uuid.uuid4().hex[:12]}"
    person = unit.person("Amani", "Osei", unit.worker)
    service = unit.meetings()
    meeting_id = service.create_meeting(
        MeetingInput(MeetingKind.CASE_CONFERENCE, HELD_AT, canary, canary, agenda=canary)
    )
    service.set_attendees(meeting_id, [AttendeeInput(canary, canary, canary, False)])
    item = service.add_item(meeting_id, ItemInput(canary, canary, canary))
    service.update_item(item, ItemInput(canary, canary + "!", canary))
    action = service.add_action(
        meeting_id,
        ActionInput(canary, owner_id=unit.worker.account_id, young_person_id=person),
    )
    service.update_action(
        action,
        ActionInput(canary + "?", canary, unit.worker.account_id, young_person_id=person),
    )
    service.set_action_status(action, ActionStatus.DONE)

    with unit.signed_in.vault.sessions.begin() as session:
        entries = list(session.execute(select(AuditEntry)).scalars())
        assert entries
        for entry in entries:
            text = " ".join(
                str(v) for v in (entry.actor, entry.entity_type, entry.entity_id, entry.fields)
            )
            assert canary not in text and "Osei" not in text
    [created] = unit.audit(actions.MEETING_CREATED)
    assert created.fields == "agenda,chair_name,held_at,kind,place"
    [updated] = unit.audit(actions.MEETING_ACTION_UPDATED)
    assert updated.fields == "description,owner_name"
    assert [r.fields for r in unit.audit(actions.MEETING_ITEM_UPDATED)] == ["discussion"]
    assert [r.entity_type for r in unit.audit(actions.TASK_COMPLETED)] == ["task"]


def test_tracker_lists_open_actions_across_meetings(unit: Unit) -> None:
    service = unit.meetings()
    strategy = unit.meeting(MeetingKind.STRATEGY)
    review = service.create_meeting(
        MeetingInput(MeetingKind.REVIEW, HELD_AT - timedelta(days=20), chair_name="B. Chair")
    )
    soon = service.add_action(
        review, ActionInput("Call YOT", owner_name="YOT", due_on=unit.today + timedelta(2))
    )
    later = service.add_action(
        strategy, ActionInput("Write report", owner_name="SW", due_on=unit.today + timedelta(9))
    )
    undated = service.add_action(strategy, ActionInput("Find a venue", owner_name="IGXU"))
    done = service.add_action(review, ActionInput("Send minutes", owner_name="IGXU"))
    service.set_action_status(done, ActionStatus.DONE)
    unit.clock.advance(5 * 86400)  # the YOT call is now late

    rows = service.actions_tracker()
    assert [(r.id, r.meeting_kind, r.meeting_held_at, r.overdue) for r in rows] == [
        (soon, MeetingKind.REVIEW, HELD_AT - timedelta(days=20), True),
        (later, MeetingKind.STRATEGY, HELD_AT, False),
        (undated, MeetingKind.STRATEGY, HELD_AT, False),
    ]
    assert [r.id for r in service.actions_tracker(open_only=False)] == [
        soon,
        later,
        undated,
        done,
    ]
    listed = service.meetings(date(2025, 2, 1), date(2025, 3, 31))
    assert [(m.id, m.open_actions) for m in listed] == [(strategy, 2), (review, 1)]
    only = service.meetings(date(2025, 2, 1), date(2025, 3, 31), MeetingKind.REVIEW)
    assert [m.id for m in only] == [review]
    assert service.meetings(date(2025, 3, 14), date(2025, 3, 31)) == []

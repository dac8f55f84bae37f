"""Keeps a meeting action and the task it made on a young person's case in step, whichever of
the two is closed or reopened (task_service calls in here; this module imports no service)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.choices import ActionStatus, MeetingKind
from desktop.models.meetings import Meeting, MeetingAction
from desktop.models.tasks import Task
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.meeting_records import (
    CLOSED_ACTIONS,
    OPEN_ACTIONS,
    TITLE_LENGTH,
    kind_in_sentence,
)


def task_title(description: str) -> str:
    description = description.strip()
    if len(description) <= TITLE_LENGTH:
        return description
    return description[: TITLE_LENGTH - 1] + "…"


def task_detail(kind: MeetingKind, held_on: date) -> str:
    return f"From the {kind_in_sentence(kind)} on {held_on:%d/%m/%Y}"


def task_marked(session: Session, task: Task, done: bool, at: datetime, actor: str) -> None:
    """The task was completed or reopened: its meeting action (if any) follows."""
    action = session.execute(
        select(MeetingAction).where(MeetingAction.task_id == task.id)
    ).scalar_one_or_none()
    if action is None:
        return
    if done and action.status not in CLOSED_ACTIONS:
        action.status, action.done_on = ActionStatus.DONE, at.date()
    elif not done and action.status in CLOSED_ACTIONS:
        action.status, action.done_on = ActionStatus.TO_DO, None
    else:
        return
    action.updated_at = at
    audit_chain.append(
        session,
        at,
        actor,
        actions.MEETING_ACTION_STATUS_CHANGED,
        "meeting_action",
        str(action.id),
        ["status", "done_on"],
    )


def action_status_changed(
    session: Session, action: MeetingAction, at: datetime, actor: str
) -> None:
    """The action was closed (done or dropped) or reopened: its task (if any) follows."""
    if action.task_id is None:
        return
    task = session.get(Task, action.task_id)
    if task is None:
        return
    closed = action.status in CLOSED_ACTIONS
    if (task.done_at is not None) == closed:
        return
    task.done_at = at if closed else None
    audit_chain.append(
        session,
        at,
        actor,
        actions.TASK_COMPLETED if closed else actions.TASK_REOPENED,
        "task",
        str(task.id),
        ["done_at"],
    )


def keep_task_in_step(
    session: Session, meeting: Meeting, action: MeetingAction, at: datetime, user: CurrentUser
) -> None:
    """Makes the task for an action about a young person owned by staff, or brings its title,
    owner and due date into line with the action. The caller has checked the owner may open
    the young person's record."""
    person_id, owner_id = action.young_person_id, action.owner_id
    if person_id is None or owner_id is None:
        return
    new = {"title": task_title(action.description), "owner_id": owner_id, "due_on": action.due_on}
    task = session.get(Task, action.task_id) if action.task_id is not None else None
    if task is None:
        task = Task(
            young_person_id=person_id,
            detail=task_detail(meeting.kind, meeting.held_at.date()),
            done_at=None if action.status in OPEN_ACTIONS else at,
            created_at=at,
            created_by_id=user.account_id,
            **new,
        )
        session.add(task)
        session.flush()
        action.task_id = task.id
        fields = [name for name in (*new, "detail") if getattr(task, name) not in (None, "")]
        audit_chain.append(session, at, user.username, actions.CREATE, "task", str(task.id), fields)
        return
    changed = [name for name, value in new.items() if getattr(task, name) != value]
    for name in changed:
        setattr(task, name, new[name])
    if changed:
        audit_chain.append(
            session, at, user.username, actions.UPDATE, "task", str(task.id), changed
        )

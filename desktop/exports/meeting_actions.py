"""How the meeting documents write an action's due date, status and meeting."""

from __future__ import annotations

from desktop.exports.document_base import long_date
from desktop.models.choices import ActionStatus
from desktop.services.meeting_records import MeetingActionRow


def due_text(row: MeetingActionRow) -> str:
    if row.due_on is None:
        return "No date"
    return f"{long_date(row.due_on)}\nOverdue" if row.overdue else long_date(row.due_on)


def action_status(row: MeetingActionRow) -> str:
    if row.status is ActionStatus.DONE and row.done_on is not None:
        return f"Done\n{long_date(row.done_on)}"
    return row.status.label


def held_text(row: MeetingActionRow) -> str:
    return f"{row.meeting_kind.label}\n{long_date(row.meeting_held_at.astimezone().date())}"

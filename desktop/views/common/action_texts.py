"""How an action (from a meeting, an activity or an incident) shows in a table: its due date with
how late it is, its status with the day it was done, closed ones greyed and overdue dates red."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Protocol, TypeVar

from desktop.models.choices import ActionStatus
from desktop.views.caseload.tabs.dialog_fields import MUTED, OVERDUE_RED
from desktop.views.coaching.coaching_plan_parts import late_text
from desktop.views.common.rows_table_model import PLAIN, RowLook
from desktop.views.common.when import date_text


class ActionLike(Protocol):
    @property
    def due_on(self) -> date | None: ...
    @property
    def done_on(self) -> date | None: ...
    @property
    def status(self) -> ActionStatus: ...
    @property
    def overdue(self) -> bool: ...
    @property
    def is_open(self) -> bool: ...


Action = TypeVar("Action", bound=ActionLike)


def due_text(row: ActionLike, today: date) -> str:
    """'12/05/2025 · 3 days late', 'No date'."""
    if row.due_on is None:
        return "No date"
    if row.overdue:
        late = late_text(row.due_on, today)
        return f"{date_text(row.due_on)} · {late}" if late else date_text(row.due_on)
    return date_text(row.due_on)


def status_text(row: ActionLike) -> str:
    if row.status is ActionStatus.DONE and row.done_on is not None:
        return f"Done {date_text(row.done_on)}"
    return row.status.label


def action_look(due_column: int) -> Callable[[Action, int], RowLook]:
    """Closed actions greyed; an overdue date in bold red (and in words: 'days late')."""

    def look(row: Action, column: int) -> RowLook:
        if not row.is_open:
            return RowLook(foreground=MUTED)
        if column == due_column and row.overdue:
            return RowLook(foreground=OVERDUE_RED, bold=True)
        return PLAIN

    return look

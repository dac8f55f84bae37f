"""The subject access request list's columns and colours: overdue in red, due soon in amber."""

from __future__ import annotations

from desktop.models.choices import Rag, SarStatus
from desktop.services.subject_access_service import OPEN_STATUSES, SarRequestRow
from desktop.views.caseload.tabs.dialog_fields import MUTED, OVERDUE_RED, RAG_TINTS, day
from desktop.views.common.rows_table_model import PLAIN, RowLook, RowsTableModel

AMBER_TINT = RAG_TINTS[Rag.AMBER]
RED_TINT = RAG_TINTS[Rag.RED]


def subject_text(row: SarRequestRow) -> str:
    return (
        row.subject_name if row.subject_kind == "young_person" else f"{row.subject_name} (family)"
    )


def status_text(row: SarRequestRow) -> str:
    return row.status.label


COLUMNS = (
    ("Subject", subject_text),
    ("Requested by", lambda row: row.requested_by or "The subject"),
    ("Received", lambda row: day(row.received_on)),
    ("Due", lambda row: day(row.due_on)),
    ("Status", status_text),
    ("Warning", lambda row: row.warning),
)
DUE_COLUMN = 3
WARNING_COLUMN = 5


def request_look(row: SarRequestRow, column: int) -> RowLook:
    """The warning cell is tinted; the words say the same, so colour is never the only sign."""
    if row.status not in OPEN_STATUSES:
        return RowLook(foreground=MUTED)
    overdue = row.days_left < 0
    if column == WARNING_COLUMN and row.warning:
        return RowLook(background=RED_TINT if overdue else AMBER_TINT, bold=overdue)
    if column == DUE_COLUMN and overdue:
        return RowLook(foreground=OVERDUE_RED, bold=True)
    return PLAIN


def request_tooltip(row: SarRequestRow) -> str:
    if row.status is SarStatus.SENT:
        return "Sent: the request is complete"
    if row.status is SarStatus.WITHDRAWN:
        return "Withdrawn by the requester"
    return row.warning


class SubjectAccessTableModel(RowsTableModel[SarRequestRow]):
    def __init__(self) -> None:
        super().__init__(COLUMNS, request_look, request_tooltip)

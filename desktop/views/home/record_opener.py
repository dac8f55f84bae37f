"""From a home screen to a new chronology entry: the caseload has just opened the record the
home screen asked for; this starts the entry on it, as the record's own Ctrl+E would."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.views.caseload.caseload_view import CaseloadView
from desktop.views.caseload.person_record_view import PersonRecordView


def open_record_of(widget: QWidget, person_id: int) -> PersonRecordView | None:
    """The record open in the caseload that holds widget, if it is this young person's."""
    holder = widget.parentWidget()
    while holder is not None and not isinstance(holder, CaseloadView):
        holder = holder.parentWidget()
    if holder is None:
        return None  # a home screen shown on its own (in a test, say): nothing to open
    page = holder.open_page
    if isinstance(page, PersonRecordView) and page.record.id == person_id:
        return page
    return None


def add_entry_on_open_record(widget: QWidget, person_id: int) -> bool:
    """Starts a new chronology entry on the record; False if it is not open (refused)."""
    record = open_record_of(widget, person_id)
    if record is None:
        return False
    record.add_chronology_entry()
    return True

"""What the chronology service takes and returns: the entry form, list rows, whole entries and
versions, and the errors a view shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.models.choices import EntryType

SUMMARY_LIMIT = 300  # the column width in desktop/models/chronology.py
# A time typed as "now" on a PC whose clock runs a little ahead should still be accepted.
FUTURE_TOLERANCE = timedelta(minutes=5)


class ChronologyInputError(ValueError):
    """The entry form has mistakes, or the entry can no longer be changed; the message says."""


class StaleEntryError(Exception):
    """Someone else saved the entry after this user opened it."""

    def __init__(self) -> None:
        super().__init__(
            "This entry was changed by someone else meanwhile. Reopen it to see their changes, "
            "then make yours again."
        )


@dataclass(frozen=True)
class EntryInput:
    occurred_at: datetime
    entry_type: EntryType
    summary: str
    detail: str = ""
    significant: bool = False
    place_id: int | None = None
    group_id: int | None = None
    analysis: str = ""  # what the event means for the young person's safety

    def problems(self, now: datetime) -> list[str]:
        found = []
        if self.occurred_at.tzinfo is None:
            found.append("The date and time need a time zone.")
        elif self.occurred_at > now + FUTURE_TOLERANCE:
            found.append("The date and time are in the future.")
        summary = self.summary.strip()
        if not summary:
            found.append("Enter a summary.")
        elif len(summary) > SUMMARY_LIMIT:
            found.append(f"The summary is longer than {SUMMARY_LIMIT} characters.")
        return found


@dataclass(frozen=True)
class EntryRow:
    """One line of a young person's chronology (open the entry for its detail)."""

    id: int
    occurred_at: datetime
    entry_type: EntryType
    summary: str
    significant: bool
    author: str
    version: int  # above 1: the entry has been edited
    deleted_at: datetime | None
    deleted_by: str
    deletion_reason: str

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None


@dataclass(frozen=True)
class EntryView:
    """A whole entry, for reading it or filling the edit form (with version for edit_entry)."""

    id: int
    person_id: int
    details: EntryInput
    author: str
    created_at: datetime
    version: int
    deleted_at: datetime | None
    deleted_by: str
    deletion_reason: str


@dataclass(frozen=True)
class VersionRow:
    version: int
    occurred_at: datetime
    entry_type: EntryType
    summary: str
    detail: str
    significant: bool
    analysis: str
    written_by: str
    written_at: datetime
    replaced_at: datetime | None  # None: the current version
    replaced_by: str

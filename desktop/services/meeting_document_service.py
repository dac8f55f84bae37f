"""Meeting documents as Word files: a meeting's minutes with its action list, and the action
tracker across meetings. Both hold only what this user sees in Meetings: young people whose
records are closed to them, and actions about them, are left out (the minutes say how many).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from docx.document import Document
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.exports.action_tracker import build_action_tracker
from desktop.exports.meeting_minutes import build_minutes
from desktop.exports.safe_save import DocumentSaveError, docx_path
from desktop.exports.therapy_content import Author
from desktop.models.meetings import Meeting, MeetingAction
from desktop.services.audited_export import Build, ExportRecord, export_audited
from desktop.services.current_user import CurrentUser
from desktop.services.meeting_records import (
    OPEN_ACTIONS,
    action_rows,
    actions_query,
    read_meeting,
    tracker_order,
)
from desktop.services.permissions import Section, require_section
from desktop.services.record_access import RecordNotFoundError, visible_people

__all__ = ["ACTION_TRACKER", "MINUTES", "DocumentSaveError", "MeetingDocumentService"]

# The document kinds, as the audit log names them.
MINUTES = "meeting_minutes"
ACTION_TRACKER = "action_tracker"


class MeetingDocumentService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def minutes(self, meeting_id: int, destination: Path, password: str | None = None) -> Path:
        """Writes the meeting's minutes (".docx" added if missing); returns the path written.
        DocumentSaveError says, without the path, why a save failed."""
        require_section(self._user.role, Section.MEETINGS)

        def build(session: Session) -> tuple[Document, ExportRecord]:
            meeting = session.get(Meeting, meeting_id)
            if meeting is None:
                raise RecordNotFoundError()
            now = self._clock.now()
            view = read_meeting(session, meeting, visible_people(self._user, now), now.date())
            # Every young person the document names (the access report finds it by them).
            people = _people(
                [*(p.person_id for p in view.people), *(a.person_id for a in view.actions)]
            )
            return (
                build_minutes(view, self._author(), now),
                ExportRecord("meeting", str(meeting_id), [MINUTES, *people]),
            )

        return self._export(destination, build, password)

    def action_tracker(
        self, destination: Path, open_only: bool = True, password: str | None = None
    ) -> Path:
        """Writes the tracker of actions across meetings; as minutes otherwise."""
        require_section(self._user.role, Section.MEETINGS)

        def build(session: Session) -> tuple[Document, ExportRecord]:
            now = self._clock.now()
            query = actions_query(visible_people(self._user, self._clock.now()))
            if open_only:
                query = query.where(MeetingAction.status.in_(OPEN_ACTIONS))
            rows = action_rows(session, tracker_order(query), now.date())
            scope = "open_actions" if open_only else "all_actions"
            return (
                build_action_tracker(rows, self._author(), now, open_only),
                ExportRecord(
                    "meeting_action",
                    "tracker",
                    [ACTION_TRACKER, scope, *_people([r.person_id for r in rows])],
                ),
            )

        return self._export(destination, build, password)

    def _author(self) -> Author:
        return Author(self._user.display_name, self._user.role.label)

    def _export(self, destination: Path, build: Build, password: str | None) -> Path:
        target = docx_path(destination)
        username = self._user.username
        return export_audited(self._sessions, self._clock, username, target, build, password)


def _people(ids: Iterable[int | None]) -> list[str]:
    """The audit fields naming young people by id, once each."""
    return [f"young_person:{i}" for i in sorted({i for i in ids if i is not None})]

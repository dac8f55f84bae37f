"""Community documents as Word files: an engagement activity's insight report, and the strategy
progress report for a period. Neither names a young person or anyone who attended."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docx.document import Document
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.exports.insight_report import build_insight_report
from desktop.exports.safe_save import DocumentSaveError, docx_path
from desktop.exports.strategy_progress import build_progress_report
from desktop.exports.therapy_content import Author
from desktop.models.accounts import Account
from desktop.models.community import EngagementActivity
from desktop.services.audited_export import Build, ExportRecord, export_audited
from desktop.services.current_user import CurrentUser
from desktop.services.engagement_records import read_activity
from desktop.services.permissions import Section, require_section
from desktop.services.record_access import RecordNotFoundError
from desktop.services.strategy_service import read_progress

__all__ = ["INSIGHT_REPORT", "PROGRESS_REPORT", "CommunityDocumentService", "DocumentSaveError"]

# The document kinds, as the audit log names them.
INSIGHT_REPORT = "insight_report"
PROGRESS_REPORT = "strategy_progress_report"


class CommunityDocumentService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def insight_report(
        self, activity_id: int, destination: Path, password: str | None = None
    ) -> Path:
        """Writes the activity's insight report (".docx" added if missing); returns the path
        written. DocumentSaveError says, without the path, why a save failed."""
        require_section(self._user.role, Section.COMMUNITY)

        def build(session: Session) -> tuple[Document, ExportRecord]:
            activity = session.get(EngagementActivity, activity_id)
            if activity is None:
                raise RecordNotFoundError()
            now = self._clock.now()
            author = session.get(Account, activity.created_by_id)
            name = author.display_name if author is not None else ""
            view = read_activity(session, activity, now.date(), name)
            parts = [INSIGHT_REPORT]
            if view.attendance:
                parts.append("attendance")
            parts += [
                part
                for part in ("themes", "concerns", "findings", "recommendations")
                if getattr(view, part)
            ]
            if not view.ratings.empty:
                parts.append("ratings")
            if view.actions:
                parts.append("action_plan")
            return (
                build_insight_report(view, self._author(), now),
                ExportRecord("activity", str(activity_id), parts),
            )

        return self._export(destination, build, password)

    def progress_report(
        self, from_on: date, to_on: date, destination: Path, password: str | None = None
    ) -> Path:
        """Writes the strategy progress report for those days (inclusive); as above."""
        require_section(self._user.role, Section.COMMUNITY)
        if to_on < from_on:
            raise ValueError("The period ends before it starts.")

        def build(session: Session) -> tuple[Document, ExportRecord]:
            now = self._clock.now()
            progress = read_progress(session, from_on, to_on, now.date())
            period = f"{from_on.isoformat()}..{to_on.isoformat()}"
            return (
                build_progress_report(progress, self._author(), now),
                ExportRecord("strategy", period, [PROGRESS_REPORT]),
            )

        return self._export(destination, build, password)

    def _author(self) -> Author:
        return Author(self._user.display_name, self._user.role.label)

    def _export(self, destination: Path, build: Build, password: str | None) -> Path:
        target = docx_path(destination)
        username = self._user.username
        return export_audited(self._sessions, self._clock, username, target, build, password)

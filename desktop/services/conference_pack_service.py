"""The case-conference pack: an outline with entry counts, the content for one user, and the
Word document, saved whole and audited.

Whoever may open the young person's record may make the pack (the analyst and the community
officer may not: get_person refuses them). Family therapy comes only through therapy_shared, so
the pack holds shareable summaries of signed notes and never process notes, whoever exports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from docx.document import Document
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.exports.case_conference_pack import build_conference_pack
from desktop.exports.safe_save import DocumentSaveError, docx_path
from desktop.models.people import YoungPerson
from desktop.services import conference_sections as read
from desktop.services.audited_export import ExportRecord, export_audited
from desktop.services.conference_records import (
    DOCUMENT_KIND,
    SECTIONS,
    ActionPlanRow,
    ConferencePack,
    ExportCancelledError,
    PackOptions,
    PackSection,
    PackTexts,
    SharingLine,
    TherapyLine,
    ViewLine,
)
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import Section, require_section
from desktop.services.record_access import RecordNotFoundError, get_person, visible_people
from desktop.services.sharing_service import involved_agencies, sharing_rows
from desktop.services.therapy_shared import TherapySharedService

__all__ = [
    "SECTIONS",
    "ActionPlanRow",
    "ConferencePack",
    "ConferencePackService",
    "DocumentSaveError",
    "ExportCancelledError",
    "PackOptions",
    "PackSection",
    "PackTexts",
    "RecordNotFoundError",
]

Progress = Callable[[int], None]
Cancelled = Callable[[], bool]


class ConferencePackService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def outline(
        self,
        person_id: int,
        start: date | None,
        end: date | None,
        sections: tuple[PackSection, ...] = SECTIONS,
        texts: PackTexts | None = None,
    ) -> list[tuple[PackSection, int]]:
        """Each chosen section, in the pack's order, with its count of entries (0: left out)."""
        pack = self.build(person_id, start, end, sections, texts or PackTexts())
        return [(section, pack.count(section)) for section in SECTIONS if section in sections]

    def build(
        self,
        person_id: int,
        start: date | None,
        end: date | None,
        sections: tuple[PackSection, ...] = SECTIONS,
        texts: PackTexts | None = None,
    ) -> ConferencePack:
        """The pack's content for this user; only chosen sections with something in them."""
        texts = texts or PackTexts()
        # therapy_shared runs its own (read) transaction, so it runs before ours begins.
        therapy = (
            self._therapy(person_id, start, end) if PackSection.INVOLVEMENT in sections else ()
        )
        with self._sessions.begin() as session:
            return self._build(session, person_id, start, end, sections, texts, therapy)

    def export(
        self,
        person_id: int,
        destination: Path,
        options: PackOptions | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> Path:
        """Writes the pack (".docx" added if missing) and returns the path written.
        ExportCancelledError if cancelled (nothing written); DocumentSaveError says, without
        the path, why a save failed."""
        options = options or PackOptions()
        report = progress or (lambda _percent: None)

        def check(percent: int) -> None:
            if cancelled is not None and cancelled():
                raise ExportCancelledError()
            report(percent)

        target = docx_path(destination)
        check(0)
        wanted = options.sections
        therapy = (
            self._therapy(person_id, options.start, options.end)
            if PackSection.INVOLVEMENT in wanted
            else ()
        )
        check(10)

        def make(session: Session) -> tuple[Document, ExportRecord]:
            pack = self._build(
                session, person_id, options.start, options.end, wanted, options.texts, therapy
            )
            pack = replace(pack, version=options.version, distribution=options.distribution)
            check(30)
            total = max(1, len(pack.sections))

            def section_done(number: int) -> None:
                check(30 + 60 * number // total)

            document = build_conference_pack(pack, section_done)
            check(90)
            # Section names only: the path may hold a name, the text is the young person's.
            sections = [section.value for section in pack.sections]
            return document, ExportRecord(
                "young_person", str(person_id), [DOCUMENT_KIND, *sections]
            )

        username = self._user.username
        password = options.password or None
        export_audited(self._sessions, self._clock, username, target, make, password)
        report(100)
        return target

    def find_person(self, case_reference: str) -> int:
        """The id of the young person with this case reference, if this user may open the
        record; otherwise RecordNotFoundError (the two are not told apart)."""
        require_section(self._user.role, Section.CASELOAD)
        with self._sessions.begin() as session:
            found = session.execute(
                select(YoungPerson.id).where(
                    func.upper(YoungPerson.case_reference) == case_reference.strip().upper(),
                    visible_people(self._user, self._clock.now()),
                )
            ).scalar_one_or_none()
        if found is None:
            raise RecordNotFoundError()
        return found

    # ---- helpers -------------------------------------------------------------------------
    def _therapy(
        self, person_id: int, start: date | None, end: date | None
    ) -> tuple[TherapyLine, ...]:
        shared = TherapySharedService(self._sessions, self._user, self._clock)
        lines = []
        for row in shared.sessions_of(person_id):
            day = row.starts_at.astimezone().date()
            if not row.summary.strip() or (start and day < start) or (end and day > end):
                continue
            lines.append(TherapyLine(day, row.outcome.label, row.therapist, row.summary.strip()))
        return tuple(sorted(lines, key=lambda line: line.held_on))

    def _build(
        self,
        session: Session,
        person_id: int,
        start: date | None,
        end: date | None,
        sections: tuple[PackSection, ...],
        texts: PackTexts,
        therapy: tuple[TherapyLine, ...],
    ) -> ConferencePack:
        person = get_person(session, self._user, person_id, self._clock.now())
        now = self._clock.now()
        today = now.astimezone().date()
        wanted = set(sections)
        sharing, unshared = _sharing(session, person.id, today)
        pack = ConferencePack(
            person_name=f"{person.given_name} {person.family_name}".strip(),
            date_of_birth=person.date_of_birth,
            case_reference=person.case_reference,
            meeting_date=texts.meeting_date,
            author=self._user.display_name,
            author_role=self._user.role.label,
            made_at=now,
            start=start,
            end=end,
            sections=(),
            current_rag=person.rag.label if person.rag else "",
            sharing=sharing,
            unshared_agencies=unshared,
        )
        parts: dict[str, object] = {}
        if PackSection.PROFILE in wanted:
            parts["profile"] = read.profile(session, person, today)
            parts["network"] = read.network(session, person.id)
        if PackSection.LAST_SEEN in wanted:
            parts["last_seen"] = read.last_seen(session, person.id, end)
        if PackSection.REFERRAL in wanted:
            parts["referrals"] = read.referrals(session, person.id, end)
        if PackSection.RISK in wanted:
            parts["ratings"] = read.ratings(session, person.id, start, end)
            parts["flags"] = read.flags(session, person.id, start, end)
        if PackSection.EVENTS in wanted:
            parts["events"] = read.events(session, person.id, start, end)
        if PackSection.INVOLVEMENT in wanted:
            parts["interventions"] = read.interventions(session, person.id, start, end)
            parts["therapy"] = therapy
            parts["coaching"] = read.coaching(session, person.id, start, end, now)
        if PackSection.VIEWS in wanted:
            parts["views"] = _views(texts, read.coaching_aspirations(session, person.id))
        if PackSection.WORRIES in wanted:
            parts["worries"] = texts.worries.strip()
            parts["working_well"] = texts.working_well.strip()
            parts["needs_to_happen"] = texts.needs_to_happen.strip()
        if PackSection.RECOMMENDATIONS in wanted:
            parts["recommendations"] = texts.recommendations.strip()
        if PackSection.ACTION_PLAN in wanted:
            parts["action_plan"] = tuple(row for row in texts.action_plan if row.filled)
        pack = replace(pack, **parts)  # type: ignore[arg-type]
        kept = tuple(s for s in SECTIONS if s in wanted and pack.count(s) > 0)
        return replace(pack, sections=kept)


def _views(texts: PackTexts, aspirations: str) -> tuple[ViewLine, ...]:
    views = [
        ViewLine("The young person's views", texts.young_person_views.strip()),
        ViewLine("The family's views", texts.family_views.strip()),
        ViewLine("Their hopes, as recorded in their employment coaching plan", aspirations),
    ]
    return tuple(view for view in views if view.words)


def _sharing(
    session: Session, person_id: int, today: date
) -> tuple[tuple[SharingLine, ...], tuple[str, ...]]:
    """The basis for sharing with the agencies at the conference: each current consent or
    decision, and the network's agencies that none of them covers."""
    current = [row for row in sharing_rows(session, person_id, today) if row.current]
    lines = tuple(
        SharingLine(
            row.agency_text,
            row.kind.label,
            row.lawful_basis.label,
            row.given_by,
            row.decided_on,
            row.review_on,
            row.scope,
        )
        for row in sorted(current, key=lambda row: (row.agency != "", row.agency.casefold()))
    )
    covered = {row.agency.casefold() for row in current}
    unshared: tuple[str, ...] = ()
    if "" not in covered:  # a basis for any agency in the plan covers every one of them
        unshared = tuple(
            a for a in involved_agencies(session, person_id) if a.casefold() not in covered
        )
    return lines, unshared

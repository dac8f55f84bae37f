"""A subject access request's documents: the pack for the requester (disclosed items with their
redactions applied, withheld items left out) and the council's disclosure log. Coordinator only;
both refused while any item is unreviewed, both audited as exported by the request's id."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from docx.document import Document
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.exports.disclosure_log import (
    LogContent,
    LogItem,
    LogRedaction,
    Reviewer,
    build_disclosure_log,
)
from desktop.exports.safe_save import DocumentSaveError, docx_path
from desktop.exports.subject_access_pack import (
    PackContent,
    PackItem,
    PackSection,
    build_subject_access_pack,
)
from desktop.models.accounts import Account
from desktop.models.choices import SarDecision
from desktop.models.data_protection import SarItemReview, SubjectAccessRequest
from desktop.models.network import Contact
from desktop.models.people import YoungPerson
from desktop.services.access_report import access_events
from desktop.services.audited_export import ExportRecord, export_audited
from desktop.services.current_user import CurrentUser
from desktop.services.sar_items import Gathered, SarItem, gather
from desktop.services.sar_review_service import (
    EVERYWHERE,
    ItemReview,
    Redaction,
    SarNotReadyError,
    load_request,
    redactions_of,
    require_coordinator,
    reviews_of,
    unreviewed,
)
from desktop.services.sar_suggestions import redacted_text, redaction_count

__all__ = ["DISCLOSURE_LOG", "PACK", "DocumentSaveError", "SarDocumentService", "reference_of"]

# The document kinds, as the audit log names them.
PACK = "subject_access_pack"
DISCLOSURE_LOG = "disclosure_log"
ENTITY = "subject_access_request"


def reference_of(request_id: int) -> str:
    """The request's reference as the pack and the log print it."""
    return f"SAR-{request_id:05d}"


class SarDocumentService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def export_pack(self, request_id: int, path: Path, password: str | None = None) -> Path:
        """Writes the pack (".docx" added if missing); returns the path written.
        SarNotReadyError while any item is unreviewed; DocumentSaveError says why a save
        failed, without the path."""

        def build(session: Session) -> tuple[Document, ExportRecord]:
            request, found, reviews, redactions = self._read(session, request_id)
            sections: dict[str, list[PackItem]] = {}
            redacted = False
            for item in found.items:
                if reviews[item.key].decision is SarDecision.WITHHOLD:
                    continue
                words = _words(item.key, redactions)
                title = redacted_text(item.title, words)
                text = redacted_text(item.text, words)
                redacted = redacted or (title, text) != (item.title, item.text)
                sections.setdefault(item.section, []).append(
                    PackItem(item.kind, item.on, title, text)
                )
            withheld = sum(1 for item in found.items if _withheld(reviews, item))
            events = None
            if request.include_access_report and request.young_person_id is not None:
                events = tuple(access_events(session, request.young_person_id))
            pack = PackContent(
                subject_name=found.subject_name,
                subject_detail=self._subject_detail(session, request),
                reference=reference_of(request.id),
                requested_by=request.requested_by,
                received_on=request.received_on,
                due_on=request.due_on,
                author=self._user.display_name,
                author_role=self._user.role.label,
                made_at=self._clock.now(),
                sections=tuple(PackSection(h, tuple(i)) for h, i in sections.items()),
                redacted=redacted,
                withheld=withheld,
                access_events=events,
            )
            contents = [PACK, *sections, *(["access_report"] if events is not None else [])]
            return build_subject_access_pack(pack), ExportRecord(ENTITY, str(request.id), contents)

        return self._export(request_id, path, build, password)

    def export_disclosure_log(
        self, request_id: int, path: Path, password: str | None = None
    ) -> Path:
        """Writes the disclosure log; as export_pack otherwise."""

        def build(session: Session) -> tuple[Document, ExportRecord]:
            request, found, reviews, redactions = self._read(session, request_id)
            items = tuple(_log_item(item, reviews[item.key], redactions) for item in found.items)
            disclosed = [item for item in found.items if not _withheld(reviews, item)]
            everywhere = tuple(
                LogRedaction(
                    r.text,
                    r.reason,
                    sum(redaction_count(f"{i.title}\n{i.text}", [r.text]) for i in disclosed),
                )
                for r in redactions
                if r.item_key == EVERYWHERE
            )
            log = LogContent(
                subject_name=found.subject_name,
                subject_detail=self._subject_detail(session, request, internal=True),
                reference=reference_of(request.id),
                requested_by=request.requested_by,
                received_on=request.received_on,
                due_on=request.due_on,
                author=self._user.display_name,
                author_role=self._user.role.label,
                made_at=self._clock.now(),
                items=items,
                pack_redactions=everywhere,
                process_notes=found.process_notes,
                earlier_versions=found.earlier_versions,
                reviewers=_reviewers(session, request.id),
                access_report=request.include_access_report,
            )
            return build_disclosure_log(log), ExportRecord(
                ENTITY, str(request.id), [DISCLOSURE_LOG]
            )

        return self._export(request_id, path, build, password)

    # ---- helpers -------------------------------------------------------------------------
    def _read(
        self, session: Session, request_id: int
    ) -> tuple[SubjectAccessRequest, Gathered, dict[str, ItemReview], list[Redaction]]:
        request = load_request(session, self._user, request_id)
        found = gather(session, self._user, request, self._clock.now())
        reviews = reviews_of(session, request_id)
        waiting = unreviewed(found.items, reviews)
        if waiting:
            total = len(found.items)
            items = "item is" if waiting == 1 else "items are"
            raise SarNotReadyError(
                f"{waiting} of {total} {items} not reviewed yet. Decide on every item before "
                "exporting."
            )
        return request, found, reviews, redactions_of(session, request_id)

    def _subject_detail(
        self, session: Session, request: SubjectAccessRequest, internal: bool = False
    ) -> str:
        if request.young_person_id is not None:
            person = session.get(YoungPerson, request.young_person_id)
            return f"Young person, case reference {person.case_reference}" if person else ""
        contact = session.get(Contact, request.contact_id or 0)
        if contact is None:
            return ""
        what = (
            f"Family member ({contact.relationship})" if contact.relationship else "Family member"
        )
        if not internal:
            return what
        person = session.get(YoungPerson, contact.young_person_id)
        return f"{what} on the record {person.case_reference}" if person else what

    def _export(
        self,
        request_id: int,
        destination: Path,
        build: Callable[[Session], tuple[Document, ExportRecord]],
        password: str | None,
    ) -> Path:
        require_coordinator(self._user, "export subject access packs")
        target = docx_path(destination)
        username = self._user.username
        return export_audited(self._sessions, self._clock, username, target, build, password)


def _words(item_key: str, redactions: Sequence[Redaction]) -> list[str]:
    return [r.text for r in redactions if r.item_key in (item_key, EVERYWHERE)]


def _withheld(reviews: dict[str, ItemReview], item: SarItem) -> bool:
    return reviews[item.key].decision is SarDecision.WITHHOLD


def _log_item(item: SarItem, review: ItemReview, redactions: Sequence[Redaction]) -> LogItem:
    """The item as the log lists it; each redaction counted where it was applied (longest
    first, as the pack applies them, so overlapping words are not counted twice)."""
    text = f"{item.title}\n{item.text}"
    made = []
    applying = [r for r in redactions if r.item_key in (item.key, EVERYWHERE)]
    withheld = review.decision is SarDecision.WITHHOLD
    for r in sorted(applying, key=lambda r: len(r.text), reverse=True):
        count = redaction_count(text, [r.text])
        text = redacted_text(text, [r.text])
        if count and not withheld:
            where = " (whole pack)" if r.item_key == EVERYWHERE else ""
            made.append(LogRedaction(r.text, f"{r.reason}{where}", count))
    return LogItem(
        item.section,
        item.kind,
        item.on,
        item.title,
        review.decision.label,
        review.reason,
        tuple(made),
        withheld,
    )


def _reviewers(session: Session, request_id: int) -> tuple[Reviewer, ...]:
    rows = session.execute(
        select(SarItemReview.reviewed_by_id, Account.display_name, SarItemReview.reviewed_at)
        .join(Account, Account.id == SarItemReview.reviewed_by_id)
        .where(SarItemReview.request_id == request_id)
    )
    names: dict[int, str] = {}
    times: dict[int, list[datetime]] = {}
    for account_id, name, at in rows:
        names[account_id] = name
        times.setdefault(account_id, []).append(at)
    found = [Reviewer(names[a], len(t), min(t), max(t)) for a, t in times.items()]
    return tuple(sorted(found, key=lambda reviewer: reviewer.first))

"""Reviewing a subject access request's contents: the items gathered about the subject, other
people's names suggested for redaction, a decision on each item (disclose, disclose redacted,
withhold), the words redacted, and progress. Coordinator only; every change is audited by ids
and field names (never the words redacted) and puts the request in review."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Role
from desktop.models.choices import SarDecision, SarStatus
from desktop.models.data_protection import SarItemReview, SarRedaction, SubjectAccessRequest
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.services.sar_items import Gathered, SarItem, gather
from desktop.services.sar_suggestions import Suggestion, mentions, name_index
from desktop.services.sar_suggestions import redacted_text as redacted_text

__all__ = [
    "REDACTION_REASONS",
    "WITHHOLD_REASONS",
    "ItemReview",
    "Redaction",
    "SarInputError",
    "SarItem",
    "SarNotReadyError",
    "SarReviewService",
    "Suggestion",
    "redacted_text",
]

ENTITY = "subject_access_request"
EVERYWHERE = "*"
MAX_REDACTION = 400

# Standard reasons (UK GDPR and the Data Protection Act 2018, schedule 2 and 3), the first the
# default; the reviewer may write their own.
REDACTION_REASONS: tuple[str, ...] = (
    "Another person's information (third party)",
    "Given in confidence by another person",
    "Likely to cause serious harm to someone's physical or mental health",
    "Would prejudice the prevention or detection of crime",
    "Legal professional privilege",
)
WITHHOLD_REASONS: tuple[str, ...] = (
    "About another person, not the requester",
    "Another person's information that cannot be separated by redaction",
    "Likely to cause serious harm to someone's physical or mental health",
    "Would prejudice the prevention or detection of crime",
    "Legal professional privilege",
    "Repeats an item already in the pack",
)


@dataclass(frozen=True)
class Redaction:
    id: int
    item_key: str  # "*" = wherever the words appear in the pack
    text: str
    reason: str


@dataclass(frozen=True)
class ItemReview:
    item_key: str
    decision: SarDecision
    reason: str


class SarInputError(ValueError):
    """What the reviewer entered cannot be saved; the message says why."""


class SarNotReadyError(ValueError):
    """An export refused: the message says how many items are not reviewed."""


def require_coordinator(user: CurrentUser, doing: str) -> None:
    if user.role is not Role.COORDINATOR:
        raise PermissionDeniedError(doing)


def load_request(session: Session, user: CurrentUser, request_id: int) -> SubjectAccessRequest:
    require_coordinator(user, "work on subject access requests")
    request = session.get(SubjectAccessRequest, request_id)
    if request is None:
        raise RecordNotFoundError()
    return request


def reviews_of(session: Session, request_id: int) -> dict[str, ItemReview]:
    rows = session.execute(select(SarItemReview).where(SarItemReview.request_id == request_id))
    return {
        row.item_key: ItemReview(row.item_key, row.decision, row.reason) for row in rows.scalars()
    }


def redactions_of(session: Session, request_id: int) -> list[Redaction]:
    rows = session.execute(
        select(SarRedaction).where(SarRedaction.request_id == request_id).order_by(SarRedaction.id)
    )
    return [Redaction(r.id, r.item_key, r.text, r.reason) for r in rows.scalars()]


def words_for(item_key: str, redactions: Iterable[Redaction]) -> list[str]:
    """The words blacked out of one item: its own redactions and the whole pack's."""
    return [r.text for r in redactions if r.item_key in (item_key, EVERYWHERE)]


def unreviewed(items: Iterable[SarItem], reviews: dict[str, ItemReview]) -> int:
    return sum(1 for item in items if item.key not in reviews)


class SarReviewService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def items(self, request_id: int) -> list[SarItem]:
        """Everything held about the subject, in pack order."""
        with self._sessions.begin() as session:
            return list(self._gather(session, request_id).items)

    def suggestions(self, request_id: int, item_key: str) -> list[Suggestion]:
        """Other people's names found in that item (title and text), not yet redacted there."""
        with self._sessions.begin() as session:
            found = self._gather(session, request_id)
            item = _item(found, item_key)
            done = words_for(item_key, redactions_of(session, request_id))
            index = name_index(session, self._user, self._clock.now(), found.subject_names)
            return index.find(f"{item.title}\n{item.text}", skip=done)

    def reviews(self, request_id: int) -> dict[str, ItemReview]:
        with self._sessions.begin() as session:
            load_request(session, self._user, request_id)
            return reviews_of(session, request_id)

    def redactions(self, request_id: int) -> list[Redaction]:
        with self._sessions.begin() as session:
            load_request(session, self._user, request_id)
            return redactions_of(session, request_id)

    def decide(self, request_id: int, item_key: str, decision: SarDecision, reason: str) -> None:
        self.decide_many(request_id, [item_key], decision, reason)

    def decide_many(
        self, request_id: int, item_keys: Sequence[str], decision: SarDecision, reason: str
    ) -> None:
        """One decision for several items at once (e.g. "disclose the rest"), in one
        transaction; each item is audited."""
        reason = reason.strip()
        if decision is not SarDecision.DISCLOSE and not reason:
            what = "withholding" if decision is SarDecision.WITHHOLD else "redacting"
            raise SarInputError(f"Give the reason for {what} this item.")
        with self._sessions.begin() as session:
            request = self._open_for_change(session, request_id)
            found = self._gather(session, request_id)
            for key in item_keys:
                _item(found, key)
            existing = {
                row.item_key: row
                for row in session.execute(
                    select(SarItemReview).where(SarItemReview.request_id == request_id)
                ).scalars()
            }
            now = self._clock.now()
            for key in item_keys:
                row = existing.get(key)
                if row is None:
                    row = existing[key] = SarItemReview(request_id=request_id, item_key=key)
                    session.add(row)
                row.decision = decision
                row.reason = reason if decision is not SarDecision.DISCLOSE else ""
                row.reviewed_by_id = self._user.account_id
                row.reviewed_at = now
                self._changed(session, request, actions.SAR_ITEM_DECIDED, key, decision.value)

    def redact(self, request_id: int, item_key: str, text: str, reason: str) -> int:
        """Blacks out the words in one item, or (item_key "*") wherever they appear."""
        words, reason = " ".join(text.split()), reason.strip()
        if not words:
            raise SarInputError("Enter the words to redact.")
        if len(words) > MAX_REDACTION:
            raise SarInputError(f"Redact at most {MAX_REDACTION} characters at a time.")
        if not reason:
            raise SarInputError("Give the reason for the redaction.")
        with self._sessions.begin() as session:
            request = self._open_for_change(session, request_id)
            if item_key != EVERYWHERE:
                item = _item(self._gather(session, request_id), item_key)
                if not mentions(f"{item.title}\n{item.text}", words):
                    raise SarInputError(
                        "Those words are not in this item (as whole words). Check the spelling."
                    )
            row = SarRedaction(
                request_id=request_id,
                item_key=item_key,
                text=words,
                reason=reason,
                redacted_by_id=self._user.account_id,
                redacted_at=self._clock.now(),
            )
            session.add(row)
            session.flush()
            self._changed(session, request, actions.SAR_REDACTION_ADDED, item_key, str(row.id))
            return row.id

    def unredact(self, request_id: int, redaction_id: int) -> None:
        with self._sessions.begin() as session:
            request = self._open_for_change(session, request_id)
            row = session.get(SarRedaction, redaction_id)
            if row is None or row.request_id != request_id:
                raise SarInputError("That redaction has already been removed.")
            item_key = row.item_key
            session.execute(delete(SarRedaction).where(SarRedaction.id == redaction_id))
            self._changed(
                session, request, actions.SAR_REDACTION_REMOVED, item_key, str(redaction_id)
            )

    def progress(self, request_id: int) -> tuple[int, int]:
        """(reviewed, total): items with a decision, of all items gathered now."""
        with self._sessions.begin() as session:
            items = self._gather(session, request_id).items
            reviews = reviews_of(session, request_id)
            return len(items) - unreviewed(items, reviews), len(items)

    # ---- helpers -------------------------------------------------------------------------
    def _gather(self, session: Session, request_id: int) -> Gathered:
        request = load_request(session, self._user, request_id)
        return gather(session, self._user, request, self._clock.now())

    def _open_for_change(self, session: Session, request_id: int) -> SubjectAccessRequest:
        request = load_request(session, self._user, request_id)
        if request.status is SarStatus.WITHDRAWN:
            raise SarInputError("This request was withdrawn: its review cannot be changed.")
        if request.status is SarStatus.SENT:
            # The pack went out as reviewed: the review stays the record of what was sent.
            raise SarInputError("This request was answered: its review cannot be changed.")
        return request

    def _changed(
        self, session: Session, request: SubjectAccessRequest, action: str, key: str, what: str
    ) -> None:
        """Audits a change (the item's key and the decision or redaction id, never words) and
        puts the request in review."""
        fields = ["item_key"]
        if request.status is not SarStatus.IN_REVIEW:
            request.status = SarStatus.IN_REVIEW
            fields.append("status")
        audit_chain.append(
            session,
            self._clock.now(),
            self._user.username,
            action,
            ENTITY,
            str(request.id),
            fields,
            outcome=f"{key} {what}",
        )


def _item(found: Gathered, item_key: str) -> SarItem:
    for item in found.items:
        if item.key == item_key:
            return item
    raise SarInputError("That item is no longer among the subject's records. Refresh the list.")

"""Data protection duties: restricted records and break-glass access, retention and disposal,
subject access requests with their redactions, and consent and information-sharing decisions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, UtcDateTime, choice
from desktop.models.choices import (
    LawfulBasis,
    RecordKind,
    RetentionDecisionKind,
    RetentionTrigger,
    SarDecision,
    SarStatus,
    SharingKind,
)


class RecordRestriction(Base):
    """A young person's record closed to all but the staff named on it."""

    __tablename__ = "record_restrictions"

    young_person_id: Mapped[int] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), primary_key=True
    )
    reason: Mapped[str] = mapped_column(Text, default="")
    restricted_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    restricted_at: Mapped[datetime] = mapped_column(UtcDateTime)


class RestrictionMember(Base):
    """A member of staff named on a restricted record."""

    __tablename__ = "restriction_members"
    __table_args__ = (UniqueConstraint("young_person_id", "account_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    young_person_id: Mapped[int] = mapped_column(
        ForeignKey("record_restrictions.young_person_id", ondelete="CASCADE")
    )
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)


class RestrictionLift(Base):
    """A restriction that was lifted: when it began and ended, who lifted it and why."""

    __tablename__ = "restriction_lifts"

    id: Mapped[int] = mapped_column(primary_key=True)
    young_person_id: Mapped[int] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    restricted_at: Mapped[datetime] = mapped_column(UtcDateTime)
    reason: Mapped[str] = mapped_column(Text)
    lifted_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    lifted_at: Mapped[datetime] = mapped_column(UtcDateTime)


class BreakGlassAccess(Base):
    """A user not named on a restricted record opening it anyway, with a reason, for a while."""

    __tablename__ = "break_glass_access"
    __table_args__ = (
        Index("ix_break_glass_access_person_account", "young_person_id", "account_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    young_person_id: Mapped[int] = mapped_column(ForeignKey("young_people.id", ondelete="CASCADE"))
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    reason: Mapped[str] = mapped_column(Text)
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # The coordinator has seen it (the break-glass list shows the unseen ones first).
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)
    reviewed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)


class RetentionRule(Base):
    """How long one kind of record is kept: so many years after a trigger date."""

    __tablename__ = "retention_rules"

    record_kind: Mapped[RecordKind] = mapped_column(choice(RecordKind), primary_key=True)
    trigger: Mapped[RetentionTrigger] = mapped_column(choice(RetentionTrigger))
    years: Mapped[int]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)


class RetentionDecision(Base):
    """A review of one record that fell due: dispose of it, or keep it (reason, next review)."""

    __tablename__ = "retention_decisions"
    __table_args__ = (Index("ix_retention_decisions_record", "record_kind", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_kind: Mapped[RecordKind] = mapped_column(choice(RecordKind))
    record_id: Mapped[int]
    decision: Mapped[RetentionDecisionKind] = mapped_column(choice(RetentionDecisionKind))
    reason: Mapped[str] = mapped_column(Text, default="")
    next_review_on: Mapped[date | None] = mapped_column(default=None)
    decided_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    decided_at: Mapped[datetime] = mapped_column(UtcDateTime)


class LegalHold(Base):
    """Disposal stopped for one record (kind and id) or, with neither, for every record."""

    __tablename__ = "legal_holds"

    id: Mapped[int] = mapped_column(primary_key=True)
    record_kind: Mapped[RecordKind | None] = mapped_column(choice(RecordKind), default=None)
    record_id: Mapped[int | None] = mapped_column(default=None, index=True)
    reason: Mapped[str] = mapped_column(Text)
    # The inquiry's or litigation's own reference.
    reference: Mapped[str] = mapped_column(String(120), default="")
    placed_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    placed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    lifted_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)
    lifted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    lift_reason: Mapped[str] = mapped_column(Text, default="")


class DisposalLogEntry(Base):
    """What is left of a disposed record: its kind, internal number, rule and who authorised it.

    Nothing here may identify the person (no names, references, dates of birth or text)."""

    __tablename__ = "disposal_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    record_kind: Mapped[RecordKind] = mapped_column(choice(RecordKind))
    record_id: Mapped[int]
    rule: Mapped[str] = mapped_column(String(200), default="")
    rows_removed: Mapped[int] = mapped_column(default=0)
    authorised_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    disposed_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SubjectAccessRequest(Base):
    """A request by a young person or a family member (a contact) for what Casebook holds."""

    __tablename__ = "subject_access_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    young_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), default=None, index=True
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), default=None, index=True
    )
    # Who asked, when they are not the subject (a parent, a solicitor), in their own words.
    requested_by: Mapped[str] = mapped_column(String(200), default="")
    received_on: Mapped[date]
    due_on: Mapped[date]
    identity_checked_on: Mapped[date | None] = mapped_column(default=None)
    identity_evidence: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[SarStatus] = mapped_column(choice(SarStatus), default=SarStatus.RECEIVED)
    include_access_report: Mapped[bool] = mapped_column(default=False)
    completed_on: Mapped[date | None] = mapped_column(default=None)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SarItemReview(Base):
    """The reviewer's decision on one gathered item: disclose, disclose redacted, or withhold."""

    __tablename__ = "sar_item_reviews"
    __table_args__ = (UniqueConstraint("request_id", "item_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("subject_access_requests.id", ondelete="CASCADE")
    )
    # Which item: its table and id, e.g. "chronology_entries:42".
    item_key: Mapped[str] = mapped_column(String(80))
    decision: Mapped[SarDecision] = mapped_column(choice(SarDecision))
    reason: Mapped[str] = mapped_column(Text, default="")
    reviewed_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    reviewed_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SarRedaction(Base):
    """Words blacked out of the pack: in one item, or (item_key "*") wherever they appear."""

    __tablename__ = "sar_redactions"
    __table_args__ = (Index("ix_sar_redactions_request_item", "request_id", "item_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("subject_access_requests.id", ondelete="CASCADE")
    )
    item_key: Mapped[str] = mapped_column(String(80))
    text: Mapped[str] = mapped_column(String(400))
    reason: Mapped[str] = mapped_column(Text, default="")
    redacted_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    redacted_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SharingDecision(Base):
    """A consent given or a decision to share a young person's information, with its basis."""

    __tablename__ = "sharing_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    young_person_id: Mapped[int] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[SharingKind] = mapped_column(choice(SharingKind))
    lawful_basis: Mapped[LawfulBasis] = mapped_column(choice(LawfulBasis))
    # Who gave the consent (the young person, a parent) or made the decision (a manager).
    given_by: Mapped[str] = mapped_column(String(200))
    # The agency it may be shared with ("" for any agency in the plan).
    agency: Mapped[str] = mapped_column(String(200), default="")
    scope: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[date]
    review_on: Mapped[date | None] = mapped_column(default=None)
    withdrawn_on: Mapped[date | None] = mapped_column(default=None)
    withdrawal_reason: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)

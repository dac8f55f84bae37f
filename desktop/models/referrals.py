"""Referrals into the unit; a young person may be referred more than once."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, UtcDateTime, choice
from desktop.models.choices import ReferralDecision, ReferralSource


class Referral(Base):
    __tablename__ = "referrals"

    id: Mapped[int] = mapped_column(primary_key=True)
    young_person_id: Mapped[int] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    received_on: Mapped[date]
    source: Mapped[ReferralSource] = mapped_column(choice(ReferralSource))
    referrer: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    concerns: Mapped[str] = mapped_column(Text, default="")
    consent_to_engage: Mapped[bool] = mapped_column(default=False)
    consent_to_share: Mapped[bool] = mapped_column(default=False)
    consent_given_by: Mapped[str] = mapped_column(String(200), default="")
    consent_given_on: Mapped[date | None] = mapped_column(default=None)
    decision: Mapped[ReferralDecision] = mapped_column(
        choice(ReferralDecision), default=ReferralDecision.PENDING
    )
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[date | None] = mapped_column(default=None)
    allocated_to_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))

"""Every change of a case's status: dated, attributed, with the reason and outcome of closing."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, UtcDateTime, choice
from desktop.models.choices import CaseStatus, ClosureOutcome, ClosureReason


class StatusChange(Base):
    __tablename__ = "status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    young_person_id: Mapped[int] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[CaseStatus | None] = mapped_column(choice(CaseStatus))
    to_status: Mapped[CaseStatus] = mapped_column(choice(CaseStatus))
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    changed_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    # On a closing only: the reason and outcome as categories, so closures can be counted.
    closure_reason: Mapped[ClosureReason | None] = mapped_column(
        choice(ClosureReason), default=None
    )
    closure_outcome: Mapped[ClosureOutcome | None] = mapped_column(
        choice(ClosureOutcome), default=None
    )

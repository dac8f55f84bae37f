"""Interventions, support first; enforcement only as a last resort, with its rationale."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, UtcDateTime, choice
from desktop.models.choices import InterventionType


class Intervention(Base):
    __tablename__ = "interventions"

    id: Mapped[int] = mapped_column(primary_key=True)
    young_person_id: Mapped[int] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[InterventionType] = mapped_column(choice(InterventionType))
    started_on: Mapped[date]
    ended_on: Mapped[date | None] = mapped_column(default=None)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)
    description: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    # Enforcement only: why support alone is no longer enough.
    rationale: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))

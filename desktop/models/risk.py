"""Risk: RAG ratings with their rationale and history, and safeguarding flags."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, UtcDateTime, choice
from desktop.models.choices import Rag


class RagRating(Base):
    """One rating in the history; the newest is mirrored on the young person."""

    __tablename__ = "rag_ratings"

    id: Mapped[int] = mapped_column(primary_key=True)
    young_person_id: Mapped[int] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    rating: Mapped[Rag] = mapped_column(choice(Rag))
    rationale: Mapped[str] = mapped_column(Text)
    review_due: Mapped[date | None] = mapped_column(default=None)
    rated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    rated_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))


class FlagType(Base):
    """A kind of flag: the standard list, extended by the coordinator."""

    __tablename__ = "flag_types"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    label: Mapped[str] = mapped_column(String(120))
    # What the detail field asks for (e.g. "Which group?"), empty when none.
    detail_prompt: Mapped[str] = mapped_column(String(120), default="")
    active: Mapped[bool] = mapped_column(default=True)


class Flag(Base):
    __tablename__ = "flags"

    id: Mapped[int] = mapped_column(primary_key=True)
    young_person_id: Mapped[int] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    flag_type_id: Mapped[int] = mapped_column(ForeignKey("flag_types.id"), index=True)
    started_on: Mapped[date]
    ended_on: Mapped[date | None] = mapped_column(default=None)
    source: Mapped[str] = mapped_column(String(200), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))

    flag_type: Mapped[FlagType] = relationship()


# The standard flags (code, label, detail prompt), created with the schema.
STANDARD_FLAGS = (
    ("cce", "Child criminal exploitation", ""),
    ("cse", "Child sexual exploitation", ""),
    ("county_lines", "County lines", ""),
    ("gang_association", "Gang association", "Which group?"),
    ("weapons", "Carries weapons", ""),
    ("victim_of_violence", "Victim of violence", ""),
    ("missing", "Missing episodes", ""),
    ("nrm", "National Referral Mechanism referral", "Referral date and decision"),
    ("prevent", "Prevent concern", ""),
    ("domestic_abuse", "Domestic abuse at home", ""),
    ("substance_misuse", "Substance misuse", ""),
)

"""People around a young person: family, household and professionals, and links between young
people (associates, siblings, rivals, victim and perpetrator)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, UtcDateTime, choice
from desktop.models.choices import ContactKind, LinkKind


class Contact(Base):
    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    young_person_id: Mapped[int] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[ContactKind] = mapped_column(choice(ContactKind))
    name: Mapped[str] = mapped_column(String(200))
    # Family: mother, uncle, carer…; professional: their role (social worker, YOT officer…).
    relationship: Mapped[str] = mapped_column(String(120), default="")
    agency: Mapped[str] = mapped_column(String(200), default="")
    parental_responsibility: Mapped[bool] = mapped_column(default=False)
    lives_with: Mapped[bool] = mapped_column(default=False)
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(80), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class PersonLink(Base):
    """A link between two young people, stored once (lower id first)."""

    __tablename__ = "person_links"
    __table_args__ = (CheckConstraint("first_id < second_id", name="ordered_pair"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    first_id: Mapped[int] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    second_id: Mapped[int] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[LinkKind] = mapped_column(choice(LinkKind))
    note: Mapped[str] = mapped_column(Text, default="")
    since: Mapped[date | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)

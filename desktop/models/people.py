"""Young people on the caseload and the staff allocated to them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, UtcDateTime


class YoungPerson(Base):
    __tablename__ = "young_people"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_reference: Mapped[str] = mapped_column(String(16), unique=True)
    given_name: Mapped[str] = mapped_column(String(200))
    family_name: Mapped[str] = mapped_column(String(200))
    known_as: Mapped[str] = mapped_column(String(200), default="")
    date_of_birth: Mapped[date | None] = mapped_column(default=None)
    summary: Mapped[str] = mapped_column(Text, default="")
    key_worker_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)

    allocations: Mapped[list[Allocation]] = relationship(
        back_populates="young_person", cascade="all, delete-orphan"
    )


class Allocation(Base):
    """Another member of staff working with the young person (besides the key worker)."""

    __tablename__ = "allocations"
    __table_args__ = (UniqueConstraint("young_person_id", "account_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    young_person_id: Mapped[int] = mapped_column(ForeignKey("young_people.id", ondelete="CASCADE"))
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))

    young_person: Mapped[YoungPerson] = relationship(back_populates="allocations")

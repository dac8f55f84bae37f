"""Young people on the caseload: identity, aliases, addresses, references and allocated staff."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, UtcDateTime, choice
from desktop.models.choices import CaseStatus, EetStatus, Ethnicity, Gender, LegalStatus, Rag


class YoungPerson(Base):
    __tablename__ = "young_people"
    # The caseload list's sort orders (migration 0010): each page is read on from the last row
    # shown by walking one of these.
    __table_args__ = (
        # By name: the folded sort keys (migration 0014), not the names as typed.
        Index("ix_young_people_name_sort", "family_sort", "given_sort"),
        Index("ix_young_people_known_as", "known_as"),
        Index("ix_young_people_date_of_birth", "date_of_birth"),
        Index("ix_young_people_key_worker_id", "key_worker_id"),
        Index(
            "ix_young_people_rag_rank",
            text("(CASE rag WHEN 'red' THEN 0 WHEN 'amber' THEN 1 WHEN 'green' THEN 2 ELSE 3 END)"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_reference: Mapped[str] = mapped_column(String(16), unique=True)
    given_name: Mapped[str] = mapped_column(String(200))
    family_name: Mapped[str] = mapped_column(String(200))
    known_as: Mapped[str] = mapped_column(String(200), default="")
    date_of_birth: Mapped[date | None] = mapped_column(default=None)
    # Confirmed reason for working with someone outside the unit's 10-25 age range.
    age_exception_reason: Mapped[str] = mapped_column(Text, default="")
    gender: Mapped[Gender] = mapped_column(choice(Gender), default=Gender.NOT_KNOWN)
    ethnicity: Mapped[Ethnicity] = mapped_column(choice(Ethnicity), default=Ethnicity.NOT_KNOWN)
    first_language: Mapped[str] = mapped_column(String(80), default="")
    interpreter_needed: Mapped[bool] = mapped_column(default=False)
    eet_status: Mapped[EetStatus] = mapped_column(choice(EetStatus), default=EetStatus.NOT_KNOWN)
    school_or_college: Mapped[str] = mapped_column(String(200), default="")
    legal_status: Mapped[LegalStatus] = mapped_column(choice(LegalStatus), default=LegalStatus.NONE)
    send_needs: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    key_worker_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)
    # Current status and risk, kept in step with their histories by the services.
    status: Mapped[CaseStatus] = mapped_column(
        choice(CaseStatus), default=CaseStatus.REFERRED, index=True
    )
    rag: Mapped[Rag | None] = mapped_column(choice(Rag), default=None, index=True)
    rag_review_due: Mapped[date | None] = mapped_column(default=None)
    # Names, aliases and reference folded (lower case, no accents) for quick search.
    search_text: Mapped[str] = mapped_column(Text, default="")
    # The names' places in an alphabetical list (text_folding.name_sort_key), kept in step with
    # the names by the services: SQLite's own order puts "de Souza" after "Zed" and أحمد
    # before ابراهيم.
    family_sort: Mapped[str] = mapped_column(String(200), default="")
    given_sort: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)

    allocations: Mapped[list[Allocation]] = relationship(
        back_populates="young_person", cascade="all, delete-orphan"
    )
    aliases: Mapped[list[Alias]] = relationship(cascade="all, delete-orphan")
    addresses: Mapped[list[Address]] = relationship(
        cascade="all, delete-orphan", order_by="Address.moved_in.desc()"
    )
    references: Mapped[list[ExternalReference]] = relationship(cascade="all, delete-orphan")


class Allocation(Base):
    """Another member of staff working with the young person (besides the key worker)."""

    __tablename__ = "allocations"
    __table_args__ = (UniqueConstraint("young_person_id", "account_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    young_person_id: Mapped[int] = mapped_column(ForeignKey("young_people.id", ondelete="CASCADE"))
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))

    young_person: Mapped[YoungPerson] = relationship(back_populates="allocations")


class Alias(Base):
    """A street name or spelling variant; searchable like the name itself."""

    __tablename__ = "aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    young_person_id: Mapped[int] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    alias: Mapped[str] = mapped_column(String(200))


class Address(Base):
    __tablename__ = "addresses"

    id: Mapped[int] = mapped_column(primary_key=True)
    young_person_id: Mapped[int] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    address: Mapped[str] = mapped_column(Text)
    postcode: Mapped[str] = mapped_column(String(10), default="")
    moved_in: Mapped[date | None] = mapped_column(default=None)
    moved_out: Mapped[date | None] = mapped_column(default=None)


class ExternalReference(Base):
    """Another agency's identifier: social care ID, police reference, school UPN…"""

    __tablename__ = "external_references"

    id: Mapped[int] = mapped_column(primary_key=True)
    young_person_id: Mapped[int] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(80))
    value: Mapped[str] = mapped_column(String(120))

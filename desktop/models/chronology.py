"""The chronology: dated entries, every earlier version kept, deletions left as tombstones."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, UtcDateTime, choice
from desktop.models.choices import EntryType


class ChronologyEntry(Base):
    __tablename__ = "chronology_entries"
    __table_args__ = (Index("ix_chronology_person_time", "young_person_id", "occurred_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    young_person_id: Mapped[int] = mapped_column(ForeignKey("young_people.id", ondelete="CASCADE"))
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime)
    entry_type: Mapped[EntryType] = mapped_column(choice(EntryType))
    author_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    summary: Mapped[str] = mapped_column(String(300))
    detail: Mapped[str] = mapped_column(Text, default="")
    # The author's analysis: what the event means for the young person's safety.
    analysis: Mapped[str] = mapped_column(Text, default="", server_default="")
    significant: Mapped[bool] = mapped_column(default=False)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"), default=None)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("peer_groups.id"), default=None)
    version: Mapped[int] = mapped_column(default=1)
    # Summary and detail folded (services.text_folding): what the full-text index holds.
    search_fold: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # A deleted entry keeps its row as a tombstone: who, when and why; its text is cleared.
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    deleted_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)
    deletion_reason: Mapped[str] = mapped_column(Text, default="")


class ChronologyRevision(Base):
    """An earlier version of an entry, kept when it was edited."""

    __tablename__ = "chronology_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("chronology_entries.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int]
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime)
    entry_type: Mapped[EntryType] = mapped_column(choice(EntryType))
    summary: Mapped[str] = mapped_column(String(300))
    detail: Mapped[str] = mapped_column(Text, default="")
    analysis: Mapped[str] = mapped_column(Text, default="", server_default="")
    significant: Mapped[bool] = mapped_column(default=False)
    # Who wrote this version and when it was replaced.
    written_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    replaced_at: Mapped[datetime] = mapped_column(UtcDateTime)
    replaced_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))

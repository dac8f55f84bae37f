"""Unsaved form text, kept in the vault so that a lock or a crash loses nothing."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, UtcDateTime


class Draft(Base):
    __tablename__ = "drafts"
    __table_args__ = (UniqueConstraint("account_id", "form_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    form_key: Mapped[str] = mapped_column(String(120))
    # JSON object of field name -> text.
    content: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[datetime] = mapped_column(UtcDateTime)

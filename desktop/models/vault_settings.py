"""Vault-wide settings (identity, idle lock time) kept inside the encrypted vault."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base


class VaultSetting(Base):
    __tablename__ = "vault_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)

"""Staff accounts and their roles."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Enum, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, UtcDateTime


class Role(enum.StrEnum):
    COORDINATOR = "coordinator"
    GANGS_WORKER = "gangs_worker"
    FAMILY_THERAPIST = "family_therapist"
    EMPLOYMENT_COACH = "employment_coach"
    ADVOCATE = "advocate"
    ENFORCEMENT_OFFICER = "enforcement_officer"
    ANALYST = "analyst"
    COMMUNITY_OFFICER = "community_officer"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.COORDINATOR: "Coordinator",
    Role.GANGS_WORKER: "Gangs worker",
    Role.FAMILY_THERAPIST: "Family therapist",
    Role.EMPLOYMENT_COACH: "Employment coach",
    Role.ADVOCATE: "Young person's advocate (females)",
    Role.ENFORCEMENT_OFFICER: "Enforcement officer",
    Role.ANALYST: "Analyst",
    Role.COMMUNITY_OFFICER: "Community engagement officer",
}


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(
        Enum(
            Role,
            native_enum=False,
            length=32,
            values_callable=lambda roles: [r.value for r in roles],
        )
    )
    active: Mapped[bool] = mapped_column(default=True)
    must_change_passphrase: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    disabled_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)

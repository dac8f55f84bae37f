"""The borough's youth population by ethnicity, gender and age band, set by the analyst."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, UtcDateTime


class PopulationFigure(Base):
    """One group's population: e.g. dimension "ethnicity", group "black_african", 2,310."""

    __tablename__ = "population_figures"
    __table_args__ = (UniqueConstraint("dimension", "group_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # "ethnicity", "gender" or "age_band" (the services hold the list and the group codes).
    dimension: Mapped[str] = mapped_column(String(20))
    group_code: Mapped[str] = mapped_column(String(40))
    population: Mapped[int]
    # Where the figure came from (e.g. "ONS Census 2021, table TS021"): no personal data.
    source: Mapped[str] = mapped_column(String(200), default="")
    updated_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)

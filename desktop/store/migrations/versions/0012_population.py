"""The borough's youth population by ethnicity, gender and age band, for disproportionality.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "population_figures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dimension", sa.String(length=20), nullable=False),
        sa.Column("group_code", sa.String(length=40), nullable=False),
        sa.Column("population", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["accounts.id"],
            name=op.f("fk_population_figures_updated_by_id_accounts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_population_figures")),
        sa.UniqueConstraint(
            "dimension", "group_code", name=op.f("uq_population_figures_dimension")
        ),
    )


def downgrade() -> None:
    op.drop_table("population_figures")

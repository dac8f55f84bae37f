"""A case's closing gains its reason and outcome as categories (the free text stays), so the
analyst can count closures without reading what workers wrote.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

COLUMNS = ("closure_reason", "closure_outcome")


def upgrade() -> None:
    # Nullable columns with no default: SQLite writes no row, so a large vault upgrades at once.
    # Closings recorded before this have no category and are counted as "not recorded".
    for column in COLUMNS:
        op.add_column("status_changes", sa.Column(column, sa.String(length=40), nullable=True))


def downgrade() -> None:
    for column in COLUMNS:
        op.execute(f"ALTER TABLE status_changes DROP COLUMN {column}")

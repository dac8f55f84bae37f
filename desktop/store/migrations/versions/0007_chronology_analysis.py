"""Chronology entries (and their earlier versions) gain the author's analysis: what the event
means for the young person's safety, shown beside it in case-conference reports.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN with a constant default: SQLite writes no row, so a large vault upgrades at once.
    for table in ("chronology_entries", "chronology_revisions"):
        op.add_column(table, sa.Column("analysis", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    # SQLite's own DROP COLUMN, not a batch copy: copying the table would drop its full-text
    # index triggers.
    for table in ("chronology_entries", "chronology_revisions"):
        op.execute(f"ALTER TABLE {table} DROP COLUMN analysis")

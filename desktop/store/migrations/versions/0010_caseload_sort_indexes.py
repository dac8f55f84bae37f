"""Indexes in the caseload list's sort orders, so that scrolling reads each page on from the last
row shown (keyset paging) by walking an index instead of sorting every young person.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# The caseload's RAG order (red, amber, green, not rated). SQLite uses an index on an expression
# only for the very same expression: PeopleService.RAG_RANK is written to match.
RAG_RANK = "(CASE rag WHEN 'red' THEN 0 WHEN 'amber' THEN 1 WHEN 'green' THEN 2 ELSE 3 END)"
INDEXES = {
    "ix_young_people_family_name_given_name": "family_name, given_name",
    "ix_young_people_known_as": "known_as",
    "ix_young_people_date_of_birth": "date_of_birth",
    # Sorting by key worker, the key worker filter, and a worker's own caseload.
    "ix_young_people_key_worker_id": "key_worker_id",
    "ix_young_people_rag_rank": RAG_RANK,
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON young_people ({columns})")


def downgrade() -> None:
    for name in INDEXES:
        op.execute(f"DROP INDEX {name}")

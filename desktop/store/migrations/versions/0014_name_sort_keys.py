"""Young people gain sort keys for their names, so the caseload sorts by name as a reader
expects: case and accents ignored, and Arabic-script names in the order of the Arabic alphabet
(SQLite's own order compares code points: "de Souza" came after "Zed", أحمد before ابراهيم).

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop.services.text_folding import name_sort_key

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

COLUMNS = ("family_sort", "given_sort")


def upgrade() -> None:
    for column in COLUMNS:
        op.add_column(
            "young_people",
            sa.Column(column, sa.String(length=200), nullable=False, server_default=sa.text("''")),
        )
    connection = op.get_bind()
    people = connection.execute(sa.text("SELECT id, family_name, given_name FROM young_people"))
    keys = [
        {"id": row.id, "family": name_sort_key(row[1]), "given": name_sort_key(row[2])}
        for row in people.all()
    ]
    if keys:  # one executemany for the whole caseload
        connection.execute(
            sa.text(
                "UPDATE young_people SET family_sort = :family, given_sort = :given WHERE id = :id"
            ),
            keys,
        )
    op.execute("DROP INDEX ix_young_people_family_name_given_name")
    op.execute("CREATE INDEX ix_young_people_name_sort ON young_people (family_sort, given_sort)")


def downgrade() -> None:
    op.execute("DROP INDEX ix_young_people_name_sort")
    op.execute(
        "CREATE INDEX ix_young_people_family_name_given_name "
        "ON young_people (family_name, given_name)"
    )
    for column in COLUMNS:
        op.execute(f"ALTER TABLE young_people DROP COLUMN {column}")

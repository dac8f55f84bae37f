"""Family therapy, second part: note templates with a required risk check and safeguarding
escalation, SCORE-15 outcome measures, and each user's personal spelling words.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # New columns on session_notes are covered by the 0003 triggers: the whole row is frozen
    # once signed_at is set.
    # (Plain ALTER TABLE ADD COLUMN: a batch copy of the table would drop those triggers.)
    op.add_column(
        "session_notes", sa.Column("sections", sa.JSON(), nullable=False, server_default="{}")
    )
    op.add_column("session_notes", sa.Column("risk_concern", sa.Boolean(), nullable=True))
    op.add_column(
        "session_notes", sa.Column("safeguarding_raised_at", sa.DateTime(), nullable=True)
    )
    op.create_table(
        "outcome_measures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("item_scores", sa.JSON(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(young_person_id IS NULL) <> (contact_id IS NULL)",
            name=op.f("ck_outcome_measures_one_family_member"),
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_outcome_measures_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["accounts.id"],
            name=op.f("fk_outcome_measures_recorded_by_id_accounts"),
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["therapy_sessions.id"],
            name=op.f("fk_outcome_measures_session_id_therapy_sessions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_outcome_measures_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcome_measures")),
    )
    op.create_index(
        op.f("ix_outcome_measures_session_id"), "outcome_measures", ["session_id"], unique=False
    )
    op.create_table(
        "personal_words",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("word", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_personal_words_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_personal_words")),
        sa.UniqueConstraint("account_id", "word", name=op.f("uq_personal_words_account_id")),
    )


def downgrade() -> None:
    op.drop_table("personal_words")
    op.drop_index(op.f("ix_outcome_measures_session_id"), table_name="outcome_measures")
    op.drop_table("outcome_measures")
    for column in ("safeguarding_raised_at", "risk_concern", "sections"):
        op.drop_column("session_notes", column)

"""Family therapy: therapy cases and their household, sessions with attendance, session notes
locked by the database once signed, and their addenda.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# A signed note, and every addendum, can never change: refused here as well as in the service.
TRIGGERS = {
    "session_notes_signed_update": (
        "CREATE TRIGGER session_notes_signed_update BEFORE UPDATE ON session_notes "
        "WHEN old.signed_at IS NOT NULL BEGIN "
        "SELECT RAISE(ABORT, 'a signed session note cannot be changed'); END"
    ),
    "session_notes_signed_delete": (
        "CREATE TRIGGER session_notes_signed_delete BEFORE DELETE ON session_notes "
        "WHEN old.signed_at IS NOT NULL BEGIN "
        "SELECT RAISE(ABORT, 'a signed session note cannot be deleted'); END"
    ),
    "note_addenda_update": (
        "CREATE TRIGGER note_addenda_update BEFORE UPDATE ON note_addenda BEGIN "
        "SELECT RAISE(ABORT, 'an addendum cannot be changed'); END"
    ),
    "note_addenda_delete": (
        "CREATE TRIGGER note_addenda_delete BEFORE DELETE ON note_addenda BEGIN "
        "SELECT RAISE(ABORT, 'an addendum cannot be deleted'); END"
    ),
}


def upgrade() -> None:
    op.create_table(
        "therapy_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("therapist_id", sa.Integer(), nullable=False),
        sa.Column("model_of_work", sa.String(length=40), nullable=False),
        sa.Column("referred_on", sa.Date(), nullable=True),
        sa.Column("referral_reason", sa.Text(), nullable=False),
        sa.Column("consent_given", sa.Boolean(), nullable=False),
        sa.Column("consent_recorded_on", sa.Date(), nullable=True),
        sa.Column("goals", sa.Text(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("closing_summary", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["therapist_id"], ["accounts.id"], name=op.f("fk_therapy_cases_therapist_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_therapy_cases")),
    )
    op.create_index(
        op.f("ix_therapy_cases_therapist_id"), "therapy_cases", ["therapist_id"], unique=False
    )
    op.create_table(
        "therapy_case_people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["therapy_cases.id"],
            name=op.f("fk_therapy_case_people_case_id_therapy_cases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_therapy_case_people_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_therapy_case_people")),
        sa.UniqueConstraint(
            "case_id", "young_person_id", name=op.f("uq_therapy_case_people_case_id")
        ),
    )
    op.create_index(
        op.f("ix_therapy_case_people_young_person_id"),
        "therapy_case_people",
        ["young_person_id"],
        unique=False,
    )
    op.create_table(
        "therapy_case_contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["therapy_cases.id"],
            name=op.f("fk_therapy_case_contacts_case_id_therapy_cases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_therapy_case_contacts_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_therapy_case_contacts")),
        sa.UniqueConstraint("case_id", "contact_id", name=op.f("uq_therapy_case_contacts_case_id")),
    )
    op.create_index(
        op.f("ix_therapy_case_contacts_contact_id"),
        "therapy_case_contacts",
        ["contact_id"],
        unique=False,
    )
    op.create_table(
        "therapy_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("location", sa.String(length=40), nullable=False),
        sa.Column("outcome", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["therapy_cases.id"],
            name=op.f("fk_therapy_sessions_case_id_therapy_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_therapy_sessions")),
        sa.UniqueConstraint("case_id", "number", name=op.f("uq_therapy_sessions_case_id")),
    )
    op.create_index(
        op.f("ix_therapy_sessions_starts_at"), "therapy_sessions", ["starts_at"], unique=False
    )
    op.create_table(
        "session_attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("attended", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "(young_person_id IS NULL) <> (contact_id IS NULL)",
            name=op.f("ck_session_attendance_one_family_member"),
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_session_attendance_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["therapy_sessions.id"],
            name=op.f("fk_session_attendance_session_id_therapy_sessions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_session_attendance_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_attendance")),
    )
    op.create_index(
        op.f("ix_session_attendance_session_id"), "session_attendance", ["session_id"], unique=False
    )
    op.create_table(
        "session_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("note_format", sa.String(length=40), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("shareable_summary", sa.Text(), nullable=False),
        sa.Column("process_notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=True),
        sa.Column("signed_by_id", sa.Integer(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("content_salt", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"], ["accounts.id"], name=op.f("fk_session_notes_author_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["therapy_sessions.id"],
            name=op.f("fk_session_notes_session_id_therapy_sessions"),
        ),
        sa.ForeignKeyConstraint(
            ["signed_by_id"], ["accounts.id"], name=op.f("fk_session_notes_signed_by_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_notes")),
    )
    op.create_index(
        op.f("ix_session_notes_session_id"), "session_notes", ["session_id"], unique=False
    )
    op.create_table(
        "note_addenda",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"], ["accounts.id"], name=op.f("fk_note_addenda_author_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["note_id"], ["session_notes.id"], name=op.f("fk_note_addenda_note_id_session_notes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note_addenda")),
    )
    op.create_index(op.f("ix_note_addenda_note_id"), "note_addenda", ["note_id"], unique=False)
    for statement in TRIGGERS.values():
        op.execute(statement)


def downgrade() -> None:
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER {trigger}")
    op.drop_index(op.f("ix_note_addenda_note_id"), table_name="note_addenda")
    op.drop_table("note_addenda")
    op.drop_index(op.f("ix_session_notes_session_id"), table_name="session_notes")
    op.drop_table("session_notes")
    op.drop_index(op.f("ix_session_attendance_session_id"), table_name="session_attendance")
    op.drop_table("session_attendance")
    op.drop_index(op.f("ix_therapy_sessions_starts_at"), table_name="therapy_sessions")
    op.drop_table("therapy_sessions")
    op.drop_index(op.f("ix_therapy_case_contacts_contact_id"), table_name="therapy_case_contacts")
    op.drop_table("therapy_case_contacts")
    op.drop_index(op.f("ix_therapy_case_people_young_person_id"), table_name="therapy_case_people")
    op.drop_table("therapy_case_people")
    op.drop_index(op.f("ix_therapy_cases_therapist_id"), table_name="therapy_cases")
    op.drop_table("therapy_cases")

"""Data protection: restricted records with their named staff and break-glass openings, the
retention schedule with review decisions, legal holds and the disposal log, subject access requests
with item reviews and redactions, and consent and information-sharing decisions.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


# FTS5 otherwise leaves a deleted entry's words in its index segments until they are merged:
# with secure-delete on, deleting an entry removes its words at once (disposal relies on it).
FTS_SECURE_DELETE = "INSERT INTO chronology_fts(chronology_fts, rank) VALUES('secure-delete', {})"


def upgrade() -> None:
    op.execute(FTS_SECURE_DELETE.format(1))
    op.create_table(
        "restriction_lifts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column("restricted_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("lifted_by_id", sa.Integer(), nullable=False),
        sa.Column("lifted_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["lifted_by_id"],
            ["accounts.id"],
            name=op.f("fk_restriction_lifts_lifted_by_id_accounts"),
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_restriction_lifts_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_restriction_lifts")),
    )
    op.create_index(
        op.f("ix_restriction_lifts_young_person_id"),
        "restriction_lifts",
        ["young_person_id"],
        unique=False,
    )
    op.create_table(
        "disposal_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "record_kind",
            sa.Enum(
                "case_record",
                "therapy_case",
                "coaching_plan",
                "meeting_record",
                "critical_incident_record",
                "subject_access_request",
                name="recordkind",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=200), nullable=False),
        sa.Column("rows_removed", sa.Integer(), nullable=False),
        sa.Column("authorised_by_id", sa.Integer(), nullable=False),
        sa.Column("disposed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["authorised_by_id"],
            ["accounts.id"],
            name=op.f("fk_disposal_log_authorised_by_id_accounts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disposal_log")),
    )
    op.create_table(
        "legal_holds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "record_kind",
            sa.Enum(
                "case_record",
                "therapy_case",
                "coaching_plan",
                "meeting_record",
                "critical_incident_record",
                "subject_access_request",
                name="recordkind",
                native_enum=False,
                length=40,
            ),
            nullable=True,
        ),
        sa.Column("record_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("reference", sa.String(length=120), nullable=False),
        sa.Column("placed_by_id", sa.Integer(), nullable=False),
        sa.Column("placed_at", sa.DateTime(), nullable=False),
        sa.Column("lifted_by_id", sa.Integer(), nullable=True),
        sa.Column("lifted_at", sa.DateTime(), nullable=True),
        sa.Column("lift_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["lifted_by_id"], ["accounts.id"], name=op.f("fk_legal_holds_lifted_by_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["placed_by_id"], ["accounts.id"], name=op.f("fk_legal_holds_placed_by_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legal_holds")),
    )
    op.create_index(op.f("ix_legal_holds_record_id"), "legal_holds", ["record_id"], unique=False)
    op.create_table(
        "retention_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "record_kind",
            sa.Enum(
                "case_record",
                "therapy_case",
                "coaching_plan",
                "meeting_record",
                "critical_incident_record",
                "subject_access_request",
                name="recordkind",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column(
            "decision",
            sa.Enum("dispose", "keep", name="retentiondecisionkind", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("next_review_on", sa.Date(), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["decided_by_id"],
            ["accounts.id"],
            name=op.f("fk_retention_decisions_decided_by_id_accounts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retention_decisions")),
    )
    op.create_index(
        "ix_retention_decisions_record",
        "retention_decisions",
        ["record_kind", "record_id"],
        unique=False,
    )
    op.create_table(
        "retention_rules",
        sa.Column(
            "record_kind",
            sa.Enum(
                "case_record",
                "therapy_case",
                "coaching_plan",
                "meeting_record",
                "critical_incident_record",
                "subject_access_request",
                name="recordkind",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column(
            "trigger",
            sa.Enum(
                "after_case_closed",
                "after_25th_birthday",
                "after_record_closed",
                "after_record_date",
                name="retentiontrigger",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("years", sa.Integer(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["accounts.id"],
            name=op.f("fk_retention_rules_updated_by_id_accounts"),
        ),
        sa.PrimaryKeyConstraint("record_kind", name=op.f("pk_retention_rules")),
    )
    op.create_table(
        "break_glass_access",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("reviewed_by_id", sa.Integer(), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_break_glass_access_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by_id"],
            ["accounts.id"],
            name=op.f("fk_break_glass_access_reviewed_by_id_accounts"),
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_break_glass_access_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_break_glass_access")),
    )
    op.create_index(
        "ix_break_glass_access_person_account",
        "break_glass_access",
        ["young_person_id", "account_id"],
        unique=False,
    )
    op.create_table(
        "record_restrictions",
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("restricted_by_id", sa.Integer(), nullable=False),
        sa.Column("restricted_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["restricted_by_id"],
            ["accounts.id"],
            name=op.f("fk_record_restrictions_restricted_by_id_accounts"),
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_record_restrictions_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("young_person_id", name=op.f("pk_record_restrictions")),
    )
    op.create_table(
        "sharing_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "consent_given",
                "sharing_decision",
                name="sharingkind",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column(
            "lawful_basis",
            sa.Enum(
                "consent",
                "legal_obligation",
                "public_task",
                "vital_interests",
                name="lawfulbasis",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("given_by", sa.String(length=200), nullable=False),
        sa.Column("agency", sa.String(length=200), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("review_on", sa.Date(), nullable=True),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.Column("withdrawal_reason", sa.Text(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["accounts.id"],
            name=op.f("fk_sharing_decisions_recorded_by_id_accounts"),
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_sharing_decisions_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sharing_decisions")),
    )
    op.create_index(
        op.f("ix_sharing_decisions_young_person_id"),
        "sharing_decisions",
        ["young_person_id"],
        unique=False,
    )
    op.create_table(
        "restriction_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_restriction_members_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["record_restrictions.young_person_id"],
            name=op.f("fk_restriction_members_young_person_id_record_restrictions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_restriction_members")),
        sa.UniqueConstraint(
            "young_person_id", "account_id", name=op.f("uq_restriction_members_young_person_id")
        ),
    )
    op.create_index(
        op.f("ix_restriction_members_account_id"),
        "restriction_members",
        ["account_id"],
        unique=False,
    )
    op.create_table(
        "subject_access_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("requested_by", sa.String(length=200), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("identity_checked_on", sa.Date(), nullable=True),
        sa.Column("identity_evidence", sa.String(length=200), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "sar_received",
                "sar_in_review",
                "sar_sent",
                "sar_withdrawn",
                name="sarstatus",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("include_access_report", sa.Boolean(), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_subject_access_requests_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["accounts.id"],
            name=op.f("fk_subject_access_requests_created_by_id_accounts"),
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_subject_access_requests_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subject_access_requests")),
    )
    op.create_index(
        op.f("ix_subject_access_requests_contact_id"),
        "subject_access_requests",
        ["contact_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_subject_access_requests_young_person_id"),
        "subject_access_requests",
        ["young_person_id"],
        unique=False,
    )
    op.create_table(
        "sar_item_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("item_key", sa.String(length=80), nullable=False),
        sa.Column(
            "decision",
            sa.Enum(
                "disclose",
                "disclose_redacted",
                "withhold",
                name="sardecision",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("reviewed_by_id", sa.Integer(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["subject_access_requests.id"],
            name=op.f("fk_sar_item_reviews_request_id_subject_access_requests"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by_id"],
            ["accounts.id"],
            name=op.f("fk_sar_item_reviews_reviewed_by_id_accounts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sar_item_reviews")),
        sa.UniqueConstraint("request_id", "item_key", name=op.f("uq_sar_item_reviews_request_id")),
    )
    op.create_table(
        "sar_redactions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("item_key", sa.String(length=80), nullable=False),
        sa.Column("text", sa.String(length=400), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("redacted_by_id", sa.Integer(), nullable=False),
        sa.Column("redacted_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["redacted_by_id"],
            ["accounts.id"],
            name=op.f("fk_sar_redactions_redacted_by_id_accounts"),
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["subject_access_requests.id"],
            name=op.f("fk_sar_redactions_request_id_subject_access_requests"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sar_redactions")),
    )
    op.create_index(
        "ix_sar_redactions_request_item", "sar_redactions", ["request_id", "item_key"], unique=False
    )


def downgrade() -> None:
    op.execute(FTS_SECURE_DELETE.format(0))
    # Dropping a table drops its indexes with it.
    for table in (
        "sar_redactions",
        "sar_item_reviews",
        "subject_access_requests",
        "sharing_decisions",
        "restriction_members",
        "restriction_lifts",
        "record_restrictions",
        "break_glass_access",
        "retention_rules",
        "retention_decisions",
        "legal_holds",
        "disposal_log",
    ):
        op.drop_table(table)

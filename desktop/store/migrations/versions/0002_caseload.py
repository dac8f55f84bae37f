"""Caseload: referrals, status history, risk and flags, network, groups and places, missing
episodes, chronology with versions and full-text index, interventions and tasks.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop.models.risk import STANDARD_FLAGS
from desktop.services.text_folding import search_text

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "flag_types",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.Column("detail_prompt", sa.String(length=120), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flag_types")),
        sa.UniqueConstraint("code", name=op.f("uq_flag_types_code")),
    )
    op.create_table(
        "peer_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_peer_groups")),
        sa.UniqueConstraint("name", name=op.f("uq_peer_groups_name")),
    )
    op.create_table(
        "places",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("postcode", sa.String(length=10), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_places")),
    )
    op.create_table(
        "addresses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("postcode", sa.String(length=10), nullable=False),
        sa.Column("moved_in", sa.Date(), nullable=True),
        sa.Column("moved_out", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_addresses_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_addresses")),
    )
    with op.batch_alter_table("addresses", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_addresses_young_person_id"), ["young_person_id"], unique=False
        )

    op.create_table(
        "aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_aliases_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aliases")),
    )
    with op.batch_alter_table("aliases", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_aliases_young_person_id"), ["young_person_id"], unique=False
        )

    op.create_table(
        "chronology_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("entry_type", sa.String(length=40), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("summary", sa.String(length=300), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("significant", sa.Boolean(), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=True),
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("search_fold", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_by_id", sa.Integer(), nullable=True),
        sa.Column("deletion_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"], ["accounts.id"], name=op.f("fk_chronology_entries_author_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["deleted_by_id"],
            ["accounts.id"],
            name=op.f("fk_chronology_entries_deleted_by_id_accounts"),
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["peer_groups.id"],
            name=op.f("fk_chronology_entries_group_id_peer_groups"),
        ),
        sa.ForeignKeyConstraint(
            ["place_id"], ["places.id"], name=op.f("fk_chronology_entries_place_id_places")
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_chronology_entries_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chronology_entries")),
    )
    with op.batch_alter_table("chronology_entries", schema=None) as batch_op:
        batch_op.create_index(
            "ix_chronology_person_time", ["young_person_id", "occurred_at"], unique=False
        )

    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("relationship", sa.String(length=120), nullable=False),
        sa.Column("agency", sa.String(length=200), nullable=False),
        sa.Column("parental_responsibility", sa.Boolean(), nullable=False),
        sa.Column("lives_with", sa.Boolean(), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=80), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_contacts_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contacts_young_person_id"), ["young_person_id"], unique=False
        )

    op.create_table(
        "external_references",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=80), nullable=False),
        sa.Column("value", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_external_references_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_external_references")),
    )
    with op.batch_alter_table("external_references", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_external_references_young_person_id"), ["young_person_id"], unique=False
        )

    op.create_table(
        "flags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column("flag_type_id", sa.Integer(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["accounts.id"], name=op.f("fk_flags_created_by_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["flag_type_id"], ["flag_types.id"], name=op.f("fk_flags_flag_type_id_flag_types")
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_flags_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flags")),
    )
    with op.batch_alter_table("flags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_flags_flag_type_id"), ["flag_type_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_flags_young_person_id"), ["young_person_id"], unique=False
        )

    op.create_table(
        "group_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["peer_groups.id"],
            name=op.f("fk_group_links_group_id_peer_groups"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_group_links_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_links")),
    )
    with op.batch_alter_table("group_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_group_links_group_id"), ["group_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_group_links_young_person_id"), ["young_person_id"], unique=False
        )

    op.create_table(
        "interventions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["accounts.id"], name=op.f("fk_interventions_created_by_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["accounts.id"], name=op.f("fk_interventions_owner_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_interventions_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interventions")),
    )
    with op.batch_alter_table("interventions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interventions_young_person_id"), ["young_person_id"], unique=False
        )

    op.create_table(
        "missing_episodes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column("went_missing_at", sa.DateTime(), nullable=False),
        sa.Column("returned_at", sa.DateTime(), nullable=True),
        sa.Column("interview_at", sa.DateTime(), nullable=True),
        sa.Column("interview_by", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["accounts.id"],
            name=op.f("fk_missing_episodes_created_by_id_accounts"),
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_missing_episodes_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_missing_episodes")),
    )
    with op.batch_alter_table("missing_episodes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_missing_episodes_young_person_id"), ["young_person_id"], unique=False
        )

    op.create_table(
        "person_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_id", sa.Integer(), nullable=False),
        sa.Column("second_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("first_id < second_id", name=op.f("ck_person_links_ordered_pair")),
        sa.ForeignKeyConstraint(
            ["first_id"],
            ["young_people.id"],
            name=op.f("fk_person_links_first_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["second_id"],
            ["young_people.id"],
            name=op.f("fk_person_links_second_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_links")),
    )
    with op.batch_alter_table("person_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_links_first_id"), ["first_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_links_second_id"), ["second_id"], unique=False)

    op.create_table(
        "place_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["place_id"],
            ["places.id"],
            name=op.f("fk_place_links_place_id_places"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_place_links_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_place_links")),
    )
    with op.batch_alter_table("place_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_place_links_place_id"), ["place_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_place_links_young_person_id"), ["young_person_id"], unique=False
        )

    op.create_table(
        "rag_ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column("rating", sa.String(length=40), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("review_due", sa.Date(), nullable=True),
        sa.Column("rated_at", sa.DateTime(), nullable=False),
        sa.Column("rated_by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["rated_by_id"], ["accounts.id"], name=op.f("fk_rag_ratings_rated_by_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_rag_ratings_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rag_ratings")),
    )
    with op.batch_alter_table("rag_ratings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rag_ratings_young_person_id"), ["young_person_id"], unique=False
        )

    op.create_table(
        "referrals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("referrer", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("concerns", sa.Text(), nullable=False),
        sa.Column("consent_to_engage", sa.Boolean(), nullable=False),
        sa.Column("consent_to_share", sa.Boolean(), nullable=False),
        sa.Column("consent_given_by", sa.String(length=200), nullable=False),
        sa.Column("consent_given_on", sa.Date(), nullable=True),
        sa.Column("decision", sa.String(length=40), nullable=False),
        sa.Column("decision_reason", sa.Text(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("allocated_to_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["allocated_to_id"], ["accounts.id"], name=op.f("fk_referrals_allocated_to_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["accounts.id"], name=op.f("fk_referrals_created_by_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_referrals_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
    )
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_referrals_young_person_id"), ["young_person_id"], unique=False
        )

    op.create_table(
        "status_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.String(length=40), nullable=True),
        sa.Column("to_status", sa.String(length=40), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("changed_by_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["changed_by_id"],
            ["accounts.id"],
            name=op.f("fk_status_changes_changed_by_id_accounts"),
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_status_changes_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_changes")),
    )
    with op.batch_alter_table("status_changes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_status_changes_young_person_id"), ["young_person_id"], unique=False
        )

    op.create_table(
        "tasks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["accounts.id"], name=op.f("fk_tasks_created_by_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["accounts.id"], name=op.f("fk_tasks_owner_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_tasks_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tasks")),
    )
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tasks_due_on"), ["due_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_tasks_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_tasks_young_person_id"), ["young_person_id"], unique=False
        )

    op.create_table(
        "chronology_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("entry_type", sa.String(length=40), nullable=False),
        sa.Column("summary", sa.String(length=300), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("significant", sa.Boolean(), nullable=False),
        sa.Column("written_by_id", sa.Integer(), nullable=False),
        sa.Column("replaced_at", sa.DateTime(), nullable=False),
        sa.Column("replaced_by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["chronology_entries.id"],
            name=op.f("fk_chronology_revisions_entry_id_chronology_entries"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["replaced_by_id"],
            ["accounts.id"],
            name=op.f("fk_chronology_revisions_replaced_by_id_accounts"),
        ),
        sa.ForeignKeyConstraint(
            ["written_by_id"],
            ["accounts.id"],
            name=op.f("fk_chronology_revisions_written_by_id_accounts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chronology_revisions")),
    )
    with op.batch_alter_table("chronology_revisions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_chronology_revisions_entry_id"), ["entry_id"], unique=False
        )

    with op.batch_alter_table("young_people", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "age_exception_reason", sa.Text(), nullable=False, server_default=sa.text("''")
            )
        )
        batch_op.add_column(
            sa.Column(
                "gender",
                sa.String(length=40),
                nullable=False,
                server_default=sa.text("'not_known'"),
            )
        )
        batch_op.add_column(
            sa.Column(
                "ethnicity",
                sa.String(length=40),
                nullable=False,
                server_default=sa.text("'not_known'"),
            )
        )
        batch_op.add_column(
            sa.Column(
                "first_language", sa.String(length=80), nullable=False, server_default=sa.text("''")
            )
        )
        batch_op.add_column(
            sa.Column(
                "interpreter_needed", sa.Boolean(), nullable=False, server_default=sa.text("'0'")
            )
        )
        batch_op.add_column(
            sa.Column(
                "eet_status",
                sa.String(length=40),
                nullable=False,
                server_default=sa.text("'not_known'"),
            )
        )
        batch_op.add_column(
            sa.Column(
                "school_or_college",
                sa.String(length=200),
                nullable=False,
                server_default=sa.text("''"),
            )
        )
        batch_op.add_column(
            sa.Column(
                "legal_status",
                sa.String(length=40),
                nullable=False,
                server_default=sa.text("'none'"),
            )
        )
        batch_op.add_column(
            sa.Column("send_needs", sa.Text(), nullable=False, server_default=sa.text("''"))
        )
        batch_op.add_column(
            sa.Column(
                "status", sa.String(length=40), nullable=False, server_default=sa.text("'referred'")
            )
        )
        batch_op.add_column(sa.Column("rag", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("rag_review_due", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("search_text", sa.Text(), nullable=False, server_default=sa.text("''"))
        )
        batch_op.create_index(batch_op.f("ix_young_people_rag"), ["rag"], unique=False)
        batch_op.create_index(batch_op.f("ix_young_people_status"), ["status"], unique=False)
    # Full-text index over chronology text, kept in step by triggers (inside the encrypted file).
    # Full-text index over the folded chronology text (case, accents and Arabic letter forms
    # folded by the services), kept in step by triggers, inside the encrypted file.
    op.execute(
        "CREATE VIRTUAL TABLE chronology_fts USING fts5(search_fold, "
        "content='chronology_entries', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER chronology_fts_insert AFTER INSERT ON chronology_entries BEGIN "
        "INSERT INTO chronology_fts(rowid, search_fold) VALUES (new.id, new.search_fold); END"
    )
    op.execute(
        "CREATE TRIGGER chronology_fts_delete AFTER DELETE ON chronology_entries BEGIN "
        "INSERT INTO chronology_fts(chronology_fts, rowid, search_fold) "
        "VALUES ('delete', old.id, old.search_fold); END"
    )
    op.execute(
        "CREATE TRIGGER chronology_fts_update AFTER UPDATE OF search_fold ON chronology_entries "
        "BEGIN "
        "INSERT INTO chronology_fts(chronology_fts, rowid, search_fold) "
        "VALUES ('delete', old.id, old.search_fold); "
        "INSERT INTO chronology_fts(rowid, search_fold) VALUES (new.id, new.search_fold); END"
    )
    flag_types = sa.table(
        "flag_types",
        sa.column("code", sa.String),
        sa.column("label", sa.String),
        sa.column("detail_prompt", sa.String),
        sa.column("active", sa.Boolean),
    )
    op.bulk_insert(
        flag_types,
        [
            {"code": code, "label": label, "detail_prompt": prompt, "active": True}
            for code, label, prompt in STANDARD_FLAGS
        ],
    )
    _fill_search_text()


def _fill_search_text() -> None:
    connection = op.get_bind()
    people = connection.execute(
        sa.text("SELECT id, given_name, family_name, known_as, case_reference FROM young_people")
    ).all()
    for row in people:
        connection.execute(
            sa.text("UPDATE young_people SET search_text = :text WHERE id = :id"),
            {"text": search_text(*row[1:]), "id": row.id},
        )


def downgrade() -> None:
    for trigger in ("chronology_fts_insert", "chronology_fts_delete", "chronology_fts_update"):
        op.execute(f"DROP TRIGGER {trigger}")
    op.execute("DROP TABLE chronology_fts")
    with op.batch_alter_table("young_people", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_young_people_status"))
        batch_op.drop_index(batch_op.f("ix_young_people_rag"))
        batch_op.drop_column("search_text")
        batch_op.drop_column("rag_review_due")
        batch_op.drop_column("rag")
        batch_op.drop_column("status")
        batch_op.drop_column("send_needs")
        batch_op.drop_column("legal_status")
        batch_op.drop_column("school_or_college")
        batch_op.drop_column("eet_status")
        batch_op.drop_column("interpreter_needed")
        batch_op.drop_column("first_language")
        batch_op.drop_column("ethnicity")
        batch_op.drop_column("gender")
        batch_op.drop_column("age_exception_reason")

    with op.batch_alter_table("chronology_revisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chronology_revisions_entry_id"))

    op.drop_table("chronology_revisions")
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tasks_young_person_id"))
        batch_op.drop_index(batch_op.f("ix_tasks_owner_id"))
        batch_op.drop_index(batch_op.f("ix_tasks_due_on"))

    op.drop_table("tasks")
    with op.batch_alter_table("status_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_status_changes_young_person_id"))

    op.drop_table("status_changes")
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referrals_young_person_id"))

    op.drop_table("referrals")
    with op.batch_alter_table("rag_ratings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rag_ratings_young_person_id"))

    op.drop_table("rag_ratings")
    with op.batch_alter_table("place_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_place_links_young_person_id"))
        batch_op.drop_index(batch_op.f("ix_place_links_place_id"))

    op.drop_table("place_links")
    with op.batch_alter_table("person_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_links_second_id"))
        batch_op.drop_index(batch_op.f("ix_person_links_first_id"))

    op.drop_table("person_links")
    with op.batch_alter_table("missing_episodes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_missing_episodes_young_person_id"))

    op.drop_table("missing_episodes")
    with op.batch_alter_table("interventions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interventions_young_person_id"))

    op.drop_table("interventions")
    with op.batch_alter_table("group_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_group_links_young_person_id"))
        batch_op.drop_index(batch_op.f("ix_group_links_group_id"))

    op.drop_table("group_links")
    with op.batch_alter_table("flags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_flags_young_person_id"))
        batch_op.drop_index(batch_op.f("ix_flags_flag_type_id"))

    op.drop_table("flags")
    with op.batch_alter_table("external_references", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_external_references_young_person_id"))

    op.drop_table("external_references")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contacts_young_person_id"))

    op.drop_table("contacts")
    with op.batch_alter_table("chronology_entries", schema=None) as batch_op:
        batch_op.drop_index("ix_chronology_person_time")

    op.drop_table("chronology_entries")
    with op.batch_alter_table("aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aliases_young_person_id"))

    op.drop_table("aliases")
    with op.batch_alter_table("addresses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_addresses_young_person_id"))

    op.drop_table("addresses")
    op.drop_table("places")
    op.drop_table("peer_groups")
    op.drop_table("flag_types")

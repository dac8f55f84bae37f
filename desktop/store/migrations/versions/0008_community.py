"""Community engagement: partners with their contacts and notes, engagement activities (attendance
by audience, partners involved, actions, insight reports shared, training confidence ratings),
outreach ride-outs, critical incidents, and the strategy's outcomes linked to activities and
actions.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "critical_incidents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("area", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "fatal_stabbing",
                "stabbing",
                "shooting",
                "serious_assault",
                "public_disorder",
                "other_incident",
                name="incidentkind",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("families", sa.Text(), nullable=False),
        sa.Column("tension_notes", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["accounts.id"],
            name=op.f("fk_critical_incidents_created_by_id_accounts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_critical_incidents")),
    )
    op.create_index(
        op.f("ix_critical_incidents_occurred_on"),
        "critical_incidents",
        ["occurred_on"],
        unique=False,
    )
    op.create_table(
        "engagement_activities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "community_event",
                "parents_carers_gathering",
                "workshop_or_online_meeting",
                "training_session",
                "course",
                "consultation",
                name="activitykind",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("venue", sa.String(length=200), nullable=False),
        sa.Column("online", sa.Boolean(), nullable=False),
        sa.Column("languages", sa.Text(), nullable=False),
        sa.Column("communities", sa.Text(), nullable=False),
        sa.Column("themes", sa.Text(), nullable=False),
        sa.Column("concerns", sa.Text(), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("recommendations", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["accounts.id"],
            name=op.f("fk_engagement_activities_created_by_id_accounts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_engagement_activities")),
    )
    op.create_index(
        op.f("ix_engagement_activities_held_on"), "engagement_activities", ["held_on"], unique=False
    )
    op.create_index(
        op.f("ix_engagement_activities_kind"), "engagement_activities", ["kind"], unique=False
    )
    op.create_table(
        "partners",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "community_group",
                "faith_institution",
                "school_partner",
                "health_partner",
                "voluntary_sector",
                "council_service",
                "police_partner",
                "housing_partner",
                "other_partner",
                name="partnerkind",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("area", sa.String(length=200), nullable=False),
        sa.Column("communities", sa.Text(), nullable=False),
        sa.Column("languages", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["accounts.id"], name=op.f("fk_partners_created_by_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partners")),
    )
    op.create_index(op.f("ix_partners_name"), "partners", ["name"], unique=False)
    op.create_table(
        "ride_outs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("area", sa.String(length=200), nullable=False),
        sa.Column("concerns", sa.Text(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["accounts.id"], name=op.f("fk_ride_outs_recorded_by_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ride_outs")),
    )
    op.create_index(op.f("ix_ride_outs_started_at"), "ride_outs", ["started_at"], unique=False)
    op.create_table(
        "activity_attendance",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column(
            "audience",
            sa.Enum(
                "parents_carers",
                "mothers",
                "fathers",
                "women",
                "young_people",
                "residents",
                "community_leaders",
                "faith_leaders",
                "frontline_professionals",
                "teachers_school_staff",
                "health_professionals",
                "volunteers",
                "other_audience",
                name="audiencekind",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["engagement_activities.id"],
            name=op.f("fk_activity_attendance_activity_id_engagement_activities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("activity_id", "audience", name=op.f("pk_activity_attendance")),
    )
    op.create_table(
        "activity_outcomes",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum(
                "participation_involvement",
                "trust_confidence",
                "services_outcomes",
                "resilience_preparedness",
                name="strategyoutcome",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["engagement_activities.id"],
            name=op.f("fk_activity_outcomes_activity_id_engagement_activities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("activity_id", "outcome", name=op.f("pk_activity_outcomes")),
    )
    op.create_index(
        op.f("ix_activity_outcomes_outcome"), "activity_outcomes", ["outcome"], unique=False
    )
    op.create_table(
        "activity_partners",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["engagement_activities.id"],
            name=op.f("fk_activity_partners_activity_id_engagement_activities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partners.id"],
            name=op.f("fk_activity_partners_partner_id_partners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("activity_id", "partner_id", name=op.f("pk_activity_partners")),
    )
    op.create_index(
        op.f("ix_activity_partners_partner_id"), "activity_partners", ["partner_id"], unique=False
    )
    op.create_table(
        "engagement_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner_name", sa.String(length=200), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "to_do",
                "in_progress",
                "done",
                "dropped_action",
                name="actionstatus",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["engagement_activities.id"],
            name=op.f("fk_engagement_actions_activity_id_engagement_activities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["accounts.id"], name=op.f("fk_engagement_actions_owner_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_engagement_actions")),
    )
    op.create_index(
        op.f("ix_engagement_actions_activity_id"),
        "engagement_actions",
        ["activity_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_engagement_actions_status"), "engagement_actions", ["status"], unique=False
    )
    op.create_table(
        "incident_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner_name", sa.String(length=200), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "to_do",
                "in_progress",
                "done",
                "dropped_action",
                name="actionstatus",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["critical_incidents.id"],
            name=op.f("fk_incident_actions_incident_id_critical_incidents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["accounts.id"], name=op.f("fk_incident_actions_owner_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_actions")),
    )
    op.create_index(
        op.f("ix_incident_actions_incident_id"), "incident_actions", ["incident_id"], unique=False
    )
    op.create_table(
        "incident_people",
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["critical_incidents.id"],
            name=op.f("fk_incident_people_incident_id_critical_incidents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_incident_people_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("incident_id", "young_person_id", name=op.f("pk_incident_people")),
    )
    op.create_index(
        op.f("ix_incident_people_young_person_id"),
        "incident_people",
        ["young_person_id"],
        unique=False,
    )
    op.create_table(
        "incident_support",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "support_visit",
                "support_call",
                "support_referral",
                "other_support",
                name="supportkind",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("offered_to", sa.String(length=200), nullable=False),
        sa.Column("offered_on", sa.Date(), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["critical_incidents.id"],
            name=op.f("fk_incident_support_incident_id_critical_incidents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["accounts.id"], name=op.f("fk_incident_support_staff_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_support")),
    )
    op.create_index(
        op.f("ix_incident_support_incident_id"), "incident_support", ["incident_id"], unique=False
    )
    op.create_table(
        "partner_contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=60), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partners.id"],
            name=op.f("fk_partner_contacts_partner_id_partners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_contacts")),
    )
    op.create_index(
        op.f("ix_partner_contacts_partner_id"), "partner_contacts", ["partner_id"], unique=False
    )
    op.create_table(
        "partner_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("noted_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"], ["accounts.id"], name=op.f("fk_partner_notes_author_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partners.id"],
            name=op.f("fk_partner_notes_partner_id_partners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_notes")),
    )
    op.create_index(
        op.f("ix_partner_notes_partner_id"), "partner_notes", ["partner_id"], unique=False
    )
    op.create_table(
        "report_shares",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("shared_on", sa.Date(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["engagement_activities.id"],
            name=op.f("fk_report_shares_activity_id_engagement_activities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partners.id"],
            name=op.f("fk_report_shares_partner_id_partners"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["accounts.id"],
            name=op.f("fk_report_shares_recorded_by_id_accounts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_shares")),
    )
    op.create_index(
        op.f("ix_report_shares_activity_id"), "report_shares", ["activity_id"], unique=False
    )
    op.create_index(
        op.f("ix_report_shares_partner_id"), "report_shares", ["partner_id"], unique=False
    )
    op.create_table(
        "ride_out_staff",
        sa.Column("ride_out_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_ride_out_staff_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["ride_out_id"],
            ["ride_outs.id"],
            name=op.f("fk_ride_out_staff_ride_out_id_ride_outs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("ride_out_id", "account_id", name=op.f("pk_ride_out_staff")),
    )
    op.create_table(
        "training_ratings",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column(
            "stage",
            sa.Enum(
                "before_training",
                "after_training",
                name="ratingstage",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["engagement_activities.id"],
            name=op.f("fk_training_ratings_activity_id_engagement_activities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("activity_id", "stage", "rating", name=op.f("pk_training_ratings")),
    )
    op.create_table(
        "action_outcomes",
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum(
                "participation_involvement",
                "trust_confidence",
                "services_outcomes",
                "resilience_preparedness",
                name="strategyoutcome",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["engagement_actions.id"],
            name=op.f("fk_action_outcomes_action_id_engagement_actions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("action_id", "outcome", name=op.f("pk_action_outcomes")),
    )
    op.create_index(
        op.f("ix_action_outcomes_outcome"), "action_outcomes", ["outcome"], unique=False
    )
    op.create_table(
        "ride_out_people",
        sa.Column("ride_out_id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column("chronology_entry_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["chronology_entry_id"],
            ["chronology_entries.id"],
            name=op.f("fk_ride_out_people_chronology_entry_id_chronology_entries"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["ride_out_id"],
            ["ride_outs.id"],
            name=op.f("fk_ride_out_people_ride_out_id_ride_outs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_ride_out_people_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("ride_out_id", "young_person_id", name=op.f("pk_ride_out_people")),
    )
    op.create_index(
        op.f("ix_ride_out_people_young_person_id"),
        "ride_out_people",
        ["young_person_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_ride_out_people_young_person_id"), table_name="ride_out_people")
    op.drop_table("ride_out_people")
    op.drop_index(op.f("ix_action_outcomes_outcome"), table_name="action_outcomes")
    op.drop_table("action_outcomes")
    op.drop_table("training_ratings")
    op.drop_table("ride_out_staff")
    op.drop_index(op.f("ix_report_shares_partner_id"), table_name="report_shares")
    op.drop_index(op.f("ix_report_shares_activity_id"), table_name="report_shares")
    op.drop_table("report_shares")
    op.drop_index(op.f("ix_partner_notes_partner_id"), table_name="partner_notes")
    op.drop_table("partner_notes")
    op.drop_index(op.f("ix_partner_contacts_partner_id"), table_name="partner_contacts")
    op.drop_table("partner_contacts")
    op.drop_index(op.f("ix_incident_support_incident_id"), table_name="incident_support")
    op.drop_table("incident_support")
    op.drop_index(op.f("ix_incident_people_young_person_id"), table_name="incident_people")
    op.drop_table("incident_people")
    op.drop_index(op.f("ix_incident_actions_incident_id"), table_name="incident_actions")
    op.drop_table("incident_actions")
    op.drop_index(op.f("ix_engagement_actions_status"), table_name="engagement_actions")
    op.drop_index(op.f("ix_engagement_actions_activity_id"), table_name="engagement_actions")
    op.drop_table("engagement_actions")
    op.drop_index(op.f("ix_activity_partners_partner_id"), table_name="activity_partners")
    op.drop_table("activity_partners")
    op.drop_index(op.f("ix_activity_outcomes_outcome"), table_name="activity_outcomes")
    op.drop_table("activity_outcomes")
    op.drop_table("activity_attendance")
    op.drop_index(op.f("ix_ride_outs_started_at"), table_name="ride_outs")
    op.drop_table("ride_outs")
    op.drop_index(op.f("ix_partners_name"), table_name="partners")
    op.drop_table("partners")
    op.drop_index(op.f("ix_engagement_activities_kind"), table_name="engagement_activities")
    op.drop_index(op.f("ix_engagement_activities_held_on"), table_name="engagement_activities")
    op.drop_table("engagement_activities")
    op.drop_index(op.f("ix_critical_incidents_occurred_on"), table_name="critical_incidents")
    op.drop_table("critical_incidents")

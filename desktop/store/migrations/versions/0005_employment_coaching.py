"""Employment coaching: plans, the dated history in education, employment or training,
barriers (a standard list the coordinator extends), SMART goals and actions, sessions,
milestones and plan reviews.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# The standard barriers as this revision adds them (a later change to the list in
# desktop/models/coaching.py must come in a revision of its own).
STANDARD_BARRIERS = (
    ("no_id", "No ID documents"),
    ("no_bank_account", "No bank account"),
    ("criminal_record", "Criminal record or disclosure"),
    ("literacy_numeracy", "Literacy or numeracy"),
    ("english_language", "English language"),
    ("housing", "Housing"),
    ("travel_safety", "Travel safety and territory"),
    ("caring", "Caring responsibilities"),
    ("health", "Health or mental health"),
    ("substance_use", "Substance use"),
    ("no_phone_internet", "No phone or internet access"),
)


def upgrade() -> None:
    op.create_table(
        "barrier_types",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_barrier_types")),
        sa.UniqueConstraint("code", name=op.f("uq_barrier_types_code")),
    )
    op.create_table(
        "coaching_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column("coach_id", sa.Integer(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("aspirations", sa.Text(), nullable=False),
        sa.Column("strengths", sa.Text(), nullable=False),
        sa.Column("review_due_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("closing_reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["coach_id"], ["accounts.id"], name=op.f("fk_coaching_plans_coach_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_coaching_plans_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coaching_plans")),
    )
    op.create_index(
        op.f("ix_coaching_plans_coach_id"), "coaching_plans", ["coach_id"], unique=False
    )
    op.create_index(
        op.f("ix_coaching_plans_review_due_on"), "coaching_plans", ["review_due_on"], unique=False
    )
    op.create_index(
        op.f("ix_coaching_plans_young_person_id"),
        "coaching_plans",
        ["young_person_id"],
        unique=False,
    )
    op.create_table(
        "eet_spells",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("young_person_id", sa.Integer(), nullable=False),
        sa.Column(
            "activity",
            sa.Enum(
                "neet_activity",
                "education",
                "training_activity",
                "apprenticeship_activity",
                "employment",
                "volunteering",
                "self_employed",
                name="eetactivity",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("reason_for_change", sa.Text(), nullable=False),
        sa.Column("provider", sa.String(length=200), nullable=False),
        sa.Column("hours_per_week", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["accounts.id"], name=op.f("fk_eet_spells_recorded_by_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_eet_spells_young_person_id_young_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_eet_spells")),
    )
    op.create_index(
        op.f("ix_eet_spells_young_person_id"), "eet_spells", ["young_person_id"], unique=False
    )
    op.create_table(
        "barriers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("barrier_type_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "being_addressed",
                "resolved",
                name="barrierstatus",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("resolved_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["barrier_type_id"],
            ["barrier_types.id"],
            name=op.f("fk_barriers_barrier_type_id_barrier_types"),
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["coaching_plans.id"],
            name=op.f("fk_barriers_plan_id_coaching_plans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_barriers")),
    )
    op.create_index(op.f("ix_barriers_plan_id"), "barriers", ["plan_id"], unique=False)
    op.create_table(
        "coaching_goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("measure", sa.Text(), nullable=False),
        sa.Column("target_on", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "active_goal",
                "achieved",
                "dropped_goal",
                name="goalstatus",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("achieved_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["coaching_plans.id"],
            name=op.f("fk_coaching_goals_plan_id_coaching_plans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coaching_goals")),
    )
    op.create_index(op.f("ix_coaching_goals_plan_id"), "coaching_goals", ["plan_id"], unique=False)
    op.create_table(
        "coaching_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("held_at", sa.DateTime(), nullable=False),
        sa.Column(
            "mode",
            sa.Enum(
                "in_person",
                "online_video",
                "phone_call",
                "message",
                name="coachingmode",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("attended", sa.Boolean(), nullable=False),
        sa.Column("what_was_done", sa.Text(), nullable=False),
        sa.Column("next_steps", sa.Text(), nullable=False),
        sa.Column("chronology_entry_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["chronology_entry_id"],
            ["chronology_entries.id"],
            name=op.f("fk_coaching_sessions_chronology_entry_id_chronology_entries"),
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["coaching_plans.id"],
            name=op.f("fk_coaching_sessions_plan_id_coaching_plans"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["accounts.id"],
            name=op.f("fk_coaching_sessions_recorded_by_id_accounts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coaching_sessions")),
    )
    op.create_index(
        op.f("ix_coaching_sessions_held_at"), "coaching_sessions", ["held_at"], unique=False
    )
    op.create_index(
        op.f("ix_coaching_sessions_plan_id"), "coaching_sessions", ["plan_id"], unique=False
    )
    op.create_table(
        "milestones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "cv_written",
                "id_obtained",
                "bank_account_opened",
                "cscs_card",
                "other_card",
                "application_made",
                "interview",
                "offer",
                "course_start",
                "apprenticeship_start",
                "job_start",
                "sustained_4_weeks",
                "sustained_13_weeks",
                "sustained_26_weeks",
                name="milestonekind",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("achieved_on", sa.Date(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["coaching_plans.id"],
            name=op.f("fk_milestones_plan_id_coaching_plans"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["accounts.id"], name=op.f("fk_milestones_recorded_by_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_milestones")),
    )
    op.create_index(op.f("ix_milestones_achieved_on"), "milestones", ["achieved_on"], unique=False)
    op.create_index(op.f("ix_milestones_plan_id"), "milestones", ["plan_id"], unique=False)
    op.create_table(
        "plan_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("reviewed_on", sa.Date(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("next_review_on", sa.Date(), nullable=False),
        sa.Column("reviewed_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["coaching_plans.id"],
            name=op.f("fk_plan_reviews_plan_id_coaching_plans"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by_id"],
            ["accounts.id"],
            name=op.f("fk_plan_reviews_reviewed_by_id_accounts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_reviews")),
    )
    op.create_index(op.f("ix_plan_reviews_plan_id"), "plan_reviews", ["plan_id"], unique=False)
    op.create_table(
        "goal_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column(
            "owner",
            sa.Enum(
                "young_person_owner",
                "coach",
                "other_agency",
                name="actionowner",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("agency", sa.String(length=200), nullable=False),
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
            ["goal_id"],
            ["coaching_goals.id"],
            name=op.f("fk_goal_actions_goal_id_coaching_goals"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal_actions")),
    )
    op.create_index(op.f("ix_goal_actions_due_on"), "goal_actions", ["due_on"], unique=False)
    op.create_index(op.f("ix_goal_actions_goal_id"), "goal_actions", ["goal_id"], unique=False)
    barrier_types = sa.table(
        "barrier_types",
        sa.column("code", sa.String),
        sa.column("label", sa.String),
        sa.column("active", sa.Boolean),
    )
    op.bulk_insert(
        barrier_types,
        [{"code": code, "label": label, "active": True} for code, label in STANDARD_BARRIERS],
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_goal_actions_due_on"), table_name="goal_actions")
    op.drop_index(op.f("ix_goal_actions_goal_id"), table_name="goal_actions")
    op.drop_table("goal_actions")
    op.drop_index(op.f("ix_plan_reviews_plan_id"), table_name="plan_reviews")
    op.drop_table("plan_reviews")
    op.drop_index(op.f("ix_milestones_achieved_on"), table_name="milestones")
    op.drop_index(op.f("ix_milestones_plan_id"), table_name="milestones")
    op.drop_table("milestones")
    op.drop_index(op.f("ix_coaching_sessions_held_at"), table_name="coaching_sessions")
    op.drop_index(op.f("ix_coaching_sessions_plan_id"), table_name="coaching_sessions")
    op.drop_table("coaching_sessions")
    op.drop_index(op.f("ix_coaching_goals_plan_id"), table_name="coaching_goals")
    op.drop_table("coaching_goals")
    op.drop_index(op.f("ix_barriers_plan_id"), table_name="barriers")
    op.drop_table("barriers")
    op.drop_index(op.f("ix_eet_spells_young_person_id"), table_name="eet_spells")
    op.drop_table("eet_spells")
    op.drop_index(op.f("ix_coaching_plans_coach_id"), table_name="coaching_plans")
    op.drop_index(op.f("ix_coaching_plans_review_due_on"), table_name="coaching_plans")
    op.drop_index(op.f("ix_coaching_plans_young_person_id"), table_name="coaching_plans")
    op.drop_table("coaching_plans")
    op.drop_table("barrier_types")

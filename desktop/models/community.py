"""Community engagement: partner organisations and their contacts, engagement activities (with
attendance counted by audience, partners involved, actions, insight reports shared, training
confidence ratings), outreach ride-outs, critical incidents, and the strategy's outcomes."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, UtcDateTime, choice
from desktop.models.choices import (
    ActionStatus,
    ActivityKind,
    AudienceKind,
    IncidentKind,
    PartnerKind,
    RatingStage,
    StrategyOutcome,
    SupportKind,
)


class Partner(Base):
    """An organisation the unit works with: a mosque, a school, a women's group, a GP practice."""

    __tablename__ = "partners"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[PartnerKind] = mapped_column(choice(PartnerKind))
    area: Mapped[str] = mapped_column(String(200), default="")
    # Free text, one a line: the communities and languages the organisation serves.
    communities: Mapped[str] = mapped_column(Text, default="")
    languages: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(default=True)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class PartnerContact(Base):
    """Someone at a partner organisation (a professional contact, not a member of the public)."""

    __tablename__ = "partner_contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(
        ForeignKey("partners.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(200), default="")


class PartnerNote(Base):
    """A dated note in the history of joint work with a partner."""

    __tablename__ = "partner_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(
        ForeignKey("partners.id", ondelete="CASCADE"), index=True
    )
    noted_on: Mapped[date]
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class EngagementActivity(Base):
    """An event, gathering, workshop, training session, course or consultation."""

    __tablename__ = "engagement_activities"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ActivityKind] = mapped_column(choice(ActivityKind), index=True)
    title: Mapped[str] = mapped_column(String(300))
    held_on: Mapped[date] = mapped_column(index=True)
    venue: Mapped[str] = mapped_column(String(200), default="")
    online: Mapped[bool] = mapped_column(default=False)
    # Free text, one a line.
    languages: Mapped[str] = mapped_column(Text, default="")
    communities: Mapped[str] = mapped_column(Text, default="")
    themes: Mapped[str] = mapped_column(Text, default="")
    concerns: Mapped[str] = mapped_column(Text, default="")
    findings: Mapped[str] = mapped_column(Text, default="")
    recommendations: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ActivityPartner(Base):
    __tablename__ = "activity_partners"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("engagement_activities.id", ondelete="CASCADE"), primary_key=True
    )
    partner_id: Mapped[int] = mapped_column(
        ForeignKey("partners.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ActivityAttendance(Base):
    """How many of one audience came: a count, never names."""

    __tablename__ = "activity_attendance"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("engagement_activities.id", ondelete="CASCADE"), primary_key=True
    )
    audience: Mapped[AudienceKind] = mapped_column(choice(AudienceKind), primary_key=True)
    count: Mapped[int]


class EngagementAction(Base):
    """An action from an activity's action plan, or (no activity) a standing strategy action."""

    __tablename__ = "engagement_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("engagement_activities.id", ondelete="CASCADE"), default=None, index=True
    )
    description: Mapped[str] = mapped_column(Text)
    owner_name: Mapped[str] = mapped_column(String(200), default="")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)
    due_on: Mapped[date | None] = mapped_column(default=None)
    status: Mapped[ActionStatus] = mapped_column(choice(ActionStatus), index=True)
    done_on: Mapped[date | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ReportShare(Base):
    """The activity's insight report was shared with a partner on a day."""

    __tablename__ = "report_shares"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("engagement_activities.id", ondelete="CASCADE"), index=True
    )
    partner_id: Mapped[int] = mapped_column(
        ForeignKey("partners.id", ondelete="CASCADE"), index=True
    )
    shared_on: Mapped[date]
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class TrainingRating(Base):
    """How many attendees of a training session gave a confidence rating (1 to 5), before or
    after it: what a trainer tallies from the show of hands or the paper forms."""

    __tablename__ = "training_ratings"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("engagement_activities.id", ondelete="CASCADE"), primary_key=True
    )
    stage: Mapped[RatingStage] = mapped_column(choice(RatingStage), primary_key=True)
    rating: Mapped[int] = mapped_column(primary_key=True)
    count: Mapped[int]


class ActivityOutcome(Base):
    """An activity serves one of the strategy's outcomes."""

    __tablename__ = "activity_outcomes"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("engagement_activities.id", ondelete="CASCADE"), primary_key=True
    )
    outcome: Mapped[StrategyOutcome] = mapped_column(
        choice(StrategyOutcome), primary_key=True, index=True
    )


class ActionOutcome(Base):
    """An engagement action serves one of the strategy's outcomes."""

    __tablename__ = "action_outcomes"

    action_id: Mapped[int] = mapped_column(
        ForeignKey("engagement_actions.id", ondelete="CASCADE"), primary_key=True
    )
    outcome: Mapped[StrategyOutcome] = mapped_column(
        choice(StrategyOutcome), primary_key=True, index=True
    )


class RideOut(Base):
    """An outreach round in the borough to see young people known to the unit."""

    __tablename__ = "ride_outs"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    area: Mapped[str] = mapped_column(String(200))
    concerns: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class RideOutStaff(Base):
    __tablename__ = "ride_out_staff"

    ride_out_id: Mapped[int] = mapped_column(
        ForeignKey("ride_outs.id", ondelete="CASCADE"), primary_key=True
    )
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), primary_key=True)


class RideOutPerson(Base):
    """A young person seen on the ride-out, with the chronology entry it added to their case."""

    __tablename__ = "ride_out_people"

    ride_out_id: Mapped[int] = mapped_column(
        ForeignKey("ride_outs.id", ondelete="CASCADE"), primary_key=True
    )
    young_person_id: Mapped[int] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    chronology_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("chronology_entries.id", ondelete="SET NULL"), default=None
    )


class CriticalIncident(Base):
    """A serious incident in the community (a fatal stabbing) and the unit's response to it."""

    __tablename__ = "critical_incidents"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_on: Mapped[date] = mapped_column(index=True)
    area: Mapped[str] = mapped_column(String(200))
    kind: Mapped[IncidentKind] = mapped_column(choice(IncidentKind))
    summary: Mapped[str] = mapped_column(Text, default="")
    # Families affected, as free text (a family not on the caseload has no record to link).
    families: Mapped[str] = mapped_column(Text, default="")
    tension_notes: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class IncidentPerson(Base):
    """A young person on the caseload affected by the incident."""

    __tablename__ = "incident_people"

    incident_id: Mapped[int] = mapped_column(
        ForeignKey("critical_incidents.id", ondelete="CASCADE"), primary_key=True
    )
    young_person_id: Mapped[int] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class IncidentSupport(Base):
    """Support offered after the incident (a visit, a call, a referral), and when it was given."""

    __tablename__ = "incident_support"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("critical_incidents.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[SupportKind] = mapped_column(choice(SupportKind))
    offered_to: Mapped[str] = mapped_column(String(200), default="")
    offered_on: Mapped[date]
    given_on: Mapped[date | None] = mapped_column(default=None)
    description: Mapped[str] = mapped_column(Text, default="")
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)


class IncidentAction(Base):
    """A follow-up action after the incident."""

    __tablename__ = "incident_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("critical_incidents.id", ondelete="CASCADE"), index=True
    )
    description: Mapped[str] = mapped_column(Text)
    owner_name: Mapped[str] = mapped_column(String(200), default="")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)
    due_on: Mapped[date | None] = mapped_column(default=None)
    status: Mapped[ActionStatus] = mapped_column(choice(ActionStatus))
    done_on: Mapped[date | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)

"""SQLAlchemy typed ORM entities, one module per area."""

from desktop.models.accounts import Account, Role
from desktop.models.audit import AuditEntry
from desktop.models.base import Base
from desktop.models.case_status import StatusChange
from desktop.models.chronology import ChronologyEntry, ChronologyRevision
from desktop.models.coaching import (
    Barrier,
    BarrierType,
    CoachingGoal,
    CoachingPlan,
    CoachingSession,
    EetSpell,
    GoalAction,
    Milestone,
    PlanReview,
)
from desktop.models.community import (
    ActionOutcome,
    ActivityAttendance,
    ActivityOutcome,
    ActivityPartner,
    CriticalIncident,
    EngagementAction,
    EngagementActivity,
    IncidentAction,
    IncidentPerson,
    IncidentSupport,
    Partner,
    PartnerContact,
    PartnerNote,
    ReportShare,
    RideOut,
    RideOutPerson,
    RideOutStaff,
    TrainingRating,
)
from desktop.models.contextual import GroupLink, PeerGroup, Place, PlaceLink
from desktop.models.drafts import Draft
from desktop.models.interventions import Intervention
from desktop.models.meetings import (
    Meeting,
    MeetingAction,
    MeetingAttendee,
    MeetingItem,
    MeetingPerson,
)
from desktop.models.missing import MissingEpisode
from desktop.models.network import Contact, PersonLink
from desktop.models.people import Address, Alias, Allocation, ExternalReference, YoungPerson
from desktop.models.referrals import Referral
from desktop.models.risk import Flag, FlagType, RagRating
from desktop.models.tasks import Task
from desktop.models.therapy import (
    NoteAddendum,
    OutcomeMeasure,
    PersonalWord,
    SessionAttendance,
    SessionNote,
    TherapyCase,
    TherapyCaseContact,
    TherapyCasePerson,
    TherapySession,
)
from desktop.models.vault_settings import VaultSetting

__all__ = [
    "ActionOutcome",
    "ActivityAttendance",
    "ActivityOutcome",
    "ActivityPartner",
    "CriticalIncident",
    "EngagementAction",
    "EngagementActivity",
    "IncidentAction",
    "IncidentPerson",
    "IncidentSupport",
    "Partner",
    "PartnerContact",
    "PartnerNote",
    "ReportShare",
    "RideOut",
    "RideOutPerson",
    "RideOutStaff",
    "TrainingRating",
    "Account",
    "Barrier",
    "BarrierType",
    "CoachingGoal",
    "CoachingPlan",
    "CoachingSession",
    "EetSpell",
    "GoalAction",
    "Milestone",
    "OutcomeMeasure",
    "PersonalWord",
    "PlanReview",
    "Address",
    "Alias",
    "Allocation",
    "AuditEntry",
    "Base",
    "ChronologyEntry",
    "ChronologyRevision",
    "Contact",
    "Draft",
    "ExternalReference",
    "Flag",
    "FlagType",
    "GroupLink",
    "Intervention",
    "Meeting",
    "MeetingAction",
    "MeetingAttendee",
    "MeetingItem",
    "MeetingPerson",
    "MissingEpisode",
    "NoteAddendum",
    "PeerGroup",
    "PersonLink",
    "Place",
    "PlaceLink",
    "RagRating",
    "Referral",
    "Role",
    "SessionAttendance",
    "SessionNote",
    "StatusChange",
    "Task",
    "TherapyCase",
    "TherapyCaseContact",
    "TherapyCasePerson",
    "TherapySession",
    "VaultSetting",
    "YoungPerson",
]

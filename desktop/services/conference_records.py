"""What a case-conference pack holds: its sections, the author's typed texts, and the content."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime


class PackSection(enum.StrEnum):
    """The pack's sections, in the order the document prints them."""

    PROFILE = "profile_and_family_network"
    LAST_SEEN = "last_seen"
    REFERRAL = "referral_and_reasons"
    RISK = "risk_and_flags"
    EVENTS = "significant_events"
    INVOLVEMENT = "involvement"
    VIEWS = "views"
    WORRIES = "worries_working_well_needs"
    RECOMMENDATIONS = "recommendations"
    ACTION_PLAN = "proposed_action_plan"

    @property
    def heading(self) -> str:
        return SECTION_TITLES[self]


SECTION_TITLES = {
    PackSection.PROFILE: "Profile and family network",
    PackSection.LAST_SEEN: "When last seen, and by whom",
    PackSection.REFERRAL: "Referral and reasons",
    PackSection.RISK: "Current risk and flags",
    PackSection.EVENTS: "Chronology of significant events",
    PackSection.INVOLVEMENT: "Involvement of each discipline",
    PackSection.VIEWS: "The young person's and family's views",
    PackSection.WORRIES: "What we are worried about, what is working well, what needs to happen",
    PackSection.RECOMMENDATIONS: "Recommendations",
    PackSection.ACTION_PLAN: "Proposed action plan",
}

SECTIONS: tuple[PackSection, ...] = tuple(PackSection)
DOCUMENT_KIND = "case_conference_pack"


@dataclass(frozen=True)
class ActionPlanRow:
    action: str
    who: str = ""
    by_when: str = ""  # free text: "before the review", "14 April 2025"

    @property
    def filled(self) -> bool:
        return bool(self.action.strip())


@dataclass(frozen=True)
class PackTexts:
    """What the author types in the builder: nothing in the vault records these."""

    young_person_views: str = ""
    family_views: str = ""
    worries: str = ""
    working_well: str = ""
    needs_to_happen: str = ""
    recommendations: str = ""
    action_plan: tuple[ActionPlanRow, ...] = ()
    meeting_date: date | None = None


@dataclass(frozen=True)
class PackOptions:
    """The builder's choices: the period (None: open-ended), sections, and typed texts."""

    start: date | None = None
    end: date | None = None
    sections: tuple[PackSection, ...] = SECTIONS
    texts: PackTexts = field(default_factory=PackTexts)
    # The document-control table: this version's number and who the pack goes to.
    version: str = "1"
    distribution: tuple[str, ...] = ()
    # Encrypts the file (Word asks for it on opening); None: no password.
    password: str | None = field(default=None, repr=False)


class ExportCancelledError(Exception):
    def __init__(self) -> None:
        super().__init__("The export was cancelled; no document was written.")


# ---- the content, already filtered to what this user may see ------------------------------
@dataclass(frozen=True)
class NetworkLine:
    name: str
    relationship: str
    agency: str
    notes: str  # "lives with them", "parental responsibility"


@dataclass(frozen=True)
class SeenLine:
    when: datetime
    kind: str
    by: str
    summary: str
    in_person: bool  # False: a phone call


@dataclass(frozen=True)
class ReferralLine:
    received_on: date
    source: str
    referrer: str
    reason: str
    concerns: str
    decision: str


@dataclass(frozen=True)
class RagLine:
    rated_on: date
    rating: str
    rationale: str
    by: str


@dataclass(frozen=True)
class FlagLine:
    label: str
    started_on: date
    ended_on: date | None
    source: str
    detail: str

    @property
    def current(self) -> bool:
        return self.ended_on is None


@dataclass(frozen=True)
class EventLine:
    when: datetime
    kind: str
    summary: str
    by: str
    analysis: str = ""  # the author's analysis of the event, as written in the chronology


@dataclass(frozen=True)
class InterventionLine:
    discipline: str
    kind: str
    started_on: date
    ended_on: date | None
    worker: str
    description: str
    outcome: str


@dataclass(frozen=True)
class TherapyLine:
    """A therapy session's shareable summary (never process notes)."""

    held_on: date
    outcome: str
    therapist: str
    summary: str


@dataclass(frozen=True)
class CoachingProgress:
    coach: str
    started_on: date
    doing_now: str
    goals: tuple[tuple[str, str], ...]  # (goal, status)
    milestones: tuple[tuple[date, str], ...]
    sessions_offered: int
    sessions_attended: int


@dataclass(frozen=True)
class ViewLine:
    whose: str
    words: str


@dataclass(frozen=True)
class SharingLine:
    """A current consent or decision to share: the basis for sharing with an agency."""

    agency: str  # the agency's name, or "Any agency in the plan"
    kind: str
    basis: str
    given_by: str
    decided_on: date
    review_on: date | None
    scope: str


@dataclass(frozen=True)
class ConferencePack:
    """Everything the document needs, as plain values readable after the session has closed."""

    person_name: str
    date_of_birth: date | None
    case_reference: str
    meeting_date: date | None
    author: str
    author_role: str
    made_at: datetime
    start: date | None
    end: date | None
    sections: tuple[PackSection, ...]  # the chosen sections that have something, in order
    version: str = "1"
    distribution: tuple[str, ...] = ()
    profile: tuple[tuple[str, str], ...] = ()
    network: tuple[NetworkLine, ...] = ()
    last_seen: tuple[SeenLine, ...] = ()
    referrals: tuple[ReferralLine, ...] = ()
    current_rag: str = ""
    ratings: tuple[RagLine, ...] = ()
    flags: tuple[FlagLine, ...] = ()
    events: tuple[EventLine, ...] = ()
    interventions: tuple[InterventionLine, ...] = ()
    therapy: tuple[TherapyLine, ...] = ()
    coaching: CoachingProgress | None = None
    views: tuple[ViewLine, ...] = ()
    worries: str = ""
    working_well: str = ""
    needs_to_happen: str = ""
    recommendations: str = ""
    action_plan: tuple[ActionPlanRow, ...] = ()
    # Always printed with the handling instructions, whatever sections are chosen.
    sharing: tuple[SharingLine, ...] = ()
    # Agencies in the professional network with no current basis for sharing.
    unshared_agencies: tuple[str, ...] = ()

    def count(self, section: PackSection) -> int:
        """Entries in a section; 0 means the section is left out of the document."""
        texts = (self.worries, self.working_well, self.needs_to_happen)
        counts = {
            PackSection.PROFILE: len(self.profile) and 1 + len(self.network),
            PackSection.LAST_SEEN: len(self.last_seen),
            PackSection.REFERRAL: len(self.referrals),
            PackSection.RISK: len(self.ratings) + len(self.flags),
            PackSection.EVENTS: len(self.events),
            PackSection.INVOLVEMENT: len(self.interventions)
            + len(self.therapy)
            + (self.coaching is not None),
            PackSection.VIEWS: len(self.views),
            PackSection.WORRIES: sum(bool(text.strip()) for text in texts),
            PackSection.RECOMMENDATIONS: int(bool(self.recommendations.strip())),
            PackSection.ACTION_PLAN: len(self.action_plan),
        }
        return counts[section]

"""Fixed lists the caseload uses (stored as their short codes, shown by their labels)."""

from __future__ import annotations

import enum


class Choice(enum.StrEnum):
    """A stored code with a label for people (from LABELS, else the code made readable)."""

    @property
    def label(self) -> str:
        return LABELS.get(self.value, self.value.replace("_", " ").capitalize())


class Gender(Choice):
    FEMALE = "female"
    MALE = "male"
    NON_BINARY = "non_binary"
    OTHER = "other"
    NOT_KNOWN = "not_known"


class Ethnicity(Choice):
    """The ONS 2021 census categories for England, plus not known / prefer not to say."""

    BANGLADESHI = "asian_bangladeshi"
    CHINESE = "asian_chinese"
    INDIAN = "asian_indian"
    PAKISTANI = "asian_pakistani"
    OTHER_ASIAN = "asian_other"
    AFRICAN = "black_african"
    CARIBBEAN = "black_caribbean"
    OTHER_BLACK = "black_other"
    WHITE_ASIAN = "mixed_white_asian"
    WHITE_BLACK_AFRICAN = "mixed_white_black_african"
    WHITE_BLACK_CARIBBEAN = "mixed_white_black_caribbean"
    OTHER_MIXED = "mixed_other"
    WHITE_BRITISH = "white_british"
    IRISH = "white_irish"
    GYPSY_TRAVELLER = "white_gypsy_traveller"
    ROMA = "white_roma"
    OTHER_WHITE = "white_other"
    ARAB = "other_arab"
    ANY_OTHER = "other_any"
    NOT_KNOWN = "not_known"
    NOT_STATED = "not_stated"


class EetStatus(Choice):
    SCHOOL = "school"
    COLLEGE = "college"
    ALTERNATIVE_PROVISION = "alternative_provision"
    EXCLUDED = "excluded"
    TRAINING = "training"
    APPRENTICESHIP = "apprenticeship"
    EMPLOYED = "employed"
    NEET = "neet"
    NOT_KNOWN = "not_known"


class LegalStatus(Choice):
    NONE = "none"
    CHILD_IN_NEED = "child_in_need"
    CHILD_PROTECTION_PLAN = "child_protection_plan"
    LOOKED_AFTER = "looked_after"
    CARE_LEAVER = "care_leaver"


class CaseStatus(Choice):
    REFERRED = "referred"
    ASSESSMENT = "assessment"
    ACTIVE = "active"
    MONITORING = "monitoring"
    CLOSED = "closed"


class ClosureReason(Choice):
    """Why a case closed, from a fixed list so that closures can be counted without free text."""

    GOALS_MET = "goals_met"
    DISENGAGED = "disengaged"
    DECLINED = "declined_support"
    MOVED_AWAY = "moved_away"
    TRANSFERRED = "transferred_service"
    CUSTODY = "entered_custody"
    AGED_OUT = "aged_out"
    OTHER_REASON = "other_closure_reason"


class ClosureOutcome(Choice):
    """The worker's judgement of where the young person was when the case closed."""

    RISK_REDUCED = "risk_reduced"
    SOME_PROGRESS = "some_progress"
    NO_CHANGE = "no_change"
    RISK_INCREASED = "risk_increased"
    OUTCOME_NOT_KNOWN = "outcome_not_known"


class Rag(Choice):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"


class ReferralSource(Choice):
    POLICE = "police_intelligence"
    COMMUNITY = "community_intelligence"
    SELF = "self_referral"
    SOCIAL_CARE = "childrens_social_care"
    SCHOOL = "school"
    YOUTH_JUSTICE = "youth_justice_service"
    ASB_HOUSING = "asb_housing_team"
    HEALTH = "health"
    PARENT_CARER = "parent_or_carer"
    OTHER = "other"


class ReferralDecision(Choice):
    PENDING = "pending"
    ACCEPTED = "accepted"
    SIGNPOSTED = "signposted"
    DECLINED = "declined"


class EntryType(Choice):
    VISIT = "visit"
    PHONE = "phone"
    ONLINE = "online_session"
    RIDE_OUT = "ride_out_contact"
    INCIDENT = "incident"
    MEETING = "meeting"
    NOTE = "note"
    OTHER = "other"


class InterventionType(Choice):
    MENTORING = "mentoring"
    GANG_EXIT = "gang_exit_support"
    FAMILY_THERAPY_REFERRAL = "family_therapy_referral"
    EMPLOYMENT_REFERRAL = "employment_coaching_referral"
    ADVOCATE_SUPPORT = "advocate_support"
    DIVERSIONARY = "diversionary_activity"
    EDUCATION_SUPPORT = "education_support"
    WARNING_LETTER = "warning_letter"
    ABC = "acceptable_behaviour_contract"
    INJUNCTION = "civil_injunction"
    CBO = "criminal_behaviour_order"

    @property
    def is_enforcement(self) -> bool:
        return self in ENFORCEMENT


ENFORCEMENT = frozenset(
    {
        InterventionType.WARNING_LETTER,
        InterventionType.ABC,
        InterventionType.INJUNCTION,
        InterventionType.CBO,
    }
)


class LinkKind(Choice):
    ASSOCIATE = "associate"
    SIBLING = "sibling"
    RIVAL = "rival_group"
    VICTIM_PERPETRATOR = "victim_perpetrator"


class PlaceKind(Choice):
    PARK = "park"
    ESTATE = "estate"
    TRANSPORT = "transport"
    SHOP = "shop_or_takeaway"
    SCHOOL = "school"
    OTHER = "other"


class ContactKind(Choice):
    FAMILY = "family"
    PROFESSIONAL = "professional"


class TherapyModel(Choice):
    SYSTEMIC = "systemic_family_therapy"
    FUNCTIONAL = "functional_family_therapy"
    MULTISYSTEMIC = "multisystemic_therapy"
    PARENTING = "parenting_work"
    OTHER = "other"


class SessionLocation(Choice):
    HOME_VISIT = "home_visit"
    OFFICE = "office"
    COMMUNITY_VENUE = "community_venue"
    ONLINE = "online"
    PHONE = "phone"


class SessionOutcome(Choice):
    # Not in the list of outcomes: an upcoming session, whose outcome is not known yet.
    SCHEDULED = "scheduled"
    ATTENDED = "attended"
    DID_NOT_ATTEND = "did_not_attend"
    CANCELLED_BY_FAMILY = "cancelled_by_family"
    CANCELLED_BY_SERVICE = "cancelled_by_service"
    RESCHEDULED = "rescheduled"


class NoteFormat(Choice):
    STRUCTURED = "structured"
    DAP = "dap"
    SOAP = "soap"
    BIRP = "birp"


class EetActivity(Choice):
    """What a young person is doing in education, employment or training (coaching's history)."""

    NEET = "neet_activity"
    EDUCATION = "education"
    TRAINING = "training_activity"
    APPRENTICESHIP = "apprenticeship_activity"
    EMPLOYMENT = "employment"
    VOLUNTEERING = "volunteering"
    SELF_EMPLOYED = "self_employed"

    @property
    def is_eet(self) -> bool:
        """In education, employment or training, as NEET-to-EET counts mean it (volunteering
        is counted as NEET in the national figures)."""
        return self not in (EetActivity.NEET, EetActivity.VOLUNTEERING)


class BarrierStatus(Choice):
    OPEN = "open"
    BEING_ADDRESSED = "being_addressed"
    RESOLVED = "resolved"


class GoalStatus(Choice):
    ACTIVE = "active_goal"
    ACHIEVED = "achieved"
    DROPPED = "dropped_goal"


class ActionOwner(Choice):
    YOUNG_PERSON = "young_person_owner"
    COACH = "coach"
    OTHER_AGENCY = "other_agency"


class ActionStatus(Choice):
    TO_DO = "to_do"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped_action"


class CoachingMode(Choice):
    IN_PERSON = "in_person"
    ONLINE_VIDEO = "online_video"
    PHONE_CALL = "phone_call"
    MESSAGE = "message"


class MilestoneKind(Choice):
    CV_WRITTEN = "cv_written"
    ID_OBTAINED = "id_obtained"
    BANK_ACCOUNT = "bank_account_opened"
    CSCS_CARD = "cscs_card"
    OTHER_CARD = "other_card"
    APPLICATION = "application_made"
    INTERVIEW = "interview"
    OFFER = "offer"
    COURSE_START = "course_start"
    APPRENTICESHIP_START = "apprenticeship_start"
    JOB_START = "job_start"
    SUSTAINED_4 = "sustained_4_weeks"
    SUSTAINED_13 = "sustained_13_weeks"
    SUSTAINED_26 = "sustained_26_weeks"

    @property
    def is_start(self) -> bool:
        return self in (
            MilestoneKind.COURSE_START,
            MilestoneKind.APPRENTICESHIP_START,
            MilestoneKind.JOB_START,
        )

    @property
    def is_sustainment(self) -> bool:
        return self in (
            MilestoneKind.SUSTAINED_4,
            MilestoneKind.SUSTAINED_13,
            MilestoneKind.SUSTAINED_26,
        )


class MeetingKind(Choice):
    CASE_CONFERENCE = "case_conference"
    STRATEGY = "strategy_meeting"
    MACE = "mace_panel"
    PROFESSIONALS = "professionals_meeting"
    ASB_WEEKLY = "asb_igxu_weekly"
    REVIEW = "review_meeting"


class PartnerKind(Choice):
    COMMUNITY_GROUP = "community_group"
    FAITH = "faith_institution"
    SCHOOL = "school_partner"
    HEALTH = "health_partner"
    VOLUNTARY = "voluntary_sector"
    COUNCIL = "council_service"
    POLICE = "police_partner"
    HOUSING = "housing_partner"
    OTHER = "other_partner"


class ActivityKind(Choice):
    COMMUNITY_EVENT = "community_event"
    PARENTS_GATHERING = "parents_carers_gathering"
    WORKSHOP = "workshop_or_online_meeting"
    TRAINING = "training_session"
    COURSE = "course"
    CONSULTATION = "consultation"


class AudienceKind(Choice):
    """Who came to an activity: counted by audience, never named."""

    PARENTS = "parents_carers"
    MOTHERS = "mothers"
    FATHERS = "fathers"
    WOMEN = "women"
    YOUNG_PEOPLE = "young_people"
    RESIDENTS = "residents"
    COMMUNITY_LEADERS = "community_leaders"
    FAITH_LEADERS = "faith_leaders"
    FRONTLINE = "frontline_professionals"
    TEACHERS = "teachers_school_staff"
    HEALTH_STAFF = "health_professionals"
    VOLUNTEERS = "volunteers"
    OTHER = "other_audience"


class IncidentKind(Choice):
    FATAL_STABBING = "fatal_stabbing"
    STABBING = "stabbing"
    SHOOTING = "shooting"
    SERIOUS_ASSAULT = "serious_assault"
    DISORDER = "public_disorder"
    OTHER = "other_incident"


class SupportKind(Choice):
    VISIT = "support_visit"
    CALL = "support_call"
    REFERRAL = "support_referral"
    OTHER = "other_support"


class StrategyOutcome(Choice):
    """The four outcomes of the community engagement strategy."""

    PARTICIPATION = "participation_involvement"
    TRUST = "trust_confidence"
    SERVICES = "services_outcomes"
    RESILIENCE = "resilience_preparedness"


class RatingStage(Choice):
    BEFORE = "before_training"
    AFTER = "after_training"


# Labels that the code alone would not spell well (codes are unique in meaning across lists).
class RecordKind(Choice):
    """The kinds of record the retention schedule covers (and disposal removes)."""

    CASE_RECORD = "case_record"  # a young person's whole record on the caseload
    THERAPY_CASE = "therapy_case"
    COACHING_PLAN = "coaching_plan"
    MEETING = "meeting_record"
    CRITICAL_INCIDENT = "critical_incident_record"
    SUBJECT_ACCESS_REQUEST = "subject_access_request"


class RetentionTrigger(Choice):
    CASE_CLOSED = "after_case_closed"
    TWENTY_FIFTH_BIRTHDAY = "after_25th_birthday"
    RECORD_CLOSED = "after_record_closed"
    RECORD_DATE = "after_record_date"


class RetentionDecisionKind(Choice):
    DISPOSE = "dispose"
    KEEP = "keep"


class SarStatus(Choice):
    RECEIVED = "sar_received"
    IN_REVIEW = "sar_in_review"
    SENT = "sar_sent"
    WITHDRAWN = "sar_withdrawn"


class SarDecision(Choice):
    DISCLOSE = "disclose"
    REDACT = "disclose_redacted"
    WITHHOLD = "withhold"


class LawfulBasis(Choice):
    CONSENT = "consent"
    LEGAL_OBLIGATION = "legal_obligation"
    PUBLIC_TASK = "public_task"
    VITAL_INTERESTS = "vital_interests"


class SharingKind(Choice):
    CONSENT = "consent_given"
    DECISION = "sharing_decision"


LABELS: dict[str, str] = {
    "goals_met": "Goals met",
    "disengaged": "Disengaged",
    "declined_support": "Declined further support",
    "moved_away": "Moved out of the area",
    "transferred_service": "Transferred to another service",
    "entered_custody": "Entered custody",
    "aged_out": "Reached the upper age limit",
    "other_closure_reason": "Other reason",
    "risk_reduced": "Risk reduced",
    "some_progress": "Some progress",
    "no_change": "No change",
    "risk_increased": "Risk increased",
    "outcome_not_known": "Not known",
    "case_record": "Case record",
    "therapy_case": "Family therapy case",
    "coaching_plan": "Employment coaching plan",
    "meeting_record": "Meeting",
    "critical_incident_record": "Critical incident",
    "subject_access_request": "Subject access request",
    "after_case_closed": "Years after the case closed",
    "after_25th_birthday": "Years after the young person's 25th birthday",
    "after_record_closed": "Years after the record closed",
    "after_record_date": "Years after the record's date",
    "dispose": "Dispose",
    "keep": "Keep",
    "sar_received": "Received",
    "sar_in_review": "In review",
    "sar_sent": "Sent",
    "sar_withdrawn": "Withdrawn",
    "disclose": "Disclose",
    "disclose_redacted": "Disclose with redactions",
    "withhold": "Withhold",
    "consent": "Consent",
    "legal_obligation": "Legal obligation",
    "public_task": "Public task",
    "vital_interests": "Vital interests",
    "consent_given": "Consent",
    "sharing_decision": "Decision to share",
    "neet_activity": "NEET (not in education, employment or training)",
    "training_activity": "Training",
    "apprenticeship_activity": "Apprenticeship",
    "active_goal": "Active",
    "dropped_goal": "Dropped",
    "dropped_action": "Dropped",
    "young_person_owner": "Young person",
    "other_agency": "Another agency",
    "online_video": "Online (video)",
    "phone_call": "Phone",
    "cv_written": "CV written",
    "id_obtained": "ID obtained",
    "cscs_card": "CSCS card",
    "other_card": "Other card or licence",
    "sustained_4_weeks": "Sustained 4 weeks",
    "sustained_13_weeks": "Sustained 13 weeks",
    "sustained_26_weeks": "Sustained 26 weeks",
    "ride_out_contact": "Ride-out contact",
    "victim_perpetrator": "Victim / perpetrator",
    "asian_bangladeshi": "Asian or Asian British: Bangladeshi",
    "asian_chinese": "Asian or Asian British: Chinese",
    "asian_indian": "Asian or Asian British: Indian",
    "asian_pakistani": "Asian or Asian British: Pakistani",
    "asian_other": "Asian or Asian British: Any other Asian background",
    "black_african": "Black, Black British, Caribbean or African: African",
    "black_caribbean": "Black, Black British, Caribbean or African: Caribbean",
    "black_other": "Black, Black British, Caribbean or African: Any other Black background",
    "mixed_white_asian": "Mixed or Multiple: White and Asian",
    "mixed_white_black_african": "Mixed or Multiple: White and Black African",
    "mixed_white_black_caribbean": "Mixed or Multiple: White and Black Caribbean",
    "mixed_other": "Mixed or Multiple: Any other Mixed or Multiple background",
    "white_british": "White: English, Welsh, Scottish, Northern Irish or British",
    "white_irish": "White: Irish",
    "white_gypsy_traveller": "White: Gypsy or Irish Traveller",
    "white_roma": "White: Roma",
    "white_other": "White: Any other White background",
    "other_arab": "Other ethnic group: Arab",
    "other_any": "Other ethnic group: Any other ethnic group",
    "not_known": "Not known",
    "not_stated": "Prefer not to say",
    "neet": "Not in education, employment or training (NEET)",
    "childrens_social_care": "Children's social care",
    "asb_housing_team": "ASB housing team",
    "mentoring": "One-to-one mentoring",
    "advocate_support": "Advocate support for young women",
    "multisystemic_therapy": "Multisystemic therapy",
    "did_not_attend": "Did not attend",
    "dap": "DAP",
    "soap": "SOAP",
    "birp": "BIRP",
    "mace_panel": "MACE panel",
    "professionals_meeting": "Professionals' meeting",
    "asb_igxu_weekly": "Weekly ASB and IGXU meeting",
    "review_meeting": "Review",
    "community_group": "Community group",
    "faith_institution": "Faith institution",
    "school_partner": "School",
    "health_partner": "Health",
    "voluntary_sector": "Voluntary sector",
    "council_service": "Council service",
    "police_partner": "Police",
    "housing_partner": "Housing",
    "other_partner": "Other",
    "parents_carers_gathering": "Parents' or carers' gathering",
    "workshop_or_online_meeting": "Workshop or online meeting",
    "training_session": "Training",
    "parents_carers": "Parents and carers",
    "teachers_school_staff": "Teachers and school staff",
    "other_audience": "Other",
    "public_disorder": "Public disorder",
    "other_incident": "Other",
    "support_visit": "Visit",
    "support_call": "Call",
    "support_referral": "Referral",
    "other_support": "Other support",
    "participation_involvement": "Improved participation and involvement",
    "trust_confidence": "Strengthened trust and confidence",
    "services_outcomes": "Enhanced services and outcomes",
    "resilience_preparedness": "Community resilience and preparedness",
    "before_training": "Before",
    "after_training": "After",
}

"""The names of audited actions, so services and the audit browser agree on them."""

SIGN_IN = "sign_in"
SIGN_OUT = "sign_out"
UNLOCK_FAILED = "unlock_failed"
LOCK = "lock"
UNLOCK = "unlock"
RECORD_OPENED = "record_opened"
CREATE = "create"
UPDATE = "update"
DELETE = "delete"
EXPORT = "export"
BACKUP = "backup"
RESTORE = "restore"
ACCOUNT_CREATED = "account_created"
ACCOUNT_DISABLED = "account_disabled"
ACCOUNT_ENABLED = "account_enabled"
ROLE_CHANGED = "role_changed"
PASSPHRASE_RESET = "passphrase_reset"
PASSPHRASE_CHANGED = "passphrase_changed"
REKEYED = "vault_rekeyed"
SETTING_CHANGED = "setting_changed"
DEVICE_REMEMBERED = "device_remembered"
DEVICE_FORGOTTEN = "device_forgotten"
MIGRATED = "schema_migrated"
VAULT_CREATED = "vault_created"
# Caseload: referrals, status, risk, interventions and tasks.
REFERRAL_DECIDED = "referral_decided"
STATUS_CHANGED = "status_changed"
RAG_RATED = "rag_rated"
FLAG_ENDED = "flag_ended"
ENFORCEMENT_RECORDED = "enforcement_recorded"
INTERVENTION_CLOSED = "intervention_closed"
TASK_COMPLETED = "task_completed"
TASK_REOPENED = "task_reopened"

# People around a young person, and contextual safeguarding (groups and places).
CONTACT_ADDED = "contact_added"
CONTACT_UPDATED = "contact_updated"
CONTACT_REMOVED = "contact_removed"
PEOPLE_LINKED = "people_linked"
PEOPLE_UNLINKED = "people_unlinked"
GROUP_LINKED = "group_linked"
GROUP_LINK_ENDED = "group_link_ended"
GROUP_UNLINKED = "group_unlinked"
PLACE_LINKED = "place_linked"
PLACE_LINK_ENDED = "place_link_ended"
PLACE_UNLINKED = "place_unlinked"

# The chronology and missing episodes.
CHRONOLOGY_ENTRY_ADDED = "chronology_entry_added"
CHRONOLOGY_ENTRY_EDITED = "chronology_entry_edited"
CHRONOLOGY_ENTRY_DELETED = "chronology_entry_deleted"
MISSING_EPISODE_RECORDED = "missing_episode_recorded"
MISSING_RETURN_RECORDED = "missing_return_recorded"
RETURN_INTERVIEW_RECORDED = "return_interview_recorded"

# Family therapy. Every reading of process notes is audited, by their author too.
THERAPY_CASE_CREATED = "therapy_case_created"
THERAPY_CASE_UPDATED = "therapy_case_updated"
THERAPY_SESSION_RECORDED = "therapy_session_recorded"
THERAPY_SESSION_UPDATED = "therapy_session_updated"
SESSION_NOTE_SAVED = "session_note_saved"
SESSION_NOTE_SIGNED = "session_note_signed"
NOTE_ADDENDUM_ADDED = "note_addendum_added"
PROCESS_NOTES_READ = "process_notes_read"
PROCESS_NOTES_REFUSED = "process_notes_refused"
SAFEGUARDING_RAISED = "safeguarding_concern_raised"
OUTCOME_MEASURE_RECORDED = "outcome_measure_recorded"
DOCUMENT_EXPORTED = "document_exported"

# Import from a council's spreadsheet (one row for the file, beside each record's create).
IMPORT = "import"

# Personal spelling dictionaries (the audit names the field, never the word: it may be a name).
PERSONAL_WORD_ADDED = "personal_word_added"
PERSONAL_WORD_REMOVED = "personal_word_removed"

# Employment coaching: plans, education/employment/training history, barriers, goals, reviews.
COACHING_PLAN_CREATED = "coaching_plan_created"
COACHING_PLAN_UPDATED = "coaching_plan_updated"
COACHING_PLAN_CLOSED = "coaching_plan_closed"
EET_SPELL_RECORDED = "eet_spell_recorded"
BARRIER_ADDED = "barrier_added"
BARRIER_UPDATED = "barrier_updated"
COACHING_GOAL_ADDED = "coaching_goal_added"
COACHING_GOAL_UPDATED = "coaching_goal_updated"
COACHING_GOAL_STATUS_CHANGED = "coaching_goal_status_changed"
GOAL_ACTION_ADDED = "goal_action_added"
GOAL_ACTION_UPDATED = "goal_action_updated"
GOAL_ACTION_STATUS_CHANGED = "goal_action_status_changed"
PLAN_REVIEWED = "coaching_plan_reviewed"

# Employment coaching: sessions (each also a chronology entry), milestones, outcome counts.
COACHING_SESSION_RECORDED = "coaching_session_recorded"
COACHING_SESSION_UPDATED = "coaching_session_updated"
MILESTONE_RECORDED = "coaching_milestone_recorded"
COACHING_OUTCOMES_COUNTED = "coaching_outcomes_counted"

# Meetings: the meeting, who came, young people discussed, agenda items and actions agreed.
MEETING_CREATED = "meeting_created"
MEETING_UPDATED = "meeting_updated"
MEETING_ATTENDEES_SET = "meeting_attendees_set"
MEETING_PEOPLE_SET = "meeting_people_set"
MEETING_ITEM_ADDED = "meeting_item_added"
MEETING_ITEM_UPDATED = "meeting_item_updated"
MEETING_ACTION_ADDED = "meeting_action_added"
MEETING_ACTION_UPDATED = "meeting_action_updated"
MEETING_ACTION_STATUS_CHANGED = "meeting_action_status_changed"

# Community engagement: partners, activities and their actions, training ratings, ride-outs,
# critical incidents (the audit names fields, never what was written).
PARTNER_CREATED = "partner_created"
PARTNER_UPDATED = "partner_updated"
PARTNER_CONTACTS_SET = "partner_contacts_set"
PARTNER_NOTE_ADDED = "partner_note_added"
ACTIVITY_CREATED = "activity_created"
ACTIVITY_UPDATED = "activity_updated"
ACTIVITY_PARTNERS_SET = "activity_partners_set"
ACTIVITY_ATTENDANCE_SET = "activity_attendance_set"
ACTIVITY_OUTCOMES_SET = "activity_outcomes_set"
ENGAGEMENT_ACTION_ADDED = "engagement_action_added"
ENGAGEMENT_ACTION_UPDATED = "engagement_action_updated"
ENGAGEMENT_ACTION_STATUS_CHANGED = "engagement_action_status_changed"
INSIGHT_REPORT_SHARED = "insight_report_shared"
TRAINING_RATINGS_SET = "training_ratings_set"
RIDE_OUT_RECORDED = "ride_out_recorded"
RIDE_OUT_UPDATED = "ride_out_updated"
RIDE_OUT_PEOPLE_ADDED = "ride_out_people_added"
INCIDENT_CREATED = "critical_incident_created"
INCIDENT_UPDATED = "critical_incident_updated"
INCIDENT_PEOPLE_SET = "critical_incident_people_set"
INCIDENT_SUPPORT_ADDED = "incident_support_added"
INCIDENT_SUPPORT_UPDATED = "incident_support_updated"
INCIDENT_ACTION_ADDED = "incident_action_added"
INCIDENT_ACTION_UPDATED = "incident_action_updated"
INCIDENT_ACTION_STATUS_CHANGED = "incident_action_status_changed"

# Data protection: retention and disposal (ids and field names only; a disposal's log entry
# keeps nothing that identifies the person).
RETENTION_RULE_CHANGED = "retention_rule_changed"
RETENTION_DECIDED = "retention_decided"
LEGAL_HOLD_PLACED = "legal_hold_placed"
LEGAL_HOLD_LIFTED = "legal_hold_lifted"
RECORD_DISPOSED = "record_disposed"

# Data protection: consent and sharing (and reading a record's access report); ids and field
# names only, never who gave a consent or what it covers.
SHARING_RECORDED = "sharing_recorded"
SHARING_WITHDRAWN = "sharing_withdrawn"
ACCESS_REPORT_READ = "access_report_read"

# Data protection: subject access requests (ids and field names only, never who asked).
SAR_CREATED = "subject_access_request_created"
SAR_UPDATED = "subject_access_request_updated"
SAR_STATUS_CHANGED = "subject_access_request_status_changed"

# Data protection: subject access packs (item keys and redaction ids, never the words redacted).
SAR_ITEM_DECIDED = "subject_access_item_decided"
SAR_REDACTION_ADDED = "subject_access_redaction_added"
SAR_REDACTION_REMOVED = "subject_access_redaction_removed"

# Data protection: restricted records (ids and field names only, never a reason or a name).
RECORD_RESTRICTED = "record_restricted"
RESTRICTION_STAFF_CHANGED = "restriction_staff_changed"
RESTRICTION_LIFTED = "restriction_lifted"
BREAK_GLASS = "break_glass"
BREAK_GLASS_REVIEWED = "break_glass_reviewed"

# Analysis: population and outcomes (dimension and group codes, or the period; never a person).
POPULATION_CHANGED = "population_changed"
DISPROPORTIONALITY_VIEWED = "disproportionality_viewed"
ANALYSIS_OUTCOMES_COUNTED = "analysis_outcomes_counted"

# Analysis: exports (figure keys and column names only; the row count of a record-level
# export in its outcome, never anything from a record).
FIGURES_EXPORTED = "figures_exported"
PSEUDONYMISED_EXPORT = "pseudonymised_export"
DASHBOARD_VIEWED = "analysis_dashboard_viewed"
QUARTERLY_REPORT_EXPORTED = "quarterly_report_exported"

ALL = sorted(
    value for name, value in dict(globals()).items() if name.isupper() and isinstance(value, str)
)

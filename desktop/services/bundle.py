"""The services of one signed-in session, built by desktop.app and handed to the views."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.clock import Clock
from desktop.resources_path import resource
from desktop.services import actions, audit_chain
from desktop.services.access_report import AccessReportService
from desktop.services.account_service import AccountService
from desktop.services.analysis_dashboard import AnalysisDashboardService
from desktop.services.analysis_export_service import AnalysisExportService
from desktop.services.analysis_outcomes import AnalysisOutcomeService
from desktop.services.audit_service import AuditService
from desktop.services.backup_service import BackupService
from desktop.services.backup_settings import BackupSettingsService
from desktop.services.chronology_service import ChronologyService
from desktop.services.coaching_document_service import CoachingDocumentService
from desktop.services.coaching_goals_service import CoachingGoalsService
from desktop.services.coaching_outcomes import CoachingOutcomeService
from desktop.services.coaching_service import CoachingService
from desktop.services.coaching_sessions_service import CoachingSessionsService
from desktop.services.coaching_work import CoachingWorkService
from desktop.services.community_document_service import CommunityDocumentService
from desktop.services.conference_pack_service import ConferencePackService
from desktop.services.context_service import ContextService
from desktop.services.current_user import CurrentUser
from desktop.services.disposal_service import DisposalService
from desktop.services.disproportionality import DisproportionalityService
from desktop.services.draft_service import DraftService
from desktop.services.duplicate_check import DuplicateCheck
from desktop.services.engagement_service import EngagementService
from desktop.services.import_service import ImportService
from desktop.services.incident_service import CriticalIncidentService
from desktop.services.intervention_service import InterventionService
from desktop.services.meeting_document_service import MeetingDocumentService
from desktop.services.meeting_service import MeetingService
from desktop.services.missing_service import MissingService
from desktop.services.network_service import NetworkService
from desktop.services.outcome_service import OutcomeService
from desktop.services.partner_service import PartnerService
from desktop.services.people_service import PeopleService
from desktop.services.personal_words_service import PersonalWordsService
from desktop.services.population_service import PopulationService
from desktop.services.pseudonymised_export import PseudonymisedExportService
from desktop.services.quarterly_report_service import QuarterlyReportService
from desktop.services.recent_records import RecentRecordsService
from desktop.services.referral_service import ReferralService
from desktop.services.restriction_service import RestrictionService
from desktop.services.retention_holds import LegalHoldService
from desktop.services.retention_review_service import RetentionReviewService
from desktop.services.retention_schedule import RetentionScheduleService
from desktop.services.ride_out_service import RideOutService
from desktop.services.risk_service import RiskService
from desktop.services.sar_document_service import SarDocumentService
from desktop.services.sar_review_service import SarReviewService
from desktop.services.settings_service import SettingsService
from desktop.services.sharing_service import SharingService
from desktop.services.sign_in_service import SignedIn
from desktop.services.status_service import StatusService
from desktop.services.strategy_service import StrategyService
from desktop.services.subject_access_service import SubjectAccessService
from desktop.services.task_service import TaskService
from desktop.services.therapy_diary import TherapyDiaryService
from desktop.services.therapy_document_service import TherapyDocumentService
from desktop.services.therapy_note_service import TherapyNoteService
from desktop.services.therapy_service import TherapyService
from desktop.services.therapy_shared import TherapySharedService
from desktop.services.training_service import TrainingService
from desktop.vault.kdf import KdfPolicy


@dataclass
class Services:
    signed_in: SignedIn
    accounts: AccountService
    audit: AuditService
    drafts: DraftService
    people: PeopleService
    settings: SettingsService
    referrals: ReferralService
    status: StatusService
    risk: RiskService
    chronology: ChronologyService
    missing: MissingService
    interventions: InterventionService
    tasks: TaskService
    recent_records: RecentRecordsService
    network: NetworkService
    context: ContextService
    imports: ImportService
    backup: BackupService
    backup_settings: BackupSettingsService
    therapy: TherapyService
    therapy_notes: TherapyNoteService
    therapy_diary: TherapyDiaryService
    therapy_shared: TherapySharedService
    therapy_documents: TherapyDocumentService
    coaching: CoachingService
    coaching_goals: CoachingGoalsService
    coaching_documents: CoachingDocumentService
    coaching_sessions: CoachingSessionsService
    coaching_work: CoachingWorkService
    coaching_outcomes: CoachingOutcomeService
    meetings: MeetingService
    meeting_documents: MeetingDocumentService
    outcomes: OutcomeService
    personal_words: PersonalWordsService
    conference: ConferencePackService
    partners: PartnerService
    engagement: EngagementService
    training: TrainingService
    ride_outs: RideOutService
    incidents: CriticalIncidentService
    strategy: StrategyService
    community_documents: CommunityDocumentService
    # Data protection: restricted records, look-alikes, sharing decisions, who opened a record,
    # retention and disposal, subject access packs.
    restrictions: RestrictionService
    duplicates: DuplicateCheck
    sharing: SharingService
    access_report: AccessReportService
    retention_schedule: RetentionScheduleService
    retention_review: RetentionReviewService
    legal_holds: LegalHoldService
    disposal: DisposalService
    subject_access: SubjectAccessService
    sar_review: SarReviewService
    sar_documents: SarDocumentService
    # Analysis: the population table, disproportionality, outcomes, figures and the
    # pseudonymised record-level export.
    population: PopulationService
    analysis_dashboard: AnalysisDashboardService
    disproportionality: DisproportionalityService
    analysis_outcomes: AnalysisOutcomeService
    analysis_export: AnalysisExportService
    quarterly_report: QuarterlyReportService
    pseudonymised_export: PseudonymisedExportService
    clock: Clock

    @property
    def user(self) -> CurrentUser:
        return self.accounts.user

    @classmethod
    def for_session(cls, signed_in: SignedIn, kdf_policy: KdfPolicy, clock: Clock) -> Services:
        sessions, user = signed_in.vault.sessions, signed_in.user
        # The quarterly report gathers the three figures services' counts.
        analysis_dashboard = AnalysisDashboardService(sessions, user, clock)
        disproportionality = DisproportionalityService(sessions, user, clock)
        analysis_outcomes = AnalysisOutcomeService(
            sessions, user, clock, resource("measures", "score15.json")
        )
        return cls(
            signed_in=signed_in,
            accounts=AccountService(signed_in.vault, user, kdf_policy, clock),
            audit=AuditService(sessions, user, lambda: signed_in.vault.slots.audit_head),
            drafts=DraftService(sessions, user, clock),
            people=PeopleService(sessions, user, clock),
            settings=SettingsService(sessions, user, clock),
            referrals=ReferralService(sessions, user, clock),
            status=StatusService(sessions, user, clock),
            risk=RiskService(sessions, user, clock),
            chronology=ChronologyService(sessions, user, clock),
            missing=MissingService(sessions, user, clock),
            interventions=InterventionService(sessions, user, clock),
            tasks=TaskService(sessions, user, clock),
            recent_records=RecentRecordsService(sessions, user, clock),
            network=NetworkService(sessions, user, clock),
            context=ContextService(sessions, user, clock),
            imports=ImportService(sessions, user, clock),
            backup=BackupService(signed_in.vault, user, clock, None),
            backup_settings=BackupSettingsService(sessions, user, clock),
            therapy=TherapyService(sessions, user, clock),
            therapy_notes=TherapyNoteService(sessions, user, clock),
            therapy_diary=TherapyDiaryService(sessions, user, clock),
            therapy_shared=TherapySharedService(sessions, user, clock),
            therapy_documents=TherapyDocumentService(sessions, user, clock),
            coaching=CoachingService(sessions, user, clock),
            coaching_goals=CoachingGoalsService(sessions, user, clock),
            coaching_documents=CoachingDocumentService(sessions, user, clock),
            coaching_sessions=CoachingSessionsService(sessions, user, clock),
            coaching_work=CoachingWorkService(sessions, user, clock),
            coaching_outcomes=CoachingOutcomeService(sessions, user, clock),
            meetings=MeetingService(sessions, user, clock),
            meeting_documents=MeetingDocumentService(sessions, user, clock),
            outcomes=OutcomeService(sessions, user, clock, resource("measures", "score15.json")),
            personal_words=PersonalWordsService(sessions, user, clock),
            conference=ConferencePackService(sessions, user, clock),
            partners=PartnerService(sessions, user, clock),
            engagement=EngagementService(sessions, user, clock),
            training=TrainingService(sessions, user, clock),
            ride_outs=RideOutService(sessions, user, clock),
            incidents=CriticalIncidentService(sessions, user, clock),
            strategy=StrategyService(sessions, user, clock),
            community_documents=CommunityDocumentService(sessions, user, clock),
            restrictions=RestrictionService(sessions, user, clock),
            duplicates=DuplicateCheck(sessions, user, clock),
            sharing=SharingService(sessions, user, clock),
            access_report=AccessReportService(sessions, user, clock),
            retention_schedule=RetentionScheduleService(sessions, user, clock),
            retention_review=RetentionReviewService(sessions, user, clock),
            legal_holds=LegalHoldService(sessions, user, clock),
            disposal=DisposalService(sessions, user, clock),
            subject_access=SubjectAccessService(sessions, user, clock),
            sar_review=SarReviewService(sessions, user, clock),
            sar_documents=SarDocumentService(sessions, user, clock),
            population=PopulationService(sessions, user, clock),
            analysis_dashboard=analysis_dashboard,
            disproportionality=disproportionality,
            analysis_outcomes=analysis_outcomes,
            analysis_export=AnalysisExportService(sessions, user, clock),
            quarterly_report=QuarterlyReportService(
                sessions, user, clock, analysis_dashboard, analysis_outcomes, disproportionality
            ),
            pseudonymised_export=PseudonymisedExportService(sessions, user, clock),
            clock=clock,
        )

    def end(self, action: str = actions.LOCK) -> None:
        """Audits the lock or sign-out, then drops every connection and wipes the key."""
        vault = self.signed_in.vault
        if vault.locked:
            return
        try:
            with vault.sessions.begin() as session:
                audit_chain.append(session, self.clock.now(), self.user.username, action)
                newest = audit_chain.head(session)
            vault.refresh_slots().audit_head = newest
            vault.save_slots()
        finally:
            vault.lock()

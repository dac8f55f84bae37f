"""How to build every dialog under desktop/views over the demo vault, for the dialog walk in
test_dialog_accessibility: a dialog class with no entry here fails that test."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop.models.accounts import Role
from desktop.models.choices import CaseStatus, RecordKind, RetentionDecisionKind
from desktop.services.status_service import allowed_next
from tests.gui.dialog_demo import Demo

Factory = Callable[[Demo], QDialog]

# Abstract bases: never opened on their own; their widgets are checked through their subclasses.
BASES: set[str] = {
    "desktop.views.caseload.saving_dialog.SavingDialog",
    "desktop.views.caseload.tabs.saving_dialog.SavingDialog",
    "desktop.views.caseload.tabs.missing_dialogs._MissingDialog",
    "desktop.views.coaching.coaching_plan_parts.CoachingSavingDialog",
    "desktop.views.common.document_save_dialog.DocumentSaveDialog",
    "desktop.views.common.form_dialog.FormDialog",
    "desktop.views.common.protected_document_dialog.ProtectedDocumentDialog",
    "desktop.views.community.community_parts.CommunitySavingDialog",
    "desktop.views.meetings.meeting_parts.MeetingSavingDialog",
    "desktop.views.therapy.therapy_case_parts.TherapySavingDialog",
}


def _no_path(*_args: object) -> Path | None:
    """Stands in for the file and folder choosers: nothing in the walk saves a file."""
    return None


def _no_confirm(*_args: object) -> bool:
    return False


def factories() -> dict[type, Factory]:
    """How to build each dialog: imports are local so this table reads as one list."""
    from desktop.views.admin import account_dialogs as accounts
    from desktop.views.admin.coaching_settings_panel import BarrierTypeDialog
    from desktop.views.admin.flag_types_panel import FlagTypeDialog
    from desktop.views.admin.restore_dialog import RestoreDialog
    from desktop.views.analysis.population_dialog import PopulationDialog
    from desktop.views.analysis.pseudonymised_export_dialog import PseudonymisedExportDialog
    from desktop.views.analysis.quarterly_report_dialog import QuarterlyReportDialog
    from desktop.views.caseload import chronology_dialogs as chronology
    from desktop.views.caseload import context_dialogs, context_link_dialog
    from desktop.views.caseload.access_report_dialog import AccessReportDialog
    from desktop.views.caseload.chronology_history_dialog import HistoryDialog
    from desktop.views.caseload.conference_pack_dialog import ConferencePackDialog
    from desktop.views.caseload.tabs import (
        addresses_tab,
        contact_dialog,
        flag_dialog,
        intervention_dialog,
        link_dialog,
        missing_dialogs,
        rag_dialog,
        referral_dialog,
        sharing_dialog,
        status_dialog,
        task_dialog,
    )
    from desktop.views.coaching import (
        action_dialog,
        barrier_dialog,
        close_plan_dialog,
        coaching_session_dialog,
        eet_dialog,
        goal_dialog,
        milestone_dialog,
        plan_dialog,
        review_dialog,
    )
    from desktop.views.coaching.coaching_document_dialog import CoachingDocumentDialog
    from desktop.views.community import (
        activity_dialogs,
        engagement_action_dialog,
        incident_dialogs,
        partner_dialogs,
        ride_outs_tab,
        training_dialog,
    )
    from desktop.views.community.insight_report_dialog import InsightReportDialog
    from desktop.views.community.strategy_report_dialog import ProgressReportDialog
    from desktop.views.data_protection import legal_hold_dialog, restriction_dialog
    from desktop.views.data_protection.break_glass_dialog import BreakGlassDialog
    from desktop.views.data_protection.disposal_confirm_dialog import DisposalConfirmDialog
    from desktop.views.data_protection.retention_decision_dialog import RetentionDecisionDialog
    from desktop.views.data_protection.sar_export_dialog import SarExportDialog
    from desktop.views.data_protection.sar_request_dialog import SarRequestDialog
    from desktop.views.meetings import meeting_dialogs
    from desktop.views.meetings.action_dialog import MeetingActionDialog
    from desktop.views.meetings.meeting_document_dialog import MeetingDocumentDialog
    from desktop.views.shell.about_dialog import AboutDialog
    from desktop.views.shell.shortcuts_dialog import ShortcutsDialog, gather
    from desktop.views.therapy.addendum_dialog import AddendumDialog
    from desktop.views.therapy.case_dialog import CaseDialog
    from desktop.views.therapy.score15_dialog import Score15Dialog
    from desktop.views.therapy.session_dialog import SessionDialog
    from desktop.views.therapy.therapy_document_dialog import TherapyDocumentDialog
    from desktop.views.unlock.first_run_wizard import FirstRunWizard
    from desktop.views.unlock.recovery_dialog import RecoveryDialog

    return {
        # ---- admin
        accounts.AddAccountDialog: lambda d: accounts.AddAccountDialog(),
        accounts.NewPassphraseDialog: lambda d: accounts.NewPassphraseDialog(
            "Reset passphrase", "Choose a new passphrase."
        ),
        accounts.ChangeOwnPassphraseDialog: lambda d: accounts.ChangeOwnPassphraseDialog(False),
        BarrierTypeDialog: lambda d: BarrierTypeDialog(),
        FlagTypeDialog: lambda d: FlagTypeDialog(),
        RestoreDialog: lambda d: RestoreDialog(d.clock),
        # ---- analysis
        PopulationDialog: lambda d: PopulationDialog(
            d.as_(Role.ANALYST).population, choose_path=_no_path, choose_template=_no_path
        ),
        PseudonymisedExportDialog: lambda d: PseudonymisedExportDialog(
            d.as_(Role.ANALYST).pseudonymised_export, choose_path=_no_path
        ),
        QuarterlyReportDialog: lambda d: QuarterlyReportDialog(
            d.as_(Role.ANALYST).quarterly_report,
            d.as_(Role.ANALYST).analysis_dashboard,
            choose_path=_no_path,
        ),
        # ---- caseload
        AccessReportDialog: lambda d: AccessReportDialog(
            d.as_().access_report, d.person_id, "A record", d.today
        ),
        chronology.EntryDialog: lambda d: chronology.EntryDialog(d.as_(), d.person_id),
        chronology.DeleteEntryDialog: lambda d: chronology.DeleteEntryDialog(
            d.as_(), d.as_().chronology.entries(d.person_id, 0, 1)[0]
        ),
        HistoryDialog: lambda d: HistoryDialog(
            d.as_(), d.as_().chronology.entries(d.person_id, 0, 1)[0].id
        ),
        ConferencePackDialog: lambda d: ConferencePackDialog(
            d.as_(), d.person_id, choose_path=_no_path
        ),
        context_dialogs.TargetDialog: lambda d: context_dialogs.TargetDialog(
            None, d.as_().context, context_dialogs.Target.PLACE
        ),
        context_link_dialog.ContextLinkDialog: lambda d: context_link_dialog.ContextLinkDialog(
            None, d.as_(), d.person_id, context_dialogs.Target.GROUP
        ),
        context_link_dialog.EndLinkDialog: lambda d: context_link_dialog.EndLinkDialog(
            None, "A group", d.today, d.today, lambda _on: None
        ),
        addresses_tab.AddressDialog: lambda d: addresses_tab.AddressDialog(),
        addresses_tab.ReferenceDialog: lambda d: addresses_tab.ReferenceDialog(),
        contact_dialog.ContactDialog: lambda d: contact_dialog.ContactDialog(None, lambda _c: None),
        flag_dialog.AddFlagDialog: lambda d: flag_dialog.AddFlagDialog(
            d.as_().risk.flag_types(), d.today
        ),
        flag_dialog.EndFlagDialog: lambda d: flag_dialog.EndFlagDialog(
            d.as_().risk.flags(d.person_with(lambda s, p: s.risk.flags(p)))[0], d.today
        ),
        intervention_dialog.InterventionDialog: lambda d: intervention_dialog.InterventionDialog(
            existing=None,
            may_enforce=True,
            staff=d.staff,
            me=d.me,
            today=d.today,
            support_before=lambda on: d.as_().interventions.support_before(d.person_id, on),
        ),
        intervention_dialog.EndInterventionDialog: lambda d: (
            intervention_dialog.EndInterventionDialog(
                d.as_().interventions.interventions(
                    d.person_with(lambda s, p: s.interventions.interventions(p))
                )[0],
                d.today,
            )
        ),
        link_dialog.LinkPersonDialog: lambda d: link_dialog.LinkPersonDialog(
            None, d.as_(), d.person_id
        ),
        missing_dialogs.EpisodeDialog: lambda d: missing_dialogs.EpisodeDialog(
            None, d.now, lambda *_a: None
        ),
        missing_dialogs.ReturnDialog: lambda d: missing_dialogs.ReturnDialog(
            None, d.now, None, d.now, lambda _r: None
        ),
        missing_dialogs.InterviewDialog: lambda d: missing_dialogs.InterviewDialog(
            None, d.now, None, d.now, "Casey Coordinator", lambda *_a: None
        ),
        rag_dialog.RagDialog: lambda d: rag_dialog.RagDialog(None, d.today),
        referral_dialog.RecordReferralDialog: lambda d: referral_dialog.RecordReferralDialog(
            d.today
        ),
        referral_dialog.DecideReferralDialog: lambda d: referral_dialog.DecideReferralDialog(
            d.as_().referrals.referrals(d.person_with(lambda s, p: s.referrals.referrals(p)))[0],
            d.staff,
            d.today,
        ),
        sharing_dialog.SharingDialog: lambda d: sharing_dialog.SharingDialog(
            d.today, d.as_().sharing.agencies(d.person_id), lambda _s: 0
        ),
        sharing_dialog.WithdrawSharingDialog: lambda d: sharing_dialog.WithdrawSharingDialog(
            d.as_().sharing.history(d.person_with(lambda s, p: s.sharing.history(p)))[0],
            d.today,
            lambda *_a: None,
        ),
        status_dialog.StatusDialog: lambda d: status_dialog.StatusDialog(
            CaseStatus.ACTIVE, allowed_next(CaseStatus.ACTIVE)
        ),
        task_dialog.TaskDialog: lambda d: task_dialog.TaskDialog(d.staff, d.me, d.today),
        # ---- coaching
        action_dialog.ActionDialog: lambda d: action_dialog.ActionDialog("A goal", d.today),
        barrier_dialog.BarrierDialog: lambda d: barrier_dialog.BarrierDialog(
            d.as_(Role.EMPLOYMENT_COACH).coaching.barrier_types()
        ),
        close_plan_dialog.ClosePlanDialog: lambda d: close_plan_dialog.ClosePlanDialog(
            "A young person", d.today, d.today
        ),
        CoachingDocumentDialog: lambda d: CoachingDocumentDialog(
            d.as_(Role.EMPLOYMENT_COACH).coaching_documents,
            d.as_(Role.EMPLOYMENT_COACH).coaching.plans()[0].plan_id,
            choose_path=_no_path,
        ),
        coaching_session_dialog.CoachingSessionDialog: lambda d: (
            coaching_session_dialog.CoachingSessionDialog(d.now)
        ),
        eet_dialog.EetDialog: lambda d: eet_dialog.EetDialog(None, d.today),
        goal_dialog.GoalDialog: lambda d: goal_dialog.GoalDialog(d.today),
        milestone_dialog.MilestoneDialog: lambda d: milestone_dialog.MilestoneDialog(d.today),
        plan_dialog.PlanDialog: lambda d: plan_dialog.PlanDialog(
            None, d.as_(Role.EMPLOYMENT_COACH).coaching.coach_choices(), d.me, d.today, 6
        ),
        review_dialog.ReviewDialog: lambda d: review_dialog.ReviewDialog(
            d.today, d.today, d.today, 6
        ),
        # ---- community
        activity_dialogs.ActivityDialog: lambda d: activity_dialogs.ActivityDialog(d.today),
        activity_dialogs.FindingsDialog: lambda d: activity_dialogs.FindingsDialog(
            d.activity().details()
        ),
        activity_dialogs.AttendanceDialog: lambda d: activity_dialogs.AttendanceDialog(
            d.activity().attendance
        ),
        activity_dialogs.PartnersDialog: lambda d: activity_dialogs.PartnersDialog(
            d.partner_choices(), []
        ),
        activity_dialogs.ShareDialog: lambda d: activity_dialogs.ShareDialog(
            d.partner_choices(), d.today, d.today
        ),
        engagement_action_dialog.EngagementActionDialog: lambda d: (
            engagement_action_dialog.EngagementActionDialog(d.staff, d.me)
        ),
        incident_dialogs.IncidentDialog: lambda d: incident_dialogs.IncidentDialog(
            d.today, people=d.people()
        ),
        incident_dialogs.PeopleAffectedDialog: lambda d: incident_dialogs.PeopleAffectedDialog(
            d.people(), [], 0
        ),
        incident_dialogs.SupportDialog: lambda d: incident_dialogs.SupportDialog(d.staff, d.today),
        incident_dialogs.FollowUpDialog: lambda d: incident_dialogs.FollowUpDialog(d.staff),
        incident_dialogs.IncidentRolesDialog: lambda d: incident_dialogs.IncidentRolesDialog(
            d.as_().incidents.allowed_roles()
        ),
        InsightReportDialog: lambda d: InsightReportDialog(
            d.as_(Role.COMMUNITY_OFFICER).community_documents,
            d.activity().id,
            choose_path=_no_path,
        ),
        partner_dialogs.PartnerDialog: lambda d: partner_dialogs.PartnerDialog(),
        partner_dialogs.ContactDialog: lambda d: partner_dialogs.ContactDialog(),
        partner_dialogs.PartnerNoteDialog: lambda d: partner_dialogs.PartnerNoteDialog(d.today),
        ride_outs_tab.RideOutDialog: lambda d: ride_outs_tab.RideOutDialog(
            d.now, d.staff, [d.me], d.people()
        ),
        ride_outs_tab.AddSeenDialog: lambda d: ride_outs_tab.AddSeenDialog(d.people()),
        ProgressReportDialog: lambda d: ProgressReportDialog(
            d.as_(Role.COMMUNITY_OFFICER).community_documents,
            date(2024, 4, 1),
            d.today,
            choose_path=_no_path,
        ),
        training_dialog.TrainingDialog: lambda d: training_dialog.TrainingDialog(d.today),
        # ---- data protection
        BreakGlassDialog: lambda d: BreakGlassDialog(d.as_().restrictions),
        DisposalConfirmDialog: lambda d: DisposalConfirmDialog(
            d.as_().disposal, d.as_().disposal.preview(RecordKind.CASE_RECORD, d.person_id), None
        ),
        legal_hold_dialog.LegalHoldDialog: lambda d: legal_hold_dialog.LegalHoldDialog(None),
        legal_hold_dialog.LiftHoldDialog: lambda d: legal_hold_dialog.LiftHoldDialog(
            "Case record", "A reference", None
        ),
        restriction_dialog.RestrictionDialog: lambda d: restriction_dialog.RestrictionDialog(
            d.as_().restrictions
        ),
        restriction_dialog.LiftRestrictionDialog: lambda d: (
            restriction_dialog.LiftRestrictionDialog(
                d.as_().restrictions, d.as_().restrictions.restricted_records()[0], None
            )
        ),
        RetentionDecisionDialog: lambda d: RetentionDecisionDialog(
            RetentionDecisionKind.KEEP, d.due_record(), d.today, None
        ),
        SarExportDialog: lambda d: SarExportDialog(
            d.as_().subject_access,
            d.as_().sar_documents,
            d.as_().subject_access.requests(include_closed=True)[0].id,
            choose=_no_path,
        ),
        SarRequestDialog: lambda d: SarRequestDialog(d.as_().subject_access, d.today),
        # ---- meetings
        MeetingActionDialog: lambda d: MeetingActionDialog(d.staff, d.people(), d.today),
        meeting_dialogs.MeetingDialog: lambda d: meeting_dialogs.MeetingDialog(d.now),
        meeting_dialogs.AttendeeDialog: lambda d: meeting_dialogs.AttendeeDialog(),
        meeting_dialogs.PersonDialog: lambda d: meeting_dialogs.PersonDialog(d.people()),
        meeting_dialogs.ItemDialog: lambda d: meeting_dialogs.ItemDialog(),
        MeetingDocumentDialog: lambda d: MeetingDocumentDialog(
            d.as_().meeting_documents, d.meeting_id(), choose_path=_no_path
        ),
        # ---- shell
        AboutDialog: lambda d: AboutDialog(QApplication.windowIcon()),
        ShortcutsDialog: lambda d: ShortcutsDialog(gather(QWidget(), None)),
        # ---- therapy
        AddendumDialog: lambda d: AddendumDialog(
            d.as_(Role.FAMILY_THERAPIST).therapy_notes, d.signed_note_id()
        ),
        CaseDialog: lambda d: CaseDialog(
            d.as_(Role.FAMILY_THERAPIST).therapy.household_choices(),
            d.as_(Role.FAMILY_THERAPIST).therapy.therapist_choices(),
            d.as_(Role.FAMILY_THERAPIST).user.account_id,
            d.today,
        ),
        Score15Dialog: lambda d: Score15Dialog(
            d.as_(Role.FAMILY_THERAPIST).outcomes, d.therapy_session_id()
        ),
        SessionDialog: lambda d: SessionDialog(d.members(), d.now),
        TherapyDocumentDialog: lambda d: TherapyDocumentDialog(
            d.as_(Role.FAMILY_THERAPIST).therapy_documents,
            d.therapy_case_id(),
            choose_path=_no_path,
            confirm=_no_confirm,
        ),
        # ---- unlock
        FirstRunWizard: lambda d: FirstRunWizard(d.create_vault),
        RecoveryDialog: lambda d: RecoveryDialog(),
    }

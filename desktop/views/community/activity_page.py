"""One engagement activity: a header (kind, date, venue or online, how many came) with Edit…
and Insight report…, and tabs for its details and partners, attendance by audience, findings,
the action plan, and who the insight report was shared with."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models.choices import ActionStatus
from desktop.services.bundle import Services
from desktop.services.engagement_records import ActivityView, EngagementActionRow
from desktop.views.caseload.tabs.tab_parts import action_button, hint
from desktop.views.coaching.coaching_plan_parts import local_today
from desktop.views.common.page_saving import apply_change, run_dialog
from desktop.views.common.when import date_text
from desktop.views.community.activity_dialogs import (
    ActivityDialog,
    AttendanceDialog,
    FindingsDialog,
    PartnersDialog,
    ShareDialog,
)
from desktop.views.community.activity_tabs import (
    ActionsTab,
    AttendanceTab,
    DetailsTab,
    FindingsTab,
    SharesTab,
)
from desktop.views.community.community_parts import REFUSALS, plural, staff_with, venue_text
from desktop.views.community.engagement_action_dialog import EngagementActionDialog
from desktop.views.community.insight_report_dialog import InsightReportDialog


def facts_text(view: ActivityView) -> str:
    facts = [
        view.kind.label,
        date_text(view.held_on),
        venue_text(view.venue, view.online),
        f"{plural(view.total_attendance, 'person', 'people')} came"
        if view.attendance
        else "Attendance not counted",
    ]
    if view.created_by:
        facts.append(f"Recorded by {view.created_by}")
    return " · ".join(facts)


def missing_text(view: ActivityView) -> str:
    """What the insight report will say is not recorded, so the person can add it first."""
    missing = [
        what
        for what, present in (
            ("attendance", view.attendance),
            ("findings", view.findings),
            ("recommendations", view.recommendations),
            ("actions", view.actions),
        )
        if not present
    ]
    if not missing:
        return ""
    return f"Not recorded yet: {', '.join(missing)}. The report can be saved without them."


class ActivityPage(QWidget):
    closed = Signal()
    changed = Signal()  # something saved: the lists are out of date

    def __init__(self, services: Services, activity_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.activity_id = activity_id
        today = local_today(services.clock.now())
        self.back_button = back = action_button("← Activities", "Back to the activities (Esc)")
        back.setAccessibleName("Back to the activities")
        back.clicked.connect(self.closed)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setAccessibleName("Activity")
        self.title.setWordWrap(True)  # a title may be long: it wraps under the buttons
        self.edit_button = action_button("Ed&it activity…", "Change the activity's details")
        self.edit_button.clicked.connect(self.edit_activity)
        self.report_button = action_button(
            "Insight &report…", "Save the insight report as a Word document"
        )
        self.report_button.clicked.connect(self.save_report)
        header = QHBoxLayout()
        header.addWidget(back)
        header.addStretch(1)
        header.addWidget(self.edit_button)
        header.addWidget(self.report_button)
        self.facts = hint()
        self.facts.setAccessibleName("About the activity")

        self.details_tab = DetailsTab()
        self.attendance_tab = AttendanceTab()
        self.findings_tab = FindingsTab()
        self.actions_tab = ActionsTab(today)
        self.shares_tab = SharesTab()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.details_tab, "&Details")
        self.tabs.addTab(self.attendance_tab, "Atte&ndance")
        self.tabs.addTab(self.findings_tab, "Findin&gs")
        self.tabs.addTab(self.actions_tab, "Ac&tions")
        self.tabs.addTab(self.shares_tab, "Shared &with")
        self.details_tab.partners_button.clicked.connect(self.choose_partners)
        self.details_tab.outcomes_changed.connect(self.save_outcomes)
        self.attendance_tab.edit_button.clicked.connect(self.edit_attendance)
        self.findings_tab.edit_button.clicked.connect(self.edit_findings)
        self.actions_tab.add_button.clicked.connect(self.add_action)
        self.actions_tab.edit_button.clicked.connect(self.edit_action)
        self.actions_tab.done_button.clicked.connect(self.mark_done)
        self.actions_tab.table.activated.connect(lambda row: self.edit_action())
        self.shares_tab.record_button.clicked.connect(self.record_share)
        self.shares_tab.remove_button.clicked.connect(self.remove_share)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.closed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.tabs, 1)
        self.view = services.engagement.activity(activity_id)
        self.reload()

    def reload(self) -> None:
        view = self.view = self._services.engagement.activity(self.activity_id)
        today = local_today(self._services.clock.now())
        self.title.setText(view.title)
        self.facts.setText(facts_text(view))
        self.details_tab.load(view)
        self.attendance_tab.load(view)
        self.findings_tab.load(view)
        self.actions_tab.load(view, today)
        self.shares_tab.load(view)

    def save_report(self) -> None:
        dialog = InsightReportDialog(
            self._services.community_documents,
            self.activity_id,
            self,
            missing=missing_text(self.view),
        )
        dialog.exec()
        dialog.deleteLater()

    # ---- details, partners, attendance, findings, outcomes -----------------------------------
    def edit_activity(self) -> None:
        today = local_today(self._services.clock.now())
        dialog = ActivityDialog(today, self.view.details(), self)
        dialog.save = lambda: self._services.engagement.update_activity(
            self.activity_id, dialog.details()
        )
        self._run(dialog)

    def edit_findings(self) -> None:
        dialog = FindingsDialog(self.view.details(), self)
        dialog.save = lambda: self._services.engagement.update_activity(
            self.activity_id, dialog.details()
        )
        self._run(dialog)

    def edit_attendance(self) -> None:
        dialog = AttendanceDialog(self.view.attendance, self)
        dialog.save = lambda: self._services.engagement.set_attendance(
            self.activity_id, dialog.counts()
        )
        self._run(dialog)

    def partner_choices(self, first: list[int] | None = None) -> list[tuple[int, str]]:
        """Current partners (and any already linked), those in `first` at the top."""
        rows = self._services.partners.partners(include_inactive=True)
        linked = {p.id for p in self.view.partners}
        choices = [
            (row.id, f"{row.name} · {row.kind.label}")
            for row in rows
            if row.active or row.id in linked
        ]
        if first:
            choices.sort(key=lambda pair: pair[0] not in first)
        return choices

    def choose_partners(self) -> None:
        chosen = [p.id for p in self.view.partners]
        dialog = PartnersDialog(self.partner_choices(), chosen, self)
        dialog.save = lambda: self._services.engagement.set_partners(
            self.activity_id, dialog.partner_ids()
        )
        self._run(dialog)

    def save_outcomes(self) -> None:
        outcomes = self.details_tab.chosen_outcomes()
        self._change(lambda: self._services.engagement.set_outcomes(self.activity_id, outcomes))

    # ---- actions ---------------------------------------------------------------------------
    def _action_dialog(self, current: EngagementActionRow | None = None) -> EngagementActionDialog:
        user = self._services.user
        staff = staff_with(
            self._services.accounts.staff_choices(), user.account_id, user.display_name
        )
        return EngagementActionDialog(staff, user.account_id, current, self)

    def add_action(self) -> None:
        dialog = self._action_dialog()
        engagement = self._services.engagement
        dialog.save = lambda: engagement.add_action(
            self.activity_id, dialog.details(), dialog.chosen_outcomes()
        )
        if self._run(dialog) and isinstance(dialog.result_of_save, int):
            new_id = dialog.result_of_save
            self.actions_tab.table.select_where(lambda row: row.id == new_id)

    def edit_action(self) -> None:
        action = self.actions_tab.table.selected()
        if action is None:
            return
        engagement = self._services.engagement
        dialog = self._action_dialog(action)

        def save() -> None:
            engagement.update_action(action.id, dialog.details())
            engagement.set_action_status(action.id, dialog.chosen_status())
            engagement.set_action_outcomes(action.id, dialog.chosen_outcomes())

        dialog.save = save
        self._run(dialog)

    def mark_done(self) -> None:
        action = self.actions_tab.table.selected()
        if action is not None:
            engagement = self._services.engagement
            self._change(lambda: engagement.set_action_status(action.id, ActionStatus.DONE))

    # ---- shares ----------------------------------------------------------------------------
    def record_share(self) -> None:
        involved = [p.id for p in self.view.partners]
        today = local_today(self._services.clock.now())
        dialog = ShareDialog(self.partner_choices(involved), self.view.held_on, today, self)
        dialog.save = lambda: self._services.engagement.record_shares(
            self.activity_id, dialog.partner_ids(), dialog.day()
        )
        self._run(dialog)

    def remove_share(self) -> None:
        share = self.shares_tab.table.selected()
        if share is None:
            return
        answer = QMessageBox.question(
            self,
            "Remove share",
            f"Remove the record that the report was shared with {share.partner_name} on "
            f"{date_text(share.shared_on)}?",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._change(lambda: self._services.engagement.remove_share(share.id))

    # ---- saving ----------------------------------------------------------------------------
    def _change(self, change: Callable[[], object]) -> None:
        apply_change(self, change, REFUSALS, self._saved)

    def _run(self, dialog: QDialog) -> bool:
        return run_dialog(dialog, self._saved)

    def _saved(self) -> None:
        self.reload()
        self.changed.emit()

"""The coordinator's retention screen: due for review, the schedule, legal holds, disposal log."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.services.disposal_service import DisposalService
from desktop.services.retention_holds import LegalHoldService
from desktop.services.retention_review_service import RetentionReviewService
from desktop.services.retention_schedule import RetentionScheduleService
from desktop.views.data_protection.disposal_log_tab import DisposalLogTab
from desktop.views.data_protection.retention_due_tab import RetentionDueTab
from desktop.views.data_protection.retention_holds_tab import RetentionHoldsTab
from desktop.views.data_protection.retention_schedule_tab import RetentionScheduleTab


class RetentionPanel(QWidget):
    def __init__(
        self,
        schedule: RetentionScheduleService,
        review: RetentionReviewService,
        holds: LegalHoldService,
        disposal: DisposalService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.due = RetentionDueTab(review, holds, disposal)
        self.schedule = RetentionScheduleTab(schedule)
        self.holds = RetentionHoldsTab(holds)
        self.log = DisposalLogTab(disposal)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Retention")
        self.tabs.addTab(self.due, "Due for &review")
        self.tabs.addTab(self.schedule, "Schedul&e")
        self.tabs.addTab(self.holds, "Legal h&olds")
        self.tabs.addTab(self.log, "Disposal lo&g")
        # Each tab shows what the others changed (a hold placed from the review list, a
        # rule that brings records due, a disposal that adds a log line).
        self.tabs.currentChanged.connect(self._shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def _shown(self, index: int) -> None:
        page = self.tabs.widget(index)
        if isinstance(
            page, RetentionDueTab | RetentionScheduleTab | RetentionHoldsTab | DisposalLogTab
        ):
            page.reload()

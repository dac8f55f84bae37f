"""The Status and risk tab: the case's place in the workflow, its RAG rating, and its flags."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from desktop.services.bundle import Services
from desktop.services.people_service import PersonRecord
from desktop.views.caseload.record_tab import RecordTab
from desktop.views.caseload.tabs.flags_panel import FlagsPanel
from desktop.views.caseload.tabs.rag_panel import RagPanel
from desktop.views.caseload.tabs.status_panel import StatusPanel


class StatusRiskTab(RecordTab):
    def __init__(self, services: Services, record: PersonRecord, parent: QWidget | None = None):
        super().__init__(services, record, parent)
        self.status = StatusPanel(services, record.id, record.status)
        self.rag = RagPanel(services, record.id, record.rag, record.rag_review_due)
        self.flags = FlagsPanel(services, record.id)
        self.status.changed.connect(self.record_changed)
        self.rag.changed.connect(self.record_changed)
        top = QWidget()
        columns = QHBoxLayout(top)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(16)
        columns.addWidget(self.status, 1)
        columns.addWidget(self.rag, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.flags)
        split.setSizes([330, 200])  # a proportion: status and RAG over the flags
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(split)
        self.reload()

    def reload(self) -> None:
        self.status.reload()
        self.rag.reload()
        self.flags.reload()

"""The Data protection section (coordinator only): subject access requests, restricted records
with their break-glass openings, and retention with legal holds and disposal."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.services.bundle import Services
from desktop.views.data_protection.restrictions_panel import RestrictionsPanel
from desktop.views.data_protection.retention_panel import RetentionPanel
from desktop.views.data_protection.subject_access_panel import SubjectAccessPanel


class DataProtectionView(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("Data protection")
        title.setObjectName("pageTitle")
        self.subject_access = SubjectAccessPanel(
            services.subject_access, services.sar_review, services.sar_documents, services.clock
        )
        self.restrictions = RestrictionsPanel(services.restrictions)
        self.retention = RetentionPanel(
            services.retention_schedule,
            services.retention_review,
            services.legal_holds,
            services.disposal,
        )
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Data protection")
        self.tabs.addTab(self.subject_access, "S&ubject access")
        self.tabs.addTab(self.restrictions, "Restricted record&s")
        self.tabs.addTab(self.retention, "Retentio&n")
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)

    def _tab_changed(self, index: int) -> None:
        # Deadlines move with the clock and openings arrive from other users' sessions.
        widget = self.tabs.widget(index)
        if widget is self.subject_access:
            self.subject_access.reload()
        elif widget is self.restrictions:
            self.restrictions.reload()

"""The Administration section (coordinator only): accounts, audit log, vault settings."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.services.bundle import Services
from desktop.views.admin.accounts_panel import AccountsPanel
from desktop.views.admin.audit_panel import AuditPanel
from desktop.views.admin.backup_panel import BackupPanel
from desktop.views.admin.coaching_settings_panel import CoachingSettingsPanel
from desktop.views.admin.flag_types_panel import FlagTypesPanel
from desktop.views.admin.settings_panel import SettingsPanel


class AdministrationView(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("Administration")
        title.setObjectName("pageTitle")
        self.accounts = AccountsPanel(services)
        self.audit = AuditPanel(services.audit)
        self.settings = SettingsPanel(services)
        self.flag_types = FlagTypesPanel(services)
        self.backups = BackupPanel(services)
        self.coaching = CoachingSettingsPanel(services)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.accounts, "&Accounts")
        self.tabs.addTab(self.audit, "Audit &log")
        self.tabs.addTab(self.backups, "&Backups")
        self.tabs.addTab(self.flag_types, "&Flag types")
        self.tabs.addTab(self.coaching, "&Coaching")
        self.tabs.addTab(self.settings, "Vault &settings")
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.audit:
            self.audit.reload()

"""Vault-wide settings the coordinator sets: idle lock time, remembering devices."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services.bundle import Services
from desktop.services.settings_service import IDLE_LOCK_RANGE
from desktop.views.common.announce import announce


class SettingsPanel(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(*IDLE_LOCK_RANGE)
        self.idle_minutes.setSuffix(" minutes")
        self.idle_minutes.setAccessibleName("Lock after idle time")
        self.idle_minutes.setValue(services.settings.idle_lock_minutes())
        self.remember_allowed = QCheckBox("Staff may be remembered on their own computer")
        self.remember_allowed.setChecked(services.accounts.remember_allowed())
        note = QLabel("Turning this off makes every computer forget everyone at once.")
        note.setObjectName("hint")
        self.saved = QLabel()
        self.saved.setObjectName("notice")
        self.saved.hide()
        save = QPushButton("&Save settings")
        save.setObjectName("primary")
        save.clicked.connect(self.save)
        form = QFormLayout()
        form.addRow("&Lock after", self.idle_minutes)
        form.addRow("", self.remember_allowed)
        form.addRow("", note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.saved)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def save(self) -> None:
        self._services.settings.set_idle_lock_minutes(self.idle_minutes.value())
        if self.remember_allowed.isChecked() != self._services.accounts.remember_allowed():
            self._services.accounts.set_remember_allowed(self.remember_allowed.isChecked())
        announce(self.saved, "Saved. The new idle time applies from the next sign-in.")

"""The coordinator's backups: where and when, how old the last good one is, back up now, restore."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services.backup_service import BackupResult, BackupStatus
from desktop.services.backup_settings import (
    DAILY_RANGE,
    EVERY_HOURS_RANGE,
    WEEKLY_RANGE,
    BackupSettings,
)
from desktop.services.bundle import Services
from desktop.views.admin.restore_dialog import RestoreDialog
from desktop.views.common.announce import announce
from desktop.views.common.backup_runner import BackupRunner
from desktop.views.common.restyle import restyle

FRESH = timedelta(hours=26)  # a daily backup, with a little slack
STALE = timedelta(days=7)
AGE_STYLES = {
    "good": "color:#1d4f3a;background:#e6f4ec;",
    "amber": "color:#5a4500;background:#fff1c2;",
    "red": "color:#9b1c1c;background:#fdecec;",
}
BADGE = "border-radius:4px;padding:6px 8px;"


def age_words(age: timedelta) -> str:
    hours = int(age.total_seconds() // 3600)
    if hours < 1:
        return "less than an hour ago"
    if hours < 48:
        return f"{hours} hour{'s' if hours != 1 else ''} ago"
    return f"{hours // 24} days ago"


def status_text(status: BackupStatus, now: datetime) -> tuple[str, str]:
    """What the status line says, and its colour (good, amber or red)."""
    good = status.last_good
    if good is None:
        return "No good backup yet. Set a folder and back up now.", "red"
    age = now - good.at
    local = good.at.astimezone().strftime("%d/%m/%Y %H:%M")
    text = f"Last good backup {local} ({age_words(age)}, took {good.duration_seconds:.1f} s)."
    attempt = status.last_attempt
    if attempt is not None and not attempt.ok and attempt.at > good.at:
        text += f" The last attempt failed ({attempt.outcome.removeprefix('failed: ')})."
    colour = "good" if age <= FRESH else "amber" if age <= STALE else "red"
    return text, colour


class BackupPanel(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.runner = BackupRunner(services.backup, self)
        self.runner.progressed.connect(self._progressed)
        self.runner.succeeded.connect(self._succeeded)
        self.runner.failed.connect(self._failed)
        self.runner.finished.connect(self._finished)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Last backup")
        self.folder = QLineEdit()
        self.folder.setAccessibleName("Backup folder")
        self.folder.setPlaceholderText(
            r"A mapped drive or network path, e.g. \\server\share\Casebook"
        )
        browse = QPushButton("Bro&wse…")
        browse.clicked.connect(self.browse)
        self.on_close = QCheckBox("Back up when Casebook closes")
        self.every_hours = QSpinBox()
        self.every_hours.setRange(*EVERY_HOURS_RANGE)
        self.every_hours.setSpecialValueText("Not while it runs")
        self.every_hours.setSuffix(" hours")
        self.every_hours.setAccessibleName("Back up every")
        self.keep_daily = QSpinBox()
        self.keep_daily.setRange(*DAILY_RANGE)
        self.keep_daily.setAccessibleName("Daily copies kept")
        self.keep_weekly = QSpinBox()
        self.keep_weekly.setRange(*WEEKLY_RANGE)
        self.keep_weekly.setAccessibleName("Weekly copies kept")
        for spin in (self.every_hours, self.keep_daily, self.keep_weekly):
            spin.setMaximumWidth(180)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        save = QPushButton("&Save settings")
        save.clicked.connect(self.save)
        self.backup_button = QPushButton("&Back up now")
        self.backup_button.setObjectName("primary")
        self.backup_button.clicked.connect(self.back_up_now)
        self.cancel_button = QPushButton("Cancel backup")
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName("Backup progress")
        self.progress.hide()
        restore = QPushButton("&Restore from a backup…")
        restore.clicked.connect(self.restore)

        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        folder_label = QLabel("&Folder")
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        form.addRow("", self.on_close)
        form.addRow("Back up &every", self.every_hours)
        form.addRow("Keep &daily copies", self.keep_daily)
        form.addRow("Keep wee&kly copies", self.keep_weekly)
        actions = QHBoxLayout()
        actions.addWidget(save)
        actions.addStretch(1)
        actions.addWidget(restore)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.backup_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addLayout(actions)
        layout.addStretch(1)
        self._fill(services.backup_settings.settings())
        self.refresh_status()

    def _fill(self, settings: BackupSettings) -> None:
        self.folder.setText(settings.folder)
        self.on_close.setChecked(settings.on_close)
        self.every_hours.setValue(settings.every_hours)
        self.keep_daily.setValue(settings.keep_daily)
        self.keep_weekly.setValue(settings.keep_weekly)

    def chosen(self) -> BackupSettings:
        return replace(
            BackupSettings(),
            folder=self.folder.text().strip(),
            on_close=self.on_close.isChecked(),
            every_hours=self.every_hours.value(),
            keep_daily=self.keep_daily.value(),
            keep_weekly=self.keep_weekly.value(),
        )

    def refresh_status(self) -> None:
        text, colour = status_text(self._services.backup.last_backup(), self._services.clock.now())
        self.status.setText(text)
        self.status.setStyleSheet(BADGE + AGE_STYLES[colour])

    def _say(self, text: str, *, error: bool = False) -> None:
        restyle(self.message, "error" if error else "notice")
        announce(self.message, text, urgent=error)

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Backup folder", self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def save(self) -> bool:
        settings = self.chosen()
        found = settings.problems()
        if found:
            self._say(" ".join(found), error=True)
            return False
        self._services.backup_settings.save(settings)
        self._say("Backup settings saved.")
        return True

    def back_up_now(self) -> None:
        if not self.save() or not self.runner.start():
            return
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.backup_button.setEnabled(False)
        self._say("Backing up… you can keep working.")

    def _progressed(self, percent: int) -> None:
        self.progress.setValue(percent)

    def _succeeded(self, result: object) -> None:
        assert isinstance(result, BackupResult)
        size = result.size_bytes / 1_000_000
        self._say(f"Backed up ({size:.1f} MB in {result.duration_seconds:.1f} s).")

    def _failed(self, message: str) -> None:
        self._say(
            f"The backup did not complete: {message} Casebook will try again later.", error=True
        )

    def _finished(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.backup_button.setEnabled(True)
        self.refresh_status()

    def restore(self) -> None:
        RestoreDialog(self._services.clock, self).exec()

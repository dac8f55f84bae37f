"""The main window: unlock screen or workspace, menus, status bar, idle and manual lock."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from desktop.logging_setup import LOG
from desktop.services import actions
from desktop.views.common.announce import follow_status_bar
from desktop.views.common.clipboard_guard import ClipboardGuard
from desktop.views.common.idle_monitor import IdleMonitor
from desktop.views.shell.about_dialog import AboutDialog
from desktop.views.shell.shell_dependencies import ShellDependencies
from desktop.views.shell.shortcuts_dialog import ShortcutsDialog, gather
from desktop.views.unlock.unlock_view import UnlockView

# The unlock screen is shown before these are imported (see preload_workspace): every section's
# screens, the services and python-docx take longer to import than the screen takes to show.
if TYPE_CHECKING:
    from desktop.services.bundle import Services
    from desktop.services.sign_in_service import SignedIn
    from desktop.views.common.backup_runner import BackupRunner
    from desktop.views.common.theme import ThemeController
    from desktop.views.shell.workspace import Place, Workspace

GEOMETRY_KEY = "window/geometry"
CLOSING_WAIT_MS = 4000  # closing never waits longer than this for a backup
RETRY_MINUTES = 15


class MainWindow(QMainWindow):
    def __init__(
        self,
        deps: ShellDependencies,
        icon: QIcon,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        theme: ThemeController | None = None,
    ) -> None:
        super().__init__(parent)
        self._theme = theme
        self._deps = deps
        self._icon = icon
        self._settings = settings
        self.services: Services | None = None
        self.workspace: Workspace | None = None
        self._place: Place | None = None
        self.setWindowTitle("Casebook")
        self.setWindowIcon(icon)
        self.setMinimumSize(900, 600)

        self.unlock_view = UnlockView(deps, icon)
        self.unlock_view.signed_in.connect(self.enter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.unlock_view)
        self.setCentralWidget(self.stack)

        self.idle = IdleMonitor(deps.clock, self)
        self.idle.timed_out.connect(self.lock)
        self.idle.ticked.connect(self._show_countdown)
        self.clipboard_guard = ClipboardGuard(self)
        self.backup_runner: BackupRunner | None = None
        self.backup_timer = QTimer(self)
        self.backup_timer.timeout.connect(self._run_scheduled_backup)
        self.backup_retry = QTimer(self)
        self.backup_retry.setSingleShot(True)
        self.backup_retry.timeout.connect(self._run_scheduled_backup)

        self.user_label = QLabel()
        self.user_label.setAccessibleName("Signed-in user")
        self.countdown_label = QLabel()
        self.countdown_label.setAccessibleName("Time until the vault locks")
        self.statusBar().addWidget(self.user_label, 1)
        self.statusBar().addPermanentWidget(self.countdown_label)
        follow_status_bar(self.statusBar())  # every message it shows is read out
        self._build_menus()
        self._show_locked_state()
        geometry = settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 760)

    # ---- menus ---------------------------------------------------------------------------
    def _build_menus(self) -> None:
        casebook = self.menuBar().addMenu("&Casebook")
        self.lock_action = QAction("&Lock", self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock)
        self.sign_out_action = QAction("Sign &out", self)
        self.sign_out_action.triggered.connect(self.sign_out)
        self.passphrase_action = QAction("Change &passphrase…", self)
        self.passphrase_action.triggered.connect(lambda: self.change_passphrase(forced=False))
        self.remember_action = QAction("&Remember me on this computer", self)
        self.remember_action.setCheckable(True)
        self.remember_action.triggered.connect(self.toggle_remember)
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (self.lock_action, self.sign_out_action):
            casebook.addAction(action)
        casebook.addSeparator()
        # Filled as it opens, emptied once closed: no names wait in it behind a locked screen.
        self.recent_menu = casebook.addMenu("Recent &records")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.recent_menu.aboutToHide.connect(
            lambda: QTimer.singleShot(0, self.recent_menu, self.recent_menu.clear)
        )
        casebook.addSeparator()
        casebook.addAction(self.passphrase_action)
        casebook.addAction(self.remember_action)
        casebook.addSeparator()
        casebook.addAction(quit_action)
        self.session_actions = (
            self.lock_action,
            self.sign_out_action,
            self.recent_menu.menuAction(),
            self.passphrase_action,
            self.remember_action,
        )

        if self._theme is not None:
            view = self.menuBar().addMenu("&View")
            self.high_contrast_action = self._theme.high_contrast_action(self)
            view.addAction(self.high_contrast_action)

        help_menu = self.menuBar().addMenu("&Help")
        self.shortcuts_action = QAction("&Keyboard shortcuts", self)
        # F1 is help everywhere; Ctrl+/ is the other common key for a shortcut list.
        self.shortcuts_action.setShortcuts([QKeySequence("F1"), QKeySequence("Ctrl+/")])
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        about = QAction("&About Casebook", self)
        about.triggered.connect(lambda: AboutDialog(self._icon, self).exec())
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(about)

    def _fill_recent_menu(self) -> None:
        from desktop.views.home.recent_menu import fill_recent_menu

        if self.services is not None:
            fill_recent_menu(self.recent_menu, self.services.recent_records, self.open_recent)

    def open_recent(self, person_id: int) -> None:
        """A record from Casebook › Recent records, opened in the Caseload section."""
        from desktop.services.people_service import RecordNotFoundError
        from desktop.services.permissions import Section

        caseload = self.workspace.caseload if self.workspace is not None else None
        if self.workspace is None or caseload is None:
            return  # a role without the Caseload section
        self.workspace.show_section(Section.CASELOAD)
        # A record closed to them since the menu was filled: nothing opens.
        with contextlib.suppress(RecordNotFoundError):
            caseload.open_person(person_id)

    def show_shortcuts(self) -> None:
        """Help › Keyboard shortcuts, read from this window's widgets as they are now."""
        ShortcutsDialog(gather(self, self.workspace), self).exec()

    # ---- starting --------------------------------------------------------------------------
    def start(self) -> bool:
        """Shows the first-run wizard when there is no vault yet; False if it was cancelled."""
        if self._deps.layout.exists():
            self.unlock_view.prepare()
            return True
        from desktop.views.unlock.first_run_wizard import FirstRunWizard

        wizard = FirstRunWizard(self._deps.create_vault, self)
        wizard.vault_created.connect(self.enter)
        return bool(wizard.exec()) or self.services is not None

    # ---- signing in, locking, signing out ------------------------------------------------
    def enter(self, signed_in: SignedIn) -> None:
        from desktop.views.shell.workspace import Workspace

        services = self._deps.services_for(signed_in)
        self.services = services
        if services.user.must_change_passphrase and not self.change_passphrase(forced=True):
            self.sign_out()
            return
        self.workspace = Workspace(services)
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        if self._place is not None and self._place.username == services.user.username:
            self.workspace.restore(self._place)
        self._place = None
        for action in self.session_actions:
            action.setEnabled(True)
        self.recent_menu.menuAction().setVisible(self.workspace.caseload_allowed())
        reason = self._deps.device.unavailable_reason()
        self.remember_action.setVisible(reason is None and services.accounts.remember_allowed())
        if reason is None:
            self.remember_action.setChecked(services.accounts.is_remembered(self._deps.device))
        user = services.user
        self.user_label.setText(f"Signed in as {user.display_name} · {user.role.label}")
        self.idle.start(services.settings.idle_lock_minutes() * 60)
        self._start_backups(services)
        LOG.info("signed in with the role %s", user.role.value)

    def lock(self) -> None:
        """Keeps the user's place and drafts, then leaves nothing but the unlock screen."""
        if self.services is None:
            return
        if self._close_open_dialog():
            QTimer.singleShot(0, self.lock)
            return
        username = self.services.user.username
        if self.workspace is not None:
            self.workspace.save_drafts()
            self._place = self.workspace.place()
        self._end_session(actions.LOCK)
        self.unlock_view.prepare(username)

    def _close_open_dialog(self) -> bool:
        """A dialog in its own event loop is closed first; the lock runs once it has returned."""
        modal = QApplication.activeModalWidget()
        if modal is None or modal is self:
            return False
        if isinstance(modal, QDialog):
            modal.reject()
        else:
            modal.close()
        return True

    def sign_out(self) -> None:
        if self.services is None:
            return
        if self.workspace is not None:
            self.workspace.save_drafts()
        self._place = None
        self._end_session(actions.SIGN_OUT)
        self.unlock_view.prepare()

    def _end_session(self, action: str) -> None:
        LOG.info("session ended: %s", action)
        self.idle.stop()
        self._stop_backups()
        if self.workspace is not None:
            self.stack.removeWidget(self.workspace)
            # Delete now, not later: no widget may keep personal data once locked.
            shiboken6.delete(self.workspace)
            self.workspace = None
        services, self.services = self.services, None
        if services is not None:
            services.end(action)
        self.clipboard_guard.clear_if_ours()
        self._show_locked_state()

    def _show_locked_state(self) -> None:
        self.stack.setCurrentWidget(self.unlock_view)
        for action in self.session_actions:
            action.setEnabled(False)
        self.user_label.setText("Locked")
        self.countdown_label.clear()

    def _show_countdown(self, seconds: int) -> None:
        minutes, rest = divmod(seconds, 60)
        self.countdown_label.setText(f"Locks in {minutes}:{rest:02d} (Ctrl+L to lock now)")

    # ---- backups while Casebook runs, and on closing ---------------------------------------
    def _start_backups(self, services: Services) -> None:
        from desktop.views.common.backup_runner import BackupRunner

        self.backup_runner = BackupRunner(services.backup, self)
        self.backup_runner.failed.connect(self._backup_failed)
        hours = services.backup.settings().every_hours
        if hours and services.backup.settings().folder:
            self.backup_timer.start(hours * 3600 * 1000)

    def _run_scheduled_backup(self) -> None:
        if self.backup_runner is not None and self.backup_runner.start():
            self.statusBar().showMessage("Backing up in the background…", 5000)

    def _backup_failed(self, message: str) -> None:
        # Never a dialog: the share is often away; say so quietly and try again later.
        self.statusBar().showMessage(
            f"Backup not done: {message} Trying again in 15 minutes.", 60_000
        )
        self.backup_retry.start(RETRY_MINUTES * 60 * 1000)

    def _stop_backups(self) -> None:
        self.backup_timer.stop()
        self.backup_retry.stop()
        if self.backup_runner is not None:
            # The vault is about to close: a backup still running is cancelled after a moment.
            self.backup_runner.finish_within(CLOSING_WAIT_MS)
            self.backup_runner = None

    def _back_up_on_closing(self) -> None:
        services = self.services
        if services is None or self.backup_runner is None:
            return
        settings = services.backup.settings()
        if settings.on_close and settings.folder and self.backup_runner.start():
            self.statusBar().showMessage("Backing up before closing…")
            self.backup_runner.finish_within(CLOSING_WAIT_MS)

    # ---- the user's own account ----------------------------------------------------------
    def change_passphrase(self, forced: bool) -> bool:
        from desktop.services.account_service import AccountError
        from desktop.views.admin.account_dialogs import ChangeOwnPassphraseDialog

        if self.services is None:
            return False
        dialog = ChangeOwnPassphraseDialog(forced, self)
        while dialog.exec():
            try:
                self.services.accounts.change_own_passphrase(
                    dialog.current.text(), dialog.passphrase.text(), dialog.confirmation.text()
                )
            except AccountError as error:
                dialog.show_error(str(error))
                continue
            if not forced:
                QMessageBox.information(self, "Casebook", "Your passphrase has been changed.")
            return True
        return False

    def toggle_remember(self, checked: bool) -> None:
        from desktop.services.account_service import AccountError
        from desktop.services.permissions import PermissionDeniedError

        if self.services is None:
            return
        try:
            if checked:
                self.services.accounts.remember_on_device(self._deps.device)
            else:
                self.services.accounts.forget_device(self._deps.device)
        except (AccountError, PermissionDeniedError) as error:
            QMessageBox.warning(self, "Casebook", str(error))
            self.remember_action.setChecked(not checked)

    # ---- closing ---------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self._back_up_on_closing()
        self.sign_out()
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._settings.sync()
        event.accept()


def preload_workspace() -> None:
    """Imports what signing in needs (every section's screens, the services, python-docx) while
    the person types their passphrase; called once the unlock screen is showing."""
    import desktop.services.bundle  # noqa: F401
    import desktop.views.shell.workspace  # noqa: F401

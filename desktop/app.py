"""Builds the QApplication and the main window, and wires the services: the one wiring point."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from desktop import APP_NAME, ORGANISATION, __version__
from desktop.cli import PASSPHRASE_VARIABLE
from desktop.clock import Clock, SystemClock
from desktop.logging_setup import LOG, configure_logging
from desktop.paths import AppPaths
from desktop.resources_path import resource
from desktop.services.sign_in_service import SignedIn, SignInService
from desktop.vault.device_keyring import DeviceKeyring
from desktop.vault.kdf import KdfPolicy
from desktop.vault.layout import VaultLayout
from desktop.views.common.background_task import BackgroundTask
from desktop.views.common.describe_on_focus import install_accessibility
from desktop.views.common.first_paint import (
    report_startup_and_quit,
    startup_probe_requested,
    when_first_painted,
)
from desktop.views.common.layout_walk import forget_layout_items_on_focus
from desktop.views.common.save_failure_notice import install_save_failure_notice
from desktop.views.common.theme import (
    ThemeController,
    apply_theme,
    system_scheme,
    system_wants_high_contrast,
    theme_for,
)
from desktop.views.shell.main_window import MainWindow, preload_workspace
from desktop.views.shell.shell_dependencies import ShellDependencies

if TYPE_CHECKING:
    from desktop.services.bundle import Services


def application_icon() -> QIcon:
    return QIcon(str(resource("icons", "casebook.svg")))


def create_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(application_icon())
    # The OS's light or dark mode at once; build_main_window adds the person's own choice.
    apply_theme(app, theme_for(system_scheme(), system_wants_high_contrast()))
    # Screen readers: every control described when first shown; status-bar messages read out.
    install_accessibility(app)
    # PySide's wrappers of Qt's layout items, which outlive the items (layout_walk says why).
    forget_layout_items_on_focus(app)
    return app


def build_main_window(
    layout: VaultLayout,
    *,
    kdf_policy: KdfPolicy,
    clock: Clock,
    device: DeviceKeyring,
    settings: QSettings,
    demo_passphrase: str | None = None,
) -> MainWindow:
    # Imported when first used: the unlock screen shows before the services are loaded.
    def create_vault(username: str, full_name: str, passphrase: str) -> tuple[SignedIn, str]:
        from desktop.services.vault_setup_service import initialise_vault

        return initialise_vault(layout, username, full_name, passphrase, kdf_policy, clock)

    def services_for(signed_in: SignedIn) -> Services:
        from desktop.services.bundle import Services

        return Services.for_session(signed_in, kdf_policy, clock)

    deps = ShellDependencies(
        layout=layout,
        sign_in=SignInService(layout, clock),
        device=device,
        create_vault=create_vault,
        services_for=services_for,
        clock=clock,
        kdf_policy=kdf_policy,
        demo_passphrase=demo_passphrase,
    )
    app = QApplication.instance()
    theme = None
    if isinstance(app, QApplication):
        theme = ThemeController(app, settings)
        theme.apply()
    window = MainWindow(deps, application_icon(), settings, theme=theme)
    if theme is not None:
        theme.setParent(window)  # stops following the OS when the window goes
    return window


def _create_demo_vault(layout: VaultLayout, passphrase: str, clock: Clock) -> None:
    """The demo vault's accounts take a few seconds of key derivation: show that it's working."""
    progress = QProgressDialog("Creating the demo vault with synthetic records…", "", 0, 0)
    progress.setCancelButton(None)
    progress.setWindowTitle(APP_NAME)
    progress.show()
    loop = QEventLoop()
    failures: list[str] = []

    from desktop.services.demo_service import build_demo_vault

    def build(_report: object) -> None:
        build_demo_vault(layout, passphrase, KdfPolicy(), clock).vault.lock()

    task = BackgroundTask(build)
    task.failed.connect(failures.append)
    task.finished.connect(loop.quit)
    task.start()
    loop.exec()
    task.wait()
    progress.close()
    if failures:
        raise RuntimeError(f"the demo vault could not be created ({failures[0]})")


def run_gui(vault: Path | None, demo: bool) -> int:
    paths = AppPaths.for_user()
    configure_logging(paths.log_file)
    install_save_failure_notice()
    app = create_application(sys.argv)
    clock = SystemClock()
    folder = vault or (paths.demo_vault if demo else paths.default_vault)
    layout = VaultLayout(folder)
    demo_passphrase = None
    if demo:
        from desktop.services.demo_service import DEMO_PASSPHRASE

        demo_passphrase = os.environ.get(PASSPHRASE_VARIABLE) or DEMO_PASSPHRASE
        if not layout.exists():
            try:
                _create_demo_vault(layout, demo_passphrase, clock)
            except RuntimeError as error:
                QMessageBox.critical(None, APP_NAME, str(error))
                return 1
    LOG.info("starting Casebook %s", __version__)
    window = build_main_window(
        layout,
        kdf_policy=KdfPolicy(),
        clock=clock,
        device=DeviceKeyring(),
        settings=QSettings(),
        demo_passphrase=demo_passphrase,
    )
    window.show()
    if not window.start():
        return 0
    # The workspace's imports wait until the unlock screen is painted, or it would show late.
    when_first_painted(
        window.unlock_view,
        report_startup_and_quit if startup_probe_requested() else preload_workspace,
    )
    return app.exec()

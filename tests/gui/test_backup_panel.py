"""Backups from Administration: settings, a backup in the background while the window stays
responsive, the age of the last good backup in words and colour, and a backup on closing."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from desktop.services.backup_service import BackupRecord, BackupStatus
from desktop.services.backup_settings import BackupSettings
from desktop.services.bundle import Services
from desktop.services.permissions import Section
from desktop.services.sign_in_service import SignedIn
from desktop.views.admin.administration_view import AdministrationView
from desktop.views.admin.backup_panel import BackupPanel, status_text
from tests.conftest import COORDINATOR_USERNAME, FakeClock, FastKdfPolicy
from tests.gui.conftest import WindowFactory, sign_in


def _backups(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_dir() and (p / "manifest.json").exists())


def test_back_up_now_runs_in_the_background_and_shows_the_result(
    qtbot: QtBot,
    coordinator: tuple[SignedIn, str],
    kdf: FastKdfPolicy,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    signed_in, _ = coordinator
    panel = BackupPanel(Services.for_session(signed_in, kdf, clock))
    qtbot.addWidget(panel)
    assert "No good backup yet" in panel.status.text()
    share = tmp_path / "share"
    share.mkdir()
    panel.folder.setText(str(share))
    ticks: list[int] = []
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: ticks.append(1))
    heartbeat.start(5)  # the GUI thread keeps serving events while the backup runs
    qtbot.mouseClick(panel.backup_button, Qt.MouseButton.LeftButton)
    assert panel.runner.running and not panel.backup_button.isEnabled()
    qtbot.waitUntil(lambda: not panel.runner.running, timeout=20000)
    heartbeat.stop()
    assert len(_backups(share)) == 1
    assert "Backed up" in panel.message.text()
    assert "Last good backup" in panel.status.text()
    assert ticks, "the event loop was blocked during the backup"


def test_an_unreachable_folder_is_a_quiet_message_not_a_crash(
    qtbot: QtBot,
    coordinator: tuple[SignedIn, str],
    kdf: FastKdfPolicy,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    signed_in, _ = coordinator
    panel = BackupPanel(Services.for_session(signed_in, kdf, clock))
    qtbot.addWidget(panel)
    panel.folder.setText(str(tmp_path / "not-mounted"))
    qtbot.mouseClick(panel.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.runner.running, timeout=20000)
    assert "did not complete" in panel.message.text()
    assert "try again later" in panel.message.text()


def test_the_age_of_the_last_good_backup_turns_amber_then_red(clock: FakeClock) -> None:
    now = clock.now()

    def status(hours: float) -> tuple[str, str]:
        good = BackupRecord(now - timedelta(hours=hours), "ok", 2.0)
        return status_text(BackupStatus(good, good), now)

    assert status(3)[1] == "good" and "3 hours ago" in status(3)[0]
    assert status(30)[1] == "amber"
    assert status(24 * 8)[1] == "red" and "8 days ago" in status(24 * 8)[0]
    assert status_text(BackupStatus(None, None), now)[1] == "red"


def test_closing_casebook_backs_up_when_set_to(
    qtbot: QtBot,
    window_factory: WindowFactory,
    coordinator: tuple[SignedIn, str],
    kdf: FastKdfPolicy,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    signed_in, _ = coordinator
    share = tmp_path / "share"
    share.mkdir()
    Services.for_session(signed_in, kdf, clock).backup_settings.save(
        BackupSettings(folder=str(share), on_close=True)
    )
    window = window_factory()
    sign_in(qtbot, window, COORDINATOR_USERNAME)
    assert window.workspace is not None
    window.workspace.show_section(Section.ADMINISTRATION)
    assert isinstance(window.workspace.views[Section.ADMINISTRATION], AdministrationView)
    window.close()
    assert window.services is None
    assert len(_backups(share)) == 1

"""The GUI never freezes: long work started from the GUI runs off its thread, so the event loop
keeps turning (a 20 ms timer keeps firing) until the work is done.

The backup and the conference report are made long on purpose (a second or two here), and the
heartbeat checks they took well over GAP, so a test cannot pass because the work happened to
be quick: run on the GUI thread, the same work stalls the timer for its whole length, so at
least half the heartbeat is spent in gaps over GAP (checked by running BackgroundTask's work in
place: every test here then fails). A busy machine's hiccup, or the worker holding Python's
lock for a garbage collection, is a gap too, but a short share of the work: once, with the whole
suite on two cores, one gap of 0.97 s in 3.85 s. Work that grows with years of records but is
quick in a test (a search over every chronology, the audit chain check, a backup's check) is
checked instead to run on a thread other than the GUI's."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

import docx
import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import insert

from desktop.app import create_application
from desktop.backup.verify import verify_backup
from desktop.bench.conference_case import build_conference_case
from desktop.models.drafts import Draft
from desktop.services.bundle import Services
from desktop.services.conference_records import PackSection
from desktop.services.sign_in_service import SignedIn
from desktop.views.admin import restore_dialog
from desktop.views.admin.audit_panel import AuditPanel
from desktop.views.admin.backup_panel import BackupPanel
from desktop.views.caseload.chronology_search_view import ChronologySearchView
from desktop.views.caseload.conference_pack_dialog import REFRESH_DELAY_MS, ConferencePackDialog
from tests.conftest import COORDINATOR_USERNAME, PASSPHRASE, FakeClock, FastKdfPolicy

TICK_MS = 20
# A gap far above a tick: the timer did not fire because the GUI thread was busy (or the
# machine was). Each test checks the work took at least LONG.
GAP = 0.4
LONG = 0.5
# Work on the GUI thread is one gap as long as the work, nearly all of the heartbeat.
STALLED_SHARE = 0.5
LEFT = Qt.MouseButton.LeftButton
P = ParamSpec("P")
R = TypeVar("R")


class Heartbeat:
    """A timer on the GUI thread that notes when each tick arrives; on each tick it may also do
    what a person keeps doing meanwhile (`work`: a read from the vault, as a tab would)."""

    def __init__(self, work: Callable[[], object] | None = None) -> None:
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._work = work
        self.ticks: list[float] = []
        self.started = self.stopped = 0.0

    def _tick(self) -> None:
        self.ticks.append(time.perf_counter())
        if self._work is not None:
            self._work()

    def __enter__(self) -> Heartbeat:
        self.started = time.perf_counter()
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._timer.stop()
        self.stopped = time.perf_counter()

    @property
    def length(self) -> float:
        return self.stopped - self.started

    def gaps(self) -> list[float]:
        times = [self.started, *self.ticks, self.stopped]
        return [later - earlier for earlier, later in zip(times, times[1:], strict=False)]

    def stalled(self) -> float:
        """The time spent in gaps over GAP."""
        return sum(gap for gap in self.gaps() if gap > GAP)

    def check(self, what: str) -> None:
        assert self.length >= LONG, f"{what} took {self.length:.2f} s: too quick to tell"
        assert self.stalled() <= STALLED_SHARE * self.length, (
            f"the GUI thread stalled for {self.stalled():.2f} s of {self.length:.2f} s during "
            f"{what} (longest {max(self.gaps()):.2f} s, {len(self.ticks)} ticks)"
        )


def off_gui_thread(calls: list[bool], function: Callable[P, R]) -> Callable[P, R]:
    """function, noting for each call whether it ran on the GUI (main) thread."""

    def spy(*args: P.args, **kwargs: P.kwargs) -> R:
        calls.append(threading.current_thread() is threading.main_thread())
        return function(*args, **kwargs)

    return spy


@pytest.fixture
def services(coordinator: tuple[SignedIn, str], kdf: FastKdfPolicy, clock: FakeClock) -> Services:
    create_application([])
    return Services.for_session(coordinator[0], kdf, clock)


def test_the_window_keeps_responding_while_a_backup_runs(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    vault = services.signed_in.vault
    build_conference_case(services.signed_in, FastKdfPolicy(), services.clock, entries=200)
    # Years of records make a vault of tens of megabytes; written here in one statement, as
    # drafts nobody opens, since the backup copies pages whatever they hold.
    megabyte = "x" * 1_000_000
    with vault.sessions.begin() as session:
        session.execute(
            insert(Draft),
            [
                {
                    "account_id": services.user.account_id,
                    "form_key": f"padding-{n}",
                    "content": megabyte,
                    "saved_at": services.clock.now(),
                }
                for n in range(80)
            ],
        )
    panel = BackupPanel(services)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    share = tmp_path / "share"
    share.mkdir()
    panel.folder.setText(str(share))
    # "Backing up… you can keep working": the caseload is read on every tick meanwhile.
    with Heartbeat(services.people.count) as heartbeat:
        qtbot.mouseClick(panel.backup_button, LEFT)
        qtbot.waitUntil(lambda: not panel.runner.running, timeout=30000)
    heartbeat.check("a backup")
    assert "Backed up" in panel.message.text(), panel.message.text()


class Person:
    """Stands in for the native Save As dialog."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def choose_path(self, _parent: QWidget, _default: str) -> Path:
        return self.target


def test_the_window_keeps_responding_while_a_conference_report_is_written(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    # Many years of chronology: the report's tables of events run to hundreds of rows.
    case = build_conference_case(services.signed_in, FastKdfPolicy(), services.clock, 3000)
    target = tmp_path / "report.docx"
    dialog = ConferencePackDialog(services, case.person_id, choose_path=Person(target).choose_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.start.setDate(QDate(2000, 1, 1))  # the whole history
    qtbot.wait(2 * REFRESH_DELAY_MS)  # the counts follow the new date before the export
    with Heartbeat() as heartbeat:
        qtbot.mouseClick(dialog.export_button, LEFT)
        qtbot.waitUntil(lambda: dialog.saved_to is not None, timeout=30000)
    heartbeat.check("writing a case conference report")
    assert dialog.saved_to == target
    assert len(docx.Document(str(target)).tables) > 1


def test_searching_every_chronology_runs_off_the_gui_thread(
    qtbot: QtBot, services: Services
) -> None:
    build_conference_case(services.signed_in, FastKdfPolicy(), services.clock, entries=50)
    searched_on: list[bool] = []
    services.chronology.search = off_gui_thread(searched_on, services.chronology.search)  # type: ignore[method-assign]
    view = ChronologySearchView(services)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.search.setFocus()
    qtbot.keyClicks(view.search, "school")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5000)
    assert searched_on and not any(searched_on), "the search ran on the GUI thread"


def test_the_report_dialog_can_still_be_used_while_a_report_is_written(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    case = build_conference_case(services.signed_in, FastKdfPolicy(), services.clock, 3000)
    target = tmp_path / "report.docx"
    dialog = ConferencePackDialog(services, case.person_id, choose_path=Person(target).choose_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.start.setDate(QDate(2000, 1, 1))
    qtbot.wait(2 * REFRESH_DELAY_MS)  # the counts follow the new date before the export
    # The report is built from a read-only transaction (audited_export): the GUI thread's own
    # reads, each BEGIN IMMEDIATE, do not wait for it. Built under the write lock, they did.
    with Heartbeat() as heartbeat:
        qtbot.mouseClick(dialog.export_button, LEFT)
        # The person changes their mind about a section while it is written: the counts
        # refresh (on the GUI thread) a moment later.
        box = dialog.section_boxes[PackSection.RECOMMENDATIONS]
        qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))
        qtbot.waitUntil(lambda: dialog.saved_to is not None, timeout=30000)
    heartbeat.check("writing a case conference report while the form is used")


def test_checking_the_audit_chain_runs_off_the_gui_thread(qtbot: QtBot, services: Services) -> None:
    build_conference_case(services.signed_in, FastKdfPolicy(), services.clock, entries=10)
    on_gui: list[bool] = []
    services.audit.verify_chain = off_gui_thread(on_gui, services.audit.verify_chain)  # type: ignore[method-assign]
    panel = AuditPanel(services.audit)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.mouseClick(panel.check_button, LEFT)
    qtbot.waitUntil(lambda: "intact" in panel.verdict.text(), timeout=10000)
    assert on_gui == [False], "the audit chain was checked on the GUI thread"
    assert panel.check_button.isEnabled()


def test_checking_and_restoring_a_backup_run_off_the_gui_thread(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    backup = services.backup.run_backup(destination=share).path
    on_gui: list[bool] = []
    monkeypatch.setattr(restore_dialog, "verify_backup", off_gui_thread(on_gui, verify_backup))
    dialog = restore_dialog.RestoreDialog(services.clock)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.backup, str(backup))
    qtbot.mouseClick(dialog.check_button, LEFT)
    qtbot.waitUntil(lambda: dialog.report.text().startswith("Manifest:"), timeout=10000)
    qtbot.waitUntil(dialog.restore_button.isEnabled)  # once the check's thread has ended
    assert on_gui == [False], "the backup was checked on the GUI thread"

    dialog.target.setText(str(tmp_path / "restored"))
    qtbot.keyClicks(dialog.username, COORDINATOR_USERNAME)
    qtbot.keyClicks(dialog.passphrase.edit, PASSPHRASE)
    qtbot.mouseClick(dialog.restore_button, LEFT)
    qtbot.waitUntil(lambda: dialog.report.text().startswith("Restored into"), timeout=20000)
    assert (tmp_path / "restored").is_dir()
    qtbot.waitUntil(lambda: dialog.restore_button.isEnabled() and dialog.check_button.isEnabled())

"""One writer per vault: a second process is refused politely; a killed holder blocks nobody.

Inside one process sign-ins share the lock (see desktop/vault/writer_lock.py), so a window that
locks and signs in again, or a second session beside the first, keeps working.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator

import pytest

from desktop.services.sign_in_service import SignedIn, SignInService
from desktop.vault.attempts import AttemptLog
from desktop.vault.errors import VaultInUseError
from desktop.vault.layout import VaultLayout
from desktop.vault.writer_lock import held_in_this_process
from tests.conftest import COORDINATOR_USERNAME, PASSPHRASE, FakeClock
from tests.vault_holder import IN_USE, ROOT, environment, start_holder, stop_holder


@pytest.fixture
def holder(
    coordinator: tuple[SignedIn, str], vault_layout: VaultLayout
) -> Iterator[subprocess.Popen[str]]:
    """Another process with the vault open. The fixture's own session ends first, so the
    lock is the other process's alone."""
    coordinator[0].vault.lock()
    process = start_holder(vault_layout)
    yield process
    stop_holder(process)


def test_a_second_process_is_refused_politely(
    holder: subprocess.Popen[str], vault_layout: VaultLayout, clock: FakeClock
) -> None:
    with pytest.raises(VaultInUseError) as refused:
        SignInService(vault_layout, clock).sign_in(COORDINATOR_USERNAME, PASSPHRASE)
    assert str(refused.value) == IN_USE
    # Not a failed attempt: nobody is made to wait for it.
    assert AttemptLog.load(vault_layout.attempts).failures == 0
    assert not held_in_this_process(vault_layout.writer_lock)


def test_verify_on_the_command_line_is_refused_while_open_elsewhere(
    holder: subprocess.Popen[str], vault_layout: VaultLayout
) -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "verify", "--vault", str(vault_layout.folder)]
        + ["--user", COORDINATOR_USERNAME],
        cwd=ROOT,
        env=environment(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert IN_USE in result.stderr + result.stdout


def test_a_killed_holder_leaves_no_lock_behind(
    holder: subprocess.Popen[str], vault_layout: VaultLayout, clock: FakeClock
) -> None:
    os.kill(holder.pid, signal.SIGKILL)  # as a crash would: no clean-up runs
    holder.wait(timeout=30)
    assert vault_layout.writer_lock.exists()  # the file stays; only the OS lock counted
    signed_in = SignInService(vault_layout, clock).sign_in(COORDINATOR_USERNAME, PASSPHRASE)
    signed_in.vault.lock()


def test_sessions_in_one_process_share_the_lock(
    coordinator: tuple[SignedIn, str], vault_layout: VaultLayout, clock: FakeClock
) -> None:
    first = coordinator[0].vault
    service = SignInService(vault_layout, clock)
    second = service.sign_in(COORDINATOR_USERNAME, PASSPHRASE).vault
    second.lock()
    assert held_in_this_process(vault_layout.writer_lock)  # the first session still holds it
    first.lock()
    assert not held_in_this_process(vault_layout.writer_lock)
    # The same window signing in again after its own lock.
    again = service.sign_in(COORDINATOR_USERNAME, PASSPHRASE).vault
    assert held_in_this_process(vault_layout.writer_lock)
    again.lock()
    again.lock()  # a second lock() does not release someone else's share
    assert not held_in_this_process(vault_layout.writer_lock)

"""ACCEPTANCE: a process writing to the vault is killed at random moments, a hundred times.

Every change whose commit returned must be in the vault afterwards, and `verify` must pass
after each kill. The writers are forked from a helper process (tests/integration/fault_child.py)
so a hundred of them start within the time budget; each is a real process killed with SIGKILL,
the way a crash or a pulled plug ends Casebook.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import pytest
from sqlalchemy import select

from desktop.models.people import YoungPerson
from desktop.services.sign_in_service import SignInService
from desktop.services.verify_service import verify_vault
from desktop.vault.layout import VaultLayout
from tests.conftest import (
    COORDINATOR_USERNAME,
    PASSPHRASE,
    FakeClock,
    FastKdfPolicy,
    make_coordinator_vault,
)
from tests.integration.fault_child import ENDED, PASSPHRASE_VARIABLE, READY

ROOT = Path(__file__).resolve().parents[2]
KILLS = 100

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the writers are forked (POSIX)")


def _line(stream: IO[str]) -> str:
    line = stream.readline()
    assert line.endswith("\n"), f"the helper stopped early: {line!r}"
    return line.rstrip("\n")


def _kill_one_writer(zygote: subprocess.Popen[str], delay: float, during_sign_in: bool) -> set[int]:
    """Starts a writer, kills it after `delay`; returns the ids whose commit returned."""
    assert zygote.stdin is not None and zygote.stdout is not None
    zygote.stdin.write("go\n")
    zygote.stdin.flush()
    first = _line(zygote.stdout)
    assert first.startswith("pid "), first
    pid = int(first.removeprefix("pid "))
    if not during_sign_in:
        assert _line(zygote.stdout) == READY
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    committed: set[int] = set()
    while (line := _line(zygote.stdout)) != ENDED:
        if line != READY:
            committed.add(int(line))
    return committed


def _people_ids(layout: VaultLayout, clock: FakeClock) -> set[int]:
    vault = SignInService(layout, clock).sign_in(COORDINATOR_USERNAME, PASSPHRASE).vault
    try:
        with vault.sessions() as session:
            return set(session.scalars(select(YoungPerson.id)))
    finally:
        vault.lock()


def test_killing_a_writer_a_hundred_times_loses_no_committed_change(
    tmp_path: Path, kdf: FastKdfPolicy, clock: FakeClock
) -> None:
    folder = tmp_path / "vault"
    make_coordinator_vault(folder, kdf, clock)[0].vault.lock()
    layout = VaultLayout(folder)
    environment = dict(os.environ, **{PASSPHRASE_VARIABLE: PASSPHRASE})
    rng = random.Random(20261124)
    errors = (tmp_path / "helper-stderr.txt").open("w")
    zygote = subprocess.Popen(
        [sys.executable, "-m", "tests.integration.fault_child", str(folder), COORDINATOR_USERNAME],
        cwd=ROOT,
        env=environment,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=errors,
        text=True,
    )
    committed: set[int] = set()
    try:
        for kill in range(KILLS):
            # One kill in five lands while the writer signs in (audit rows, migration check).
            during_sign_in = kill % 5 == 0
            delay = rng.uniform(0.0, 0.03) if during_sign_in else rng.uniform(0.005, 0.06)
            committed |= _kill_one_writer(zygote, delay, during_sign_in)
            present = _people_ids(layout, clock)
            assert committed <= present, f"kill {kill}: lost {sorted(committed - present)}"
            report = verify_vault(layout, COORDINATOR_USERNAME, PASSPHRASE, clock)
            assert report.sound, f"kill {kill}: {report.lines}"
    finally:
        assert zygote.stdin is not None and zygote.stdout is not None
        zygote.stdin.close()
        zygote.wait(timeout=30)
        zygote.stdout.close()
        errors.close()
    # The writers did write: most kills landed after several commits had returned.
    print(f"{len(committed)} commits returned across {KILLS} kills")
    assert len(committed) > KILLS

"""Test helper: another process that has a vault open, as a second Casebook window would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.cli import PASSPHRASE_VARIABLE
from desktop.vault.layout import VaultLayout
from tests.conftest import COORDINATOR_USERNAME, PASSPHRASE

ROOT = Path(__file__).resolve().parents[1]
IN_USE = (
    "This vault is already open in another Casebook window (on this computer or another). "
    "Close it there first."
)
# Signs in, says so, then keeps the vault open until it is killed or its stdin closes.
HOLDER = f"""
import os, sys
from pathlib import Path
from desktop.clock import SystemClock
from desktop.services.sign_in_service import SignInService
from desktop.vault.layout import VaultLayout
service = SignInService(VaultLayout(Path(sys.argv[1])), SystemClock())
service.sign_in(sys.argv[2], os.environ["{PASSPHRASE_VARIABLE}"])
print("holding", flush=True)
sys.stdin.read()
"""


def environment() -> dict[str, str]:
    return dict(os.environ, **{PASSPHRASE_VARIABLE: PASSPHRASE})


def start_holder(layout: VaultLayout) -> subprocess.Popen[str]:
    """Returns once the other process has signed in and holds the vault."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(layout.folder), COORDINATOR_USERNAME],
        cwd=ROOT,
        env=environment(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "holding\n"
    return process


def stop_holder(process: subprocess.Popen[str]) -> None:
    assert process.stdin is not None and process.stdout is not None
    process.stdin.close()
    process.stdout.close()
    process.kill()
    process.wait(timeout=30)

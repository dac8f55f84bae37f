"""`casebook --self-test`: proves an installed build works, in a temporary vault it then deletes."""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TextIO

from desktop import __version__
from desktop.clock import SystemClock
from desktop.self_test_steps import (
    SelfTestContext,
    back_up,
    build_unlock_screen,
    create_vault,
    export_word,
    read_resources,
    restore_and_sign_in,
    write_and_read_record,
)
from desktop.vault.kdf import KdfPolicy

Step = Callable[[SelfTestContext], None]


@dataclass(frozen=True)
class StepSpec:
    name: str
    run: Step
    needs: tuple[str, ...] = ()


STEPS = (
    StepSpec("create vault", create_vault),
    StepSpec("write and read a record", write_and_read_record, ("create vault",)),
    StepSpec("export Word document", export_word, ("write and read a record",)),
    StepSpec("back up to the shared drive", back_up, ("write and read a record",)),
    StepSpec("restore and sign in", restore_and_sign_in, ("back up to the shared drive",)),
    StepSpec("build the unlock screen", build_unlock_screen),
    StepSpec("read resources", read_resources),
)
CLEAN_UP = "delete the temporary folder"


def run_self_test(
    out: TextIO,
    base: Path | None = None,
    *,
    kdf: KdfPolicy | None = None,
    share: Path | None = None,
) -> int:
    """Runs every step, one line each on `out`; 0 when all pass, 1 otherwise.

    base: where the temporary folder goes (default: the system's temporary folder).
    kdf: the production Argon2 policy by default (calibrated, ~0.5 s a slot), so the test
    proves the real key derivation works in this build; tests pass a cheap one.
    share: the "shared drive" for the backup (default: a folder inside the temporary one).
    """
    # No display needed: a build check runs on a headless server or over SSH.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _header(out)
    failed = False
    passed: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="casebook-self-test-", dir=base) as scratch:
        folder = Path(scratch)
        if share is None:
            share = folder / "shared-drive"
            share.mkdir()
        context = SelfTestContext(folder, SystemClock(), kdf or KdfPolicy(), share)
        try:
            for step in STEPS:
                missing = [name for name in step.needs if name not in passed]
                if missing:
                    _line(out, "SKIPPED", step.name, f"needs '{missing[0]}'")
                    failed = True
                    continue
                if _run_step(out, step.name, partial(step.run, context)):
                    passed.add(step.name)
                else:
                    failed = True
        finally:
            context.lock_all()
    if not _run_step(out, CLEAN_UP, lambda: _check_gone(folder)):
        failed = True
    out.write("Self-test FAILED.\n" if failed else "Self-test passed.\n")
    out.flush()
    return 1 if failed else 0


def _run_step(out: TextIO, name: str, action: Callable[[], None]) -> bool:
    started = time.perf_counter()
    try:
        action()
    except Exception as error:  # any failure is reported, and the other steps still run
        _line(out, "FAIL", name, _reason(error))
        return False
    _line(out, "PASS", name, f"({time.perf_counter() - started:.1f} s)")
    return True


def _reason(error: BaseException) -> str:
    # The messages come from our own code or libraries over synthetic data only.
    text = str(error).splitlines()[0] if str(error) else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _line(out: TextIO, status: str, name: str, detail: str) -> None:
    separator = ": " if status != "PASS" else " "
    out.write(f"{status:<7} {name}{separator}{detail}\n")
    out.flush()


def _check_gone(folder: Path) -> None:
    if folder.exists():
        raise RuntimeError("the temporary folder is still there")


def _header(out: TextIO) -> None:
    frozen = bool(getattr(sys, "frozen", False))
    out.write(f"Casebook {__version__} self-test\n")
    out.write(f"Platform:  {platform.platform()}\n")
    out.write(f"Python:    {sys.version.split()[0]}\n")
    out.write(f"SQLCipher: {_version_or_reason(_sqlcipher_version)}\n")
    out.write(f"Qt:        {_version_or_reason(_qt_version)}\n")
    out.write(f"Frozen:    {'yes' if frozen else 'no (running from source)'}\n")
    out.flush()


def _version_or_reason(find: Callable[[], str]) -> str:
    # A library missing from a build is reported here and again by the step that needs it.
    try:
        return find()
    except Exception as error:
        return f"not available ({_reason(error)})"


def _sqlcipher_version() -> str:
    import sqlcipher3

    connection = sqlcipher3.connect(":memory:")
    try:
        row = connection.execute("PRAGMA cipher_version").fetchone()
    finally:
        connection.close()
    if not row:
        raise RuntimeError("SQLite without SQLCipher")
    return f"{row[0]} (SQLite {sqlcipher3.sqlite_version})"


def _qt_version() -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    return f"{qVersion()} (PySide6 {pyside_version})"

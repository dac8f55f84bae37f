"""ACCEPTANCE (issue 12): `casebook --self-test` checks a build in a throwaway vault it deletes.

In-process runs use the cheap Argon2 policy; the one run from source uses the production one.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from desktop.self_test import run_self_test
from desktop.self_test_steps import FAMILY_NAME, SELF_TEST_PASSPHRASE
from tests.conftest import FastKdfPolicy

ROOT = Path(__file__).resolve().parents[2]
STEP_NAMES = (
    "create vault",
    "write and read a record",
    "export Word document",
    "back up to the shared drive",
    "restore and sign in",
    "build the unlock screen",
    "read resources",
    "delete the temporary folder",
)


def _statuses(output: str) -> dict[str, str]:
    """Step name -> PASS / FAIL / SKIPPED, from the report's step lines."""
    found = {}
    for line in output.splitlines():
        status, _, rest = line.partition(" ")
        if status in ("PASS", "FAIL", "SKIPPED"):
            name = rest.strip().split(":")[0].split(" (")[0]
            found[name] = status
    return found


def test_every_step_passes_and_the_temporary_folder_is_gone(tmp_path: Path) -> None:
    base = tmp_path / "base"
    base.mkdir()
    out = io.StringIO()

    code = run_self_test(out, base, kdf=FastKdfPolicy())

    output = out.getvalue()
    assert code == 0, output
    assert _statuses(output) == dict.fromkeys(STEP_NAMES, "PASS")
    assert output.startswith("Casebook ")
    for heading in ("Platform:", "Python:", "SQLCipher:", "Qt:", "Frozen:    no"):
        assert heading in output
    assert output.rstrip().endswith("Self-test passed.")
    assert list(base.iterdir()) == []  # the vault, exports, backup and restore all deleted
    assert SELF_TEST_PASSPHRASE not in output
    assert FAMILY_NAME not in output


def test_a_backup_folder_that_is_a_file_fails_and_skips_the_restore(tmp_path: Path) -> None:
    base = tmp_path / "base"
    base.mkdir()
    share = tmp_path / "not-a-folder"
    share.write_text("a file where the shared drive should be", "utf-8")
    out = io.StringIO()

    code = run_self_test(out, base, kdf=FastKdfPolicy(), share=share)

    output = out.getvalue()
    assert code == 1, output
    statuses = _statuses(output)
    assert statuses["back up to the shared drive"] == "FAIL"
    assert statuses["restore and sign in"] == "SKIPPED"
    assert "SKIPPED restore and sign in: needs 'back up to the shared drive'" in output
    # The steps that do not need the backup still ran and passed, the clean-up too.
    for name in ("create vault", "export Word document", "read resources"):
        assert statuses[name] == "PASS"
    assert statuses["delete the temporary folder"] == "PASS"
    assert output.rstrip().endswith("Self-test FAILED.")
    assert list(base.iterdir()) == []
    assert share.read_text("utf-8") == "a file where the shared drive should be"


def test_python_main_self_test_from_source_exits_0(tmp_path: Path) -> None:
    environment = {key: value for key, value in os.environ.items() if key != "DISPLAY"}
    environment.pop("QT_QPA_PLATFORM", None)  # the self-test chooses offscreen itself
    environment["TMPDIR"] = str(tmp_path)  # where tempfile makes its folder

    result = subprocess.run(
        [sys.executable, "main.py", "--self-test"],
        cwd=ROOT,
        env=environment,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Self-test passed." in result.stdout
    assert "FAIL" not in result.stdout
    assert "Frozen:    no" in result.stdout
    assert not any(path.name.startswith("casebook-self-test-") for path in tmp_path.iterdir())

"""ACCEPTANCE: `backup`, `verify-backup` and `restore` run as a scheduled task would run them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import PASSPHRASE_VARIABLE
from desktop.services.sign_in_service import SignedIn
from tests.conftest import COORDINATOR_USERNAME, PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str, passphrase: str | None = PASSPHRASE) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != PASSPHRASE_VARIABLE}
    if passphrase is not None:
        environment[PASSPHRASE_VARIABLE] = passphrase
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        env=environment,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def vault_layout_folder(coordinator: tuple[SignedIn, str]) -> Path:
    return coordinator[0].vault.layout.folder


@pytest.fixture
def backup(coordinator: tuple[SignedIn, str], tmp_path: Path) -> Path:
    """A backup made by the command line of a closed vault (the fixture's keys are cheap)."""
    signed_in, _recovery = coordinator
    signed_in.vault.lock()
    share = tmp_path / "share"
    share.mkdir()
    vault = str(signed_in.vault.layout.folder)
    result = _run("backup", "--vault", vault, "--user", COORDINATOR_USERNAME, "--to", str(share))
    assert result.returncode == 0, result.stderr
    assert "Backed up to" in result.stdout
    (made,) = [path for path in share.iterdir()]
    assert made.name.startswith("casebook-") and not made.name.endswith(".partial")
    return made


def test_verify_backup_checks_files_without_and_everything_with_a_passphrase(
    backup: Path,
) -> None:
    files_only = _run("verify-backup", str(backup), passphrase=None)
    assert files_only.returncode == 0, files_only.stderr
    assert "match their SHA-256" in files_only.stdout
    assert "Set CASEBOOK_PASSPHRASE" in files_only.stdout
    full = _run("verify-backup", str(backup))
    assert full.returncode == 0, full.stderr
    for checked in ("signature", "encrypted pages", "Audit log", "the backup is sound"):
        assert checked in full.stdout, checked
    wrong = _run("verify-backup", str(backup), passphrase="not the passphrase at all")
    assert wrong.returncode != 0
    assert "opens no key slot" in wrong.stderr


@pytest.mark.parametrize("name", ["casebook.db", "keyslots.json", "manifest.json"])
def test_verify_backup_names_a_changed_file(backup: Path, name: str) -> None:
    path = backup / name
    damaged = bytearray(path.read_bytes())
    damaged[len(damaged) // 3] ^= 0x01
    path.write_bytes(bytes(damaged))
    result = _run("verify-backup", str(backup), passphrase=None)
    assert result.returncode != 0
    assert name in result.stderr, result.stderr


def test_restore_as_a_new_vault_then_refuses_to_overwrite(backup: Path, tmp_path: Path) -> None:
    target = tmp_path / "restored"
    restored = _run("restore", str(backup), "--vault", str(target), "--user", COORDINATOR_USERNAME)
    assert restored.returncode == 0, restored.stderr
    assert "Restored the backup" in restored.stdout
    verify = _run("verify", "--vault", str(target), "--user", COORDINATOR_USERNAME)
    assert verify.returncode == 0, verify.stderr + verify.stdout
    again = _run("restore", str(backup), "--vault", str(target), "--user", COORDINATOR_USERNAME)
    assert again.returncode != 0
    assert "already exists" in again.stderr


def test_restore_in_place_keeps_a_safety_copy(backup: Path, vault_layout_folder: Path) -> None:
    result = _run(
        "restore",
        str(backup),
        "--vault",
        str(vault_layout_folder),
        "--user",
        COORDINATOR_USERNAME,
        "--in-place",
    )
    assert result.returncode == 0, result.stderr
    assert "The vault it replaced is kept in" in result.stdout
    copies = [p for p in vault_layout_folder.parent.iterdir() if ".before-restore-" in p.name]
    assert len(copies) == 1 and (copies[0] / "casebook.db").exists()

"""ACCEPTANCE: the headless commands, run as a person would run them (`python main.py ...`).

These use the production Argon2 calibration (about half a second per key slot), so they are
few: one init, one demo vault, three verifies.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import sqlcipher3

from desktop.cli import PASSPHRASE_VARIABLE, build_parser
from desktop.vault.kdf import MIN_MEMORY_KIB, MIN_PASSES
from desktop.vault.keyslots import KeySlotFile
from tests.integration.helpers import raw_connect, raw_read

ROOT = Path(__file__).resolve().parents[2]
CLI_PASSPHRASE = "a passphrase from the environment"
RECOVERY_KEY = re.compile(r"^\s+([A-Z2-7]{4}-){7}[A-Z2-7]{4}$", re.MULTILINE)


def _run(*args: str, passphrase: str | None = CLI_PASSPHRASE) -> subprocess.CompletedProcess[str]:
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


def test_help_lists_the_commands() -> None:
    result = _run("--help", passphrase=None)
    assert result.returncode == 0, result.stderr
    for command in ("init", "demo", "verify"):
        assert re.search(rf"^\s+{command}\s", result.stdout, re.MULTILINE), command
    assert PASSPHRASE_VARIABLE in result.stdout


def test_the_passphrase_is_never_an_argument(capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    subcommands = next(
        action for action in parser._actions if isinstance(action, argparse._SubParsersAction)
    )
    assert {"init", "demo", "verify"} <= set(subcommands.choices)
    for name, subparser in subcommands.choices.items():
        for action in subparser._actions:
            for flag in action.option_strings:
                assert "pass" not in flag.lower(), (name, flag)
    with pytest.raises(SystemExit) as refused:
        parser.parse_args(["init", "--vault", "v", "--user", "u", "--passphrase", "secret"])
    assert refused.value.code == 2
    assert "unrecognized arguments" in capsys.readouterr().err


def test_without_the_variable_or_a_terminal_it_refuses(tmp_path: Path) -> None:
    result = _run("init", "--vault", str(tmp_path / "v"), "--user", "boss", passphrase=None)
    assert result.returncode != 0
    assert PASSPHRASE_VARIABLE in result.stderr + result.stdout
    assert not (tmp_path / "v").exists()


def test_init_creates_a_vault_with_production_key_slots(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    result = _run("init", "--vault", str(vault), "--user", "Boss", "--name", "Bo Ss")
    assert result.returncode == 0, result.stderr
    assert "coordinator 'boss'" in result.stdout
    match = RECOVERY_KEY.search(result.stdout)
    assert match, result.stdout
    recovery_key = match.group(0).strip()

    slots = KeySlotFile.load(vault / "keyslots.json")
    assert slots.usernames() == {"boss"}
    assert not slots.demo
    for slot in slots.slots:  # the CLI never uses the cheap test setting
        assert slot.kdf is not None
        assert slot.kdf.memory_kib >= MIN_MEMORY_KIB
        assert slot.kdf.passes >= MIN_PASSES
    key = slots.unlock_with_recovery_key(recovery_key)
    assert raw_read(vault / "casebook.db", key.view().hex(), "SELECT username FROM accounts") == [
        ("boss",)
    ]
    again = _run("init", "--vault", str(vault), "--user", "boss")
    assert again.returncode == 2
    assert "already exists" in again.stderr

    wrong = _run("verify", "--vault", str(vault), "--user", "boss", passphrase="not it at all")
    assert wrong.returncode == 2
    assert "passphrase is not correct" in wrong.stderr
    assert "Traceback" not in wrong.stderr


def test_demo_then_verify_finds_a_changed_audit_row(tmp_path: Path) -> None:
    vault = tmp_path / "demo"
    demo = _run("demo", "--vault", str(vault), "--people", "5")
    assert demo.returncode == 0, demo.stderr
    assert "5 synthetic young people" in demo.stdout
    assert CLI_PASSPHRASE not in demo.stdout  # it names the variable, never its value

    sound = _run("verify", "--vault", str(vault), "--user", "coordinator")
    assert sound.returncode == 0, sound.stdout + sound.stderr
    assert "chain intact" in sound.stdout
    assert "the vault is sound" in sound.stdout

    key = KeySlotFile.load(vault / "keyslots.json").unlock_with_passphrase(
        "coordinator", CLI_PASSPHRASE
    )
    connection = raw_connect(vault / "casebook.db", key.view().hex())
    try:
        assert connection.execute("SELECT count(*) FROM young_people").fetchone() == (5,)
        with pytest.raises(sqlcipher3.DatabaseError, match="append-only"):
            connection.execute("UPDATE audit_log SET outcome = 'x' WHERE id = 3")
        connection.execute("DROP TRIGGER audit_log_no_update")
        connection.execute("UPDATE audit_log SET outcome = 'x' WHERE id = 3")
        connection.commit()
    finally:
        connection.close()

    broken = _run("verify", "--vault", str(vault), "--user", "coordinator")
    output = broken.stdout + broken.stderr
    assert broken.returncode != 0
    assert re.search(r"audit row 3\b", output), output
    assert "audit_log_no_update" in output
    assert "PROBLEMS FOUND" in output


def test_bench_reports_unlock_time_and_memory_security_cost(tmp_path: Path) -> None:
    """The figures are reported, not judged: only that the command measures and says so."""
    import json

    result = _run(
        "bench",
        *("--people", "30", "--entries", "300", "--repetitions", "1", "--memory-security"),
        *("--json", str(tmp_path / "bench.json")),
    )
    assert result.returncode == 0, result.stderr
    assert re.search(r"unlock \(key derivation \+ opening\): median \d+\.\d{3} s", result.stdout)
    assert "cipher_memory_security: ON" in result.stdout
    figures = json.loads((tmp_path / "bench.json").read_text("utf-8"))
    assert figures["unlock_median"] > 0
    assert figures["memory_security_on_seconds"] > 0

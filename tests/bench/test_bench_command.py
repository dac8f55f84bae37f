"""The bench command at a tiny scale: every operation measured on both stores, and the plain
store really unencrypted while the vault is not; the plain switch stays inside desktop/bench."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from desktop import cli
from desktop.bench import bench_stores
from desktop.bench.report import OPERATIONS

ROOT = Path(__file__).resolve().parents[2]
# A call opening the database without a key: `..., None)` or `key=None`.
UNKEYED = re.compile(r"(create_vault_engine|open_raw_connection)\([^)]*(,\s*None\s*[,)]|key=None)")


def test_bench_reports_every_operation_on_both_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    headers: dict[str, bytes] = {}
    is_plain = bench_stores.is_plain_sqlite

    def remember(database: Path) -> bool:
        headers[database.parent.name] = database.read_bytes()[:16]
        return is_plain(database)

    # Look at both files while they exist (the temporary folder is gone after the run).
    monkeypatch.setattr(bench_stores, "is_plain_sqlite", remember)
    out = tmp_path / "bench.json"
    argv = ["bench", "--people", "30", "--entries", "300", "--repetitions", "1", "--json", str(out)]
    assert cli.main(argv) == 0

    report = json.loads(out.read_text("utf-8"))
    assert set(report["operations"]) == set(OPERATIONS)
    for name, entry in report["operations"].items():
        assert entry["encrypted_ms"] > 0, name
        assert entry["plain_ms"] > 0, name
        # The report rounds the ratio to three decimals: a small one (0.0198 written 0.02)
        # is off by more than 1% of itself, never by more than half a thousandth.
        ratio = entry["encrypted_ms"] / entry["plain_ms"]
        assert entry["ratio"] == pytest.approx(ratio, rel=0.01, abs=0.0006)
    save = report["operations"]["save_entry"]
    assert save["encrypted_p95_ms"] >= save["encrypted_ms"] and save["target_statistic"] == "p95"
    assert report["unlock_ms"] > 0
    assert report["peak_memory_mb"] > 0
    assert report["build_seconds"]["encrypted"] > 0 and report["build_seconds"]["plain"] > 0
    assert report["scale"]["people"] == 30 and report["scale"]["entries"] == 300
    assert {"cpu", "os", "python"} <= set(report["machine"])

    assert report["unencrypted_sqlite_file"] == {"encrypted": False, "plain": True}
    assert headers["plain"] == b"SQLite format 3\x00"
    assert headers["encrypted"] != b"SQLite format 3\x00"
    printed = capsys.readouterr().out
    assert re.search(r"caseload first page shown\s+\|\s+\d+\.\d", printed)


def test_only_the_benchmark_can_open_a_plain_store() -> None:
    """The unkeyed engine is made in desktop/bench/bench_stores.py; nothing else reaches it."""
    offenders = []
    for path in (ROOT / "desktop").rglob("*.py"):
        if path.parent.name == "bench" or path.name == "cli.py":
            continue
        text = path.read_text("utf-8")
        if "bench_stores" in text or UNKEYED.search(text):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
    cli_text = (ROOT / "desktop" / "cli.py").read_text("utf-8")
    assert "bench_stores" not in cli_text

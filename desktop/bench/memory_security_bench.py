"""What PRAGMA cipher_memory_security = ON costs: the same work, on and off.

The switch is process-wide inside SQLCipher, so each setting is measured in a process of its own.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from desktop.store.engine import open_raw_connection
from desktop.vault.secret import SecretKey

ROWS = 50_000
TEXT = "x" * 300  # a chronology entry's worth of text
SAVES = 2_000


@dataclass(frozen=True)
class MemorySecurityCost:
    on_seconds: float
    off_seconds: float

    @property
    def ratio(self) -> float:
        return self.on_seconds / self.off_seconds


def _workload(database: Path, key: SecretKey, memory_security: bool) -> float:
    """Writes ROWS rows, then reads them back on a fresh connection (every page decrypted)."""
    started = time.perf_counter()
    connection = open_raw_connection(database, key, memory_security=memory_security)
    connection.execute("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT)")
    connection.execute("BEGIN")
    connection.executemany("INSERT INTO notes (body) VALUES (?)", [(TEXT,)] * ROWS)
    connection.execute("COMMIT")
    connection.close()
    connection = open_raw_connection(database, key, memory_security=memory_security)
    connection.execute("SELECT count(*), sum(length(body)) FROM notes").fetchone()
    for row_id in range(1, ROWS, 25):
        connection.execute("SELECT body FROM notes WHERE id = ?", (row_id,)).fetchone()
    # Saving one entry at a time, as people do: small transactions, each its own statements.
    for number in range(SAVES):
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT INTO notes (body) VALUES (?)", (f"{TEXT} {number}",))
        connection.execute("UPDATE notes SET body = body || '.' WHERE id = ?", (number + 1,))
        connection.execute("COMMIT")
    connection.close()
    return time.perf_counter() - started


def _run_here(memory_security: bool, repetitions: int) -> list[float]:
    key = SecretKey.generate()
    with tempfile.TemporaryDirectory(prefix="casebook-bench-") as scratch:
        samples = [
            _workload(Path(scratch) / f"notes-{n}.db", key, memory_security)
            for n in range(repetitions)
        ]
    key.wipe()
    return samples


def _run_in_child(memory_security: bool, repetitions: int) -> float:
    setting = "on" if memory_security else "off"
    done = subprocess.run(
        [sys.executable, "-m", "desktop.bench.memory_security_bench", setting, str(repetitions)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(statistics.median(json.loads(done.stdout)))


def measure(repetitions: int = 5) -> MemorySecurityCost:
    return MemorySecurityCost(_run_in_child(True, repetitions), _run_in_child(False, repetitions))


if __name__ == "__main__":
    print(json.dumps(_run_here(sys.argv[1] == "on", int(sys.argv[2]))))

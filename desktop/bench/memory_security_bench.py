"""What PRAGMA cipher_memory_security = ON costs: the same work on the same vault, on and off."""

from __future__ import annotations

import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from desktop.store.engine import open_raw_connection
from desktop.vault.secret import SecretKey

ROWS = 50_000
TEXT = "x" * 300  # a chronology entry's worth of text


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
    connection = open_raw_connection(database, key)
    connection.execute(f"PRAGMA cipher_memory_security = {'ON' if memory_security else 'OFF'}")
    connection.execute("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT)")
    connection.execute("BEGIN")
    connection.executemany("INSERT INTO notes (body) VALUES (?)", [(TEXT,)] * ROWS)
    connection.execute("COMMIT")
    connection.close()
    connection = open_raw_connection(database, key)
    connection.execute(f"PRAGMA cipher_memory_security = {'ON' if memory_security else 'OFF'}")
    connection.execute("SELECT count(*), sum(length(body)) FROM notes").fetchone()
    for row_id in range(1, ROWS, 25):
        connection.execute("SELECT body FROM notes WHERE id = ?", (row_id,)).fetchone()
    connection.close()
    return time.perf_counter() - started


def measure(repetitions: int = 5) -> MemorySecurityCost:
    key = SecretKey.generate()
    timings: dict[bool, list[float]] = {True: [], False: []}
    with tempfile.TemporaryDirectory(prefix="casebook-bench-") as scratch:
        for repetition in range(repetitions):
            for setting in (True, False):
                database = Path(scratch) / f"memory-{setting}-{repetition}.db"
                timings[setting].append(_workload(database, key, setting))
    key.wipe()
    return MemorySecurityCost(statistics.median(timings[True]), statistics.median(timings[False]))

"""Bulk-loading a store in a child process, with SQLCipher's memory security off.

cipher_memory_security (wiping and locking every allocation) is process-wide and cannot be
turned off again once a connection has turned it on, which opening any vault does. With it on,
each inserted row costs about twenty times more, so the half-million-entry build runs in a
process of its own with it off; the parent then opens the stores as the application does
(memory security on) to time the operations. The encrypted store's data key reaches the child
through its standard input: a throwaway key of a temporary vault of synthetic records.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import signal
import subprocess
import sys
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event

from desktop.bench.bulk_load import LoadedData, load
from desktop.store.engine import open_raw_connection
from desktop.vault.secret import SecretKey

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>


def build_in_child(
    database: Path, key: SecretKey | None, seed: int, people: int, entries: int, now: datetime
) -> LoadedData:
    request = {
        "database": str(database),
        "key": None if key is None else key.view().hex(),
        "seed": seed,
        "people": people,
        "entries": entries,
        "now": now.isoformat(),
    }
    done = subprocess.run(
        [sys.executable, "-m", "desktop.bench.build_process"],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        check=False,
        cwd=PROJECT_ROOT,  # where `-m desktop...` is found, wherever the command was started
    )
    if done.returncode != 0:
        raise RuntimeError(f"building the synthetic data failed:\n{done.stderr}")
    return LoadedData(**json.loads(done.stdout))


def _build_engine(database: Path, key: SecretKey | None) -> Engine:
    """As the vault's engine, but with memory security off (and no pool to keep warm)."""
    engine = create_engine(
        "sqlite://",
        module=sqlcipher3,
        creator=lambda: open_raw_connection(database, key, memory_security=False),
        hide_parameters=True,
    )

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _die_with_parent() -> None:
    """Linux: end this build if the bench process is killed (e.g. by a timeout) rather than
    go on filling a folder nobody will read."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _child() -> None:
    _die_with_parent()
    request = json.loads(sys.stdin.read())
    key = None if request["key"] is None else SecretKey(bytes.fromhex(request["key"]))
    engine = _build_engine(Path(request["database"]), key)
    try:
        data = load(
            engine,
            request["seed"],
            request["people"],
            request["entries"],
            datetime.fromisoformat(request["now"]),
        )
    finally:
        engine.dispose()
        if key is not None:
            key.wipe()
    print(json.dumps(asdict(data)))


if __name__ == "__main__":
    _child()

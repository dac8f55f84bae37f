"""One writer per vault: an OS-level lock on a file in the vault's folder.

The lock is held by the *process*, not by one sign-in. The OS lock (flock on POSIX, LockFileEx
on Windows, through `filelock`) belongs to the process and dies with it, so a Casebook that was
killed or lost power never leaves a lock that blocks the next one. Inside one process, sign-ins
to the same vault share the lock and count themselves: the window that locks and signs in
again, the tests that open a second session beside the first, or `verify` run in-process all
work; a second *process* (another Casebook window, the command line while the GUI has the vault
open, a Casebook on another computer reaching the same folder) is refused with VaultInUseError.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from desktop.vault.errors import VaultInUseError


@dataclass
class _Held:
    lock: FileLock
    count: int


# Process-wide by nature: the OS lock it mirrors is per process, so the count must be too.
_HELD: dict[Path, _Held] = {}
_GUARD = threading.Lock()


class WriterLock:
    """One sign-in's share of the process's lock on a vault; release() exactly once."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._released = False

    @property
    def path(self) -> Path:
        return self._path

    def release(self) -> None:
        if self._released:
            return
        self._released = True
        with _GUARD:
            held = _HELD[self._path]
            held.count -= 1
            if held.count == 0:
                del _HELD[self._path]
                held.lock.release(force=True)


def acquire_writer_lock(path: Path) -> WriterLock:
    """Takes (or shares, within this process) the lock at `path`; never waits for it.

    Raises VaultInUseError when another process holds it.
    """
    key = path.resolve()
    with _GUARD:
        held = _HELD.get(key)
        if held is None:
            # fallback_to_soft=False: a lock file without an OS lock would outlive a crash.
            # thread_local=False: a background thread may end a session the GUI thread began.
            # preserve_lock_file: deleting it on release would let a process that opened the
            # old file lock it while a third locks a new one (two writers).
            lock = FileLock(
                key,
                timeout=0,
                thread_local=False,
                fallback_to_soft=False,
                preserve_lock_file=True,
            )
            try:
                lock.acquire()
            except Timeout as error:
                raise VaultInUseError() from error
            held = _HELD[key] = _Held(lock, 0)
        held.count += 1
    return WriterLock(key)


def held_in_this_process(path: Path) -> bool:
    with _GUARD:
        return path.resolve() in _HELD

"""Test helper: a full disk, made without root mounts (tests run as root here, where a
read-only folder does not stop writes)."""

from __future__ import annotations

import resource
import signal
from collections.abc import Iterator
from contextlib import contextmanager

COULD_NOT_SAVE = (
    "Casebook could not save: the disk is full or the vault's folder is not reachable. "
    "Nothing already saved has been lost."
)


@contextmanager
def no_room_to_write() -> Iterator[None]:
    """Every write of this process fails (RLIMIT_FSIZE 0: EFBIG), as on a full disk.

    SQLite reports it as an I/O error, one of the codes the engine turns into VaultSaveError.
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    # Ignored, or the kernel's SIGXFSZ would end the test process instead of failing the write.
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)

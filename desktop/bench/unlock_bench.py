"""Times unlocking: Argon2id key derivation at the calibrated cost, then opening the vault."""

from __future__ import annotations

import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from desktop.clock import SystemClock
from desktop.services.sign_in_service import SignInService
from desktop.services.vault_setup_service import initialise_vault
from desktop.vault.kdf import KdfPolicy
from desktop.vault.layout import VaultLayout

BENCH_USER = "bench"
BENCH_PASSPHRASE = "benchmark passphrase, not a secret"


@dataclass(frozen=True)
class UnlockTiming:
    samples: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)


def time_unlock(repetitions: int = 5, folder: Path | None = None) -> UnlockTiming:
    with tempfile.TemporaryDirectory(prefix="casebook-bench-") as scratch:
        layout = VaultLayout((folder or Path(scratch)) / "vault")
        clock = SystemClock()
        signed_in, _ = initialise_vault(
            layout, BENCH_USER, "Benchmark", BENCH_PASSPHRASE, KdfPolicy(), clock
        )
        signed_in.vault.lock()
        service = SignInService(layout, clock)
        samples = []
        for _ in range(repetitions):
            started = time.perf_counter()
            vault = service.sign_in(BENCH_USER, BENCH_PASSPHRASE).vault
            samples.append(time.perf_counter() - started)
            vault.lock()
        return UnlockTiming(samples)

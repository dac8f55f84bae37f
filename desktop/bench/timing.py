"""Timing samples: run some work several times, keep every sample in milliseconds."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")


@dataclass
class Samples:
    """Milliseconds, one per run; the median is what the report compares."""

    ms: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.ms)

    @property
    def p95(self) -> float:
        """Nearest-rank 95th percentile (the slowest sample when there are fewer than 20)."""
        ordered = sorted(self.ms)
        return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]

    def add(self, work: Callable[[], T]) -> T:
        started = time.perf_counter()
        result = work()
        self.ms.append((time.perf_counter() - started) * 1000)
        return result


def sample(
    work: Callable[[], object],
    repetitions: int,
    before: Callable[[], object] | None = None,
) -> Samples:
    """`before` runs ahead of each sample, untimed (e.g. dropping the connections)."""
    samples = Samples()
    for _ in range(max(1, repetitions)):
        if before is not None:
            before()
        samples.add(work)
    return samples

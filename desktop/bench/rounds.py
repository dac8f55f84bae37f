"""Timing the operations in interleaved rounds: each round runs every operation once on one
store, then on the other (the order swapping each round), so that whatever else the machine is
doing weighs on both stores alike rather than on whichever happened to go second."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.bench import bench_stores
from desktop.bench.analysis_ops import time_analysis
from desktop.bench.bulk_load import LoadedData
from desktop.bench.caseload_ops import time_caseload
from desktop.bench.record_ops import (
    time_backup,
    time_bulk_insert,
    time_export,
    time_record,
    time_saves,
)
from desktop.bench.timing import Samples
from desktop.services.bundle import Services

if TYPE_CHECKING:
    from desktop.views.caseload.caseload_view import CaseloadView

BULK_ROWS = 2_000


@dataclass(frozen=True)
class Subject:
    """One store as the operations meet it: its services, its caseload view, where to write."""

    store: str
    services: Services
    view: CaseloadView
    conference_person: int
    out: Path


@dataclass(frozen=True)
class Plan:
    rounds: int
    saves: int  # in all, shared out between the rounds
    backups: int  # the first `backups` rounds each make one
    seed: int


def measure(
    subjects: list[Subject], data: LoadedData, plan: Plan, progress: Callable[[str], None]
) -> dict[str, dict[str, Samples]]:
    """operation -> store -> every sample taken."""
    results: dict[str, dict[str, Samples]] = {}
    saves_per_round = -(-plan.saves // plan.rounds)
    for number in range(plan.rounds):
        progress(f"round {number + 1} of {plan.rounds}")
        for subject in subjects if number % 2 == 0 else subjects[::-1]:
            timings = _round(subject, data, plan, number, saves_per_round)
            for name, samples in timings.items():
                stores = results.setdefault(name, {})
                stores.setdefault(subject.store, Samples()).ms.extend(samples.ms)
    return results


def _round(
    subject: Subject, data: LoadedData, plan: Plan, number: int, saves: int
) -> dict[str, Samples]:
    services, view = subject.services, subject.view
    timings = time_caseload(services, view, data.worker_id, 1)
    timings.update(time_record(services, view, data.long_person_id, 1))
    timings.update(time_analysis(services, 1))
    timings["save_entry"] = time_saves(services, 1, saves)
    # The same rows on both stores: the seed depends on the round only.
    timings["bulk_insert_2000"] = time_bulk_insert(services, BULK_ROWS, 1, plan.seed + number)
    timings["conference_export_200"] = time_export(
        services, subject.conference_person, subject.out / f"round-{number + 1}", 1
    )
    if number < plan.backups:
        checks = (
            bench_stores.plain_backup_checks()
            if subject.store == "plain"
            else contextlib.nullcontext()
        )
        with checks:
            timings["backup"] = time_backup(services, subject.out / "backups", 1)
    return timings

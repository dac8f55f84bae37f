"""The encrypted-against-plain benchmark: two stores from the same seeded synthetic data, in a
temporary folder removed afterwards, and the same operations timed on each."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from desktop.bench import bench_stores, memory
from desktop.bench.build_process import build_in_child
from desktop.bench.bulk_load import LoadedData, account_maker
from desktop.bench.caseload_ops import build_view
from desktop.bench.conference_case import build_conference_case
from desktop.bench.rounds import Plan, Subject, measure
from desktop.bench.timing import Samples
from desktop.clock import Clock, SystemClock
from desktop.services import actions
from desktop.services.bundle import Services
from desktop.services.sign_in_service import SignedIn
from desktop.vault.kdf import KdfPolicy
from desktop.vault.layout import DATABASE_NAME
from desktop.vault.secret import SecretKey

STORES = ("encrypted", "plain")
CONFERENCE_ENTRIES = 200


@dataclass(frozen=True)
class Scale:
    people: int = 10_000
    entries: int = 500_000
    repetitions: int = 5
    seed: int = 2024

    @property
    def saves(self) -> int:
        return max(20, 10 * self.repetitions)

    @property
    def backups(self) -> int:
        return min(self.repetitions, 3)


@dataclass
class Comparison:
    scale: Scale
    # operation -> store -> samples
    operations: dict[str, dict[str, Samples]] = field(default_factory=dict)
    unlock: Samples = field(default_factory=Samples)
    unlock_to_caseload: Samples = field(default_factory=Samples)
    build_seconds: dict[str, float] = field(default_factory=dict)
    fts_check_seconds: dict[str, float] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    unencrypted: dict[str, bool] = field(default_factory=dict)  # store -> plain SQLite file?
    database_mb: dict[str, float] = field(default_factory=dict)  # after the build
    argon2id: dict[str, int] = field(default_factory=dict)  # the bench user's slot's cost
    peak_memory_mb: float = 0.0
    peak_operations_mb: float | None = None
    total_seconds: float = 0.0


def run(
    scale: Scale,
    progress: Callable[[str], None] = print,
    kdf: KdfPolicy | None = None,
    clock: Clock | None = None,
) -> Comparison:
    kdf, clock = kdf or KdfPolicy(), clock or SystemClock()
    started = time.perf_counter()
    result = Comparison(scale)
    with tempfile.TemporaryDirectory(prefix="casebook-bench-") as scratch:
        folders = {store: Path(scratch) / store for store in STORES}
        opened: dict[str, SignedIn] = {}
        try:
            cases: dict[str, int] = {}
            now = clock.now()
            for store in STORES:
                progress(
                    f"building the {store} store ({scale.people:,} people, "
                    f"{scale.entries:,} entries)"
                )
                opened[store], data = _build(store, folders[store], result, kdf, clock, now)
                case = build_conference_case(
                    opened[store],
                    kdf,
                    clock,
                    entries=CONFERENCE_ENTRIES,
                    make_account=account_maker(opened[store].vault.sessions, clock),
                )
                cases[store] = case.person_id
            progress("timing unlock")
            opened["encrypted"].vault.lock()
            opened["encrypted"] = _time_unlock(result, folders["encrypted"], kdf, clock)
            memory.reset_peak()
            subjects = {store: Services.for_session(opened[store], kdf, clock) for store in STORES}
            views = []
            try:
                plan = Plan(scale.repetitions, scale.saves, scale.backups, scale.seed)
                order = []
                for store, services in subjects.items():
                    views.append(build_view(services))
                    out = Path(scratch) / f"{store}-out"
                    order.append(Subject(store, services, views[-1], cases[store], out))
                progress("timing the operations, both stores in turn")
                result.operations = measure(order, data, plan, progress)
            finally:
                for view in views:
                    view.deleteLater()
                for services in subjects.values():
                    services.end(actions.SIGN_OUT)
            result.peak_operations_mb = memory.peak_since_reset_mb()
        finally:
            for signed_in in opened.values():
                signed_in.vault.lock()
        # The check that the comparison is what it claims: one file encrypted, one not.
        result.unencrypted = {
            store: bench_stores.is_plain_sqlite(folders[store] / DATABASE_NAME) for store in STORES
        }
    result.peak_memory_mb = memory.peak_mb()
    result.total_seconds = time.perf_counter() - started
    return result


def _build(
    store: str, folder: Path, result: Comparison, kdf: KdfPolicy, clock: Clock, now: datetime
) -> tuple[SignedIn, LoadedData]:
    """Makes the store, bulk-loads it in a child process, and opens it again."""
    scale = result.scale
    if store == "encrypted":
        signed_in = bench_stores.create_encrypted(folder, kdf, clock)
        key = SecretKey(signed_in.vault.data_key.view())  # a copy: lock() wipes the vault's
        signed_in.vault.lock()
    else:
        key = bench_stores.create_plain(folder, kdf, clock)
    database = folder / DATABASE_NAME
    began = time.perf_counter()
    try:
        data = build_in_child(
            database,
            key if store == "encrypted" else None,
            scale.seed,
            scale.people,
            scale.entries,
            now,
        )
        result.build_seconds[store] = time.perf_counter() - began
        result.fts_check_seconds[store] = data.fts_check_seconds
        result.database_mb[store] = database.stat().st_size / 1_000_000
        result.rows = data.rows
        if store == "encrypted":
            return bench_stores.sign_in_encrypted(folder, clock), data
        return bench_stores.open_plain(folder, SecretKey(key.view()), clock), data
    finally:
        key.wipe()


def _time_unlock(result: Comparison, folder: Path, kdf: KdfPolicy, clock: Clock) -> SignedIn:
    """Unlock alone, then unlock through to the caseload's first rows painted."""
    for _ in range(result.scale.repetitions):
        signed_in = result.unlock.add(lambda: bench_stores.sign_in_encrypted(folder, clock))
        signed_in.vault.lock()

    def to_caseload() -> SignedIn:
        signed_in = bench_stores.sign_in_encrypted(folder, clock)
        view = build_view(Services.for_session(signed_in, kdf, clock))
        view.table.grab()
        view.deleteLater()
        return signed_in

    for number in range(result.scale.repetitions):
        signed_in = result.unlock_to_caseload.add(to_caseload)
        if number < result.scale.repetitions - 1:
            signed_in.vault.lock()
    for slot in signed_in.vault.slots.slots:
        if slot.username == bench_stores.BENCH_USER and slot.kdf is not None:
            cost = slot.kdf
            result.argon2id = {
                "memory_kib": cost.memory_kib,
                "passes": cost.passes,
                "lanes": cost.lanes,
            }
    return signed_in

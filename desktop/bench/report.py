"""The benchmark's results as a table a person can read, and as JSON; with the issue's targets
and the machine they were measured on."""

from __future__ import annotations

import os
import platform
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3

from desktop.bench.comparison import Comparison
from desktop.bench.timing import Samples

RATIO_WARM = 1.25  # encrypted/plain, as the application really works (warm page cache)
RATIO_COLD = 3.0  # the first operation after opening
RATIO_BULK = 2.5  # a bulk import
PEAK_MEMORY_MB = 400
UNLOCK_TO_CASELOAD_MS = 1500


@dataclass(frozen=True)
class Target:
    limit_ms: float | None = None  # None: only the ratio is judged
    p95: bool = False  # the 95th percentile must hold, not only the median
    cold: bool = False
    bulk: bool = False  # an import: only its ratio is judged (at most RATIO_BULK)


# (label, target) per operation, in report order; None: no time target, only the ratio.
OPERATIONS: dict[str, tuple[str, Target | None]] = {
    "caseload_first_page_cold": ("caseload first page, just opened", Target(100, cold=True)),
    "caseload_first_page": ("caseload first page shown", Target(100)),
    "caseload_scroll_page": ("caseload scroll: fetch a page of 200", Target(16, p95=True)),
    "caseload_scroll_to_end": ("caseload scrolled to the end", None),
    "caseload_filter_rag_worker": ("caseload filter RAG + key worker", Target(100)),
    "caseload_quick_search": ("caseload quick name search", Target(100)),
    "fulltext_common_word": ("full-text search, common word", Target(100)),
    "fulltext_prefix": ("full-text search, prefix", Target(100)),
    "fulltext_one_letter": ("full-text search, one letter", Target(100)),
    "fulltext_ranked": ("full-text search, by relevance", Target(300)),
    "record_open_first_50": ("open record + first 50 entries (services)", Target(50)),
    "record_open_view": ("open record + first 50 entries (view)", Target(50)),
    "record_every_tab": ("open record, then every tab once (view)", None),
    "chronology_2000_first_50": ("2,000-entry chronology: first 50", Target(50)),
    "chronology_2000_all": ("2,000-entry chronology: all", None),
    "save_entry": ("save a chronology entry", Target(20, p95=True)),
    "bulk_insert_2000": ("bulk import of 2,000 entries", Target(bulk=True)),
    "conference_export_200": ("case-conference export, 200 entries", Target(2000)),
    "backup": ("backup of the whole vault", Target(10_000)),
    # The analyst's screens count on the GUI thread: a second is the most a click should wait.
    "analysis_dashboard_year": ("analysis dashboard, 12 months", Target(1000)),
    "analysis_disproportionality_year": ("disproportionality, 12 months", Target(1000)),
    "analysis_outcomes_year": ("analysis outcomes, 12 months", Target(1000)),
}


def machine() -> dict[str, Any]:
    cpu = platform.processor()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [line for line in cpuinfo.read_text().splitlines() if line.startswith("model name")]
        cpu = names[0].split(":", 1)[1].strip() if names else cpu
    memory_gb = None
    if hasattr(os, "sysconf") and "SC_PHYS_PAGES" in os.sysconf_names:
        memory_gb = round(os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / 2**30, 1)
    connection = sqlcipher3.connect(":memory:")
    try:
        cipher = connection.execute("PRAGMA cipher_version").fetchone()
        sqlite_version = connection.execute("SELECT sqlite_version()").fetchone()[0]
    finally:
        connection.close()
    return {
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "memory_gb": memory_gb,
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlcipher": cipher[0] if cipher else None,
        "sqlite_in_sqlcipher": sqlite_version,
        "sqlite_python_stdlib": sqlite3.sqlite_version,
    }


def _stat(samples: Samples, target: Target) -> float:
    return samples.p95 if target.p95 else samples.median


def as_json(result: Comparison, info: dict[str, Any]) -> dict[str, Any]:
    operations: dict[str, Any] = {}
    for name, (label, target) in OPERATIONS.items():
        stores = result.operations.get(name)
        if not stores:
            continue
        encrypted, plain = stores["encrypted"], stores["plain"]
        entry: dict[str, Any] = {
            "label": label,
            "encrypted_ms": round(encrypted.median, 3),
            "plain_ms": round(plain.median, 3),
            "ratio": round(encrypted.median / plain.median, 3),
            "encrypted_p95_ms": round(encrypted.p95, 3),
            "plain_p95_ms": round(plain.p95, 3),
            "samples": len(encrypted.ms),
        }
        if target is not None and target.limit_ms is not None:
            measured = _stat(encrypted, target)
            entry["target_ms"] = target.limit_ms
            entry["target_statistic"] = "p95" if target.p95 else "median"
            entry["meets_target"] = measured < target.limit_ms
        limit = RATIO_WARM
        if target is not None and (target.cold or target.bulk):
            limit = RATIO_COLD if target.cold else RATIO_BULK
        entry["ratio_limit"] = limit
        entry["meets_ratio"] = entry["ratio"] <= limit
        operations[name] = entry
    build = result.build_seconds
    return {
        "machine": info,
        "scale": {
            "people": result.scale.people,
            "entries": result.scale.entries,
            "repetitions": result.scale.repetitions,
            "seed": result.scale.seed,
            "rows": result.rows,
        },
        "operations": operations,
        "unlock_ms": round(result.unlock.median, 1),
        "unlock_samples_ms": [round(ms, 1) for ms in result.unlock.ms],
        "unlock_to_caseload_ms": round(result.unlock_to_caseload.median, 1),
        "argon2id": result.argon2id,
        "peak_memory_mb": round(result.peak_memory_mb, 1),
        "peak_memory_operations_mb": (
            None if result.peak_operations_mb is None else round(result.peak_operations_mb, 1)
        ),
        "peak_memory_measure": (
            "peak_memory_mb: getrusage ru_maxrss of the bench process (the bulk build's child "
            "processes not counted); peak_memory_operations_mb: VmHWM reset before the operations"
        ),
        "build_seconds": {
            **{store: round(seconds, 2) for store, seconds in build.items()},
            "ratio": round(build["encrypted"] / build["plain"], 3),
        },
        "unencrypted_sqlite_file": result.unencrypted,
        "database_mb": {store: round(mb, 1) for store, mb in result.database_mb.items()},
        "fts_check_seconds": {k: round(v, 2) for k, v in result.fts_check_seconds.items()},
        "total_seconds": round(result.total_seconds, 1),
    }


def _cost(argon2id: dict[str, int]) -> str:
    if not argon2id:
        return "cost unknown"
    return (
        f"{argon2id['memory_kib'] // 1024} MiB, {argon2id['passes']} passes, "
        f"{argon2id['lanes']} lanes"
    )


def table(report: dict[str, Any]) -> str:
    header = ("operation", "encrypted ms", "plain ms", "ratio", "target", "result")
    rows = [header]
    for entry in report["operations"].values():
        target = ""
        verdict = "ratio ok" if entry["meets_ratio"] else f"RATIO > {entry['ratio_limit']}"
        if "target_ms" in entry:
            outcome = "pass" if entry["meets_target"] else "MISS"
            if entry["target_statistic"] == "p95":
                target = f"p95 < {entry['target_ms']:g}"
                outcome += f" (p95 {entry['encrypted_p95_ms']:.1f})"
            else:
                target = f"< {entry['target_ms']:g}"
            verdict = f"{outcome}, {verdict}"
        rows.append(
            (
                entry["label"],
                f"{entry['encrypted_ms']:.1f}",
                f"{entry['plain_ms']:.1f}",
                f"{entry['ratio']:.2f}",
                target,
                verdict,
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    lines = [
        " | ".join(
            cell.ljust(widths[n]) if n == 0 else cell.rjust(widths[n]) for n, cell in enumerate(row)
        ).rstrip()
        for row in rows
    ]
    lines.insert(1, "-+-".join("-" * width for width in widths))
    build = report["build_seconds"]
    peak = report["peak_memory_mb"]
    lines += [
        "",
        f"unlock (key derivation + opening): {report['unlock_ms']:.0f} ms (reported alone; "
        f"Argon2id {_cost(report['argon2id'])}, calibrated when the vault was made)",
        f"unlock to the caseload's first rows painted: {report['unlock_to_caseload_ms']:.0f} ms "
        f"(target < {UNLOCK_TO_CASELOAD_MS}: "
        f"{'pass' if report['unlock_to_caseload_ms'] < UNLOCK_TO_CASELOAD_MS else 'MISS'})",
        f"peak memory (ru_maxrss of the bench process, both stores open; the bulk build "
        f"runs in child processes): {peak:.0f} MB "
        f"(target < {PEAK_MEMORY_MB}: {'pass' if peak < PEAK_MEMORY_MB else 'MISS'})",
        f"peak memory while the operations ran (VmHWM after reset): "
        f"{report['peak_memory_operations_mb']} MB",
        f"bulk build: encrypted {build['encrypted']:.1f} s, plain {build['plain']:.1f} s, "
        f"ratio {build['ratio']:.2f} (limit {RATIO_BULK}); "
        f"FTS5 integrity check {report['fts_check_seconds']}",
        f"database files after the build (MB): {report['database_mb']}",
        f"total run: {report['total_seconds']:.0f} s",
    ]
    return "\n".join(lines)

"""The `bench` command's main path: run the encrypted-against-plain comparison, print the table,
optionally the older extra measurements, and write the JSON."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from desktop.bench.comparison import Scale, run
from desktop.bench.report import as_json, machine, table


def run_comparison(
    scale: Scale,
    json_file: Path | None,
    *,
    memory_security: bool = False,
    conference: bool = False,
) -> int:
    # The views are timed as they paint; no window needs to appear on screen for that.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])

    def progress(message: str) -> None:
        print(f"bench: {message}", file=sys.stderr, flush=True)

    result = run(scale, progress)
    report = as_json(result, machine())
    app.processEvents()
    print(f"Casebook benchmark: {scale.people:,} young people, {scale.entries:,} chronology")
    print(f"entries, {scale.repetitions} repetitions (medians; ratio = encrypted / plain)")
    print(table(report))
    # Kept in the form earlier versions printed it, for scripts that read it.
    print(f"unlock (key derivation + opening): median {result.unlock.median / 1000:.3f} s")
    report["unlock_median"] = result.unlock.median / 1000
    if memory_security:
        report.update(_memory_security(scale.repetitions))
    if conference:
        report.update(_conference(scale.repetitions))
    if json_file is not None:
        json_file.write_text(json.dumps(report, indent=1), "utf-8")
        print(f"Wrote {json_file}.")
    return 0


def _memory_security(repetitions: int) -> dict[str, Any]:
    from desktop.bench.memory_security_bench import measure

    cost = measure(repetitions)
    print(
        f"cipher_memory_security: ON {cost.on_seconds:.3f} s, OFF {cost.off_seconds:.3f} s "
        f"(ratio {cost.ratio:.2f}) for writing and re-reading 50,000 notes, then saving 2,000 "
        "one at a time"
    )
    return {
        "memory_security_on_seconds": cost.on_seconds,
        "memory_security_off_seconds": cost.off_seconds,
    }


def _conference(repetitions: int) -> dict[str, Any]:
    from desktop.bench.conference_bench import time_conference_export

    timing = time_conference_export(repetitions)
    print(
        f"case-conference pack export ({timing.entries}-entry chronology, small vault): "
        f"median {timing.median:.3f} s over {len(timing.samples)} runs"
    )
    return {"conference_export_median": timing.median}

"""Times the case-conference pack export for a young person with a 200-entry chronology, in a
temporary vault: reading the record, building the Word document and saving it whole."""

from __future__ import annotations

import statistics
import tempfile
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from desktop.bench.conference_case import build_conference_case
from desktop.clock import Clock, SystemClock
from desktop.services.conference_pack_service import ConferencePackService
from desktop.services.conference_records import ActionPlanRow, PackOptions, PackTexts
from desktop.services.vault_setup_service import initialise_vault
from desktop.vault.kdf import KdfPolicy
from desktop.vault.layout import VaultLayout

BENCH_PASSPHRASE = "benchmark passphrase, not a secret"
ENTRIES = 200


@dataclass(frozen=True)
class ConferenceTiming:
    samples: list[float]
    entries: int

    @property
    def median(self) -> float:
        return statistics.median(self.samples)


def time_conference_export(repetitions: int = 5, kdf: KdfPolicy | None = None) -> ConferenceTiming:
    clock = SystemClock()
    kdf = kdf or KdfPolicy()
    with tempfile.TemporaryDirectory(prefix="casebook-bench-") as scratch:
        folder = Path(scratch)
        signed_in, _ = initialise_vault(
            VaultLayout(folder / "vault"), "bench", "Benchmark", BENCH_PASSPHRASE, kdf, clock
        )
        try:
            case = build_conference_case(signed_in, kdf, clock, entries=ENTRIES)
            service = ConferencePackService(signed_in.vault.sessions, case.coordinator, clock)
            options = PackOptions(texts=pack_texts(clock))
            samples = []
            for number in range(max(1, repetitions)):
                started = time.perf_counter()
                service.export(case.person_id, folder / f"pack-{number}.docx", options)
                samples.append(time.perf_counter() - started)
        finally:
            signed_in.vault.lock()
    return ConferenceTiming(samples, ENTRIES)


def pack_texts(clock: Clock) -> PackTexts:
    """What the coordinator writes into the pack's free-text sections."""
    return PackTexts(
        young_person_views="I want to finish my course and stay away from the estate.",
        family_views="Evenings at home are calmer than they were.",
        worries="Still seen with older young people linked to county lines.",
        working_well="Goes to college most days; meets his worker every week.",
        needs_to_happen="A safe way to travel to college.",
        recommendations="Keep mentoring and therapy going; review the RAG rating in a month.",
        action_plan=(
            ActionPlanRow("Agree a safe travel plan", "Gangs worker", "Within two weeks"),
            ActionPlanRow("Apply for the electrical course", "Employment coach", "Next month"),
        ),
        meeting_date=clock.now().date() + timedelta(days=7),
    )

"""The record operations the benchmark times: opening a record (services alone; the real record
view showing its chronology; and then every tab once), a 2,000-entry chronology, saving an
entry, the case-conference export and a backup of the whole vault."""

from __future__ import annotations

import random
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import insert, select

from desktop.bench.conference_bench import pack_texts
from desktop.bench.synthetic_work import chronology_batches
from desktop.bench.timing import Samples, sample
from desktop.models.base import Base
from desktop.models.choices import EntryType
from desktop.models.people import YoungPerson
from desktop.services.bundle import Services
from desktop.services.chronology_records import EntryInput
from desktop.services.conference_records import PackOptions

if TYPE_CHECKING:
    from desktop.views.caseload.caseload_view import CaseloadView

FIRST_ROWS = 50


def time_record(
    services: Services, view: CaseloadView, person_id: int, repetitions: int
) -> dict[str, Samples]:
    """person_id: the young person with the long chronology."""
    from PySide6.QtCore import QModelIndex

    from desktop.views.caseload.chronology_table_model import ChronologyTableModel
    from desktop.views.caseload.person_record_view import PersonRecordView
    from desktop.views.caseload.tabs.chronology_tab import ChronologyTab

    people, chronology = services.people, services.chronology

    def open_with_first_rows() -> None:
        people.open_record(person_id)  # audited: a write, as in the application
        chronology.count(person_id)
        chronology.entries(person_id, 0, FIRST_ROWS)

    def open_view() -> PersonRecordView:
        """What the user waits for: the record page with its chronology's first rows painted.
        Tabs are built as they are first shown, so the other tabs cost nothing yet."""
        view.open_person(person_id)
        record = view.open_page
        assert isinstance(record, PersonRecordView)
        chronology = record.tab_of(ChronologyTab)
        assert chronology is not None
        record.tabs.setCurrentWidget(chronology)
        view.grab()
        return record

    def every_tab() -> None:
        """Then every other tab shown once, as someone reading the whole record would."""
        record = open_view()
        for index in range(record.tabs.count()):
            record.tabs.setCurrentIndex(index)
            view.grab()

    def whole_chronology() -> None:
        model = ChronologyTableModel(chronology, person_id)
        model.reload()
        while model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())

    results = {
        "record_open_first_50": sample(open_with_first_rows, repetitions),
        "record_open_view": sample(open_view, repetitions, view.close_record),
        "record_every_tab": sample(every_tab, repetitions, view.close_record),
        "chronology_2000_first_50": sample(
            lambda: (chronology.count(person_id), chronology.entries(person_id, 0, FIRST_ROWS)),
            repetitions,
        ),
        "chronology_2000_all": sample(whole_chronology, repetitions),
    }
    view.close_record()
    return results


def time_saves(services: Services, person_id: int, saves: int) -> Samples:
    """One entry per save, each its own transaction (commit latency, synchronous=FULL)."""
    now = services.clock.now()
    samples = Samples()
    for number in range(saves):
        entry = EntryInput(
            occurred_at=now - timedelta(minutes=number + 1),
            entry_type=EntryType.PHONE,
            summary=f"Benchmark phone call {number}",
            detail="Checked in after school; said the week had been calm.",
        )
        samples.add(partial(services.chronology.add_entry, person_id, entry))
    return samples


def time_export(services: Services, person_id: int, folder: Path, repetitions: int) -> Samples:
    options = PackOptions(texts=pack_texts(services.clock))
    folder.mkdir(parents=True, exist_ok=True)
    numbers = iter(range(max(1, repetitions)))
    return sample(
        lambda: services.conference.export(
            person_id, folder / f"pack-{next(numbers)}.docx", options
        ),
        repetitions,
    )


def time_backup(services: Services, folder: Path, repetitions: int) -> Samples:
    """The whole vault: snapshot, checks, manifest, copy and check of the copy."""
    folder.mkdir(parents=True, exist_ok=True)
    return sample(lambda: services.backup.run_backup(destination=folder), repetitions)


def time_bulk_insert(services: Services, rows: int, repetitions: int, seed: int) -> Samples:
    """An import's worth of chronology entries per run, in one transaction, through the
    application's engine (memory security on, as an import in the application would run)."""
    engine = services.signed_in.vault.engine
    table = Base.metadata.tables["chronology_entries"]
    with engine.connect() as connection:
        people = [
            {"id": row.id, "key_worker_id": row.key_worker_id}
            for row in connection.execute(
                select(YoungPerson.id, YoungPerson.key_worker_id)
                .where(YoungPerson.key_worker_id.is_not(None))
                .limit(500)
            )
        ]
    chooser = random.Random(seed)
    now = services.clock.now()
    batches = [
        next(chronology_batches(chooser, rows, people, people[0]["id"], now, batch=rows))
        for _ in range(max(1, repetitions))
    ]
    samples = Samples()
    for batch in batches:

        def insert_batch(batch: list[dict[str, object]] = batch) -> None:
            with engine.begin() as connection:
                connection.execute(insert(table), batch)

        samples.add(insert_batch)
    return samples

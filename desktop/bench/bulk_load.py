"""Fills a freshly made store with the seeded synthetic records, in bulk.

Rows go in through SQLAlchemy Core `insert(table)` with lists of dicts (one executemany per
batch, big transactions), not through the services: the ORM tables still apply their column
types and defaults. The chronology's full-text index is kept in step by the triggers the
migrations define, and checked against its content table afterwards.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, Table, func, insert, select, text
from sqlalchemy.orm import Session, sessionmaker

from desktop.bench.conference_case import AccountMaker
from desktop.bench.synthetic_people import people_rows, record_rows, staff_rows
from desktop.bench.synthetic_work import (
    chronology_batches,
    coaching_rows,
    long_chronology_size,
    meeting_rows,
    therapy_rows,
)
from desktop.clock import Clock
from desktop.models.accounts import Account, Role
from desktop.models.base import Base
from desktop.models.risk import FlagType
from desktop.services.current_user import CurrentUser

# Each chronology transaction holds this many entries (the WAL stays a manageable size).
ENTRIES_PER_TRANSACTION = 50_000


@dataclass(frozen=True)
class LoadedData:
    people: int
    entries: int
    long_person_id: int
    long_entries: int
    worker_id: int  # a key worker with a share of the caseload, for the filter
    insert_seconds: float
    fts_check_seconds: float
    rows: dict[str, int]


def load(engine: Engine, seed: int, people: int, entries: int, now: datetime) -> LoadedData:
    chooser = random.Random(seed)
    started = time.perf_counter()
    counts: dict[str, int] = {}
    with engine.begin() as connection:
        first_id = int(connection.execute(select(func.max(Account.id))).scalar_one()) + 1
        staff_list, staff = staff_rows(people, now, first_id)
        _insert(connection, "accounts", staff_list, counts)
        person_list = people_rows(chooser, people, staff, now)
        _insert(connection, "young_people", person_list, counts)
        flag_types = list(connection.execute(select(FlagType.id)).scalars())
        for name, rows in record_rows(chooser, person_list, staff, flag_types).items():
            _insert(connection, name, rows, counts)
    long_person = max(1, people // 2)
    connection = engine.connect()
    try:
        pending = 0
        connection.begin()
        for batch in chronology_batches(chooser, entries, person_list, long_person, now):
            _insert(connection, "chronology_entries", batch, counts)
            pending += len(batch)
            if pending >= ENTRIES_PER_TRANSACTION:
                connection.commit()
                connection.begin()
                pending = 0
        for builder in (therapy_rows, coaching_rows, meeting_rows):
            for name, rows in builder(chooser, person_list, staff, now).items():
                _insert(connection, name, rows, counts)
        connection.commit()
    finally:
        connection.close()
    insert_seconds = time.perf_counter() - started
    started = time.perf_counter()
    _check_full_text_index(engine)
    return LoadedData(
        people=people,
        entries=entries,
        long_person_id=long_person,
        long_entries=long_chronology_size(entries),
        worker_id=staff.workers[0],
        insert_seconds=insert_seconds,
        fts_check_seconds=time.perf_counter() - started,
        rows=counts,
    )


def _insert(
    connection: Connection, name: str, rows: list[dict[str, object]], counts: dict[str, int]
) -> None:
    if not rows:
        return
    table: Table = Base.metadata.tables[name]
    connection.execute(insert(table), rows)
    counts[name] = counts.get(name, 0) + len(rows)


def _check_full_text_index(engine: Engine) -> None:
    """FTS5's own check, comparing the index with chronology_entries (rank 1: content too)."""
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO chronology_fts(chronology_fts, rank) VALUES ('integrity-check', 1)")
        )
    # Outside any transaction: the bulk load's WAL folded into the database file.
    raw = engine.raw_connection()
    try:
        raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
    finally:
        raw.close()


def account_maker(sessions: sessionmaker[Session], clock: Clock) -> AccountMaker:
    """Staff accounts as rows only, like the bulk-loaded staff: nobody signs in as them, so
    they need no key slot (and no Argon2id derivation each)."""

    def make(role: Role, username: str, name: str) -> CurrentUser:
        with sessions.begin() as session:
            account = Account(
                username=username, display_name=name, role=role, created_at=clock.now()
            )
            session.add(account)
            session.flush()
            return CurrentUser(account.id, username, name, role, True)

    return make

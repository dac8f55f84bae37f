"""Full-text search over a seeded vault of a few thousand entries gives exactly what a plain
reference computation gives: the same entries, newest first by occurred_at (then the latest
entry), for words, prefixes and two-word searches, within the records each user may see, with
deleted entries never found; the ranked search orders the same matches by bm25. The index's
own order (migration 0009's search key) is what the newest-first search relies on."""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime, timedelta

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import insert, select, text

from desktop.models.accounts import Role
from desktop.models.choices import EntryType
from desktop.models.chronology import ChronologyEntry
from desktop.services.chronology_search import entry_id
from desktop.services.chronology_service import ChronologyService, EntryInput
from desktop.services.current_user import CurrentUser
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.sign_in_service import SignedIn
from desktop.services.text_folding import fold_entry
from desktop.store import migrate
from tests.conftest import AddAccount, FakeClock

WORDS = [
    *("school", "home", "visit", "knife", "park", "police", "missing", "exploitation"),
    *("exploited", "explain", "schoolyard", "scheme", "college", "mentor", "football", "phone"),
]
ENTRIES = 3000
SEARCHES = (
    "school",  # a word in many entries, and the prefix of schoolyard (the last term: prefix)
    "schoo",
    "sch",
    "s",
    "exploit",
    "knife",
    "police sch",
    "school knife",
    "nowordlikethis",
)


class Seeded:
    def __init__(self, signed_in: SignedIn, clock: FakeClock, therapist: CurrentUser) -> None:
        self.signed_in = signed_in
        self.clock = clock
        self.therapist = therapist

    def service(self, user: CurrentUser | None = None) -> ChronologyService:
        return ChronologyService(
            self.signed_in.vault.sessions, user or self.signed_in.user, self.clock
        )

    def rows(self) -> list[tuple[int, int, datetime, str, datetime | None]]:
        with self.signed_in.vault.sessions.begin() as session:
            found = session.execute(
                select(
                    ChronologyEntry.id,
                    ChronologyEntry.young_person_id,
                    ChronologyEntry.occurred_at,
                    ChronologyEntry.search_fold,
                    ChronologyEntry.deleted_at,
                )
            ).all()
        return [tuple(row) for row in found]  # type: ignore[misc]

    def reference(self, typed: str, visible: set[int] | None) -> list[int]:
        """Matching entry ids, newest first, computed without the index."""
        terms = typed.lower().split()
        found = []
        for entry, person, occurred_at, folded, deleted_at in self.rows():
            if deleted_at is not None or (visible is not None and person not in visible):
                continue
            tokens = re.findall(r"\w+", folded)
            whole = all(term in tokens for term in terms[:-1])
            if whole and any(token.startswith(terms[-1]) for token in tokens):
                found.append((occurred_at, entry))
        return [entry for _, entry in sorted(found, reverse=True)]


@pytest.fixture
def seeded(coordinator: tuple[SignedIn, str], clock: FakeClock, add_account: AddAccount) -> Seeded:
    signed_in, _ = coordinator
    therapist = add_account(Role.FAMILY_THERAPIST, "ft")
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    person_ids = [
        people.create(
            PersonDetails(
                f"Given{number}",
                "Family",
                allocated_ids=[therapist.account_id] if number % 3 == 0 else [],
            )
        )
        for number in range(6)
    ]
    chooser = random.Random(8)
    base = clock.now().replace(microsecond=0)
    rows = []
    for _ in range(ENTRIES):
        summary = " ".join(chooser.choices(WORDS, k=2))
        detail = " ".join(chooser.choices(WORDS, k=6))
        # Whole seconds from a small range: many entries share a second, so ties (broken by
        # the latest entry first) are exercised; ids are not in time order.
        when = base - timedelta(seconds=chooser.randrange(0, ENTRIES // 3))
        rows.append(
            {
                "young_person_id": chooser.choice(person_ids),
                "occurred_at": when,
                "entry_type": EntryType.VISIT,
                "author_id": signed_in.user.account_id,
                "summary": summary,
                "detail": detail,
                "search_fold": fold_entry(summary, detail),
                "created_at": when,
            }
        )
    with signed_in.vault.sessions.begin() as session:
        session.execute(insert(ChronologyEntry), rows)
    return Seeded(signed_in, clock, therapist)


def _visible_to_therapist(seeded: Seeded) -> set[int]:
    people = PeopleService(seeded.signed_in.vault.sessions, seeded.therapist, seeded.clock)
    return {row.id for row in people.page(0, 100)}


def _ids(service: ChronologyService, typed: str, **options: bool) -> list[int]:
    found: list[int] = []
    while page := service.search(typed, len(found), 400, **options):
        found.extend(hit.entry_id for hit in page)
    return found


def test_newest_first_search_matches_the_reference(seeded: Seeded) -> None:
    coordinator, therapist = seeded.service(), seeded.service(seeded.therapist)
    visible = _visible_to_therapist(seeded)
    assert 0 < len(visible) < 6
    for typed in SEARCHES:
        assert _ids(coordinator, typed) == seeded.reference(typed, None), typed
        assert _ids(therapist, typed) == seeded.reference(typed, visible), typed
    # The first pages, as a view asks for them.
    expected = seeded.reference("school", None)
    first, second = coordinator.search("school", 0, 50), coordinator.search("school", 50, 50)
    assert [hit.entry_id for hit in first + second] == expected[:100]
    times = [hit.occurred_at for hit in first + second]
    assert times == sorted(times, reverse=True)


def test_deleted_and_edited_entries_are_searched_as_they_now_are(seeded: Seeded) -> None:
    coordinator = seeded.service()
    newest = coordinator.search("knife", 0, 3)
    coordinator.delete_entry(newest[0].entry_id, "Wrong record")
    # Moved back in time: the index's key changes with occurred_at.
    moved = coordinator.entry(newest[1].entry_id)
    coordinator.edit_entry(
        moved.id,
        EntryInput(
            datetime(2020, 1, 1, tzinfo=UTC),
            EntryType.VISIT,
            moved.details.summary,
            moved.details.detail,
        ),
        moved.version,
    )
    visible = _visible_to_therapist(seeded)
    for typed in ("knife", "kni", "school knife"):
        found = _ids(coordinator, typed)
        assert found == seeded.reference(typed, None), typed
        assert newest[0].entry_id not in found
    assert _ids(coordinator, "knife")[-1] == moved.id
    assert _ids(seeded.service(seeded.therapist), "knife") == seeded.reference("knife", visible)
    assert newest[0].entry_id not in _ids(coordinator, "knife", ranked=True)
    with seeded.signed_in.vault.sessions.begin() as session:
        session.execute(
            text("INSERT INTO chronology_fts(chronology_fts, rank) VALUES ('integrity-check', 1)")
        )


def test_ranked_search_orders_the_matches_by_relevance(seeded: Seeded) -> None:
    coordinator, therapist = seeded.service(), seeded.service(seeded.therapist)
    visible = _visible_to_therapist(seeded)
    with seeded.signed_in.vault.sessions.begin() as session:
        by_bm25 = [
            entry_id(key)
            for key in session.execute(
                text(
                    "SELECT rowid FROM chronology_fts WHERE chronology_fts MATCH '\"police\"*' "
                    "ORDER BY bm25(chronology_fts), rowid"
                )
            ).scalars()
        ]
    assert _ids(coordinator, "police", ranked=True) == by_bm25
    assert set(by_bm25) == set(seeded.reference("police", None))
    mine = _ids(therapist, "police", ranked=True)
    assert sorted(mine) == sorted(seeded.reference("police", visible))
    assert mine == [entry for entry in by_bm25 if entry in set(mine)]
    (hit,) = coordinator.search("police", 0, 1, ranked=True)
    assert hit.entry_id == by_bm25[0] and "\x02police\x03" in hit.snippet


def test_the_index_is_rebuilt_when_a_vault_is_upgraded(seeded: Seeded) -> None:
    """A vault made before migration 0009 (index keyed by entry id) is searched the same way
    once upgraded."""
    engine = seeded.signed_in.vault.engine
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0008")
    with engine.begin() as connection:
        keys = connection.execute(text("SELECT rowid FROM chronology_fts LIMIT 5")).scalars()
        assert all(key > 0 for key in keys)  # keyed by id again
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    assert _ids(seeded.service(), "exploit") == seeded.reference("exploit", None)

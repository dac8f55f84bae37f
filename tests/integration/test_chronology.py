"""The chronology: versions kept on edit, optimistic locking, tombstones whose text really goes
(from the full-text index too), and what a page of the list costs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event, insert, select, text

from desktop.models.accounts import Role
from desktop.models.choices import EntryType
from desktop.models.chronology import ChronologyEntry, ChronologyRevision
from desktop.services import actions
from desktop.services.audit_service import AuditFilter, AuditService
from desktop.services.chronology_service import (
    DELETED_SUMMARY,
    ChronologyInputError,
    ChronologyService,
    EntryInput,
    RecordNotFoundError,
    StaleEntryError,
)
from desktop.services.current_user import CurrentUser
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.permissions import PermissionDeniedError
from desktop.services.sign_in_service import SignedIn
from tests.conftest import COORDINATOR_NAME, AddAccount, FakeClock

HOUR = 3600


@dataclass
class Setup:
    signed_in: SignedIn
    clock: FakeClock
    person_id: int

    def as_user(self, user: CurrentUser | None = None) -> ChronologyService:
        return ChronologyService(
            self.signed_in.vault.sessions, user or self.signed_in.user, self.clock
        )


@pytest.fixture
def setup(coordinator: tuple[SignedIn, str], clock: FakeClock) -> Setup:
    signed_in, _ = coordinator
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    return Setup(signed_in, clock, people.create(PersonDetails("Dana", "Reid")))


def _entry(setup: Setup, summary: str, detail: str = "", hours_ago: float = 1) -> EntryInput:
    return EntryInput(
        setup.clock.now() - timedelta(hours=hours_ago), EntryType.VISIT, summary, detail
    )


def _audit_rows(setup: Setup, action: str) -> list[Any]:
    audit = AuditService(setup.signed_in.vault.sessions, setup.signed_in.user)
    return audit.page(AuditFilter(action=action), 0, 100)


# ---- versions ----------------------------------------------------------------------------------
def test_editing_keeps_the_earlier_version(setup: Setup, add_account: AddAccount) -> None:
    """ACCEPTANCE: editing a chronology entry keeps the earlier version, with who and when."""
    worker = add_account(Role.GANGS_WORKER, "gw")
    written_at = setup.clock.now()
    entry_id = setup.as_user(worker).add_entry(
        setup.person_id, _entry(setup, "Home visit", "Mum present")
    )
    setup.clock.advance(HOUR)
    coordinator = setup.as_user()
    original = coordinator.entry(entry_id)
    assert original.version == 1 and original.author == worker.display_name
    corrected = replace(original.details, summary="Home visit with mum", significant=True)
    assert coordinator.edit_entry(entry_id, corrected, expected_version=1) == 2

    current, earlier = coordinator.history(entry_id)
    assert (current.version, current.summary, current.significant) == (
        2,
        "Home visit with mum",
        True,
    )
    assert (current.written_by, current.written_at, current.replaced_at) == (
        COORDINATOR_NAME,
        setup.clock.now(),
        None,
    )
    assert (earlier.version, earlier.summary, earlier.detail, earlier.significant) == (
        1,
        "Home visit",
        "Mum present",
        False,
    )
    assert (earlier.written_by, earlier.written_at) == (worker.display_name, written_at)
    assert (earlier.replaced_by, earlier.replaced_at) == (COORDINATOR_NAME, setup.clock.now())
    # The author stays the person who made the entry; the list shows it was edited.
    (row,) = coordinator.entries(setup.person_id, 0, 10)
    assert (row.author, row.version, row.summary) == (worker.display_name, 2, "Home visit with mum")

    setup.clock.advance(HOUR)
    setup.as_user(worker).edit_entry(entry_id, replace(corrected, detail="Mum and gran"), 2)
    versions = coordinator.history(entry_id)
    assert [v.version for v in versions] == [3, 2, 1]
    assert [v.written_by for v in versions] == [
        worker.display_name,
        COORDINATOR_NAME,
        worker.display_name,
    ]
    assert versions[1].replaced_by == worker.display_name


def test_the_audit_names_fields_not_values(setup: Setup) -> None:
    service = setup.as_user()
    entry_id = service.add_entry(setup.person_id, _entry(setup, "Zyxwv canary", "Qwerty canary"))
    service.edit_entry(entry_id, _entry(setup, "Zyxwv canary 2", "Qwerty canary"), 1)
    (added,) = _audit_rows(setup, actions.CHRONOLOGY_ENTRY_ADDED)
    (edited,) = _audit_rows(setup, actions.CHRONOLOGY_ENTRY_EDITED)
    assert (added.entity_type, added.entity_id) == ("chronology_entry", str(entry_id))
    assert added.fields == "detail,entry_type,occurred_at,summary"
    assert edited.fields == "summary"
    assert not any(
        "canary" in str(value) for value in (*vars(added).values(), *vars(edited).values())
    )


def test_a_stale_version_is_refused(setup: Setup, add_account: AddAccount) -> None:
    worker = add_account(Role.GANGS_WORKER, "gw")
    service = setup.as_user()
    entry_id = service.add_entry(setup.person_id, _entry(setup, "Phone call"))
    opened_by_both = service.entry(entry_id)
    setup.as_user(worker).edit_entry(
        entry_id, replace(opened_by_both.details, summary="Phone call to mum"), 1
    )
    with pytest.raises(StaleEntryError, match="changed by someone else meanwhile"):
        service.edit_entry(entry_id, replace(opened_by_both.details, summary="Phone call, dad"), 1)
    assert service.entry(entry_id).details.summary == "Phone call to mum"
    assert len(service.history(entry_id)) == 2


def test_saving_without_changes_makes_no_version(setup: Setup) -> None:
    service = setup.as_user()
    entry_id = service.add_entry(setup.person_id, _entry(setup, "Ride-out contact "))
    assert service.edit_entry(entry_id, service.entry(entry_id).details, 1) == 1
    assert len(service.history(entry_id)) == 1


def test_the_entry_form_is_checked(setup: Setup) -> None:
    service = setup.as_user()
    now = setup.clock.now()
    for bad, message in (
        (EntryInput(now, EntryType.NOTE, "   "), "Enter a summary"),
        (EntryInput(now, EntryType.NOTE, "x" * 301), "longer than 300 characters"),
        (EntryInput(now + timedelta(minutes=6), EntryType.NOTE, "Soon"), "in the future"),
        (EntryInput(now, EntryType.NOTE, "Somewhere", place_id=999), "place chosen"),
    ):
        with pytest.raises(ChronologyInputError, match=message):
            service.add_entry(setup.person_id, bad)
    # A PC clock a little ahead of the time typed is fine.
    service.add_entry(setup.person_id, EntryInput(now + timedelta(minutes=2), EntryType.NOTE, "Ok"))
    with pytest.raises(RecordNotFoundError):
        service.add_entry(setup.person_id + 100, EntryInput(now, EntryType.NOTE, "Nobody"))


# ---- deletion ----------------------------------------------------------------------------------
def test_deleting_needs_the_coordinator_and_a_reason_and_leaves_a_tombstone(
    setup: Setup, add_account: AddAccount
) -> None:
    worker = setup.as_user(add_account(Role.GANGS_WORKER, "gw"))
    coordinator = setup.as_user()
    kept = worker.add_entry(setup.person_id, _entry(setup, "Kept quokka visit", hours_ago=3))
    entry_id = worker.add_entry(
        setup.person_id, _entry(setup, "Misfiled quokka", "Wombatsecret detail", hours_ago=2)
    )
    worker.edit_entry(entry_id, _entry(setup, "Misfiled numbatsecret", "Wombatsecret more"), 1)
    assert {hit.entry_id for hit in coordinator.search("quokka", 0, 10)} == {kept}
    assert [hit.entry_id for hit in coordinator.search("numbatsecret", 0, 10)] == [entry_id]
    assert b"umbatsecret" in _index_bytes(setup)  # so its absence below means something

    with pytest.raises(PermissionDeniedError):
        worker.delete_entry(entry_id, "Wrong young person")
    with pytest.raises(ChronologyInputError, match="reason"):
        coordinator.delete_entry(entry_id, "  ")
    setup.clock.advance(HOUR)
    coordinator.delete_entry(entry_id, "Filed on the wrong young person")
    with pytest.raises(ChronologyInputError, match="already been deleted"):
        coordinator.delete_entry(entry_id, "Again")
    with pytest.raises(ChronologyInputError, match="deleted"):
        coordinator.edit_entry(entry_id, _entry(setup, "Back again"), 2)

    # Still in the list, marked as a tombstone: who, when and why.
    rows = coordinator.entries(setup.person_id, 0, 10)
    assert [row.id for row in rows] == [entry_id, kept]
    tombstone = rows[0]
    assert tombstone.deleted and not rows[1].deleted
    assert (tombstone.summary, tombstone.deleted_by, tombstone.deleted_at) == (
        DELETED_SUMMARY,
        COORDINATOR_NAME,
        setup.clock.now(),
    )
    assert tombstone.deletion_reason == "Filed on the wrong young person"
    assert coordinator.entry(entry_id).details.detail == ""
    # The earlier versions are still listed, by whom and when, but their text is gone.
    versions = coordinator.history(entry_id)
    assert [v.version for v in versions] == [2, 1]
    assert {(v.summary, v.detail) for v in versions} == {(DELETED_SUMMARY, "")}

    # Nothing finds it any more, and its words have left the index's pages too.
    for word in ("misfiled", "numbatsecret", "wombatsecret", "deleted"):
        assert coordinator.search(word, 0, 10) == []
    assert [hit.entry_id for hit in coordinator.search("quokka", 0, 10)] == [kept]
    blocks = _index_bytes(setup)
    for fragment in (b"isfiled", b"umbatsecret", b"ombatsecret"):
        assert fragment not in blocks
    with setup.signed_in.vault.sessions.begin() as session:
        revisions = session.execute(
            select(ChronologyRevision.summary, ChronologyRevision.detail)
        ).all()
    assert all("secret" not in f"{summary}{detail}" for summary, detail in revisions)
    (deleted,) = _audit_rows(setup, actions.CHRONOLOGY_ENTRY_DELETED)
    assert "Filed on the wrong" not in deleted.fields


def _index_bytes(setup: Setup) -> bytes:
    """The full-text index's pages as stored (before SQLCipher encrypts them)."""
    with setup.signed_in.vault.sessions.begin() as session:
        return b"".join(
            session.execute(
                text("SELECT block FROM chronology_fts_data WHERE block IS NOT NULL")
            ).scalars()
        )


# ---- the list ----------------------------------------------------------------------------------
def test_entries_are_listed_newest_first_with_filters(setup: Setup) -> None:
    service = setup.as_user()
    now = setup.clock.now()
    for hours, kind, significant in (
        (5, EntryType.VISIT, False),
        (4, EntryType.INCIDENT, True),
        (3, EntryType.PHONE, False),
        (2, EntryType.INCIDENT, False),
    ):
        service.add_entry(
            setup.person_id,
            EntryInput(
                now - timedelta(hours=hours), kind, f"{kind.label} {hours}", "", significant
            ),
        )
    assert [r.summary for r in service.entries(setup.person_id, 0, 10)] == [
        "Incident 2",
        "Phone 3",
        "Incident 4",
        "Visit 5",
    ]
    assert [r.summary for r in service.entries(setup.person_id, 1, 2)] == ["Phone 3", "Incident 4"]
    incidents = frozenset({EntryType.INCIDENT})
    assert [r.summary for r in service.entries(setup.person_id, 0, 10, incidents)] == [
        "Incident 2",
        "Incident 4",
    ]
    assert service.count(setup.person_id, incidents) == 2
    marked = service.entries(setup.person_id, 0, 10, significant_only=True)
    assert [r.summary for r in marked] == ["Incident 4"]
    assert service.count(setup.person_id) == 4


@pytest.fixture
def statements(coordinator: tuple[SignedIn, str]) -> Iterator[list[str]]:
    signed_in, _ = coordinator
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(signed_in.vault.engine, "before_cursor_execute", count)
    yield seen
    event.remove(signed_in.vault.engine, "before_cursor_execute", count)


def test_a_page_costs_the_same_few_statements_whatever_the_chronology_size(
    setup: Setup, statements: list[str]
) -> None:
    start = setup.clock.now() - timedelta(days=2000)
    author = setup.signed_in.user.account_id
    with setup.signed_in.vault.sessions.begin() as session:
        session.execute(
            insert(ChronologyEntry),
            [
                {
                    "young_person_id": setup.person_id,
                    "occurred_at": start + timedelta(days=day),
                    "entry_type": EntryType.NOTE,
                    "author_id": author,
                    "summary": f"Note {day}",
                    "detail": "",
                    "significant": day % 10 == 0,
                    "version": 1,
                    "created_at": start,
                    "deletion_reason": "",
                }
                for day in range(2000)
            ],
        )
    service = setup.as_user()
    sizes = {}
    for limit in (5, 50, 200):
        statements.clear()
        page = service.entries(setup.person_id, 100, limit)
        sizes[limit] = len(statements)
        assert len(page) == limit
        assert page[0].summary == "Note 1899"
    assert sizes[50] <= 3
    assert sizes[5] == sizes[50] == sizes[200]
    statements.clear()
    assert service.count(setup.person_id) == 2000
    assert len(statements) <= 3
    statements.clear()
    last = service.entries(setup.person_id, 1950, 50, significant_only=True)
    assert last == [] and len(statements) <= 3


# ---- the author's analysis ---------------------------------------------------------------------
def test_the_analysis_is_versioned_searchable_and_goes_with_a_deletion(setup: Setup) -> None:
    service = setup.as_user()
    first = replace(
        _entry(setup, "Seen at the station"), analysis="Pattern of late nights: aardvarkrisk"
    )
    entry_id = service.add_entry(setup.person_id, first)
    assert service.entry(entry_id).details.analysis == "Pattern of late nights: aardvarkrisk"
    assert [hit.entry_id for hit in service.search("aardvarkrisk", 0, 10)] == [entry_id]
    (added,) = _audit_rows(setup, actions.CHRONOLOGY_ENTRY_ADDED)
    assert "analysis" in added.fields and "aardvark" not in added.fields

    setup.clock.advance(HOUR)
    second = replace(first, analysis="  Escalating: now weekly  ")
    assert service.edit_entry(entry_id, second, 1) == 2
    (edited,) = _audit_rows(setup, actions.CHRONOLOGY_ENTRY_EDITED)
    assert edited.fields == "analysis"
    versions = service.history(entry_id)
    assert [v.analysis for v in versions] == [
        "Escalating: now weekly",
        "Pattern of late nights: aardvarkrisk",
    ]
    assert service.search("aardvarkrisk", 0, 10) == []
    assert [hit.entry_id for hit in service.search("escalating", 0, 10)] == [entry_id]

    service.delete_entry(entry_id, "Wrong young person")
    assert service.entry(entry_id).details.analysis == ""
    assert {v.analysis for v in service.history(entry_id)} == {""}
    assert service.search("escalating", 0, 10) == []

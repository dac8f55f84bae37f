"""The chronology: adding, editing (every earlier version kept), deleting and searching entries.

Deleting leaves a tombstone whose text, and the text of its earlier versions, is gone from the
record and from the full-text index: a deletion is usually an entry filed on the wrong child.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select, text
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session, aliased, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Account, Role
from desktop.models.choices import EntryType
from desktop.models.chronology import ChronologyEntry, ChronologyRevision
from desktop.models.contextual import PeerGroup, Place
from desktop.services import actions, audit_chain
from desktop.services.chronology_records import (
    ChronologyInputError,
    EntryInput,
    EntryRow,
    EntryView,
    StaleEntryError,
    VersionRow,
)
from desktop.services.chronology_search import (
    SearchHit,
    entry_id,
    fts_query,
    hits_statement,
    ranked_keys_statement,
    search_statement,
)
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import PermissionDeniedError, Section, require_section
from desktop.services.record_access import RecordNotFoundError, get_person
from desktop.services.text_folding import fold_entry

# Re-exported, so a view imports the service and everything it takes and returns from here.
__all__ = [
    "DELETED_SUMMARY",
    "ChronologyInputError",
    "ChronologyService",
    "EntryInput",
    "EntryRow",
    "EntryView",
    "RecordNotFoundError",
    "SearchHit",
    "StaleEntryError",
    "VersionRow",
]

DELETED_SUMMARY = "Deleted entry"


class ChronologyService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    # ---- writing -------------------------------------------------------------------------
    def add_entry(self, person_id: int, entry: EntryInput) -> int:
        now = self._clock.now()
        self._check(entry, now)
        with self._sessions.begin() as session:
            person = get_person(session, self._user, person_id, self._clock.now())
            _check_links(session, entry)
            row = ChronologyEntry(
                young_person_id=person.id,
                author_id=self._user.account_id,
                created_at=now,
                version=1,
            )
            _apply(row, entry)
            session.add(row)
            session.flush()
            self._audit(session, actions.CHRONOLOGY_ENTRY_ADDED, row.id, _filled_fields(entry))
            return row.id

    def edit_entry(self, entry_id: int, entry: EntryInput, expected_version: int) -> int:
        """Saves a new version, keeping the one it replaces; returns the new version number."""
        now = self._clock.now()
        self._check(entry, now)
        with self._sessions.begin() as session:
            row = self._entry(session, entry_id)
            if row.deleted_at is not None:
                raise ChronologyInputError("This entry was deleted; it can no longer be edited.")
            # The transaction began IMMEDIATE, so no one can save between this check and ours.
            if row.version != expected_version:
                raise StaleEntryError()
            changed = _changed_fields(row, entry)
            if not changed:
                return row.version
            _check_links(session, entry)
            session.add(
                ChronologyRevision(
                    entry_id=row.id,
                    version=row.version,
                    occurred_at=row.occurred_at,
                    entry_type=row.entry_type,
                    summary=row.summary,
                    detail=row.detail,
                    analysis=row.analysis,
                    significant=row.significant,
                    written_by_id=_current_writer(session, row),
                    replaced_at=now,
                    replaced_by_id=self._user.account_id,
                )
            )
            _apply(row, entry)
            row.version += 1
            session.flush()
            self._audit(session, actions.CHRONOLOGY_ENTRY_EDITED, row.id, changed)
            return row.version

    def delete_entry(self, entry_id: int, reason: str) -> None:
        """Coordinator only: leaves a tombstone (who, when, why) and removes the text."""
        if self._user.role is not Role.COORDINATOR:
            raise PermissionDeniedError("delete chronology entries")
        if not reason.strip():
            raise ChronologyInputError("Give the reason for deleting this entry.")
        with self._sessions.begin() as session:
            row = self._entry(session, entry_id)
            if row.deleted_at is not None:
                raise ChronologyInputError("This entry has already been deleted.")
            row.deleted_at = self._clock.now()
            row.deleted_by_id = self._user.account_id
            row.deletion_reason = reason.strip()
            row.summary = DELETED_SUMMARY
            row.detail = ""
            row.analysis = ""
            row.search_fold = ""
            session.execute(
                sql_update(ChronologyRevision)
                .where(ChronologyRevision.entry_id == row.id)
                .values(summary=DELETED_SUMMARY, detail="", analysis="")
            )
            session.flush()  # the update trigger takes the old words out of the index
            # Removing words from FTS5 only marks them deleted; the words themselves stay in the
            # index's pages until its segments are merged. Merging everything now (0.9 s for a
            # vault of 100,000 entries, measured) makes the text really leave the file;
            # deletions are rare and the coordinator's alone.
            session.execute(text("INSERT INTO chronology_fts(chronology_fts) VALUES ('optimize')"))
            self._audit(
                session,
                actions.CHRONOLOGY_ENTRY_DELETED,
                row.id,
                ["analysis", "deleted_at", "deletion_reason", "detail", "summary"],
            )

    # ---- reading -------------------------------------------------------------------------
    def entry(self, entry_id: int) -> EntryView:
        with self._sessions.begin() as session:
            row = self._entry(session, entry_id)
            names = _names(session, {row.author_id, row.deleted_by_id})
            details = EntryInput(**{name: getattr(row, name) for name in EDITABLE})
            return EntryView(
                row.id,
                row.young_person_id,
                details,
                names.get(row.author_id, ""),
                row.created_at,
                row.version,
                row.deleted_at,
                names.get(row.deleted_by_id, ""),
                row.deletion_reason,
            )

    def history(self, entry_id: int) -> list[VersionRow]:
        """Every version of the entry, the current one first."""
        with self._sessions.begin() as session:
            row = self._entry(session, entry_id)
            revisions = list(
                session.execute(
                    select(ChronologyRevision)
                    .where(ChronologyRevision.entry_id == row.id)
                    .order_by(ChronologyRevision.version)
                ).scalars()
            )
            ids = {row.author_id} | {r.written_by_id for r in revisions}
            names = _names(session, ids | {r.replaced_by_id for r in revisions})
        versions = []
        written_at = row.created_at  # each version was written when the one before was replaced
        for revision in revisions:
            versions.append(
                _version(
                    revision,
                    written_by=names.get(revision.written_by_id, ""),
                    written_at=written_at,
                    replaced_at=revision.replaced_at,
                    replaced_by=names.get(revision.replaced_by_id, ""),
                )
            )
            written_at = revision.replaced_at
        writer = revisions[-1].replaced_by_id if revisions else row.author_id
        versions.append(
            _version(
                row,
                written_by=names.get(writer, ""),
                written_at=written_at,
                replaced_at=None,
                replaced_by="",
            )
        )
        return versions[::-1]

    def entries(
        self,
        person_id: int,
        offset: int,
        limit: int,
        types: frozenset[EntryType] = frozenset(),
        significant_only: bool = False,
    ) -> list[EntryRow]:
        """A page of the chronology, newest first, tombstones included (one statement)."""
        author, deleter = aliased(Account), aliased(Account)
        query = (
            select(
                ChronologyEntry.id,
                ChronologyEntry.occurred_at,
                ChronologyEntry.entry_type,
                ChronologyEntry.summary,
                ChronologyEntry.significant,
                author.display_name.label("author"),
                ChronologyEntry.version,
                ChronologyEntry.deleted_at,
                func.coalesce(deleter.display_name, "").label("deleted_by"),
                ChronologyEntry.deletion_reason,
            )
            .join(author, author.id == ChronologyEntry.author_id)
            .outerjoin(deleter, deleter.id == ChronologyEntry.deleted_by_id)
            .where(*_entry_filter(person_id, types, significant_only))
            .order_by(ChronologyEntry.occurred_at.desc(), ChronologyEntry.id.desc())
            .offset(offset)
            .limit(limit)
        )
        with self._sessions.begin() as session:
            get_person(session, self._user, person_id, self._clock.now())
            return [EntryRow(**row._asdict()) for row in session.execute(query)]

    def count(
        self,
        person_id: int,
        types: frozenset[EntryType] = frozenset(),
        significant_only: bool = False,
    ) -> int:
        query = select(func.count(ChronologyEntry.id)).where(
            *_entry_filter(person_id, types, significant_only)
        )
        with self._sessions.begin() as session:
            get_person(session, self._user, person_id, self._clock.now())
            return int(session.execute(query).scalar_one())

    def search(
        self, typed: str, offset: int, limit: int, *, ranked: bool = False
    ) -> list[SearchHit]:
        """Entries whose text matches what was typed, in records open to this user; deleted
        entries are never found. Newest first (by when they happened, to the second), or with
        ranked=True the most relevant first (bm25) among the newest RANK_WINDOW matches.

        A view calls this from a worker thread: a search must never run on the GUI thread.
        """
        require_section(self._user.role, Section.CASELOAD)
        query_text = fts_query(typed)
        if not query_text:
            return []
        now = self._clock.now()
        with self._sessions.begin() as session:
            if not ranked:
                rows = session.execute(search_statement(self._user, query_text, offset, limit, now))
                return [SearchHit(**row._asdict()) for row in rows]
            keys = list(
                session.execute(
                    ranked_keys_statement(self._user, query_text, offset, limit, now)
                ).scalars()
            )
            if not keys:
                return []
            found = {
                row.entry_id: SearchHit(**row._asdict())
                for row in session.execute(hits_statement(self._user, query_text, keys, now))
            }
        in_order = (found.get(entry_id(key)) for key in keys)
        return [hit for hit in in_order if hit is not None]

    # ---- helpers -------------------------------------------------------------------------
    def _check(self, entry: EntryInput, now: datetime) -> None:
        require_section(self._user.role, Section.CASELOAD)
        found = entry.problems(now)
        if found:
            raise ChronologyInputError(" ".join(found))

    def _entry(self, session: Session, entry_id: int) -> ChronologyEntry:
        """The entry, if its young person's record is open to this user."""
        row = session.get(ChronologyEntry, entry_id)
        if row is None:
            raise RecordNotFoundError()
        get_person(session, self._user, row.young_person_id, self._clock.now())
        return row

    def _audit(self, session: Session, action: str, entry_id: int, names: list[str]) -> None:
        audit_chain.append(
            session,
            self._clock.now(),
            self._user.username,
            action,
            "chronology_entry",
            str(entry_id),
            names,
        )


def _entry_filter(
    person_id: int, types: frozenset[EntryType], significant_only: bool
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [ChronologyEntry.young_person_id == person_id]
    if types:
        conditions.append(ChronologyEntry.entry_type.in_(types))
    if significant_only:
        # A tombstone is no longer an event a case conference should hear about.
        conditions += [ChronologyEntry.significant.is_(True), ChronologyEntry.deleted_at.is_(None)]
    return conditions


# What a revision keeps of each earlier version.
VERSIONED = (
    "version",
    "occurred_at",
    "entry_type",
    "summary",
    "detail",
    "significant",
    "analysis",
)
EDITABLE = (
    "occurred_at",
    "entry_type",
    "summary",
    "detail",
    "significant",
    "place_id",
    "group_id",
    "analysis",
)


def _cleaned(entry: EntryInput) -> dict[str, Any]:
    values = {name: getattr(entry, name) for name in EDITABLE}
    values["summary"] = entry.summary.strip()
    values["detail"] = entry.detail.strip()
    values["analysis"] = entry.analysis.strip()
    return values


def _apply(row: ChronologyEntry, entry: EntryInput) -> None:
    for name, value in _cleaned(entry).items():
        setattr(row, name, value)
    # The index reads this folded copy, so case, accents and Arabic letter forms never matter.
    row.search_fold = fold_entry(row.summary, f"{row.detail}\n{row.analysis}".strip())


def _changed_fields(row: ChronologyEntry, entry: EntryInput) -> list[str]:
    return [name for name, value in _cleaned(entry).items() if getattr(row, name) != value]


def _filled_fields(entry: EntryInput) -> list[str]:
    return [name for name, value in _cleaned(entry).items() if value not in (None, "", False)]


def _check_links(session: Session, entry: EntryInput) -> None:
    if entry.place_id is not None and session.get(Place, entry.place_id) is None:
        raise ChronologyInputError("The place chosen no longer exists.")
    if entry.group_id is not None and session.get(PeerGroup, entry.group_id) is None:
        raise ChronologyInputError("The group chosen no longer exists.")


def _current_writer(session: Session, row: ChronologyEntry) -> int:
    """Who wrote the entry's current version: its author, or whoever last replaced a version."""
    last = session.execute(
        select(ChronologyRevision.replaced_by_id)
        .where(ChronologyRevision.entry_id == row.id)
        .order_by(ChronologyRevision.version.desc())
        .limit(1)
    ).scalar_one_or_none()
    return row.author_id if last is None else last


def _version(source: ChronologyEntry | ChronologyRevision, **who: Any) -> VersionRow:
    """A version's text from the entry or a revision; who wrote and replaced it, and when."""
    return VersionRow(**{name: getattr(source, name) for name in VERSIONED}, **who)


def _names(session: Session, account_ids: Iterable[int | None]) -> dict[int | None, str]:
    wanted = [account_id for account_id in account_ids if account_id is not None]
    rows = session.execute(
        select(Account.id, Account.display_name).where(Account.id.in_(wanted))
    ).all()
    return {row.id: row.display_name for row in rows}

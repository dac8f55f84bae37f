"""Full-text search over chronology text: turning what was typed into a safe FTS5 query, and the
statements that find matching entries in the records a user may see, newest first or by
relevance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, column, func, literal_column, select, table
from sqlalchemy.sql.elements import ColumnClause

from desktop.models.chronology import ChronologyEntry
from desktop.models.people import YoungPerson
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import ROLE_RECORD_SCOPE, RecordScope
from desktop.services.record_access import visible_people
from desktop.services.text_folding import fold

# Around the matched words in SearchHit.snippet: control characters nobody types, so a view can
# escape the text and then turn these into highlighting.
MATCH_START, MATCH_END = "\x02", "\x03"
SNIPPET_WORDS = 12
MAX_SEARCH_TERMS = 16
# Relevance ranking scores the newest RANK_WINDOW matches, not all of them, so that its cost
# stays bounded however large the vault grows: a common word ("school": 283,205 of 500,000
# entries) took about 2 s with FTS5's ORDER BY rank and 120 ms with ORDER BY bm25() over all of
# its matches (plain file, idle machine), 14 ms over the newest 10,000. A word in fewer entries
# than that is ranked over all of its matches.
RANK_WINDOW = 10_000

# The index's rowid is each entry's search key (migration 0009): -(unixepoch(occurred_at) * 2^31
# + id), so FTS5's own ascending order is newest first, to the second, then the latest entry;
# the low 31 bits are the entry's id.
_FTS = table("chronology_fts", column("rowid", Integer))
ID_BITS = 0x7FFFFFFF
# The rowid as a plain value ("+"): compared with a list, FTS5 would otherwise run the whole
# query again for every value in it.
_KEY_VALUE: ColumnClause[int] = literal_column("+chronology_fts.rowid", Integer)
# FTS5's hidden column named after the table: the left side of MATCH, the first snippet() arg.
_FTS_TABLE: ColumnClause[Any] = literal_column("chronology_fts")


@dataclass(frozen=True)
class SearchHit:
    entry_id: int
    person_id: int
    case_reference: str
    person_name: str
    occurred_at: datetime
    summary: str
    snippet: str  # the matched words between MATCH_START and MATCH_END

    def snippet_parts(self) -> list[tuple[str, bool]]:
        """The snippet as (text, matched) pieces, for a view to highlight."""
        parts: list[tuple[str, bool]] = []
        for index, piece in enumerate(self.snippet.split(MATCH_START)):
            matched, _, rest = piece.partition(MATCH_END) if index else ("", "", piece)
            parts.extend((part, is_match) for part, is_match in ((matched, True), (rest, False)))
        return [(part, is_match) for part, is_match in parts if part]


def fts_query(typed: str) -> str:
    """What the user typed as a safe FTS5 query: every term quoted, the last one a prefix.

    Punctuation (and so every piece of FTS5 syntax: quotes, brackets, *, ^, :, +, -) separates
    words as the index's tokenizer does; AND, OR, NOT and NEAR become ordinary quoted words.
    The typed text is folded as the indexed text was (case, accents, Arabic harakat and letter
    forms). Returns "" when nothing searchable was typed.
    """
    bare = fold(typed)
    phrases = []
    for chunk in bare.split():
        words = "".join(ch if ch.isalnum() else " " for ch in chunk).split()
        if words:
            # Kept as one phrase so "k-dog" still needs "k" right before "dog".
            phrases.append('"' + " ".join(words) + '"')
    phrases = phrases[:MAX_SEARCH_TERMS]
    if phrases:
        phrases[-1] += "*"
    return " ".join(phrases)


def search_key() -> ColumnElement[int]:
    """An entry's key in the index (as migration 0009 computes it)."""
    seconds = func.unixepoch(ChronologyEntry.occurred_at, type_=Integer)
    return -(seconds * (ID_BITS + 1) + ChronologyEntry.id)


def entry_id(key: int) -> int:
    return -key & ID_BITS


def _matching(user: CurrentUser, query_text: str, now: datetime) -> list[ColumnElement[bool]]:
    """The index's rows matching query_text, narrowed to the records user may see.

    A user who sees only the records allocated to them (a few dozen) would otherwise pass over
    every match in the vault, looking each one up in chronology_entries: their entries' keys are
    read once from the (young person, time) index and each match is checked against them.
    """
    where: list[ColumnElement[bool]] = [_FTS_TABLE.op("MATCH")(query_text)]
    if ROLE_RECORD_SCOPE[user.role] is not RecordScope.ALL:
        people = select(YoungPerson.id).where(visible_people(user, now))
        where.append(
            _KEY_VALUE.in_(select(search_key()).where(ChronologyEntry.young_person_id.in_(people)))
        )
    return where


def search_statement(
    user: CurrentUser, query_text: str, offset: int, limit: int, now: datetime
) -> Select[int, int, str, str, datetime, str, Any]:
    """Live entries matching query_text (from fts_query) in records open to user, newest first
    (by occurred_at to the second, then the latest entry).

    FTS5 walks its doclist in key order (newest first) and the statement stops after the page:
    no sort, and chronology_entries is read only for the rows returned (a few milliseconds for
    a word in half the entries, where sorting every match by occurred_at took 200-600 ms).
    """
    return (
        _hits(user, query_text, now)
        .order_by(_FTS.c.rowid)  # consumed by FTS5: no sort
        .offset(offset)
        .limit(limit)
    )


def ranked_keys_statement(
    user: CurrentUser, query_text: str, offset: int, limit: int, now: datetime
) -> Select[int]:
    """The keys of the most relevant matches (bm25, best first) among the newest RANK_WINDOW."""
    newest = (
        select(_FTS.c.rowid.label("key"), func.bm25(_FTS_TABLE).label("score"))
        .select_from(_FTS)
        .where(*_matching(user, query_text, now))
        .order_by(_FTS.c.rowid)
        .limit(RANK_WINDOW)
        .subquery()
    )
    return (
        select(newest.c.key)
        .order_by(newest.c.score, newest.c.key)  # bm25: lower is better
        .offset(offset)
        .limit(limit)
    )


def hits_statement(
    user: CurrentUser, query_text: str, keys: list[int], now: datetime
) -> Select[int, int, str, str, datetime, str, Any]:
    """The hits with these keys (from ranked_keys_statement), in no particular order."""
    return _hits(user, query_text, now).where(
        _FTS.c.rowid.between(min(keys), max(keys)),  # FTS5 reads only that stretch
        _KEY_VALUE.in_(keys),
    )


def _hits(
    user: CurrentUser, query_text: str, now: datetime
) -> Select[int, int, str, str, datetime, str, Any]:
    snippet = func.snippet(_FTS_TABLE, -1, MATCH_START, MATCH_END, "…", SNIPPET_WORDS)
    return (
        select(
            ChronologyEntry.id.label("entry_id"),
            ChronologyEntry.young_person_id.label("person_id"),
            YoungPerson.case_reference,
            (YoungPerson.given_name + " " + YoungPerson.family_name).label("person_name"),
            ChronologyEntry.occurred_at,
            ChronologyEntry.summary,
            func.coalesce(snippet, "").label("snippet"),
        )
        .select_from(_FTS)
        .join(ChronologyEntry, ChronologyEntry.id == (-_FTS.c.rowid).op("&")(ID_BITS))
        .join(YoungPerson, YoungPerson.id == ChronologyEntry.young_person_id)
        .where(
            *_matching(user, query_text, now),
            # Deleted entries hold no words, so they never match; checked all the same.
            ChronologyEntry.deleted_at.is_(None),
            visible_people(user, now),
        )
    )

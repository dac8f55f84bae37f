"""Full-text search over chronology text: turning what was typed into a safe FTS5 query, and the
one statement that finds matching entries in the records a user may see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, Select, column, func, literal_column, select, table
from sqlalchemy.sql.elements import ColumnClause

from desktop.models.chronology import ChronologyEntry
from desktop.models.people import YoungPerson
from desktop.services.current_user import CurrentUser
from desktop.services.record_access import visible_people
from desktop.services.text_folding import fold

# Around the matched words in SearchHit.snippet: control characters nobody types, so a view can
# escape the text and then turn these into highlighting.
MATCH_START, MATCH_END = "\x02", "\x03"
SNIPPET_WORDS = 12
MAX_SEARCH_TERMS = 16

_FTS = table("chronology_fts", column("rowid", Integer))
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


def search_statement(
    user: CurrentUser, query_text: str, offset: int, limit: int
) -> Select[int, int, str, str, datetime, str, Any]:
    """Live entries matching query_text (from fts_query) in records open to user, newest first.

    Newest first rather than by rank: ranking a common word over a large vault takes about a
    second, newest first a few milliseconds, and workers mostly look for recent events.
    """
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
        .join(ChronologyEntry, ChronologyEntry.id == _FTS.c.rowid)
        .join(YoungPerson, YoungPerson.id == ChronologyEntry.young_person_id)
        .where(
            _FTS_TABLE.op("MATCH")(query_text),
            ChronologyEntry.deleted_at.is_(None),
            visible_people(user),
        )
        .order_by(ChronologyEntry.occurred_at.desc(), ChronologyEntry.id.desc())
        .offset(offset)
        .limit(limit)
    )

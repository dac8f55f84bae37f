"""The chronology's full-text index is rebuilt so that its own order is newest first: each
entry's index rowid is a search key made from when it happened and its id, and one-character
prefixes get a prefix index.

Why: searching newest first used to find every match (283,205 entries for "school" in a vault
of 500,000), look each one up in chronology_entries and sort them all by occurred_at: 600 ms
on the encrypted vault, 200 ms on a plain file, because those lookups pass through most of the
400 MB table and SQLCipher decrypts its pages again on every search. With the index ordered by
time, FTS5 walks its doclist in rowid order and stops after the first page: the base table is
read only for the rows shown. Ascending order is FTS5's natural one (descending prefix queries
took tens of seconds), so the key is negated: ascending key = newest first.

Costs, measured on 500,000 entries: the index grows from about 64 MB to 150 MB, because the
gaps between neighbouring keys (seconds * 2^31) take more bytes than gaps between ids, and the
one-character prefix index adds about 75 MB more. Without it, a search for one letter ("s",
which FTS5 answers by merging the doclists of every word starting with it) took 230 ms; with
it, under a millisecond. Prefixes of two letters or more take at most about 30 ms without an
index of their own. The upgrade rebuilds the index: about 20 s for 500,000 entries.

search_key = -(unixepoch(occurred_at) * 2^31 + id): occurred_at to the second, then the latest
entry first; the low 31 bits give back the entry's id. The index reads its text (for snippets
and 'rebuild') through the view chronology_fts_source, and an index on the same expression lets
FTS5 find an entry's text by search key. The triggers keep the index in step, as in 0002, and
also when occurred_at changes. Names start with chronology_fts, which the Alembic environment
leaves to the migrations. A batch copy of chronology_entries would drop the expression index
and the triggers: alter it with plain ALTER TABLE.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _search_key(row: str = "") -> str:
    """The search key of the entry `row` ("new", "old"), or of the table's own row."""
    prefix = f"{row}." if row else ""
    return f"(-(unixepoch({prefix}occurred_at) * 2147483648 + {prefix}id))"


SEARCH_KEY = _search_key()
TRIGGERS = ("chronology_fts_insert", "chronology_fts_delete", "chronology_fts_update")


def upgrade() -> None:
    _drop_index_and_triggers()
    op.execute(f"CREATE INDEX chronology_fts_key ON chronology_entries {SEARCH_KEY}")
    op.execute(
        "CREATE VIEW chronology_fts_source AS "
        f"SELECT {SEARCH_KEY} AS search_key, search_fold FROM chronology_entries"
    )
    op.execute(
        "CREATE VIRTUAL TABLE chronology_fts USING fts5(search_fold, "
        "content='chronology_fts_source', content_rowid='search_key', "
        "tokenize='unicode61 remove_diacritics 2', prefix='1')"
    )
    old_key, new_key = _search_key("old"), _search_key("new")
    op.execute(
        "CREATE TRIGGER chronology_fts_insert AFTER INSERT ON chronology_entries BEGIN "
        f"INSERT INTO chronology_fts(rowid, search_fold) VALUES ({new_key}, new.search_fold); END"
    )
    op.execute(
        "CREATE TRIGGER chronology_fts_delete AFTER DELETE ON chronology_entries BEGIN "
        "INSERT INTO chronology_fts(chronology_fts, rowid, search_fold) "
        f"VALUES ('delete', {old_key}, old.search_fold); END"
    )
    op.execute(
        "CREATE TRIGGER chronology_fts_update "
        "AFTER UPDATE OF search_fold, occurred_at ON chronology_entries BEGIN "
        "INSERT INTO chronology_fts(chronology_fts, rowid, search_fold) "
        f"VALUES ('delete', {old_key}, old.search_fold); "
        f"INSERT INTO chronology_fts(rowid, search_fold) VALUES ({new_key}, new.search_fold); END"
    )
    op.execute("INSERT INTO chronology_fts(chronology_fts) VALUES ('rebuild')")


def downgrade() -> None:
    _drop_index_and_triggers()
    op.execute("DROP VIEW chronology_fts_source")
    op.execute("DROP INDEX chronology_fts_key")
    # As 0002 made them.
    op.execute(
        "CREATE VIRTUAL TABLE chronology_fts USING fts5(search_fold, "
        "content='chronology_entries', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER chronology_fts_insert AFTER INSERT ON chronology_entries BEGIN "
        "INSERT INTO chronology_fts(rowid, search_fold) VALUES (new.id, new.search_fold); END"
    )
    op.execute(
        "CREATE TRIGGER chronology_fts_delete AFTER DELETE ON chronology_entries BEGIN "
        "INSERT INTO chronology_fts(chronology_fts, rowid, search_fold) "
        "VALUES ('delete', old.id, old.search_fold); END"
    )
    op.execute(
        "CREATE TRIGGER chronology_fts_update AFTER UPDATE OF search_fold ON chronology_entries "
        "BEGIN "
        "INSERT INTO chronology_fts(chronology_fts, rowid, search_fold) "
        "VALUES ('delete', old.id, old.search_fold); "
        "INSERT INTO chronology_fts(rowid, search_fold) VALUES (new.id, new.search_fold); END"
    )
    op.execute("INSERT INTO chronology_fts(chronology_fts) VALUES ('rebuild')")


def _drop_index_and_triggers() -> None:
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER {trigger}")
    # Dropping an FTS5 table drops its shadow tables and so every word they held.
    op.execute("DROP TABLE chronology_fts")

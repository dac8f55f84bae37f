"""Raw SQLCipher access with a known key, and listing every file a test's vault wrote."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3

# The test-only schema revision added by the add_test_revision fixture.
TEST_REVISION = "9999"
TEST_TABLE = "test_only_migration_probe"


def raw_connect(database: Path, key_hex: str | None) -> Any:
    """A bare sqlcipher3 connection with SQLCipher 4 defaults, as any SQLCipher tool would open."""
    connection = sqlcipher3.connect(str(database))
    connection.execute("PRAGMA cipher_log_level = NONE")
    if key_hex is not None:
        connection.execute(f"PRAGMA key = \"x'{key_hex}'\"")
    return connection


def raw_read(database: Path, key_hex: str | None, query: str) -> list[tuple[Any, ...]]:
    connection = raw_connect(database, key_hex)
    try:
        rows: list[tuple[Any, ...]] = connection.execute(query).fetchall()
        return rows
    finally:
        connection.close()


def every_file(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())

"""Applies Alembic migrations at unlock, after taking an encrypted safety copy of the vault."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

MIGRATIONS = Path(__file__).with_name("migrations")


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(engine: Engine, safety_folder: Path, stamp: datetime) -> Path | None:
    """Bring the schema to head. Returns the safety copy taken, if a migration ran."""
    with engine.connect() as connection:
        current = current_revision(connection)
    if current == head_revision():
        return None
    safety_copy: Path | None = None
    if current is not None:
        safety_folder.mkdir(parents=True, exist_ok=True)
        safety_copy = safety_folder / f"before-{current}-{stamp:%Y%m%dT%H%M%S}.db"
        # VACUUM INTO from a keyed connection writes a copy encrypted under the same key.
        # It cannot run inside a transaction, so it goes straight to the driver connection.
        raw = engine.raw_connection()
        try:
            raw.driver_connection.execute("VACUUM INTO ?", (str(safety_copy),))  # type: ignore[union-attr]
        finally:
            raw.close()
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return safety_copy

"""Alembic environment: runs on the open vault connection handed in by desktop.store.migrate."""

from __future__ import annotations

from alembic import context

from desktop.models import Base


def _include(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """The full-text index's tables are made by hand in a migration, not by the models."""
    return not (name or "").startswith("chronology_fts")


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copy
    include_object=_include,
)
with context.begin_transaction():
    context.run_migrations()

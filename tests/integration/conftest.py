"""Integration fixtures: a test-only schema revision on top of the real ones."""

from __future__ import annotations

import shutil
from collections.abc import Callable

import pytest

from desktop.store import migrate
from tests.integration.helpers import TEST_REVISION, TEST_TABLE

_REVISION_SOURCE = '''"""Test-only revision: gives a migration something real to do.

Revision ID: {revision}
Revises: {down}
"""

import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("{table}", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("{table}")
'''


@pytest.fixture
def add_test_revision(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Callable[[], str]:
    """Call it to make the application's migrations end in one more, test-only, revision.

    The real migration scripts are copied beside a new revision file and the migration folder
    is pointed at the copy: Alembic then runs a real upgrade on the real vault. Call it after
    creating the vault, so the vault is one revision behind the new head.
    """

    def apply() -> str:
        folder = tmp_path_factory.mktemp("migrations") / "migrations"
        shutil.copytree(migrate.MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
        source = _REVISION_SOURCE.format(
            revision=TEST_REVISION, down=migrate.head_revision(), table=TEST_TABLE
        )
        (folder / "versions" / f"{TEST_REVISION}_test_only.py").write_text(source)
        monkeypatch.setattr(migrate, "MIGRATIONS", folder)
        assert migrate.head_revision() == TEST_REVISION
        return TEST_REVISION

    return apply

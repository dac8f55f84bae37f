"""The SQLAlchemy engine over one SQLCipher 4 file, opened in raw-key mode.

SQLCipher 4 defaults are kept so any SQLCipher 4 tool can open the vault with its raw key.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from desktop.vault.errors import VaultSaveError
from desktop.vault.secret import SecretKey

# Applied after the key, on every new connection. temp_store=MEMORY: a file-based temp store
# writes plaintext sort rows to disk. secure_delete overwrites freed pages.
CONNECTION_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
    "PRAGMA busy_timeout = 10000",
    # 32 MB of page cache (SQLCipher's default is about 8 MB): pages in the cache are already
    # decrypted, and with 8 MB a full-text search over a large vault found the index pages it
    # read a moment before evicted by the other work, so it decrypted them again every time
    # (encrypted/plain 1.5-1.7). The cache fills only as pages are read.
    "PRAGMA cache_size = -32000",
)


def open_raw_connection(path: Path, key: SecretKey | None, *, memory_security: bool = True) -> Any:
    """One DB-API connection with the key applied first. key=None only for the benchmark.

    memory_security wipes and locks SQLCipher's buffers (so keys and pages never reach swap);
    it is SQLCipher's process-wide switch, off only in the benchmark that measures its cost.
    """
    connection = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
    # Quiet SQLCipher's own stderr logging; we report errors ourselves.
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA cipher_memory_security = {'ON' if memory_security else 'OFF'}")
    if key is not None:
        connection.execute(f'PRAGMA key = "{key.hex_pragma_value()}"')
    for pragma in CONNECTION_PRAGMAS:
        connection.execute(pragma)
    return connection


def create_vault_engine(path: Path, key: SecretKey | None) -> Engine:
    """A pooled engine whose connections live until the vault locks (the cache stays warm)."""

    def connect() -> Any:
        return open_raw_connection(path, key)

    engine = create_engine(
        "sqlite://",
        module=sqlcipher3,
        creator=connect,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=2,
        pool_pre_ping=False,
        # Parameters would carry personal data into exception messages and logs.
        hide_parameters=True,
    )
    _use_immediate_transactions(engine)
    _explain_storage_failures(engine)
    return engine


# An execution option for a transaction that only reads (see read_only).
READ_ONLY = "casebook_read_only"


def _use_immediate_transactions(engine: Engine) -> None:
    """BEGIN IMMEDIATE takes the write lock up front, so two writers never deadlock; a
    read-only transaction begins DEFERRED and takes no lock at all (WAL)."""

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN DEFERRED" if read_only else "BEGIN IMMEDIATE")


# SQLite's primary result codes for "the bytes could not reach the disk": full, I/O error,
# the file (or its folder) cannot be opened, or it can no longer be written (moved, read-only).
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
STORAGE_FAILURES = frozenset({SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN})


def is_storage_failure(error: BaseException) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    # The low byte is the primary code, whether or not extended codes are on.
    return (
        isinstance(error, sqlcipher3.OperationalError)
        and isinstance(code, int)
        and code & 0xFF in STORAGE_FAILURES
    )


def _explain_storage_failures(engine: Engine) -> None:
    """One place turns a full disk or a vanished folder into a message a person can act on.

    SQLite rolls the failed transaction back (WAL: the commit record never reached the log),
    so everything committed before stays; every service call gets the same VaultSaveError
    instead of a raw OperationalError, with no try/except around each call.
    """

    @event.listens_for(engine, "handle_error")
    def _handle(context: ExceptionContext) -> BaseException | None:
        if is_storage_failure(context.original_exception):
            return VaultSaveError()
        return None


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def read_only(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """A transaction for long work that only reads (a document built from a record): it sees
    one consistent snapshot but holds no write lock, so the GUI thread's own transactions
    (each BEGIN IMMEDIATE) never wait for it. Writing in it would be a mistake: SQLite may
    refuse to turn it into a write transaction once others have written."""
    with sessions() as session, session.begin():
        session.connection(execution_options={READ_ONLY: True})
        yield session

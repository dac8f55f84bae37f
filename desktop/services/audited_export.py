"""Writing a document out of the vault: the audit entry and the file go together or not at all.

The document is built from one consistent read of the vault (no write lock held meanwhile);
the audit line is then appended in a short transaction, the file saved inside it and removed
again if the transaction fails, so no file leaves the vault unrecorded.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.exports.safe_save import save_document
from desktop.services import actions, audit_chain
from desktop.store.engine import read_only


@dataclass(frozen=True)
class ExportRecord:
    """What the audit log says of an export: the record it came from and what went in (kinds
    and section names only; the path may hold a name, and the text is the young person's)."""

    entity: str
    entity_id: str
    contents: Sequence[str]


Build = Callable[[Session], tuple[Document, ExportRecord]]


def export_audited(
    sessions: sessionmaker[Session],
    clock: Clock,
    username: str,
    target: Path,
    build: Build,
    password: str | None = None,
    action: str = actions.DOCUMENT_EXPORTED,
) -> Path:
    """Builds the document in a read-only transaction, then audits it as exported (under
    `action`; a kind of document may have its own) and saves it to target (encrypted under the
    password, if given) in a short write transaction; returns target. Building takes seconds
    for a long record: under the write lock, every read the GUI thread made meanwhile would wait
    for it (and fail after the busy timeout)."""
    with read_only(sessions) as session:
        document, record = build(session)
    written = False
    try:
        with sessions.begin() as session:
            contents = [*record.contents, *(["password_protected"] if password else [])]
            audit_chain.append(
                session,
                clock.now(),
                username,
                action,
                record.entity,
                record.entity_id,
                contents,
            )
            save_document(document, target, password=password)
            written = True
    except BaseException:
        # A document whose audit entry did not commit must not be left behind.
        if written:
            with contextlib.suppress(OSError):
                target.unlink()
        raise
    return target

"""Writing a workbook out of the vault: the audit entry and the file go together or not at all
(the workbook sibling of audited_export, which serves Word documents)."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.exports.workbook_base import save_workbook
from desktop.services import audit_chain

if TYPE_CHECKING:
    from openpyxl import Workbook


@dataclass(frozen=True)
class WorkbookAudit:
    """The audit line for one workbook: ids, figure keys and column names only (the path may
    hold a name, so it is never recorded)."""

    action: str
    entity_type: str
    entity_id: str
    fields: Sequence[str]
    outcome: str = ""


def save_audited(
    sessions: sessionmaker[Session],
    clock: Clock,
    username: str,
    target: Path,
    workbook: Workbook,
    audit: WorkbookAudit,
    password: str | None = None,
) -> Path:
    """Appends the audit line and saves the workbook inside one short write transaction; a file
    whose audit line did not commit is removed again. The workbook is built beforehand, out of
    any write transaction, so the GUI thread's own writes never wait for the building."""
    fields = [*audit.fields, *(["password_protected"] if password else [])]
    written = False
    try:
        with sessions.begin() as session:
            audit_chain.append(
                session,
                clock.now(),
                username,
                audit.action,
                audit.entity_type,
                audit.entity_id,
                fields,
                audit.outcome,
            )
            save_workbook(workbook, target, password=password)
            written = True
    except BaseException:
        if written:
            with contextlib.suppress(OSError):
                target.unlink()
        raise
    return target

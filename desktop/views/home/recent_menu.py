"""Casebook › Recent records: the menu of the records the user opened last, fetched as it opens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMenu

from desktop.services.recent_records import RecentRecord, RecentRecordsService

EMPTY_TEXT = "No records opened yet"


def action_text(number: int, row: RecentRecord) -> str:
    """'&1 IGX-0042 · Dana Reid': the digit opens it from the keyboard (up to nine)."""
    digit = f"&{number} " if number <= 9 else ""
    # An ampersand in a name would be read as a mnemonic: doubled, it shows as itself.
    return f"{digit}{row.case_reference} · {row.display_name.replace('&', '&&')}"


def fill_recent_menu(
    menu: QMenu, recent: RecentRecordsService, open_person: Callable[[int], None]
) -> None:
    """Replaces the menu's items with the records opened last, newest first."""
    menu.clear()
    rows = recent.recent()
    if not rows:
        menu.addAction(EMPTY_TEXT).setEnabled(False)
        return
    for number, row in enumerate(rows, start=1):
        action = menu.addAction(action_text(number, row))
        action.triggered.connect(lambda _checked=False, person=row.person_id: open_person(person))

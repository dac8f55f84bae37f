"""The caseload table: one row per young person the signed-in user may see."""

from __future__ import annotations

from desktop.services.people_service import CaseloadRow, PeopleService
from desktop.views.common.paged_table_model import PagedTableModel

COLUMNS = (
    ("Case ref", lambda row: row.case_reference),
    ("Name", lambda row: row.name),
    ("Known as", lambda row: row.known_as),
    ("Age", lambda row: row.age),
    ("Key worker", lambda row: row.key_worker),
)


class CaseloadTableModel(PagedTableModel[CaseloadRow]):
    def __init__(self, people: PeopleService) -> None:
        self._search = ""
        super().__init__(
            COLUMNS,
            lambda offset, limit: people.page(offset, limit, self._search),
            lambda: people.count(self._search),
        )

    def set_search(self, text: str) -> None:
        self._search = text
        self.reload()

"""Full-text search results over the chronology, newest first, a page at a time as the list is
scrolled; the next page is asked for through a callback (the view fetches it off the GUI
thread) and arrives through append()."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.services.chronology_service import SearchHit
from desktop.views.caseload.chronology_table_model import local_time

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
MATCH_STYLE = "background-color:#fde68a;color:#1b1f24;font-weight:600;"


def hit_text(hit: SearchHit) -> str:
    """The result as plain text, for screen readers."""
    snippet = "".join(text for text, _matched in hit.snippet_parts())
    return (
        f"{hit.case_reference} · {hit.person_name} · {local_time(hit.occurred_at)}\n"
        f"{hit.summary}\n{snippet}"
    )


def hit_html(hit: SearchHit, selected: bool = False, muted: str | None = None) -> str:
    """The result as rich text: every piece escaped, the matched words highlighted; `muted`
    is the secondary text's colour for the look shown (the light look's by default)."""
    muted = muted or ("#dbe4f0" if selected else "#4a5563")
    snippet = "".join(
        f"<span style='{MATCH_STYLE}'>{escape(text)}</span>" if matched else escape(text)
        for text, matched in hit.snippet_parts()
    )
    return (
        f"<div><b>{escape(hit.case_reference)}</b> · {escape(hit.person_name)}"
        f"<span style='color:{muted}'> · {escape(local_time(hit.occurred_at))}</span></div>"
        f"<div style='margin-top:2px'>{escape(hit.summary)}</div>"
        f"<div style='margin-top:2px;color:{muted}'>{snippet}</div>"
    )


class ChronologySearchListModel(QAbstractListModel):
    def __init__(self, request_more: Callable[[int], None]) -> None:
        super().__init__()
        self._request_more = request_more
        self._hits: list[SearchHit] = []
        self._more = False
        self.loading = False  # a page has been asked for and has not arrived

    def set_hits(self, hits: list[SearchHit], more: bool) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self._more = more
        self.loading = False
        self.endResetModel()

    def append(self, hits: list[SearchHit], more: bool) -> None:
        self.loading = False
        self._more = more
        if hits:
            start = len(self._hits)
            self.beginInsertRows(ROOT, start, start + len(hits) - 1)
            self._hits.extend(hits)
            self.endInsertRows()

    def clear(self) -> None:
        self.set_hits([], False)

    @property
    def more(self) -> bool:
        return self._more

    def hit_at(self, row: int) -> SearchHit:
        return self._hits[row]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more and not self.loading

    def fetchMore(self, parent: Index) -> None:
        if self.canFetchMore(parent):
            self.loading = True
            self._request_more(len(self._hits))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self._hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return hit_text(hit)
        if role == HIT_ROLE:
            return hit
        return None

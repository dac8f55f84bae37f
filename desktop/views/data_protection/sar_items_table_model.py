"""The review's item list: each gathered item with a mark for where its review stands."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.models.choices import SarDecision
from desktop.services.sar_review_service import ItemReview, SarItem
from desktop.views.caseload.tabs.dialog_fields import MUTED, day
from desktop.views.common.rows_table_model import PLAIN, RowLook, RowsTableModel

# A symbol and a word, so the mark never relies on its colour or shape alone.
MARKS = {
    None: "○ To review",
    SarDecision.DISCLOSE: "✓ Disclose",
    SarDecision.REDACT: "✓ Redacted",
    SarDecision.WITHHOLD: "✕ Withheld",
}
TO_REVIEW = "#8a5a00"
WITHHELD = "#9b1c1c"


@dataclass(frozen=True)
class ItemRow:
    number: int  # 1-based, in pack order
    item: SarItem
    review: ItemReview | None


def mark_text(row: ItemRow) -> str:
    return MARKS[row.review.decision if row.review is not None else None]


COLUMNS = (
    ("Review", mark_text),
    ("Section", lambda row: row.item.section),
    ("Kind", lambda row: row.item.kind),
    ("Date", lambda row: day(row.item.on)),
    ("Title", lambda row: row.item.title),
)


def item_look(row: ItemRow, column: int) -> RowLook:
    if column != 0:
        return PLAIN
    if row.review is None:
        return RowLook(foreground=TO_REVIEW, bold=True)
    if row.review.decision is SarDecision.WITHHOLD:
        return RowLook(foreground=WITHHELD)
    return RowLook(foreground=MUTED)


def item_tooltip(row: ItemRow) -> str:
    if row.review is None or not row.review.reason:
        return ""
    return f"{row.review.decision.label}: {row.review.reason}"


class SarItemsTableModel(RowsTableModel[ItemRow]):
    def __init__(self) -> None:
        super().__init__(COLUMNS, item_look, item_tooltip)

"""The analyst's figures as plain tables of counts, with small-number suppression.

Every figure the analyst sees, on screen or in an export, is a count in a FigureTable; a count
from 1 to 4 is shown as "fewer than 5" (a group that small could point to a person). Screens
and exports show counts only through `shown`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

SMALL_NUMBER = 5
SUPPRESSED = "fewer than 5"


def shown(count: int) -> str:
    """A count as the analyst may see it: 0 and 5 or more as they are, 1-4 suppressed."""
    return SUPPRESSED if 0 < count < SMALL_NUMBER else str(count)


@dataclass(frozen=True)
class AnalysisPeriod:
    """From start to end, both days included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("The period ends before it starts.")


@dataclass(frozen=True)
class FigureRow:
    label: str
    counts: tuple[int, ...]


@dataclass(frozen=True)
class FigureTable:
    """One figure: rows of counts under named columns (one column for a simple breakdown).

    `key` names the figure for code and tests (e.g. "referrals_by_source"); `title` and `note`
    are for people (the note says what is counted and how, in plain English)."""

    key: str
    title: str
    row_heading: str
    columns: tuple[str, ...]
    rows: tuple[FigureRow, ...]
    note: str = ""

    def count(self, label: str, column: int = 0) -> int:
        for row in self.rows:
            if row.label == label:
                return row.counts[column]
        raise KeyError(label)

    def column_total(self, column: int = 0) -> int:
        return sum(row.counts[column] for row in self.rows)

    def shown_rows(self) -> list[tuple[str, list[str]]]:
        """The rows as the analyst may see them, every cell suppressed where small."""
        return [(row.label, [shown(count) for count in row.counts]) for row in self.rows]


def breakdown(
    key: str, title: str, row_heading: str, counts: Sequence[tuple[str, int]], note: str = ""
) -> FigureTable:
    """A one-column figure from (label, count) pairs, in the order given."""
    rows = tuple(FigureRow(label, (count,)) for label, count in counts)
    return FigureTable(key, title, row_heading, ("Count",), rows, note)

"""The analyst's figures as plain tables of counts, with small-number suppression.

Every figure the analyst sees, on screen or in an export, is a count in a FigureTable; a count
from 1 to 4 is shown as "fewer than 5" (a group that small could point to a person). Screens
and exports show counts only through `shown`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

SMALL_NUMBER = 5
SUPPRESSED = "fewer than 5"
AT_LEAST_5 = "5 or more"


def shown(count: int) -> str:
    """A count as the analyst may see it: 0 and 5 or more as they are, 1-4 suppressed."""
    return SUPPRESSED if 0 < count < SMALL_NUMBER else str(count)


def is_suppressed(count: int) -> bool:
    return 0 < count < SMALL_NUMBER


def hides_any(counts: Iterable[int]) -> bool:
    return any(is_suppressed(count) for count in counts)


def shown_total(count_sets: Sequence[Iterable[int]]) -> str:
    """The total of the first set of counts, as it may be shown beside them.

    Each set counts the same things (the open caseload by status, by rating, by age band). The
    exact total is shown when it is under 5 (then suppressed itself) or when one of the sets
    hides no count, since it adds up to the total anyway. Otherwise the exact total beside the
    counts shown would give the hidden ones away (nine hidden counts that total 9 are all 1), so
    it is given as "more than N" (N the counts shown) or "5 or more"."""
    sets = [list(counts) for counts in count_sets]
    whole = sum(sets[0])
    if whole < SMALL_NUMBER or any(not hides_any(counts) for counts in sets):
        return shown(whole)
    known = sum(count for count in sets[0] if not is_suppressed(count))
    return f"more than {known}" if known else AT_LEAST_5


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

    def cells(self) -> list[int]:
        return [count for row in self.rows for count in row.counts]

    def shown_rows(self) -> list[tuple[str, list[str]]]:
        """The rows as the analyst may see them, every cell suppressed where small."""
        return [(row.label, [shown(count) for count in row.counts]) for row in self.rows]


def breakdown(
    key: str, title: str, row_heading: str, counts: Sequence[tuple[str, int]], note: str = ""
) -> FigureTable:
    """A one-column figure from (label, count) pairs, in the order given."""
    rows = tuple(FigureRow(label, (count,)) for label, count in counts)
    return FigureTable(key, title, row_heading, ("Count",), rows, note)

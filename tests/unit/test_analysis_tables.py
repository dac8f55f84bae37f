"""Small-number suppression and the figure tables the analyst's screens and exports share."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.services.analysis_tables import SUPPRESSED, AnalysisPeriod, breakdown, shown


@given(st.integers(min_value=0, max_value=10_000))
def test_only_counts_from_one_to_four_are_suppressed(count: int) -> None:
    text = shown(count)
    if 1 <= count <= 4:
        assert text == SUPPRESSED == "fewer than 5"
    else:
        assert text == str(count)


def test_a_breakdown_shows_small_cells_suppressed_and_keeps_its_counts() -> None:
    table = breakdown("by_source", "Referrals by source", "Source", [("School", 12), ("GP", 3)])
    assert table.shown_rows() == [("School", ["12"]), ("GP", [SUPPRESSED])]
    assert table.count("GP") == 3 and table.column_total() == 15
    with pytest.raises(KeyError):
        table.count("Police")


def test_a_period_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError, match="ends before it starts"):
        AnalysisPeriod(date(2025, 3, 1), date(2025, 2, 28))

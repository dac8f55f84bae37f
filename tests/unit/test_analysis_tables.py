"""Small-number suppression and the figure tables the analyst's screens and exports share."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.services.analysis_tables import (
    AT_LEAST_5,
    SUPPRESSED,
    AnalysisPeriod,
    breakdown,
    shown,
    shown_total,
)


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


def test_a_total_is_exact_only_where_it_gives_no_hidden_count_away() -> None:
    assert shown_total([(12, 7)]) == "19"  # nothing hidden
    assert shown_total([(1, 2)]) == SUPPRESSED  # the total is small itself
    assert shown_total([(12, 3)]) == "more than 12"  # 15 would tell the 3
    assert shown_total([(1, 1, 1, 3)]) == AT_LEAST_5  # 6 would tell four of 1-3
    # The open caseload by status hides a count, but by rating it hides none: the total adds
    # up from the ratings anyway, so it is exact.
    assert shown_total([(12, 3), (8, 7)]) == "15"


@given(st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=12))
def test_no_hidden_count_can_be_worked_out_from_the_total_and_the_counts_shown(
    counts: list[int],
) -> None:
    """Whatever the counts, every hidden one could be any of 1 to 4 as far as the words say:
    the shown total and the shown cells fit more than one value for each hidden cell."""
    words = shown_total([counts])
    hidden = [index for index, count in enumerate(counts) if 0 < count < 5]
    if not hidden:
        assert words == shown(sum(counts))
        return
    for index in hidden:
        for other in range(1, 5):
            changed = [*counts]
            changed[index] = other
            # Same cells shown, same total words, for a different hidden value: nothing told.
            if shown_total([changed]) == words:
                break
        else:
            raise AssertionError(f"the hidden count {counts[index]} is given away by {words!r}")

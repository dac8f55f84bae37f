"""The rules of the analyst's exports that need no vault: sheet names Excel accepts, postcodes
cut to their district, ages put in bands."""

from __future__ import annotations

import re
from datetime import date

import pytest

from desktop.exports.figures_workbook import sheet_names
from desktop.services.analysis_tables import FigureTable, breakdown
from desktop.services.pseudonymised_export import age_band, postcode_district


def test_sheet_names_are_short_unique_and_what_excel_allows() -> None:
    long_title = "Open caseload at the end of the period by age band and RAG rating"

    def table(title: str) -> FigureTable:
        return breakdown("k", title, "Group", [("A", 1)])

    titles = [long_title, long_title, "Flags: CCE/CSE [by month]?", "history", "HISTORY", ""]
    names = sheet_names([table(title) for title in titles])
    assert all(0 < len(name) <= 31 for name in names)
    assert len({name.casefold() for name in names}) == len(names)
    assert not any(re.search(r"[\[\]:*?/\\]", name) for name in names)
    assert names[0] == long_title[:31].rstrip() and names[1].endswith(" (2)")
    assert names[2] == "Flags CCE CSE by month"
    assert "history" not in [name.casefold() for name in names]


@pytest.mark.parametrize(
    ("postcode", "district"),
    [
        ("E15 4QS", "E15"),
        ("e154qs", "E15"),
        ("SW1A 1AA", "SW1A"),
        ("W2", "W2"),
        ("", ""),
        ("not a postcode", ""),
        ("12345", ""),
    ],
)
def test_a_postcode_is_cut_to_its_district(postcode: str, district: str) -> None:
    assert postcode_district(postcode) == district


def test_ages_fall_in_bands_and_no_birth_date_is_not_known() -> None:
    today = date(2025, 3, 14)
    assert age_band(date(2015, 3, 15), today) == "Under 10"
    assert age_band(date(2015, 3, 14), today) == "10-13"
    assert age_band(date(2009, 3, 15), today) == "14-17"
    assert age_band(date(2007, 3, 15), today) == "14-17"  # the eve of the 18th birthday
    assert age_band(date(2007, 3, 14), today) == "18-21"
    assert age_band(date(1999, 3, 14), today) == "26 and over"
    assert age_band(None, today) == "Not known"

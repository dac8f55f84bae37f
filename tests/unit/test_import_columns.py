"""How one import cell is read: dates, yes/no, list codes and labels, postcodes and references."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.models.choices import EetStatus, Ethnicity, Gender, LegalStatus, ReferralSource
from desktop.services.import_columns import (
    CHOICES,
    COLUMNS,
    HEADER_KEYS,
    Cell,
    CellError,
    cell_text,
    header_key,
    read_aliases,
    read_choice,
    read_date,
    read_postcode,
    read_reference,
    read_yes_no,
)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2010-05-03", date(2010, 5, 3)),
        ("2010-5-3", date(2010, 5, 3)),
        ("2010-05-03 00:00:00", date(2010, 5, 3)),
        ("03/05/2010", date(2010, 5, 3)),  # day first
        ("3/5/2010", date(2010, 5, 3)),
        (datetime(2010, 5, 3), date(2010, 5, 3)),
        (date(2010, 5, 3), date(2010, 5, 3)),
        ("", None),
        (None, None),
    ],
)
def test_dates_read(cell: str | date | None, expected: date | None) -> None:
    assert read_date(cell) == expected


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("31/02/2010", "not a real date"),
        ("05/23/2010", "not a real date (dates are read day first)"),
        ("03/05/10", "two-digit year"),
        ("3 May 2010", "write YYYY-MM-DD or DD/MM/YYYY"),
        (40301, "is a number, not a date"),
        (40301.0, "is a number, not a date"),
    ],
)
def test_dates_refused(cell: str | int | float, reason: str) -> None:
    with pytest.raises(CellError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        read_date(cell)


def test_yes_and_no() -> None:
    yes: list[Cell] = ["yes", "Y", "TRUE", "1", True, 1]
    no: list[Cell] = ["no", "N", "false", "0", "", None, False, 0]
    assert [read_yes_no(cell) for cell in yes] == [True] * len(yes)
    assert [read_yes_no(cell) for cell in no] == [False] * len(no)
    with pytest.raises(CellError, match="'maybe' is not yes or no"):
        read_yes_no("maybe")


def test_list_values_by_code_or_label_in_any_case() -> None:
    assert read_choice("Non-binary", Gender) is Gender.NON_BINARY
    assert read_choice("NON_BINARY", Gender) is Gender.NON_BINARY
    assert read_choice("white: english, welsh, scottish, northern irish or british", Ethnicity) is (
        Ethnicity.WHITE_BRITISH
    )
    assert read_choice("White - Irish", Ethnicity) is Ethnicity.IRISH
    assert read_choice("other_arab", Ethnicity) is Ethnicity.ARAB
    assert read_choice("Prefer not to say", Ethnicity) is Ethnicity.NOT_STATED
    assert read_choice("Childrens social care", ReferralSource) is ReferralSource.SOCIAL_CARE
    assert read_choice("Children\u2019s Social Care", ReferralSource) is ReferralSource.SOCIAL_CARE
    assert read_choice("NEET", EetStatus) is EetStatus.NEET
    assert read_choice("Looked after", LegalStatus) is LegalStatus.LOOKED_AFTER
    assert read_choice("  ", Gender) is None
    with pytest.raises(CellError, match="write one of: female, male, non_binary"):
        read_choice("F", Gender)
    with pytest.raises(CellError, match="see docs/import-columns.md"):
        read_choice("Martian", Ethnicity)


def test_every_code_and_label_reads_back_as_itself() -> None:
    for kind in CHOICES.values():
        for member in kind:
            assert read_choice(member.value, kind) is member
            assert read_choice(member.label.upper(), kind) is member


def test_headers_match_ignoring_case_spaces_and_underscores() -> None:
    assert HEADER_KEYS[header_key("Date of Birth")] == "date_of_birth"
    assert HEADER_KEYS[header_key("\ufeffGIVEN_NAME")] == "given_name"
    assert HEADER_KEYS[header_key("key-worker")] == "key_worker"
    assert len(HEADER_KEYS) == len(COLUMNS)


def test_postcodes_references_aliases_and_cell_text() -> None:
    assert read_postcode("sw1a1aa") == "SW1A 1AA"
    assert read_postcode(" e1  6an ") == "E1 6AN"
    assert read_postcode("") == ""
    with pytest.raises(CellError, match="not a UK postcode"):
        read_postcode("12345")
    assert read_reference("igx-000123") == "IGX-000123"
    assert read_reference("LBX/123") == "LBX/123"
    with pytest.raises(CellError, match="at most 16"):
        read_reference("x" * 17)
    assert read_aliases(" Lil Zee ; Zo;;Lil Zee") == ["Lil Zee", "Zo"]
    assert cell_text(12345.0) == "12345"
    assert cell_text(True) == "yes"
    assert cell_text(datetime(2010, 5, 3)) == "2010-05-03"

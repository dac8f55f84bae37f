"""The quarterly report built from hand-made figures: the nine sections in order and none empty,
a count of 3 read as "fewer than 5" in its cell and given away nowhere else (not even through a
total in words), a chart as an inline picture above its table, wide month tables cut to fit, the
disproportionality tables with their note, and the house frame (marking, page numbers,
repeating heading rows)."""

from __future__ import annotations

import dataclasses
import io
import re
import struct
import zlib
from datetime import UTC, date, datetime

import docx
import pytest
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from desktop.exports.document_base import MARKING
from desktop.exports.quarterly_report import (
    SECTIONS,
    ChartImageError,
    QuarterlyReportContent,
    build_quarterly_report,
)
from desktop.exports.quarterly_report_words import LAST_RESORT, is_quarter, period_name
from desktop.services import analysis_dashboard as keys
from desktop.services.analysis_dashboard import MONTH_NAMES, Dashboard
from desktop.services.analysis_outcomes import AnalysisOutcomes, Score15Change
from desktop.services.analysis_tables import (
    SUPPRESSED,
    AnalysisPeriod,
    FigureRow,
    FigureTable,
    breakdown,
)
from desktop.services.disproportionality import (
    HOW_TO_READ,
    TOO_FEW,
    DimensionComparison,
    Disproportionality,
    GroupComparison,
)

QUARTER = AnalysisPeriod(date(2025, 1, 1), date(2025, 3, 31))
MONTHS = ("Jan 2025", "Feb 2025", "Mar 2025")
MADE_AT = datetime(2025, 4, 2, 10, tzinfo=UTC)
# Health's only referrals: 3 in January (its cell and its total must both read "fewer than 5").
# Police has a hidden 3 in February: its total, 23, would give that 3 away and must not appear.
REFERRALS = FigureTable(
    keys.REFERRALS_BY_SOURCE,
    "Referrals by source and month",
    "Source",
    MONTHS,
    (
        FigureRow("Police intelligence", (12, 3, 9)),
        FigureRow("School", (5, 6, 7)),
        FigureRow("Health", (3, 0, 0)),
        FigureRow("Self-referral", (0, 0, 0)),
    ),
    "Referrals received in the period, by who referred and the month received.",
)


def month_table(
    key: str, title: str, heading: str, rows: list[tuple[str, tuple[int, ...]]]
) -> FigureTable:
    return FigureTable(
        key,
        title,
        heading,
        MONTHS,
        tuple(FigureRow(label, counts) for label, counts in rows),
        f"{title}: note.",
    )


def dashboard(period: AnalysisPeriod = QUARTER, referrals: FigureTable = REFERRALS) -> Dashboard:
    one = breakdown
    tables = (
        referrals,
        one(keys.OPEN_BY_STATUS, "Open caseload by status", "Status",
            [("Referred", 6), ("Assessment", 0), ("Active", 20), ("Monitoring", 7)],
            "Open cases at the end, by status."),
        one(keys.OPEN_BY_RAG, "Open caseload by RAG rating", "RAG rating",
            [("Red", 9), ("Amber", 14), ("Green", 8), ("Not rated", 2)], "Latest rating."),
        one(keys.OPEN_BY_AGE_BAND, "Open caseload by age band", "Age band",
            [("10-13", 5), ("14-17", 21), ("18-21", 7), ("22-25", 0), ("Not known", 0)],
            "Age at the end."),
        month_table(keys.FLAGS_BY_MONTH, "Flags raised by type and month", "Flag",
                    [("Child criminal exploitation", (5, 6, 9)), ("NRM referral", (0, 0, 0))]),
        month_table(keys.MISSING_BY_MONTH, "Missing episodes by month", "Episodes",
                    [("Missing episodes", (7, 5, 6))]),
        one(keys.INTERVENTIONS_BY_TYPE, "Interventions started by type", "Intervention",
            [("Mentoring", 20), ("Warning letter", 6), ("Civil injunction", 0)],
            "Interventions started."),
        one(keys.ENFORCEMENT_SHARE, "Enforcement as a share of interventions", "Kind",
            [(keys.ENFORCEMENT, 6), (keys.SUPPORT, 20)], "Enforcement beside support."),
        one(keys.CLOSURES_BY_REASON, "Case closures by reason", "Reason",
            [("Goals met", 8), ("Moved away", 0), ("Not recorded", 0)], "Closures by reason."),
        one(keys.CLOSURES_BY_OUTCOME, "Case closures by outcome", "Outcome",
            [("Risk reduced", 6), ("No change", 2)], "Closures by outcome."),
        one(keys.FIRST_CONTACT, "Time from referral to first contact", "Days",
            [("Same day", 5), ("1 to 2 days", 11), ("No contact yet", 0)], "Days to contact."),
    )  # fmt: skip
    return Dashboard(period, tables, 6 / 26, 2.0)


def outcomes(period: AnalysisPeriod = QUARTER) -> AnalysisOutcomes:
    tables = (
        breakdown("coaching_starts", "Employment coaching: starts", "Start",
                  [("Course", 6), ("Job", 0)], "Starts dated in the period."),
        breakdown("coaching_eet", "Employment coaching: EET changes and plans", "Figure",
                  [("NEET to education, employment or training", 5), ("Plans started", 7)],
                  "EET changes."),
        breakdown("risk_direction", "Risk: direction since the first rating", "Direction",
                  [("Lower risk", 11), ("Same", 15), ("Higher risk", 0)], "Direction."),
        breakdown("re_referrals", "Re-referrals within 12 months of a case closing", "Referrals",
                  [("Referrals received in the period", 37),
                   ("Received within 12 months after the case closed", 0),
                   ("Young people re-referred", 0)], "Re-referrals."),
    )  # fmt: skip
    return AnalysisOutcomes(period, tables, Score15Change(7, 5, 0, 2, -3.5))


def group(code: str, label: str, count: int, population: int | None) -> GroupComparison:
    small = 0 < count < 5
    share = None if small else count / 40
    pop_share = None if population is None else population / 10_000
    ratio = share / pop_share if share is not None and pop_share else None
    return GroupComparison(code, label, count, share, population, pop_share, ratio, True, small)


def compare(period: AnalysisPeriod = QUARTER) -> Disproportionality:
    ethnicity = DimensionComparison(
        "ethnicity",
        "Ethnicity",
        (
            group("black_caribbean", "Black Caribbean", 20, 2_000),
            group("white_british", "White British", 17, 6_000),
            group("asian_bangladeshi", "Asian Bangladeshi", 3, 2_000),
            GroupComparison("not_known", "Not known", 6, None, None, None, None, False),
        ),
        40,
        10_000,
    )
    gender = DimensionComparison(
        "gender", "Gender",
        (group("male", "Male", 30, 5_000), group("female", "Female", 10, 5_000)), 40, 10_000,
    )  # fmt: skip
    age = DimensionComparison(
        "age_band", "Age band", (group("14_17", "14 to 17", 40, 10_000),), 40, 10_000
    )
    return Disproportionality(period, 46, (ethnicity, gender, age), ("ONS mid-2023 estimates",))


def png() -> bytes:
    """A 4 x 3 white PNG, made by hand (no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    pixels = b"".join(b"\x00" + b"\xff\xff\xff" * 4 for _ in range(3))
    header = struct.pack(">IIBBBBB", 4, 3, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels))
        + (chunk(b"IEND", b""))
    )


def content(**changes: object) -> QuarterlyReportContent:
    made = QuarterlyReportContent(
        QUARTER, "Alex Analyst", MADE_AT, dashboard(), outcomes(), compare(), {}, "Analyst"
    )
    return dataclasses.replace(made, **changes)  # type: ignore[arg-type]


def reread(document: Document) -> Document:
    saved = io.BytesIO()
    document.save(saved)
    return docx.Document(io.BytesIO(saved.getvalue()))


def body(document: Document) -> list[Paragraph | Table]:
    """Paragraphs and tables in the order they stand in the body."""
    return list(document.iter_inner_content())


def sections(document: Document) -> dict[str, list[Paragraph | Table]]:
    """Each Heading 1 with what follows it up to the next."""
    found: dict[str, list[Paragraph | Table]] = {}
    current: list[Paragraph | Table] | None = None
    for item in body(document):
        if (
            isinstance(item, Paragraph)
            and item.style is not None
            and item.style.name == "Heading 1"
        ):
            current = found.setdefault(item.text, [])
        elif current is not None:
            current.append(item)
    return found


def table_after(document: Document, heading: str) -> Table:
    items = body(document)
    start = next(
        i for i, item in enumerate(items) if isinstance(item, Paragraph) and item.text == heading
    )
    return next(item for item in items[start:] if isinstance(item, Table))


def grid(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def all_text(document: Document) -> list[str]:
    texts = [paragraph.text for paragraph in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return texts


def test_the_nine_sections_come_in_order_and_none_is_empty() -> None:
    document = reread(build_quarterly_report(content()))
    found = sections(document)
    assert list(found) == [f"{n}. {heading}" for n, (_key, heading) in enumerate(SECTIONS, 1)]
    for heading, items in found.items():
        text = [item for item in items if isinstance(item, Paragraph) and item.text.strip()]
        assert text, heading  # every section has words, not just a heading
    for heading in ("2. Referrals", "3. The open caseload", "7. Outcomes", "8. Disproportionality"):
        assert any(isinstance(item, Table) for item in found[heading]), heading
    assert [p.text for p in document.paragraphs[:2]] == [
        "Quarterly report",
        "The caseload in figures: January to March 2025",
    ]
    # The title page lists the same sections as its contents.
    contents = [p.text for p in document.paragraphs if re.fullmatch(r"\d\. .+", p.text)]
    assert contents[: len(SECTIONS)] == list(found)


def test_a_count_of_3_reads_fewer_than_5_and_is_given_away_nowhere() -> None:
    document = reread(build_quarterly_report(content()))
    rows = grid(table_after(document, "2.1 Referrals by source and month"))
    assert rows[0] == ["Source", *MONTHS]
    assert rows[1] == ["Police intelligence", "12", SUPPRESSED, "9"]
    assert rows[3] == ["Health", SUPPRESSED, "0", "0"]
    texts = all_text(document)
    # No 3 standing alone (section numbers such as "3." and "2.3" are not counts).
    assert not [t for t in texts if re.search(r"(?<![\d.,])3(?![\d.,%])", t)]
    # Police's total (24) would give its hidden 3 away: it is not given, while School's, whose
    # row is shown in full, is (18); Health's 3 is said in words.
    assert not [t for t in texts if re.search(r"\b24\b", t)]
    summary = " ".join(t for t in texts if "The most came from" in t)
    assert "school (18)" in summary and "police" not in summary
    assert any("Fewer than 5 referrals came from health." in t for t in texts)
    assert any("There were 37 referrals in the quarter." in t for t in texts)
    # The open caseload's total can be read off the status table, which hides nothing.
    assert any("At the end of the quarter 33 young people had an open case." in t for t in texts)


def test_a_total_over_a_hidden_count_is_given_as_more_than_the_counts_shown() -> None:
    flags = month_table(
        keys.FLAGS_BY_MONTH, "Flags raised by type and month", "Flag", [("CCE", (9, 3, 7))]
    )
    tables = tuple(flags if t.key == keys.FLAGS_BY_MONTH else t for t in dashboard().tables)
    made = content(dashboard=Dashboard(QUARTER, tables, 6 / 26, 2.0))
    texts = all_text(reread(build_quarterly_report(made)))
    assert any(t.startswith("More than 16 flags were raised in the quarter") for t in texts)
    assert not [t for t in texts if re.search(r"\b19\b", t)]


def test_a_chart_given_stands_as_an_inline_picture_above_its_table() -> None:
    assert len(reread(build_quarterly_report(content())).inline_shapes) == 0
    made = content(charts={keys.REFERRALS_BY_SOURCE: png()})
    document = reread(build_quarterly_report(made))
    assert len(document.inline_shapes) == 1
    assert abs(document.inline_shapes[0].width.mm - 150) < 0.5
    items = body(document)
    at = next(
        i for i, it in enumerate(items) if isinstance(it, Paragraph) and it.text.startswith("2.1 ")
    )
    picture = items[at + 1]
    assert isinstance(picture, Paragraph) and picture._p.xpath(".//w:drawing")
    assert isinstance(items[at + 2], Table)
    with pytest.raises(ChartImageError, match="not in the report"):
        build_quarterly_report(content(charts={"no_such_figure": png()}))
    with pytest.raises(ChartImageError, match="Referrals by source and month"):
        build_quarterly_report(content(charts={keys.REFERRALS_BY_SOURCE: b"not a picture"}))


def test_enforcement_is_given_as_a_share_and_called_a_last_resort() -> None:
    found = sections(reread(build_quarterly_report(content())))
    words = " ".join(i.text for i in found["5. Interventions"] if isinstance(i, Paragraph))
    assert "Enforcement made up 23% of them (6 enforcement actions)." in words
    assert LAST_RESORT in words
    # A hidden support count would be given away by the share: no share then.
    share = breakdown(
        keys.ENFORCEMENT_SHARE, "Enforcement", "Kind", [(keys.ENFORCEMENT, 6), (keys.SUPPORT, 2)]
    )
    tables = tuple(share if t.key == keys.ENFORCEMENT_SHARE else t for t in dashboard().tables)
    made = content(dashboard=Dashboard(QUARTER, tables, 0.75, 2.0))
    found = sections(reread(build_quarterly_report(made)))
    words = " ".join(i.text for i in found["5. Interventions"] if isinstance(i, Paragraph))
    assert "too few to give as a share" in words and "75%" not in words


def test_a_year_of_months_is_cut_into_tables_of_six_in_small_type() -> None:
    year = AnalysisPeriod(date(2024, 1, 1), date(2024, 12, 31))
    months = tuple(f"{name} 2024" for name in MONTH_NAMES)
    wide = FigureTable(
        keys.REFERRALS_BY_SOURCE, "Referrals by source and month", "Source", months,
        (FigureRow("School", tuple(range(12))),), "Referrals.",
    )  # fmt: skip
    made = content(period=year, dashboard=dashboard(year, wide))
    document = reread(build_quarterly_report(made))
    heads = [grid(t)[0] for t in document.tables if grid(t)[0][0] == "Source"]
    assert heads == [["Source", *months[:6]], ["Source", *months[6:]]]
    halves = [t for t in document.tables if grid(t)[0][0] == "Source"]
    assert grid(halves[1])[1] == ["School", "6", "7", "8", "9", "10", "11"]
    run = halves[0].rows[1].cells[1].paragraphs[0].runs[0]
    assert run.font.size is not None and run.font.size.pt == 8
    captions = [p.text for p in document.paragraphs if p.text.startswith("Referrals by source")]
    assert captions == [
        "Referrals by source and month: Jan 2024 to Jun 2024",
        "Referrals by source and month: Jul 2024 to Dec 2024",
    ]
    assert period_name(year) == "1 January 2024 to 31 December 2024"
    assert any("in the period." in p.text for p in document.paragraphs)


def test_disproportionality_shows_shares_and_ratios_with_the_note_on_reading_them() -> None:
    document = reread(build_quarterly_report(content()))
    rows = grid(table_after(document, "8.1 Young people referred, by ethnicity"))
    assert rows[0][0] == "Ethnicity" and rows[0][-1] == "Ratio"
    assert rows[1] == ["Black Caribbean", "20", "50%", "2,000", "20%", "2.50"]
    assert rows[3] == ["Asian Bangladeshi", SUPPRESSED, "–", "2,000", "20%", TOO_FEW]
    assert rows[4] == ["Not known", "6", "–", "–", "–", "–"]
    found = sections(document)
    texts = [i.text for i in found["8. Disproportionality"] if isinstance(i, Paragraph)]
    assert HOW_TO_READ in texts
    assert any("Black Caribbean (2.50)" in t for t in texts)
    assert "Population figures from: ONS mid-2023 estimates" in texts
    # With Asian Bangladeshi's 3 hidden, the number known (40) would give it away: not given.
    assert (
        "Shares are out of the young people whose ethnicity is known: more than 37 young people. "
        "The rows after the groups are counted but are not in the shares."
    ) in texts
    assert "Shares are out of the young people whose gender is known: 40 young people." in " ".join(
        texts
    )
    assert [t for t in texts if re.fullmatch(r"8\.\d .+", t)] == [
        "8.1 Young people referred, by ethnicity",
        "8.2 Young people referred, by gender",
        "8.3 Young people referred, by age band",
    ]


def test_the_notes_explain_suppression_and_give_every_figures_note() -> None:
    document = reread(build_quarterly_report(content()))
    notes = " ".join(
        i.text for i in sections(document)["9. Notes on the figures"] if isinstance(i, Paragraph)
    )
    assert "fewer than 5" in notes
    assert "2.1 Referrals by source and month: Referrals received in the period" in notes
    assert "7.4 Re-referrals within 12 months of a case closing: Re-referrals." in notes


def test_the_house_frame_marking_page_numbers_and_repeating_heading_rows() -> None:
    document = reread(build_quarterly_report(content()))
    section = document.sections[0]
    assert MARKING in section.header.paragraphs[0].text
    footer = section.footer._element.xml
    assert "NUMPAGES" in footer and " PAGE " in footer and "Page " in footer
    figure = table_after(document, "3.2 Open caseload by RAG rating")
    assert figure.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
    assert document.core_properties.author == "Alex Analyst"
    assert document.core_properties.title == "Quarterly report"
    control = [
        row.cells[1].text
        for t in document.tables
        for row in t.rows
        if row.cells[0].text == "Author"
    ]
    assert control == ["Alex Analyst, Analyst"]


def test_a_calendar_quarter_is_told_from_other_periods() -> None:
    assert is_quarter(AnalysisPeriod(date(2024, 10, 1), date(2024, 12, 31)))
    assert is_quarter(AnalysisPeriod(date(2025, 4, 1), date(2025, 6, 30)))
    assert not is_quarter(AnalysisPeriod(date(2025, 4, 1), date(2025, 6, 29)))
    assert not is_quarter(AnalysisPeriod(date(2025, 2, 1), date(2025, 4, 30)))
    assert period_name(AnalysisPeriod(date(2024, 10, 1), date(2024, 12, 31))) == (
        "October to December 2024"
    )

"""The quarterly report: the analyst's figures for a period as a Word document on the shared
template (title page, document control, nine numbered sections, a table per figure with its
chart above it when one is given). Counts only: no young person is named, and every count from
1 to 4 reads "fewer than 5"."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from docx.document import Document
from docx.enum.text import WD_BREAK

from desktop.exports import quarterly_report_words as words
from desktop.exports.document_base import (
    MARKING,
    DocumentInfo,
    add_details_table,
    add_label,
    add_notice,
    add_text,
    add_title,
    long_date,
    new_document,
)
from desktop.exports.document_control import DocumentControl, add_document_control
from desktop.exports.quarterly_report_tables import (
    ChartImageError,
    add_chart,
    add_comparison_table,
    add_figure_table,
)
from desktop.services import analysis_dashboard as keys
from desktop.services.analysis_dashboard import Dashboard
from desktop.services.analysis_outcomes import AnalysisOutcomes
from desktop.services.analysis_tables import SUPPRESSED, AnalysisPeriod, FigureTable
from desktop.services.disproportionality import Disproportionality

__all__ = ["SECTIONS", "ChartImageError", "QuarterlyReportContent", "build_quarterly_report"]

TITLE = "Quarterly report"
VERSION = "1.0"
# The sections in order: (key for the audit log, heading).
SECTIONS = (
    ("summary", "Summary"),
    ("referrals", "Referrals"),
    ("open_caseload", "The open caseload"),
    ("risk", "Risk: flags and missing episodes"),
    ("interventions", "Interventions"),
    ("closures", "Closures and time to first contact"),
    ("outcomes", "Outcomes"),
    ("disproportionality", "Disproportionality"),
    ("notes", "Notes on the figures"),
)
DASHBOARD_SECTIONS = {
    "referrals": (keys.REFERRALS_BY_SOURCE,),
    "open_caseload": (keys.OPEN_BY_STATUS, keys.OPEN_BY_RAG, keys.OPEN_BY_AGE_BAND),
    "risk": (keys.FLAGS_BY_MONTH, keys.MISSING_BY_MONTH),
    "interventions": (keys.INTERVENTIONS_BY_TYPE, keys.ENFORCEMENT_SHARE),
    "closures": (keys.CLOSURES_BY_REASON, keys.CLOSURES_BY_OUTCOME, keys.FIRST_CONTACT),
}
SMALL_NUMBERS = (
    f"Every count from 1 to 4 is shown as “{SUPPRESSED}”, in the tables, the charts and the "
    "words: a group that small could point to a young person. A count of 0 is shown as 0. "
    "Where a total in words would let a hidden count be worked out from a table, it is given as "
    "“more than” the counts shown instead. Charts never draw a hidden count at its true height."
)
DEFINITIONS = (
    (
        "The period",
        "Runs from its first day to its last, both included; a date and time counts on its "
        "local date.",
    ),
    (
        "Records and people",
        "Some figures count records (referrals, flags, interventions, sessions), others young "
        "people (the open caseload, risk ratings, disproportionality): each figure's note says "
        "which. A young person can appear in more than one row of a figure of records.",
    ),
    (
        "Ratios",
        "A group's share of the young people referred, divided by its share of the borough's "
        "young people; see section 8.",
    ),
)


@dataclass(frozen=True)
class QuarterlyReportContent:
    """What the report is built from: figures already counted, and who prepared it (a member of
    staff; no young person is named anywhere in the report)."""

    period: AnalysisPeriod
    prepared_by: str
    made_at: datetime
    dashboard: Dashboard
    outcomes: AnalysisOutcomes
    disproportionality: Disproportionality
    # PNG bytes per figure key, drawn with small counts never at their true height.
    charts: Mapping[str, bytes] = field(default_factory=dict)
    prepared_role: str = ""


@dataclass
class _Numbered:
    """The figures as numbered in the report ("2.1"), for the notes in section 9."""

    figures: list[tuple[str, FigureTable]] = field(default_factory=list)


def build_quarterly_report(content: QuarterlyReportContent) -> Document:
    unknown = set(content.charts) - set(figure_keys(content))
    if unknown:
        raise ChartImageError("A chart was given for a figure that is not in the report.")
    author = content.prepared_by
    document = new_document(DocumentInfo(TITLE, author, content.made_at))
    _title_page(document, content)
    numbered = _Numbered()
    writers: dict[str, Callable[[Document, QuarterlyReportContent, int, _Numbered], None]] = {
        "summary": _summary,
        "outcomes": _outcomes,
        "disproportionality": _disproportionality,
        "notes": _notes,
    }
    for number, (key, heading) in enumerate(SECTIONS, start=1):
        document.add_heading(f"{number}. {heading}", 1)
        writer = writers.get(key, _dashboard_section(key))
        writer(document, content, number, numbered)
    return document


def figure_keys(content: QuarterlyReportContent) -> list[str]:
    """Every figure's key in the report's order (the comparison tables by their table keys)."""
    dashboard = [key for section in DASHBOARD_SECTIONS.values() for key in section]
    outcomes = [table.key for table in content.outcomes.tables]
    compare = [d.as_table().key for d in content.disproportionality.dimensions]
    return [*dashboard, *outcomes, *compare]


def _title_page(document: Document, content: QuarterlyReportContent) -> None:
    period = content.period
    add_title(document, TITLE, f"The caseload in figures: {words.period_name(period)}")
    author = f"{content.prepared_by}, {content.prepared_role}".strip(", ")
    add_details_table(
        document,
        [
            ("Period", f"{long_date(period.start)} to {long_date(period.end)}"),
            ("Prepared by", author),
            ("Prepared on", long_date(content.made_at.astimezone().date())),
            ("Figures", "Counts only: no young person is named"),
        ],
    )
    document.add_paragraph("Document control", style="Heading 2")
    add_document_control(
        document,
        DocumentControl(
            version=VERSION, author=author, issued_on=content.made_at.astimezone().date()
        ),
    )
    add_notice(
        document,
        f"{MARKING}. Figures only: no young person is named. Every count from 1 to 4 is shown "
        f"as “{SUPPRESSED}” so that no one can be recognised from a small group; do not try to "
        "work a hidden count out, or publish one.",
    )
    document.add_paragraph("Contents", style="Heading 2")
    for number, (_key, heading) in enumerate(SECTIONS, start=1):
        document.add_paragraph(f"{number}. {heading}")
    document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


def _summary(document: Document, content: QuarterlyReportContent, _n: int, _f: _Numbered) -> None:
    dashboard, outcomes = content.dashboard, content.outcomes
    for text in (
        words.referrals(dashboard, outcomes),
        words.caseload(dashboard),
        words.risk(dashboard),
        words.interventions(dashboard),
        words.closures(dashboard),
        words.outcomes_words(outcomes),
        words.disproportionality(content.disproportionality),
    ):
        add_text(document, text)


def _dashboard_section(
    key: str,
) -> Callable[[Document, QuarterlyReportContent, int, _Numbered], None]:
    def write(
        document: Document, content: QuarterlyReportContent, number: int, numbered: _Numbered
    ) -> None:
        dashboard = content.dashboard
        opening = {
            "referrals": lambda: words.referrals(dashboard, content.outcomes),
            "open_caseload": lambda: words.caseload(dashboard),
            "risk": lambda: words.risk(dashboard),
            "interventions": lambda: words.interventions(dashboard),
            "closures": lambda: words.closures(dashboard),
        }[key]()
        _opening(document, opening)
        tables = [dashboard.table(figure) for figure in DASHBOARD_SECTIONS[key]]
        _figures(document, content, number, tables, numbered)

    return write


def _outcomes(
    document: Document, content: QuarterlyReportContent, number: int, numbered: _Numbered
) -> None:
    _opening(document, words.outcomes_words(content.outcomes))
    _figures(document, content, number, content.outcomes.tables, numbered)


def _figures(
    document: Document,
    content: QuarterlyReportContent,
    number: int,
    tables: Sequence[FigureTable],
    numbered: _Numbered,
) -> None:
    for sub, table in enumerate(tables, start=1):
        label = f"{number}.{sub}"
        document.add_heading(f"{label} {table.title}", 2)
        chart = content.charts.get(table.key)
        if chart is not None:
            add_chart(document, chart, table.title)
        add_figure_table(document, table)
        numbered.figures.append((label, table))


def _disproportionality(
    document: Document, content: QuarterlyReportContent, number: int, _f: _Numbered
) -> None:
    compare = content.disproportionality
    _opening(document, words.disproportionality(compare))
    # The note opens "How to read this: ...": its words bold as a label, the rest plain.
    label, _colon, rest = compare.note.partition(": ")
    if rest:
        add_label(document, label, rest)
    else:
        add_text(document, compare.note)
    for sub, dimension in enumerate(compare.dimensions, start=1):
        title = f"Young people referred, by {dimension.title.lower()}"
        document.add_heading(f"{number}.{sub} {title}", 2)
        # Through the total rule: with one group hidden, the exact total would give it away.
        in_shares = (g.caseload_count for g in dimension.groups if g.in_shares)
        _opening(
            document,
            f"Shares are out of the young people whose {dimension.title.lower()} is known: "
            f"{words.total(in_shares, 'young people')}. The rows after the groups are counted "
            "but are not in the shares.",
        )
        chart = content.charts.get(dimension.as_table().key)
        if chart is not None:
            add_chart(document, chart, title)
        add_comparison_table(document, dimension)
    sources = "; ".join(compare.population_sources) or "not recorded"
    add_label(document, "Population figures from", sources)


def _opening(document: Document, text: str) -> None:
    """A section's opening words, kept on the page of what follows them."""
    for paragraph in add_text(document, text):
        paragraph.paragraph_format.keep_with_next = True


def _notes(
    document: Document, content: QuarterlyReportContent, number: int, numbered: _Numbered
) -> None:
    document.add_heading(f"{number}.1 Small numbers", 2)
    add_text(document, SMALL_NUMBERS)
    document.add_heading(f"{number}.2 What each figure counts", 2)
    for label, table in numbered.figures:
        if table.note:
            add_label(document, f"{label} {table.title}", table.note)
    document.add_heading(f"{number}.3 Definitions", 2)
    for term, meaning in DEFINITIONS:
        add_label(document, term, meaning)

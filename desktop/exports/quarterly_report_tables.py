"""The quarterly report's tables: a FigureTable (with its chart above it, when given) and a
disproportionality comparison, in the house table style with every count through `shown()`."""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.exceptions import UnrecognizedImageError
from docx.shared import Length, Mm, Pt
from docx.table import Table

from desktop.exports.document_base import TEXT_WIDTH, add_grid
from desktop.services.analysis_tables import FigureTable, shown
from desktop.services.disproportionality import DimensionComparison

NONE = "–"
CHART_WIDTH = Mm(150)
# Month tables run to 12 columns for a year: more than 6 at once would not fit a portrait page
# legibly, so a wide table is cut into blocks of 6 columns, each a table of its own.
MAX_COLUMNS = 6
SMALL_TEXT = Pt(8)  # tables with many columns (months)
LABEL_MIN = Mm(50)
# In small type "fewer than 5" needs about 16 mm of a cell to stay on one line.
SMALL_LABEL_MIN = Mm(40)
VALUE_MAX = Mm(35)
# A short table is read as one: kept on one page with its heading (longer ones may break, with
# their heading row repeated).
KEEP_TOGETHER_ROWS = 15


class ChartImageError(ValueError):
    """A chart image that cannot go into the document; the message says which figure."""


def add_chart(document: Document, png: bytes, title: str) -> None:
    """The chart, 15 cm wide and centred, kept on the page of the table it draws."""
    try:
        document.add_picture(io.BytesIO(png), width=CHART_WIDTH)
    except (UnrecognizedImageError, ValueError, OSError) as error:
        raise ChartImageError(
            f"The chart for “{title}” is not an image Word can show; export without it."
        ) from error
    paragraph = document.paragraphs[-1]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.space_after = Pt(4)


def add_figure_table(document: Document, table: FigureTable) -> list[Table]:
    """The figure as one table (or several side blocks of at most 6 columns): row labels first,
    then each column, every count as the analyst may see it."""
    shown_rows = table.shown_rows()
    small = len(table.columns) > 4
    split = len(table.columns) > MAX_COLUMNS
    tables = []
    for first in range(0, max(len(table.columns), 1), MAX_COLUMNS):
        columns = table.columns[first : first + MAX_COLUMNS]
        if split:
            # Which months this block holds, so a block at the top of a page is not taken for
            # another figure.
            caption = document.add_paragraph(f"{table.title}: {columns[0]} to {columns[-1]}")
            caption.style = "Table Text"
            caption.paragraph_format.keep_with_next = True
            caption.runs[0].italic = True
        rows = [(label, *cells[first : first + MAX_COLUMNS]) for label, cells in shown_rows]
        widths = _widths(len(columns), SMALL_LABEL_MIN if small else LABEL_MIN)
        grid = add_grid(document, (table.row_heading, *columns), rows, widths)
        _numbers_right(grid)
        if small:
            _small_text(grid)
        if len(rows) <= KEEP_TOGETHER_ROWS:
            keep_together(grid)
        tables.append(grid)
    return tables


def add_comparison_table(document: Document, comparison: DimensionComparison) -> Table:
    """One category's groups: the young people referred and their share beside the population
    and its share, and the ratio (or why there is none)."""
    rows = [
        (
            group.label,
            group.shown_count,
            group.shown_caseload_share or NONE,
            NONE if group.population is None else population_text(group.population),
            group.shown_population_share or NONE,
            group.shown_ratio or NONE,
        )
        for group in comparison.groups
    ]
    widths = (Mm(24), Mm(22), Mm(20), Mm(22), Mm(24))
    grid = add_grid(
        document,
        (
            comparison.title,
            "Young people referred",
            "Share of those referred",
            "Population",
            "Share of population",
            "Ratio",
        ),
        rows,
        (TEXT_WIDTH - sum(widths), *widths),
    )
    _numbers_right(grid)
    _small_text(grid, Pt(9))
    if len(rows) <= KEEP_TOGETHER_ROWS:
        keep_together(grid)
    return grid


def population_text(population: int) -> str:
    """A borough population with thousands separated (suppressed like any count if tiny)."""
    return f"{population:,}" if population >= 5 else shown(population)


def keep_together(table: Table) -> None:
    """Every row but the last keeps with the next, so the table stays on one page."""
    for row in table.rows[:-1]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _widths(columns: int, label_min: Length) -> Sequence[Length]:
    value = min(VALUE_MAX, (TEXT_WIDTH - label_min) // max(columns, 1))
    return (Length(TEXT_WIDTH - columns * value), *(Length(value) for _ in range(columns)))


def _numbers_right(table: Table) -> None:
    for row in table.rows:
        for cell in row.cells[1:]:
            for paragraph in cell.paragraphs:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _small_text(table: Table, size: Length = SMALL_TEXT) -> None:
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = size

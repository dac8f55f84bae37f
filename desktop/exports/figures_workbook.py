"""The analyst's figures as an Excel workbook: one sheet per figure, every count suppressed where
small exactly as on screen."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from desktop.exports.workbook_base import (
    fit_columns,
    long_date,
    mark_sheet,
    new_workbook,
    write_header,
    write_lines,
    write_marking_row,
    write_title,
)
from desktop.services.analysis_tables import SUPPRESSED, AnalysisPeriod, FigureTable, shown

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

SHEET_NAME_LIMIT = 31  # Excel's own limit
# Excel refuses these in a sheet name, and keeps "History" for itself.
NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
RESERVED_NAMES = frozenset({"history"})
SUPPRESSION_NOTE = (
    f'Counts from 1 to 4 are shown as "{SUPPRESSED}", so that no small group can point to a '
    "person. No totals are given: a total would let a hidden count be worked out."
)


def build_figures_workbook(
    tables: Sequence[FigureTable], period: AnalysisPeriod, exported_at: datetime
) -> Workbook:
    """One sheet per table, in the order given, each marked and dated with the period."""
    workbook = new_workbook()
    for table, name in zip(tables, sheet_names(tables), strict=True):
        _write_table(workbook.create_sheet(name), table, period, exported_at)
    return workbook


def sheet_names(tables: Sequence[FigureTable]) -> list[str]:
    """A name for each table's sheet from its title: Excel's characters only, at most 31 of
    them, unique regardless of case (Excel's rule), a number added where two would clash."""
    names: list[str] = []
    taken: set[str] = set()
    for table in tables:
        base = " ".join(NOT_IN_SHEET_NAMES.sub(" ", table.title).split()).strip("'")
        base = base or table.key or "Figure"
        name = base[:SHEET_NAME_LIMIT].rstrip()
        number = 1
        while name.casefold() in taken or name.casefold() in RESERVED_NAMES:
            number += 1
            suffix = f" ({number})"
            name = base[: SHEET_NAME_LIMIT - len(suffix)].rstrip() + suffix
        taken.add(name.casefold())
        names.append(name)
    return names


def _write_table(
    sheet: Worksheet, table: FigureTable, period: AnalysisPeriod, exported_at: datetime
) -> None:
    from openpyxl.styles import Alignment, Font

    mark_sheet(sheet)
    write_marking_row(sheet, 1)
    write_title(sheet, 2, table.title)
    lines = [
        f"Period: {long_date(period.start)} to {long_date(period.end)}",
        *([table.note] if table.note else []),
        SUPPRESSION_NOTE,
        f"Exported from Casebook on {long_date(exported_at.date())}.",
    ]
    header_row = write_lines(sheet, 3, lines) + 1
    write_header(sheet, header_row, [table.row_heading, *table.columns], 2, "right")
    plain = Font(name="Arial", size=10)
    row = header_row
    for row, figure in enumerate(table.rows, start=header_row + 1):
        sheet.cell(row=row, column=1, value=figure.label).font = plain
        for column, count in enumerate(figure.counts, start=2):
            text = shown(count)
            # A count Excel can add up stays a number; a suppressed one is words.
            cell = sheet.cell(row=row, column=column, value=text if text == SUPPRESSED else count)
            cell.font = plain
            cell.alignment = Alignment(horizontal="right")
    write_marking_row(sheet, row + 2)
    sheet.freeze_panes = f"B{header_row + 1}"
    fit_columns(sheet, header_row)

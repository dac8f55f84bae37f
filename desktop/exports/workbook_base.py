"""What every Excel export shares: the protective marking, the house look, fitted columns and
saving whole or not at all."""

from __future__ import annotations

import errno
import io
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.exports.password_protect import PasswordProtectionError, encrypt_docx
from desktop.exports.safe_save import DocumentSaveError
from desktop.vault.atomic_file import write_atomically

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

MARKING = "OFFICIAL-SENSITIVE"
ACCENT = "1F3A5F"  # the house colours of exports/house_style.py
HEADER_FILL = "E7ECF2"
MARKING_COLOUR = "9C0006"
NARROWEST, WIDEST = 10, 60  # column widths, in characters


class WorkbookSaveError(DocumentSaveError):
    """The workbook could not be written; the message is for the user and never names the
    path (it may hold a young person's name)."""


def xlsx_path(destination: Path) -> Path:
    """The destination with an .xlsx ending, added when the person left it off."""
    if destination.suffix.lower() == ".xlsx":
        return destination
    return destination.with_name(destination.name + ".xlsx")


def new_workbook() -> Workbook:
    """An empty workbook (no sheets) whose file properties name Casebook, not the user."""
    from openpyxl import Workbook  # only when exporting: openpyxl is slow to load

    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    workbook.properties.creator = "Casebook"
    workbook.properties.lastModifiedBy = "Casebook"
    return workbook


def mark_sheet(sheet: Worksheet, fit_width: bool = True) -> None:
    """The marking in the printed header and footer of every page, as on the Word documents;
    landscape, and as wide as one page unless the sheet is too wide to read that way."""
    for item in (sheet.oddHeader, sheet.oddFooter):
        if item is not None:  # openpyxl makes both with every sheet
            item.center.text = MARKING
            item.center.font = "Arial,Bold"
            item.center.size = 10
    sheet.page_setup.orientation = "landscape"
    if fit_width:
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]


def write_marking_row(sheet: Worksheet, row: int) -> None:
    from openpyxl.styles import Font

    cell = sheet.cell(row=row, column=1, value=MARKING)
    cell.font = Font(name="Arial", bold=True, color=MARKING_COLOUR, size=11)


def write_title(sheet: Worksheet, row: int, title: str) -> None:
    from openpyxl.styles import Font

    cell = sheet.cell(row=row, column=1, value=title)
    cell.font = Font(name="Arial", bold=True, color=ACCENT, size=14)


def write_lines(sheet: Worksheet, first_row: int, lines: Iterable[str]) -> int:
    """Plain lines of text in the first column, one a row (Excel lets them run across empty
    cells); returns the next free row."""
    from openpyxl.styles import Font

    row = first_row
    for line in lines:
        sheet.cell(row=row, column=1, value=line).font = Font(name="Arial", size=10)
        row += 1
    return row


def write_header(
    sheet: Worksheet, row: int, names: Iterable[str], values_from: int = 0, align: str = "left"
) -> None:
    """The heading row; headings from column values_from on (1 is the first) are aligned as
    the values under them are."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    edge = Side(style="thin", color="BFBFBF")
    for column, name in enumerate(names, start=1):
        cell = sheet.cell(row=row, column=column, value=name)
        cell.font = Font(name="Arial", bold=True, size=10)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.border = Border(bottom=edge)
        horizontal = align if values_from and column >= values_from else "left"
        cell.alignment = Alignment(wrap_text=True, vertical="bottom", horizontal=horizontal)


def fit_columns(sheet: Worksheet, header_row: int, minimum: int = NARROWEST) -> None:
    """Each column as wide as its widest cell from the header row down (the title and notes
    above run across empty cells and are left out), within sensible bounds. A long heading
    wraps onto up to three lines rather than widening its column."""
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    lines = 1
    for row in sheet.iter_rows(min_row=header_row):
        for cell in row:
            if cell.value is None:
                continue
            text = str(cell.value)
            length = len(text)
            if cell.row == header_row:
                length = max(max(len(word) for word in text.split() or [""]), -(-length // 3))
                lines = max(lines, -(-len(text) // max(length, 1)))
            column = int(cell.column)
            widths[column] = max(widths.get(column, 0), length)
    for column, width in widths.items():
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = min(max(width + 2, minimum), WIDEST)
    sheet.row_dimensions[header_row].height = 13 * lines


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def save_workbook(workbook: Workbook, destination: Path, password: str | None = None) -> Path:
    """Writes the workbook whole or not at all (a temporary file in the destination's folder,
    then a rename); with a password it is encrypted in memory first (Excel asks for it on
    opening), so no unprotected copy is ever written."""
    if not destination.parent.is_dir():
        raise WorkbookSaveError(
            "The folder chosen for the workbook does not exist any more. Choose another folder."
        )
    content = io.BytesIO()
    workbook.save(content)
    data = content.getvalue()
    if password is not None:
        try:
            data = encrypt_docx(data, password)  # the same Office encryption serves any OOXML
        except PasswordProtectionError as error:
            raise WorkbookSaveError(str(error).replace("document", "workbook")) from error
    try:
        write_atomically(destination, data)
    except OSError as error:
        raise WorkbookSaveError(_reason(error)) from error
    return destination


def _reason(error: OSError) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return (
            "The workbook could not be saved: the disk is full. Free some space or choose "
            "another place."
        )
    if isinstance(error, PermissionError):
        return (
            "The workbook could not be saved: Casebook may not write there, or a file of that "
            "name is open in Excel. Close it or choose another place."
        )
    if isinstance(error, IsADirectoryError):
        return "The workbook could not be saved: a folder already has that name."
    return "The workbook could not be saved in that folder. Choose another place."

"""Reading an import spreadsheet (.csv or .xlsx) into numbered rows, and writing the template."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.services.import_columns import COLUMNS, Cell

FILE_TYPES = (".csv", ".xlsx")
# Excel on a UK Windows PC saves "CSV (Comma delimited)" in Windows-1252; "CSV UTF-8" adds a BOM.
ENCODINGS = ("utf-8-sig", "cp1252")
DELIMITERS = (",", ";", "\t")


class ImportFileError(ValueError):
    """The file cannot be read at all (as opposed to rows with mistakes in them)."""


@dataclass(frozen=True)
class Sheet:
    """The header (spreadsheet row 1) and every later row, numbered as a spreadsheet shows it."""

    file_type: str  # "csv" or "xlsx"
    header: list[Cell]
    rows: list[tuple[int, list[Cell]]]


def check_importable(path: Path) -> None:
    """The cheap checks, made before signing in costs anyone half a second."""
    if path.suffix.lower() not in FILE_TYPES:
        raise ImportFileError(f"{path.name}: Casebook imports .csv and .xlsx files only.")
    if not path.is_file():
        raise ImportFileError(f"{path}: there is no such file.")


def read_sheet(path: Path) -> Sheet:
    check_importable(path)
    suffix = path.suffix.lower()
    rows = _read_csv(path) if suffix == ".csv" else _read_xlsx(path)
    if not rows:
        raise ImportFileError(f"{path.name} is empty: row 1 must name the columns.")
    numbered = list(enumerate(rows[1:], start=2))
    return Sheet(suffix.removeprefix("."), rows[0], numbered)


def _read_csv(path: Path) -> list[list[Cell]]:
    raw = path.read_bytes()
    for encoding in ENCODINGS:
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportFileError(
            f"{path.name} is not UTF-8 or Windows (cp1252) text: save it from your spreadsheet "
            "as 'CSV UTF-8' and try again."
        )
    first_line = text.split("\n", 1)[0]
    # Some European Excel settings save with semicolons; the header shows which was used.
    delimiter = max(DELIMITERS, key=first_line.count)
    try:
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as error:
        raise ImportFileError(f"{path.name} is not a readable CSV file ({error}).") from None


def _read_xlsx(path: Path) -> list[list[Cell]]:
    from openpyxl import load_workbook  # only when an xlsx file is imported: it is slow to load

    try:
        # Read-only streams the sheet instead of building every cell object; data_only gives
        # the values formulas last computed, not the formulas.
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError) as error:
        raise ImportFileError(f"{path.name} is not a readable .xlsx workbook ({error}).") from None
    try:
        if not workbook.worksheets:
            return []
        sheet = workbook.worksheets[0]  # documented: the first sheet, whichever was open last
        # Read-only mode yields an empty row for each missing one, so positions stay row numbers.
        return [[_xlsx_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()  # read-only mode keeps the file open until closed


def _xlsx_cell(value: object) -> Cell:
    if value is None or isinstance(value, str | int | float | bool | date):
        return value
    return str(value)  # times, durations and error markers: shown back to the user as text


def write_template(path: Path) -> None:
    """An empty file with the documented header row (.csv, or .xlsx for those who prefer it)."""
    names = [column.name for column in COLUMNS]
    suffix = path.suffix.lower()
    if path.exists():  # it may be someone's filled-in spreadsheet
        raise ImportFileError(f"{path} already exists: give the template a new file name.")
    if suffix == ".csv":
        # UTF-8 with a BOM, so Excel opens names in Arabic script correctly.
        with path.open("x", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerow(names)
    elif suffix == ".xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Young people")
        sheet.append(names)
        workbook.save(path)
    else:
        raise ImportFileError(f"{path.name}: the template can be a .csv or an .xlsx file.")

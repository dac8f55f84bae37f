"""The pseudonymised record-level export as an Excel workbook: the rows, and what they mean."""

from __future__ import annotations

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

if TYPE_CHECKING:
    from openpyxl import Workbook

    from desktop.services.pseudonymised_export import PseudonymisedRecords

TITLE = "Pseudonymised caseload records"
FIXED_HEADINGS = (
    "ID",
    "Age band",
    "Gender",
    "Ethnicity",
    "Postcode district",
    "Status",
    "RAG",
    "Latest referral source",
    "Referrals",
    "EET status",
)
NOTES = (
    "One row per young person. The ID is drawn at random for this export only: it is not on "
    "the record, and the same young person has another ID in every other export.",
    "Age band: age on the export date. Postcode district: the first part of the postcode of the "
    'current address; a district fewer than 5 rows share is shown as "other"; blank when '
    "not known.",
    "Latest referral source: who made the most recent referral. Referrals: how many referrals "
    "are recorded.",
    'Flag columns: "current" where a flag of that type is open, "ended" where every one has '
    "ended, blank where none was recorded.",
    "Intervention columns: how many interventions of that type are recorded (open or ended).",
    "Rows are in random order. Records restricted to named staff are left out, unless the "
    "person exporting is named on them.",
    "Keep this file on council systems only, and delete it when the analysis is done.",
)


def build_pseudonymised_workbook(records: PseudonymisedRecords) -> Workbook:
    from openpyxl.styles import Alignment, Font

    workbook = new_workbook()
    sheet = workbook.create_sheet("Records")
    mark_sheet(sheet, fit_width=False)  # dozens of columns: shrunk to one page, none reads
    write_marking_row(sheet, 1)
    write_title(sheet, 2, TITLE)
    header_row = (
        write_lines(
            sheet,
            3,
            [
                f"Exported from Casebook on {long_date(records.exported_on)}: "
                f"{len(records.rows)} rows. The notes sheet says what each column holds."
            ],
        )
        + 1
    )
    flag_headings = [f"Flag: {label}" for label in records.flag_types]
    intervention_headings = [f"Interventions: {label}" for label in records.intervention_types]
    headings = [*FIXED_HEADINGS, *flag_headings, *intervention_headings]
    write_header(sheet, header_row, headings, len(FIXED_HEADINGS) + 1, "center")
    plain = Font(name="Arial", size=10)
    # The flag and intervention columns: short values under the middle of wide headings.
    middle = Alignment(horizontal="center")
    for row_number, row in enumerate(records.rows, start=header_row + 1):
        values: list[str | int] = [
            row.export_id,
            row.age_band,
            row.gender,
            row.ethnicity,
            row.postcode_district,
            row.status,
            row.rag,
            row.latest_referral_source,
            row.referrals,
            row.eet_status,
            *row.flags,
            *row.interventions,
        ]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row_number, column=column, value=value)
            cell.font = plain
            if column > len(FIXED_HEADINGS):
                cell.alignment = middle
    last_row = header_row + len(records.rows)
    sheet.freeze_panes = f"B{header_row + 1}"
    sheet.auto_filter.ref = (
        f"A{header_row}:{sheet.cell(row=last_row, column=sheet.max_column).coordinate}"
    )
    fit_columns(sheet, header_row)
    sheet.print_title_rows = f"{header_row}:{header_row}"  # the headings on every printed page
    _write_notes(workbook, records)
    return workbook


def _write_notes(workbook: Workbook, records: PseudonymisedRecords) -> None:
    sheet = workbook.create_sheet("Notes")
    mark_sheet(sheet)
    write_marking_row(sheet, 1)
    write_title(sheet, 2, f"{TITLE}: notes")
    next_row = write_lines(sheet, 4, NOTES)
    write_marking_row(sheet, next_row + 1)
    sheet.column_dimensions["A"].width = 100

"""Reading an import sheet's rows into planned young people and referrals, noting every problem.

Nothing here touches the database: the checks that need the vault (references in use, key
workers) are the import service's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from desktop.models.choices import EetStatus, Ethnicity, Gender, LegalStatus, ReferralSource
from desktop.services.import_columns import (
    COLUMNS,
    HEADER_KEYS,
    NO,
    REFERRAL_COLUMNS,
    Cell,
    CellError,
    cell_text,
    header_key,
    read_aliases,
    read_choice,
    read_date,
    read_postcode,
    read_reference,
    read_text,
    read_yes_no,
)
from desktop.services.import_files import Sheet
from desktop.services.people_service import OLDEST, YOUNGEST, PersonDetails, age_on

T = TypeVar("T")
HEADER_ROW = 1
REQUIRED = tuple(column.name for column in COLUMNS if column.required)
CONSENT_COLUMNS = ("consent_to_engage", "consent_to_share")


@dataclass(frozen=True)
class ImportProblem:
    row: int  # as the spreadsheet shows it: the header is row 1
    column: str
    reason: str

    def __str__(self) -> str:
        where = f"row {self.row}, {self.column}" if self.column else f"row {self.row}"
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class PlannedReferral:
    received_on: date
    source: ReferralSource
    referrer: str
    reason: str
    consent_to_engage: bool
    consent_to_share: bool
    consent_given_by: str
    consent_given_on: date | None


@dataclass
class PlannedPerson:
    row: int
    reference: str  # "" when Casebook assigns one
    details: PersonDetails
    key_worker: str  # a user name, checked against the vault's accounts
    address: str
    postcode: str
    referral: PlannedReferral | None


class _Row:
    """One spreadsheet row being read: each cell's problem is noted, and reading goes on."""

    def __init__(self, number: int, cells: dict[str, Cell], problems: list[ImportProblem]) -> None:
        self.number = number
        self.cells = cells
        self.problems = problems
        self._problems_before = len(problems)

    def problem(self, column: str, reason: str) -> None:
        self.problems.append(ImportProblem(self.number, column, reason))

    def problems_here(self) -> bool:
        return len(self.problems) > self._problems_before

    def blank(self, column: str) -> bool:
        return not cell_text(self.cells.get(column))

    def read(self, column: str, reader: Callable[[Cell], T], default: T) -> T:
        try:
            return reader(self.cells.get(column))
        except CellError as error:
            self.problem(column, str(error))
            return default

    def text(self, column: str) -> str:
        return self.read(column, lambda cell: read_text(cell, column), "")


def plan_rows(sheet: Sheet, today: date) -> tuple[list[PlannedPerson], list[ImportProblem]]:
    """Reads every row (no database needed) into planned records and problems."""
    positions, problems = _match_header(sheet.header)
    unnamed = {index for index, cell in enumerate(sheet.header) if not cell_text(cell)}
    plans: list[PlannedPerson] = []
    first_row_of: dict[str, int] = {}
    for number, values in sheet.rows:
        if not any(cell_text(value) for value in values):
            continue  # blank rows (often left at the end of a sheet) are not young people
        for index, value in enumerate(values):
            outside = index >= len(sheet.header) or index in unnamed
            if outside and cell_text(value):
                problems.append(
                    ImportProblem(
                        number,
                        f"column {_column_letter(index + 1)}",
                        "has a value but no column name in row 1",
                    )
                )
        # Every named column is present, even past the end of a short CSV line, so that a
        # required column left off the end of a row is reported as empty.
        cells = {
            name: values[index] if index < len(values) else None
            for index, name in positions.items()
        }
        row = _Row(number, cells, problems)
        plan = _plan_row(row, today)
        if plan.reference:
            key = plan.reference.casefold()
            if key in first_row_of:
                row.problem("reference", f"'{plan.reference}' is also in row {first_row_of[key]}")
            else:
                first_row_of[key] = number
        plans.append(plan)
    if not plans and not problems:
        problems.append(ImportProblem(HEADER_ROW + 1, "", "the file has no young people in it"))
    return plans, problems


def _match_header(header: list[Cell]) -> tuple[dict[int, str], list[ImportProblem]]:
    """Which column position holds which documented column; unknown and missing ones named."""
    positions: dict[int, str] = {}
    problems: list[ImportProblem] = []
    for index, cell in enumerate(header):
        written = cell_text(cell)
        if not written:
            continue
        name = HEADER_KEYS.get(header_key(written))
        if name is None:
            problems.append(
                ImportProblem(
                    HEADER_ROW,
                    written,
                    "is not a column Casebook imports (docs/import-columns.md lists them)",
                )
            )
        elif name in positions.values():
            problems.append(ImportProblem(HEADER_ROW, written, f"is a second {name} column"))
        else:
            positions[index] = name
    present = set(positions.values())
    for column in COLUMNS:
        if column.required and column.name not in present:
            problems.append(
                ImportProblem(HEADER_ROW, column.name, "is missing: every file needs this column")
            )
    return positions, problems


def _plan_row(row: _Row, today: date) -> PlannedPerson:
    for name in REQUIRED:
        if name in row.cells and row.blank(name):
            row.problem(name, "is empty; every young person needs one")
    born = row.read("date_of_birth", read_date, None)
    exception = row.text("age_exception_reason")
    if born is not None:
        age = age_on(born, today)
        if born > today:
            row.problem("date_of_birth", f"{born:%d/%m/%Y} is in the future")
        elif age is not None and not YOUNGEST <= age <= OLDEST and not exception:
            row.problem(
                "date_of_birth",
                f"they are {age}: the unit works with {YOUNGEST} to {OLDEST} year olds; give the "
                "confirmed reason in age_exception_reason, or correct the date",
            )
    details = PersonDetails(
        given_name=row.text("given_name"),
        family_name=row.text("family_name"),
        known_as=row.text("known_as"),
        date_of_birth=born,
        aliases=row.read("aliases", read_aliases, []),
        age_exception_reason=exception,
        gender=row.read("gender", lambda c: read_choice(c, Gender), None) or Gender.NOT_KNOWN,
        ethnicity=row.read("ethnicity", lambda c: read_choice(c, Ethnicity), None)
        or Ethnicity.NOT_KNOWN,
        first_language=row.text("first_language"),
        interpreter_needed=row.read("interpreter_needed", read_yes_no, False),
        eet_status=row.read("eet_status", lambda c: read_choice(c, EetStatus), None)
        or EetStatus.NOT_KNOWN,
        school_or_college=row.text("school_or_college"),
        legal_status=row.read("legal_status", lambda c: read_choice(c, LegalStatus), None)
        or LegalStatus.NONE,
        send_needs=row.text("send_needs"),
        summary=row.text("summary"),
    )
    if not row.problems_here() and all(name in row.cells for name in REQUIRED):
        # The form's own rules, should they ever ask more than the checks above.
        for reason in details.problems(today):
            row.problem("young person", reason)
    address = row.text("address")
    postcode = row.read("postcode", read_postcode, "")
    if postcode and not address:
        row.problem("postcode", "has no address with it: give the address too")
    return PlannedPerson(
        row=row.number,
        reference=row.read("reference", read_reference, ""),
        details=details,
        key_worker=row.text("key_worker"),
        address=address,
        postcode=postcode,
        referral=_plan_referral(row, born, today),
    )


def _plan_referral(row: _Row, born: date | None, today: date) -> PlannedReferral | None:
    """The optional first referral: present when any referral column has a value.

    Its rules are the referral form's: a date, a source and a reason, and when consent was
    given, who gave it and when.
    """
    if not any(_filled_in(row, name) for name in REFERRAL_COLUMNS):
        return None
    received = row.read("referral_date", read_date, None)
    source = row.read("referral_source", lambda c: read_choice(c, ReferralSource), None)
    reason = row.text("referral_reason")
    # Every cell is read before giving up on the referral, so each of its problems is reported.
    referrer = row.text("referrer")
    consent_to_engage = row.read("consent_to_engage", read_yes_no, False)
    consent_to_share = row.read("consent_to_share", read_yes_no, False)
    consent_given_by = row.text("consent_given_by")
    consent_given_on = row.read("consent_given_on", read_date, None)
    needed = ["referral_date", "referral_source", "referral_reason"]
    if consent_to_engage or consent_to_share:
        needed += ["consent_given_by", "consent_given_on"]
    for name in needed:
        if row.blank(name):
            row.problem(name, _NEEDED_BECAUSE[name])
    for name, day in (("referral_date", received), ("consent_given_on", consent_given_on)):
        if day is not None and day > today:
            row.problem(name, f"{day:%d/%m/%Y} is in the future")
        elif day is not None and born is not None and day < born:
            row.problem(name, "is before the date of birth")
    if received is None or source is None:
        return None
    return PlannedReferral(
        received,
        source,
        referrer,
        reason,
        consent_to_engage,
        consent_to_share,
        consent_given_by,
        consent_given_on,
    )


_NEEDED_BECAUSE = {
    "referral_date": "is needed, as other referral columns are filled in",
    "referral_source": "is needed, as other referral columns are filled in",
    "referral_reason": "is needed, as other referral columns are filled in",
    "consent_given_by": "is needed: consent was given, so say who gave it",
    "consent_given_on": "is needed: consent was given, so give the date",
}


def _filled_in(row: _Row, column: str) -> bool:
    """Whether a referral column says anything: a consent of "no" is what a blank means."""
    if column in CONSENT_COLUMNS:
        return cell_text(row.cells.get(column)).casefold() not in NO
    return not row.blank(column)


def _column_letter(number: int) -> str:
    """A spreadsheet's name for the column: 1 is A, 27 is AA."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


COLUMN_ORDER = {column.name: index for index, column in enumerate(COLUMNS)}


def problem_order(problem: ImportProblem) -> tuple[int, int, str]:
    return (problem.row, COLUMN_ORDER.get(problem.column, len(COLUMN_ORDER)), problem.column)

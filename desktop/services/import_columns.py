"""The import file's documented columns, and how one cell's value is read into Casebook's terms.

Every reader here raises CellError with a plain-English reason meant for the person fixing the
spreadsheet; the import service adds the row number and the column name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from desktop.models.choices import Choice, EetStatus, Ethnicity, Gender, LegalStatus, ReferralSource

C = TypeVar("C", bound=Choice)

# What a cell can hold: text from a CSV file, or what openpyxl gives for an xlsx cell.
Cell = str | int | float | bool | date | None


class CellError(ValueError):
    """A cell's value cannot be used; the message says why, in words a person can act on."""


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    accepts: str  # what may be written in it, for the documentation
    referral: bool = False  # part of the optional first referral


COLUMNS: tuple[Column, ...] = (
    Column("reference", False, "The council's existing case reference (up to 16 characters)"),
    Column("given_name", True, "Text"),
    Column("family_name", True, "Text"),
    Column("known_as", False, "Text"),
    Column("aliases", False, "Street names and spellings, separated by ;"),
    Column("date_of_birth", True, "YYYY-MM-DD or DD/MM/YYYY"),
    Column("age_exception_reason", False, "Text; needed when the age is outside 10-25"),
    Column("gender", False, "A code or label from the gender list"),
    Column("ethnicity", False, "An ONS 2021 code or label"),
    Column("first_language", False, "Text"),
    Column("interpreter_needed", False, "yes or no"),
    Column("eet_status", False, "A code or label from the EET list"),
    Column("school_or_college", False, "Text"),
    Column("legal_status", False, "A code or label from the legal status list"),
    Column("send_needs", False, "Text"),
    Column("key_worker", False, "A Casebook user name"),
    Column("address", False, "Text (the current address)"),
    Column("postcode", False, "A UK postcode; needs an address"),
    Column("referral_date", False, "YYYY-MM-DD or DD/MM/YYYY", referral=True),
    Column("referral_source", False, "A code or label from the referral source list", True),
    Column("referrer", False, "Text", referral=True),
    Column("referral_reason", False, "Text", referral=True),
    Column("consent_to_engage", False, "yes or no", referral=True),
    Column("consent_to_share", False, "yes or no", referral=True),
    Column("consent_given_by", False, "Text", referral=True),
    Column("consent_given_on", False, "YYYY-MM-DD or DD/MM/YYYY", referral=True),
    Column("summary", False, "Text"),
)
BY_NAME = {column.name: column for column in COLUMNS}
REFERRAL_COLUMNS = tuple(column.name for column in COLUMNS if column.referral)

# Longest text each column's database field holds (the rest are unlimited).
MAX_LENGTHS = {
    "reference": 16,
    "given_name": 200,
    "family_name": 200,
    "known_as": 200,
    "aliases": 200,  # each alias
    "first_language": 80,
    "school_or_college": 200,
    "referrer": 200,
    "consent_given_by": 200,
}

YES = frozenset({"yes", "y", "true", "1"})
NO = frozenset({"no", "n", "false", "0", ""})

ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?")
UK_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})")
# The Royal Mail's pattern for a postcode, once spaces are removed and letters upper-cased.
POSTCODE = re.compile(r"(GIR0AA|[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2})")
CASEBOOK_REFERENCE = re.compile(r"IGX-\d{6}")


def header_key(text: str) -> str:
    """Header matching ignores case, spaces, underscores and hyphens ("Date of birth")."""
    return "".join(ch for ch in text.casefold() if ch not in " _-\t\ufeff")


HEADER_KEYS = {header_key(column.name): column.name for column in COLUMNS}


def cell_text(cell: Cell) -> str:
    """Any cell as trimmed text: xlsx numbers lose a trailing .0, booleans read as yes/no."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "yes" if cell else "no"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == datetime.min.time() else cell.isoformat()
    return str(cell).strip()


def read_text(cell: Cell, column: str) -> str:
    value = cell_text(cell)
    limit = MAX_LENGTHS.get(column)
    if limit is not None and len(value) > limit:
        raise CellError(f"is {len(value)} characters long; at most {limit} fit")
    return value


def read_date(cell: Cell) -> date | None:
    """A date cell from xlsx, or text as YYYY-MM-DD or DD/MM/YYYY (day first, as in the UK)."""
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        # A spreadsheet date stored as a plain number loses its meaning; do not guess.
        raise CellError(f"'{cell_text(cell)}' is a number, not a date: format the cell as a date")
    text = cell_text(cell)
    if not text:
        return None
    if match := ISO_DATE.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := UK_DATE.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
        if len(match.group(3)) == 2:
            raise CellError(f"'{text}' has a two-digit year: write it as DD/MM/YYYY")
    else:
        raise CellError(f"'{text}' is not a date Casebook reads: write YYYY-MM-DD or DD/MM/YYYY")
    try:
        return date(year, month, day)
    except ValueError:
        raise CellError(f"'{text}' is not a real date (dates are read day first)") from None


def read_yes_no(cell: Cell) -> bool:
    text = cell_text(cell).casefold()
    if text in YES:
        return True
    if text in NO:
        return False
    raise CellError(f"'{cell_text(cell)}' is not yes or no")


def choice_key(text: str) -> str:
    """Codes and labels compared on letters and digits only ("Non-binary", "non_binary")."""
    kept = "".join(
        ch if ch.isalnum() else " "
        for ch in text.casefold()
        if ch not in "'\u2019"  # "Children's" and "Childrens" alike
    )
    return " ".join(kept.split())


def _lookup(kind: type[Choice]) -> dict[str, str]:
    """Each way of writing a member (code or label) to its code."""
    table: dict[str, str] = {}
    for member in kind:
        for spelling in (member.value, member.label):
            key = choice_key(spelling)
            # Two members read the same way would make a file ambiguous; fail loudly in tests.
            assert table.get(key, member.value) == member.value, (kind, spelling)
            table[key] = member.value
    return table


# The lists a column takes its values from, in the order the documentation shows them.
CHOICES: dict[str, type[Choice]] = {
    "gender": Gender,
    "ethnicity": Ethnicity,
    "eet_status": EetStatus,
    "legal_status": LegalStatus,
    "referral_source": ReferralSource,
}
LOOKUPS = {kind: _lookup(kind) for kind in CHOICES.values()}


def read_choice(cell: Cell, kind: type[C]) -> C | None:
    """A list value written as its code or its label, in any case; None when blank."""
    text = cell_text(cell)
    if not text:
        return None
    code = LOOKUPS[kind].get(choice_key(text))
    if code is not None:
        return kind(code)
    if len(kind) <= 10:
        advice = "write one of: " + ", ".join(member.value for member in kind)
    else:  # the ethnicity list is too long to repeat on every row
        advice = "see docs/import-columns.md for the codes and labels"
    raise CellError(f"'{text}' is not in the list: {advice}")


def read_postcode(cell: Cell) -> str:
    """Upper case with one space before the last three characters (SW1A 1AA)."""
    compact = "".join(cell_text(cell).split()).upper()
    if not compact:
        return ""
    if not POSTCODE.fullmatch(compact):
        raise CellError(f"'{cell_text(cell)}' is not a UK postcode")
    return f"{compact[:-3]} {compact[-3:]}"


def read_reference(cell: Cell) -> str:
    """A kept case reference; Casebook's own IGX- form must be exact, as new ones follow it."""
    text = read_text(cell, "reference")
    if not text.isprintable():
        raise CellError("holds a line break or another character that cannot be shown")
    if text.upper().startswith("IGX-"):
        text = text.upper()
        if not CASEBOOK_REFERENCE.fullmatch(text):
            raise CellError(
                f"'{text}' starts like a Casebook reference but is not IGX- and six digits"
            )
    return text


def read_aliases(cell: Cell) -> list[str]:
    aliases: list[str] = []
    for part in cell_text(cell).split(";"):
        alias = part.strip()
        if len(alias) > MAX_LENGTHS["aliases"]:
            raise CellError(f"an alias is {len(alias)} characters long; at most 200 fit")
        if alias and alias not in aliases:
            aliases.append(alias)
    return aliases

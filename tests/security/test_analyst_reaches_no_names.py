"""The analyst sees figures, never names: every service method the analyst can call with ids
of real records, or with no arguments, is refused or returns (and writes) nothing that names a
young person or family member or gives a date of birth.

The sweep is automatic: a service method added later is swept too, as long as its arguments
are ids, a period, paging, a search or a destination (methods that need details typed by a
person cannot be called without them, and change records rather than read them)."""

from __future__ import annotations

import calendar
import dataclasses
import inspect
import re
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from itertools import product
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from desktop.models import choices
from desktop.models.accounts import Role
from desktop.models.risk import STANDARD_FLAGS
from desktop.services.analysis_tables import AnalysisPeriod
from desktop.services.audit_service import AuditFilter
from desktop.services.bundle import Services
from desktop.vault.layout import VaultLayout
from tests.conftest import FakeClock, FastKdfPolicy
from tests.demo_sessions import demo_services

# Methods left out of the sweep, and why.
NOT_SWEPT = {
    "accounts.rekey",  # changes the vault key: not a read, and covered by its own tests
    "backup.run_backup",  # the analyst may not back up (its own tests); slow here
    "population.clear",  # empties the analyst's own table: nothing to read
}
IDS = (1, 2, 3)
WIDE = AnalysisPeriod(date(2000, 1, 1), date(2100, 12, 31))


@pytest.fixture
def analyst(demo_vault: VaultLayout, kdf: FastKdfPolicy, clock: FakeClock) -> Iterator[Services]:
    yield from demo_services(demo_vault, kdf, clock, Role.ANALYST)


def _personal_words(services: Services) -> tuple[re.Pattern[str], list[str]]:
    """A pattern matching any young person's or contact's name, alias or date of birth (in
    the forms a document or screen would show it), and the dates' forms for the report."""
    with services.signed_in.vault.sessions.begin() as session:
        people = session.execute(
            text("SELECT given_name, family_name, known_as, date_of_birth FROM young_people")
        ).all()
        aliases = session.execute(text("SELECT alias FROM aliases")).scalars().all()
        contacts = session.execute(text("SELECT name FROM contacts")).scalars().all()
    words: set[str] = {alias for alias in aliases}
    dates: list[str] = []
    for given, family, known_as, born in people:
        words |= {given, family, known_as}
        if born:
            day = date.fromisoformat(str(born))
            dates += [day.isoformat(), day.strftime("%d/%m/%Y"), f"{day.day} {day:%B %Y}"]
    for name in contacts:
        words |= set(name.split())
    words -= _vocabulary()
    # Names of two letters or fewer would match inside ordinary words and codes.
    names = sorted((w for w in words if w and len(w) > 2), key=len, reverse=True)
    pattern = "|".join([*(rf"\b{re.escape(n)}\b" for n in names), *map(re.escape, dates)])
    return re.compile(pattern), dates


def _vocabulary() -> set[str]:
    """The application's own words, which some names share ("Amber", "May", "Rose"): a figure
    labelled "Amber" is a RAG rating, not a person."""
    labels = [
        member.label for kind in vars(choices).values() if _is_choice(kind) for member in kind
    ]
    labels += [label for _code, label, _prompt in STANDARD_FLAGS]
    labels += [calendar.month_name[number] for number in range(1, 13)]
    return {word for label in labels for word in re.findall(r"\w+", label)}


def _is_choice(kind: object) -> bool:
    return inspect.isclass(kind) and issubclass(kind, choices.Choice) and kind is not choices.Choice


def _argument(name: str, folder: Path, index: int, known: list[str]) -> list[Any] | None:
    """Values to try for a parameter, or None when the sweep cannot fill it."""
    if name == "person_id" or name == "young_person_id" or name.endswith("_id"):
        return list(range(1, 45)) if "person" in name else list(IDS)
    simple: dict[str, Any] = {
        "period": WIDE,
        "offset": 0,
        "limit": 500,
        "start": WIDE.start,
        "end": WIDE.end,
        "from_on": WIDE.start,
        "to_on": WIDE.end,
        "audit_filter": AuditFilter(),
        "person_ids": list(range(1, 45)),
    }
    if name in simple:
        return [simple[name]]
    if name in ("query", "search"):
        return known  # a search by a name the vault holds
    if name in ("destination", "path"):
        return [folder / f"sweep-{index}.docx"]
    return None


def _methods(services: Services) -> Iterator[tuple[str, Callable[..., Any], list[str]]]:
    for field in dataclasses.fields(services):
        service = getattr(services, field.name)
        if field.name in ("signed_in", "clock") or not hasattr(service, "__dict__"):
            continue
        for name, method in inspect.getmembers(service, inspect.ismethod):
            if name.startswith("_") or f"{field.name}.{name}" in NOT_SWEPT:
                continue
            required = [
                parameter.name
                for parameter in inspect.signature(method).parameters.values()
                # A search is tried too where it is optional: it is how a name would be found.
                if (parameter.default is parameter.empty or parameter.name in ("query", "search"))
                and parameter.kind is not parameter.VAR_POSITIONAL
                and parameter.kind is not parameter.VAR_KEYWORD
            ]
            yield f"{field.name}.{name}", method, required


def _texts_in(folder: Path) -> Iterator[tuple[str, str]]:
    for path in folder.iterdir():
        data = path.read_bytes()
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                for part in archive.namelist():
                    yield f"{path.name}:{part}", archive.read(part).decode("utf-8", "replace")
        else:
            yield path.name, data.decode("utf-8", "replace")


def _sweep(
    services: Services, folder: Path, only: frozenset[str] | None = None
) -> tuple[list[str], list[str]]:
    """Calls every method it can fill (or only those named); returns (swept, leaks)."""
    personal, dates = _personal_words(services)
    assert dates, "the demo vault has dates of birth to look for"
    with services.signed_in.vault.sessions.begin() as session:
        given, family = session.execute(
            text("SELECT given_name, family_name FROM young_people ORDER BY id LIMIT 1")
        ).one_or_none() or ("", "")
    known = [given, family]
    folder.mkdir()
    swept: list[str] = []
    leaks: list[str] = []
    for index, (name, method, required) in enumerate(_methods(services)):
        choices = [_argument(parameter, folder, index, known) for parameter in required]
        if any(values is None for values in choices) or (only is not None and name not in only):
            continue
        swept.append(name)
        for arguments in product(*[values for values in choices if values is not None]):
            try:
                result: object = method(**dict(zip(required, arguments, strict=True)))
            except Exception as refused:  # noqa: BLE001 (any refusal will do; its words are checked)
                result = str(refused)
            found = personal.search(repr(result))
            if found:
                leaks.append(f"{name}{arguments}: {found.group(0)!r}")
                break
    for part, content in _texts_in(folder):
        found = personal.search(content)
        if found:
            leaks.append(f"written file {part}: {found.group(0)!r}")
    return swept, leaks


def test_no_service_gives_the_analyst_a_name_or_date_of_birth(
    analyst: Services, tmp_path: Path
) -> None:
    swept, leaks = _sweep(analyst, tmp_path / "written")
    assert not leaks, "\n".join(leaks)
    # The sweep reached the record readers, the figures and the exports, not just a few.
    for expected in (
        "people.page",
        "people.open_record",
        "chronology.entries",
        "therapy.case",
        "therapy_notes.notes",
        "coaching.plan",
        "network.contacts",
        "subject_access.find_subjects",
        "disproportionality.compare",
        "analysis_outcomes.outcomes",
        "analysis_dashboard.figures",
        "pseudonymised_export.export",
    ):
        assert expected in swept, f"{expected} was not swept ({len(swept)} were)"


def test_the_same_sweep_finds_names_for_the_coordinator(
    demo_vault: VaultLayout, kdf: FastKdfPolicy, clock: FakeClock, tmp_path: Path
) -> None:
    """The control: the coordinator may read records, and the sweep sees the names in them."""
    readers = frozenset({"people.page", "people.open_record", "network.contacts"})
    for coordinator in demo_services(demo_vault, kdf, clock, Role.COORDINATOR):
        _swept, leaks = _sweep(coordinator, tmp_path / "written", readers)
        assert {leak.split("(")[0] for leak in leaks} == readers

"""The borough's youth population table: read, set or save figures, import a CSV, clear."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Role
from desktop.models.choices import Ethnicity, Gender
from desktop.models.population import PopulationFigure
from desktop.services import actions, audit_chain
from desktop.services.age_bands import AGE_BANDS, band_of
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import PermissionDeniedError

# The analyst works with figures; the coordinator sees everything.
MAY_ANALYSE = frozenset({Role.ANALYST, Role.COORDINATOR})

ETHNICITY, GENDER, AGE_BAND = "ethnicity", "gender", "age_band"
DIMENSION_LABELS = {ETHNICITY: "Ethnicity", GENDER: "Gender", AGE_BAND: "Age band"}
# "Not known" and "not stated" describe our recording, not the borough: they have no population.
NOT_COUNTED = frozenset({Ethnicity.NOT_KNOWN.value, Ethnicity.NOT_STATED.value})
GROUPS: dict[str, dict[str, str]] = {
    ETHNICITY: {e.value: e.label for e in Ethnicity if e.value not in NOT_COUNTED},
    GENDER: {g.value: g.label for g in Gender if g.value not in NOT_COUNTED},
    AGE_BAND: {f"{low}_{high}": f"{low} to {high}" for low, high in AGE_BANDS},
}
CSV_COLUMNS = ("category", "group", "population")
MAX_POPULATION = 10_000_000
MAX_SOURCE = 200


def age_band_code(age: int | None) -> str | None:
    """The band an age falls in, or None when unknown or outside 10-25."""
    band = band_of(age)
    return None if band is None else f"{band[0]}_{band[1]}"


class PopulationInputError(ValueError):
    """A population figure or file that cannot be used; the message says what and where."""


@dataclass(frozen=True)
class PopulationRow:
    dimension: str
    group: str
    label: str
    population: int
    source: str
    updated_at: datetime


def _dimension(text: str) -> str | None:
    """A category by its code or its label, any case ("Age band", "age_band")."""
    wanted = text.strip().lower().replace(" ", "_")
    return next((code for code in DIMENSION_LABELS if code == wanted), None)


def _group(dimension: str, text: str) -> str | None:
    """A group by its code or its label, any case ("black_african", "Black African")."""
    wanted = text.strip().lower()
    for code, label in GROUPS[dimension].items():
        if wanted in (code, label.lower(), code.replace("_", " ")):
            return code
    return None


def _population(text: str) -> int | None:
    """A whole number, with thousands separated by commas or not; None when not one."""
    cleaned = text.strip().replace(",", "")
    if not cleaned.isdigit():
        return None
    return int(cleaned)


def parse_csv(content: str) -> dict[tuple[str, str], int]:
    """The figures in a population CSV (see docs/population-table.md), or every problem found."""
    reader = csv.reader(io.StringIO(content.lstrip("\ufeff")))
    rows = list(reader)
    if not rows:
        raise PopulationInputError("The file is empty: it needs a heading row and figures.")
    heading = tuple(cell.strip().lower() for cell in rows[0])
    if heading[:3] != CSV_COLUMNS:
        raise PopulationInputError(
            "The first row must be the headings category, group, population (in that order)."
        )
    figures: dict[tuple[str, str], int] = {}
    problems: list[str] = []
    for line, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        cells = [*cells, "", "", ""][:3]
        dimension = _dimension(cells[0])
        if dimension is None:
            problems.append(
                f"Line {line}: the category must be ethnicity, gender or age band, "
                f"not {cells[0].strip()!r}."
            )
            continue
        group = _group(dimension, cells[1])
        if group is None:
            problems.append(
                f"Line {line}: {cells[1].strip()!r} is not one of the "
                f"{DIMENSION_LABELS[dimension].lower()} groups "
                "(docs/population-table.md lists them)."
            )
            continue
        if not cells[2].strip():
            continue  # a group left blank (as in the template) has no figure
        population = _population(cells[2])
        if population is None or population > MAX_POPULATION:
            problems.append(f"Line {line}: the population must be a whole number of 0 or more.")
            continue
        if (dimension, group) in figures:
            problems.append(f"Line {line}: {GROUPS[dimension][group]} is given twice.")
            continue
        figures[(dimension, group)] = population
    if problems:
        shown = problems[:5]
        more = len(problems) - len(shown)
        tail = f" (and {more} more problems)" if more else ""
        raise PopulationInputError("Nothing was imported. " + " ".join(shown) + tail)
    if not figures:
        raise PopulationInputError("The file has headings but no figures.")
    return figures


@dataclass(frozen=True)
class FigureChange:
    """One group's new population (None removes its figure) and where it came from."""

    dimension: str
    group: str
    population: int | None
    source: str = ""


class PopulationService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def _require(self, what: str) -> None:
        if self._user.role not in MAY_ANALYSE:
            raise PermissionDeniedError(what)

    def figures(self) -> list[PopulationRow]:
        """Every figure, by category then in each category's list order."""
        self._require("see the population table")
        with self._sessions.begin() as session:
            stored = session.scalars(select(PopulationFigure)).all()
            rows = [
                PopulationRow(
                    f.dimension,
                    f.group_code,
                    GROUPS.get(f.dimension, {}).get(f.group_code, f.group_code),
                    f.population,
                    f.source,
                    f.updated_at,
                )
                for f in stored
            ]
        order = {(d, g): i for i, (d, g) in enumerate(_all_groups())}
        return sorted(rows, key=lambda row: order.get((row.dimension, row.group), len(order)))

    def set_figure(self, dimension: str, group: str, population: int, source: str = "") -> None:
        """Sets (or replaces) one group's population."""
        self._require("change the population table")
        if dimension not in GROUPS:
            raise PopulationInputError("The category must be ethnicity, gender or age band.")
        if group not in GROUPS[dimension]:
            raise PopulationInputError(
                f"That is not one of the {DIMENSION_LABELS[dimension].lower()} groups."
            )
        if not 0 <= population <= MAX_POPULATION:
            raise PopulationInputError("The population must be a whole number of 0 or more.")
        with self._sessions.begin() as session:
            self._store(session, {(dimension, group): population}, _checked_source(source))
            self._audit(session, dimension, [group])

    def save_figures(self, changes: Sequence[FigureChange]) -> int:
        """Saves figures edited together in one go (all or nothing): each sets, replaces or,
        with no population, removes one group's figure. Returns how many were saved."""
        self._require("change the population table")
        checked: dict[tuple[str, str], tuple[int | None, str]] = {}
        for change in changes:
            groups = GROUPS.get(change.dimension)
            if groups is None or change.group not in groups:
                raise PopulationInputError("That is not one of the population table's groups.")
            if change.population is not None and not 0 <= change.population <= MAX_POPULATION:
                raise PopulationInputError(
                    f"The population of {groups[change.group]} must be a whole number "
                    f"from 0 to {MAX_POPULATION:,}."
                )
            checked[(change.dimension, change.group)] = (
                change.population,
                _checked_source(change.source),
            )
        if not checked:
            return 0
        with self._sessions.begin() as session:
            for (dimension, group), (population, source) in checked.items():
                if population is None:
                    session.execute(
                        delete(PopulationFigure).where(
                            PopulationFigure.dimension == dimension,
                            PopulationFigure.group_code == group,
                        )
                    )
                else:
                    self._store(session, {(dimension, group): population}, source)
            for dimension in sorted({dimension for dimension, _group in checked}):
                self._audit(session, dimension, [g for d, g in checked if d == dimension])
        return len(checked)

    def import_csv(self, content: str, source: str) -> int:
        """Imports a CSV's figures (all or nothing); each category in the file replaces that
        category's figures, and categories not in the file are kept. Returns how many."""
        self._require("change the population table")
        checked = _checked_source(source)
        figures = parse_csv(content)
        dimensions = sorted({dimension for dimension, _group in figures})
        with self._sessions.begin() as session:
            session.execute(
                delete(PopulationFigure).where(PopulationFigure.dimension.in_(dimensions))
            )
            self._store(session, figures, checked)
            self._audit(session, "import", dimensions)
        return len(figures)

    def clear(self, dimension: str | None = None) -> int:
        """Removes one category's figures, or every figure; returns how many were removed."""
        self._require("change the population table")
        if dimension is not None and dimension not in GROUPS:
            raise PopulationInputError("The category must be ethnicity, gender or age band.")
        statement = delete(PopulationFigure)
        if dimension is not None:
            statement = statement.where(PopulationFigure.dimension == dimension)
        with self._sessions.begin() as session:
            removed = session.execute(statement).rowcount  # type: ignore[attr-defined]
            self._audit(session, dimension or "all", ["cleared"])
        return int(removed)

    def _store(self, session: Session, figures: dict[tuple[str, str], int], source: str) -> None:
        now = self._clock.now()
        existing = {
            (f.dimension, f.group_code): f for f in session.scalars(select(PopulationFigure))
        }
        for (dimension, group), population in figures.items():
            figure = existing.get((dimension, group))
            if figure is None:
                figure = PopulationFigure(dimension=dimension, group_code=group)
                session.add(figure)
            figure.population = population
            figure.source = source
            figure.updated_by_id = self._user.account_id
            figure.updated_at = now
        session.flush()

    def _audit(self, session: Session, entity: str, fields: Iterable[str]) -> None:
        # Categories and group codes only: the table holds no personal data.
        audit_chain.append(
            session,
            self._clock.now(),
            self._user.username,
            actions.POPULATION_CHANGED,
            "population",
            entity,
            list(fields),
        )


def _checked_source(source: str) -> str:
    cleaned = " ".join(source.split())
    if len(cleaned) > MAX_SOURCE:
        raise PopulationInputError(f"The source must be at most {MAX_SOURCE} characters.")
    return cleaned


def _all_groups() -> list[tuple[str, str]]:
    return [(dimension, group) for dimension, groups in GROUPS.items() for group in groups]

"""The make-up of the young people referred in a period beside the borough's youth population.

Who is counted: every young person with at least one referral received in the period (whatever
was decided about it), once each. Ethnicity and gender are as recorded on the young person now;
the age band is their age on the day of their first referral in the period.
Shares: a group's caseload share is its count over the people whose category is known (so "not
known", "not stated", no date of birth or an age outside 10-25 are left out of the shares and
shown as counts only); its population share is its population over the category's population
total. The ratio is caseload share / population share: above 1 the group is over-represented
among referrals, below 1 under-represented. No ratio when the group has no population figure
or a population of 0, and none (nor a share) for a group of 1 to 4 people: too few to compare.
Too few to compare, too: every group of a category whose shares hold fewer than 5 people, and a
group with no one referred whose expected number (the people in the shares times its population
share) is under 5 - none referred where one or two were expected is chance, not a finding.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.choices import Ethnicity, Gender
from desktop.models.people import YoungPerson
from desktop.models.population import PopulationFigure
from desktop.models.referrals import Referral
from desktop.services import actions, audit_chain
from desktop.services.analysis_tables import (
    SMALL_NUMBER,
    AnalysisPeriod,
    FigureRow,
    FigureTable,
    shown,
)
from desktop.services.current_user import CurrentUser
from desktop.services.people_service import age_on
from desktop.services.permissions import PermissionDeniedError
from desktop.services.population_service import (
    AGE_BAND,
    DIMENSION_LABELS,
    ETHNICITY,
    GENDER,
    GROUPS,
    MAY_ANALYSE,
    age_band_code,
)

TOO_FEW = "too few to compare"
NO_POPULATION = "no population figure"
UNKNOWN_AGE = "not_known_age"
OUTSIDE_AGE = "outside_10_25"
# Rows shown after a category's groups: counted, but not in the shares.
EXTRA_LABELS = {
    ETHNICITY: {Ethnicity.NOT_KNOWN.value: "Not known", Ethnicity.NOT_STATED.value: "Not stated"},
    GENDER: {Gender.NOT_KNOWN.value: "Not known"},
    AGE_BAND: {UNKNOWN_AGE: "Date of birth not known", OUTSIDE_AGE: "Outside 10 to 25"},
}

HOW_TO_READ = (
    "How to read this: each group's share of the young people referred in the period is set "
    "beside its share of the borough's young people. A ratio of 1 means the group is referred in "
    "proportion to its population; 2 means twice its share; 0.5 half. "
    "Limits: with small numbers a ratio moves a long way on one or two referrals, so groups of "
    "fewer than 5 are not compared and ratios from groups under about 20 are fragile. "
    "The caseload records ethnicity and gender as the young person or referrer gave them, the "
    "census as people described themselves, so the categories may not match exactly. People whose "
    "category is not known or not stated are left out of the shares: if many are, every ratio is "
    "uncertain. Some young people referred live outside the borough, and the population is of "
    "residents, so the two are not quite the same people. A ratio shows a difference to look "
    "into, not its cause. Where only one group in a category is hidden, take care that it cannot "
    "be worked out from the total."
)


class DisproportionalityInputError(ValueError):
    """A request that cannot be answered as asked; the message says why."""


@dataclass(frozen=True)
class GroupComparison:
    group: str
    label: str
    caseload_count: int
    # None where the group is too small to show a share, or is not one that shares count.
    caseload_share: float | None
    population: int | None
    population_share: float | None
    ratio: float | None
    in_shares: bool
    # Too few people (or too few expected) for the ratio to mean anything: no ratio is given.
    too_few: bool = False

    @property
    def shown_count(self) -> str:
        return shown(self.caseload_count)

    @property
    def shown_caseload_share(self) -> str:
        return "" if self.caseload_share is None else f"{self.caseload_share:.0%}"

    @property
    def shown_population_share(self) -> str:
        return "" if self.population_share is None else f"{self.population_share:.0%}"

    @property
    def shown_ratio(self) -> str:
        """The ratio as the analyst may see it, or why there is none."""
        if not self.in_shares:
            return ""
        if self.too_few:
            return TOO_FEW
        if self.ratio is None:
            return NO_POPULATION
        return f"{self.ratio:.2f}"


@dataclass(frozen=True)
class DimensionComparison:
    dimension: str
    title: str
    groups: tuple[GroupComparison, ...]
    known_total: int  # people in the shares
    population_total: int

    def group(self, code: str) -> GroupComparison:
        return next(row for row in self.groups if row.group == code)

    def as_table(self) -> FigureTable:
        """The counts as a figure (shares and ratios are not counts: views show them beside)."""
        rows = tuple(FigureRow(row.label, (row.caseload_count,)) for row in self.groups)
        return FigureTable(
            f"referrals_by_{self.dimension}_beside_population",
            f"Young people referred, by {self.title.lower()}",
            self.title,
            ("Young people",),
            rows,
            HOW_TO_READ,
        )


@dataclass(frozen=True)
class Disproportionality:
    period: AnalysisPeriod
    people: int
    dimensions: tuple[DimensionComparison, ...]
    # Where the population figures came from, as the analyst recorded it (no personal data).
    population_sources: tuple[str, ...] = ()
    note: str = HOW_TO_READ

    def dimension(self, code: str) -> DimensionComparison:
        return next(item for item in self.dimensions if item.dimension == code)


class DisproportionalityService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def compare(self, period: AnalysisPeriod) -> Disproportionality:
        """The people referred in the period beside the population (see the module's notes)."""
        if self._user.role not in MAY_ANALYSE:
            raise PermissionDeniedError("see disproportionality figures")
        first_referral = (
            select(
                Referral.young_person_id,
                func.min(Referral.received_on).label("first_on"),
            )
            .where(Referral.received_on.between(period.start, period.end))
            .group_by(Referral.young_person_id)
            .subquery()
        )
        people = select(
            YoungPerson.ethnicity,
            YoungPerson.gender,
            YoungPerson.date_of_birth,
            first_referral.c.first_on,
        ).join(first_referral, first_referral.c.young_person_id == YoungPerson.id)
        with self._sessions.begin() as session:
            counts: dict[str, Counter[str]] = {d: Counter() for d in GROUPS}
            total = 0
            for ethnicity, gender, born, first_on in session.execute(people):
                total += 1
                counts[ETHNICITY][ethnicity.value] += 1
                counts[GENDER][gender.value] += 1
                counts[AGE_BAND][_age_group(born, first_on)] += 1
            populations: dict[str, dict[str, int]] = {d: {} for d in GROUPS}
            sources: set[str] = set()
            for figure in session.scalars(select(PopulationFigure)):
                if figure.dimension in populations:
                    populations[figure.dimension][figure.group_code] = figure.population
                    if figure.source:
                        sources.add(figure.source)
            audit_chain.append(
                session,
                self._clock.now(),
                self._user.username,
                actions.DISPROPORTIONALITY_VIEWED,
                "disproportionality",
                f"{period.start.isoformat()}/{period.end.isoformat()}",
                ["referrals", "population"],
            )
        return Disproportionality(
            period,
            total,
            tuple(_compare(d, counts[d], populations[d]) for d in GROUPS),
            tuple(sorted(sources)),
        )


def _age_group(born: date | None, on: date) -> str:
    age = age_on(born, on)
    if age is None:
        return UNKNOWN_AGE
    return age_band_code(age) or OUTSIDE_AGE


def _compare(
    dimension: str, counts: Counter[str], populations: dict[str, int]
) -> DimensionComparison:
    groups = GROUPS[dimension]
    known_total = sum(counts[code] for code in groups)
    population_total = sum(populations.get(code, 0) for code in groups)
    rows: list[GroupComparison] = []
    for code, label in groups.items():
        count = counts[code]
        small = 0 < count < SMALL_NUMBER
        share = None if small or known_total == 0 else count / known_total
        population = populations.get(code)
        population_share = (
            population / population_total if population is not None and population_total else None
        )
        expected = known_total * population_share if population_share is not None else None
        too_few = (
            small
            or known_total < SMALL_NUMBER
            or (count == 0 and expected is not None and expected < SMALL_NUMBER)
        )
        ratio = (
            share / population_share
            if share is not None and population_share and not too_few  # None or 0: no ratio
            else None
        )
        rows.append(
            GroupComparison(
                code, label, count, share, population, population_share, ratio, True, too_few
            )
        )
    for code, label in EXTRA_LABELS[dimension].items():
        rows.append(GroupComparison(code, label, counts[code], None, None, None, None, False))
    return DimensionComparison(
        dimension, DIMENSION_LABELS[dimension], tuple(rows), known_total, population_total
    )

"""The population table (import, edit, validation, permissions, audit) and the disproportionality
figures, checked against ratios recomputed here from the raw rows of the demo vault."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import text

from desktop.models.accounts import Role
from desktop.models.choices import Ethnicity
from desktop.services import actions
from desktop.services.analysis_tables import SUPPRESSED, AnalysisPeriod
from desktop.services.audit_service import AuditFilter, AuditService
from desktop.services.current_user import CurrentUser
from desktop.services.demo_population import DEMO_SOURCE
from desktop.services.demo_service import demo_username
from desktop.services.disproportionality import (
    NO_POPULATION,
    TOO_FEW,
    DisproportionalityService,
)
from desktop.services.permissions import PermissionDeniedError
from desktop.services.population_service import GROUPS, PopulationInputError, PopulationService
from desktop.services.sign_in_service import SignedIn, SignInService
from desktop.vault.layout import VaultLayout
from tests.analysis_seed import add_referred
from tests.conftest import PASSPHRASE, AddAccount, FakeClock

GOOD_CSV = """category,group,population
ethnicity,black_african,2000
Ethnicity,"White: English, Welsh, Scottish, Northern Irish or British",6000
ethnicity,asian_bangladeshi,0

gender,female,"5,000"
gender,male,5000
age band,14_17,4000
age_band,18_21,3000
"""
PERIOD = AnalysisPeriod(date(2025, 1, 1), date(2025, 3, 14))


def _population(signed_in: SignedIn, user: CurrentUser, clock: FakeClock) -> PopulationService:
    return PopulationService(signed_in.vault.sessions, user, clock)


@pytest.fixture
def analyst(add_account: AddAccount) -> CurrentUser:
    return add_account(Role.ANALYST, "ana")


def test_import_then_edit_then_clear_a_category(
    coordinator: tuple[SignedIn, str], analyst: CurrentUser, clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    population = _population(signed_in, analyst, clock)
    assert population.import_csv(GOOD_CSV, "ONS Census 2021") == 7
    figures = {(row.dimension, row.group): row for row in population.figures()}
    assert figures[("ethnicity", "white_british")].population == 6000
    assert figures[("gender", "female")].population == 5000
    assert figures[("ethnicity", "black_african")].source == "ONS Census 2021"

    population.set_figure("ethnicity", "black_african", 2500, "Mid-year estimate 2023")
    row = next(r for r in population.figures() if r.group == "black_african")
    assert (row.population, row.source) == (2500, "Mid-year estimate 2023")

    # A second file naming only gender replaces gender and keeps the rest.
    assert population.import_csv("category,group,population\ngender,male,7000\n", "") == 1
    groups = {(row.dimension, row.group) for row in population.figures()}
    assert ("gender", "female") not in groups
    assert ("ethnicity", "black_african") in groups

    assert population.clear("age_band") == 2
    assert not [row for row in population.figures() if row.dimension == "age_band"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty"),
        ("group,category,population\n", "headings category, group, population"),
        ("category,group,population\nreligion,christian,10\n", "Line 2: the category"),
        (
            "category,group,population\nethnicity,martian,10\n",
            "Line 2: 'martian' is not one of the ethnicity groups",
        ),
        ("category,group,population\nethnicity,not_known,10\n", "Line 2"),
        ("category,group,population\ngender,male,-3\n", "whole number of 0 or more"),
        ("category,group,population\ngender,male,lots\n", "Line 2: the population"),
        ("category,group,population\ngender,male,1\ngender,Male,2\n", "Line 3: Male is given"),
        ("category,group,population\n", "no figures"),
    ],
)
def test_a_bad_file_imports_nothing_and_says_what_is_wrong(
    coordinator: tuple[SignedIn, str],
    analyst: CurrentUser,
    clock: FakeClock,
    content: str,
    message: str,
) -> None:
    signed_in, _recovery = coordinator
    population = _population(signed_in, analyst, clock)
    population.set_figure("gender", "male", 100)
    with pytest.raises(PopulationInputError, match=message):
        population.import_csv(content, "")
    assert [(row.group, row.population) for row in population.figures()] == [("male", 100)]


def test_a_bad_figure_is_refused_with_a_clear_message(
    coordinator: tuple[SignedIn, str], analyst: CurrentUser, clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    population = _population(signed_in, analyst, clock)
    with pytest.raises(PopulationInputError, match="ethnicity, gender or age band"):
        population.set_figure("religion", "any", 10)
    with pytest.raises(PopulationInputError, match="not one of the gender groups"):
        population.set_figure("gender", "not_known", 10)
    with pytest.raises(PopulationInputError, match="0 or more"):
        population.set_figure("gender", "male", -1)
    with pytest.raises(PopulationInputError, match="at most 200"):
        population.set_figure("gender", "male", 1, "x" * 201)
    assert population.figures() == []


@pytest.mark.parametrize("role", [Role.GANGS_WORKER, Role.FAMILY_THERAPIST, Role.ADVOCATE])
def test_only_the_analyst_and_coordinator_may_see_or_change_the_figures(
    coordinator: tuple[SignedIn, str], add_account: AddAccount, clock: FakeClock, role: Role
) -> None:
    signed_in, _recovery = coordinator
    other = add_account(role)
    population = _population(signed_in, other, clock)
    with pytest.raises(PermissionDeniedError):
        population.figures()
    with pytest.raises(PermissionDeniedError):
        population.import_csv(GOOD_CSV, "")
    with pytest.raises(PermissionDeniedError):
        population.clear()
    with pytest.raises(PermissionDeniedError):
        DisproportionalityService(signed_in.vault.sessions, other, clock).compare(PERIOD)
    # The coordinator may.
    _population(signed_in, signed_in.user, clock).set_figure("gender", "male", 5)


def test_a_group_of_three_shows_fewer_than_5_and_no_ratio(
    coordinator: tuple[SignedIn, str], analyst: CurrentUser, clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    add_referred(signed_in, clock, Ethnicity.AFRICAN, 3)
    add_referred(signed_in, clock, Ethnicity.WHITE_BRITISH, 6)
    _population(signed_in, analyst, clock).import_csv(GOOD_CSV, "ONS Census 2021")

    result = DisproportionalityService(signed_in.vault.sessions, analyst, clock).compare(PERIOD)
    assert result.people == 9
    ethnicity = result.dimension("ethnicity")
    african = ethnicity.group("black_african")
    assert (african.caseload_count, african.shown_count) == (3, SUPPRESSED)
    assert (african.caseload_share, african.ratio, african.shown_ratio) == (None, None, TOO_FEW)
    assert dict(ethnicity.as_table().shown_rows())[african.label] == [SUPPRESSED]
    white = ethnicity.group("white_british")
    # 6 of 9 known people against 6,000 of 8,000: (6/9) / (6000/8000).
    assert white.ratio == pytest.approx((6 / 9) / 0.75)
    assert white.shown_ratio == f"{(6 / 9) / 0.75:.2f}"
    assert (white.shown_caseload_share, white.shown_population_share) == ("67%", "75%")
    assert result.population_sources == ("ONS Census 2021",)
    assert ethnicity.group("asian_bangladeshi").ratio is None  # population 0
    assert ethnicity.group("asian_indian").shown_ratio == NO_POPULATION
    ages = result.dimension("age_band")
    assert ages.group("14_17").caseload_count == 9  # born 2009, referred at 15
    assert ages.group("14_17").ratio == pytest.approx(1 / (4000 / 7000))


def test_audit_names_categories_and_periods_never_people(
    coordinator: tuple[SignedIn, str], analyst: CurrentUser, clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    add_referred(signed_in, clock, Ethnicity.AFRICAN, 5)
    population = _population(signed_in, analyst, clock)
    population.import_csv(GOOD_CSV, "ONS Census 2021")
    population.set_figure("gender", "male", 4200)
    population.clear("age_band")
    DisproportionalityService(signed_in.vault.sessions, analyst, clock).compare(PERIOD)

    audit = AuditService(signed_in.vault.sessions, signed_in.user)
    changed = audit.page(AuditFilter(action=actions.POPULATION_CHANGED), 0, 10)
    assert {(row.actor, row.entity_id) for row in changed} == {
        ("ana", "import"),
        ("ana", "gender"),
        ("ana", "age_band"),
    }
    viewed = audit.page(AuditFilter(action=actions.DISPROPORTIONALITY_VIEWED), 0, 10)
    assert [row.entity_id for row in viewed] == ["2025-01-01/2025-03-14"]
    for row in [*changed, *viewed]:
        written = f"{row.entity_type} {row.entity_id} {row.fields} {row.outcome}"
        assert "Canary" not in written and "Zebedee" not in written and "2009" not in written
        assert "knife" not in written


# ---- the demo vault: ratios recomputed from the raw rows -------------------------------------

DEMO_PERIOD = AnalysisPeriod(date(2020, 1, 1), date(2025, 3, 14))


@pytest.fixture
def demo_analyst(demo_vault: VaultLayout, clock: FakeClock) -> Iterator[SignedIn]:
    signed_in = SignInService(demo_vault, clock).sign_in(demo_username(Role.ANALYST), PASSPHRASE)
    yield signed_in
    signed_in.vault.lock()


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def test_demo_ratios_match_a_recount_from_the_raw_rows(
    demo_analyst: SignedIn, clock: FakeClock
) -> None:
    csv_rows = ["category,group,population"]
    csv_rows += [f"ethnicity,{e.value},{1000 + 100 * i}" for i, e in enumerate(Ethnicity)][:-2]
    csv_rows += ["gender,female,14000", "gender,male,15000"]
    csv_rows += ["age_band,10_13,8000", "age_band,14_17,7000", "age_band,18_21,6000"]
    csv_rows += ["age_band,22_25,6500"]
    PopulationService(demo_analyst.vault.sessions, demo_analyst.user, clock).import_csv(
        "\n".join(csv_rows), "test"
    )
    result = DisproportionalityService(
        demo_analyst.vault.sessions, demo_analyst.user, clock
    ).compare(DEMO_PERIOD)

    with demo_analyst.vault.sessions() as session:
        people = session.execute(
            text(
                "SELECT p.ethnicity, p.gender, p.date_of_birth, MIN(r.received_on) "
                "FROM young_people p JOIN referrals r ON r.young_person_id = p.id "
                "WHERE r.received_on BETWEEN :start AND :end GROUP BY p.id"
            ),
            {"start": DEMO_PERIOD.start.isoformat(), "end": DEMO_PERIOD.end.isoformat()},
        ).all()
        population = {
            (dimension, group): figure
            for dimension, group, figure in session.execute(
                text("SELECT dimension, group_code, population FROM population_figures")
            )
        }
    assert result.people == len(people) >= 30
    bands = {10: "10_13", 14: "14_17", 18: "18_21", 22: "22_25"}
    counted = {
        "ethnicity": Counter(row[0] for row in people),
        "gender": Counter(row[1] for row in people),
        "age_band": Counter(
            next(
                (code for low, code in bands.items() if low <= age <= low + 3),
                "outside_10_25",
            )
            for age in (
                _age(date.fromisoformat(row[2]), date.fromisoformat(row[3]))
                for row in people
                if row[2]
            )
        ),
    }
    compared = 0
    for dimension, counts in counted.items():
        comparison = result.dimension(dimension)
        groups = [g for (d, g) in population if d == dimension]
        known = sum(counts[g] for g in (row.group for row in comparison.groups if row.in_shares))
        population_total = sum(population[(dimension, g)] for g in groups)
        for row in comparison.groups:
            assert row.caseload_count == counts[row.group], (dimension, row.group)
            if not row.in_shares:
                continue
            count = counts[row.group]
            figure = population.get((dimension, row.group))
            expected_people = known * figure / population_total if figure else None
            if 0 < count < 5:
                assert (row.ratio, row.shown_ratio, row.shown_count) == (None, TOO_FEW, SUPPRESSED)
            elif count == 0 and expected_people is not None and expected_people < 5:
                # None referred where fewer than 5 were expected: chance, not a finding.
                assert (row.ratio, row.shown_ratio, row.shown_count) == (None, TOO_FEW, "0")
            elif figure:
                expected = (count / known) / (figure / population_total)
                assert row.ratio == pytest.approx(expected)
                compared += count > 0
            else:
                assert row.ratio is None
    assert compared >= 3  # the demo has groups big enough to compare


def test_the_demo_vault_has_an_invented_population_for_every_group(
    demo_analyst: SignedIn, clock: FakeClock
) -> None:
    figures = PopulationService(demo_analyst.vault.sessions, demo_analyst.user, clock).figures()
    held = {(row.dimension, row.group) for row in figures}
    assert held == {(dimension, group) for dimension in GROUPS for group in GROUPS[dimension]}
    assert {row.source for row in figures} == {DEMO_SOURCE}  # never passed off as census data
    assert all(row.population > 0 for row in figures)


def test_no_one_referred_is_compared_only_where_5_or_more_were_expected(
    coordinator: tuple[SignedIn, str], analyst: CurrentUser, clock: FakeClock
) -> None:
    """20 young people, all White British: a group expected to give 10 (half the borough) but
    giving none is under-represented; one expected to give 2 and giving none is chance."""
    signed_in, _recovery = coordinator
    add_referred(signed_in, clock, Ethnicity.WHITE_BRITISH, 20)
    _population(signed_in, analyst, clock).import_csv(
        "category,group,population\n"
        "ethnicity,white_british,4000\n"
        "ethnicity,black_african,5000\n"
        "ethnicity,asian_bangladeshi,1000\n",
        "test",
    )
    result = DisproportionalityService(signed_in.vault.sessions, analyst, clock).compare(PERIOD)
    ethnicity = result.dimension("ethnicity")
    african = ethnicity.group("black_african")  # 20 x 50% = 10 expected
    assert (african.ratio, african.shown_ratio, african.too_few) == (0.0, "0.00", False)
    bangladeshi = ethnicity.group("asian_bangladeshi")  # 20 x 10% = 2 expected
    assert (bangladeshi.ratio, bangladeshi.shown_ratio) == (None, TOO_FEW)
    assert bangladeshi.shown_caseload_share == "0%"  # the share is still shown: it is a fact
    white = ethnicity.group("white_british")
    assert white.ratio == pytest.approx(1 / 0.4)


def test_a_category_of_fewer_than_5_people_compares_no_group(
    coordinator: tuple[SignedIn, str], analyst: CurrentUser, clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    add_referred(signed_in, clock, Ethnicity.WHITE_BRITISH, 4)
    _population(signed_in, analyst, clock).import_csv(GOOD_CSV, "test")
    result = DisproportionalityService(signed_in.vault.sessions, analyst, clock).compare(PERIOD)
    ethnicity = result.dimension("ethnicity")
    assert all(row.shown_ratio in (TOO_FEW, "") for row in ethnicity.groups)
    assert all(row.ratio is None for row in ethnicity.groups)

"""Every dashboard figure of the demo vault, checked against a count made here from the raw rows
(plain SQL read whole, then walked row by row in Python with the module docstring's definitions
written out again), who may see the dashboard, its audit entry, and the edges of a period."""

from __future__ import annotations

import os
import shutil
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from desktop.models.accounts import Role
from desktop.models.case_status import StatusChange
from desktop.models.choices import (
    CaseStatus,
    ClosureOutcome,
    ClosureReason,
    EntryType,
    InterventionType,
    Rag,
    ReferralDecision,
    ReferralSource,
)
from desktop.models.people import YoungPerson
from desktop.services import actions
from desktop.services import analysis_dashboard as dash
from desktop.services.analysis_dashboard import AnalysisDashboardService, Dashboard
from desktop.services.analysis_tables import AnalysisPeriod, FigureRow
from desktop.services.bundle import Services
from desktop.services.chronology_records import EntryInput
from desktop.services.demo_service import demo_username
from desktop.services.intervention_service import InterventionInput
from desktop.services.people_service import PersonDetails
from desktop.services.permissions import PermissionDeniedError
from desktop.services.referral_service import ReferralInput
from desktop.services.sign_in_service import SignedIn, SignInService
from desktop.vault.layout import VaultLayout
from tests.conftest import PASSPHRASE, FakeClock, FastKdfPolicy
from tests.performance.statement_counter import counting

# The demo's dates run back from the clock (FIXED_NOW, 14 March 2025): the last twelve months,
# and a month that straddles a month's end, so that both its columns are partial.
YEAR = AnalysisPeriod(date(2024, 3, 15), date(2025, 3, 14))
MONTH = AnalysisPeriod(date(2025, 1, 16), date(2025, 2, 15))
# And every record the demo holds (its first referral is in October 2022): more closures and
# referrals to count than the last year has.
ALL = AnalysisPeriod(date(2022, 10, 1), date(2025, 3, 14))
PERIODS = {"year": YEAR, "month": MONTH, "all": ALL}

OPEN_STATUS_LABELS = {
    "referred": "Referred",
    "assessment": "Assessment",
    "active": "Active",
    "monitoring": "Monitoring",
}
RAG_LABELS = {"red": "Red", "amber": "Amber", "green": "Green"}
ENFORCEMENT_CODES = {
    "warning_letter",
    "acceptable_behaviour_contract",
    "civil_injunction",
    "criminal_behaviour_order",
}
CONTACT_CODES = {"visit", "phone", "online_session", "ride_out_contact", "meeting"}
AGE_BANDS = ["10-13", "14-17", "18-21", "22-25", "Under 10", "26 and over", "Not known"]
CONTACT_BANDS = [
    "Same day",
    "1 to 2 days",
    "3 to 7 days",
    "8 to 14 days",
    "15 to 28 days",
    "More than 28 days",
    "No contact yet",
]

Rows = list[tuple[str, list[int]]]


@dataclass(frozen=True)
class Raw:
    """Every row the figures come from, as stored (dates and times as SQLite's text)."""

    referrals: list[Any]  # person, received_on, source, decision
    status_changes: list[Any]  # id, person, to_status, changed_at, reason, outcome
    ratings: list[Any]  # id, person, rating, rated_at
    births: dict[int, str | None]
    flag_types: list[Any]  # id, label, active
    flags: list[Any]  # type id, started_on
    missing: list[Any]  # went_missing_at
    interventions: list[Any]  # kind, started_on
    entries: list[Any]  # person, occurred_at, entry_type, deleted_at


@dataclass(frozen=True)
class Demo:
    layout: VaultLayout
    clock: FakeClock
    analyst: SignedIn
    raw: Raw
    dashboards: dict[str, Dashboard]


def _local(raw: str) -> date:
    """A stored naive-UTC date-time's local date."""
    return datetime.fromisoformat(raw).replace(tzinfo=UTC).astimezone().date()


def _day(raw: str) -> date:
    return date.fromisoformat(raw)


def _read_raw(signed_in: SignedIn) -> Raw:
    with signed_in.vault.sessions() as session:

        def rows(sql: str) -> list[Any]:
            return [tuple(row) for row in session.execute(text(sql))]

        return Raw(
            referrals=rows("SELECT young_person_id, received_on, source, decision FROM referrals"),
            status_changes=rows(
                "SELECT id, young_person_id, to_status, changed_at, closure_reason, "
                "closure_outcome FROM status_changes"
            ),
            ratings=rows("SELECT id, young_person_id, rating, rated_at FROM rag_ratings"),
            births=dict(rows("SELECT id, date_of_birth FROM young_people")),
            flag_types=rows("SELECT id, label, active FROM flag_types"),
            flags=rows("SELECT flag_type_id, started_on FROM flags"),
            missing=rows("SELECT went_missing_at FROM missing_episodes"),
            interventions=rows("SELECT kind, started_on FROM interventions"),
            entries=rows(
                "SELECT young_person_id, occurred_at, entry_type, deleted_at "
                "FROM chronology_entries"
            ),
        )


def _sign_in(demo: VaultLayout, clock: FakeClock, role: Role) -> SignedIn:
    return SignInService(demo, clock).sign_in(demo_username(role), PASSPHRASE)


@pytest.fixture(scope="module")
def demo(demo_template: VaultLayout, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """One copy of the demo vault for the module, its dashboards computed once."""
    layout = VaultLayout(tmp_path_factory.mktemp("dashboard") / "vault")
    shutil.copytree(demo_template.folder, layout.folder)
    clock = FakeClock()
    analyst = _sign_in(layout, clock, Role.ANALYST)
    service = AnalysisDashboardService(analyst.vault.sessions, analyst.user, clock)
    dashboards = {name: service.figures(period) for name, period in PERIODS.items()}
    yield Demo(layout, clock, analyst, _read_raw(analyst), dashboards)
    analyst.vault.lock()


# ---- the figures, recomputed -------------------------------------------------------------


def _months(period: AnalysisPeriod) -> list[tuple[int, int]]:
    """Walks every day of the period, keeping each new month."""
    months: list[tuple[int, int]] = []
    day = period.start
    while day <= period.end:
        if (day.year, day.month) not in months:
            months.append((day.year, day.month))
        day += timedelta(days=1)
    return months


def _columns(period: AnalysisPeriod) -> tuple[str, ...]:
    return tuple(date(year, month, 1).strftime("%b %Y") for year, month in _months(period))


def _monthly(period: AnalysisPeriod, days: list[date]) -> list[int]:
    months = _months(period)
    counts = [0] * len(months)
    for day in days:
        if period.start <= day <= period.end:
            counts[months.index((day.year, day.month))] += 1
    return counts


def _latest_on_or_before(rows: list[Any], end: date) -> dict[int, str]:
    """Person: value of their latest row (id, person, value, at) whose local date <= end."""
    latest: dict[int, tuple[tuple[datetime, int], str]] = {}
    for row_id, person, value, at in rows:
        if _local(at) > end:
            continue
        order = (datetime.fromisoformat(at), row_id)
        if person not in latest or order > latest[person][0]:
            latest[person] = (order, value)
    return {person: value for person, (_order, value) in latest.items()}


def _age_band(born: str | None, end: date) -> str:
    if born is None:
        return "Not known"
    # Age by the digits of the dates: 20250314 - 20101231 = 140083, so 14 full years.
    age = (int(end.strftime("%Y%m%d")) - int(_day(born).strftime("%Y%m%d"))) // 10000
    if age < 10:
        return "Under 10"
    if age > 25:
        return "26 and over"
    return AGE_BANDS[(age - 10) // 4]


def _contact_band(days: int | None) -> str:
    if days is None:
        return "No contact yet"
    limits = [(0, "Same day"), (2, "1 to 2 days"), (7, "3 to 7 days"), (14, "8 to 14 days")]
    limits.append((28, "15 to 28 days"))
    return next((label for most, label in limits if days <= most), "More than 28 days")


def _days_to_first_contact(raw: Raw, period: AnalysisPeriod) -> list[int | None]:
    found: list[int | None] = []
    for person, received_on, _source, decision in raw.referrals:
        received = _day(received_on)
        if decision != "accepted" or not period.start <= received <= period.end:
            continue
        contacts = [
            _local(at)
            for who, at, kind, deleted_at in raw.entries
            if who == person
            and kind in CONTACT_CODES
            and deleted_at is None
            and _local(at) >= received
        ]
        found.append((min(contacts) - received).days if contacts else None)
    return found


def _expected(raw: Raw, period: AnalysisPeriod) -> dict[str, tuple[tuple[str, ...], Rows]]:
    """Every table as (columns, [(row label, counts)]), from the raw rows."""

    def in_period(day: date) -> bool:
        return period.start <= day <= period.end

    months = _columns(period)
    referrals: Rows = [
        (
            source.label,
            _monthly(period, [_day(on) for _p, on, code, _d in raw.referrals if code == source]),
        )
        for source in ReferralSource
    ]
    statuses = _latest_on_or_before(
        [(i, person, status, at) for i, person, status, at, _r, _o in raw.status_changes],
        period.end,
    )
    open_people = [person for person, status in statuses.items() if status != "closed"]
    ratings = _latest_on_or_before(raw.ratings, period.end)
    by_status = Counter(OPEN_STATUS_LABELS[statuses[person]] for person in open_people)
    by_rag = Counter(RAG_LABELS.get(ratings.get(person, ""), "Not rated") for person in open_people)
    by_band = Counter(_age_band(raw.births[person], period.end) for person in open_people)
    flag_days: dict[int, list[date]] = {}
    for type_id, started_on in raw.flags:
        flag_days.setdefault(type_id, []).append(_day(started_on))
    flags: Rows = [
        (label, _monthly(period, flag_days.get(type_id, [])))
        for type_id, label, active in sorted(raw.flag_types)
        if active or any(in_period(day) for day in flag_days.get(type_id, []))
    ]
    missing = _monthly(period, [_local(at) for (at,) in raw.missing])
    started = [kind for kind, on in raw.interventions if in_period(_day(on))]
    enforcement = sum(kind in ENFORCEMENT_CODES for kind in started)
    closings = [
        (reason, outcome)
        for _i, _p, status, at, reason, outcome in raw.status_changes
        if status == "closed" and in_period(_local(at))
    ]
    reasons = Counter(reason for reason, _outcome in closings)
    outcomes = Counter(outcome for _reason, outcome in closings)
    contact = Counter(_contact_band(days) for days in _days_to_first_contact(raw, period))
    return {
        dash.REFERRALS_BY_SOURCE: (months, referrals),
        dash.OPEN_BY_STATUS: (
            ("Count",),
            [(label, [by_status[label]]) for label in OPEN_STATUS_LABELS.values()],
        ),
        dash.OPEN_BY_RAG: (
            ("Count",),
            [(label, [by_rag[label]]) for label in [*RAG_LABELS.values(), "Not rated"]],
        ),
        dash.OPEN_BY_AGE_BAND: (("Count",), [(band, [by_band[band]]) for band in AGE_BANDS]),
        dash.FLAGS_BY_MONTH: (months, flags),
        dash.MISSING_BY_MONTH: (months, [("Missing episodes", missing)]),
        dash.INTERVENTIONS_BY_TYPE: (
            ("Started",),
            [(kind.label, [started.count(kind.value)]) for kind in InterventionType],
        ),
        dash.ENFORCEMENT_SHARE: (
            ("Count",),
            [
                ("Enforcement", [enforcement]),
                ("Support and diversion", [len(started) - enforcement]),
            ],
        ),
        dash.CLOSURES_BY_REASON: (
            ("Count",),
            [(kind.label, [reasons[kind.value]]) for kind in ClosureReason]
            + [("Not recorded", [reasons[None]])],
        ),
        dash.CLOSURES_BY_OUTCOME: (
            ("Count",),
            [(kind.label, [outcomes[kind.value]]) for kind in ClosureOutcome]
            + [("Not recorded", [outcomes[None]])],
        ),
        dash.FIRST_CONTACT: (("Count",), [(band, [contact[band]]) for band in CONTACT_BANDS]),
    }


# ---- the demo's figures ------------------------------------------------------------------


@pytest.mark.parametrize("period_name", PERIODS)
def test_every_figure_matches_a_count_from_the_raw_rows(demo: Demo, period_name: str) -> None:
    dashboard = demo.dashboards[period_name]
    expected = _expected(demo.raw, PERIODS[period_name])
    assert [table.key for table in dashboard.tables] == list(dash.KEYS)
    for table in dashboard.tables:
        columns, rows = expected[table.key]
        assert table.columns == columns, table.key
        assert [(row.label, list(row.counts)) for row in table.rows] == rows, table.key
        assert table.title and table.row_heading and table.note, table.key


@pytest.mark.parametrize("period_name", PERIODS)
def test_the_share_of_enforcement_and_the_median_days_match(demo: Demo, period_name: str) -> None:
    period, dashboard = PERIODS[period_name], demo.dashboards[period_name]
    started = [
        kind for kind, on in demo.raw.interventions if period.start <= _day(on) <= period.end
    ]
    enforcement = sum(kind in ENFORCEMENT_CODES for kind in started)
    support = len(started) - enforcement
    if not started or 0 < enforcement < 5 or (enforcement and 0 < support < 5):
        assert dashboard.enforcement_share is None
    else:
        assert dashboard.enforcement_share == pytest.approx(enforcement / len(started))
    days = sorted(d for d in _days_to_first_contact(demo.raw, period) if d is not None)
    if len(days) < 5:
        assert dashboard.median_days_to_first_contact is None
    else:
        middle = len(days) // 2
        median = days[middle] if len(days) % 2 else (days[middle - 1] + days[middle]) / 2
        assert dashboard.median_days_to_first_contact == pytest.approx(median)


def test_the_demo_fills_the_figures_of_the_year(demo: Demo) -> None:
    """So that the checks above compare real numbers, not rows of zeros."""
    dashboard = demo.dashboards["year"]
    for key in dash.KEYS:
        table = dashboard.table(key)
        assert sum(sum(row.counts) for row in table.rows) > 0, key
    assert len(dashboard.table(dash.REFERRALS_BY_SOURCE).columns) == 13
    assert dashboard.median_days_to_first_contact is not None
    month = demo.dashboards["month"]
    assert month.table(dash.MISSING_BY_MONTH).columns == ("Jan 2025", "Feb 2025")


def test_restricted_records_are_counted_like_any_other(demo: Demo) -> None:
    """The analyst is not among a restricted record's staff, yet its referral is counted."""
    with demo.analyst.vault.sessions() as session:
        restricted = session.execute(text("SELECT young_person_id FROM record_restrictions")).all()
    assert restricted
    everything = demo.dashboards["all"].table(dash.REFERRALS_BY_SOURCE)
    assert sum(sum(row.counts) for row in everything.rows) == len(demo.raw.referrals) == 40


# ---- who may see it, its audit entry, and the period -------------------------------------


def test_the_coordinator_sees_the_same_figures_and_a_gangs_worker_is_refused(demo: Demo) -> None:
    coordinator = _sign_in(demo.layout, demo.clock, Role.COORDINATOR)
    try:
        service = AnalysisDashboardService(coordinator.vault.sessions, coordinator.user, demo.clock)
        assert service.figures(MONTH) == demo.dashboards["month"]
    finally:
        coordinator.vault.lock()
    for role in (Role.GANGS_WORKER, Role.ENFORCEMENT_OFFICER):
        worker = _sign_in(demo.layout, demo.clock, role)
        try:
            service = AnalysisDashboardService(worker.vault.sessions, worker.user, demo.clock)
            with pytest.raises(PermissionDeniedError):
                service.figures(MONTH)
        finally:
            worker.vault.lock()


def test_each_view_is_one_transaction_with_one_audit_row_naming_no_one(demo: Demo) -> None:
    sessions = demo.analyst.vault.sessions
    query = text(
        "SELECT actor, entity_type, entity_id, fields, outcome FROM audit_log "
        "WHERE action = :action ORDER BY id"
    )
    with sessions() as session:
        before = session.execute(query, {"action": actions.DASHBOARD_VIEWED}).all()
    service = AnalysisDashboardService(sessions, demo.analyst.user, demo.clock)
    with counting(demo.analyst.vault.engine) as statements:
        dashboard = service.figures(YEAR)
    # One transaction of eight grouped queries and the audit entry's two statements, however
    # many people and referrals there are (the year has ten referrals: none is read alone).
    assert len(statements) == 11, "\n".join(statements.texts)
    assert statements.texts[0].startswith("BEGIN")
    with sessions() as session:
        after = session.execute(query, {"action": actions.DASHBOARD_VIEWED}).all()
        people = session.execute(
            text("SELECT given_name, family_name, case_reference, date_of_birth FROM young_people")
        ).all()
    assert len(after) == len(before) + 1
    actor, entity_type, entity_id, fields, outcome = after[-1]
    assert (actor, entity_type, entity_id) == (
        demo.analyst.user.username,
        "analysis",
        "2024-03-15/2025-03-14",
    )
    assert fields.split(",") == sorted(dash.KEYS)
    # Everything written or returned, as one text: no full name, reference or date of birth.
    written = " ".join(
        [str(entry) for entry in after[-1]]
        + [f"{t.title} {t.row_heading} {t.note} {t.columns} {t.rows}" for t in dashboard.tables]
    )
    for given, family, reference, born in people:
        assert f"{given} {family}" not in written
        assert reference not in written
        if born is not None:
            assert born not in written
            assert _day(born).strftime("%d/%m/%Y") not in written
    assert outcome == ""


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="ends before it starts"):
        AnalysisPeriod(date(2025, 3, 1), date(2025, 2, 28))


# ---- the edges, in a vault made by hand ----------------------------------------------------

NEW_YORK = ZoneInfo("America/New_York")  # five hours behind UTC in February
FEBRUARY = AnalysisPeriod(date(2025, 2, 1), date(2025, 2, 28))


@pytest.fixture
def in_new_york() -> Iterator[None]:
    """The machine's zone set to New York, so that a local date differs from UTC's."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def _at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2025, month, day, hour, minute, tzinfo=NEW_YORK)


def test_local_days_deleted_entries_early_contacts_and_closings_without_categories(
    in_new_york: None,
    coordinator: tuple[SignedIn, str],
    kdf: FastKdfPolicy,
    clock: FakeClock,
) -> None:
    signed_in, _recovery = coordinator
    services = Services.for_session(signed_in, kdf, clock)

    def referred(name: str, on: date, source: ReferralSource, born: date | None = None) -> int:
        clock.set_now(datetime.combine(on, datetime.min.time(), NEW_YORK) + timedelta(hours=10))
        person = services.people.create(PersonDetails(name, "Example", date_of_birth=born))
        services.referrals.add_referral(person, ReferralInput(on, source, reason="Concerns."))
        return person

    # Ayo, accepted on 3 February; Bea, pending, closed before closings had categories; Cal,
    # pending, closed on the last evening; Dee, accepted, seen only the day before her referral.
    dee = referred("Dee", date(2025, 2, 1), ReferralSource.SELF)
    bea = referred("Bea", date(2025, 2, 1), ReferralSource.COMMUNITY)
    cal = referred("Cal", date(2025, 2, 1), ReferralSource.SCHOOL)
    ayo = referred("Ayo", date(2025, 2, 3), ReferralSource.POLICE, born=date(2010, 3, 1))
    for person in (ayo, dee):
        referral_id = services.referrals.referrals(person)[0].id
        services.referrals.decide(referral_id, ReferralDecision.ACCEPTED, "", date(2025, 2, 3))
    services.risk.set_rag(ayo, Rag.AMBER, "First rating.")
    clock.set_now(_at(2, 6, 9))
    deleted = services.chronology.add_entry(ayo, EntryInput(_at(2, 5, 9), EntryType.PHONE, "Call"))
    services.chronology.delete_entry(deleted, "Entered on the wrong record.")
    services.chronology.add_entry(ayo, EntryInput(_at(2, 2, 15), EntryType.VISIT, "Before"))
    services.chronology.add_entry(ayo, EntryInput(_at(2, 4, 9), EntryType.NOTE, "A note"))
    services.chronology.add_entry(dee, EntryInput(_at(1, 31, 15), EntryType.VISIT, "Before"))
    services.missing.record_episode(dee, _at(1, 31, 23))  # 04:00 UTC on 1 February
    clock.set_now(_at(2, 11, 9))
    # 23:30 in New York on the 10th is 04:30 UTC on the 11th: 7 days locally, 8 in UTC.
    services.chronology.add_entry(ayo, EntryInput(_at(2, 10, 23, 30), EntryType.VISIT, "First"))
    with signed_in.vault.sessions.begin() as session:  # a closing from before migration 0013
        session.add(
            StatusChange(
                young_person_id=bea,
                from_status=CaseStatus.REFERRED,
                to_status=CaseStatus.CLOSED,
                changed_at=_at(2, 20, 12),
                changed_by_id=signed_in.user.account_id,
                reason="Closed.",
                outcome="Unknown.",
            )
        )
        record = session.get(YoungPerson, bea)
        assert record is not None
        record.status = CaseStatus.CLOSED
    # The last evening of February in New York is already 1 March in UTC.
    clock.set_now(_at(2, 28, 22))
    services.status.change_status(
        cal,
        CaseStatus.CLOSED,
        "Done.",
        "Safer.",
        ClosureReason.GOALS_MET,
        ClosureOutcome.RISK_REDUCED,
    )
    clock.set_now(_at(2, 28, 23, 30))
    services.missing.record_episode(dee, _at(2, 28, 23))
    services.status.change_status(ayo, CaseStatus.ASSESSMENT, "Assessing.")
    clock.set_now(_at(2, 28, 23, 45))
    services.risk.set_rag(ayo, Rag.AMBER, "Worse.")
    services.risk.set_rag(ayo, Rag.RED, "Worse still.")  # the same moment: the later one counts
    clock.set_now(_at(3, 1, 0, 30))  # the next day locally: not counted
    services.status.change_status(ayo, CaseStatus.ACTIVE, "Working with him.")
    services.risk.set_rag(ayo, Rag.GREEN, "Better.")
    # A kind of flag retired after use is still counted; one retired unused is not shown.
    used = services.risk.add_flag_type("retired_used", "Retired after use")
    unused = services.risk.add_flag_type("retired_unused", "Retired unused")
    services.risk.add_flag(ayo, used, date(2025, 2, 28), "Police")
    services.risk.add_flag(ayo, used, date(2025, 3, 1), "Police")
    for flag_type in (used, unused):
        services.risk.set_flag_type_active(flag_type, False)

    dashboard = AnalysisDashboardService(signed_in.vault.sessions, signed_in.user, clock).figures(
        FEBRUARY
    )

    def counts(key: str) -> dict[str, tuple[int, ...]]:
        return {row.label: row.counts for row in dashboard.table(key).rows if any(row.counts)}

    assert dashboard.table(dash.REFERRALS_BY_SOURCE).columns == ("Feb 2025",)
    assert counts(dash.REFERRALS_BY_SOURCE) == {
        "Police intelligence": (1,),
        "Community intelligence": (1,),
        "Self referral": (1,),
        "School": (1,),
    }
    assert counts(dash.OPEN_BY_STATUS) == {"Referred": (1,), "Assessment": (1,)}
    assert counts(dash.OPEN_BY_RAG) == {"Red": (1,), "Not rated": (1,)}
    assert counts(dash.OPEN_BY_AGE_BAND) == {"14-17": (1,), "Not known": (1,)}
    assert counts(dash.CLOSURES_BY_REASON) == {"Goals met": (1,), "Not recorded": (1,)}
    assert counts(dash.CLOSURES_BY_OUTCOME) == {"Risk reduced": (1,), "Not recorded": (1,)}
    flags = dashboard.table(dash.FLAGS_BY_MONTH)
    assert flags.rows[-1] == FigureRow("Retired after use", (1,))
    assert "Retired unused" not in [row.label for row in flags.rows]
    assert len(flags.rows) == 12  # the eleven standard kinds, then the retired one
    assert counts(dash.MISSING_BY_MONTH) == {"Missing episodes": (1,)}
    assert counts(dash.FIRST_CONTACT) == {"3 to 7 days": (1,), "No contact yet": (1,)}
    assert dashboard.median_days_to_first_contact is None
    assert dashboard.enforcement_share is None
    assert counts(dash.INTERVENTIONS_BY_TYPE) == {}


@pytest.mark.parametrize(
    ("enforcement", "support", "share"),
    [(5, 5, 0.5), (6, 2, None), (2, 6, None), (0, 3, 0.0), (5, 0, 1.0)],
)
def test_the_enforcement_share_is_withheld_when_it_would_give_a_small_count_away(
    coordinator: tuple[SignedIn, str],
    kdf: FastKdfPolicy,
    clock: FakeClock,
    enforcement: int,
    support: int,
    share: float | None,
) -> None:
    """6 enforcement at 75% would tell that 2 were support: no share beside a count of 1-4."""
    signed_in, _recovery = coordinator
    services = Services.for_session(signed_in, kdf, clock)
    person = services.people.create(PersonDetails("Eli", "Example"))
    today = clock.now().date()
    kinds = [InterventionType.WARNING_LETTER] * enforcement + [InterventionType.MENTORING] * support
    for kind in kinds:
        services.interventions.add_intervention(
            person,
            InterventionInput(kind, today, rationale="Support alone has not been enough."),
            "Recorded for the test.",
        )
    dashboard = services.analysis_dashboard.figures(AnalysisPeriod(today, today))
    assert dashboard.enforcement_share == share

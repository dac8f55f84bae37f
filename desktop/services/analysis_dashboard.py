"""The analyst's dashboard for a period: referrals, the open caseload, flags and missing
episodes, interventions, closures and time to first contact, as FigureTables of counts.

Definitions (a period runs from its start date to its end date, both included; a date-and-time
counts on its local date, as analysis_outcomes.local_day; restricted records are counted like any
other, since a count names no one):
- months: every calendar month the period touches, in order, labelled like "Jan 2026"; a monthly
  count counts only days inside the period (from 15 January, January counts from the 15th);
- referrals by source and month: referrals received in the period, whatever their decision; a row
  for every referral source, in the list's order;
- open caseload at the END of the period, from history: a young person's status then is the new
  status of their latest status change dated on or before the end (by time; the later-written
  one on a tie); they are open when that status is not Closed. People with no status change on
  or before the end are not counted. By status (Referred, Assessment, Active, Monitoring), by RAG
  (the latest rating on or before the end; "Not rated" when none) and by age band (age on the
  end date, age_bands.band_label; "Not known" without a date of birth);
- flags by type and month: flags started in the period; a row for every flag type that is in use
  or has a flag in the period, in the order the types were made;
- missing episodes by month: episodes whose young person went missing in the period;
- interventions by type: interventions started in the period, a row for every intervention type;
  enforcement and support: the same interventions as enforcement (warning letters, acceptable
  behaviour contracts, injunctions, criminal behaviour orders) and support and diversion (the
  rest). The enforcement share is enforcement / all; none when there were no interventions or
  when either count is from 1 to 4 (the share and the other count would give it away; a share
  of 0% gives nothing away);
- closures by reason and by outcome: status changes to Closed dated in the period, by the
  closing's categories; "Not recorded" for closings made before the categories existed;
- days to first contact: referrals received in the period and accepted; first contact is the
  young person's earliest chronology entry (not deleted) of a visit, phone call, online session,
  ride-out contact or meeting dated on or after the day the referral was received; the days are
  the days from that day to the contact's date ("No contact yet" when there is none). The median
  is given for 5 contacted referrals or more.
Every figure is a count made in SQL (desktop/services/dashboard_counts.py: grouped, or one number
per referral; ages are worked out inside SQLite): no name, id, date of birth, reference or free
text reaches Python or the result. A call runs 8 queries and the audit entry (one read, one
insert), in one transaction.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.choices import CaseStatus, ClosureOutcome, ClosureReason, InterventionType, Rag
from desktop.services import actions, audit_chain, dashboard_counts
from desktop.services.age_bands import AGE_BANDS, OLDEST, YOUNGEST, band_label
from desktop.services.analysis_tables import (
    SMALL_NUMBER,
    AnalysisPeriod,
    FigureRow,
    FigureTable,
    breakdown,
)
from desktop.services.current_user import CurrentUser
from desktop.services.dashboard_counts import ClosureGroup, OpenGroup
from desktop.services.permissions import PermissionDeniedError
from desktop.services.population_service import MAY_ANALYSE

# The figures' keys, in the dashboard's order. Tables "by month" have one column per calendar
# month that the period touches (labelled like "Jan 2026"); the others have one column.
REFERRALS_BY_SOURCE = "referrals_by_source_and_month"  # rows: sources; columns: months
OPEN_BY_STATUS = "open_caseload_by_status"  # rows: open statuses
OPEN_BY_RAG = "open_caseload_by_rag"  # rows: Red, Amber, Green, Not rated
# rows: 10-13, 14-17, 18-21, 22-25, Under 10, 26 and over, Not known (age at the period end)
OPEN_BY_AGE_BAND = "open_caseload_by_age_band"
FLAGS_BY_MONTH = "flags_by_type_and_month"  # rows: flag types; columns: months
MISSING_BY_MONTH = "missing_episodes_by_month"  # one row; columns: months
INTERVENTIONS_BY_TYPE = "interventions_by_type"  # rows: intervention types
ENFORCEMENT_SHARE = "enforcement_and_support"  # rows: Enforcement, Support and diversion
CLOSURES_BY_REASON = "closures_by_reason"  # rows: closure reasons, Not recorded
CLOSURES_BY_OUTCOME = "closures_by_outcome"  # rows: closure outcomes, Not recorded
FIRST_CONTACT = "days_to_first_contact"  # rows: bands of days, No contact yet
KEYS = (
    REFERRALS_BY_SOURCE,
    OPEN_BY_STATUS,
    OPEN_BY_RAG,
    OPEN_BY_AGE_BAND,
    FLAGS_BY_MONTH,
    MISSING_BY_MONTH,
    INTERVENTIONS_BY_TYPE,
    ENFORCEMENT_SHARE,
    CLOSURES_BY_REASON,
    CLOSURES_BY_OUTCOME,
    FIRST_CONTACT,
)

# Row labels that are not the label of a choice.
NOT_RATED = "Not rated"
NOT_KNOWN = "Not known"
NOT_RECORDED = "Not recorded"
MISSING_EPISODES = "Missing episodes"
ENFORCEMENT = "Enforcement"
SUPPORT = "Support and diversion"
NO_CONTACT = "No contact yet"
# Bands of days from referral to first contact: (label, fewest days, most days).
CONTACT_BANDS = (
    ("Same day", 0, 0),
    ("1 to 2 days", 1, 2),
    ("3 to 7 days", 3, 7),
    ("8 to 14 days", 8, 14),
    ("15 to 28 days", 15, 28),
)
MORE_THAN_28 = "More than 28 days"
OPEN_STATUSES = (
    CaseStatus.REFERRED,
    CaseStatus.ASSESSMENT,
    CaseStatus.ACTIVE,
    CaseStatus.MONITORING,
)
AGE_BAND_LABELS = (
    *(f"{low}-{high}" for low, high in AGE_BANDS),
    f"Under {YOUNGEST}",
    f"{OLDEST + 1} and over",
    NOT_KNOWN,
)
# English month names whatever the machine's locale (strftime's %b follows it).
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Dashboard:
    period: AnalysisPeriod
    tables: tuple[FigureTable, ...]  # in KEYS order
    # Enforcement as a share of the interventions started in the period; None when there were
    # none, or when either the enforcement or the support count is from 1 to 4 (a share beside
    # the other count would give a suppressed one away).
    enforcement_share: float | None
    # The median days from referral to first contact; None for fewer than 5 contacted referrals.
    median_days_to_first_contact: float | None

    def table(self, key: str) -> FigureTable:
        return next(table for table in self.tables if table.key == key)


def months_of(period: AnalysisPeriod) -> list[tuple[int, int]]:
    """Every (year, month) the period touches, in order."""
    months = []
    year, month = period.start.year, period.start.month
    while (year, month) <= (period.end.year, period.end.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_label(year: int, month: int) -> str:
    return f"{MONTH_NAMES[month - 1]} {year}"


def contact_band(days: int) -> str:
    return next((label for label, low, high in CONTACT_BANDS if low <= days <= high), MORE_THAN_28)


class AnalysisDashboardService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def figures(self, period: AnalysisPeriod) -> Dashboard:
        """Every dashboard figure for the period (analyst and coordinator only; audited)."""
        if self._user.role not in MAY_ANALYSE:
            raise PermissionDeniedError("see the dashboard")
        months = months_of(period)
        with self._sessions.begin() as session:
            referrals = dashboard_counts.referrals_by_source(session, period)
            open_groups = dashboard_counts.open_caseload(session, period.end)
            flags = dashboard_counts.flags_by_type(session, period)
            flag_types = dashboard_counts.flag_types(session)
            missing = dashboard_counts.missing_by_month(session, period)
            kinds = dashboard_counts.interventions_started(session, period)
            closures = dashboard_counts.closures(session, period)
            days = dashboard_counts.days_to_first_contact(session, period)
            audit_chain.append(
                session,
                self._clock.now(),
                self._user.username,
                actions.DASHBOARD_VIEWED,
                "analysis",
                f"{period.start.isoformat()}/{period.end.isoformat()}",
                list(KEYS),
            )
        enforcement = sum(count for kind, count in kinds.items() if kind.is_enforcement)
        started = sum(kinds.values())
        contacted = [day for day in days if day is not None]
        tables = (
            _by_month(
                REFERRALS_BY_SOURCE,
                "Referrals by source and month",
                "Source",
                months,
                ((source.label, counts) for source, counts in referrals.items()),
                "Referrals received in the period, whatever was decided about them, by who "
                "referred and the month received. A young person referred twice counts twice.",
            ),
            *_open_tables(open_groups, period.end),
            _by_month(
                FLAGS_BY_MONTH,
                "Flags raised by type and month",
                "Flag",
                months,
                (
                    (label, flags.get(type_id, Counter()))
                    for type_id, label, active in flag_types
                    if active or type_id in flags
                ),
                "Flags whose start date is in the period (exploitation, missing episodes, NRM "
                "referrals and the rest), by type and the month they started.",
            ),
            _by_month(
                MISSING_BY_MONTH,
                "Missing episodes by month",
                "Episodes",
                months,
                [(MISSING_EPISODES, missing)],
                "Missing episodes that began in the period, by the month the young person went "
                "missing. A young person missing twice counts twice.",
            ),
            *_intervention_tables(kinds, enforcement, started),
            *_closure_tables(closures),
            _first_contact_table(days),
        )
        support = started - enforcement
        return Dashboard(
            period,
            tables,
            enforcement_share=(
                None
                if started == 0
                or 0 < enforcement < SMALL_NUMBER
                or (enforcement and 0 < support < SMALL_NUMBER)
                else enforcement / started
            ),
            median_days_to_first_contact=(
                float(statistics.median(contacted)) if len(contacted) >= SMALL_NUMBER else None
            ),
        )


def _by_month(
    key: str,
    title: str,
    row_heading: str,
    months: list[tuple[int, int]],
    rows: Iterable[tuple[str, Mapping[str, int]]],
    note: str,
) -> FigureTable:
    """A table of counts by month from rows of {"YYYY-MM": count}."""
    codes = [f"{year:04d}-{month:02d}" for year, month in months]
    return FigureTable(
        key,
        title,
        row_heading,
        tuple(month_label(year, month) for year, month in months),
        tuple(
            FigureRow(label, tuple(counts.get(code, 0) for code in codes)) for label, counts in rows
        ),
        note,
    )


def _open_tables(groups: list[OpenGroup], end: date) -> tuple[FigureTable, ...]:
    by_status: Counter[CaseStatus] = Counter()
    by_rag: Counter[str] = Counter()
    by_band: Counter[str] = Counter()
    for status, rating, years, count in groups:
        by_status[status] += count
        by_rag[NOT_RATED if rating is None else rating.label] += count
        by_band[band_label(years, NOT_KNOWN)] += count
    at_end = f"at the end of the period ({end.strftime('%d/%m/%Y')})"
    return (
        breakdown(
            OPEN_BY_STATUS,
            "Open caseload by status",
            "Status",
            [(status.label, by_status[status]) for status in OPEN_STATUSES],
            f"Young people whose case was open {at_end}, by their status then: their latest "
            "status change on or before that day. Closed cases are not counted.",
        ),
        breakdown(
            OPEN_BY_RAG,
            "Open caseload by RAG rating",
            "RAG rating",
            [(rag.label, by_rag[rag.label]) for rag in Rag] + [(NOT_RATED, by_rag[NOT_RATED])],
            f"Young people whose case was open {at_end}, by their latest RAG rating on or "
            "before that day.",
        ),
        breakdown(
            OPEN_BY_AGE_BAND,
            "Open caseload by age band",
            "Age band",
            [(label, by_band[label]) for label in AGE_BAND_LABELS],
            f"Young people whose case was open {at_end}, by their age on that day.",
        ),
    )


def _intervention_tables(
    kinds: Counter[InterventionType], enforcement: int, started: int
) -> tuple[FigureTable, FigureTable]:
    by_type = FigureTable(
        INTERVENTIONS_BY_TYPE,
        "Interventions started by type",
        "Intervention",
        ("Started",),
        tuple(FigureRow(kind.label, (kinds[kind],)) for kind in InterventionType),
        "Interventions whose start date is in the period, by type. Warning letters, acceptable "
        "behaviour contracts, civil injunctions and criminal behaviour orders are enforcement: "
        "the last resort.",
    )
    share = breakdown(
        ENFORCEMENT_SHARE,
        "Enforcement as a share of interventions",
        "Kind",
        [(ENFORCEMENT, enforcement), (SUPPORT, started - enforcement)],
        "The interventions started in the period: enforcement beside support and diversion "
        "(every other type). Enforcement is meant to be the last resort.",
    )
    return by_type, share


def _closure_tables(closures: list[ClosureGroup]) -> tuple[FigureTable, FigureTable]:
    reasons: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    for reason, outcome, count in closures:
        reasons[NOT_RECORDED if reason is None else reason.label] += count
        outcomes[NOT_RECORDED if outcome is None else outcome.label] += count
    not_recorded = (
        '"Not recorded" counts closings made before reasons and outcomes were chosen from lists.'
    )
    return (
        breakdown(
            CLOSURES_BY_REASON,
            "Case closures by reason",
            "Reason",
            [(reason.label, reasons[reason.label]) for reason in ClosureReason]
            + [(NOT_RECORDED, reasons[NOT_RECORDED])],
            f"Cases closed in the period, by the reason chosen when closing. {not_recorded}",
        ),
        breakdown(
            CLOSURES_BY_OUTCOME,
            "Case closures by outcome",
            "Outcome",
            [(outcome.label, outcomes[outcome.label]) for outcome in ClosureOutcome]
            + [(NOT_RECORDED, outcomes[NOT_RECORDED])],
            f"Cases closed in the period, by the worker's judgement of the outcome. {not_recorded}",
        ),
    )


def _first_contact_table(days: list[int | None]) -> FigureTable:
    bands = Counter(NO_CONTACT if day is None else contact_band(day) for day in days)
    labels = [label for label, _low, _high in CONTACT_BANDS] + [MORE_THAN_28, NO_CONTACT]
    return breakdown(
        FIRST_CONTACT,
        "Time from referral to first contact",
        "Days to first contact",
        [(label, bands[label]) for label in labels],
        "Referrals received in the period and accepted, by the days from the referral to the "
        "first visit, call, online session, ride-out contact or meeting on or after that day.",
    )

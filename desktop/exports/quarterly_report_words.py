"""The quarterly report's figures in words: a few sentences per topic, for the summary and the
opening of each section.

Every number in words follows the tables' suppression: a single count goes through `shown()`;
a total is given as it is only when none of the counts it adds up is hidden (otherwise it is
"more than" the counts shown), since a total beside the table would give a hidden count away.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from desktop.exports.document_base import long_date
from desktop.services import analysis_dashboard as keys
from desktop.services.analysis_dashboard import Dashboard
from desktop.services.analysis_outcomes import AnalysisOutcomes
from desktop.services.analysis_tables import (
    SMALL_NUMBER,
    AnalysisPeriod,
    FigureTable,
    shown,
    shown_total,
)
from desktop.services.disproportionality import Disproportionality

LAST_RESORT = (
    "Enforcement (warning letters, acceptable behaviour contracts, injunctions and orders) is a "
    "last resort, used only when support has not worked."
)
# A ratio at or above this is named in the summary as a group to look into.
NOTABLE_RATIO = 1.5
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def is_quarter(period: AnalysisPeriod) -> bool:
    """A calendar quarter exactly: the first of January, April, July or October to the end of
    the third month."""
    start, end = period.start, period.end
    if start.day != 1 or start.month not in (1, 4, 7, 10):
        return False
    after = date(start.year + (start.month == 10), (start.month + 2) % 12 + 1, 1)
    return end == after - timedelta(days=1)


def period_name(period: AnalysisPeriod) -> str:
    """ "October to December 2024" for a quarter; the two dates otherwise."""
    if is_quarter(period):
        first, last = MONTHS[period.start.month - 1], MONTHS[period.end.month - 1]
        return f"{first} to {last} {period.end.year}"
    return f"{long_date(period.start)} to {long_date(period.end)}"


def span(period: AnalysisPeriod) -> str:
    return "quarter" if is_quarter(period) else "period"


def counted(count: int, noun: str) -> str:
    """A count before a plural noun: "no referrals", "fewer than 5 referrals", "37 referrals"
    (1 is always hidden, so the noun is always plural)."""
    return f"no {noun}" if count == 0 else f"{shown(count)} {noun}"


def total(counts: Iterable[int], noun: str) -> str:
    """A total in words that gives no hidden count away (see analysis_tables.shown_total)."""
    return total_of_counts([list(counts)], noun)


def total_of(tables: Sequence[FigureTable], noun: str) -> str:
    """A total that several tables add up to (the open caseload by status and by rating)."""
    return total_of_counts([table.cells() for table in tables], noun)


def total_of_counts(count_sets: Sequence[Sequence[int]], noun: str) -> str:
    words = shown_total(count_sets)
    return f"no {noun}" if words == "0" else f"{words} {noun}"


def named(label: str) -> str:
    """A row label inside a sentence: "Police intelligence" as "police intelligence", but "ASB
    housing team" and "NRM referral" kept as they are."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def row_count(table: FigureTable, label: str) -> int:
    try:
        return table.count(label)
    except KeyError:
        return 0


def listed(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


# ---- topics ------------------------------------------------------------------------------
def referrals(dashboard: Dashboard, outcomes: AnalysisOutcomes) -> str:
    period = span(dashboard.period)
    table = dashboard.table(keys.REFERRALS_BY_SOURCE)
    # The re-referral table counts the period's referrals outright: the same total, as a count.
    try:
        received = counted(
            outcomes.table("re_referrals").count("Referrals received in the period"), "referrals"
        )
    except (StopIteration, KeyError):
        received = total(table.cells(), "referrals")
    words = [f"There were {received} in the {period}."]
    # A source's total is given only when none of its months is hidden (a month's count could
    # be worked out from it otherwise); those are the sources the table shows in full.
    whole = [
        (sum(row.counts), named(row.label))
        for row in table.rows
        if sum(row.counts) >= SMALL_NUMBER
        and not any(0 < count < SMALL_NUMBER for count in row.counts)
    ]
    top = [f"{label} ({count})" for count, label in sorted(whole, key=lambda item: -item[0])[:3]]
    if top:
        words.append(f"The most came from {listed(top)}.")
    few = [named(row.label) for row in table.rows if 0 < sum(row.counts) < SMALL_NUMBER]
    if len(few) > 3:
        words.append(f"{len(few)} sources made fewer than 5 referrals each.")
    elif few:
        each = "each of " if len(few) > 1 else ""
        words.append(f"Fewer than 5 referrals came from {each}{listed(few)}.")
    return " ".join(words)


def caseload(dashboard: Dashboard) -> str:
    period = span(dashboard.period)
    status = dashboard.table(keys.OPEN_BY_STATUS)
    rag = dashboard.table(keys.OPEN_BY_RAG)
    by_age = dashboard.table(keys.OPEN_BY_AGE_BAND)
    open_cases = total_of((status, rag, by_age), "young people")
    ratings = [
        f"{shown(row.counts[0])} {row.label.lower()}"
        for row in rag.rows
        if row.counts[0] and row.label in ("Red", "Amber", "Green")
    ]
    words = [f"At the end of the {period} {open_cases} had an open case."]
    if ratings:
        words.append(f"Their latest RAG ratings: {listed(ratings)}.")
    not_rated = row_count(rag, keys.NOT_RATED)
    if not_rated:
        words.append(f"{sentence(counted(not_rated, 'young people'))} had no rating yet.")
    return " ".join(words)


def risk(dashboard: Dashboard) -> str:
    period = span(dashboard.period)
    flags = total(dashboard.table(keys.FLAGS_BY_MONTH).cells(), "flags")
    missing = total(dashboard.table(keys.MISSING_BY_MONTH).cells(), "missing episodes")
    return f"{sentence(flags)} were raised in the {period}, and {missing} began."


def interventions(dashboard: Dashboard) -> str:
    period = span(dashboard.period)
    share_table = dashboard.table(keys.ENFORCEMENT_SHARE)
    by_type = dashboard.table(keys.INTERVENTIONS_BY_TYPE)
    started = total_of((by_type, share_table), "interventions")
    enforcement = row_count(share_table, keys.ENFORCEMENT)
    support = row_count(share_table, keys.SUPPORT)
    words = [f"{sentence(started)} were started in the {period}."]
    if enforcement == 0 and support:
        words.append("None of them was enforcement.")
    elif dashboard.enforcement_share is None or 0 < support < SMALL_NUMBER:
        # A share beside a hidden count would give the count away.
        if enforcement:
            words.append("Enforcement actions were too few to give as a share.")
    else:
        words.append(
            f"Enforcement made up {dashboard.enforcement_share:.0%} of them "
            f"({counted(enforcement, 'enforcement actions')})."
        )
    words.append(LAST_RESORT)
    return " ".join(words)


def closures(dashboard: Dashboard) -> str:
    period = span(dashboard.period)
    reasons = dashboard.table(keys.CLOSURES_BY_REASON)
    closed = total_of((reasons, dashboard.table(keys.CLOSURES_BY_OUTCOME)), "cases")
    words = [f"{sentence(closed)} were closed in the {period}."]
    common = [
        row
        for row in reasons.rows
        if row.label != keys.NOT_RECORDED and row.counts[0] >= SMALL_NUMBER
    ]
    if common:
        most = max(common, key=lambda row: row.counts[0])
        words.append(f"The most common reason was “{most.label.lower()}” ({most.counts[0]}).")
    median = dashboard.median_days_to_first_contact
    if median is None:
        words.append("Too few referrals were contacted to give a typical time to first contact.")
    else:
        days = f"{median:g} day" + ("" if median == 1 else "s")
        words.append(f"Half of the accepted referrals were first contacted within {days}.")
    return " ".join(words)


def outcomes_words(outcomes: AnalysisOutcomes) -> str:
    words = []
    starts = total(
        outcomes.table("coaching_starts").cells(), "course, apprenticeship or job starts"
    )
    neet = row_count(outcomes.table("coaching_eet"), "NEET to education, employment or training")
    words.append(
        f"Employment coaching recorded {starts}, and "
        f"{counted(neet, 'moves from NEET into education, employment or training')}."
    )
    score = outcomes.score15
    if score.respondents == 0:
        words.append("No family had two SCORE-15 measures in the period to compare.")
    else:
        change = (
            f" (mean change {score.mean_change:+.2f}; a fall is better)"
            if score.mean_change is not None
            else ""
        )
        words.append(
            f"Of {counted(score.respondents, 'SCORE-15 respondents')} measured twice or more, "
            f"{shown(score.improved)} reported fewer difficulties at the last measure{change}."
        )
    direction = outcomes.table("risk_direction")
    lower, higher = row_count(direction, "Lower risk"), row_count(direction, "Higher risk")
    words.append(
        f"Since their first rating, {counted(lower, 'young people')} moved to a lower risk "
        f"rating and {counted(higher, 'young people')} to a higher one."
    )
    re_referred = row_count(
        outcomes.table("re_referrals"), "Received within 12 months after the case closed"
    )
    words.append(
        f"{sentence(counted(re_referred, 'referrals'))} came within 12 months of the young "
        "person's case closing."
    )
    return " ".join(words)


def disproportionality(compare: Disproportionality) -> str:
    words = [
        f"{sentence(counted(compare.people, 'young people'))} were referred in the "
        f"{span(compare.period)}."
    ]
    compared = [
        (group, group.ratio)
        for dimension in compare.dimensions
        for group in dimension.groups
        if group.in_shares and group.ratio is not None and group.caseload_count >= SMALL_NUMBER
    ]
    notable = [f"{g.label} ({g.shown_ratio})" for g, ratio in compared if ratio >= NOTABLE_RATIO]
    if not any(d.population_total for d in compare.dimensions):
        words.append("No population figures are recorded yet, so no group can be compared.")
    elif not compared:
        words.append("No group had enough young people referred to compare with the population.")
    elif notable:
        words.append(
            f"Groups referred at {NOTABLE_RATIO:g} times their share of the borough's young "
            f"people or more: {listed(notable)}."
        )
    else:
        words.append(
            f"No group was referred at {NOTABLE_RATIO:g} times its share of the borough's young "
            "people or more."
        )
    return " ".join(words)

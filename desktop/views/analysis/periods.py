"""The reporting periods the Analysis section offers, as first and last days (both included)."""

from __future__ import annotations

import enum
from datetime import date, timedelta


class Period(enum.Enum):
    THIS_MONTH = "This month"
    LAST_MONTH = "Last month"
    THIS_QUARTER = "This quarter"
    LAST_QUARTER = "Last quarter"
    THIS_YEAR = "This year"
    CUSTOM = "Custom dates"


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


def quarter_start(day: date) -> date:
    """Calendar quarters: January, April, July and October."""
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def period_dates(period: Period, today: date) -> tuple[date, date]:
    """Whole calendar periods; a period still running ends on its last day, not today (nothing
    can be dated after today, so the counts are the same)."""
    if period is Period.THIS_MONTH:
        return month_start(today), month_end(today)
    if period is Period.LAST_MONTH:
        last = month_start(today) - timedelta(days=1)
        return month_start(last), last
    if period is Period.THIS_QUARTER:
        start = quarter_start(today)
        return start, month_end(date(start.year, start.month + 2, 1))
    if period is Period.LAST_QUARTER:
        end = quarter_start(today) - timedelta(days=1)
        return quarter_start(end), end
    if period is Period.THIS_YEAR:
        return date(today.year, 1, 1), date(today.year, 12, 31)
    raise ValueError("Custom dates are chosen by the user.")

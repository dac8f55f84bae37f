"""The SQL behind the analyst's dashboard: grouped counts for a period, never a row of a record.

Each function runs one query in the caller's session and returns counts keyed by category codes
or "YYYY-MM" months (the definitions are in analysis_dashboard's docstring). A date-and-time is
taken on its local date by SQLite's "localtime", which reads the stored UTC time in the
machine's zone as Python's astimezone() does.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Integer, cast, exists, func, select, tuple_
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

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
from desktop.models.chronology import ChronologyEntry
from desktop.models.interventions import Intervention
from desktop.models.missing import MissingEpisode
from desktop.models.people import YoungPerson
from desktop.models.referrals import Referral
from desktop.models.risk import Flag, FlagType, RagRating
from desktop.services.analysis_tables import AnalysisPeriod

# The kinds of chronology entry that are contact with the young person.
CONTACT_TYPES = (
    EntryType.VISIT,
    EntryType.PHONE,
    EntryType.ONLINE,
    EntryType.RIDE_OUT,
    EntryType.MEETING,
)

# A column or an expression over one, as SQL functions take them.
SqlValue = ColumnElement[Any] | InstrumentedAttribute[Any]
# (status, latest rating or None, age in years on the end date or None, people)
OpenGroup = tuple[CaseStatus, Rag | None, int | None, int]
# (closure reason, closure outcome, closings); None where a closing predates the categories.
ClosureGroup = tuple[ClosureReason | None, ClosureOutcome | None, int]


def _local_date(moment: SqlValue) -> ColumnElement[str]:
    return func.date(moment, "localtime")


def _month(day: SqlValue) -> ColumnElement[str]:
    return func.strftime("%Y-%m", day)


def _none_later(later: Any, row: Any, moment: str, end: str) -> ColumnElement[bool]:
    """No row of the same young person dated on or before `end` is later than `row` (by time,
    then by id). Cheaper in SQLite than a window over every row: each check is a short search of
    the young person's index."""
    return ~exists().where(
        later.young_person_id == row.young_person_id,
        _local_date(getattr(later, moment)) <= end,
        tuple_(getattr(later, moment), later.id) > tuple_(getattr(row, moment), row.id),
    )


def referrals_by_source(
    session: Session, period: AnalysisPeriod
) -> dict[ReferralSource, Counter[str]]:
    """Referrals received in the period: source -> {"YYYY-MM": count}."""
    month = _month(Referral.received_on)
    query = (
        select(Referral.source, month, func.count())
        .where(Referral.received_on.between(period.start, period.end))
        .group_by(Referral.source, month)
    )
    counts: dict[ReferralSource, Counter[str]] = {source: Counter() for source in ReferralSource}
    for source, code, count in session.execute(query):
        counts[source][code] += count
    return counts


def open_caseload(session: Session, end: date) -> list[OpenGroup]:
    """The people open at the end of the day `end`, grouped by status, rating and age."""
    on_or_before = end.isoformat()
    later_change, later_rating = aliased(StatusChange), aliased(RagRating)
    statuses = (
        select(
            StatusChange.young_person_id.label("person_id"),
            StatusChange.to_status.label("status"),
        )
        .where(
            _local_date(StatusChange.changed_at) <= on_or_before,
            _none_later(later_change, StatusChange, "changed_at", on_or_before),
        )
        .subquery()
    )
    ratings = (
        select(RagRating.young_person_id.label("person_id"), RagRating.rating.label("rating"))
        .where(
            _local_date(RagRating.rated_at) <= on_or_before,
            _none_later(later_rating, RagRating, "rated_at", on_or_before),
        )
        .subquery()
    )
    born = YoungPerson.date_of_birth
    # Age on the end date: the years between, less one while the birthday is still to come.
    age = (
        cast(func.strftime("%Y", on_or_before), Integer)
        - cast(func.strftime("%Y", born), Integer)
        - cast(func.strftime("%m-%d", born) > func.strftime("%m-%d", on_or_before), Integer)
    ).label("age")
    query = (
        select(statuses.c.status, ratings.c.rating, age, func.count())
        .select_from(statuses)
        .join(YoungPerson, YoungPerson.id == statuses.c.person_id)
        .outerjoin(ratings, ratings.c.person_id == statuses.c.person_id)
        .where(statuses.c.status != CaseStatus.CLOSED)
        .group_by(statuses.c.status, ratings.c.rating, age)
    )
    return [
        (status, rating, years, count) for status, rating, years, count in session.execute(query)
    ]


def flags_by_type(session: Session, period: AnalysisPeriod) -> dict[int, Counter[str]]:
    """Flags started in the period: flag type id -> {"YYYY-MM": count}."""
    month = _month(Flag.started_on)
    query = (
        select(Flag.flag_type_id, month, func.count())
        .where(Flag.started_on.between(period.start, period.end))
        .group_by(Flag.flag_type_id, month)
    )
    counts: dict[int, Counter[str]] = {}
    for type_id, code, count in session.execute(query):
        counts.setdefault(type_id, Counter())[code] += count
    return counts


def flag_types(session: Session) -> list[tuple[int, str, bool]]:
    """Every kind of flag as (id, label, in use), in the order they were made."""
    query = select(FlagType.id, FlagType.label, FlagType.active).order_by(FlagType.id)
    return [(type_id, label, active) for type_id, label, active in session.execute(query)]


def missing_by_month(session: Session, period: AnalysisPeriod) -> Counter[str]:
    """Missing episodes begun in the period: {"YYYY-MM": count}."""
    local_day = _local_date(MissingEpisode.went_missing_at)
    month = _month(local_day)
    query = (
        select(month, func.count())
        .where(local_day.between(period.start.isoformat(), period.end.isoformat()))
        .group_by(month)
    )
    return Counter({code: count for code, count in session.execute(query)})


def interventions_started(session: Session, period: AnalysisPeriod) -> Counter[InterventionType]:
    query = (
        select(Intervention.kind, func.count())
        .where(Intervention.started_on.between(period.start, period.end))
        .group_by(Intervention.kind)
    )
    return Counter({kind: count for kind, count in session.execute(query)})


def closures(session: Session, period: AnalysisPeriod) -> list[ClosureGroup]:
    local_day = _local_date(StatusChange.changed_at)
    query = (
        select(StatusChange.closure_reason, StatusChange.closure_outcome, func.count())
        .where(
            StatusChange.to_status == CaseStatus.CLOSED,
            local_day.between(period.start.isoformat(), period.end.isoformat()),
        )
        .group_by(StatusChange.closure_reason, StatusChange.closure_outcome)
    )
    return [(reason, outcome, count) for reason, outcome, count in session.execute(query)]


def days_to_first_contact(session: Session, period: AnalysisPeriod) -> list[int | None]:
    """For each accepted referral received in the period, the days to first contact (or None)."""
    contact_day = _local_date(ChronologyEntry.occurred_at)
    first_contact = (
        select(contact_day)
        .where(
            ChronologyEntry.young_person_id == Referral.young_person_id,
            # A bound on the indexed time first (no local day begins a whole day before UTC's),
            # so that SQLite reads only the entries from about the referral onwards, in order.
            ChronologyEntry.occurred_at >= func.date(Referral.received_on, "-1 day"),
            contact_day >= Referral.received_on,
            ChronologyEntry.entry_type.in_(CONTACT_TYPES),
            ChronologyEntry.deleted_at.is_(None),
        )
        .order_by(ChronologyEntry.occurred_at)
        .limit(1)
        .correlate(Referral)
        .scalar_subquery()
    )
    query = select(func.julianday(first_contact) - func.julianday(Referral.received_on)).where(
        Referral.received_on.between(period.start, period.end),
        Referral.decision == ReferralDecision.ACCEPTED,
    )
    return [None if days is None else round(days) for days in session.scalars(query)]

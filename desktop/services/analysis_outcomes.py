"""Outcome figures for a period, for the analyst and the coordinator, as FigureTables.

Definitions (a period runs from its start date to its end date, both included; a date-and-time
counts on its local date):
- employment coaching: as desktop/services/coaching_outcomes.py (starts and sustainment
  milestones by kind, NEET to EET changes, plans started and open at the end);
- family therapy sessions: sessions held in the period by outcome; attendance: the attendance
  marks of those sessions, young people and family members apart, attended or not;
- SCORE-15 change: for each respondent (one young person or family member, one version of the
  measure) with at least two scored measures at sessions held in the period, the total at the
  last minus the total at the first (by session time). Higher scores mean more difficulties, so
  a fall is "improved", a rise "worse". The mean change is given for 5 respondents or more;
- risk trajectories: every young person first rated on or before the end: the first rating (the
  one at referral) against the latest rating on or before the end;
- re-referrals: referrals received in the period, and those of them received within 12 months
  after the young person's case was closed (a closing dated before the referral, the referral on
  or before the same date a year on).
Counts are of records or people as each figure says; no name, id, date of birth, reference or
free text is returned.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.case_status import StatusChange
from desktop.models.choices import CaseStatus, Rag, SessionOutcome
from desktop.models.referrals import Referral
from desktop.models.risk import RagRating
from desktop.models.therapy import OutcomeMeasure, SessionAttendance, TherapySession
from desktop.services import actions, audit_chain
from desktop.services.analysis_tables import (
    SMALL_NUMBER,
    AnalysisPeriod,
    FigureRow,
    FigureTable,
    breakdown,
)
from desktop.services.coaching_outcomes import CoachingOutcomeService, OutcomeCounts
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import PermissionDeniedError
from desktop.services.population_service import MAY_ANALYSE
from desktop.services.score15 import MeasureDefinition, load_definitions, score

RAG_ORDER = (Rag.RED, Rag.AMBER, Rag.GREEN)


@dataclass(frozen=True)
class Score15Change:
    respondents: int
    improved: int
    same: int
    worse: int
    # The mean of (last total - first total); None for fewer than 5 respondents.
    mean_change: float | None


@dataclass(frozen=True)
class AnalysisOutcomes:
    period: AnalysisPeriod
    tables: tuple[FigureTable, ...]
    score15: Score15Change

    def table(self, key: str) -> FigureTable:
        return next(table for table in self.tables if table.key == key)


def local_day(moment: datetime) -> date:
    return moment.astimezone().date()


def a_year_on(day: date) -> date:
    """The same date a year later (29 February gives 1 March)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return date(day.year + 1, 3, 1)


class AnalysisOutcomeService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        user: CurrentUser,
        clock: Clock,
        measures_path: Path,
    ) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock
        self._measures_path = measures_path
        self._coaching = CoachingOutcomeService(sessions, user, clock)

    def outcomes(self, period: AnalysisPeriod) -> AnalysisOutcomes:
        """Every outcome figure for the period (see the module's definitions)."""
        if self._user.role not in MAY_ANALYSE:
            raise PermissionDeniedError("see outcome figures")
        coaching = self._coaching.counts(period.start, period.end)
        definitions = load_definitions(self._measures_path)
        with self._sessions.begin() as session:
            therapy = _therapy_tables(session, period)
            change = _score15_change(session, period, definitions)
            risk = _risk_tables(session, period)
            re_referral = _re_referrals(session, period)
            audit_chain.append(
                session,
                self._clock.now(),
                self._user.username,
                actions.ANALYSIS_OUTCOMES_COUNTED,
                "analysis_outcomes",
                f"{period.start.isoformat()}/{period.end.isoformat()}",
                ["coaching", "therapy", "score15", "risk", "re_referrals"],
            )
        tables = (
            *_coaching_tables(coaching),
            *therapy,
            _score15_table(change),
            *risk,
            re_referral,
        )
        return AnalysisOutcomes(period, tables, change)


def _coaching_tables(counts: OutcomeCounts) -> tuple[FigureTable, ...]:
    return (
        breakdown(
            "coaching_starts",
            "Employment coaching: starts",
            "Start",
            [(kind.label, count) for kind, count in counts.starts.items()],
            "Course, apprenticeship and job starts dated in the period (records, not people).",
        ),
        breakdown(
            "coaching_sustained",
            "Employment coaching: sustained",
            "Sustained for",
            [(kind.label, count) for kind, count in counts.sustained.items()],
            "Sustainment milestones dated in the period, closed plans included.",
        ),
        breakdown(
            "coaching_eet",
            "Employment coaching: EET changes and plans",
            "Figure",
            [
                ("NEET to education, employment or training", counts.neet_to_eet),
                ("Plans started", counts.plans_started),
                ("Plans open at the end", counts.plans_open_at_end),
            ],
            "A change is a new EET spell started in the period straight after a NEET or "
            "volunteering spell.",
        ),
    )


def _sessions_in(session: Session, period: AnalysisPeriod) -> dict[int, datetime]:
    """Therapy session ids held in the period, with their times."""
    rows = session.execute(select(TherapySession.id, TherapySession.starts_at))
    return {
        session_id: starts_at
        for session_id, starts_at in rows
        if period.start <= local_day(starts_at) <= period.end
    }


def _therapy_tables(session: Session, period: AnalysisPeriod) -> tuple[FigureTable, ...]:
    held = _sessions_in(session, period)
    outcomes: Counter[SessionOutcome] = Counter()
    for session_id, outcome in session.execute(select(TherapySession.id, TherapySession.outcome)):
        if session_id in held:
            outcomes[outcome] += 1
    marks: Counter[tuple[bool, bool]] = Counter()  # (young person, attended)
    for session_id, person_id, attended in session.execute(
        select(
            SessionAttendance.session_id,
            SessionAttendance.young_person_id,
            SessionAttendance.attended,
        )
    ):
        if session_id in held:
            marks[(person_id is not None, attended)] += 1
    return (
        breakdown(
            "therapy_sessions",
            "Family therapy: sessions held, by outcome",
            "Outcome",
            [(outcome.label, outcomes[outcome]) for outcome in SessionOutcome],
            "Sessions whose date is in the period.",
        ),
        FigureTable(
            "therapy_attendance",
            "Family therapy: attendance",
            "Who",
            ("Attended", "Did not attend"),
            (
                FigureRow("Young people", (marks[(True, True)], marks[(True, False)])),
                FigureRow("Family members", (marks[(False, True)], marks[(False, False)])),
            ),
            "Attendance marks at sessions in the period: one per person per session.",
        ),
    )


def _score15_change(
    session: Session, period: AnalysisPeriod, definitions: dict[str, MeasureDefinition]
) -> Score15Change:
    held = _sessions_in(session, period)
    totals: dict[tuple[int | None, int | None, str], list[tuple[datetime, int, float]]] = {}
    for measure in session.scalars(select(OutcomeMeasure)):
        definition = definitions.get(measure.version)
        if measure.session_id not in held or definition is None:
            continue
        total = score(definition, measure.item_scores).total
        if total is None:
            continue
        key = (measure.young_person_id, measure.contact_id, measure.version)
        totals.setdefault(key, []).append((held[measure.session_id], measure.id, total))
    changes = []
    for measures in totals.values():
        if len(measures) >= 2:
            measures.sort()
            changes.append(round(measures[-1][2] - measures[0][2], 6))
    return Score15Change(
        respondents=len(changes),
        improved=sum(change < 0 for change in changes),
        same=sum(change == 0 for change in changes),
        worse=sum(change > 0 for change in changes),
        mean_change=(sum(changes) / len(changes) if len(changes) >= SMALL_NUMBER else None),
    )


def _score15_table(change: Score15Change) -> FigureTable:
    mean = (
        "too few respondents to give a mean change"
        if change.mean_change is None
        else f"mean change {change.mean_change:+.2f} (negative is better)"
    )
    return breakdown(
        "score15_change",
        "Family therapy: SCORE-15 change, first to last measure",
        "Change",
        [
            ("Improved (total fell)", change.improved),
            ("No change", change.same),
            ("Worse (total rose)", change.worse),
        ],
        "Respondents with two or more scored measures at sessions in the period; "
        f"higher totals mean more difficulties; {mean}.",
    )


def _risk_tables(session: Session, period: AnalysisPeriod) -> tuple[FigureTable, ...]:
    ratings = session.execute(
        select(RagRating.young_person_id, RagRating.rating, RagRating.rated_at).order_by(
            RagRating.rated_at, RagRating.id
        )
    )
    first: dict[int, Rag] = {}
    latest: dict[int, Rag] = {}
    for person_id, rating, rated_at in ratings:
        if local_day(rated_at) > period.end:
            continue
        first.setdefault(person_id, rating)
        latest[person_id] = rating
    moves: Counter[tuple[Rag, Rag]] = Counter(
        (rating, latest[person_id]) for person_id, rating in first.items()
    )
    rank = {rag: index for index, rag in enumerate(RAG_ORDER)}  # red 0: highest risk
    lower = sum(n for (a, b), n in moves.items() if rank[b] > rank[a])
    higher = sum(n for (a, b), n in moves.items() if rank[b] < rank[a])
    same = sum(n for (a, b), n in moves.items() if a == b)
    return (
        FigureTable(
            "risk_trajectories",
            "Risk: first rating against rating at the end of the period",
            "First rating",
            tuple(f"{rag.label} at the end" for rag in RAG_ORDER),
            tuple(
                FigureRow(rag.label, tuple(moves[(rag, end)] for end in RAG_ORDER))
                for rag in RAG_ORDER
            ),
            "Young people first rated on or before the end of the period: the first rating "
            "(at referral) in rows, the latest on or before the end in columns.",
        ),
        breakdown(
            "risk_direction",
            "Risk: direction since the first rating",
            "Direction",
            [("Lower risk", lower), ("Same", same), ("Higher risk", higher)],
            "The same young people as the trajectory table.",
        ),
    )


def _re_referrals(session: Session, period: AnalysisPeriod) -> FigureTable:
    closings: dict[int, list[date]] = {}
    for person_id, changed_at in session.execute(
        select(StatusChange.young_person_id, StatusChange.changed_at).where(
            StatusChange.to_status == CaseStatus.CLOSED
        )
    ):
        closings.setdefault(person_id, []).append(local_day(changed_at))
    received = 0
    within = 0
    people: set[int] = set()
    for person_id, received_on in session.execute(
        select(Referral.young_person_id, Referral.received_on).where(
            Referral.received_on.between(period.start, period.end)
        )
    ):
        received += 1
        if any(closed < received_on <= a_year_on(closed) for closed in closings.get(person_id, [])):
            within += 1
            people.add(person_id)
    return breakdown(
        "re_referrals",
        "Re-referrals within 12 months of a case closing",
        "Referrals",
        [
            ("Referrals received in the period", received),
            ("Received within 12 months after the case closed", within),
            ("Young people re-referred", len(people)),
        ],
        "A re-referral is a referral received after the young person's case was closed and "
        "no more than 12 months later.",
    )

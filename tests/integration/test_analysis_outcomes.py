"""The outcome figures of the demo vault, each checked against a count made here from the raw rows
(plain SQL, the module docstring's definitions written out again), and who may see them."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.models.accounts import Role
from desktop.models.choices import (
    CaseStatus,
    ClosureOutcome,
    ClosureReason,
    Rag,
    ReferralSource,
)
from desktop.resources_path import resource
from desktop.services import actions
from desktop.services.analysis_outcomes import AnalysisOutcomes, AnalysisOutcomeService
from desktop.services.analysis_tables import AnalysisPeriod
from desktop.services.demo_service import demo_username
from desktop.services.permissions import PermissionDeniedError
from desktop.services.referral_service import ReferralInput, ReferralService
from desktop.services.risk_service import RiskService
from desktop.services.score15 import load_definitions, score
from desktop.services.sign_in_service import SignedIn, SignInService
from desktop.services.status_service import StatusService
from desktop.vault.layout import VaultLayout
from tests.conftest import PASSPHRASE, FakeClock

PERIOD = AnalysisPeriod(date(2024, 3, 15), date(2025, 3, 14))
RAGS = ("red", "amber", "green")


def _sign_in(layout: VaultLayout, clock: FakeClock, role: Role) -> SignedIn:
    return SignInService(layout, clock).sign_in(demo_username(role), PASSPHRASE)


def _service(signed_in: SignedIn, clock: FakeClock) -> AnalysisOutcomeService:
    return AnalysisOutcomeService(
        signed_in.vault.sessions, signed_in.user, clock, resource("measures", "score15.json")
    )


def _rerate_and_rerefer(layout: VaultLayout, clock: FakeClock) -> None:
    """Gives the demo a risk that changed and a case closed then referred again in the period."""
    now = clock.now()
    coordinator = _sign_in(layout, clock, Role.COORDINATOR)
    sessions, user = coordinator.vault.sessions, coordinator.user
    try:
        with sessions() as session:
            open_ids = [
                int(str(person_id))
                for (person_id,) in _rows(
                    session,
                    "SELECT id FROM young_people WHERE status != 'closed' AND rag IS NOT NULL "
                    "ORDER BY id",
                )
            ]
        closed_id, rerated_id = open_ids[0], open_ids[1]
        clock.set_now(datetime(2025, 1, 10, 10, 0, tzinfo=UTC))
        StatusService(sessions, user, clock).change_status(
            closed_id,
            CaseStatus.CLOSED,
            "Moved away.",
            "Settled at college.",
            ClosureReason.MOVED_AWAY,
            ClosureOutcome.RISK_REDUCED,
        )
        clock.set_now(now)
        ReferralService(sessions, user, clock).add_referral(
            closed_id,
            ReferralInput(date(2025, 2, 3), ReferralSource.POLICE, reason="Seen again."),
        )
        current = RiskService(sessions, user, clock).rag_history(rerated_id)[0].rating
        changed = Rag.GREEN if current is not Rag.GREEN else Rag.RED
        RiskService(sessions, user, clock).set_rag(rerated_id, changed, "Things changed.")
    finally:
        coordinator.vault.lock()


@pytest.fixture
def demo(demo_vault: VaultLayout, clock: FakeClock) -> Iterator[tuple[SignedIn, AnalysisOutcomes]]:
    _rerate_and_rerefer(demo_vault, clock)
    signed_in = _sign_in(demo_vault, clock, Role.ANALYST)
    outcomes = _service(signed_in, clock).outcomes(PERIOD)
    yield signed_in, outcomes
    signed_in.vault.lock()


def _day(raw: str) -> date:
    """A stored naive-UTC date-time's local date."""
    return datetime.fromisoformat(raw).replace(tzinfo=UTC).astimezone().date()


def _in_period(day: date) -> bool:
    return PERIOD.start <= day <= PERIOD.end


def _rows(session: Session, sql: str) -> list[tuple[object, ...]]:
    return [tuple(row) for row in session.execute(text(sql))]


def test_coaching_figures_match_the_milestones_and_plans(
    demo: tuple[SignedIn, AnalysisOutcomes],
) -> None:
    signed_in, outcomes = demo
    with signed_in.vault.sessions() as session:
        kinds = Counter(
            kind
            for kind, achieved in _rows(session, "SELECT kind, achieved_on FROM milestones")
            if _in_period(date.fromisoformat(str(achieved)))
        )
        plans = _rows(session, "SELECT started_on, closed_on FROM coaching_plans")
    starts = outcomes.table("coaching_starts")
    assert [row.counts[0] for row in starts.rows] == [
        kinds[k] for k in ("course_start", "apprenticeship_start", "job_start")
    ]
    sustained = outcomes.table("coaching_sustained")
    assert [row.counts[0] for row in sustained.rows] == [
        kinds[k] for k in ("sustained_4_weeks", "sustained_13_weeks", "sustained_26_weeks")
    ]
    started = sum(_in_period(date.fromisoformat(str(s))) for s, _c in plans)
    still_open = sum(
        date.fromisoformat(str(s)) <= PERIOD.end
        and (c is None or date.fromisoformat(str(c)) > PERIOD.end)
        for s, c in plans
    )
    eet = outcomes.table("coaching_eet")
    assert eet.count("Plans started") == started
    assert eet.count("Plans open at the end") == still_open > 0
    assert starts.column_total() + sustained.column_total() > 0


def test_therapy_sessions_and_attendance_match_the_raw_rows(
    demo: tuple[SignedIn, AnalysisOutcomes],
) -> None:
    signed_in, outcomes = demo
    with signed_in.vault.sessions() as session:
        held = {
            session_id: outcome
            for session_id, starts_at, outcome in _rows(
                session, "SELECT id, starts_at, outcome FROM therapy_sessions"
            )
            if _in_period(_day(str(starts_at)))
        }
        marks = Counter(
            (person is not None, bool(attended))
            for session_id, person, attended in _rows(
                session, "SELECT session_id, young_person_id, attended FROM session_attendance"
            )
            if session_id in held
        )
    by_outcome = Counter(held.values())
    sessions_table = outcomes.table("therapy_sessions")
    assert sessions_table.count("Attended") == by_outcome["attended"] > 0
    assert sessions_table.count("Did not attend") == by_outcome["did_not_attend"]
    assert sessions_table.column_total() == len(held)
    attendance = outcomes.table("therapy_attendance")
    assert attendance.count("Young people", 0) == marks[(True, True)]
    assert attendance.count("Young people", 1) == marks[(True, False)]
    assert attendance.count("Family members", 0) == marks[(False, True)] > 0
    assert attendance.count("Family members", 1) == marks[(False, False)]


def test_score15_change_matches_first_and_last_measures(
    demo: tuple[SignedIn, AnalysisOutcomes],
) -> None:
    signed_in, outcomes = demo
    definitions = load_definitions(resource("measures", "score15.json"))
    with signed_in.vault.sessions() as session:
        rows = _rows(
            session,
            "SELECT m.young_person_id, m.contact_id, m.version, m.item_scores, s.starts_at, m.id "
            "FROM outcome_measures m JOIN therapy_sessions s ON s.id = m.session_id "
            "ORDER BY s.starts_at, m.id",
        )
    series: dict[tuple[object, object, object], list[float]] = {}
    for person, contact, version, items, starts_at, _id in rows:
        if not _in_period(_day(str(starts_at))):
            continue
        total = score(definitions[str(version)], json.loads(str(items))).total
        if total is not None:
            series.setdefault((person, contact, version), []).append(total)
    changes = [round(v[-1] - v[0], 6) for v in series.values() if len(v) >= 2]
    table = outcomes.table("score15_change")
    assert table.count("Improved (total fell)") == sum(c < 0 for c in changes)
    assert table.count("No change") == sum(c == 0 for c in changes)
    assert table.count("Worse (total rose)") == sum(c > 0 for c in changes)
    assert outcomes.score15.respondents == len(changes) > 0
    if len(changes) >= 5:
        assert outcomes.score15.mean_change == pytest.approx(sum(changes) / len(changes))
        assert f"{sum(changes) / len(changes):+.2f}" in table.note
    else:
        assert outcomes.score15.mean_change is None


def test_risk_trajectories_match_first_and_latest_ratings(
    demo: tuple[SignedIn, AnalysisOutcomes],
) -> None:
    signed_in, outcomes = demo
    with signed_in.vault.sessions() as session:
        ratings = _rows(
            session,
            "SELECT young_person_id, rating, rated_at FROM rag_ratings ORDER BY rated_at, id",
        )
    first: dict[object, str] = {}
    latest: dict[object, str] = {}
    for person, rating, rated_at in ratings:
        if _day(str(rated_at)) <= PERIOD.end:
            first.setdefault(person, str(rating))
            latest[person] = str(rating)
    moves = Counter((first[p], latest[p]) for p in first)
    table = outcomes.table("risk_trajectories")
    assert len(table.rows) == 3 and len(table.columns) == 3
    for row, at_first in zip(table.rows, RAGS, strict=True):
        assert list(row.counts) == [moves[(at_first, at_end)] for at_end in RAGS]
    assert sum(sum(row.counts) for row in table.rows) == len(first) > 0
    direction = outcomes.table("risk_direction")
    rank = {rag: i for i, rag in enumerate(RAGS)}
    assert direction.count("Lower risk") == sum(
        n for (a, b), n in moves.items() if rank[b] > rank[a]
    )
    assert direction.count("Same") == sum(n for (a, b), n in moves.items() if a == b)
    assert direction.column_total() == len(first)
    assert direction.count("Same") < len(first)  # the rating changed in the fixture


def test_re_referrals_match_closings_and_referrals(
    demo: tuple[SignedIn, AnalysisOutcomes],
) -> None:
    signed_in, outcomes = demo
    with signed_in.vault.sessions() as session:
        closings = _rows(
            session,
            "SELECT young_person_id, changed_at FROM status_changes WHERE to_status = 'closed'",
        )
        referrals = _rows(session, "SELECT young_person_id, received_on FROM referrals")
    closed: dict[object, list[date]] = {}
    for person, changed_at in closings:
        closed.setdefault(person, []).append(_day(str(changed_at)))
    received = [(p, date.fromisoformat(str(r))) for p, r in referrals]
    in_period = [(p, r) for p, r in received if _in_period(r)]
    again = [
        (p, r)
        for p, r in in_period
        if any(c < r <= date(c.year + 1, c.month, c.day) for c in closed.get(p, []))
    ]
    table = outcomes.table("re_referrals")
    assert table.count("Referrals received in the period") == len(in_period) > 0
    assert table.count("Received within 12 months after the case closed") == len(again) > 0
    assert table.count("Young people re-referred") == len({p for p, _r in again})


def test_figures_hold_no_names_and_the_count_is_audited(
    demo: tuple[SignedIn, AnalysisOutcomes],
) -> None:
    signed_in, outcomes = demo
    with signed_in.vault.sessions() as session:
        names = [
            str(name)
            for (name,) in _rows(session, "SELECT family_name FROM young_people")
            if len(str(name)) > 3
        ]
        audit = session.execute(
            text("SELECT actor, entity_id, fields FROM audit_log WHERE action = :action"),
            {"action": actions.ANALYSIS_OUTCOMES_COUNTED},
        ).all()
    written = repr(outcomes)
    assert not [name for name in names if re.search(rf"\b{re.escape(name)}\b", written)]
    assert [(actor, entity_id) for actor, entity_id, _fields in audit] == [
        (demo_username(Role.ANALYST), "2024-03-15/2025-03-14")
    ]


@pytest.mark.parametrize("role", [Role.GANGS_WORKER, Role.FAMILY_THERAPIST])
def test_only_the_analyst_and_coordinator_may_count(
    demo_vault: VaultLayout, clock: FakeClock, role: Role
) -> None:
    signed_in = _sign_in(demo_vault, clock, role)
    try:
        with pytest.raises(PermissionDeniedError):
            _service(signed_in, clock).outcomes(PERIOD)
    finally:
        signed_in.vault.lock()

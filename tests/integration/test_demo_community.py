"""The demo vault's community engagement: partners, the case study's activities, ride-outs, the
critical incident (seen by the roles allowed), and the strategy progress report, whose counts a
test recomputes here with its own queries on the vault rather than the service's code."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import docx
import pytest
from sqlalchemy import text

from desktop.models.accounts import Role
from desktop.models.choices import ActivityKind, EntryType, StrategyOutcome
from desktop.services.bundle import Services
from desktop.services.demo_community import ACTIVITIES, PARTNERS, RIDE_OUTS
from desktop.services.permissions import PermissionDeniedError
from desktop.vault.layout import VaultLayout
from tests.conftest import FakeClock, FastKdfPolicy
from tests.demo_sessions import demo_services
from tests.docx_reading import empty_headings, headings


@pytest.fixture
def demo(demo_vault: VaultLayout) -> VaultLayout:
    return demo_vault


@pytest.fixture
def coordinator(demo: VaultLayout, kdf: FastKdfPolicy, clock: FakeClock) -> Iterator[Services]:
    yield from demo_services(demo, kdf, clock, Role.COORDINATOR)


@pytest.fixture
def officer(demo: VaultLayout, kdf: FastKdfPolicy, clock: FakeClock) -> Iterator[Services]:
    yield from demo_services(demo, kdf, clock, Role.COMMUNITY_OFFICER)


@pytest.fixture
def worker(demo: VaultLayout, kdf: FastKdfPolicy, clock: FakeClock) -> Iterator[Services]:
    yield from demo_services(demo, kdf, clock, Role.GANGS_WORKER)


def test_the_demo_has_partners_activities_and_training(officer: Services, clock: FakeClock) -> None:
    today = clock.now().date()
    assert len(officer.partners.partners()) == len(PARTNERS)
    rows = officer.engagement.activities(today - timedelta(days=365), today)
    assert len(rows) == len(ACTIVITIES)
    assert {r.kind for r in rows} == set(ActivityKind)
    for row in rows:
        view = officer.engagement.activity(row.id)
        assert view.attendance and view.partners and view.outcomes
    training = officer.training.sessions(today - timedelta(days=365), today)
    assert len(training) == 2
    for session in training:
        summary = session.ratings
        assert summary.responses_before == summary.responses_after == session.attended
        assert summary.change is not None and summary.change > 0
    mosque = next(p for p in officer.partners.partners() if p.name.endswith("Mosque"))
    assert {w.what for w in officer.partners.partner(mosque.id).history} == {
        "activity",
        "report_shared",
    }


def test_demo_ride_outs_add_chronology_entries(worker: Services, clock: FakeClock) -> None:
    today = clock.now().date()
    rows = worker.ride_outs.ride_outs(today - timedelta(days=60), today)
    assert len(rows) == len(RIDE_OUTS)
    for row in rows:
        view = worker.ride_outs.ride_out(row.id)
        assert view.people and view.hidden_people == 0
        for person in view.people:
            assert person.chronology_entry_id is not None
            entry = worker.chronology.entry(person.chronology_entry_id)
            assert entry.details.entry_type is EntryType.RIDE_OUT
            assert entry.person_id == person.person_id


def test_the_demo_incident_is_seen_only_by_the_roles_allowed(
    coordinator: Services, worker: Services, officer: Services
) -> None:
    assert coordinator.incidents.allowed_roles() == {Role.COORDINATOR, Role.GANGS_WORKER}
    (row,) = worker.incidents.incidents()
    view = worker.incidents.incident(row.id)
    assert view.people and view.support and view.actions
    assert not officer.incidents.can_see()
    with pytest.raises(PermissionDeniedError):
        officer.incidents.incidents()


def _independent_counts(
    coordinator: Services, start: str, end: str, today: str
) -> dict[str, tuple[int, int, int, int, int]]:
    """Per outcome code: (activities held in the period, people they reached, open actions as
    at today, of them overdue, actions done in the period), counted in SQL written here, not by
    the service."""
    with coordinator.signed_in.vault.sessions.begin() as session:
        activities: dict[str, int] = dict(
            session.execute(
                text(
                    "SELECT o.outcome, COUNT(*) FROM activity_outcomes o "
                    "JOIN engagement_activities a ON a.id = o.activity_id "
                    "WHERE a.held_on BETWEEN :start AND :end GROUP BY o.outcome"
                ),
                {"start": start, "end": end},
            ).all()
        )
        reached: dict[str, int] = dict(
            session.execute(
                text(
                    "SELECT o.outcome, SUM(n.count) FROM activity_outcomes o "
                    "JOIN engagement_activities a ON a.id = o.activity_id "
                    "JOIN activity_attendance n ON n.activity_id = a.id "
                    "WHERE a.held_on BETWEEN :start AND :end GROUP BY o.outcome"
                ),
                {"start": start, "end": end},
            ).all()
        )
        open_actions = {
            outcome: (count, overdue)
            for outcome, count, overdue in session.execute(
                text(
                    "SELECT o.outcome, COUNT(*), "
                    "SUM(CASE WHEN e.due_on < :today THEN 1 ELSE 0 END) "
                    "FROM action_outcomes o JOIN engagement_actions e ON e.id = o.action_id "
                    "WHERE e.status IN ('to_do', 'in_progress') GROUP BY o.outcome"
                ),
                {"today": today},
            )
        }
        done: dict[str, int] = dict(
            session.execute(
                text(
                    "SELECT o.outcome, COUNT(*) FROM action_outcomes o "
                    "JOIN engagement_actions e ON e.id = o.action_id "
                    "WHERE e.done_on BETWEEN :start AND :end GROUP BY o.outcome"
                ),
                {"start": start, "end": end},
            ).all()
        )
    return {
        outcome.value: (
            activities.get(outcome.value, 0),
            reached.get(outcome.value, 0),
            *open_actions.get(outcome.value, (0, 0)),
            done.get(outcome.value, 0),
        )
        for outcome in StrategyOutcome
    }


def test_strategy_progress_report_counts_match_an_independent_count(
    coordinator: Services, clock: FakeClock, tmp_path: Path
) -> None:
    today = clock.now().date()
    start, end = today - timedelta(days=100), today
    expected = _independent_counts(
        coordinator, start.isoformat(), end.isoformat(), today.isoformat()
    )
    # The demo spreads activities and actions over every outcome, open and done.
    assert all(counts[0] and counts[2] for counts in expected.values())
    assert sum(counts[3] for counts in expected.values()) > 0  # some overdue
    assert sum(counts[4] for counts in expected.values()) > 0  # some done

    progress = coordinator.strategy.progress(start, end)
    for outcome in progress.outcomes:
        assert (
            outcome.activity_count,
            outcome.people_reached,
            outcome.open_count,
            outcome.overdue_count,
            outcome.done_count,
        ) == expected[outcome.outcome.value]

    path = coordinator.community_documents.progress_report(start, end, tmp_path / "progress")
    document = docx.Document(str(path))
    assert empty_headings(document) == []
    assert headings(document, 1) == ["Summary"] + [o.label for o in StrategyOutcome]
    summary = document.tables[2]  # details, document control, then the summary
    assert [c.text for c in summary.rows[0].cells][:4] == [
        "Outcome",
        "Activities",
        "People reached",
        "Open actions",
    ]
    for row, code in zip(summary.rows[1:], StrategyOutcome, strict=True):
        cells = [c.text for c in row.cells]
        assert cells == [code.label, *(str(n) for n in expected[code.value])]

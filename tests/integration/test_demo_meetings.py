"""The demo vault's meetings, as the demo coordinator and gangs worker see them: the weekly ASB
meeting and the multi-agency meetings, with attendees, items, and actions that are tasks on the
young people's cases (done ones closed, the newest open, one overdue)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from desktop.models.accounts import Role
from desktop.models.choices import MeetingKind
from desktop.services.bundle import Services
from desktop.services.demo_meetings import MEETINGS
from desktop.vault.layout import VaultLayout
from tests.conftest import FakeClock, FastKdfPolicy
from tests.demo_sessions import demo_services


@pytest.fixture
def demo(demo_vault: VaultLayout) -> VaultLayout:
    return demo_vault


@pytest.fixture
def coordinator(demo: VaultLayout, kdf: FastKdfPolicy, clock: FakeClock) -> Iterator[Services]:
    yield from demo_services(demo, kdf, clock, Role.COORDINATOR)


@pytest.fixture
def worker(demo: VaultLayout, kdf: FastKdfPolicy, clock: FakeClock) -> Iterator[Services]:
    yield from demo_services(demo, kdf, clock, Role.GANGS_WORKER)


def test_the_demo_has_meetings_with_people_items_and_actions(
    coordinator: Services, worker: Services, clock: FakeClock
) -> None:
    today = clock.now().date()
    rows = coordinator.meetings.meetings(today - timedelta(days=60), today)
    assert len(rows) == len(MEETINGS)
    kinds = {row.kind for row in rows}
    assert {MeetingKind.ASB_WEEKLY, MeetingKind.MACE, MeetingKind.CASE_CONFERENCE} <= kinds
    for row in rows:
        view = coordinator.meetings.meeting(row.id)
        assert view.present and view.people and view.items and view.actions
        assert view.minute_taker_name or view.chair_name

    everything = coordinator.meetings.actions_tracker(open_only=False)
    open_actions = [a for a in everything if a.is_open]
    assert any(not a.is_open for a in everything)
    assert any(a.overdue for a in open_actions)
    # The gangs worker's actions are tasks on the young people's cases, in step with them.
    on_cases = [a for a in everything if a.task_id is not None]
    assert on_cases
    for action in on_cases:
        assert action.person_id is not None
        tasks = {t.id: t for t in worker.tasks.tasks(action.person_id)}
        assert (tasks[action.task_id].done_at is not None) == (not action.is_open)

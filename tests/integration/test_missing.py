"""Missing episodes: the 72-hour return-home interview deadline and the strategy-meeting prompt
for 3 episodes within 30 days, on a fixed clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest

from desktop.models.accounts import Role
from desktop.services import actions
from desktop.services.audit_service import AuditFilter, AuditService
from desktop.services.current_user import CurrentUser
from desktop.services.missing_service import (
    MissingInputError,
    MissingService,
    RecordNotFoundError,
)
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.sign_in_service import SignedIn
from tests.conftest import AddAccount, FakeClock

PROMPT = "3 missing episodes in 30 days: arrange a strategy meeting."
HOUR = 3600
DAY = 24 * HOUR


@dataclass
class Setup:
    signed_in: SignedIn
    clock: FakeClock
    person_id: int

    def as_user(self, user: CurrentUser | None = None) -> MissingService:
        return MissingService(
            self.signed_in.vault.sessions, user or self.signed_in.user, self.clock
        )

    def days_ago(self, days: float) -> datetime:
        return self.clock.now() - timedelta(days=days)


@pytest.fixture
def setup(coordinator: tuple[SignedIn, str], clock: FakeClock) -> Setup:
    signed_in, _ = coordinator
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    return Setup(signed_in, clock, people.create(PersonDetails("Jay", "Missing")))


def test_a_third_episode_within_30_days_prompts_a_strategy_meeting(setup: Setup) -> None:
    """ACCEPTANCE: the third missing episode within 30 days raises the prompt."""
    service = setup.as_user()
    service.record_episode(setup.person_id, setup.days_ago(29), setup.days_ago(28))
    service.record_episode(setup.person_id, setup.days_ago(10), setup.days_ago(9))
    assert service.strategy_meeting_prompt(setup.person_id) is None
    service.record_episode(setup.person_id, setup.days_ago(0.5))
    assert service.strategy_meeting_prompt(setup.person_id) == PROMPT
    # The prompt is about now: once the first episode is more than 30 days old it goes.
    setup.clock.advance(2 * DAY)
    assert service.strategy_meeting_prompt(setup.person_id) is None


def test_three_episodes_spread_over_40_days_do_not_prompt(setup: Setup) -> None:
    """ACCEPTANCE: the same three episodes, spread over 40 days, raise no prompt."""
    service = setup.as_user()
    for days in (40, 20, 0):
        service.record_episode(setup.person_id, setup.days_ago(days), setup.days_ago(days))
    assert len(service.episodes(setup.person_id)) == 3
    assert service.strategy_meeting_prompt(setup.person_id) is None


def test_more_episodes_are_counted_in_the_prompt(setup: Setup) -> None:
    service = setup.as_user()
    for days in (25, 20, 15, 5):
        service.record_episode(setup.person_id, setup.days_ago(days))
    assert service.strategy_meeting_prompt(setup.person_id) == (
        "4 missing episodes in 30 days: arrange a strategy meeting."
    )


def test_the_return_interview_is_due_72_hours_after_the_return(setup: Setup) -> None:
    """ACCEPTANCE: a return shows its interview deadline, overdue once the clock passes it."""
    service = setup.as_user()
    returned_at = setup.clock.now() - timedelta(hours=1)
    episode_id = service.record_episode(setup.person_id, setup.days_ago(2))
    (still_missing,) = service.episodes(setup.person_id)
    assert still_missing.still_missing and still_missing.interview_due_by is None

    service.record_return(episode_id, returned_at)
    (episode,) = service.episodes(setup.person_id)
    assert episode.returned_at == returned_at
    assert episode.interview_due_by == returned_at + timedelta(hours=72)
    assert not episode.interview_overdue

    setup.clock.advance(71 * HOUR)  # exactly at the deadline: not yet late
    assert not service.episodes(setup.person_id)[0].interview_overdue
    setup.clock.advance(60)
    (late,) = service.episodes(setup.person_id)
    assert late.interview_overdue and late.interview_due_by == returned_at + timedelta(hours=72)

    service.record_interview(episode_id, setup.clock.now(), "  Kim (RHI worker) ")
    (done,) = service.episodes(setup.person_id)
    assert (done.interview_at, done.interview_by) == (setup.clock.now(), "Kim (RHI worker)")
    assert done.interview_due_by is None and not done.interview_overdue


def test_episodes_are_listed_latest_first(setup: Setup) -> None:
    service = setup.as_user()
    first = service.record_episode(setup.person_id, setup.days_ago(9), notes="Found at station")
    second = service.record_episode(setup.person_id, setup.days_ago(2))
    assert [e.id for e in service.episodes(setup.person_id)] == [second, first]
    assert service.episodes(setup.person_id)[1].notes == "Found at station"


def test_times_that_make_no_sense_are_refused(setup: Setup) -> None:
    service = setup.as_user()
    now = setup.clock.now()
    with pytest.raises(MissingInputError, match="in the future"):
        service.record_episode(setup.person_id, now + timedelta(hours=1))
    with pytest.raises(MissingInputError, match="returned before they went missing"):
        service.record_episode(setup.person_id, setup.days_ago(1), setup.days_ago(2))
    with pytest.raises(MissingInputError, match="time zone"):
        service.record_episode(setup.person_id, now.replace(tzinfo=None))
    episode_id = service.record_episode(setup.person_id, setup.days_ago(3))
    with pytest.raises(MissingInputError, match="Record their return"):
        service.record_interview(episode_id, now, "Kim")
    with pytest.raises(MissingInputError, match="in the future"):
        service.record_return(episode_id, now + timedelta(days=1))
    service.record_return(episode_id, setup.days_ago(1))
    with pytest.raises(MissingInputError, match="before they returned"):
        service.record_interview(episode_id, setup.days_ago(2), "Kim")
    with pytest.raises(MissingInputError, match="who carried out"):
        service.record_interview(episode_id, now, "  ")
    service.record_interview(episode_id, setup.days_ago(0.5), "Kim")
    with pytest.raises(MissingInputError, match="after the return-home interview"):
        service.record_return(episode_id, now)
    with pytest.raises(RecordNotFoundError):
        service.record_return(episode_id + 100, now)


def test_only_staff_who_may_see_the_record_reach_its_episodes(
    setup: Setup, add_account: AddAccount
) -> None:
    episode_id = setup.as_user().record_episode(setup.person_id, setup.days_ago(1))
    therapist = setup.as_user(add_account(Role.FAMILY_THERAPIST, "ft"))
    now = setup.clock.now()
    for call in (
        lambda: therapist.record_episode(setup.person_id, now),
        lambda: therapist.record_return(episode_id, now),
        lambda: therapist.record_interview(episode_id, now, "Kim"),
        lambda: therapist.episodes(setup.person_id),
        lambda: therapist.strategy_meeting_prompt(setup.person_id),
    ):
        with pytest.raises(RecordNotFoundError):
            call()
    assert len(setup.as_user().episodes(setup.person_id)) == 1


def test_changes_are_audited_by_field_name_only(setup: Setup) -> None:
    service = setup.as_user()
    episode_id = service.record_episode(setup.person_id, setup.days_ago(2), notes="Canary place")
    service.record_return(episode_id, setup.days_ago(1))
    service.record_interview(episode_id, setup.clock.now(), "Canary worker")
    audit = AuditService(setup.signed_in.vault.sessions, setup.signed_in.user)
    expected = {
        actions.MISSING_EPISODE_RECORDED: "notes,went_missing_at",
        actions.MISSING_RETURN_RECORDED: "returned_at",
        actions.RETURN_INTERVIEW_RECORDED: "interview_at,interview_by",
    }
    for action, fields in expected.items():
        (row,) = audit.page(AuditFilter(action=action), 0, 10)
        assert (row.entity_type, row.entity_id, row.fields) == (
            "missing_episode",
            str(episode_id),
            fields,
        )
        assert "Canary" not in repr(row)

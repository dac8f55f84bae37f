"""The demo vault's data protection work: a request due within the week, an answered one due
for its retention review, and a restricted record a gangs worker opened by break glass."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.models.accounts import Role
from desktop.models.choices import RecordKind, SarStatus
from desktop.services.bundle import Services
from desktop.services.demo_service import demo_username
from desktop.services.record_access import RecordNotFoundError
from desktop.services.sign_in_service import SignInService
from desktop.vault.layout import VaultLayout
from tests.conftest import PASSPHRASE, FakeClock, FastKdfPolicy
from tests.demo_sessions import demo_services


@pytest.fixture
def coordinator(
    demo_vault: VaultLayout, kdf: FastKdfPolicy, clock: FakeClock
) -> Iterator[Services]:
    yield from demo_services(demo_vault, kdf, clock, Role.COORDINATOR)


def test_the_demo_shows_each_duty_at_work(
    coordinator: Services, demo_vault: VaultLayout, kdf: FastKdfPolicy, clock: FakeClock
) -> None:
    open_requests = coordinator.subject_access.requests()
    assert [r.status for r in open_requests] == [SarStatus.RECEIVED]
    assert open_requests[0].warning.startswith("Due in")
    answered = [
        r
        for r in coordinator.subject_access.requests(include_closed=True)
        if r.status is SarStatus.SENT
    ]
    assert len(answered) == 1

    due = coordinator.retention_review.due(clock.now().date())
    assert [(d.kind, d.record_id) for d in due] == [
        (RecordKind.SUBJECT_ACCESS_REQUEST, answered[0].id)
    ]

    [restricted] = coordinator.restrictions.restricted_records()
    [opening] = coordinator.restrictions.break_glass_openings()
    assert opening.young_person_id == restricted.young_person_id
    assert opening.reviewed_at is None and opening.opened_by

    # The opening has lapsed: the gangs worker who broke glass is refused again.
    signed_in = SignInService(demo_vault, clock).sign_in(
        demo_username(Role.GANGS_WORKER), PASSPHRASE
    )
    worker = Services.for_session(signed_in, kdf, clock)
    try:
        assert opening.opened_by == worker.user.display_name
        with pytest.raises(RecordNotFoundError):
            worker.people.open_record(restricted.young_person_id)
    finally:
        signed_in.vault.lock()

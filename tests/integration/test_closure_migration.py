"""Revision 0013: a vault at 0012 with a closed case gains the closing categories at unlock; the
old closing keeps its words and has no category (counted as not recorded); downgrade drops them."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, select

from desktop.models.case_status import StatusChange
from desktop.models.choices import CaseStatus, ClosureOutcome, ClosureReason
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.sign_in_service import SignedIn, SignInService
from desktop.services.status_service import StatusService
from desktop.store import migrate
from desktop.vault.layout import VaultLayout
from tests.conftest import COORDINATOR_USERNAME, PASSPHRASE, FakeClock


def _columns(signed_in: SignedIn) -> set[str]:
    return {
        column["name"] for column in inspect(signed_in.vault.engine).get_columns("status_changes")
    }


def test_upgrade_from_0012_adds_the_closing_categories(
    coordinator: tuple[SignedIn, str], vault_layout: VaultLayout, clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    person = PeopleService(signed_in.vault.sessions, signed_in.user, clock).create(
        PersonDetails(given_name="Amani", family_name="Osei")
    )
    StatusService(signed_in.vault.sessions, signed_in.user, clock).change_status(
        person,
        CaseStatus.CLOSED,
        "Moved away",
        "Settled",
        ClosureReason.MOVED_AWAY,
        ClosureOutcome.SOME_PROGRESS,
    )
    config = migrate._config()
    with signed_in.vault.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0012")
    assert {"closure_reason", "closure_outcome"}.isdisjoint(_columns(signed_in))
    signed_in.vault.lock()

    again = SignInService(vault_layout, clock).sign_in(COORDINATOR_USERNAME, PASSPHRASE)
    try:
        assert {"closure_reason", "closure_outcome"} <= _columns(again)
        with again.vault.sessions.begin() as session:
            closing = session.scalars(
                select(StatusChange).where(StatusChange.to_status == CaseStatus.CLOSED)
            ).one()
            assert (closing.reason, closing.outcome) == ("Moved away", "Settled")
            assert (closing.closure_reason, closing.closure_outcome) == (None, None)
        history = StatusService(again.vault.sessions, again.user, clock).history(person)
        assert history[0].closure_reason is None
    finally:
        again.vault.lock()

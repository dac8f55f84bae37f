"""Revision 0012: a vault at 0011 with a young person in it gains the population table at unlock,
keeps its people, and takes population figures afterwards; the downgrade removes the table."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from desktop.models.accounts import Role
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.population_service import PopulationService
from desktop.services.sign_in_service import SignedIn, SignInService
from desktop.store import migrate
from desktop.vault.layout import VaultLayout
from tests.conftest import COORDINATOR_USERNAME, PASSPHRASE, FakeClock


def _downgrade(signed_in: SignedIn, revision: str) -> None:
    config = migrate._config()
    with signed_in.vault.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def test_upgrade_from_0011_keeps_people_and_creates_the_population_table(
    coordinator: tuple[SignedIn, str], vault_layout: VaultLayout, clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    assert signed_in.user.role is Role.COORDINATOR
    PeopleService(signed_in.vault.sessions, signed_in.user, clock).create(
        PersonDetails(given_name="Amani", family_name="Osei")
    )
    _downgrade(signed_in, "0011")
    assert "population_figures" not in inspect(signed_in.vault.engine).get_table_names()
    signed_in.vault.lock()

    again = SignInService(vault_layout, clock).sign_in(COORDINATOR_USERNAME, PASSPHRASE)
    try:
        assert again.vault.safety_copy is not None
        assert again.vault.safety_copy.name.startswith("before-0011-")
        with again.vault.engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.head_revision()
        inspector = inspect(again.vault.engine)
        assert "population_figures" in inspector.get_table_names()
        unique = inspector.get_unique_constraints("population_figures")
        assert [sorted(u["column_names"]) for u in unique] == [["dimension", "group_code"]]
        with again.vault.sessions.begin() as session:
            names = session.execute(text("SELECT family_name FROM young_people")).scalars().all()
        assert names == ["Osei"]
        population = PopulationService(again.vault.sessions, again.user, clock)
        population.set_figure("gender", "female", 1200, "ONS Census 2021")
        assert [(row.group, row.population) for row in population.figures()] == [("female", 1200)]
    finally:
        again.vault.lock()

"""Signing in to a copy of the demo vault as one of its staff, for tests of the demo's data."""

from __future__ import annotations

from collections.abc import Iterator

from desktop.models.accounts import Role
from desktop.services.bundle import Services
from desktop.services.demo_service import demo_username
from desktop.services.sign_in_service import SignInService
from desktop.vault.layout import VaultLayout
from tests.conftest import PASSPHRASE, FakeClock, FastKdfPolicy


def demo_services(
    layout: VaultLayout, kdf: FastKdfPolicy, clock: FakeClock, role: Role
) -> Iterator[Services]:
    """The services of the demo's member of staff in that role (a generator for fixtures: the
    vault locks when it resumes)."""
    signed_in = SignInService(layout, clock).sign_in(demo_username(role), PASSPHRASE)
    yield Services.for_session(signed_in, kdf, clock)
    signed_in.vault.lock()

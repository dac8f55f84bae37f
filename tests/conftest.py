"""Shared test fixtures: a real vault in tmp_path, a cheap Argon2 policy, a settable clock.

Every test runs headless and against an in-memory keyring; nothing here is reachable from the
application. Only the OS keyring and the clock are replaced; everything else is real:
SQLCipher files in tmp_path, real Argon2id (at a cheap setting), real AES-GCM, real services.

Fixtures for the whole suite (tests/unit, tests/integration, tests/gui):
- ``clock``: a FakeClock at FIXED_NOW; move it with ``clock.advance(seconds)``.
- ``kdf``: FastKdfPolicy, Argon2id at 1 MiB and one pass.
- ``vault_layout``: VaultLayout(tmp_path / "vault"), not yet created.
- ``coordinator``: (SignedIn, recovery_key) for a new vault whose first coordinator is
  COORDINATOR_USERNAME / PASSPHRASE; the vault is locked at teardown.
- ``add_account``: callable(role, username=None, passphrase=PASSPHRASE) -> CurrentUser, adding
  an account through AccountService as the coordinator (default user name: the role's value).
- ``keyring_backend``: the InMemoryKeyring installed for this test (autouse: every test gets a
  fresh one, so no test can reach the real OS keyring).
- ``settings_folder``: where QSettings writes for this test (autouse: QSettings is redirected
  into tmp_path, so no test writes into the real user profile).
"""

from __future__ import annotations

import os
import shutil

# Before anything imports Qt: tests run headless whoever runs them (GUI tests rely on it too).
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

import keyring
import keyring.backend
import pytest
from keyring.compat import properties
from keyring.errors import PasswordDeleteError
from sqlalchemy import select

from desktop.models.accounts import Account, Role
from desktop.services.account_service import AccountService
from desktop.services.current_user import CurrentUser
from desktop.services.sign_in_service import SignedIn
from desktop.services.vault_setup_service import initialise_vault
from desktop.vault.kdf import Argon2Params, KdfPolicy
from desktop.vault.layout import VaultLayout
from desktop.vault.open_vault import load_slots, open_with_key
from desktop.vault.writer_lock import acquire_writer_lock

FIXED_NOW = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
# Fixtures kept in their own modules, offered to the whole suite.
pytest_plugins = ["tests.therapy_family", "tests.coaching_fixtures", "tests.meeting_fixtures"]

COORDINATOR_USERNAME = "coord"
COORDINATOR_NAME = "Casey Coordinator"
# Long enough for the passphrase policy (12 characters); shared by every test account.
PASSPHRASE = "correct horse battery staple"


class FastKdfPolicy(KdfPolicy):
    """Test-only: Argon2id at 1 MiB and one pass, so a slot costs about a millisecond."""

    def new_params(self) -> Argon2Params:
        return Argon2Params(memory_kib=1024, passes=1, lanes=1, salt=os.urandom(16))


class FakeClock:
    """A desktop.clock.Clock whose wall time and monotonic time only move when told to."""

    def __init__(self, start: datetime = FIXED_NOW, monotonic_start: float = 1000.0) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = start
        self._monotonic = monotonic_start

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return self._monotonic

    def set_now(self, value: datetime) -> None:
        if value.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = value

    def set_monotonic(self, value: float) -> None:
        self._monotonic = value

    def advance(self, seconds: float) -> None:
        """Moves both clocks forward together, as real time would."""
        self._now += timedelta(seconds=seconds)
        self._monotonic += seconds


class InMemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring backend that keeps passwords in a dict for the life of one test.

    ``persist`` mirrors the attribute of Windows' WinVaultKeyring, so a test can see what
    persistence DeviceKeyring asked for (None until someone sets it).
    """

    persist: str | None = None

    @properties.classproperty
    def priority(cls) -> float:  # noqa: N805 (a class property)
        # Highest, so even keyring's own auto-detection would pick this one in tests.
        return 100.0

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.passwords[(service, username)]
        except KeyError:
            raise PasswordDeleteError("no such password") from None


class AddAccount(Protocol):
    def __call__(
        self, role: Role, username: str | None = None, passphrase: str = PASSPHRASE
    ) -> CurrentUser: ...


@pytest.fixture(autouse=True)
def keyring_backend() -> InMemoryKeyring:
    backend = InMemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture(autouse=True)
def settings_folder(tmp_path: Path) -> Path:
    """Points every QSettings format and scope at tmp_path/"settings" for this test."""
    from PySide6.QtCore import QSettings

    folder = tmp_path / "settings"  # QSettings creates it when it first writes
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(settings_format, scope, str(folder))
    return folder


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def kdf() -> FastKdfPolicy:
    return FastKdfPolicy()


@pytest.fixture
def vault_layout(tmp_path: Path) -> VaultLayout:
    return VaultLayout(tmp_path / "vault")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> VaultLayout:
    """The demo vault, built once a test run (it takes seconds): tests get a copy of it."""
    from desktop.services.demo_service import build_demo_vault

    layout = VaultLayout(tmp_path_factory.mktemp("demo-template") / "vault")
    build_demo_vault(layout, PASSPHRASE, FastKdfPolicy(), FakeClock()).vault.lock()
    return layout


@pytest.fixture
def demo_vault(demo_template: VaultLayout, vault_layout: VaultLayout) -> VaultLayout:
    """A copy of the demo vault of this test's own (the template is never opened)."""
    shutil.copytree(demo_template.folder, vault_layout.folder)
    return vault_layout


@pytest.fixture(scope="session")
def coordinator_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[VaultLayout, str]:
    """A new vault and its first coordinator, made once a run: running every migration costs
    about half a second, paid otherwise by each of hundreds of tests. (layout, recovery key)"""
    layout = VaultLayout(tmp_path_factory.mktemp("coordinator-template") / "vault")
    signed_in, recovery_key = initialise_vault(
        layout, COORDINATOR_USERNAME, COORDINATOR_NAME, PASSPHRASE, FastKdfPolicy(), FakeClock()
    )
    signed_in.vault.lock()
    return layout, recovery_key


@pytest.fixture
def coordinator(
    coordinator_template: tuple[VaultLayout, str], vault_layout: VaultLayout, clock: FakeClock
) -> Iterator[tuple[SignedIn, str]]:
    """A new vault, signed in as its first coordinator; yields (SignedIn, recovery key).

    A copy of the template, opened as initialise_vault() leaves it: its key unwrapped from the
    coordinator's slot, the writer lock held, and no sign-in audited beyond the one it made."""
    template, recovery_key = coordinator_template
    shutil.copytree(template.folder, vault_layout.folder)
    slots = load_slots(vault_layout)
    writer = acquire_writer_lock(vault_layout.writer_lock)
    data_key = slots.unlock_with_passphrase(COORDINATOR_USERNAME, PASSPHRASE)
    vault = open_with_key(vault_layout, slots, data_key, clock.now())
    vault.writer = writer
    with vault.sessions() as session:
        account = session.execute(
            select(Account).where(Account.username == COORDINATOR_USERNAME)
        ).scalar_one()
        user = CurrentUser(account.id, account.username, account.display_name, Role.COORDINATOR)
    signed_in = SignedIn(vault, user)
    yield signed_in, recovery_key
    signed_in.vault.lock()


@pytest.fixture
def add_account(
    coordinator: tuple[SignedIn, str], kdf: FastKdfPolicy, clock: FakeClock
) -> AddAccount:
    """Adds an account of any role to the coordinator's vault; returns it as a CurrentUser."""
    signed_in, _recovery = coordinator

    def add(role: Role, username: str | None = None, passphrase: str = PASSPHRASE) -> CurrentUser:
        name = username or role.value
        service = AccountService(signed_in.vault, signed_in.user, kdf, clock)
        account_id = service.add_account(name, f"Test {role.label}", role, passphrase)
        return CurrentUser(account_id, name, f"Test {role.label}", role, True)

    return add


def make_coordinator_vault(
    folder: Path, kdf: KdfPolicy, clock: FakeClock, username: str = COORDINATOR_USERNAME
) -> tuple[SignedIn, str]:
    """A second (or third) vault for tests that need more than one; the caller locks it."""
    return initialise_vault(VaultLayout(folder), username, COORDINATOR_NAME, PASSPHRASE, kdf, clock)

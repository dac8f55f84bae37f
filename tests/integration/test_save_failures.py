"""A full disk or a vanished folder while saving: a clear message, nothing already saved lost.

Tests run as root here, where a read-only folder does not stop writes, so the faults are made
in ways that do: a file-size limit (tests/disk_faults.py) makes every write fail as a full disk
would, and the vault's folder is moved away while a session is open.
"""

from __future__ import annotations

import pytest

from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.sign_in_service import SignedIn, SignInService
from desktop.services.verify_service import verify_vault
from desktop.vault.errors import VaultSaveError
from desktop.vault.layout import VaultLayout
from tests.conftest import COORDINATOR_USERNAME, PASSPHRASE, FakeClock
from tests.disk_faults import COULD_NOT_SAVE, no_room_to_write


def _names(signed_in: SignedIn, clock: FakeClock) -> list[str]:
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    return sorted(row.name for row in people.page(0, 100))


def _assert_sound(layout: VaultLayout, clock: FakeClock) -> None:
    report = verify_vault(layout, COORDINATOR_USERNAME, PASSPHRASE, clock)
    assert report.sound, report.lines


def test_a_full_disk_gives_a_clear_message_and_loses_nothing(
    coordinator: tuple[SignedIn, str], vault_layout: VaultLayout, clock: FakeClock
) -> None:
    signed_in = coordinator[0]
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    people.create(PersonDetails("Saved", "Before"))
    with no_room_to_write(), pytest.raises(VaultSaveError) as refused:
        people.create(PersonDetails("Not", "Saved"))
    assert str(refused.value).startswith(COULD_NOT_SAVE)
    assert _names(signed_in, clock) == ["Saved Before"]
    # Once there is room again the same session saves, and the vault is sound.
    people.create(PersonDetails("Saved", "After"))
    signed_in.vault.lock()
    again = SignInService(vault_layout, clock).sign_in(COORDINATOR_USERNAME, PASSPHRASE)
    assert _names(again, clock) == ["Saved After", "Saved Before"]
    again.vault.lock()
    _assert_sound(vault_layout, clock)


def test_a_vanished_folder_gives_a_clear_message_and_loses_nothing(
    coordinator: tuple[SignedIn, str], vault_layout: VaultLayout, clock: FakeClock
) -> None:
    signed_in = coordinator[0]
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    people.create(PersonDetails("Saved", "Before"))
    moved = vault_layout.folder.with_name("unplugged")
    vault_layout.folder.rename(moved)
    # The connections Casebook had are gone with the drive; the next one cannot open the file.
    signed_in.vault.engine.dispose()
    with pytest.raises(VaultSaveError) as refused:
        people.create(PersonDetails("Not", "Saved"))
    assert str(refused.value).startswith(COULD_NOT_SAVE)
    signed_in.vault.lock()
    moved.rename(vault_layout.folder)
    again = SignInService(vault_layout, clock).sign_in(COORDINATOR_USERNAME, PASSPHRASE)
    assert _names(again, clock) == ["Saved Before"]
    again.vault.lock()
    _assert_sound(vault_layout, clock)

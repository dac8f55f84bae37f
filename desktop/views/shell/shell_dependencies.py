"""What the main window needs from outside, handed in by desktop.app (the only wiring point)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.clock import Clock
from desktop.services.sign_in_service import SignedIn, SignInService
from desktop.vault.device_keyring import DeviceKeyring
from desktop.vault.kdf import KdfPolicy
from desktop.vault.layout import VaultLayout

if TYPE_CHECKING:
    from desktop.services.bundle import Services  # every service: imported after the unlock screen

# (username, full name, passphrase) -> signed in coordinator and the recovery key
CreateVault = Callable[[str, str, str], tuple[SignedIn, str]]


@dataclass
class ShellDependencies:
    layout: VaultLayout
    sign_in: SignInService
    device: DeviceKeyring
    create_vault: CreateVault
    services_for: Callable[[SignedIn], Services]
    clock: Clock
    kdf_policy: KdfPolicy
    demo_passphrase: str | None = None

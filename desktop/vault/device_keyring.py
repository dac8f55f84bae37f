"""'Remember on this device': a device slot's key kept in the OS keyring, and nowhere else."""

from __future__ import annotations

import base64
import contextlib
import json

import keyring
import keyring.backend
from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

SERVICE = "Casebook"
# Windows Credential Manager refuses secrets longer than this.
CREDENTIAL_LIMIT_BYTES = 2560


class DeviceKeyring:
    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend = backend or keyring.get_keyring()
        # Credential Manager roams "enterprise" credentials to other machines; keep it here.
        if type(self._backend).__name__ == "WinVaultKeyring":
            self._backend.persist = "local machine"  # type: ignore[attr-defined]

    def unavailable_reason(self) -> str | None:
        """None when usable; otherwise one line saying why the option is hidden."""
        name = type(self._backend).__module__
        if name.endswith(("fail", "null")):
            return "This computer has no secure credential store, so it cannot remember you."
        try:
            self._backend.get_password(SERVICE, "availability-probe")
        except NoKeyringError:
            return "This computer has no secure credential store, so it cannot remember you."
        except KeyringError:
            return "The computer's credential store is not responding."
        return None

    @staticmethod
    def _entry(vault_id: str, username: str) -> str:
        return f"{vault_id}:{username}"

    def store(self, vault_id: str, username: str, slot_id: str, kek: bytearray) -> None:
        secret = json.dumps({"slot": slot_id, "key": base64.b64encode(bytes(kek)).decode()})
        if len(secret.encode("utf-16-le")) > CREDENTIAL_LIMIT_BYTES:
            raise ValueError("device secret too long for the credential store")
        self._backend.set_password(SERVICE, self._entry(vault_id, username), secret)

    def load(self, vault_id: str, username: str) -> tuple[str, bytearray] | None:
        try:
            secret = self._backend.get_password(SERVICE, self._entry(vault_id, username))
        except KeyringError:
            return None
        if not secret:
            return None
        try:
            data = json.loads(secret)
            return str(data["slot"]), bytearray(base64.b64decode(data["key"]))
        except (ValueError, KeyError, TypeError):
            return None

    def forget(self, vault_id: str, username: str) -> None:
        with contextlib.suppress(PasswordDeleteError, KeyringError):
            self._backend.delete_password(SERVICE, self._entry(vault_id, username))

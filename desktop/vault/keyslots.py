"""The key-slot file: the data key sealed once per account, for recovery, and per device.

Each slot holds an X25519 key pair. Its private key is wrapped with AES-256-GCM under a key
derived from the passphrase with Argon2id (or, for a device slot, a random key kept in the OS
keyring); the data key is sealed to its public key. Sealing to public keys lets a coordinator
re-key the vault and re-seal every slot without knowing anyone's passphrase.

The file carries a SHA-256 checksum (catches any edit that did not recompute it) and an HMAC
under a key derived from the data key (catches a forger who did), checked after unwrapping.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.vault.atomic_file import write_atomically
from desktop.vault.errors import (
    AccountDisabledError,
    KeySlotFileTamperedError,
    UnknownUserError,
    WrongPassphraseError,
)
from desktop.vault.kdf import Argon2Params, KdfPolicy
from desktop.vault.secret import SecretKey

FORMAT = "casebook-keyslots"
VERSION = 1
USER, RECOVERY, DEVICE = "user", "recovery", "device"


def normalise_passphrase(passphrase: str) -> bytes:
    """Any Unicode is allowed; NFC makes the same text typed two ways give the same key."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _hkdf(material: bytes | bytearray, info: bytes, salt: bytes | None = None) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(bytes(material))


@dataclass
class Slot:
    slot_id: str
    kind: str
    username: str | None
    kdf: Argon2Params | None
    public_key: bytes
    wrapped_private: dict[str, str]
    sealed_data_key: dict[str, str] = field(default_factory=dict)

    def header(self, vault_id: str) -> bytes:
        """Authenticated with the private key: changing any of it makes unwrapping fail."""
        return _canonical(
            {
                "vault_id": vault_id,
                "slot_id": self.slot_id,
                "kind": self.kind,
                "username": self.username,
                "kdf": self.kdf.to_json() if self.kdf else None,
                "public_key": self.public_key.hex(),
            }
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "slot_id": self.slot_id,
            "kind": self.kind,
            "username": self.username,
            "kdf": self.kdf.to_json() if self.kdf else None,
            "public_key": self.public_key.hex(),
            "wrapped_private": self.wrapped_private,
            "sealed_data_key": self.sealed_data_key,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Slot:
        return cls(
            slot_id=str(data["slot_id"]),
            kind=str(data["kind"]),
            username=None if data["username"] is None else str(data["username"]),
            kdf=Argon2Params.from_json(data["kdf"]) if data["kdf"] else None,
            public_key=bytes.fromhex(data["public_key"]),
            wrapped_private={k: str(v) for k, v in data["wrapped_private"].items()},
            sealed_data_key={k: str(v) for k, v in data["sealed_data_key"].items()},
        )


@dataclass
class KeySlotFile:
    vault_id: str
    database_salt: str
    demo: bool = False
    remember_allowed: bool = True
    disabled_usernames: list[str] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)
    # The newest audit row (id, hash) when the vault was last locked: a log that ends before it
    # has lost rows from its end, which the hash chain alone cannot show.
    audit_head: tuple[int, str] | None = None
    _mac: str = ""

    # ---- reading and writing -------------------------------------------------------------
    def _body(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "database_salt": self.database_salt,
            "demo": self.demo,
            "remember_allowed": self.remember_allowed,
            "disabled_usernames": sorted(self.disabled_usernames),
            "slots": [slot.to_json() for slot in self.slots],
            "audit_head": list(self.audit_head) if self.audit_head else None,
        }

    def save(self, path: Path, data_key: SecretKey) -> None:
        body = self._body()
        canonical = _canonical(body)
        self._mac = hmac.new(_mac_key(data_key), canonical, hashlib.sha256).hexdigest()
        document = dict(body, checksum=hashlib.sha256(canonical).hexdigest(), mac=self._mac)
        write_atomically(path, json.dumps(document, indent=1, sort_keys=True).encode())

    @classmethod
    def load(cls, path: Path) -> KeySlotFile:
        try:
            document = json.loads(path.read_bytes())
            checksum = document.pop("checksum")
            mac = document.pop("mac")
            if document.get("format") != FORMAT or document.get("version") != VERSION:
                raise KeySlotFileTamperedError("unknown format")
            if not hmac.compare_digest(hashlib.sha256(_canonical(document)).hexdigest(), checksum):
                raise KeySlotFileTamperedError("checksum mismatch")
            loaded = cls(
                vault_id=str(document["vault_id"]),
                database_salt=str(document["database_salt"]),
                demo=bool(document["demo"]),
                remember_allowed=bool(document["remember_allowed"]),
                disabled_usernames=[str(name) for name in document["disabled_usernames"]],
                slots=[Slot.from_json(slot) for slot in document["slots"]],
                audit_head=_audit_head(document["audit_head"]),
                _mac=str(mac),
            )
        except KeySlotFileTamperedError:
            raise
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            raise KeySlotFileTamperedError("unreadable") from error
        if loaded._body() != document:
            raise KeySlotFileTamperedError("unexpected content")
        return loaded

    def verify_mac(self, data_key: SecretKey) -> None:
        expected = hmac.new(_mac_key(data_key), _canonical(self._body()), hashlib.sha256)
        if not hmac.compare_digest(expected.hexdigest(), self._mac):
            raise KeySlotFileTamperedError("signature mismatch")

    # ---- adding and removing slots -------------------------------------------------------
    def add_passphrase_slot(
        self,
        kind: str,
        username: str | None,
        passphrase: str,
        data_key: SecretKey,
        kdf_policy: KdfPolicy,
    ) -> Slot:
        params = kdf_policy.new_params()
        kek = params.derive(normalise_passphrase(passphrase))
        try:
            return self._add_slot(kind, username, params, kek, data_key)
        finally:
            _wipe(kek)

    def add_device_slot(self, username: str, data_key: SecretKey) -> tuple[Slot, bytearray]:
        """A slot opened by a random key the caller stores in the OS keyring."""
        kek = bytearray(secrets.token_bytes(32))
        return self._add_slot(DEVICE, username, None, kek, data_key), kek

    def _add_slot(
        self,
        kind: str,
        username: str | None,
        params: Argon2Params | None,
        kek: bytearray,
        data_key: SecretKey,
    ) -> Slot:
        private = X25519PrivateKey.generate()
        public = private.public_key().public_bytes_raw()
        slot = Slot(secrets.token_hex(8), kind, username, params, public, {})
        nonce = secrets.token_bytes(12)
        ciphertext = AESGCM(bytes(kek)).encrypt(
            nonce, private.private_bytes_raw(), slot.header(self.vault_id)
        )
        slot.wrapped_private = {"nonce": nonce.hex(), "ciphertext": ciphertext.hex()}
        self._seal(slot, data_key)
        self.slots.append(slot)
        return slot

    def _seal(self, slot: Slot, data_key: SecretKey) -> None:
        ephemeral = X25519PrivateKey.generate()
        ephemeral_public = ephemeral.public_key().public_bytes_raw()
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(slot.public_key))
        wrap_key = _hkdf(shared, b"casebook data key", ephemeral_public + slot.public_key)
        nonce = secrets.token_bytes(12)
        aad = _canonical({"vault_id": self.vault_id, "slot_id": slot.slot_id})
        ciphertext = AESGCM(wrap_key).encrypt(nonce, bytes(data_key.view()), aad)
        slot.sealed_data_key = {
            "ephemeral": ephemeral_public.hex(),
            "nonce": nonce.hex(),
            "ciphertext": ciphertext.hex(),
        }

    def reseal_all(self, new_data_key: SecretKey) -> None:
        """After a re-key: every slot gets the new data key, no passphrase needed."""
        for slot in self.slots:
            self._seal(slot, new_data_key)

    def remove_slots(self, *, username: str | None = None, kind: str | None = None) -> int:
        before = len(self.slots)
        self.slots = [
            slot
            for slot in self.slots
            if not (
                (username is None or slot.username == username)
                and (kind is None or slot.kind == kind)
            )
        ]
        return before - len(self.slots)

    def remove_slot(self, slot_id: str) -> None:
        self.slots = [slot for slot in self.slots if slot.slot_id != slot_id]

    # ---- opening -------------------------------------------------------------------------
    def usernames(self) -> set[str]:
        return {slot.username for slot in self.slots if slot.kind == USER and slot.username}

    def unlock_with_passphrase(self, username: str, passphrase: str) -> SecretKey:
        candidates = [s for s in self.slots if s.kind == USER and s.username == username]
        if not candidates:
            if username in self.disabled_usernames:
                raise AccountDisabledError()
            raise UnknownUserError()
        return self._open_with_passphrase(candidates, passphrase)

    def unlock_with_recovery_key(self, recovery_key: str) -> SecretKey:
        candidates = [s for s in self.slots if s.kind == RECOVERY]
        return self._open_with_passphrase(candidates, recovery_key)

    def unlock_with_any_passphrase(self, passphrase: str) -> SecretKey:
        """Any account's passphrase or the recovery key: for checking a backup, not signing in."""
        candidates = [s for s in self.slots if s.kind in (USER, RECOVERY)]
        return self._open_with_passphrase(candidates, passphrase)

    def unlock_with_device_key(self, slot_id: str, kek: bytes | bytearray) -> SecretKey:
        for slot in self.slots:
            if slot.slot_id == slot_id and slot.kind == DEVICE:
                return self._open(slot, bytearray(kek))
        raise WrongPassphraseError()

    def _open_with_passphrase(self, candidates: list[Slot], passphrase: str) -> SecretKey:
        secret = normalise_passphrase(passphrase)
        for slot in candidates:
            assert slot.kdf is not None
            kek = slot.kdf.derive(secret)
            try:
                return self._open(slot, kek)
            except WrongPassphraseError:
                continue
            finally:
                _wipe(kek)
        raise WrongPassphraseError()

    def _open(self, slot: Slot, kek: bytearray) -> SecretKey:
        try:
            private_raw = AESGCM(bytes(kek)).decrypt(
                bytes.fromhex(slot.wrapped_private["nonce"]),
                bytes.fromhex(slot.wrapped_private["ciphertext"]),
                slot.header(self.vault_id),
            )
        except (InvalidTag, ValueError, KeyError) as error:
            raise WrongPassphraseError() from error
        try:
            private = X25519PrivateKey.from_private_bytes(private_raw)
            ephemeral_public = bytes.fromhex(slot.sealed_data_key["ephemeral"])
            shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
            wrap_key = _hkdf(shared, b"casebook data key", ephemeral_public + slot.public_key)
            aad = _canonical({"vault_id": self.vault_id, "slot_id": slot.slot_id})
            data_key = AESGCM(wrap_key).decrypt(
                bytes.fromhex(slot.sealed_data_key["nonce"]),
                bytes.fromhex(slot.sealed_data_key["ciphertext"]),
                aad,
            )
        except (InvalidTag, ValueError, KeyError) as error:
            # The passphrase was right (the private key unwrapped), so the seal was altered.
            raise KeySlotFileTamperedError("sealed key altered") from error
        key = SecretKey(data_key)
        self.verify_mac(key)
        return key


def _audit_head(value: Any) -> tuple[int, str] | None:
    if value is None:
        return None
    row_id, row_hash = value
    return int(row_id), str(row_hash)


def _mac_key(data_key: SecretKey) -> bytes:
    return _hkdf(data_key.view(), b"casebook keyslot file mac")


def _wipe(buffer: bytearray) -> None:
    for index in range(len(buffer)):
        buffer[index] = 0

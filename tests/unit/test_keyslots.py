"""The key-slot file: round trips, refusals, tampering, atomic writes, Unicode, KDF floors."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.vault.atomic_file import write_atomically
from desktop.vault.errors import (
    AccountDisabledError,
    KeySlotFileTamperedError,
    UnknownUserError,
    WrongPassphraseError,
)
from desktop.vault.kdf import MIN_MEMORY_KIB, MIN_PASSES, KdfPolicy
from desktop.vault.keyslots import RECOVERY, USER, KeySlotFile
from desktop.vault.secret import SecretKey
from tests.conftest import FastKdfPolicy

ALICE_PASSPHRASE = "alice's long passphrase"
BOB_PASSPHRASE = "bob's rather longer passphrase"
RECOVERY_KEY = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567"
VAULT_ID = "a1" * 16
SALT = "5a" * 16

Document = dict[str, Any]


@pytest.fixture
def data_key() -> SecretKey:
    return SecretKey.generate()


@pytest.fixture
def slot_path(tmp_path: Path, data_key: SecretKey, kdf: FastKdfPolicy) -> Path:
    """alice and bob each have a slot, plus the recovery slot; saved to tmp_path."""
    slots = KeySlotFile(vault_id=VAULT_ID, database_salt=SALT)
    slots.add_passphrase_slot(USER, "alice", ALICE_PASSPHRASE, data_key, kdf)
    slots.add_passphrase_slot(USER, "bob", BOB_PASSPHRASE, data_key, kdf)
    slots.add_passphrase_slot(RECOVERY, None, RECOVERY_KEY, data_key, kdf)
    path = tmp_path / "keyslots.json"
    slots.save(path, data_key)
    return path


def _read(path: Path) -> Document:
    document: Document = json.loads(path.read_bytes())
    return document


def _write(path: Path, document: Document) -> None:
    path.write_text(json.dumps(document, indent=1, sort_keys=True))


def _forge(path: Path, change: Callable[[Document], None]) -> None:
    """Edits the file like a forger who knows the format: the checksum is recomputed."""
    document = _read(path)
    mac = document.pop("mac")
    document.pop("checksum")
    change(document)
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    document["checksum"] = hashlib.sha256(canonical.encode()).hexdigest()
    document["mac"] = mac
    _write(path, document)


def _slot(document: Document, username: str | None) -> dict[str, Any]:
    found: dict[str, Any] = next(s for s in document["slots"] if s["username"] == username)
    return found


# ---- round trip and plain refusals ---------------------------------------------------------


def test_every_slot_opens_to_the_same_data_key(slot_path: Path, data_key: SecretKey) -> None:
    loaded = KeySlotFile.load(slot_path)

    assert loaded.vault_id == VAULT_ID
    assert loaded.database_salt == SALT
    assert loaded.usernames() == {"alice", "bob"}
    for opened in (
        loaded.unlock_with_passphrase("alice", ALICE_PASSPHRASE),
        loaded.unlock_with_passphrase("bob", BOB_PASSPHRASE),
        loaded.unlock_with_recovery_key(RECOVERY_KEY),
    ):
        assert bytes(opened.view()) == bytes(data_key.view())


def test_the_file_holds_no_key_or_passphrase_in_clear(slot_path: Path, data_key: SecretKey) -> None:
    content = slot_path.read_bytes()
    assert data_key.view().hex().encode() not in content
    assert bytes(data_key.view()) not in content
    for secret in (ALICE_PASSPHRASE, BOB_PASSPHRASE, RECOVERY_KEY):
        assert secret.encode() not in content


def test_wrong_passphrase_is_refused(slot_path: Path) -> None:
    loaded = KeySlotFile.load(slot_path)
    with pytest.raises(WrongPassphraseError):
        loaded.unlock_with_passphrase("alice", ALICE_PASSPHRASE + "!")
    # Another user's passphrase does not open this user's slot either.
    with pytest.raises(WrongPassphraseError):
        loaded.unlock_with_passphrase("alice", BOB_PASSPHRASE)
    with pytest.raises(WrongPassphraseError):
        loaded.unlock_with_recovery_key(ALICE_PASSPHRASE)


def test_unknown_user_is_refused(slot_path: Path) -> None:
    with pytest.raises(UnknownUserError):
        KeySlotFile.load(slot_path).unlock_with_passphrase("carol", ALICE_PASSPHRASE)


def test_disabled_user_is_refused_as_disabled(slot_path: Path, data_key: SecretKey) -> None:
    slots = KeySlotFile.load(slot_path)
    assert slots.remove_slots(username="bob") == 1
    slots.disabled_usernames.append("bob")
    slots.save(slot_path, data_key)

    loaded = KeySlotFile.load(slot_path)
    with pytest.raises(AccountDisabledError):
        loaded.unlock_with_passphrase("bob", BOB_PASSPHRASE)
    assert loaded.usernames() == {"alice"}
    assert bytes(loaded.unlock_with_passphrase("alice", ALICE_PASSPHRASE).view()) == bytes(
        data_key.view()
    )


def test_refusals_have_distinct_messages() -> None:
    messages = {
        str(error)
        for error in (
            WrongPassphraseError(),
            UnknownUserError(),
            AccountDisabledError(),
            KeySlotFileTamperedError(),
        )
    }
    assert len(messages) == 4


# ---- tampering ---------------------------------------------------------------------------


def _flip_one_hex_digit(path: Path) -> None:
    content = bytearray(path.read_bytes())
    # A digit inside alice's wrapped private key: the JSON stays valid, one byte changes.
    start = content.index(_slot(_read(path), "alice")["wrapped_private"]["ciphertext"].encode())
    content[start + 10] = ord("0") if content[start + 10] != ord("0") else ord("1")
    path.write_bytes(bytes(content))


def _edit(change: Callable[[Document], None]) -> Callable[[Path], None]:
    def apply(path: Path) -> None:
        document = _read(path)
        change(document)
        _write(path, document)

    return apply


def _rename_alice(document: Document) -> None:
    _slot(document, "alice")["username"] = "mallory"


def _cheapen_kdf(document: Document) -> None:
    _slot(document, "alice")["kdf"]["passes"] = 2


def _drop_bob(document: Document) -> None:
    document["slots"] = [s for s in document["slots"] if s["username"] != "bob"]


def _copy_alice_as_bob(document: Document) -> None:
    document["slots"].append(dict(_slot(document, "alice"), username="bob2"))


TAMPERINGS: dict[str, Callable[[Path], object]] = {
    "one byte changed": _flip_one_hex_digit,
    "user name changed": _edit(_rename_alice),
    "kdf parameter changed": _edit(_cheapen_kdf),
    "slot removed": _edit(_drop_bob),
    "slot added": _edit(_copy_alice_as_bob),
    "setting changed": _edit(lambda d: d.update(remember_allowed=False)),
    "truncated": lambda path: path.write_bytes(path.read_bytes()[:-40]),
    "emptied": lambda path: path.write_bytes(b""),
}


@pytest.mark.parametrize("tamper", TAMPERINGS.values(), ids=TAMPERINGS.keys())
def test_edited_file_is_refused_at_load(slot_path: Path, tamper: Callable[[Path], object]) -> None:
    tamper(slot_path)
    with pytest.raises(KeySlotFileTamperedError):
        KeySlotFile.load(slot_path)


FORGERIES: dict[str, Callable[[Document], None]] = {
    "remember allowed switched": lambda d: d.update(remember_allowed=not d["remember_allowed"]),
    "demo flag switched": lambda d: d.update(demo=True),
    "database salt changed": lambda d: d.update(database_salt="00" * 16),
    "disabled list changed": lambda d: d.update(disabled_usernames=["alice"]),
    "another user's slot removed": _drop_bob,
    "recovery slot removed": lambda d: d.update(
        slots=[s for s in d["slots"] if s["kind"] != RECOVERY]
    ),
    "sealed data key altered": lambda d: _slot(d, "alice")["sealed_data_key"].update(
        ciphertext="00" * 48
    ),
}


@pytest.mark.parametrize("change", FORGERIES.values(), ids=FORGERIES.keys())
def test_forged_file_with_recomputed_checksum_is_refused_after_unwrapping(
    slot_path: Path, change: Callable[[Document], None]
) -> None:
    _forge(slot_path, change)
    loaded = KeySlotFile.load(slot_path)  # the checksum now matches

    with pytest.raises(KeySlotFileTamperedError):
        loaded.unlock_with_passphrase("alice", ALICE_PASSPHRASE)


def test_forged_file_with_recomputed_checksum_and_fields_is_refused_at_load(
    slot_path: Path,
) -> None:
    _forge(slot_path, lambda d: d.update(extra_field="not part of the format"))
    with pytest.raises(KeySlotFileTamperedError):
        KeySlotFile.load(slot_path)


@pytest.mark.parametrize(
    "change",
    [_rename_alice, _cheapen_kdf, lambda d: d.update(vault_id="b2" * 16)],
    ids=["user name", "kdf parameter", "vault id"],
)
def test_forged_slot_header_does_not_open(
    slot_path: Path, change: Callable[[Document], None]
) -> None:
    """The slot header is authenticated by AES-GCM: a forged header never yields the key.

    Without the data key a forged header cannot be told from a wrong passphrase, so it is
    refused as one.
    """
    _forge(slot_path, change)
    loaded = KeySlotFile.load(slot_path)
    username = "mallory" if "mallory" in loaded.usernames() else "alice"

    with pytest.raises(WrongPassphraseError):
        loaded.unlock_with_passphrase(username, ALICE_PASSPHRASE)


def test_unsupported_key_derivation_is_refused(slot_path: Path) -> None:
    _forge(slot_path, lambda d: _slot(d, "alice")["kdf"].update(algorithm="argon2i"))
    with pytest.raises(KeySlotFileTamperedError):
        KeySlotFile.load(slot_path)


# ---- atomic writes -------------------------------------------------------------------------


def test_saving_leaves_no_temporary_files(
    slot_path: Path, data_key: SecretKey, kdf: FastKdfPolicy
) -> None:
    slots = KeySlotFile.load(slot_path)
    for index in range(5):
        slots.add_passphrase_slot(USER, f"user{index}", ALICE_PASSPHRASE, data_key, kdf)
        slots.save(slot_path, data_key)

    assert sorted(p.name for p in slot_path.parent.iterdir()) == ["keyslots.json"]
    assert len(KeySlotFile.load(slot_path).usernames()) == 7


def test_failed_atomic_write_keeps_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "keyslots.json"
    target.mkdir()  # replacing a directory with a file fails on every platform
    with pytest.raises(OSError):
        write_atomically(target, b"new content")

    assert [p.name for p in tmp_path.iterdir()] == ["keyslots.json"]
    assert target.is_dir()


# ---- Unicode -----------------------------------------------------------------------------


def test_passphrase_typed_composed_or_decomposed_opens_the_same_slot(
    tmp_path: Path, data_key: SecretKey, kdf: FastKdfPolicy
) -> None:
    composed = unicodedata.normalize("NFC", "Zoë's café naïve résumé ü")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed

    slots = KeySlotFile(vault_id=VAULT_ID, database_salt=SALT)
    slots.add_passphrase_slot(USER, "zoe", decomposed, data_key, kdf)
    slots.save(tmp_path / "keyslots.json", data_key)
    loaded = KeySlotFile.load(tmp_path / "keyslots.json")

    for typed in (composed, decomposed):
        assert bytes(loaded.unlock_with_passphrase("zoe", typed).view()) == bytes(data_key.view())
    with pytest.raises(WrongPassphraseError):
        loaded.unlock_with_passphrase("zoe", composed.replace("ü", "u"))


def test_non_latin_passphrase_round_trips(
    tmp_path: Path, data_key: SecretKey, kdf: FastKdfPolicy
) -> None:
    passphrase = "كلمة مرور طويلة جدا 🔐 пароль"
    slots = KeySlotFile(vault_id=VAULT_ID, database_salt=SALT)
    slots.add_passphrase_slot(USER, "amira", passphrase, data_key, kdf)
    slots.save(tmp_path / "keyslots.json", data_key)

    loaded = KeySlotFile.load(tmp_path / "keyslots.json")
    assert bytes(loaded.unlock_with_passphrase("amira", passphrase).view()) == bytes(
        data_key.view()
    )


# ---- Argon2 parameters ---------------------------------------------------------------------


def test_production_policy_keeps_the_argon2_floors() -> None:
    params = KdfPolicy().new_params()
    assert MIN_MEMORY_KIB == 65536
    assert MIN_PASSES == 3
    assert params.memory_kib >= 65536
    assert params.passes >= 3
    assert params.lanes >= 1
    assert len(params.salt) == 16


def test_each_slot_gets_its_own_salt_and_stores_its_parameters(
    slot_path: Path,
) -> None:
    loaded = KeySlotFile.load(slot_path)
    salts = {slot.kdf.salt for slot in loaded.slots if slot.kdf is not None}
    assert len(salts) == 3
    assert all(slot.kdf is not None and slot.kdf.memory_kib == 1024 for slot in loaded.slots)


def test_secret_key_wipes_and_hides_itself() -> None:
    key = SecretKey.generate()
    assert "hidden" in repr(key)
    assert key.view().hex() not in repr(key)
    key.wipe()
    assert key.wiped
    with pytest.raises(RuntimeError):
        key.view()

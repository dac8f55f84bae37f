"""The backup manifest: what each file's SHA-256 must be, and a MAC under the data key.

The hashes catch damage without any passphrase; the MAC (HMAC-SHA256 under a key derived from
the data key) catches someone who edited a file and recomputed its hash.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop import __version__
from desktop.backup.errors import BackupDamagedError
from desktop.vault.atomic_file import write_atomically
from desktop.vault.layout import DATABASE_NAME, KEYSLOTS_NAME
from desktop.vault.secret import SecretKey

FORMAT = "casebook-backup"
VERSION = 1
MANIFEST_NAME = "manifest.json"
BACKED_UP_FILES = (DATABASE_NAME, KEYSLOTS_NAME)
CHUNK = 1024 * 1024


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _mac_key(data_key: SecretKey) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"casebook backup manifest"
    ).derive(bytes(data_key.view()))


@dataclass(frozen=True)
class Manifest:
    # Random, no personal data: lets rotation leave other vaults' backups in a shared folder.
    vault_id: str
    created_at: datetime
    app_version: str
    schema_revision: str
    files: dict[str, str]
    mac: str = ""

    def body(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "created_at": self.created_at.isoformat(),
            "app_version": self.app_version,
            "schema_revision": self.schema_revision,
            "files": dict(sorted(self.files.items())),
        }

    def expected_mac(self, data_key: SecretKey) -> str:
        return hmac.new(_mac_key(data_key), _canonical(self.body()), hashlib.sha256).hexdigest()

    def mac_matches(self, data_key: SecretKey) -> bool:
        return hmac.compare_digest(self.expected_mac(data_key), self.mac)


def _document(manifest: Manifest) -> dict[str, Any]:
    # The checksum lets a check without any passphrase tell an edited manifest (a changed hash
    # would otherwise be blamed on the file it describes).
    signed = dict(manifest.body(), mac=manifest.mac)
    return dict(signed, checksum=hashlib.sha256(_canonical(signed)).hexdigest())


def write_manifest(
    folder: Path, vault_id: str, created_at: datetime, schema_revision: str, data_key: SecretKey
) -> Manifest:
    files = {name: file_sha256(folder / name) for name in BACKED_UP_FILES}
    unsigned = Manifest(vault_id, created_at, __version__, schema_revision, files)
    manifest = Manifest(
        vault_id, created_at, __version__, schema_revision, files, unsigned.expected_mac(data_key)
    )
    write_atomically(folder / MANIFEST_NAME, json.dumps(_document(manifest), indent=1).encode())
    return manifest


def read_manifest(folder: Path) -> Manifest:
    """The manifest, if it has the expected shape; BackupDamagedError names it otherwise."""
    try:
        document = json.loads((folder / MANIFEST_NAME).read_bytes())
        if document.get("format") != FORMAT or document.get("version") != VERSION:
            raise ValueError("unknown format")
        files = {str(name): str(value) for name, value in document["files"].items()}
        if set(files) != set(BACKED_UP_FILES) or not all(
            len(value) == 64 and all(c in "0123456789abcdef" for c in value)
            for value in files.values()
        ):
            raise ValueError("unexpected files")
        created_at = datetime.fromisoformat(str(document["created_at"]))
        if created_at.tzinfo is None:
            raise ValueError("naive time")
        manifest = Manifest(
            str(document["vault_id"]),
            created_at,
            str(document["app_version"]),
            str(document["schema_revision"]),
            files,
            str(document["mac"]),
        )
        if _document(manifest) != document:
            raise ValueError("unexpected content")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise BackupDamagedError(
            f"{MANIFEST_NAME} is missing, damaged or not a Casebook backup manifest."
        ) from error
    return manifest


def check_hashes(folder: Path, manifest: Manifest) -> None:
    """Raises BackupDamagedError naming the first file whose bytes differ from the manifest."""
    for name in BACKED_UP_FILES:
        path = folder / name
        try:
            actual = file_sha256(path)
        except OSError as error:
            raise BackupDamagedError(f"{name} is missing or cannot be read.") from error
        if not hmac.compare_digest(actual, manifest.files[name]):
            raise BackupDamagedError(f"{name} does not match the manifest (it has been changed).")

"""ACCEPTANCE: backups are encrypted, checked, rotated and restorable; a vanished folder is safe.

Small vaults only (a 30-person demo vault for the round trip), with the cheap Argon2 setting.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.backup.errors import BackupCancelledError, BackupError, DestinationUnreachableError
from desktop.backup.manifest import MANIFEST_NAME, file_sha256
from desktop.backup.restore import restore
from desktop.backup.snapshot import WORK_FOLDER
from desktop.backup.verify import WrongBackupPassphraseError, verify_backup
from desktop.backup.writer import is_backup_name
from desktop.models.accounts import Role
from desktop.services.backup_service import BackupService
from desktop.services.backup_settings import BackupSettings, BackupSettingsService
from desktop.services.demo_service import build_demo_vault
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.permissions import PermissionDeniedError
from desktop.services.sign_in_service import SignedIn
from desktop.vault.layout import VaultLayout
from tests.conftest import PASSPHRASE, AddAccount, FakeClock, FastKdfPolicy
from tests.integration.helpers import every_file, raw_connect


def _backups(folder: Path) -> list[Path]:
    return sorted(path for path in folder.iterdir() if is_backup_name(path.name))


def _service(
    signed_in: SignedIn, clock: FakeClock, folder: Path, keep_daily: int = 7, keep_weekly: int = 4
) -> BackupService:
    settings = BackupSettings(folder=str(folder), keep_daily=keep_daily, keep_weekly=keep_weekly)
    return BackupService(signed_in.vault, signed_in.user, clock, settings)


def _order(row: tuple[Any, ...]) -> list[tuple[bool, str, Any]]:
    """Sorts rows by their values (numbers as numbers), whatever mix of types a column holds."""
    return [(value is None, type(value).__name__, 0 if value is None else value) for value in row]


def _dump(database: Path, key_hex: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (FTS shadow tables too), sorted, read with raw SQLCipher."""
    connection = raw_connect(database, key_hex)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=_order)
            for table in tables
        }
    finally:
        connection.close()


def test_round_trip_of_a_demo_vault_restores_every_row(tmp_path: Path, clock: FakeClock) -> None:
    demo = build_demo_vault(
        VaultLayout(tmp_path / "demo"), PASSPHRASE, FastKdfPolicy(), clock, people=30, seed=7
    )
    share = tmp_path / "share"
    share.mkdir()
    try:
        key_hex = demo.vault.data_key.view().hex()
        before = _dump(demo.vault.layout.database, key_hex)
        result = _service(demo, clock, share).run_backup()
    finally:
        demo.vault.lock()
    assert result.path.parent == share and result.size_bytes > 0
    clock.advance(60)
    restored = restore(result.path, tmp_path / "restored", "coordinator", PASSPHRASE, clock)
    assert restored.safety_copy is None
    after = _dump(restored.folder / "casebook.db", key_hex)

    assert sum(len(rows) for rows in before.values()) > 1000
    assert set(after) == set(before)
    for table in before:
        if table == "audit_log":
            continue
        assert after[table] == before[table], table
    # The restored log is the backed-up log plus the restore's own rows.
    restored_log = after["audit_log"]
    assert restored_log[: len(before["audit_log"])] == before["audit_log"]
    added = {row[3] for row in restored_log[len(before["audit_log"]) :]}
    assert {"sign_in", "restore", "sign_out"} <= added
    assert verify_backup(result.path, PASSPHRASE).lines


def test_restore_refuses_an_existing_folder_and_in_place_keeps_a_safety_copy(
    coordinator: tuple[SignedIn, str], tmp_path: Path, clock: FakeClock
) -> None:
    signed_in, recovery_key = coordinator
    share = tmp_path / "share"
    share.mkdir()
    result = _service(signed_in, clock, share).run_backup()
    vault_folder = signed_in.vault.layout.folder
    with pytest.raises(BackupError, match="Lock the vault"):
        restore(result.path, vault_folder, "coord", PASSPHRASE, clock, in_place=True)
    signed_in.vault.lock()
    with pytest.raises(BackupError, match="already exists"):
        restore(result.path, vault_folder, "coord", PASSPHRASE, clock)
    with pytest.raises(WrongBackupPassphraseError):
        restore(result.path, tmp_path / "other", "coord", "not the passphrase at all", clock)
    assert not (tmp_path / "other").exists()
    # The recovery key checks a backup as well as any account's passphrase does.
    assert verify_backup(result.path, recovery_key.lower())

    restored = restore(result.path, vault_folder, "coord", PASSPHRASE, clock, in_place=True)
    assert restored.folder == vault_folder.absolute()
    assert restored.safety_copy is not None
    assert (restored.safety_copy / "casebook.db").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if ".restoring-" in p.name) == []


@pytest.mark.parametrize("name", ["casebook.db", "keyslots.json", "manifest.json"])
def test_a_flipped_byte_in_any_file_is_named(
    name: str, coordinator: tuple[SignedIn, str], tmp_path: Path, clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    share = tmp_path / "share"
    share.mkdir()
    backup = _service(signed_in, clock, share).run_backup().path
    verify_backup(backup)
    for offset_fraction in (0.0, 0.5, 0.999):  # the start, middle and end of the file
        path = backup / name
        original = path.read_bytes()
        damaged = bytearray(original)
        damaged[int(len(damaged) * offset_fraction)] ^= 0xFF
        path.write_bytes(bytes(damaged))
        for passphrase in (None, PASSPHRASE):
            with pytest.raises(BackupError) as failed:
                verify_backup(backup, passphrase)
            assert name in str(failed.value), (offset_fraction, str(failed.value))
        path.write_bytes(original)


def test_a_forged_file_with_a_recomputed_hash_fails_the_mac(
    coordinator: tuple[SignedIn, str], tmp_path: Path, clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    share = tmp_path / "share"
    share.mkdir()
    backup = _service(signed_in, clock, share).run_backup().path
    manifest_path = backup / MANIFEST_NAME
    document = json.loads(manifest_path.read_text())
    document["schema_revision"] = "0001"
    document.pop("checksum")
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    document["checksum"] = hashlib.sha256(canonical.encode()).hexdigest()
    manifest_path.write_text(json.dumps(document))
    verify_backup(backup)  # the hashes alone cannot tell
    with pytest.raises(BackupError, match="manifest.json: its signature"):
        verify_backup(backup, PASSPHRASE)


def test_folder_removed_mid_backup_leaves_earlier_backups_and_recovers(
    coordinator: tuple[SignedIn, str], tmp_path: Path, clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    share, aside = tmp_path / "share", tmp_path / "share-gone"
    share.mkdir()
    service = _service(signed_in, clock, share)
    first = service.run_backup().path
    first_hash = file_sha256(first / "casebook.db")
    clock.advance(3600)

    seen: list[int] = []

    def unplug_during_the_copy(percent: int) -> None:
        seen.append(percent)
        if percent > 30 and share.exists():  # past the local snapshot: copying
            os.rename(share, aside)  # the network drive goes away

    with pytest.raises(BackupError) as failed:
        service.run_backup(progress=unplug_during_the_copy)
    assert isinstance(failed.value, DestinationUnreachableError)
    assert "cannot be reached" in str(failed.value)
    assert service.last_backup().last_attempt is not None
    assert not service.last_backup().last_attempt.ok  # type: ignore[union-attr]
    assert service.last_backup().last_good is not None

    os.rename(aside, share)  # the drive comes back
    assert _backups(share) == [first]
    assert file_sha256(first / "casebook.db") == first_hash
    verify_backup(first, PASSPHRASE)
    for leftover in share.iterdir():
        if leftover != first:
            assert leftover.name.endswith(".partial"), leftover.name
            assert not (leftover / MANIFEST_NAME).exists()
    # No snapshot left behind in the vault folder either.
    assert list((signed_in.vault.layout.folder / WORK_FOLDER).iterdir()) == []

    clock.advance(24 * 3600)  # a day later: rotation keeps one backup a day
    second = service.run_backup().path
    assert _backups(share) == [first, second]
    verify_backup(second, PASSPHRASE)
    status = service.last_backup()
    assert status.last_good is not None and status.last_good.at == clock.now()


def test_an_unset_or_missing_folder_fails_clearly_and_is_audited(
    coordinator: tuple[SignedIn, str], tmp_path: Path, clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    with pytest.raises(DestinationUnreachableError):
        _service(signed_in, clock, tmp_path / "nowhere").run_backup()
    unset = BackupService(signed_in.vault, signed_in.user, clock, None)
    with pytest.raises(BackupError, match="No backup folder"):
        unset.run_backup()
    from sqlalchemy import select

    from desktop.models.audit import AuditEntry

    with signed_in.vault.sessions.begin() as session:
        outcomes = session.execute(
            select(AuditEntry.outcome).where(AuditEntry.action == "backup")
        ).scalars()
        assert list(outcomes) == ["failed: folder unreachable", "failed: no folder set"]


def test_rotation_over_sixty_days_keeps_exactly_the_configured_set(
    coordinator: tuple[SignedIn, str], tmp_path: Path, clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    share = tmp_path / "share"
    share.mkdir()
    (share / "casebook-20000101T000000Z").mkdir()  # named like a backup, but no manifest
    (share / "notes.txt").write_text("someone else's file")
    service = _service(signed_in, clock, share, keep_daily=7, keep_weekly=4)
    start = clock.now()
    for _day in range(60):
        service.run_backup()
        clock.advance(24 * 3600)
    last = start + timedelta(days=59)
    assert last.date() == date(2025, 5, 12)  # a Monday
    kept = {datetime.strptime(p.name, "casebook-%Y%m%dT%H%M%SZ").date() for p in _backups(share)}
    # The last 7 days (6-12 May) and the newest of the last 4 ISO weeks: 12 May (this week),
    # 11 May, 4 May and 27 April (the Sundays closing the three weeks before).
    expected = {date(2025, 5, day) for day in range(6, 13)} | {date(2025, 5, 4), date(2025, 4, 27)}
    assert kept == expected | {date(2000, 1, 1)}
    assert (share / "notes.txt").exists()


def test_a_canary_is_in_no_byte_of_the_backup_folder(
    coordinator: tuple[SignedIn, str], tmp_path: Path, clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    canary = f"Canary{os.urandom(6).hex()}"
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    people.create(
        PersonDetails(
            given_name=canary,
            family_name=f"Żaneta-{canary}",
            summary=f"Seen with {canary} near the station.",
            key_worker_id=signed_in.user.account_id,
        )
    )
    share = tmp_path / "share"
    share.mkdir()
    backup = _service(signed_in, clock, share).run_backup().path
    files = every_file(share) + every_file(signed_in.vault.layout.folder / WORK_FOLDER)
    assert len(files) == 3
    for path in files:
        content = path.read_bytes()
        for text in (canary, f"Żaneta-{canary}"):
            for encoding in ("utf-8", "utf-16-le"):
                assert text.encode(encoding) not in content, path.name
    verify_backup(backup, PASSPHRASE)


def test_backup_settings_are_the_coordinators_and_audited_by_name(
    coordinator: tuple[SignedIn, str], add_account: AddAccount, clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    settings = BackupSettingsService(signed_in.vault.sessions, signed_in.user, clock)
    assert settings.settings() == BackupSettings(keep_daily=7, keep_weekly=4)
    wanted = BackupSettings(folder="\\\\server\\share\\Casebook", on_close=True, every_hours=4)
    assert settings.save(wanted) == ["backup_folder", "backup_on_close", "backup_every_hours"]
    assert settings.settings() == wanted
    assert settings.save(wanted) == []
    with pytest.raises(ValueError, match="full path"):
        settings.save(BackupSettings(folder="relative\\folder"))
    with pytest.raises(ValueError, match="daily copies"):
        settings.save(BackupSettings(keep_daily=0))
    worker = add_account(Role.GANGS_WORKER)
    refused = BackupSettingsService(signed_in.vault.sessions, worker, clock)
    with pytest.raises(PermissionDeniedError):
        refused.settings()
    with pytest.raises(PermissionDeniedError):
        refused.save(wanted)
    from sqlalchemy import select

    from desktop.models.audit import AuditEntry

    with signed_in.vault.sessions.begin() as session:
        rows = session.execute(
            select(AuditEntry.entity_id, AuditEntry.outcome).where(
                AuditEntry.action == "setting_changed"
            )
        ).all()
    assert [tuple(row) for row in rows] == [
        ("backup_folder", ""),
        ("backup_on_close", ""),
        ("backup_every_hours", ""),
    ]


def test_a_backup_is_stamped_in_utc(
    coordinator: tuple[SignedIn, str], tmp_path: Path, clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    share = tmp_path / "share"
    share.mkdir()
    backup = _service(signed_in, clock, share).run_backup().path
    assert backup.name == f"casebook-{clock.now().astimezone(UTC):%Y%m%dT%H%M%SZ}"
    assert shutil.disk_usage(share)


def test_progress_rises_to_100_and_cancel_leaves_nothing(
    coordinator: tuple[SignedIn, str], tmp_path: Path, clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    share = tmp_path / "share"
    share.mkdir()
    service = _service(signed_in, clock, share)
    seen: list[int] = []
    service.run_backup(progress=seen.append)
    assert seen == sorted(seen) and seen[0] == 0 and seen[-1] == 100
    clock.advance(24 * 3600)
    with pytest.raises(BackupCancelledError):
        service.run_backup(cancelled=lambda: True)
    assert len(list(share.iterdir())) == 1
    status = service.last_backup()
    assert status.last_attempt is not None and status.last_attempt.outcome == "failed: cancelled"
    assert status.last_good is not None and status.last_good.at < status.last_attempt.at

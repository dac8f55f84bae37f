"""ACCEPTANCE: personal data planted as canaries appears in no byte of any file Casebook wrote."""

from __future__ import annotations

import logging
import sys
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from desktop import APP_NAME, ORGANISATION
from desktop.logging_setup import LOG, configure_logging, describe_exception
from desktop.models.people import YoungPerson
from desktop.services.draft_service import DraftService
from desktop.services.people_service import PeopleService, PersonDetails, PersonInputError
from desktop.services.sign_in_service import SignedIn, SignInService
from desktop.vault.errors import UnknownUserError, WrongPassphraseError
from desktop.vault.layout import VaultLayout
from tests.conftest import COORDINATOR_USERNAME, PASSPHRASE, FakeClock
from tests.integration.helpers import every_file

# Unique per run, so a match can only come from this test. One is plain ASCII, one needs
# multi-byte UTF-8 (names the unit meets are often not Latin).
CANARY = f"Canary{uuid.uuid4().hex[:12]}"
CANARY_NAME = f"Żaneta-Ñúñez-{uuid.uuid4().hex[:8]}"
CANARY_ARABIC = f"كناري{uuid.uuid4().hex[:8]}"
CANARIES = (CANARY, CANARY_NAME, CANARY_ARABIC)


@pytest.fixture
def casebook_log(tmp_path: Path) -> Iterator[Path]:
    """The application's own log configuration, undone afterwards (handlers, levels, hook)."""
    root = logging.getLogger()
    saved_handlers, saved_level, saved_hook = root.handlers[:], root.level, sys.excepthook
    saved_levels = {name: logging.getLogger(name).level for name in ("sqlalchemy", "alembic")}
    path = tmp_path / "logs" / "casebook.log"
    configure_logging(path)
    try:
        yield path
    finally:
        for handler in root.handlers:
            handler.close()
        root.handlers = saved_handlers
        root.setLevel(saved_level)
        sys.excepthook = saved_hook
        for name, level in saved_levels.items():
            logging.getLogger(name).setLevel(level)


def _leaks(folder: Path) -> list[str]:
    found = []
    for path in every_file(folder):
        content = path.read_bytes()
        for canary in CANARIES:
            for encoding in ("utf-8", "utf-16-le"):
                if canary.encode(encoding) in content:
                    found.append(f"{path.relative_to(folder)} holds {canary!r} as {encoding}")
    return found


def _plant(signed_in: SignedIn, clock: FakeClock) -> None:
    """Everything a worker would type about a young person, through the real services."""
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    details = PersonDetails(
        given_name=CANARY_NAME,
        family_name=CANARY,
        known_as=CANARY_ARABIC,
        date_of_birth=date(2009, 5, 1),
        summary=f"Missing at weekends; seen with {CANARY} near the station. {CANARY_ARABIC}",
        key_worker_id=signed_in.user.account_id,
    )
    person_id = people.create(details)
    for _ in range(3):  # rewritten rows leave freed pages behind
        clock.advance(60)
        details.summary += f" Update: {CANARY}."
        people.update(person_id, details)
    assert people.open_record(person_id).details.family_name == CANARY
    assert [row.id for row in people.page(0, 10, search=CANARY)] == [person_id]

    drafts = DraftService(signed_in.vault.sessions, signed_in.user, clock)
    drafts.save("person_form:new", {"summary": f"Draft about {CANARY} {CANARY_NAME}"})
    drafts.save("chronology:1", {"entry": f"{CANARY_ARABIC} said"})
    drafts.discard("chronology:1")
    assert drafts.load("person_form:new") == {"summary": f"Draft about {CANARY} {CANARY_NAME}"}


def _fail_with_personal_data(signed_in: SignedIn, clock: FakeClock) -> None:
    """Errors whose inputs hold personal data, reported the way the application reports them."""
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    bad = PersonDetails(given_name=CANARY, family_name=CANARY_NAME, key_worker_id=999_999)
    with pytest.raises(PersonInputError) as invalid:
        people.create(bad)  # no such key worker: refused before it reaches the database
    assert not any(canary in str(invalid.value) for canary in CANARIES)
    with pytest.raises(IntegrityError) as refused, signed_in.vault.sessions.begin() as session:
        taken = session.execute(select(YoungPerson.case_reference)).scalars().first()
        now = clock.now()
        # A second row with a reference in use: the unique index refuses it, parameters and all.
        session.add(
            YoungPerson(
                case_reference=taken,
                given_name=CANARY,
                family_name=CANARY_NAME,
                created_at=now,
                updated_at=now,
            )
        )
        session.flush()
    assert not any(canary in str(refused.value) for canary in CANARIES)
    LOG.error("saving failed: %s", describe_exception(refused.value))
    try:
        raise ValueError(f"could not parse {CANARY} {CANARY_NAME}")
    except ValueError as error:
        sys.excepthook(type(error), error, error.__traceback__)


def _sign_in_attempts(layout: VaultLayout, clock: FakeClock) -> None:
    """A name typed into the user-name box, or as a passphrase, is not kept anywhere."""
    service = SignInService(layout, clock)
    with pytest.raises(UnknownUserError):
        service.sign_in(CANARY_NAME, PASSPHRASE)
    with pytest.raises(WrongPassphraseError):
        service.sign_in(COORDINATOR_USERNAME, f"{CANARY} {CANARY_NAME}")


def _write_ui_settings() -> Path:
    """What the application keeps in QSettings: window state only, never anything typed."""
    settings = QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APP_NAME
    )
    settings.setValue("main_window/geometry", QByteArray(b"\x01\xd9\xd0\xcb geometry"))
    settings.setValue("last_user", COORDINATOR_USERNAME)
    settings.sync()
    assert settings.status() == QSettings.Status.NoError
    return Path(settings.fileName())


def test_canaries_never_reach_the_disk(
    tmp_path: Path,
    coordinator: tuple[SignedIn, str],
    vault_layout: VaultLayout,
    clock: FakeClock,
    casebook_log: Path,
    settings_folder: Path,
    add_test_revision: Callable[[], str],
) -> None:
    signed_in, _recovery = coordinator
    LOG.info("canary test: vault open")
    _plant(signed_in, clock)
    _fail_with_personal_data(signed_in, clock)
    _sign_in_attempts(vault_layout, clock)
    settings_file = _write_ui_settings()

    # While the vault is open, the WAL holds the newest pages: they are encrypted too.
    assert vault_layout.folder.joinpath("casebook.db-wal").stat().st_size > 0
    assert _leaks(tmp_path) == []

    signed_in.vault.lock()
    # Unlocking after an upgrade takes a safety copy of the whole vault, canaries included.
    add_test_revision()
    again = SignInService(vault_layout, clock).sign_in(COORDINATOR_USERNAME, PASSPHRASE)
    assert again.vault.safety_copy is not None
    again.vault.lock()

    written = {path.relative_to(tmp_path).as_posix() for path in every_file(tmp_path)}
    # The scan covered every kind of file Casebook writes, not an empty folder.
    assert {"vault/casebook.db", "vault/keyslots.json", "vault/attempts.json"} <= written
    assert any(name.startswith("vault/safety-copies/before-") for name in written)
    assert settings_file.is_relative_to(settings_folder)
    assert settings_file.relative_to(tmp_path).as_posix() in written
    log_text = casebook_log.read_text("utf-8")
    assert "unhandled error: builtins.ValueError" in log_text
    assert "saving failed: sqlalchemy.exc.IntegrityError" in log_text

    assert _leaks(tmp_path) == []


def test_the_scan_finds_a_planted_canary(tmp_path: Path) -> None:
    """The negative control: the search itself works for both encodings, in nested folders."""
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.bin").write_bytes(b"\x00" + CANARY_ARABIC.encode("utf-16-le"))
    (tmp_path / "y.txt").write_text(f"..{CANARY_NAME}..", "utf-8")
    assert len(_leaks(tmp_path)) == 2

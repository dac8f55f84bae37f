"""The self-test's steps: each works in a throwaway folder and raises SelfTestError if wrong."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from desktop.clock import Clock
from desktop.services.sign_in_service import SignedIn
from desktop.vault.kdf import KdfPolicy
from desktop.vault.layout import VaultLayout

# Throwaway: it only ever opens a vault inside the self-test's temporary folder.
SELF_TEST_PASSPHRASE = "self-test passphrase, not a secret"
SELF_TEST_USER = "selftest"
# Synthetic: no real person is called this.
GIVEN_NAME = "Selftest"
FAMILY_NAME = "Testperson"
REFERRAL_REASON = "Self-test referral"
ENTRY_SUMMARY = "Self-test chronology entry"
PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"


class SelfTestError(Exception):
    """A step found something wrong; the message says what (never personal data)."""


@dataclass
class SelfTestContext:
    """What the steps share: the temporary folder, and what earlier steps made."""

    folder: Path
    clock: Clock
    kdf: KdfPolicy
    # Where the "shared drive" backup goes; a test may point it at something unusable.
    share: Path
    signed_in: SignedIn | None = None
    person_id: int | None = None
    backup: Path | None = None
    opened: list[SignedIn] = field(default_factory=list)

    def vault(self) -> SignedIn:
        if self.signed_in is None:
            raise SelfTestError("no vault (an earlier step failed)")
        return self.signed_in

    def person(self) -> int:
        if self.person_id is None:
            raise SelfTestError("no record (an earlier step failed)")
        return self.person_id

    def lock_all(self) -> None:
        for signed_in in self.opened:
            signed_in.vault.lock()
        self.opened.clear()


def create_vault(context: SelfTestContext) -> None:
    from desktop.services.vault_setup_service import initialise_vault

    layout = VaultLayout(context.folder / "vault")
    signed_in, _recovery_key = initialise_vault(
        layout, SELF_TEST_USER, "Self Test", SELF_TEST_PASSPHRASE, context.kdf, context.clock
    )
    context.opened.append(signed_in)
    context.signed_in = signed_in
    with open(layout.database, "rb") as file:
        header = file.read(16)
    if header == PLAIN_SQLITE_HEADER:
        raise SelfTestError("the database file is not encrypted (plain SQLite header)")


def write_and_read_record(context: SelfTestContext) -> None:
    from desktop.models.choices import EntryType, ReferralSource
    from desktop.services.chronology_records import EntryInput
    from desktop.services.chronology_service import ChronologyService
    from desktop.services.people_service import PeopleService, PersonDetails
    from desktop.services.referral_service import ReferralInput, ReferralService

    signed_in = context.vault()
    sessions, user, clock = signed_in.vault.sessions, signed_in.user, context.clock
    today = clock.now().date()
    born = date(today.year - 15, 1, 15)
    person_id = PeopleService(sessions, user, clock).create(
        PersonDetails(given_name=GIVEN_NAME, family_name=FAMILY_NAME, date_of_birth=born)
    )
    ReferralService(sessions, user, clock).add_referral(
        person_id,
        ReferralInput(
            received_on=today - timedelta(days=1),
            source=ReferralSource.POLICE,
            reason=REFERRAL_REASON,
        ),
    )
    entry_id = ChronologyService(sessions, user, clock).add_entry(
        person_id,
        EntryInput(clock.now() - timedelta(hours=1), EntryType.NOTE, ENTRY_SUMMARY),
    )
    record = PeopleService(sessions, user, clock).open_record(person_id)
    if (record.details.given_name, record.details.family_name) != (GIVEN_NAME, FAMILY_NAME):
        raise SelfTestError("the name read back differs from the one written")
    if record.details.date_of_birth != born:
        raise SelfTestError("the date of birth read back differs from the one written")
    referrals = ReferralService(sessions, user, clock).referrals(person_id)
    if [row.reason for row in referrals] != [REFERRAL_REASON]:
        raise SelfTestError(f"expected 1 referral read back, found {len(referrals)}")
    entry = ChronologyService(sessions, user, clock).entry(entry_id)
    if entry.person_id != person_id or entry.details.summary != ENTRY_SUMMARY:
        raise SelfTestError("the chronology entry read back differs from the one written")
    context.person_id = person_id


def export_word(context: SelfTestContext) -> None:
    import docx

    from desktop.services.conference_pack_service import ConferencePackService

    signed_in = context.vault()
    service = ConferencePackService(signed_in.vault.sessions, signed_in.user, context.clock)
    exports = context.folder / "exports"
    exports.mkdir()
    written = service.export(context.person(), exports / "pack.docx")
    document = docx.Document(str(written))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    cells = "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    if FAMILY_NAME not in text + cells:
        raise SelfTestError("the Word document does not hold the young person's name")


def back_up(context: SelfTestContext) -> None:
    from desktop.backup.verify import verify_backup
    from desktop.services.backup_service import BackupService

    signed_in = context.vault()
    context.person()  # a backup without the record would prove little
    result = BackupService(signed_in.vault, signed_in.user, context.clock, None).run_backup(
        destination=context.share
    )
    # In full: the signature, the database and the audit log, with the passphrase.
    verify_backup(result.path, SELF_TEST_PASSPHRASE)
    context.backup = result.path


def restore_and_sign_in(context: SelfTestContext) -> None:
    from desktop.backup.restore import restore
    from desktop.services.people_service import PeopleService
    from desktop.services.sign_in_service import SignInService

    if context.backup is None:
        raise SelfTestError("no backup (an earlier step failed)")
    target = context.folder / "restored"
    restore(context.backup, target, SELF_TEST_USER, SELF_TEST_PASSPHRASE, context.clock)
    restored = SignInService(VaultLayout(target), context.clock).sign_in(
        SELF_TEST_USER, SELF_TEST_PASSPHRASE
    )
    context.opened.append(restored)
    record = PeopleService(restored.vault.sessions, restored.user, context.clock).open_record(
        context.person()
    )
    if record.details.family_name != FAMILY_NAME:
        raise SelfTestError("the restored vault holds a different record")


def build_unlock_screen(context: SelfTestContext) -> None:
    from keyring.backends.null import Keyring as NullKeyring
    from PySide6.QtWidgets import QApplication, QStyleFactory

    # desktop.app imports the main window and its views: they must all be in the bundle.
    from desktop.app import application_icon
    from desktop.services.sign_in_service import SignInService
    from desktop.vault.device_keyring import DeviceKeyring
    from desktop.views.common.theme import Theme, style_sheet
    from desktop.views.shell.shell_dependencies import ShellDependencies
    from desktop.views.unlock.unlock_view import UnlockView

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setStyleSheet(style_sheet(Theme.LIGHT))
    layout = VaultLayout(context.folder / "unlock-vault")  # never created

    def refuse(*_arguments: object) -> object:
        raise SelfTestError("the self-test never creates a vault from the unlock screen")

    deps = ShellDependencies(
        layout=layout,
        sign_in=SignInService(layout, context.clock),
        # The null backend: nothing is read from or written to this computer's keyring.
        device=DeviceKeyring(NullKeyring()),  # type: ignore[no-untyped-call]
        create_vault=refuse,  # type: ignore[arg-type]
        services_for=refuse,  # type: ignore[arg-type]
        clock=context.clock,
        kdf_policy=context.kdf,
    )
    view = UnlockView(deps, application_icon())
    try:
        view.resize(640, 480)
        # Drawing it off screen exercises the platform plugin, the style and the fonts.
        if view.grab().isNull():
            raise SelfTestError("the unlock screen could not be drawn")
        if not QStyleFactory.keys():
            raise SelfTestError("no Qt style in this build")
    finally:
        view.close()
        view.deleteLater()
        app.processEvents()


def read_resources(_context: SelfTestContext) -> None:
    import json

    import docx

    from desktop.resources_path import resource

    if "QWidget" not in resource("style.qss").read_text("utf-8"):
        raise SelfTestError("style.qss has no style rules")
    docx.Document(str(resource("templates", "casebook.docx")))
    for name in ("en_gb_additions.txt", "unit_terms.txt"):
        if not resource("dictionaries", name).read_text("utf-8").strip():
            raise SelfTestError(f"the dictionary {name} is empty")
    json.loads(resource("measures", "score15.json").read_text("utf-8"))

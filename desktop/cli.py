"""The command line: the GUI by default, and headless administration subcommands."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import __version__
from desktop.clock import SystemClock
from desktop.vault.errors import VaultError
from desktop.vault.layout import VaultLayout

if TYPE_CHECKING:
    from desktop.bench.caseload_bench import Timing

PASSPHRASE_VARIABLE = "CASEBOOK_PASSPHRASE"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="casebook",
        description="Casebook: secure case management for the Integrated Gangs and "
        "Exploitation Unit. With no subcommand, starts the application.",
        epilog=f"Headless commands read the passphrase from {PASSPHRASE_VARIABLE} or ask for it.",
    )
    parser.add_argument("--version", action="version", version=f"Casebook {__version__}")
    parser.add_argument("--vault", type=Path, help="vault folder (default: your data folder)")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start on a demo vault of synthetic records (created on first use)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation in a temporary vault, then delete it (exit 0 when sound)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = commands.add_parser("init", help="create a vault and its first coordinator")
    init.add_argument("--vault", type=Path, required=True, dest="sub_vault")
    init.add_argument("--user", required=True, help="the coordinator's user name")
    init.add_argument("--name", default="", help="the coordinator's full name")

    demo = commands.add_parser("demo", help="create a demo vault without starting the GUI")
    demo.add_argument("--vault", type=Path, required=True, dest="sub_vault")
    demo.add_argument("--people", type=int, default=40, help="young people to create")
    demo.add_argument("--seed", type=int, default=2021, help="random seed for the records")

    verify = commands.add_parser(
        "verify", help="check the database integrity and the audit chain (exit 0 when sound)"
    )
    verify.add_argument("--vault", type=Path, required=True, dest="sub_vault")
    verify.add_argument("--user", required=True, help="a coordinator's user name")

    importer = commands.add_parser(
        "import", help="import young people and their referrals from a .csv or .xlsx file"
    )
    importer.add_argument("--vault", type=Path, dest="sub_vault", metavar="VAULT")
    importer.add_argument("--user", help="a coordinator's user name")
    importer.add_argument(
        "--template", action="store_true", help="write an empty file with the columns to FILE"
    )
    importer.add_argument(
        "file", type=Path, metavar="FILE", help=".csv or .xlsx file (docs/import-columns.md)"
    )

    backup = commands.add_parser(
        "backup", help="back up the vault (encrypted, verified) into a folder, e.g. on a share"
    )
    backup.add_argument("--vault", type=Path, required=True, dest="sub_vault")
    backup.add_argument("--user", required=True, help="who is making the backup")
    backup.add_argument(
        "--to", type=Path, dest="to", help="backup folder (default: the one set in the vault)"
    )

    restore = commands.add_parser(
        "restore", help="restore a backup as a new vault folder (or in place, keeping a copy)"
    )
    restore.add_argument("backup", type=Path, metavar="BACKUP", help="a casebook-... folder")
    restore.add_argument("--vault", type=Path, required=True, dest="sub_vault")
    restore.add_argument("--user", required=True, help="an account in the backup")
    restore.add_argument(
        "--in-place",
        action="store_true",
        help="replace the vault in --vault, moving it aside as a safety copy first",
    )

    verify_backup = commands.add_parser(
        "verify-backup",
        help=f"check a backup's files; with {PASSPHRASE_VARIABLE} set, check it in full",
    )
    verify_backup.add_argument("backup", type=Path, metavar="BACKUP", help="a casebook-... folder")

    exporter = commands.add_parser("export", help="write a Word document from the vault")
    documents = exporter.add_subparsers(dest="document", metavar="DOCUMENT", required=True)
    conference = documents.add_parser(
        "conference", help="the case-conference pack for one young person (all sections)"
    )
    conference.add_argument("--vault", type=Path, required=True, dest="sub_vault")
    conference.add_argument("--user", required=True, help="who is making the pack")
    conference.add_argument("--person", required=True, help="the young person's case reference")
    conference.add_argument("--out", type=Path, required=True, help="the .docx file to write")
    conference.add_argument("--from", type=_day, dest="start", help="period start (YYYY-MM-DD)")
    conference.add_argument("--to", type=_day, dest="end", help="period end (YYYY-MM-DD)")
    conference.add_argument(
        "--password-env",
        metavar="VARIABLE",
        help="name of an environment variable holding a password to protect the document",
    )

    bench = commands.add_parser(
        "bench",
        help="compare the encrypted vault with a plain SQLite file on synthetic data "
        "(docs/performance.md)",
    )
    bench.add_argument(
        "--people", type=_bench_count, default=10_000, help="young people to make (10,000)"
    )
    bench.add_argument(
        "--entries", type=_bench_count, default=500_000, help="chronology entries to make (500,000)"
    )
    bench.add_argument(
        "--repetitions", type=_bench_count, default=5, help="runs of each operation (5)"
    )
    bench.add_argument("--seed", type=int, default=2024, help="random seed for the records")
    bench.add_argument("--json", type=Path, dest="json_file", help="also write results here")
    bench.add_argument(
        "--vault",
        type=Path,
        dest="bench_vault",
        help="instead, time the caseload on this existing vault (e.g. a demo vault)",
    )
    bench.add_argument(
        "--user",
        dest="bench_user",
        default="coordinator",
        help="who to sign in as for the --vault caseload timings",
    )
    bench.add_argument(
        "--memory-security",
        action="store_true",
        help="also measure what SQLCipher's cipher_memory_security costs",
    )
    bench.add_argument(
        "--conference",
        action="store_true",
        help="also time a case-conference pack export in a small temporary vault",
    )
    return parser


def _bench_count(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text}")
    return value


def _day(text: str) -> date:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        with contextlib.suppress(ValueError):
            return datetime.strptime(text, pattern).date()
    raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)")


def read_passphrase(prompt: str, *, confirm: bool = False) -> str:
    from_environment = os.environ.get(PASSPHRASE_VARIABLE)
    if from_environment:
        return from_environment
    if not sys.stdin.isatty():
        raise SystemExit(f"Set {PASSPHRASE_VARIABLE} or run this command in a terminal.")
    passphrase = getpass.getpass(prompt)
    if confirm and getpass.getpass("Type it again: ") != passphrase:
        raise SystemExit("The two passphrases do not match.")
    return passphrase


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.self_test:  # before anything starts the GUI; needs no display
        from desktop.self_test import run_self_test

        if sys.stdout is None:  # the windowed casebook.exe: only the exit code tells
            with open(os.devnull, "w", encoding="utf-8") as nowhere:
                return run_self_test(nowhere)
        return run_self_test(sys.stdout)
    if args.command is None:
        from desktop.app import run_gui

        return run_gui(vault=args.vault, demo=args.demo)
    # Not before the GUI starts: it imports the ORM models, which the unlock screen does without.
    from desktop.services.permissions import PermissionDeniedError

    try:
        if args.command == "init":
            return _init(args)
        if args.command == "demo":
            return _demo(args)
        if args.command == "bench":
            return _bench(args)
        if args.command == "import":
            return _import(args)
        if args.command == "backup":
            return _backup(args)
        if args.command == "restore":
            return _restore(args)
        if args.command == "verify-backup":
            return _verify_backup(args)
        if args.command == "export":
            return _export_conference(args)
        return _verify(args)
    except VaultError as error:
        print(f"casebook: {error}", file=sys.stderr)
        return 2
    except (ValueError, PermissionDeniedError) as error:  # refused, with a message to show
        print(f"casebook: {error}", file=sys.stderr)
        return 2


def _init(args: argparse.Namespace) -> int:
    from desktop.services.vault_setup_service import initialise_vault
    from desktop.vault.kdf import KdfPolicy

    passphrase = read_passphrase("Passphrase for the coordinator: ", confirm=True)
    signed_in, recovery_key = initialise_vault(
        VaultLayout(args.sub_vault),
        args.user,
        args.name or args.user,
        passphrase,
        KdfPolicy(),
        SystemClock(),
    )
    signed_in.vault.lock()
    print(f"Created the vault in {args.sub_vault} with coordinator '{args.user.lower()}'.")
    print("Recovery key (shown only now; keep it somewhere safe, away from this computer):")
    print(f"    {recovery_key}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from desktop.models.accounts import Role
    from desktop.services.demo_service import DEMO_PASSPHRASE, build_demo_vault, demo_username
    from desktop.vault.kdf import KdfPolicy

    passphrase = os.environ.get(PASSPHRASE_VARIABLE) or DEMO_PASSPHRASE
    signed_in = build_demo_vault(
        VaultLayout(args.sub_vault),
        passphrase,
        KdfPolicy(),
        SystemClock(),
        people=args.people,
        seed=args.seed,
    )
    signed_in.vault.lock()
    print(f"Created a demo vault in {args.sub_vault} with {args.people} synthetic young people.")
    print("Accounts: " + ", ".join(demo_username(role) for role in Role))
    if os.environ.get(PASSPHRASE_VARIABLE):
        print(f"Every account's passphrase is the one in {PASSPHRASE_VARIABLE}.")
    else:
        print(f"Every account's passphrase is: {DEMO_PASSPHRASE}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from desktop.services.verify_service import verify_vault

    passphrase = read_passphrase(f"Passphrase for {args.user}: ")
    report = verify_vault(VaultLayout(args.sub_vault), args.user, passphrase, SystemClock())
    for line in report.lines:
        print(line)
    if report.sound:
        print("verify: the vault is sound.")
        return 0
    print("verify: PROBLEMS FOUND (see above).", file=sys.stderr)
    return 1


def _backup(args: argparse.Namespace) -> int:
    from desktop.services import actions
    from desktop.services.backup_service import BackupService
    from desktop.services.bundle import Services
    from desktop.services.sign_in_service import SignInService
    from desktop.vault.kdf import KdfPolicy

    passphrase = read_passphrase(f"Passphrase for {args.user}: ")
    clock = SystemClock()
    signed_in = SignInService(VaultLayout(args.sub_vault), clock).sign_in(args.user, passphrase)
    services = Services.for_session(signed_in, KdfPolicy(), clock)
    try:
        result = BackupService(signed_in.vault, signed_in.user, clock, None).run_backup(
            destination=args.to
        )
    finally:
        services.end(actions.SIGN_OUT)
    print(
        f"Backed up to {result.path} in {result.duration_seconds:.1f} s "
        f"({result.size_bytes / 1_000_000:.1f} MB, encrypted and verified)."
    )
    return 0


def _restore(args: argparse.Namespace) -> int:
    from desktop.backup.restore import restore

    passphrase = read_passphrase(f"Passphrase for {args.user} (as it was in the backup): ")
    result = restore(
        args.backup, args.sub_vault, args.user, passphrase, SystemClock(), in_place=args.in_place
    )
    print(f"Restored the backup into {result.folder}; the backup was checked in full first.")
    if result.safety_copy is not None:
        print(f"The vault it replaced is kept in {result.safety_copy}.")
    return 0


def _verify_backup(args: argparse.Namespace) -> int:
    from desktop.backup.verify import verify_backup

    passphrase = os.environ.get(PASSPHRASE_VARIABLE) or None
    report = verify_backup(args.backup, passphrase)
    for line in report.lines:
        print(line)
    if passphrase is None:
        print(
            f"verify-backup: the files are intact. Set {PASSPHRASE_VARIABLE} to any account's "
            "passphrase (or the recovery key) to check the signature, database and audit log."
        )
    else:
        print("verify-backup: the backup is sound.")
    return 0


def _import(args: argparse.Namespace) -> int:
    from desktop.services.import_files import write_template
    from desktop.services.import_service import import_into_vault

    if args.template:
        write_template(args.file)
        print(
            f"Wrote the import template {args.file}; docs/import-columns.md explains each column."
        )
        return 0
    if args.sub_vault is None or args.user is None:
        raise ValueError("import needs --vault and --user (or --template FILE).")
    passphrase = read_passphrase(f"Passphrase for {args.user}: ")
    report = import_into_vault(
        VaultLayout(args.sub_vault), args.user, passphrase, args.file, SystemClock()
    )
    if report.imported:
        print(f"Imported {report.summary}.")
        return 0
    for problem in report.problems:
        print(problem)
    print(
        f"import: NOTHING IMPORTED; {len(report.problems)} problem(s) to fix (see above).",
        file=sys.stderr,
    )
    return 1


def _export_conference(args: argparse.Namespace) -> int:
    from desktop.services import actions
    from desktop.services.bundle import Services
    from desktop.services.conference_records import PackOptions
    from desktop.services.record_access import RecordNotFoundError
    from desktop.services.sign_in_service import SignInService
    from desktop.vault.kdf import KdfPolicy

    password = None
    if args.password_env:
        password = os.environ.get(args.password_env)
        if not password:
            raise ValueError(f"{args.password_env} is not set: it should hold the password.")
    passphrase = read_passphrase(f"Passphrase for {args.user}: ")
    clock = SystemClock()
    signed_in = SignInService(VaultLayout(args.sub_vault), clock).sign_in(args.user, passphrase)
    services = Services.for_session(signed_in, KdfPolicy(), clock)
    try:
        person_id = services.conference.find_person(args.person)
        options = PackOptions(start=args.start, end=args.end, password=password)
        written = services.conference.export(person_id, args.out, options)
    except RecordNotFoundError as error:
        raise ValueError(str(error)) from error
    finally:
        services.end(actions.SIGN_OUT)
    protected = " (password protected)" if password else ""
    print(f"Wrote the case-conference pack to {written}{protected}.")
    print("The file is outside the vault: keep it safe, and delete it when it is no longer needed.")
    return 0


def _bench_caseload(args: argparse.Namespace) -> list[Timing]:
    import os as _os

    _os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.bench.caseload_bench import time_caseload
    from desktop.services.bundle import Services
    from desktop.services.sign_in_service import SignInService
    from desktop.vault.kdf import KdfPolicy

    app = QApplication.instance() or QApplication([])
    passphrase = read_passphrase(f"Passphrase for {args.bench_user}: ")
    clock = SystemClock()
    signed_in = SignInService(VaultLayout(args.bench_vault), clock).sign_in(
        args.bench_user, passphrase
    )
    try:
        return time_caseload(Services.for_session(signed_in, KdfPolicy(), clock), args.repetitions)
    finally:
        signed_in.vault.lock()
        del app


def _bench(args: argparse.Namespace) -> int:
    if args.bench_vault:
        for step in _bench_caseload(args):
            print(f"{step.name}: median {step.median_ms:.1f} ms")
        return 0
    from desktop.bench.command import run_comparison
    from desktop.bench.comparison import Scale

    scale = Scale(args.people, args.entries, args.repetitions, args.seed)
    return run_comparison(
        scale, args.json_file, memory_security=args.memory_security, conference=args.conference
    )

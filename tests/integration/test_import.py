"""ACCEPTANCE: importing young people and referrals from a council's .csv or .xlsx file.

Every row is checked first; one bad row and nothing is imported, with each problem reported by
spreadsheet row (the header is row 1), column and reason. A good file goes in as one
transaction, audited. The CLI tests at the end run `python main.py import` as a person would.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from desktop.models.accounts import Role
from desktop.models.audit import AuditEntry
from desktop.models.case_status import StatusChange
from desktop.models.choices import CaseStatus, Ethnicity, Gender, ReferralSource
from desktop.models.people import YoungPerson
from desktop.models.referrals import Referral
from desktop.services import actions, audit_chain
from desktop.services.account_service import AccountService
from desktop.services.import_columns import CHOICES, COLUMNS
from desktop.services.import_files import ImportFileError, write_template
from desktop.services.import_service import ImportProblem, ImportReport, ImportService
from desktop.services.people_service import PeopleService
from desktop.services.permissions import PermissionDeniedError
from desktop.services.sign_in_service import SignedIn
from tests.conftest import AddAccount, FakeClock, FastKdfPolicy
from tests.integration.test_cli import _run

ROOT = Path(__file__).resolve().parents[2]
HEADER = [column.name for column in COLUMNS]
GIVEN = ["Amir", "Zoë", "Kwame", "Jayden", "أحمد", "Hiwa", "Leah", "Tomasz", "Aisha", "Callum"]
FAMILY = ["Khan", "Ólafsdóttir", "Mensah", "Brown", "الكردي", "Ahmadi", "Doyle", "Nowak", "Ali"]


@pytest.fixture
def importer(coordinator: tuple[SignedIn, str], clock: FakeClock) -> ImportService:
    signed_in, _ = coordinator
    return ImportService(signed_in.vault.sessions, signed_in.user, clock)


@pytest.fixture
def signed_in(coordinator: tuple[SignedIn, str]) -> SignedIn:
    return coordinator[0]


def person_row(index: int, **values: str) -> dict[str, str]:
    """A valid row; every third keeps a council reference, every other has a referral."""
    row = {
        "given_name": GIVEN[index % len(GIVEN)],
        "family_name": FAMILY[index % len(FAMILY)],
        "date_of_birth": f"{2003 + index % 10}-{1 + index % 12:02d}-{1 + index % 28:02d}",
        "aliases": f"Tag{index};T-{index}",
        "gender": ["female", "Male", "Non-binary", ""][index % 4],
        "ethnicity": ["white_british", "Asian or Asian British: Pakistani", "OTHER_ARAB", ""][
            index % 4
        ],
        "interpreter_needed": ["yes", "no", ""][index % 3],
        "address": f"{index} Long Street",
        "postcode": "e1 6an",
        "summary": "Referred after exclusions.",
    }
    if index % 3 == 0:
        row["reference"] = f"LBX/{index:05d}"
    if index % 2 == 0:
        row |= {
            "referral_date": f"{1 + index % 28:02d}/02/2025",
            "referral_source": ["school", "Police intelligence", "Children's social care"][
                index % 3
            ],
            "referrer": "DC Smith",
            "referral_reason": "Seen with older peers",
            "consent_to_engage": "yes",
            "consent_to_share": "no",
            "consent_given_by": "Parent",
            "consent_given_on": f"2025-02-{1 + index % 28:02d}",
        }
    row |= values
    return row


def write_csv(
    path: Path, rows: list[dict[str, str]], header: list[str] = HEADER, encoding: str = "utf-8"
) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return path


def count_people(signed_in: SignedIn, clock: FakeClock) -> int:
    return PeopleService(signed_in.vault.sessions, signed_in.user, clock).count()


def problem_tuples(problems: ImportReport | list[ImportProblem]) -> list[tuple[int, str]]:
    if isinstance(problems, ImportReport):
        problems = problems.problems
    return [(problem.row, problem.column) for problem in problems]


def test_acceptance_1000_rows_with_3_bad_rows_import_nothing_then_all_1000(
    importer: ImportService, signed_in: SignedIn, clock: FakeClock, tmp_path: Path
) -> None:
    rows = [person_row(index) for index in range(1000)]
    rows[56]["family_name"] = ""  # spreadsheet row 58
    rows[398]["date_of_birth"] = "31/02/2009"  # row 400
    rows[997]["ethnicity"] = "Martian"  # row 999
    path = write_csv(tmp_path / "caseload.csv", rows)

    refused = importer.import_file(path)

    assert not refused.imported
    assert problem_tuples(refused) == [
        (58, "family_name"),
        (400, "date_of_birth"),
        (999, "ethnicity"),
    ]
    reasons = [problem.reason for problem in refused.problems]
    assert "empty" in reasons[0]
    assert "'31/02/2009' is not a real date" in reasons[1]
    assert "'Martian' is not in the list" in reasons[2]
    assert str(refused.problems[1]).startswith("row 400, date_of_birth: ")
    assert count_people(signed_in, clock) == 0
    with signed_in.vault.sessions.begin() as session:
        assert session.execute(select(func.count(Referral.id))).scalar_one() == 0

    rows[56]["family_name"] = "Reid"
    rows[398]["date_of_birth"] = "28/02/2009"
    rows[997]["ethnicity"] = "Other ethnic group: Arab"
    write_csv(path, rows)
    report = importer.import_file(path)

    assert report.imported, report.problems
    assert (report.people, report.referrals) == (1000, 500)
    assert report.summary == "1000 young people and 500 referrals"
    assert count_people(signed_in, clock) == 1000
    with signed_in.vault.sessions.begin() as session:
        people = session.execute(select(YoungPerson).order_by(YoungPerson.id)).scalars().all()
        references = {person.id: person.case_reference for person in people}
        first, second, fourth = people[0], people[1], people[3]
        assert first.case_reference == "LBX/00000"  # kept
        assert second.case_reference == "IGX-000001"  # assigned, in row order
        assert fourth.case_reference == "LBX/00003"
        assert len(set(references.values())) == 1000
        assert second.gender is Gender.MALE and second.ethnicity is Ethnicity.PAKISTANI
        assert [alias.alias for alias in first.aliases] == ["Tag0", "T-0"]
        assert first.addresses[0].postcode == "E1 6AN"
        assert "tag0" in first.search_text and "lbx/00000" in first.search_text
        fixed = people[398]
        assert fixed.date_of_birth == date(2009, 2, 28)
        assert people[997].ethnicity is Ethnicity.ARAB
        referral = session.execute(
            select(Referral).where(Referral.young_person_id == first.id)
        ).scalar_one()
        assert referral.received_on == date(2025, 2, 1)
        assert referral.source is ReferralSource.SCHOOL
        assert referral.consent_to_engage and not referral.consent_to_share
        assert referral.created_by_id == signed_in.user.account_id
        assert referral.consent_given_on == date(2025, 2, 1)
        history = session.execute(
            select(StatusChange).where(StatusChange.young_person_id == first.id)
        ).scalar_one()
        assert (history.from_status, history.to_status) == (None, CaseStatus.REFERRED)
        assert history.changed_by_id == signed_in.user.account_id
        assert session.execute(select(func.count(StatusChange.id))).scalar_one() == 500


def test_import_is_audited_once_for_the_file_and_once_per_record_without_names(
    importer: ImportService, signed_in: SignedIn, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "three.csv", [person_row(index) for index in range(3)])
    report = importer.import_file(path)
    assert report.imported
    with signed_in.vault.sessions.begin() as session:
        entries = session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars().all()
        assert audit_chain.verify(session).intact
    imports = [entry for entry in entries if entry.action == actions.IMPORT]
    assert len(imports) == 1
    assert imports[0].actor == "coord"
    assert imports[0].outcome == "3 young people, 2 referrals from a csv file"
    creates = [entry for entry in entries if entry.action == actions.CREATE]
    assert sorted(entry.entity_type for entry in creates) == ["referral"] * 2 + ["young_person"] * 3
    assert all(entry.outcome == "imported" for entry in creates)
    assert "given_name" in creates[0].fields
    assert "consent_given_on" in creates[-1].fields
    # As for a referral recorded by hand, the case history starts with it (audited too).
    starts = [entry for entry in entries if entry.action == actions.STATUS_CHANGED]
    assert [entry.outcome for entry in starts] == ["imported"] * 2
    written = " ".join(f"{e.entity_id} {e.fields} {e.outcome}" for e in entries).casefold()
    for name in ("amir", "khan", "zoë", "three.csv", "lbx"):
        assert name not in written


def test_a_refused_import_is_audited_and_writes_nothing_else(
    importer: ImportService, signed_in: SignedIn, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "bad.csv", [person_row(0, date_of_birth="yesterday")])
    report = importer.import_file(path)
    assert problem_tuples(report) == [(2, "date_of_birth")]
    assert "write YYYY-MM-DD or DD/MM/YYYY" in report.problems[0].reason
    with signed_in.vault.sessions.begin() as session:
        last = session.execute(select(AuditEntry).order_by(AuditEntry.id.desc())).scalars().first()
        assert session.execute(select(func.count(YoungPerson.id))).scalar_one() == 0
    assert last is not None
    assert (last.action, last.outcome) == (actions.IMPORT, "refused: 1 problem in a csv file")


def test_a_failure_part_way_rolls_everything_back(
    importer: ImportService,
    signed_in: SignedIn,
    clock: FakeClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write_csv(tmp_path / "ten.csv", [person_row(index) for index in range(10)])
    real_append = audit_chain.append
    calls = 0

    def failing_append(*args: object, **kwargs: object) -> AuditEntry:
        nonlocal calls
        calls += 1
        if calls == 7:  # after the people and some of their audit rows were written
            raise OSError("disk full")
        return real_append(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(audit_chain, "append", failing_append)
    with pytest.raises(OSError, match="disk full"):
        importer.import_file(path)
    monkeypatch.undo()
    assert count_people(signed_in, clock) == 0
    with signed_in.vault.sessions.begin() as session:
        assert session.execute(select(func.count(Referral.id))).scalar_one() == 0
        assert (
            session.execute(
                select(func.count(AuditEntry.id)).where(AuditEntry.action == actions.CREATE)
            ).scalar_one()
            == 0
        )


def test_xlsx_with_date_cells_labels_and_a_blank_row(
    importer: ImportService, signed_in: SignedIn, tmp_path: Path
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    # Headers as people write them: any case, spaces instead of underscores, any order.
    sheet.append(
        [
            "Family Name",
            "Given Name",
            "Date of Birth",
            "Interpreter Needed",
            "Reference",
            "Ethnicity",
            "Gender",
            "Referral date",
            "Referral Source",
            "Referral reason",
        ]
    )
    sheet.append(
        [
            "Mensah",
            "Kwame",
            datetime(2010, 5, 3),
            True,
            12345,
            "black_african",
            "Male",
            datetime(2025, 1, 6),
            "Youth justice service",
            "Carrying a knife",
        ]
    )
    sheet.append([None] * 10)  # a blank row in the middle is skipped, but still counted
    sheet.append(["Khan", "Amir", "03/05/2011", "no", None, None, None, None, None, None])
    path = tmp_path / "people.xlsx"
    workbook.save(path)

    report = importer.import_file(path)

    assert report.imported, report.problems
    assert (report.file_type, report.people, report.referrals) == ("xlsx", 2, 1)
    with signed_in.vault.sessions.begin() as session:
        kwame, amir = session.execute(select(YoungPerson).order_by(YoungPerson.id)).scalars()
        assert kwame.case_reference == "12345"
        assert kwame.date_of_birth == date(2010, 5, 3)
        assert kwame.interpreter_needed
        assert kwame.ethnicity is Ethnicity.AFRICAN
        assert amir.date_of_birth == date(2011, 5, 3)  # day first
        assert amir.case_reference == "IGX-000001"
        referral = session.execute(select(Referral)).scalar_one()
        assert referral.source is ReferralSource.YOUTH_JUSTICE

    sheet.append(["Brown", "Jayden", 40123, None, None, None, None, None, None, None])
    bad = tmp_path / "bad.xlsx"
    workbook.save(bad)
    refused = importer.check(bad)  # 12345 is now in the vault, and 40123 is no date
    assert [(p.row, p.column) for p in refused] == [(2, "reference"), (5, "date_of_birth")]
    assert "format the cell as a date" in refused[1].reason


def test_cp1252_and_utf8_with_bom_csv_files(
    importer: ImportService, signed_in: SignedIn, tmp_path: Path
) -> None:
    header = ["given_name", "family_name", "date_of_birth"]
    windows = write_csv(
        tmp_path / "excel.csv",
        [{"given_name": "Zoë", "family_name": "Ólafsdóttir", "date_of_birth": "01/02/2010"}],
        header,
        encoding="cp1252",
    )
    with pytest.raises(UnicodeDecodeError):
        windows.read_bytes().decode("utf-8")
    bom = write_csv(
        tmp_path / "excel-utf8.csv",
        [{"given_name": "هيوا", "family_name": "Ahmadi", "date_of_birth": "2011-03-04"}],
        header,
        encoding="utf-8-sig",
    )
    assert importer.import_file(windows).imported
    assert importer.import_file(bom).imported
    with signed_in.vault.sessions.begin() as session:
        names = session.execute(
            select(YoungPerson.given_name, YoungPerson.family_name).order_by(YoungPerson.id)
        ).all()
    assert [tuple(name) for name in names] == [("Zoë", "Ólafsdóttir"), ("هيوا", "Ahmadi")]


def test_duplicate_references_in_the_file_or_the_vault_are_refused(
    importer: ImportService, signed_in: SignedIn, clock: FakeClock, tmp_path: Path
) -> None:
    assert importer.import_file(
        write_csv(tmp_path / "first.csv", [person_row(1, reference="LBX/1")])
    ).imported
    rows = [
        person_row(2, reference="LBX/2"),
        person_row(3, reference="lbx/1"),  # already in the vault, whatever its case
        person_row(4, reference="LBX/2"),  # twice in this file
        person_row(5, reference="IGX-12"),  # Casebook's form, but not six digits
    ]
    report = importer.import_file(write_csv(tmp_path / "second.csv", rows))
    assert problem_tuples(report) == [(3, "reference"), (4, "reference"), (5, "reference")]
    assert "already used in Casebook" in report.problems[0].reason
    assert "also in row 2" in report.problems[1].reason
    assert "not IGX- and six digits" in report.problems[2].reason
    assert count_people(signed_in, clock) == 1


def test_kept_casebook_references_push_assigned_ones_past_them(
    importer: ImportService, signed_in: SignedIn, tmp_path: Path
) -> None:
    rows = [person_row(1, reference=""), person_row(2, reference="igx-000040")]
    assert importer.import_file(write_csv(tmp_path / "refs.csv", rows)).imported
    with signed_in.vault.sessions.begin() as session:
        references = session.execute(
            select(YoungPerson.case_reference).order_by(YoungPerson.id)
        ).scalars()
        assert list(references) == ["IGX-000041", "IGX-000040"]


def test_unknown_duplicate_and_missing_columns_are_named(
    importer: ImportService, tmp_path: Path
) -> None:
    header = ["Given Name", "surname", "date_of_birth", "DATE OF BIRTH", "Notes"]
    path = tmp_path / "columns.csv"
    path.write_text(
        ",".join(header) + "\nAmir,Khan,2010-01-01,2010-01-01,x,stray\n", encoding="utf-8"
    )
    report = importer.import_file(path)
    assert [str(problem) for problem in report.problems] == [
        "row 1, family_name: is missing: every file needs this column",
        "row 1, DATE OF BIRTH: is a second date_of_birth column",
        "row 1, Notes: is not a column Casebook imports (docs/import-columns.md lists them)",
        "row 1, surname: is not a column Casebook imports (docs/import-columns.md lists them)",
        "row 2, column F: has a value but no column name in row 1",
    ]


def test_a_short_csv_line_still_has_its_required_columns_checked(
    importer: ImportService, tmp_path: Path
) -> None:
    path = tmp_path / "short.csv"
    path.write_text("given_name,date_of_birth,family_name\nAmir,2010-01-01\n", encoding="utf-8")
    assert [str(problem) for problem in importer.check(path)] == [
        "row 2, family_name: is empty; every young person needs one"
    ]


def test_key_worker_must_be_an_active_user_with_a_caseload(
    importer: ImportService,
    signed_in: SignedIn,
    add_account: AddAccount,
    kdf: FastKdfPolicy,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    worker = add_account(Role.GANGS_WORKER, "dwayne")
    add_account(Role.ANALYST, "ana")
    gone = add_account(Role.GANGS_WORKER, "gone")
    AccountService(signed_in.vault, signed_in.user, kdf, clock).disable_account(gone.account_id)
    rows = [
        person_row(1, key_worker="nobody"),
        person_row(2, key_worker="ana"),
        person_row(3, key_worker="gone"),
        person_row(4, key_worker="Dwayne"),
    ]
    report = importer.import_file(write_csv(tmp_path / "workers.csv", rows))
    assert [str(problem) for problem in report.problems] == [
        "row 2, key_worker: 'nobody' is not a Casebook user name",
        "row 3, key_worker: 'ana' cannot be a key worker: the Analyst role has no caseload",
        "row 4, key_worker: 'gone' is a disabled account",
    ]
    good = importer.import_file(write_csv(tmp_path / "good.csv", [rows[3]]))
    assert good.imported
    with signed_in.vault.sessions.begin() as session:
        person = session.execute(select(YoungPerson)).scalar_one()
        assert person.key_worker_id == worker.account_id


@pytest.mark.parametrize("role", [Role.GANGS_WORKER, Role.ANALYST])
def test_only_the_coordinator_may_import(
    role: Role,
    signed_in: SignedIn,
    add_account: AddAccount,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    user = add_account(role)
    path = write_csv(tmp_path / "one.csv", [person_row(1)])
    service = ImportService(signed_in.vault.sessions, user, clock)
    with pytest.raises(PermissionDeniedError, match="coordinator"):
        service.import_file(path)
    with pytest.raises(PermissionDeniedError):
        service.check(path)
    assert count_people(signed_in, clock) == 0


def test_row_rules_ages_referrals_postcodes_and_yes_no(
    importer: ImportService, tmp_path: Path
) -> None:
    rows = [
        person_row(1, date_of_birth="2030-01-01"),  # row 2: future
        person_row(1, date_of_birth="01/01/1990"),  # row 3: 35, no reason
        person_row(2, date_of_birth="01/01/1990", age_exception_reason="Court order"),  # fine
        person_row(3, referral_source="Carrier pigeon", referral_date=""),  # row 5
        person_row(5, referrer="PC Jones"),  # row 6: referral without date, source or reason
        person_row(7, postcode="NOT A CODE"),  # row 7
        person_row(9, address="", postcode="SW1A 1AA"),  # row 8
        person_row(11, interpreter_needed="maybe", consent_to_share="sometimes"),  # row 9
        person_row(
            13, referral_date="2025-04-01", referral_source="Self-referral", referral_reason="x"
        ),  # row 10: future
        person_row(15, given_name="x" * 201),  # row 11
        person_row(16, gender="Unknown"),  # row 12
        person_row(18, consent_given_on=""),  # row 13: consent given, but when?
        person_row(20, consent_given_by="", consent_given_on="2030-01-01"),  # row 14
    ]
    report = importer.check(write_csv(tmp_path / "rules.csv", rows))
    assert problem_tuples(report) == [
        (2, "date_of_birth"),
        (3, "date_of_birth"),
        (5, "referral_date"),
        (5, "referral_source"),
        (5, "referral_reason"),
        (6, "referral_date"),
        (6, "referral_source"),
        (6, "referral_reason"),
        (7, "postcode"),
        (8, "postcode"),
        (9, "interpreter_needed"),
        (9, "referral_date"),
        (9, "referral_source"),
        (9, "referral_reason"),
        (9, "consent_to_share"),
        (10, "referral_date"),
        (11, "given_name"),
        (12, "gender"),
        (13, "consent_given_on"),
        (14, "consent_given_by"),
        (14, "consent_given_on"),
    ]
    reasons = {(p.row, p.column): p.reason for p in report}
    assert "they are 35" in reasons[(3, "date_of_birth")]
    assert "age_exception_reason" in reasons[(3, "date_of_birth")]
    assert "write one of: female, male" in reasons[(12, "gender")]
    assert "at most 200" in reasons[(11, "given_name")]
    assert reasons[(13, "consent_given_on")] == "is needed: consent was given, so give the date"
    assert "in the future" in reasons[(14, "consent_given_on")]


def test_the_template_has_every_documented_column(tmp_path: Path) -> None:
    path = tmp_path / "template.csv"
    write_template(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle)) == [HEADER]
    with pytest.raises(ImportFileError, match="already exists"):
        write_template(path)
    documentation = (ROOT / "docs" / "import-columns.md").read_text("utf-8")
    for column in COLUMNS:
        assert f"`{column.name}`" in documentation, column.name
    for kind in CHOICES.values():
        for member in kind:
            assert f"| `{member.value}` | {member.label} |" in documentation, member


def test_unreadable_files_are_refused_with_a_reason(
    importer: ImportService, tmp_path: Path
) -> None:
    with pytest.raises(ImportFileError, match=r"\.csv and \.xlsx files only"):
        importer.import_file(tmp_path / "people.ods")
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(ImportFileError, match="empty"):
        importer.import_file(tmp_path / "empty.csv")
    (tmp_path / "fake.xlsx").write_text("not a workbook")
    with pytest.raises(ImportFileError, match="not a readable .xlsx"):
        importer.import_file(tmp_path / "fake.xlsx")
    (tmp_path / "header-only.csv").write_text(",".join(HEADER) + "\n")
    assert [str(p) for p in importer.check(tmp_path / "header-only.csv")] == [
        "row 2: the file has no young people in it"
    ]


# ---- the command line, with the production Argon2 setting ------------------------------------
@pytest.fixture
def cli_vault(tmp_path: Path) -> Iterator[Path]:
    vault = tmp_path / "vault"
    result = _run("init", "--vault", str(vault), "--user", "boss")
    assert result.returncode == 0, result.stderr
    yield vault


def test_cli_template_then_import_with_a_bad_row_then_fixed(
    cli_vault: Path, tmp_path: Path
) -> None:
    template = tmp_path / "template.csv"
    written = _run("import", "--template", str(template), passphrase=None)
    assert written.returncode == 0, written.stderr
    assert template.read_text("utf-8-sig").strip() == ",".join(HEADER)

    rows = [person_row(index) for index in range(6)]
    rows[4]["date_of_birth"] = "2011/13/45"
    path = write_csv(tmp_path / "people.csv", rows)
    refused = _run("import", "--vault", str(cli_vault), "--user", "boss", str(path))
    assert refused.returncode == 1, refused.stderr
    assert "row 6, date_of_birth: '2011/13/45' is not a date" in refused.stdout
    assert "NOTHING IMPORTED" in refused.stderr
    assert "Traceback" not in refused.stderr

    rows[4]["date_of_birth"] = "2011-12-25"
    write_csv(path, rows)
    imported = _run("import", "--vault", str(cli_vault), "--user", "boss", str(path))
    assert imported.returncode == 0, imported.stderr
    assert "Imported 6 young people and 3 referrals." in imported.stdout

    sound = _run("verify", "--vault", str(cli_vault), "--user", "boss")
    assert sound.returncode == 0, sound.stdout + sound.stderr

    missing = _run("import", "--vault", str(cli_vault), "--user", "boss", "nowhere.csv")
    assert missing.returncode == 2
    assert "no such file" in missing.stderr

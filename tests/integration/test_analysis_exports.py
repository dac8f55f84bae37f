"""The analyst's exports: the figures workbook (suppression, marking, sheet names, audit) and the
pseudonymised record-level export of the demo vault, scanned part by part for anything that
names a young person, its IDs fresh every export and its rows recounted from the raw records."""

from __future__ import annotations

import html
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import text

from desktop.exports.password_protect import decrypt_docx, is_encrypted
from desktop.exports.pseudonymised_workbook import FIXED_HEADINGS, NOTES
from desktop.exports.workbook_base import MARKING, WorkbookSaveError
from desktop.models.accounts import Role
from desktop.models.choices import LABELS, Choice
from desktop.models.people import Address, YoungPerson
from desktop.services import actions
from desktop.services.analysis_export_service import AnalysisExportError, AnalysisExportService
from desktop.services.analysis_tables import AnalysisPeriod, FigureRow, FigureTable, breakdown
from desktop.services.permissions import PermissionDeniedError
from desktop.services.pseudonymised_export import (
    PseudonymisedExportService,
    age_band,
    postcode_district,
)
from desktop.services.sign_in_service import SignedIn
from desktop.vault.layout import VaultLayout
from tests.conftest import AddAccount, FakeClock, FastKdfPolicy
from tests.demo_sessions import demo_services

PERIOD = AnalysisPeriod(date(2025, 1, 1), date(2025, 3, 31))
# A group of 3 beside counts that must stay numbers (0 and 5 or more).
SMALL = FigureTable(
    "referrals_by_source",
    "Referrals by source",
    "Source",
    ("Girls", "Boys"),
    (FigureRow("Police intelligence", (3, 12)), FigureRow("School", (0, 7))),
    "Referrals received in the period, by who made them.",
)


# ---- the figures workbook ----------------------------------------------------------------
@pytest.fixture
def analyst_service(
    coordinator: tuple[SignedIn, str], add_account: AddAccount, clock: FakeClock
) -> AnalysisExportService:
    sessions = coordinator[0].vault.sessions
    return AnalysisExportService(sessions, add_account(Role.ANALYST), clock)


def _audit(signed_in: SignedIn, action: str) -> list[tuple[str, str, str, str, str]]:
    with signed_in.vault.sessions.begin() as session:
        rows = session.execute(
            text(
                "SELECT actor, entity_type, entity_id, fields, outcome FROM audit_log "
                "WHERE action = :action ORDER BY id"
            ),
            {"action": action},
        ).all()
    return [(row[0], row[1], row[2], row[3], row[4]) for row in rows]


def _cells(sheet: Worksheet) -> list[list[object]]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_a_group_of_3_reads_fewer_than_5_in_the_workbook_and_3_is_nowhere(
    analyst_service: AnalysisExportService, coordinator: tuple[SignedIn, str], tmp_path: Path
) -> None:
    other = breakdown("closures_by_reason", "Case closures by reason", "Reason", [("Moved", 9)])
    written = analyst_service.export_figures([SMALL, other], PERIOD, tmp_path / "figures")
    assert written == tmp_path / "figures.xlsx"
    workbook = load_workbook(written)
    assert workbook.sheetnames == ["Referrals by source", "Case closures by reason"]
    sheet = workbook["Referrals by source"]
    cells = _cells(sheet)
    assert cells[0][0] == MARKING and cells[-1][0] == MARKING
    assert cells[1][0] == "Referrals by source"
    lines = [row[0] for row in cells if isinstance(row[0], str)]
    assert "Period: 1 January 2025 to 31 March 2025" in lines
    assert SMALL.note in lines
    header = cells.index(["Source", "Girls", "Boys"])
    police, school = cells[header + 1], cells[header + 2]
    assert police == ["Police intelligence", "fewer than 5", 12]
    assert school == ["School", 0, 7]
    # The 3 is nowhere on the sheet, as a number or as words, and no total gives it away.
    everywhere = [value for row in cells for value in row if value is not None]
    assert 3 not in everywhere and "3" not in [str(v) for v in everywhere]
    assert 15 not in everywhere and 22 not in everywhere
    printed = sheet.oddHeader
    assert printed is not None and printed.center.text == MARKING  # on every page too
    closures = _cells(workbook["Case closures by reason"])
    assert closures[closures.index(["Reason", "Count"]) + 1] == ["Moved", 9]

    signed_in = coordinator[0]
    entry = _audit(signed_in, actions.FIGURES_EXPORTED)
    assert entry == [
        (
            "analyst",
            "analysis",
            "2025-01-01/2025-03-31",
            "closures_by_reason,referrals_by_source",
            "",
        )
    ]


def test_only_the_analyst_and_coordinator_export_figures_and_bad_asks_are_told(
    analyst_service: AnalysisExportService,
    coordinator: tuple[SignedIn, str],
    add_account: AddAccount,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    signed_in = coordinator[0]
    worker = add_account(Role.GANGS_WORKER)
    refused = AnalysisExportService(signed_in.vault.sessions, worker, clock)
    with pytest.raises(PermissionDeniedError):
        refused.export_figures([SMALL], PERIOD, tmp_path / "worker.xlsx")
    with pytest.raises(AnalysisExportError, match="at least one figure"):
        analyst_service.export_figures([], PERIOD, tmp_path / "none.xlsx")
    with pytest.raises(AnalysisExportError, match="twice"):
        analyst_service.export_figures([SMALL, SMALL], PERIOD, tmp_path / "twice.xlsx")
    with pytest.raises(WorkbookSaveError, match="does not exist"):
        analyst_service.export_figures([SMALL], PERIOD, tmp_path / "gone" / "figures.xlsx")
    assert sorted(path.name for path in tmp_path.glob("*.xlsx")) == []
    assert _audit(signed_in, actions.FIGURES_EXPORTED) == []  # nothing written, nothing logged

    coordinating = AnalysisExportService(signed_in.vault.sessions, signed_in.user, clock)
    locked = coordinating.export_figures([SMALL], PERIOD, tmp_path / "locked.xlsx", "s3cret pass")
    data = locked.read_bytes()
    assert is_encrypted(data)
    plain = tmp_path / "plain.xlsx"
    plain.write_bytes(decrypt_docx(data, "s3cret pass"))
    assert _cells(load_workbook(plain)["Referrals by source"])[0][0] == MARKING
    [(_actor, _kind, _period, fields, _outcome)] = _audit(signed_in, actions.FIGURES_EXPORTED)
    assert fields == "password_protected,referrals_by_source"


# ---- the pseudonymised export of the demo vault ------------------------------------------
@pytest.fixture
def analyst(
    demo_vault: VaultLayout, kdf: FastKdfPolicy, clock: FakeClock
) -> Iterator[PseudonymisedExportService]:
    for services in demo_services(demo_vault, kdf, clock, Role.ANALYST):
        signed_in = services.signed_in
        yield PseudonymisedExportService(signed_in.vault.sessions, signed_in.user, clock)


def _raw(service: PseudonymisedExportService, sql: str) -> list[tuple[object, ...]]:
    with service._sessions.begin() as session:  # the test reads raw rows, as the vault holds them
        return [tuple(row) for row in session.execute(text(sql))]


def _secrets(service: PseudonymisedExportService) -> tuple[set[str], list[date]]:
    """Every name, alias, full postcode and reference in the vault, and every date of birth."""
    words: set[str] = set()
    births: list[date] = []
    for given, family, known_as, reference, born in _raw(
        service,
        "SELECT given_name, family_name, known_as, case_reference, date_of_birth FROM young_people",
    ):
        words.update(str(value) for value in (given, family, known_as, reference) if value)
        if born:
            births.append(date.fromisoformat(str(born)))
    for (alias,) in _raw(service, "SELECT alias FROM aliases"):
        words.add(str(alias))
    for (value,) in _raw(service, "SELECT value FROM external_references"):
        words.add(str(value))
    for (postcode,) in _raw(service, "SELECT postcode FROM addresses WHERE postcode != ''"):
        words.update({str(postcode), str(postcode).replace(" ", "")})
    return words, births


def _vocabulary(service: PseudonymisedExportService) -> set[str]:
    """The words the export writes whatever the records say: choice labels, flag type labels,
    headings and notes. A family name such as "Green" is also a RAG rating; it cannot be told
    apart from the label, and is left out of the scan (the test says which)."""
    texts = [*LABELS.values(), *FIXED_HEADINGS, *NOTES]
    for choice in Choice.__subclasses__():
        texts.extend(member.label for member in choice)
    texts.extend(str(label) for (label,) in _raw(service, "SELECT label FROM flag_types"))
    return {word for line in texts for word in re.findall(r"[\w'-]+", line)}


def _xml_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        parts = [archive.read(name).decode("utf-8") for name in archive.namelist()]
    return html.unescape("\n".join(parts))


def _rows(path: Path) -> tuple[list[str], list[list[object]]]:
    cells = _cells(load_workbook(path)["Records"])
    header = next(i for i, row in enumerate(cells) if row[0] == "ID")
    return [str(name) for name in cells[header]], cells[header + 1 :]


def test_the_pseudonymised_export_names_nobody_and_its_ids_differ_between_exports(
    analyst: PseudonymisedExportService, tmp_path: Path
) -> None:
    first = analyst.export(tmp_path / "first")
    second = analyst.export(tmp_path / "second.xlsx")
    people = int(str(_raw(analyst, "SELECT count(*) FROM young_people")[0][0]))
    restricted = int(str(_raw(analyst, "SELECT count(*) FROM record_restrictions")[0][0]))
    assert restricted == 1  # the demo's one restricted record is left out for the analyst
    assert first.row_count == second.row_count == people - restricted == 39

    words, births = _secrets(analyst)
    vocabulary = _vocabulary(analyst)
    scanned = {word for word in words if word not in vocabulary}
    assert len(scanned) > 100 and len(words) - len(scanned) < 5  # nearly every name is scanned
    for export in (first, second):
        found = _xml_text(export.path)
        assert "Postcode district" in found and "Male" in found  # the text was read
        for word in scanned:
            assert not re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", found), word
        for born in births:
            for written in (
                born.isoformat(),
                f"{born:%d/%m/%Y}",
                f"{born.day}/{born.month}/{born.year}",
                f"{born.day} {born:%B %Y}",
                f"{born:%d %B %Y}",
                f"{born.day} {born:%b %Y}",
                f">{(born - date(1899, 12, 30)).days}<",  # an Excel date serial in a cell
            ):
                assert written not in found

    first_ids = [row[0] for row in _rows(first.path)[1]]
    second_ids = [row[0] for row in _rows(second.path)[1]]
    assert len(set(first_ids)) == len(first_ids) == 39
    assert all(re.fullmatch(r"[0-9a-f]{8}", str(value)) for value in first_ids)
    assert not set(first_ids) & set(second_ids)
    internal = {str(row[0]) for row in _raw(analyst, "SELECT id FROM young_people")}
    assert not internal & {str(value) for value in first_ids}


def test_the_pseudonymised_rows_are_the_records_recounted_from_raw_rows(
    analyst: PseudonymisedExportService, clock: FakeClock, tmp_path: Path
) -> None:
    export = analyst.export(tmp_path / "records.xlsx")
    headings, rows = _rows(export.path)
    today = clock.now().date()
    people = _raw(
        analyst,
        "SELECT p.id, p.date_of_birth, p.gender, p.ethnicity, p.status, p.rag, p.eet_status, "
        "(SELECT a.postcode FROM addresses a WHERE a.young_person_id = p.id "
        " AND a.moved_out IS NULL ORDER BY a.moved_in DESC LIMIT 1), "
        "(SELECT r.source FROM referrals r WHERE r.young_person_id = p.id "
        " ORDER BY r.received_on DESC, r.id DESC LIMIT 1), "
        "(SELECT count(*) FROM referrals r WHERE r.young_person_id = p.id), "
        "(SELECT count(*) FROM interventions i WHERE i.young_person_id = p.id), "
        "(SELECT count(*) FROM flags f WHERE f.young_person_id = p.id AND f.ended_on IS NULL) "
        "FROM young_people p WHERE p.id NOT IN (SELECT young_person_id FROM record_restrictions)",
    )
    districts = Counter(postcode_district(str(person[7] or "")) for person in people)

    def label(code: object) -> str:
        return LABELS.get(str(code), str(code).replace("_", " ").capitalize())

    expected: Counter[tuple[object, ...]] = Counter()
    for (
        _id,
        born,
        gender,
        ethnicity,
        status,
        rag,
        eet,
        postcode,
        source,
        refs,
        ints,
        flags,
    ) in people:
        district = postcode_district(str(postcode or ""))
        expected[
            (
                age_band(date.fromisoformat(str(born)) if born else None, today),
                label(gender),
                label(ethnicity),
                district if not district or districts[district] >= 5 else "other",
                label(status),
                label(rag) if rag else "Not rated",
                label(source) if source else "",
                refs,
                label(eet),
                ints,
                flags,
            )
        ] += 1
    flag_columns = [i for i, name in enumerate(headings) if name.startswith("Flag: ")]
    counted = [i for i, name in enumerate(headings) if name.startswith("Interventions: ")]
    assert len(counted) == 11 and len(flag_columns) >= 11
    found = Counter(
        (
            *row[1:10],
            sum(int(row[i]) for i in counted),  # type: ignore[call-overload]
            sum(row[i] == "current" for i in flag_columns),
        )
        for row in rows
    )
    assert found == expected
    assert headings[:10] == list(FIXED_HEADINGS)
    assert {row[4] for row in rows} <= {"W2", "W9", "NW8", "W10", "SW1V", "other", ""}


def test_the_coordinator_named_on_the_restricted_record_exports_it_and_both_are_audited(
    demo_vault: VaultLayout, kdf: FastKdfPolicy, clock: FakeClock, tmp_path: Path
) -> None:
    for services in demo_services(demo_vault, kdf, clock, Role.COORDINATOR):
        signed_in = services.signed_in
        service = PseudonymisedExportService(signed_in.vault.sessions, signed_in.user, clock)
        assert service.export(tmp_path / "all.xlsx", password="long enough pass").row_count == 40
        assert is_encrypted((tmp_path / "all.xlsx").read_bytes())
        words, _births = _secrets(service)
        entries = _audit(signed_in, actions.PSEUDONYMISED_EXPORT)
        assert len(entries) == 1
        actor, kind, entity_id, fields, outcome = entries[0]
        assert (actor, kind, entity_id, outcome) == ("coordinator", "caseload", "", "40")
        assert "postcode_district" in fields and "password_protected" in fields
        logged = " ".join(entries[0])
        assert not [word for word in words if len(word) > 2 and word in logged]
        assert "all.xlsx" not in logged and str(tmp_path) not in logged


def test_a_gangs_worker_may_not_export_records(
    demo_vault: VaultLayout, kdf: FastKdfPolicy, clock: FakeClock, tmp_path: Path
) -> None:
    for services in demo_services(demo_vault, kdf, clock, Role.GANGS_WORKER):
        signed_in = services.signed_in
        service = PseudonymisedExportService(signed_in.vault.sessions, signed_in.user, clock)
        with pytest.raises(PermissionDeniedError):
            service.export(tmp_path / "records.xlsx")
        assert not list(tmp_path.glob("*.xlsx"))
        assert _audit(signed_in, actions.PSEUDONYMISED_EXPORT) == []


def test_a_rare_district_is_other_and_the_current_address_counts(
    coordinator: tuple[SignedIn, str], add_account: AddAccount, clock: FakeClock, tmp_path: Path
) -> None:
    signed_in = coordinator[0]
    now = clock.now()
    # Five young people now in E15 (one moved there from N1), one in N1, one with no address.
    moves: list[list[tuple[str, date | None, date | None]]] = [
        [("E15 4QS", date(2020, 1, 1), None)] for _ in range(4)
    ]
    moves.append([("N1 9GU", date(2019, 1, 1), date(2021, 1, 1)), ("E15 1AA", None, None)])
    moves.append([("N1 9GU", date(2018, 1, 1), None)])
    moves.append([])
    with signed_in.vault.sessions.begin() as session:
        for number, addresses in enumerate(moves, start=1):
            person = YoungPerson(
                case_reference=f"IGX-{number:06d}",
                given_name="Given",
                family_name="Family",
                created_at=now,
                updated_at=now,
            )
            person.addresses = [
                Address(address="1 Street", postcode=code, moved_in=moved_in, moved_out=moved_out)
                for code, moved_in, moved_out in addresses
            ]
            session.add(person)
    analyst = add_account(Role.ANALYST)
    service = PseudonymisedExportService(signed_in.vault.sessions, analyst, clock)
    _headings, rows = _rows(service.export(tmp_path / "records.xlsx").path)
    assert Counter(row[4] for row in rows) == {"E15": 5, "other": 1, None: 1}
    assert {row[1] for row in rows} == {"Not known"}  # no dates of birth

"""The quarterly report of the demo vault: every part of the .docx scanned for the young people's
names, dates of birth and case references; every figure table matching the services' figures
through `shown()` with no count from 1 to 4 anywhere; a chart as a picture; password protection;
who may export it; and its audit line, which holds no personal data."""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import docx
import pytest
from sqlalchemy import text

from desktop.exports.password_protect import PasswordProtectionError, decrypt_docx, is_encrypted
from desktop.exports.quarterly_report import SECTIONS
from desktop.models.accounts import Role
from desktop.models.choices import LABELS, Choice
from desktop.services import actions
from desktop.services import analysis_dashboard as keys
from desktop.services.analysis_dashboard import AnalysisDashboardService
from desktop.services.analysis_tables import SUPPRESSED, AnalysisPeriod
from desktop.services.bundle import Services
from desktop.services.permissions import PermissionDeniedError
from desktop.services.quarterly_report_service import (
    ChartImageError,
    QuarterlyReportPeriodError,
    QuarterlyReportService,
    previous_quarter,
    quarter_of,
)
from desktop.vault.layout import VaultLayout
from tests.conftest import FakeClock, FastKdfPolicy
from tests.demo_sessions import demo_services
from tests.exports.test_quarterly_report import png

# The demo's records run back from the clock (14 March 2025); the default period is the last
# whole quarter before it.
QUARTER = AnalysisPeriod(date(2024, 10, 1), date(2024, 12, 31))
# A year of the demo's records, for the scan: more figures, more to give a name away.
YEAR = AnalysisPeriod(date(2024, 1, 1), date(2024, 12, 31))


def _service(services: Services, clock: FakeClock) -> QuarterlyReportService:
    signed_in = services.signed_in
    sessions, user = signed_in.vault.sessions, signed_in.user
    return QuarterlyReportService(
        sessions,
        user,
        clock,
        AnalysisDashboardService(sessions, user, clock),
        services.analysis_outcomes,
        services.disproportionality,
    )


@pytest.fixture
def analyst(demo_vault: VaultLayout, kdf: FastKdfPolicy, clock: FakeClock) -> Iterator[Services]:
    yield from demo_services(demo_vault, kdf, clock, Role.ANALYST)


def _raw(services: Services, sql: str) -> list[tuple[object, ...]]:
    with services.signed_in.vault.sessions.begin() as session:  # raw rows, as the vault holds them
        return [tuple(row) for row in session.execute(text(sql))]


def _audit(services: Services) -> list[tuple[object, ...]]:
    return _raw(
        services,
        "SELECT actor, entity_type, entity_id, fields, outcome FROM audit_log "
        f"WHERE action = '{actions.QUARTERLY_REPORT_EXPORTED}' ORDER BY id",
    )


def _secrets(services: Services) -> tuple[set[str], list[date]]:
    """Every young person's given, family and known-as name and case reference; every birth."""
    words: set[str] = set()
    births: list[date] = []
    for given, family, known_as, reference, born in _raw(
        services,
        "SELECT given_name, family_name, known_as, case_reference, date_of_birth FROM young_people",
    ):
        words.update(str(value) for value in (given, family, known_as, reference) if value)
        if born:
            births.append(date.fromisoformat(str(born)))
    return words, births


def _vocabulary(services: Services) -> set[str]:
    """Words the report writes whatever the records say (choice and flag labels): a family name
    such as "Green" is also a RAG rating and cannot be told apart from it."""
    texts = list(LABELS.values())
    for choice in Choice.__subclasses__():
        texts.extend(member.label for member in choice)
    texts.extend(str(label) for (label,) in _raw(services, "SELECT label FROM flag_types"))
    return {word for line in texts for word in re.findall(r"[\w'-]+", line)}


def _xml_text(data: bytes) -> str:
    """Every part of the .docx zip (document, headers, footers, properties, styles), as text."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [archive.read(name).decode("utf-8", "replace") for name in archive.namelist()]
    return html.unescape("\n".join(parts))


def test_quarters_and_the_default_period() -> None:
    assert quarter_of(date(2025, 3, 14)) == AnalysisPeriod(date(2025, 1, 1), date(2025, 3, 31))
    assert quarter_of(date(2024, 12, 31)) == QUARTER
    assert quarter_of(date(2024, 7, 1)) == AnalysisPeriod(date(2024, 7, 1), date(2024, 9, 30))
    assert previous_quarter(date(2025, 3, 14)) == QUARTER
    assert previous_quarter(date(2025, 1, 1)) == QUARTER
    assert previous_quarter(date(2024, 5, 20)) == AnalysisPeriod(
        date(2024, 1, 1), date(2024, 3, 31)
    )


def test_the_demo_report_names_nobody_and_shows_its_figures_suppressed(
    analyst: Services, clock: FakeClock, tmp_path: Path
) -> None:
    service = _service(analyst, clock)
    assert service.default_period() == QUARTER
    written = service.export(YEAR, tmp_path / "quarterly")
    assert written == tmp_path / "quarterly.docx"
    data = written.read_bytes()

    # No name, reference or date of birth in any part of the file.
    words, births = _secrets(analyst)
    vocabulary = _vocabulary(analyst)
    scanned = {word for word in words if word not in vocabulary}
    assert len(scanned) > 100 and len(words) - len(scanned) < 5  # nearly every name is scanned
    found = _xml_text(data)
    assert "Referrals by source and month" in found  # the text was read
    for word in scanned:
        assert not re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", found), word
    for born in births:
        for written_as in (
            born.isoformat(),
            f"{born:%d/%m/%Y}",
            f"{born.day}/{born.month}/{born.year}",
            f"{born.day} {born:%B %Y}",
            f"{born:%d %B %Y}",
        ):
            assert written_as not in found

    # Every figure table reads as the services count it, suppressed; no cell holds 1 to 4.
    document = docx.Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style and p.style.name == "Heading 1"]
    assert headings == [f"{n}. {heading}" for n, (_key, heading) in enumerate(SECTIONS, 1)]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert not {"1", "2", "3", "4"} & set(cells)
    assert SUPPRESSED in cells
    dashboard = AnalysisDashboardService(
        analyst.signed_in.vault.sessions, analyst.signed_in.user, clock
    ).figures(YEAR)
    for key in (keys.REFERRALS_BY_SOURCE, keys.OPEN_BY_RAG, keys.CLOSURES_BY_REASON):
        figure = dashboard.table(key)
        # A year's month table is cut into blocks of six months: put the blocks side by side.
        blocks = [
            [[cell.text for cell in row.cells] for row in table.rows]
            for table in document.tables
            if table.rows[0].cells[0].text == figure.row_heading
        ]
        rows = blocks[0]
        for block in blocks[1:]:
            for row, more in zip(rows, block, strict=True):
                row.extend(more[1:])
        assert rows[0] == [figure.row_heading, *figure.columns]
        assert rows[1:] == [[label, *shown] for label, shown in figure.shown_rows()]
    referrals = dashboard.table(keys.REFERRALS_BY_SOURCE)
    assert len(referrals.columns) == 12 and sum(map(sum, (r.counts for r in referrals.rows))) > 5


def test_a_chart_goes_in_and_a_bad_one_stops_the_export_with_nothing_written(
    analyst: Services, clock: FakeClock, tmp_path: Path
) -> None:
    service = _service(analyst, clock)
    written = service.export(QUARTER, tmp_path / "charted.docx", {keys.OPEN_BY_RAG: png()})
    assert len(docx.Document(str(written)).inline_shapes) == 1
    with pytest.raises(ChartImageError):
        service.export(QUARTER, tmp_path / "bad.docx", {keys.OPEN_BY_RAG: b"\x89PNG broken"})
    assert not (tmp_path / "bad.docx").exists()
    [entry] = _audit(analyst)
    assert entry[3] == ",".join(
        sorted([*(key for key, _ in SECTIONS), "chart:open_caseload_by_rag"])
    )


def test_the_password_protected_report_opens_with_its_password_only(
    analyst: Services, clock: FakeClock, tmp_path: Path
) -> None:
    written = _service(analyst, clock).export(
        QUARTER, tmp_path / "locked.docx", password="long enough pass"
    )
    data = written.read_bytes()
    assert is_encrypted(data)
    assert b"Quarterly report" not in data
    plain = docx.Document(io.BytesIO(decrypt_docx(data, "long enough pass")))
    assert plain.paragraphs[0].text == "Quarterly report"
    with pytest.raises(PasswordProtectionError):
        decrypt_docx(data, "the wrong password")
    [(_actor, _kind, _period, fields, _outcome)] = _audit(analyst)
    assert "password_protected" in str(fields).split(",")


def test_the_audit_line_says_what_went_in_and_nothing_personal(
    analyst: Services, clock: FakeClock, tmp_path: Path
) -> None:
    _service(analyst, clock).export(QUARTER, tmp_path / "Report for the panel.docx")
    entries = _audit(analyst)
    assert len(entries) == 1
    actor, kind, period, fields, outcome = entries[0]
    assert (actor, kind, period, outcome) == ("analyst", "analysis", "2024-10-01/2024-12-31", "")
    assert str(fields).split(",") == sorted(key for key, _ in SECTIONS)
    words, births = _secrets(analyst)
    logged = " ".join(str(value) for value in entries[0])
    assert not [word for word in words if len(word) > 2 and word in logged]
    assert not [born for born in births if born.isoformat() in logged]
    assert "panel" not in logged and str(tmp_path) not in logged


def test_a_gangs_worker_may_not_export_the_report(
    demo_vault: VaultLayout, kdf: FastKdfPolicy, clock: FakeClock, tmp_path: Path
) -> None:
    for services in demo_services(demo_vault, kdf, clock, Role.GANGS_WORKER):
        with pytest.raises(PermissionDeniedError):
            _service(services, clock).export(QUARTER, tmp_path / "report.docx")
        assert not list(tmp_path.glob("*.docx"))
        assert _audit(services) == []


def test_a_period_longer_than_a_year_is_refused_with_nothing_counted_or_written(
    analyst: Services, clock: FakeClock, tmp_path: Path
) -> None:
    service = _service(analyst, clock)
    with pytest.raises(QuarterlyReportPeriodError, match="a year at most"):
        service.export(AnalysisPeriod(date(2024, 1, 1), date(2025, 1, 1)), tmp_path / "long")
    assert not list(tmp_path.glob("*.docx"))
    counts = (
        actions.DASHBOARD_VIEWED,
        actions.ANALYSIS_OUTCOMES_COUNTED,
        actions.DISPROPORTIONALITY_VIEWED,
    )
    counted = _raw(analyst, f"SELECT count(*) FROM audit_log WHERE action IN {counts}")
    assert counted == [(0,)] and _audit(analyst) == []

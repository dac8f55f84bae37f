"""No hidden query storms: the statements that showing the caseload, opening a record with every
tab and exporting a case-conference pack issue must not grow with the number of rows.

Each test builds the same kind of data twice, in two vaults, at a small size and at five times
that size, drives the real view or service the way the GUI does, and counts every statement the
vault's engine sends to SQLCipher (each BEGIN included, so transactions count too). A
statement per row (a lazy load in a loop, a query per row) makes the counts differ."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabWidget
from pytestqt.qtbot import QtBot

from desktop.app import create_application
from desktop.models.accounts import Role
from desktop.models.choices import Rag
from desktop.services.account_service import AccountService
from desktop.services.bundle import Services
from desktop.services.current_user import CurrentUser
from desktop.services.people_service import PersonDetails
from desktop.services.sign_in_service import SignedIn
from desktop.services.therapy_records import CaseInput
from desktop.views.caseload.caseload_section import build_caseload_view
from desktop.views.caseload.caseload_view import CaseloadView
from desktop.views.caseload.person_record_view import PersonRecordView
from desktop.views.caseload.tabs.chronology_tab import ChronologyTab
from desktop.views.therapy.therapy_section import build_therapy_view
from tests.conftest import PASSPHRASE, FakeClock, FastKdfPolicy, make_coordinator_vault
from tests.performance.record_data import build_record, services_for
from tests.performance.statement_counter import Statements, counting

SMALL, BIG = 1, 5  # the bigger data set has five times the rows of the smaller
# Ceilings, so that a statement added to these paths is a decision, not an accident. A page of
# the caseload: the list's page, its open flags, the count, the home tabs' lists (My work's
# "Recently opened" added one read, of at most eight rows, and its transaction: 16 → 18).
CASELOAD_STATEMENTS = 18
# Opening a record builds only the Details form and loads no other tab until it is shown: the
# record with its lists (audited), staff for the form, and its draft. Every tab shown once: each
# tab's reads (93 before tabs were built as they are first shown, the People and Addresses tabs
# stopped reading their rows twice and the Employment tab read in one transaction, not five;
# the Sharing tab added its one transaction of three).
RECORD_OPEN_STATEMENTS = 12
RECORD_EVERY_TAB_STATEMENTS = 73
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def vaults(tmp_path: Path, kdf: FastKdfPolicy, clock: FakeClock) -> Iterator[dict[int, SignedIn]]:
    """A new vault per size, signed in as its coordinator."""
    create_application([])
    made = {
        size: make_coordinator_vault(tmp_path / f"vault{size}", kdf, clock)[0]
        for size in (SMALL, BIG)
    }
    yield made
    for signed_in in made.values():
        signed_in.vault.lock()


def assert_same(counts: dict[int, Statements], what: str) -> None:
    small, big = counts[SMALL], counts[BIG]
    assert len(big) == len(small), (
        f"{what}: {len(small)} statements for the small data set, {len(big)} for five times "
        f"the rows; run more often:\n{big.grown_against(small)}"
    )


def show(qtbot: QtBot, view: CaseloadView) -> None:
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)


def settle(qtbot: QtBot) -> None:
    """Lets queued events (shows, paints, deferred loads) run, as the event loop would."""
    qtbot.wait(20)
    QApplication.processEvents()


def choose_tab(qtbot: QtBot, tabs: QTabWidget, index: int) -> None:
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index
    settle(qtbot)


# ---- (a) a page of the caseload -----------------------------------------------------------
def make_caseload(
    signed_in: SignedIn, kdf: FastKdfPolicy, clock: FakeClock, people: int
) -> CurrentUser:
    """`people` young people, the worker key worker to all: each with a flag, some rated, each
    with a task for the worker and an advocate allocated too."""
    boss = Services.for_session(signed_in, kdf, clock)
    accounts = AccountService(signed_in.vault, signed_in.user, kdf, clock)
    worker_id = accounts.add_account("worker", "Sam Worker", Role.GANGS_WORKER, PASSPHRASE)
    advocate_id = accounts.add_account("advocate", "Ada Advocate", Role.ADVOCATE, PASSPHRASE)
    worker = CurrentUser(worker_id, "worker", "Sam Worker", Role.GANGS_WORKER, True)
    today = clock.now().date()
    flag_types = [row.id for row in boss.risk.flag_types() if not row.detail_prompt]
    ratings = (Rag.RED, Rag.AMBER, Rag.GREEN)
    for n in range(people):
        person = boss.people.create(
            PersonDetails(
                given_name=f"Young{n}",
                family_name=f"Person{n:04d}",
                known_as=f"YP{n}",
                date_of_birth=date(today.year - 12 - n % 8, 1 + n % 12, 1 + n % 28),
                key_worker_id=worker_id,
                allocated_ids=[advocate_id],
            )
        )
        boss.risk.add_flag(person, flag_types[n % len(flag_types)], today, "Police")
        if n % 2 == 0:
            boss.risk.set_rag(person, ratings[n % 3], "Reviewed")
        boss.tasks.add_task(person, f"Visit {n}", worker_id, today + timedelta(days=n % 10))
    return worker


def test_showing_the_caseload_runs_the_same_statements_for_five_times_the_people(
    qtbot: QtBot, vaults: dict[int, SignedIn], kdf: FastKdfPolicy, clock: FakeClock
) -> None:
    counts: dict[int, Statements] = {}
    for size, signed_in in vaults.items():
        worker = make_caseload(signed_in, kdf, clock, 20 * size)
        services = services_for(signed_in, worker, kdf, clock)
        with counting(signed_in.vault.engine) as statements:
            view = build_caseload_view(services)
            show(qtbot, view)  # opens on My work, which loads as it is shown
            choose_tab(qtbot, view.home, view.home.indexOf(view.list_page))
            assert view.model.rowCount() == 20 * size  # one page holds them all
            view.table.scrollToBottom()
            settle(qtbot)
        counts[size] = statements
    assert_same(counts, "Showing the caseload")
    assert len(counts[SMALL]) <= CASELOAD_STATEMENTS, "\n".join(counts[SMALL].texts)


# ---- (b) a young person's record with every tab -------------------------------------------
def test_opening_a_record_with_every_tab_runs_the_same_statements_for_five_times_the_rows(
    qtbot: QtBot, vaults: dict[int, SignedIn], kdf: FastKdfPolicy, clock: FakeClock
) -> None:
    counts: dict[int, Statements] = {}
    for size, signed_in in vaults.items():
        case = build_record(signed_in, kdf, clock, count=2 * size, entries=40 * size)
        services = services_for(signed_in, case.coordinator, kdf, clock)
        view = build_caseload_view(services)
        show(qtbot, view)
        choose_tab(qtbot, view.home, view.home.indexOf(view.list_page))
        row = next(
            n for n in range(view.model.rowCount()) if view.model.row_at(n).id == case.person_id
        )
        view.table.setFocus()
        view.table.selectRow(row)
        with counting(signed_in.vault.engine) as statements:
            qtbot.keyClick(view.table, Qt.Key.Key_Return)  # opens the record
            record = view.open_page
            assert isinstance(record, PersonRecordView)
            settle(qtbot)
            opening = len(statements)  # only the Details tab is built so far
            for index in range(record.tabs.count()):
                choose_tab(qtbot, record.tabs, index)
        chronology = record.tab_of(ChronologyTab)
        assert chronology is not None and chronology.model.total >= 40 * size
        assert opening <= RECORD_OPEN_STATEMENTS, "\n".join(statements.texts[:opening])
        counts[size] = statements
    assert_same(counts, "Opening a record with every tab")
    assert len(counts[SMALL]) <= RECORD_EVERY_TAB_STATEMENTS, "\n".join(counts[SMALL].texts)


# ---- (c) the case-conference pack ---------------------------------------------------------
def test_exporting_a_conference_pack_runs_the_same_statements_for_five_times_the_rows(
    vaults: dict[int, SignedIn], kdf: FastKdfPolicy, clock: FakeClock, tmp_path: Path
) -> None:
    counts: dict[int, Statements] = {}
    rows: dict[int, int] = {}
    for size, signed_in in vaults.items():
        case = build_record(signed_in, kdf, clock, count=2 * size, entries=40 * size)
        services = services_for(signed_in, case.coordinator, kdf, clock)
        with counting(signed_in.vault.engine) as statements:
            written = services.conference.export(case.person_id, tmp_path / f"pack{size}.docx")
        rows[size] = sum(len(table.rows) for table in docx.Document(str(written)).tables)
        counts[size] = statements
    assert rows[BIG] > rows[SMALL]  # the bigger record made a longer pack
    assert_same(counts, "Exporting a case-conference pack")


# ---- the family therapy caseload (a storm found and fixed here) ---------------------------
def test_showing_family_therapy_cases_runs_the_same_statements_for_five_times_the_cases(
    qtbot: QtBot, vaults: dict[int, SignedIn], kdf: FastKdfPolicy, clock: FakeClock
) -> None:
    counts: dict[int, Statements] = {}
    for size, signed_in in vaults.items():
        accounts = AccountService(signed_in.vault, signed_in.user, kdf, clock)
        therapist_id = accounts.add_account(
            "therapist", "Tess Therapist", Role.FAMILY_THERAPIST, PASSPHRASE
        )
        therapist = CurrentUser(
            therapist_id, "therapist", "Tess Therapist", Role.FAMILY_THERAPIST, True
        )
        boss = Services.for_session(signed_in, kdf, clock)
        for n in range(3 * size):
            siblings = tuple(
                boss.people.create(
                    PersonDetails(f"Child{n}{m}", f"Family{n}", allocated_ids=[therapist_id])
                )
                for m in range(2)
            )
            boss.therapy.create_case(
                CaseInput(therapist_id=therapist_id, young_person_ids=siblings, consent_given=True)
            )
        services = services_for(signed_in, therapist, kdf, clock)
        with counting(signed_in.vault.engine) as statements:
            view = build_therapy_view(services)
            qtbot.addWidget(view)
            view.show()
            qtbot.waitExposed(view)
            settle(qtbot)
        counts[size] = statements
    assert_same(counts, "Showing the family therapy cases")

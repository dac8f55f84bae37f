"""ACCEPTANCE (issue 13, right-to-left and mixed text): names in Arabic script sort by the Arabic
alphabet after the Latin ones, page by page and after an upgrade; they are found however they
are typed; a note mixing Arabic and English is found by words of either; and the case
conference report writes the Arabic as right-to-left runs."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import docx
import pytest
from alembic import command
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from desktop.models.accounts import Role
from desktop.models.choices import EntryType
from desktop.services.chronology_service import ChronologyService, EntryInput
from desktop.services.conference_pack_service import ConferencePackService
from desktop.services.current_user import CurrentUser
from desktop.services.people_service import CaseloadFilter, PeopleService, PersonDetails
from desktop.services.sign_in_service import SignedIn, SignInService
from desktop.services.task_service import TaskService
from desktop.store import migrate
from desktop.vault.layout import VaultLayout
from tests.conftest import COORDINATOR_USERNAME, PASSPHRASE, AddAccount, FakeClock

# (given, family, known as): Arabic, mixed both ways, and Latin names a binary sort misplaces.
PEOPLE = (
    ("محمد", "الحسن", "Mo"),
    ("Yusuf", "أمين", ""),
    ("ابراهيم", "Baker", ""),
    ("نور", "ابراهيمي", ""),
    ("Parviz", "پاکزاد", ""),
    ("Omar", "يونس", ""),
    ("Dana", "de Souza", ""),
    ("Zara", "Zed", ""),
    ("Ömer", "Ölmez", ""),
    ("Sam", "Adams", ""),
)
# By family name, then given name: Latin A to Z (case and accents ignored), then Arabic script
# by the Arabic alphabet (أمين among the ا names after الحسن; Persian پ after ب, before ي).
BY_NAME = [
    "Sam Adams",
    "ابراهيم Baker",
    "Dana de Souza",
    "Ömer Ölmez",
    "Zara Zed",
    "نور ابراهيمي",
    "محمد الحسن",
    "Yusuf أمين",
    "Parviz پاکزاد",
    "Omar يونس",
]
NOTE = "Met محمد at school; he said الحمد لله and agreed to the plan."


@dataclass
class Caseload:
    signed_in: SignedIn
    people: PeopleService
    ids: dict[str, int]  # by "given family"
    worker: CurrentUser


@pytest.fixture
def caseload(
    coordinator: tuple[SignedIn, str], clock: FakeClock, add_account: AddAccount
) -> Caseload:
    signed_in, _ = coordinator
    worker = add_account(Role.GANGS_WORKER, "worker")
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    ids = {
        f"{given} {family}": people.create(
            PersonDetails(given, family, known_as, key_worker_id=worker.account_id)
        )
        for given, family, known_as in PEOPLE
    }
    return Caseload(signed_in, people, ids, worker)


def _names(people: PeopleService, caseload_filter: CaseloadFilter) -> list[str]:
    return [row.name for row in people.page(0, 100, caseload_filter)]


def _scrolled(people: PeopleService, caseload_filter: CaseloadFilter) -> list[str]:
    """Three rows a page, each read on from the last row shown, as the list scrolls."""
    rows = people.page(0, 3, caseload_filter)
    while page := people.page(len(rows), 3, caseload_filter, after=rows[-1]):
        rows += page
    return [row.name for row in rows]


def test_caseload_sorts_arabic_after_latin_in_alphabet_order(caseload: Caseload) -> None:
    ascending = CaseloadFilter(sort="name")
    descending = CaseloadFilter(sort="name", descending=True)
    assert _names(caseload.people, ascending) == BY_NAME
    assert _scrolled(caseload.people, ascending) == BY_NAME
    assert _names(caseload.people, descending) == BY_NAME[::-1]
    assert _scrolled(caseload.people, descending) == BY_NAME[::-1]


def test_an_edited_name_moves_to_its_new_place(caseload: Caseload) -> None:
    person_id = caseload.ids["Sam Adams"]
    details = caseload.people.open_record(person_id).details
    details.family_name = "آدم"  # now written in Arabic, with alef madda
    caseload.people.update(person_id, details)
    names = _names(caseload.people, CaseloadFilter(sort="name"))
    assert names.index("Sam آدم") == names.index("نور ابراهيمي") + 1  # ادم: after ابراهيمي


def test_my_work_lists_the_cases_in_the_same_name_order(
    caseload: Caseload, clock: FakeClock
) -> None:
    work = TaskService(caseload.signed_in.vault.sessions, caseload.worker, clock).my_work()
    assert [case.name for case in work.cases] == BY_NAME
    mo = next(case for case in work.cases if case.person_id == caseload.ids["محمد الحسن"])
    assert (mo.name, mo.known_as) == ("محمد الحسن", "Mo")


def test_an_upgraded_vault_gets_its_sort_keys(
    caseload: Caseload, vault_layout: VaultLayout, clock: FakeClock
) -> None:
    """A vault from before the sort keys (revision 0013) is upgraded at unlock and sorts
    by the keys the upgrade worked out for the people already in it."""
    config = migrate._config()
    with caseload.signed_in.vault.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0013")
    caseload.signed_in.vault.lock()
    again = SignInService(vault_layout, clock).sign_in(COORDINATOR_USERNAME, PASSPHRASE)
    try:
        people = PeopleService(again.vault.sessions, again.user, clock)
        assert _names(people, CaseloadFilter(sort="name")) == BY_NAME
    finally:
        again.vault.lock()


# (typed, found): one vault for all of them, as each takes a second or two to make.
SEARCHES = [
    ("محمد", ["محمد الحسن"]),
    ("مُحَمَّد", ["محمد الحسن"]),  # typed with harakat
    ("\u200fمحمد\u200f", ["محمد الحسن"]),  # pasted with right-to-left marks
    ("حسن", ["محمد الحسن"]),  # part of the family name, without the article
    ("mo", ["محمد الحسن"]),  # the known-as name
    ("yusuf امين", ["Yusuf أمين"]),  # mixed, the alef typed without its hamza
    # Typed with a hamza the names were written without; ابراهيمي holds ابراهيم.
    ("إبراهيم", ["ابراهيم Baker", "نور ابراهيمي"]),
    ("پاکزاد", ["Parviz پاکزاد"]),
    ("ölmez", ["Ömer Ölmez"]),
    ("OLMEZ", ["Ömer Ölmez"]),
]


def test_quick_search_finds_names_however_typed(caseload: Caseload) -> None:
    for typed, found in SEARCHES:
        assert _names(caseload.people, CaseloadFilter(search=typed)) == found, typed


@pytest.fixture
def noted(caseload: Caseload, clock: FakeClock) -> tuple[Caseload, int]:
    person_id = caseload.ids["محمد الحسن"]
    service = ChronologyService(caseload.signed_in.vault.sessions, caseload.signed_in.user, clock)
    entry = EntryInput(
        clock.now() - timedelta(hours=2),
        EntryType.VISIT,
        NOTE,
        "قال إنه يريد البقاء في المدرسة.\nHe wants to stay at school.",
        significant=True,
        analysis="Protective: محمد has a trusted adult at school.",
    )
    return caseload, service.add_entry(person_id, entry)


def test_chronology_search_finds_the_mixed_note(
    noted: tuple[Caseload, int], clock: FakeClock
) -> None:
    caseload, entry_id = noted
    service = ChronologyService(caseload.signed_in.vault.sessions, caseload.signed_in.user, clock)
    # Words of either script, with or without harakat and hamza, in the summary or the detail.
    for typed in ("الحمد", "ألحمد", "لله", "مُحَمَّد", "school plan", "met محمد", "المدرس", "يريد"):
        hits = service.search(typed, 0, 10)
        assert [(hit.entry_id, hit.summary, hit.person_name) for hit in hits] == [
            (entry_id, NOTE, "محمد الحسن")
        ], typed
    assert service.search("الكردي", 0, 10) == []


def _render_for_people_to_look_at(path: Path) -> None:
    """With CASEBOOK_SHOTS_DIR set: the document and its pages as PNGs (LibreOffice, poppler)."""
    shots = os.environ.get("CASEBOOK_SHOTS_DIR")
    if not shots:
        return
    target = Path(shots) / "arabic_conference_report.docx"
    shutil.copy(path, target)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", shots, str(target)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "70",
            str(target.with_suffix(".pdf")),
            str(target.with_suffix("")),
        ],
        check=True,
        timeout=60,
    )


def _run_of(paragraph: Paragraph, text: str) -> tuple[bool, str | None]:
    """Whether the run holding exactly `text` is right to left, and its complex-script font."""
    run = next(run for run in paragraph.runs if run.text == text)
    properties = run._r.rPr
    if properties is None:
        return False, None
    fonts = properties.rFonts
    return properties.find(qn("w:rtl")) is not None, (
        fonts.get(qn("w:cs")) if fonts is not None else None
    )


def _bidi(paragraph: Paragraph) -> bool:
    properties = paragraph._p.pPr
    return properties is not None and properties.find(qn("w:bidi")) is not None


def test_conference_report_writes_arabic_right_to_left(
    noted: tuple[Caseload, int], clock: FakeClock, tmp_path: Path
) -> None:
    caseload, _ = noted
    person_id = caseload.ids["محمد الحسن"]
    service = ConferencePackService(
        caseload.signed_in.vault.sessions, caseload.signed_in.user, clock
    )
    path = service.export(person_id, tmp_path / "conference.docx")
    document = docx.Document(str(path))
    _render_for_people_to_look_at(path)

    # The title page: the name alone in its paragraph, right to left in a font with the glyphs.
    name = next(p for p in document.paragraphs if p.text == "محمد الحسن")
    assert _run_of(name, "محمد الحسن") == (True, "Arial")
    # The details table: the name's cell reads from the right margin, the labels do not.
    details = {row.cells[0].text: row.cells[1] for row in document.tables[0].rows}
    cell = details["Young person"].paragraphs[0]
    assert cell.text == "محمد الحسن" and _bidi(cell)
    assert not _bidi(document.tables[0].rows[0].cells[0].paragraphs[0])

    # The note, exactly as typed, wherever a table shows it: the Arabic words in their own
    # right-to-left runs, the English around them in ordinary ones, the paragraph left to right.
    cells = [
        paragraph
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
        if paragraph.text == NOTE
    ]
    assert len(cells) == 2  # "last seen" and the significant events
    for paragraph in cells:
        assert [run.text for run in paragraph.runs] == [
            "Met ",
            "محمد",
            " at school; he said ",
            "الحمد لله",
            " and agreed to the plan.",
        ]
        assert _run_of(paragraph, "الحمد لله") == (True, "Arial")
        assert _run_of(paragraph, "محمد")[0]
        assert not _run_of(paragraph, " at school; he said ")[0]
        assert not _bidi(paragraph)

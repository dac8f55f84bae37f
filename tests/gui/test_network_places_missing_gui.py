"""The record's People, Groups and places and Missing tabs, and the groups and places pages,
driven through their real dialogs: contacts with validation, links between young people, links
to groups and places seen on their pages, the strategy-meeting banner and the 72-hour deadline."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TypeVar

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialogButtonBox,
    QMessageBox,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.app import create_application
from desktop.models.accounts import Role
from desktop.models.choices import EntryType, LinkKind, PlaceKind
from desktop.services.bundle import Services
from desktop.services.chronology_records import EntryInput
from desktop.services.network_service import HIDDEN_PERSON
from desktop.services.people_service import PersonDetails, PersonRecord
from desktop.services.sign_in_service import SignedIn
from desktop.views.caseload.context_link_dialog import ContextLinkDialog, EndLinkDialog
from desktop.views.caseload.groups_places_view import GroupsPlacesView
from desktop.views.caseload.network_layout import Category
from desktop.views.caseload.saving_dialog import SavingDialog
from desktop.views.caseload.tabs.contact_dialog import ContactDialog
from desktop.views.caseload.tabs.groups_places_tab import GroupsPlacesTab
from desktop.views.caseload.tabs.link_dialog import LinkPersonDialog
from desktop.views.caseload.tabs.missing_dialogs import (
    EpisodeDialog,
    InterviewDialog,
    ReturnDialog,
)
from desktop.views.caseload.tabs.missing_tab import INTERVIEW_COLUMN, MissingTab
from desktop.views.caseload.tabs.network_tab import NetworkTab
from desktop.views.common.fixed_rows_model import WARNING, FixedRowsModel
from desktop.views.common.when import local_time_text, set_date, set_moment
from tests.conftest import AddAccount, FakeClock, FastKdfPolicy

ARABIC_MOTHER = "سارا أحمدي"
Dialog = TypeVar("Dialog", bound=QWidget)


@pytest.fixture
def services(coordinator: tuple[SignedIn, str], kdf: FastKdfPolicy, clock: FakeClock) -> Services:
    create_application([])  # the application's style sheet, as people see it
    return Services.for_session(coordinator[0], kdf, clock)


def _person(services: Services, given: str, family: str, known_as: str = "") -> PersonRecord:
    details = PersonDetails(given, family, known_as, date_of_birth=date(2009, 2, 1))
    return services.people.open_record(services.people.create(details))


@pytest.fixture
def karwan(services: Services) -> PersonRecord:
    return _person(services, "Karwan", "Ahmadi", "K-Dog")


@pytest.fixture
def sana(services: Services) -> PersonRecord:
    return _person(services, "Sana", "Rahimi")


def _shown(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    _activate(qtbot, widget)


def _activate(qtbot: QtBot, widget: QWidget) -> None:
    """Alt+letter shortcuts only reach the active window; the offscreen platform does not give
    activation back when a dialog closes, as a window manager would."""
    widget.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None, timeout=2000)


def _click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _ok(qtbot: QtBot, dialog: SavingDialog) -> None:
    _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))


@pytest.fixture(autouse=True)
def pending() -> Iterator[list[QTimer]]:
    """The timers waiting for a dialog: stopped after each test, so one that never saw its
    dialog cannot answer the next test's."""
    timers: list[QTimer] = []
    PENDING.append(timers)
    yield timers
    PENDING.remove(timers)
    for timer in timers:
        timer.stop()


PENDING: list[list[QTimer]] = []


def _answer(qtbot: QtBot, kind: type[Dialog], fill: Callable[[Dialog], None]) -> None:
    """Fills the next modal dialog of this kind once it is open (exec() blocks the test); a
    dialog left open after a failed step is closed, so a failure never hangs the run."""
    timer = QTimer()
    timer.setInterval(20)
    tries = iter(range(250))  # five seconds, then give up: the test's asserts will say why

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            if next(tries, None) is None:
                timer.stop()
            return
        timer.stop()
        try:
            fill(dialog)
        finally:
            if dialog.isVisible():
                dialog.close()

    timer.timeout.connect(run)
    PENDING[-1].append(timer)
    timer.start()


def _tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Clicks the box itself (a form row stretches the widget past its text)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _yes(qtbot: QtBot) -> None:
    _answer(
        qtbot,
        QMessageBox,
        lambda box: _click(qtbot, box.button(QMessageBox.StandardButton.Yes)),
    )


def _double_click_row(qtbot: QtBot, view: QAbstractItemView, row: int) -> None:
    model = view.model()
    assert model is not None
    centre = view.visualRect(model.index(row, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def _select_row(qtbot: QtBot, view: QAbstractItemView, row: int) -> None:
    model = view.model()
    assert model is not None
    centre = view.visualRect(model.index(row, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)


# ---- family, household and professionals ---------------------------------------------------
def test_a_contact_is_added_edited_and_removed_through_the_dialog(
    qtbot: QtBot, services: Services, karwan: PersonRecord
) -> None:
    tab = NetworkTab(services, karwan)
    _shown(qtbot, tab)
    assert tab.add_contact_button.toolTip().endswith("(Alt+A)")
    assert tab.remove_contact_button.toolTip().endswith("(Delete in the list)")
    problems: list[str] = []

    def add(dialog: ContactDialog) -> None:
        _ok(qtbot, dialog)  # nothing typed yet
        problems.append(dialog.error.text())
        dialog.name.insert(ARABIC_MOTHER)  # QTest cannot type outside Latin-1
        qtbot.keyClicks(dialog.relationship, "Mother")
        _tick(qtbot, dialog.parental_responsibility)
        qtbot.keyClicks(dialog.email, "not an address")
        qtbot.keyClicks(dialog.phone, "+44 7700 900123")
        qtbot.keyClicks(dialog.language, "Kurdish (Sorani)")
        _ok(qtbot, dialog)
        problems.append(dialog.error.text())
        dialog.email.clear()
        qtbot.keyClicks(dialog.email, "sara@example.org")
        _ok(qtbot, dialog)

    _answer(qtbot, ContactDialog, add)
    _click(qtbot, tab.add_contact_button)
    assert problems[0] == "Enter the person's name."
    assert "should look like name@example.org" in problems[1]
    assert tab.contacts_model.rowCount() == 1
    text = tab.contacts_model.text(0, 0)
    assert text.startswith(f"{ARABIC_MOTHER}\nMother · PR")
    assert "+44 7700 900123" in text and "speaks Kurdish (Sorani)" in text
    assert tab.diagram.network is not None
    assert [c.name for c in tab.diagram.network.family] == [ARABIC_MOTHER]
    assert [p.node.title for p in tab.diagram.placed()] == [ARABIC_MOTHER]

    # A professional, by keyboard: the kind changes which fields are asked for.
    def professional(dialog: ContactDialog) -> None:
        dialog.kind.setFocus()
        qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
        assert not dialog.parental_responsibility.isVisibleTo(dialog)
        assert dialog.agency.isVisibleTo(dialog)
        qtbot.keyClicks(dialog.name, "Jo Bright")
        qtbot.keyClicks(dialog.relationship, "Social worker")
        qtbot.keyClicks(dialog.agency, "Children's social care")
        _ok(qtbot, dialog)

    _answer(qtbot, ContactDialog, professional)
    _activate(qtbot, tab)
    qtbot.keyClick(tab, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    # A mnemonic "animates" the button's click: it lands a moment later.
    qtbot.waitUntil(lambda: tab.contacts_model.rowCount() == 2, timeout=3000)
    assert tab.diagram.network is not None
    assert [c.name for c in tab.diagram.network.professionals] == ["Jo Bright"]

    # Enter on a chosen person edits them.
    row = next(i for i in range(2) if tab.contacts_model.row_at(i).details.name == "Jo Bright")
    _select_row(qtbot, tab.contacts, row)

    def edit(dialog: ContactDialog) -> None:
        assert dialog.name.text() == "Jo Bright"
        qtbot.keyClicks(dialog.phone, "020 7946 0000")
        _ok(qtbot, dialog)

    _answer(qtbot, ContactDialog, edit)
    qtbot.keyClick(tab.contacts, Qt.Key.Key_Return)
    edited = [r for r in services.network.contacts(karwan.id) if r.details.name == "Jo Bright"]
    assert edited[0].details.phone == "020 7946 0000"

    # Remove asks first.
    row = next(i for i in range(2) if tab.contacts_model.row_at(i).details.name == "Jo Bright")
    _select_row(qtbot, tab.contacts, row)
    _activate(qtbot, tab)
    _yes(qtbot)
    qtbot.keyClick(tab.contacts, Qt.Key.Key_Delete)
    assert [r.details.name for r in services.network.contacts(karwan.id)] == [ARABIC_MOTHER]
    assert tab.contacts_model.rowCount() == 1


# ---- links between young people --------------------------------------------------------------
def test_two_young_people_are_linked_by_quick_search_and_open_each_other(
    qtbot: QtBot, services: Services, karwan: PersonRecord, sana: PersonRecord
) -> None:
    _person(services, "Tyrese", "Campbell", "T-Bone")
    tab = NetworkTab(services, karwan)
    _shown(qtbot, tab)

    def link(dialog: LinkPersonDialog) -> None:
        # Before any typing the others are listed; Karwan is never offered as his own link.
        names = {r.name for r in dialog.results_model.rows}
        assert names == {"Sana Rahimi", "Tyrese Campbell"}
        _ok(qtbot, dialog)
        assert dialog.error.text() == "Choose the young person to link to."
        qtbot.keyClicks(dialog.search, "rahimi")
        qtbot.waitUntil(lambda: dialog.results_model.rowCount() == 1, timeout=2000)
        assert dialog.chosen() is not None  # a single match is chosen for you
        dialog.kind.setCurrentIndex(dialog.kind.findData(LinkKind.SIBLING.value))
        qtbot.keyClicks(dialog.note, "Half-sister, same school")
        _ok(qtbot, dialog)

    _answer(qtbot, LinkPersonDialog, link)
    _click(qtbot, tab.link_button)
    assert tab.links_model.rowCount() == 1
    shown = tab.links_model.text(0, 0)
    assert shown.startswith(f"Sana Rahimi ({sana.case_reference})\nSibling")
    assert "Half-sister, same school" in shown
    assert [link.other_id for link in services.network.links(sana.id)] == [karwan.id]

    # Linking them the same way again is refused, with the reason in the dialog.
    refused: list[str] = []

    def again(dialog: LinkPersonDialog) -> None:
        qtbot.keyClicks(dialog.search, "Sana")
        qtbot.waitUntil(lambda: dialog.results_model.rowCount() == 1, timeout=2000)
        dialog.kind.setCurrentIndex(dialog.kind.findData(LinkKind.SIBLING.value))
        _ok(qtbot, dialog)
        refused.append(dialog.error.text())
        assert dialog.isVisible()
        dialog.reject()

    _answer(qtbot, LinkPersonDialog, again)
    _click(qtbot, tab.link_button)
    assert refused == ["They are already linked as sibling."]

    # Double-clicking the linked person, in the list or in the diagram, asks to open them.
    with qtbot.waitSignal(tab.open_person, timeout=1000) as from_list:
        _double_click_row(qtbot, tab.links, 0)
    assert from_list.args == [sana.id]
    node = next(p for p in tab.diagram.placed() if p.node.category is Category.YOUNG_PERSON)
    on_screen: QPoint = tab.diagram._transform().map(node.rect.center()).toPoint()
    with qtbot.waitSignal(tab.open_person, timeout=1000) as from_diagram:
        qtbot.mouseDClick(tab.diagram, Qt.MouseButton.LeftButton, pos=on_screen)
    assert from_diagram.args == [sana.id]

    _select_row(qtbot, tab.links, 0)
    _activate(qtbot, tab)
    _yes(qtbot)
    qtbot.keyClick(tab.links, Qt.Key.Key_Delete)
    assert tab.links_model.rowCount() == 0
    assert services.network.links(sana.id) == []


def test_a_link_to_someone_off_the_users_caseload_is_shown_but_not_opened(
    qtbot: QtBot,
    services: Services,
    coordinator: tuple[SignedIn, str],
    add_account: AddAccount,
    kdf: FastKdfPolicy,
    clock: FakeClock,
    karwan: PersonRecord,
    sana: PersonRecord,
) -> None:
    advocate = add_account(Role.ADVOCATE, "advocate")
    details = replace(karwan.details, key_worker_id=advocate.account_id)
    services.people.update(karwan.id, details)
    services.network.link(karwan.id, sana.id, LinkKind.RIVAL, "About the fight")
    group = services.context.create_group("Northside crew")
    for person in (karwan, sana):
        services.context.link_group(person.id, group)
    theirs = Services.for_session(replace(coordinator[0], user=advocate), kdf, clock)

    tab = NetworkTab(theirs, theirs.people.open_record(karwan.id))
    _shown(qtbot, tab)
    assert tab.links_model.text(0, 0) == f"{HIDDEN_PERSON}\nRival group"  # no name, no note
    index = tab.links_model.index(0, 0)
    assert "not open to you" in tab.links_model.data(index, Qt.ItemDataRole.ToolTipRole)
    with qtbot.assertNotEmitted(tab.open_person):
        _double_click_row(qtbot, tab.links, 0)
    _select_row(qtbot, tab.links, 0)
    assert not tab.unlink_button.isEnabled()  # they could not make it, so cannot remove it

    browse = GroupsPlacesView(theirs)
    _shown(qtbot, browse)
    browse.show_group(group)
    assert [row.name for row in browse.page.people_model.rows] == ["Karwan Ahmadi"]
    assert browse.page.other_people.isVisibleTo(browse)
    assert browse.page.other_people.text().startswith("And 1 other young person on records")


# ---- groups and places ---------------------------------------------------------------------
def test_a_young_person_is_linked_to_a_group_and_a_place_and_appears_on_their_pages(
    qtbot: QtBot,
    services: Services,
    clock: FakeClock,
    karwan: PersonRecord,
    sana: PersonRecord,
) -> None:
    today = clock.now().date()
    tab = GroupsPlacesTab(services, karwan)
    _shown(qtbot, tab)

    def new_group(dialog: ContextLinkDialog) -> None:
        assert dialog.use_new.isChecked()  # there are no groups yet
        qtbot.keyClicks(dialog.new_fields.name, "Northside crew")
        set_date(dialog.since, today - timedelta(days=30))
        qtbot.keyClicks(dialog.source, "Police intelligence")
        _ok(qtbot, dialog)

    _answer(qtbot, ContextLinkDialog, new_group)
    _click(qtbot, tab.groups.link_button)

    def new_place(dialog: ContextLinkDialog) -> None:
        qtbot.keyClicks(dialog.new_fields.name, "Ravens Park")
        kind = dialog.new_fields.kind
        kind.setCurrentIndex(kind.findData(PlaceKind.PARK.value))
        qtbot.keyClicks(dialog.new_fields.postcode, "e16an")
        qtbot.keyClicks(dialog.source, "Seen on a ride-out")
        _ok(qtbot, dialog)

    _answer(qtbot, ContextLinkDialog, new_place)
    _activate(qtbot, tab)
    qtbot.keyClick(tab, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: tab.places.model.rowCount() == 1, timeout=3000)

    assert [(r.name, r.source, r.current) for r in tab.groups.model.rows] == [
        ("Northside crew", "Police intelligence", True)
    ]
    assert tab.groups.model.text(0, 1) == (today - timedelta(days=30)).strftime("%d/%m/%Y")
    assert [r.name for r in tab.places.model.rows] == ["Ravens Park"]
    group_id = tab.groups.model.row_at(0).target_id
    place_id = tab.places.model.row_at(0).target_id

    # Sana is linked to the same group, now an existing one.
    other_tab = GroupsPlacesTab(services, sana)
    _shown(qtbot, other_tab)

    def existing(dialog: ContextLinkDialog) -> None:
        assert dialog.use_existing.isChecked()
        assert dialog.existing.currentData() == group_id
        qtbot.keyClicks(dialog.source, "School")
        _ok(qtbot, dialog)

    _answer(qtbot, ContextLinkDialog, existing)
    _click(qtbot, other_tab.groups.link_button)
    services.chronology.add_entry(
        sana.id,
        EntryInput(
            clock.now() - timedelta(days=2),
            EntryType.INCIDENT,
            "Fight at the bandstand",
            group_id=group_id,
            place_id=place_id,
        ),
    )

    # The browse page counts them, and the group's page lists them and its incidents.
    browse = GroupsPlacesView(services)
    _shown(qtbot, browse)
    assert [(r.name, r.young_people) for r in browse.groups_model.rows] == [("Northside crew", 2)]
    assert [(r.name, r.postcode) for r in browse.places_model.rows] == [("Ravens Park", "E1 6AN")]
    _double_click_row(qtbot, browse.groups, 0)
    assert browse.pages.currentWidget() is browse.page
    page = browse.page
    assert page.title.text() == "Northside crew"
    assert "2 young people linked now" in page.facts.text()
    people = {row.name: row.source for row in page.people_model.rows}
    assert people == {"Karwan Ahmadi": "Police intelligence", "Sana Rahimi": "School"}
    assert [row.summary for row in page.incidents_model.rows] == ["Fight at the bandstand"]
    assert not page.other_people.isVisibleTo(browse)
    with qtbot.waitSignal(browse.open_person, timeout=1000) as opened:
        _double_click_row(qtbot, page.incidents, 0)
    assert opened.args == [sana.id]
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert browse.pages.currentIndex() == 0
    _double_click_row(qtbot, browse.places, 0)
    assert page.title.text() == "Ravens Park"
    assert [row.name for row in page.people_model.rows] == ["Karwan Ahmadi"]
    with qtbot.waitSignal(browse.open_person, timeout=1000) as opened:
        _double_click_row(qtbot, page.people, 0)
    assert opened.args == [karwan.id]

    # Ending the group link keeps it as history; a date before it began is refused.
    _select_row(qtbot, tab.groups.table, 0)
    refused: list[str] = []

    def end(dialog: EndLinkDialog) -> None:
        set_date(dialog.until, today - timedelta(days=31))
        _ok(qtbot, dialog)
        refused.append(dialog.error.text())
        set_date(dialog.until, today - timedelta(days=1))
        _ok(qtbot, dialog)

    _answer(qtbot, EndLinkDialog, end)
    _click(qtbot, tab.groups.end_button)
    assert refused == ["The link cannot end before it began."]
    assert tab.groups.model.text(0, 3) == "Ended"
    assert not tab.groups.end_button.isEnabled()
    assert [r.current for r in services.context.person_groups(karwan.id)] == [False]

    # Removing the place link (made in error) asks first, then it is gone.
    _select_row(qtbot, tab.places.table, 0)
    _yes(qtbot)
    _click(qtbot, tab.places.remove_button)
    assert tab.places.model.rowCount() == 0
    browse.reload()
    assert [r.young_people for r in browse.places_model.rows] == [0]


# ---- missing episodes ----------------------------------------------------------------------
def _record_episode(
    qtbot: QtBot,
    tab: MissingTab,
    went: datetime,
    returned: datetime | None = None,
) -> None:
    def fill(dialog: EpisodeDialog) -> None:
        set_moment(dialog.went_missing, went)
        if returned is not None:
            _tick(qtbot, dialog.has_returned)
            set_moment(dialog.returned, returned)
        qtbot.keyClicks(dialog.notes, "Reported by mother")
        _ok(qtbot, dialog)

    _answer(qtbot, EpisodeDialog, fill)
    _click(qtbot, tab.record_button)


def test_a_third_episode_within_30_days_raises_the_strategy_meeting_banner(
    qtbot: QtBot, services: Services, clock: FakeClock, karwan: PersonRecord
) -> None:
    tab = MissingTab(services, karwan)
    _shown(qtbot, tab)
    now = clock.now()
    assert not tab.banner.isVisibleTo(tab)
    _record_episode(qtbot, tab, now - timedelta(days=40), now - timedelta(days=39))
    _record_episode(qtbot, tab, now - timedelta(days=20), now - timedelta(days=19))
    _record_episode(qtbot, tab, now - timedelta(days=9), now - timedelta(days=8))
    assert tab.model.rowCount() == 3
    assert not tab.banner.isVisibleTo(tab)  # only two of them in the last 30 days

    _record_episode(qtbot, tab, now - timedelta(hours=6))
    assert tab.banner.isVisibleTo(tab)
    assert "3 missing episodes in 30 days: arrange a strategy meeting" in tab.banner.text()
    assert tab.banner.accessibleName() == "Strategy meeting prompt"
    assert tab.model.text(0, 1) == "Still missing"
    assert "1 still missing" in tab.summary.text()


def test_a_return_shows_the_72_hour_interview_deadline_then_overdue(
    qtbot: QtBot, services: Services, clock: FakeClock, karwan: PersonRecord
) -> None:
    tab = MissingTab(services, karwan)
    _shown(qtbot, tab)
    went = clock.now() - timedelta(hours=30)
    _record_episode(qtbot, tab, went)
    assert not tab.interview_button.isEnabled()  # they have not returned yet

    returned = clock.now() - timedelta(hours=4)
    wrong: list[str] = []

    def record_return(dialog: ReturnDialog) -> None:
        set_moment(dialog.returned, went - timedelta(hours=1))
        _ok(qtbot, dialog)
        wrong.append(dialog.error.text())
        set_moment(dialog.returned, returned)
        _ok(qtbot, dialog)

    _answer(qtbot, ReturnDialog, record_return)
    _click(qtbot, tab.return_button)
    assert wrong == ["They cannot have returned before they went missing."]
    due = local_time_text(returned + timedelta(hours=72))
    interview = tab.model.index(0, INTERVIEW_COLUMN)
    assert tab.model.text(0, INTERVIEW_COLUMN) == f"Interview due by {due}"
    assert tab.model.data(interview, Qt.ItemDataRole.ForegroundRole) is None

    clock.advance(73 * 3600)
    tab.reload()
    assert tab.model.text(0, INTERVIEW_COLUMN) == f"OVERDUE: interview due by {due}"
    assert tab.model.data(interview, Qt.ItemDataRole.ForegroundRole) == WARNING
    assert "1 interview OVERDUE" in tab.summary.text()

    def record_interview(dialog: InterviewDialog) -> None:
        assert dialog.interview_by.text() == services.user.display_name
        dialog.interview_by.clear()
        qtbot.keyClicks(dialog.interview_by, "Priya Shah (YOS)")
        _ok(qtbot, dialog)

    _answer(qtbot, InterviewDialog, record_interview)
    _click(qtbot, tab.interview_button)
    done = local_time_text(clock.now())
    assert tab.model.text(0, INTERVIEW_COLUMN) == f"Done {done} by Priya Shah (YOS)"
    assert "OVERDUE" not in tab.summary.text()


def test_the_rows_model_passes_qts_model_checks(qtmodeltester: ModelTester) -> None:
    model: FixedRowsModel[tuple[str, int]] = FixedRowsModel(
        [("Name", lambda row: row[0]), ("Count", lambda row: row[1])],
        muted=lambda row: row[1] == 0,
        warning=lambda row: row[1] > 2,
        warning_columns={1},
        tooltip=lambda row: row[0],
        centred={1},
    )
    model.set_rows([("Northside crew", 3), ("Eastfield youngers", 0), (ARABIC_MOTHER, 1)])
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ForegroundRole) == WARNING
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is None

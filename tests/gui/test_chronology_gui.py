"""The chronology tab, its dialogs and the chronology search, driven with qtbot as a person
would: entries added through the real dialog, edited (the earlier version kept), deleted with a
reason (tombstone), drafts restored, and the search finding an entry typed without accents."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QDialog, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.app import create_application
from desktop.models.accounts import Role
from desktop.models.choices import EntryType
from desktop.services.bundle import Services
from desktop.services.chronology_service import EntryInput
from desktop.services.people_service import PersonDetails
from desktop.services.sign_in_service import SignedIn
from desktop.views.caseload.chronology_dialogs import DeleteEntryDialog, EntryDialog
from desktop.views.caseload.chronology_history_dialog import HistoryDialog
from desktop.views.caseload.chronology_search_list_model import hit_html
from desktop.views.caseload.chronology_search_view import BEST_MATCH, ChronologySearchView
from desktop.views.caseload.chronology_table_model import SUMMARY_COLUMN
from desktop.views.caseload.tabs.chronology_tab import ChronologyTab
from tests.conftest import COORDINATOR_NAME, AddAccount, FakeClock, FastKdfPolicy
from tests.gui.keyboard_driver import check, on_modal

LEFT = Qt.MouseButton.LeftButton
CONTROLS = {
    "QPushButton",
    "QComboBox",
    "QCheckBox",
    "QLineEdit",
    "QPlainTextEdit",
    "QTableView",
    "QListView",
    "QDateTimeEdit",
    "QTextBrowser",
}


@dataclass
class Setup:
    services: Services
    person_id: int
    clock: FakeClock

    def tab(self, qtbot: QtBot, services: Services | None = None) -> ChronologyTab:
        services = services or self.services
        tab = ChronologyTab(services, services.people.open_record(self.person_id))
        qtbot.addWidget(tab)
        tab.resize(1000, 600)
        tab.show()
        return tab

    def add(self, summary: str, detail: str = "", hours_ago: float = 1) -> int:
        when = self.clock.now() - timedelta(hours=hours_ago)
        entry = EntryInput(when, EntryType.VISIT, summary, detail)
        return self.services.chronology.add_entry(self.person_id, entry)


@pytest.fixture
def setup(
    coordinator: tuple[SignedIn, str], kdf: FastKdfPolicy, clock: FakeClock
) -> Iterator[Setup]:
    create_application([])  # the real style sheet
    signed_in, _ = coordinator
    services = Services.for_session(signed_in, kdf, clock)
    person_id = services.people.create(PersonDetails("Dana", "Reid"))
    yield Setup(services, person_id, clock)


def write_entry(
    qtbot: QtBot, summary: str, detail: str = "", kind: str = ""
) -> Callable[..., None]:
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, EntryDialog)
        if kind:
            qtbot.keyClicks(dialog.entry_type, kind)
        qtbot.keyClicks(dialog.summary, summary)
        qtbot.keyClicks(dialog.detail, detail)
        qtbot.mouseClick(dialog.ok_button, LEFT)

    return act


def summaries(tab: ChronologyTab) -> list[str]:
    model = tab.model
    return [str(model.data(model.index(row, SUMMARY_COLUMN))) for row in range(model.rowCount())]


# ---- adding, editing, history, deleting ------------------------------------------------------
def test_adding_two_entries_through_the_dialog(qtbot: QtBot, setup: Setup) -> None:
    tab = setup.tab(qtbot)
    assert tab.model.rowCount() == 0

    failures = on_modal(
        qtbot, write_entry(qtbot, "Phone call with mum", "Worried about nights", "Phone")
    )
    qtbot.mouseClick(tab.add_button, LEFT)
    check(failures)
    setup.clock.advance(600)

    def second(dialog: QDialog) -> None:
        assert isinstance(dialog, EntryDialog)
        # The type last used is offered again, so a run of calls is quick to record.
        assert dialog.entry_type.currentData() == EntryType.PHONE.value
        qtbot.keyClicks(dialog.summary, "Second call: agreed to meet")
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    failures = on_modal(qtbot, second)
    tab.add_entry()  # what the record's Ctrl+E calls
    check(failures)

    assert summaries(tab) == ["Second call: agreed to meet", "Phone call with mum"]
    assert tab.count_label.text().startswith("2 entries")
    selected = tab.selected_row()
    assert selected is not None and selected.summary.startswith("Second")
    first = setup.services.chronology.entries(setup.person_id, 0, 10)[1]
    assert first.entry_type is EntryType.PHONE and first.author == COORDINATOR_NAME
    assert setup.services.chronology.entry(first.id).details.detail == "Worried about nights"


def test_the_analysis_is_typed_beside_the_detail_and_saved(qtbot: QtBot, setup: Setup) -> None:
    tab = setup.tab(qtbot)

    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, EntryDialog)
        qtbot.keyClicks(dialog.summary, "Found with cash")
        # Tab moves from the detail to the analysis, as the form reads.
        dialog.detail.setFocus()
        qtbot.keyClick(dialog.detail, Qt.Key.Key_Tab)
        assert dialog.analysis.hasFocus()
        qtbot.keyClicks(dialog.analysis, "Signs of exploitation")
        assert dialog.analysis.height() >= 3 * dialog.fontMetrics().lineSpacing()
        qtbot.mouseClick(dialog.ok_button, LEFT)

    failures = on_modal(qtbot, act)
    qtbot.mouseClick(tab.add_button, LEFT)
    check(failures)
    [row] = setup.services.chronology.entries(setup.person_id, 0, 10)
    assert setup.services.chronology.entry(row.id).details.analysis == "Signs of exploitation"


def test_the_dialog_says_what_is_missing(qtbot: QtBot, setup: Setup) -> None:
    tab = setup.tab(qtbot)

    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, EntryDialog)
        qtbot.mouseClick(dialog.ok_button, LEFT)
        assert dialog.isVisible() and dialog.error.isVisible()
        assert dialog.error.text() == "Enter a summary."
        assert dialog.summary.hasFocus()
        qtbot.keyClicks(dialog.summary, "Seen at the park")
        qtbot.mouseClick(dialog.ok_button, LEFT)

    failures = on_modal(qtbot, act)
    qtbot.mouseClick(tab.add_button, LEFT)
    check(failures)
    assert summaries(tab) == ["Seen at the park"]


def test_editing_keeps_the_earlier_version_and_history_shows_both(
    qtbot: QtBot, setup: Setup
) -> None:
    """ACCEPTANCE: editing a chronology entry keeps the earlier version."""
    setup.add("Home visit", "Mum present")
    setup.clock.advance(3600)
    tab = setup.tab(qtbot)
    tab.table.selectRow(0)

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, EntryDialog)
        assert dialog.summary.text() == "Home visit"
        qtbot.keyClicks(dialog.summary, " with mum and sister")
        qtbot.mouseClick(dialog.significant, LEFT)
        qtbot.mouseClick(dialog.ok_button, LEFT)

    failures = on_modal(qtbot, edit)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)  # Enter opens the selected entry
    check(failures)
    model = tab.model
    assert summaries(tab) == ["Home visit with mum and sister"]
    assert model.data(model.index(0, 5)) == "Edited (v2)"
    assert model.data(model.index(0, 4)) == "★ Significant"

    shown: list[str] = []

    def read_history(dialog: QDialog) -> None:
        assert isinstance(dialog, HistoryDialog)
        shown.append(dialog.browser.toPlainText())
        qtbot.keyClick(dialog.browser, Qt.Key.Key_Escape)

    failures = on_modal(qtbot, read_history)
    qtbot.mouseClick(tab.history_button, LEFT)
    check(failures)
    text = shown[0]
    assert text.index("Version 2 of 2 (current)") < text.index("Version 1 of 2")
    assert "Home visit with mum and sister" in text and "\nHome visit\n" in text
    assert f"Replaced by {COORDINATOR_NAME}" in text
    assert "Mum present" in text


def test_a_stale_edit_shows_the_message_and_keeps_the_text(qtbot: QtBot, setup: Setup) -> None:
    entry_id = setup.add("Ride-out contact")
    tab = setup.tab(qtbot)
    tab.table.selectRow(0)
    messages: list[str] = []

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, EntryDialog)
        qtbot.keyClicks(dialog.summary, " at the park")
        # Someone else saves the entry meanwhile.
        other = setup.services.chronology.entry(entry_id)
        changed = replace(other.details, summary="Ride-out contact (theirs)")
        setup.services.chronology.edit_entry(entry_id, changed, expected_version=1)
        qtbot.mouseClick(dialog.ok_button, LEFT)
        assert dialog.isVisible() and dialog.summary.text() == "Ride-out contact at the park"
        messages.append(dialog.error.text())
        dialog.reject()

    failures = on_modal(qtbot, edit)
    qtbot.mouseClick(tab.edit_button, LEFT)
    check(failures)
    assert "changed by someone else" in messages[0]
    draft = setup.services.drafts.load(f"chronology:entry:{entry_id}")
    assert draft is not None and draft["summary"] == "Ride-out contact at the park"


def test_coordinator_deletes_with_a_reason_and_a_tombstone_stays(
    qtbot: QtBot, setup: Setup
) -> None:
    setup.add("Older visit", hours_ago=5)
    setup.add("Visit filed on the wrong child", hours_ago=2)
    tab = setup.tab(qtbot)
    tab.table.selectRow(0)
    assert tab.delete_button.isVisible()

    def delete(dialog: QDialog) -> None:
        assert isinstance(dialog, DeleteEntryDialog)
        qtbot.mouseClick(dialog.ok_button, LEFT)
        assert dialog.error.text() == "Give the reason for deleting this entry."
        qtbot.keyClicks(dialog.reason, "Written on the wrong record")
        qtbot.mouseClick(dialog.ok_button, LEFT)

    failures = on_modal(qtbot, delete)
    qtbot.mouseClick(tab.delete_button, LEFT)
    check(failures)
    tombstone = summaries(tab)[0]
    assert tombstone.startswith(
        f"Deleted entry — Written on the wrong record, by {COORDINATOR_NAME}, "
    )
    assert summaries(tab)[1] == "Older visit"
    font = tab.model.data(tab.model.index(0, SUMMARY_COLUMN), Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.italic()
    # The tombstone stays selected; there is nothing left to edit or delete.
    selected = tab.selected_row()
    assert selected is not None and selected.deleted
    assert not tab.edit_button.isEnabled() and not tab.delete_button.isEnabled()
    assert tab.history_button.isEnabled()


def test_a_gangs_worker_does_not_see_delete(
    qtbot: QtBot, setup: Setup, add_account: AddAccount, kdf: FastKdfPolicy
) -> None:
    setup.add("Visit")
    worker = add_account(Role.GANGS_WORKER, "gw")
    signed_in = SignedIn(setup.services.signed_in.vault, worker)
    tab = setup.tab(qtbot, Services.for_session(signed_in, kdf, setup.clock))
    tab.table.selectRow(0)
    assert tab.add_button.isVisible() and tab.edit_button.isEnabled()
    assert not tab.delete_button.isVisible()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)  # the key does nothing either
    assert QApplication.activeModalWidget() is None
    assert summaries(tab) == ["Visit"]


def test_filters_by_type_and_significance(qtbot: QtBot, setup: Setup) -> None:
    setup.add("A visit", hours_ago=3)
    when = setup.clock.now() - timedelta(hours=2)
    setup.services.chronology.add_entry(
        setup.person_id, EntryInput(when, EntryType.INCIDENT, "An incident", significant=True)
    )
    tab = setup.tab(qtbot)
    qtbot.keyClicks(tab.type_filter, "Incident")
    assert summaries(tab) == ["An incident"]
    assert tab.count_label.text().startswith("1 entry match the filter")
    qtbot.keyClick(tab.type_filter, Qt.Key.Key_Home)  # back to "All types"
    qtbot.mouseClick(tab.significant_only, LEFT)
    assert summaries(tab) == ["An incident"]
    qtbot.mouseClick(tab.significant_only, LEFT)
    assert summaries(tab) == ["An incident", "A visit"]


def test_show_entry_clears_filters_that_hide_it(qtbot: QtBot, setup: Setup) -> None:
    wanted = setup.add("The one from the search", hours_ago=30)
    tab = setup.tab(qtbot)
    qtbot.mouseClick(tab.significant_only, LEFT)
    assert tab.show_entry(wanted)
    assert not tab.significant_only.isChecked()
    row = tab.selected_row()
    assert row is not None and row.id == wanted


# ---- drafts ----------------------------------------------------------------------------------
def test_the_entry_dialog_restores_a_draft_after_closing_without_saving(
    qtbot: QtBot, setup: Setup
) -> None:
    tab = setup.tab(qtbot)
    key = f"chronology:{setup.person_id}:new"

    def type_then_leave(dialog: QDialog) -> None:
        assert isinstance(dialog, EntryDialog)
        qtbot.keyClicks(dialog.summary, "Half-written visit note")
        qtbot.keyClicks(dialog.detail, "Met at the youth club")
        # Saved as the user types, so a crash loses nothing.
        qtbot.waitUntil(lambda: setup.services.drafts.load(key) is not None, timeout=4000)
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Escape)

    failures = on_modal(qtbot, type_then_leave)
    qtbot.mouseClick(tab.add_button, LEFT)
    check(failures)
    assert tab.model.rowCount() == 0

    def restored(dialog: QDialog) -> None:
        assert isinstance(dialog, EntryDialog)
        assert dialog.summary.text() == "Half-written visit note"
        assert dialog.detail.toPlainText() == "Met at the youth club"
        assert dialog.notice.isVisible() and "restored" in dialog.notice.text()
        qtbot.mouseClick(dialog.ok_button, LEFT)

    failures = on_modal(qtbot, restored)
    qtbot.mouseClick(tab.add_button, LEFT)
    check(failures)
    assert summaries(tab) == ["Half-written visit note"]
    assert setup.services.drafts.load(key) is None  # saved: the draft is gone

    def fresh(dialog: QDialog) -> None:
        assert isinstance(dialog, EntryDialog)
        assert dialog.summary.text() == "" and not dialog.notice.isVisible()
        qtbot.keyClicks(dialog.summary, "Throw this away")
        dialog.reject()

    failures = on_modal(qtbot, fresh)
    qtbot.mouseClick(tab.add_button, LEFT)
    check(failures)

    def discard(dialog: QDialog) -> None:
        assert isinstance(dialog, EntryDialog)
        qtbot.mouseClick(dialog.discard_button, LEFT)
        assert dialog.summary.text() == "" and not dialog.notice.isVisible()
        dialog.reject()

    failures = on_modal(qtbot, discard)
    qtbot.mouseClick(tab.add_button, LEFT)
    check(failures)
    assert setup.services.drafts.load(key) is None


def test_a_draft_of_an_edit_warns_when_the_entry_changed_since(qtbot: QtBot, setup: Setup) -> None:
    entry_id = setup.add("Phone call")
    tab = setup.tab(qtbot)

    def start_then_leave(dialog: QDialog) -> None:
        assert isinstance(dialog, EntryDialog)
        qtbot.keyClicks(dialog.summary, " with dad")
        dialog.reject()  # what locking the vault does to an open dialog

    failures = on_modal(qtbot, start_then_leave)
    cell = tab.table.visualRect(tab.model.index(0, SUMMARY_COLUMN)).center()
    qtbot.mouseClick(tab.table.viewport(), LEFT, pos=cell)  # a double-click opens it
    qtbot.mouseDClick(tab.table.viewport(), LEFT, pos=cell)
    check(failures)
    theirs = replace(setup.services.chronology.entry(entry_id).details, significant=True)
    setup.services.chronology.edit_entry(entry_id, theirs, expected_version=1)
    tab.reload()

    def restored(dialog: QDialog) -> None:
        assert isinstance(dialog, EntryDialog)
        assert dialog.summary.text() == "Phone call with dad"
        assert "someone has saved this entry since" in dialog.notice.text()
        qtbot.mouseClick(dialog.ok_button, LEFT)

    failures = on_modal(qtbot, restored)
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.edit_button, LEFT)
    check(failures)
    saved = setup.services.chronology.entry(entry_id)
    assert saved.version == 3 and saved.details.summary == "Phone call with dad"
    assert [v.version for v in setup.services.chronology.history(entry_id)] == [3, 2, 1]


# ---- search ----------------------------------------------------------------------------------
def test_search_finds_an_entry_typed_without_accents_and_opens_it(
    qtbot: QtBot, setup: Setup
) -> None:
    setup.add("Met Zoë at the café on Émile Street", "She talked about the crêpe stall")
    wanted = setup.add("Saw Zoë again at the café", hours_ago=0.5)
    setup.add("Nothing to do with it", hours_ago=0.2)
    view = ChronologySearchView(setup.services)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=2000)

    qtbot.keyClicks(view.search, "zoe cafe")
    assert view.status.text() in ("", "Searching…")  # typing waits for a pause
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=5000)
    assert view.status.text() == "2 entries found · newest first"
    first = view.model.hit_at(0)
    assert first.entry_id == wanted  # newest first
    html = hit_html(first)
    assert "IGX-" in html and "Dana Reid" in html
    assert html.count("background-color:#fde68a") == 2  # both words highlighted

    qtbot.keyClick(view.search, Qt.Key.Key_Return)  # Enter goes to the results
    qtbot.waitUntil(view.results.hasFocus, timeout=5000)
    with qtbot.waitSignal(view.open_entry, timeout=2000) as opened:
        qtbot.keyClick(view.results, Qt.Key.Key_Return)
    assert opened.args == [setup.person_id, wanted]


def test_best_match_puts_the_most_relevant_entry_first(qtbot: QtBot, setup: Setup) -> None:
    best = setup.add("Quokka sighting", "quokka quokka quokka by the quokka stall", hours_ago=5)
    newest = setup.add("Long visit", "talked about school, home, friends and a quokka", hours_ago=1)
    view = ChronologySearchView(setup.services)
    qtbot.addWidget(view)
    view.show()
    qtbot.keyClicks(view.search, "quokka")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=5000)
    assert view.model.hit_at(0).entry_id == newest
    view.order.setCurrentIndex(BEST_MATCH)  # searches again at once
    qtbot.waitUntil(lambda: view.status.text() == "2 entries found · best match", timeout=5000)
    assert [view.model.hit_at(row).entry_id for row in range(2)] == [best, newest]


def test_search_in_arabic_script_and_with_no_match(qtbot: QtBot, setup: Setup) -> None:
    entry_id = setup.add("زيارة منزلية مع الأم", "كانت الأم قلقة")
    view = ChronologySearchView(setup.services)
    qtbot.addWidget(view)
    view.show()
    view.search.insert("قلقة")  # QTest cannot type outside Latin-1
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)
    assert view.model.hit_at(0).entry_id == entry_id
    view.search.clear()
    qtbot.keyClicks(view.search, "nowhere-to-be-found")
    qtbot.waitUntil(lambda: view.status.text() == "No entries match.", timeout=5000)
    assert view.model.rowCount() == 0


def test_search_results_load_more_as_the_list_scrolls(qtbot: QtBot, setup: Setup) -> None:
    for number in range(60):
        setup.add(f"Ride-out contact number {number}", hours_ago=100 - number)
    view = ChronologySearchView(setup.services)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.keyClicks(view.search, "ride-out")
    qtbot.waitUntil(lambda: view.model.rowCount() == 50, timeout=5000)
    assert "scroll down for more" in view.status.text()
    view.results.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() == 60, timeout=5000)
    assert view.status.text() == "60 entries found · newest first"


# ---- models and accessibility ----------------------------------------------------------------
def test_item_models_follow_the_rules(
    qtbot: QtBot, setup: Setup, qtmodeltester: ModelTester
) -> None:
    setup.add("Visit")
    tab = setup.tab(qtbot)
    qtmodeltester.check(tab.model)
    view = ChronologySearchView(setup.services)
    qtbot.addWidget(view)
    qtbot.keyClicks(view.search, "visit")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)
    qtmodeltester.check(view.model)


def test_every_control_has_an_accessible_name(qtbot: QtBot, setup: Setup) -> None:
    setup.add("Visit")
    tab = setup.tab(qtbot)
    view = ChronologySearchView(setup.services)
    qtbot.addWidget(view)
    dialog = EntryDialog(setup.services, setup.person_id, None, tab)
    qtbot.addWidget(dialog)
    for widget in (tab, view, dialog):
        controls = [
            child
            for child in widget.findChildren(QWidget)
            if child.metaObject().className() in CONTROLS
            # the line edit inside a combo box or a date field is named by its owner
            and not isinstance(child.parentWidget(), QComboBox | QAbstractSpinBox)
        ]
        assert controls
        unnamed = [
            child.metaObject().className()
            for child in controls
            if not (child.accessibleName() or getattr(child, "text", lambda: "")())
        ]
        assert not unnamed, unnamed
    assert "Ctrl+E" in tab.add_button.toolTip()
    assert "Ctrl+Enter" in dialog.ok_button.toolTip()

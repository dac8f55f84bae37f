"""The Community section driven as the community engagement officer would: a partner is added
to the directory with a contact and a note; a parents' gathering is recorded with the partner
involved, attendance counted by audience, findings, recommendations and an action plan; the
report is recorded as shared and its insight report saved through the dialog, then read back."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QCheckBox, QListWidget, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from desktop.models.accounts import Role
from desktop.models.choices import ActionStatus, ActivityKind, AudienceKind, StrategyOutcome
from desktop.services.bundle import Services
from desktop.services.community_common import ActionInput
from desktop.services.current_user import CurrentUser
from desktop.services.engagement_records import ActivityInput
from desktop.services.permissions import Section
from desktop.services.sign_in_service import SignedIn
from desktop.views.caseload.tabs.dialog_fields import OVERDUE_RED, set_date
from desktop.views.community.activity_dialogs import (
    ActivityDialog,
    AttendanceDialog,
    FindingsDialog,
    PartnersDialog,
    ShareDialog,
)
from desktop.views.community.activity_tabs import ACTION_DUE
from desktop.views.community.community_view import CommunityPlace, CommunityView
from desktop.views.community.engagement_action_dialog import (
    SOMEONE_NAMED,
    EngagementActionDialog,
)
from desktop.views.community.insight_report_dialog import INSIGHT_FILE, InsightReportDialog
from desktop.views.community.partner_dialogs import ContactDialog, PartnerDialog, PartnerNoteDialog
from desktop.views.shell.main_window import MainWindow
from tests.conftest import AddAccount, FakeClock, FastKdfPolicy
from tests.docx_reading import body_text
from tests.gui.case_tab_driver import answering, cell, click, ok, pick
from tests.gui.conftest import WindowFactory, allow_first_sign_in, sign_in

LEFT = Qt.MouseButton.LeftButton
OFFICER = "Test Community engagement officer"
MOSQUE = "Al-Noor Community Mosque"


@pytest.fixture
def officer(coordinator: tuple[SignedIn, str], add_account: AddAccount) -> CurrentUser:
    user = add_account(Role.COMMUNITY_OFFICER, "ceo")
    allow_first_sign_in(coordinator[0])
    return user


def open_community(qtbot: QtBot, window: MainWindow) -> CommunityView:
    workspace = window.workspace
    assert workspace is not None, window.unlock_view.message.text()
    navigation = workspace.navigation
    row = workspace.sections.index(Section.COMMUNITY)
    where = navigation.visualItemRect(navigation.item(row)).center()
    qtbot.mouseClick(navigation.viewport(), LEFT, pos=where)
    view = workspace.community
    assert view is not None and view.isVisible()
    return view


def choose_tab(qtbot: QtBot, tabs: QTabWidget, page: QWidget) -> None:
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(tabs.indexOf(page)).center())
    assert tabs.currentWidget() is page


def tick(qtbot: QtBot, box: QCheckBox) -> None:
    """A click on the box itself: the middle of a wide check box is empty space."""
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))


def tick_line(qtbot: QtBot, listing: QListWidget, text: str) -> None:
    """Moves to the partner's line and ticks it with Space, as from the keyboard."""
    found = listing.findItems(text, Qt.MatchFlag.MatchStartsWith)
    assert found, text
    listing.setFocus()
    listing.setCurrentItem(found[0])
    qtbot.keyClick(listing, Qt.Key.Key_Space)
    assert found[0].checkState() == Qt.CheckState.Checked


def type_lines(qtbot: QtBot, edit: QWidget, *lines: str) -> None:
    for number, line in enumerate(lines):
        if number:
            qtbot.keyClick(edit, Qt.Key.Key_Return)
        qtbot.keyClicks(edit, line)


def press(qtbot: QtBot, focus: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    focus.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is focus.window(), timeout=2000)
    focus.setFocus()
    qtbot.keyClick(focus, key, modifier)


def test_officer_records_a_partner_and_an_activity_and_saves_its_insight_report(
    qtbot: QtBot,
    window_factory: WindowFactory,
    officer: CurrentUser,
    coordinator: tuple[SignedIn, str],
    kdf: FastKdfPolicy,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    window = window_factory()
    window.resize(1280, 800)
    sign_in(qtbot, window, "ceo")
    view = open_community(qtbot, window)
    partners = view.partner_list
    assert partners is not None and partners.isVisible() and partners.table.is_empty()

    # ---- a partner, with a contact and a note -------------------------------------------
    def blank_then_fill(dialog: PartnerDialog) -> None:
        ok(qtbot, dialog)
        assert dialog.error.text() == "Give the organisation's name."
        qtbot.keyClicks(dialog.name, MOSQUE)
        pick(qtbot, dialog.kind, "Faith institution")
        qtbot.keyClicks(dialog.area, "Harrow Road")
        type_lines(qtbot, dialog.communities, "Sudanese", "Somali")
        type_lines(qtbot, dialog.languages, "Arabic", "Somali")
        ok(qtbot, dialog)

    with answering(PartnerDialog, blank_then_fill):
        press(qtbot, partners.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        # A shortcut clicks the button after its press is shown: wait for the dialog's work.
        qtbot.waitUntil(lambda: view.partner_page is not None, timeout=3000)
    partner_page = view.partner_page
    assert partner_page is not None and partner_page.isVisible()
    assert partner_page.title.text() == MOSQUE
    assert partner_page.served.text() == "Communities: Sudanese, Somali · Languages: Arabic, Somali"

    def fill_contact(dialog: ContactDialog) -> None:
        qtbot.keyClicks(dialog.name, "Imam Yusuf Hassan")
        qtbot.keyClicks(dialog.role, "Imam")
        qtbot.keyClicks(dialog.email, "not-an-address")
        ok(qtbot, dialog)
        assert "has no @" in dialog.error.text()
        dialog.email.clear()
        qtbot.keyClicks(dialog.email, "yusuf@alnoor.example")
        ok(qtbot, dialog)

    with answering(ContactDialog, fill_contact):
        click(qtbot, partner_page.add_contact_button)
    assert cell(partner_page.contacts.model, 0, 0) == "Imam Yusuf Hassan"

    def fill_note(dialog: PartnerNoteDialog) -> None:
        qtbot.keyClicks(dialog.text, "Agreed to host a parents' gathering after Friday prayers.")
        ok(qtbot, dialog)

    with answering(PartnerNoteDialog, fill_note):
        click(qtbot, partner_page.note_button)
    assert cell(partner_page.history.model, 0, 1) == "Note"
    assert cell(partner_page.history.model, 0, 3) == OFFICER

    press(qtbot, partner_page.contacts.view, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    assert view.partner_page is None and partners.isVisible()
    assert cell(partners.table.model, 0, 0) == MOSQUE
    assert partners.count.text() == "1 partner"

    # ---- an activity ---------------------------------------------------------------------
    activities = view.activity_list
    assert activities is not None
    choose_tab(qtbot, view.home_tabs, activities)

    def fill_activity(dialog: ActivityDialog) -> None:
        pick(qtbot, dialog.kind, "Parents' or carers' gathering")
        qtbot.keyClicks(dialog.title, "Parents' gathering at the mosque")
        qtbot.keyClicks(dialog.venue, "Al-Noor hall")
        type_lines(qtbot, dialog.languages, "Arabic", "English")
        type_lines(qtbot, dialog.communities, "Sudanese")
        ok(qtbot, dialog)

    with answering(ActivityDialog, fill_activity):
        click(qtbot, activities.new_button)
    page = view.activity_page
    assert page is not None and page.isVisible()
    assert page.title.text() == "Parents' gathering at the mosque"
    assert page.facts.text().startswith("Parents' or carers' gathering · 14/03/2025 · Al-Noor hall")

    def choose_mosque(dialog: PartnersDialog) -> None:
        tick_line(qtbot, dialog.partners, MOSQUE)
        ok(qtbot, dialog)

    with answering(PartnersDialog, choose_mosque):
        click(qtbot, page.details_tab.partners_button)
    assert cell(page.details_tab.partners.model, 0, 0) == MOSQUE
    tick(qtbot, page.details_tab.outcomes[StrategyOutcome.TRUST])
    assert page.view.outcomes == (StrategyOutcome.TRUST,)

    choose_tab(qtbot, page.tabs, page.attendance_tab)

    def count(dialog: AttendanceDialog) -> None:
        for audience, how_many in (
            (AudienceKind.MOTHERS, 14),
            (AudienceKind.FATHERS, 9),
            (AudienceKind.FAITH_LEADERS, 2),
        ):
            spin = dialog.spins[audience]
            spin.setFocus()
            spin.selectAll()
            qtbot.keyClicks(spin, str(how_many))
        assert dialog.total.text() == "Total: 25 people"
        ok(qtbot, dialog)

    with answering(AttendanceDialog, count):
        click(qtbot, page.attendance_tab.edit_button)
    attendance = page.attendance_tab.table.model
    assert [(cell(attendance, r, 0), cell(attendance, r, 1)) for r in range(3)] == [
        ("Mothers", "14"),
        ("Fathers", "9"),
        ("Faith leaders", "2"),
    ]
    assert page.attendance_tab.total.text() == "Attendance · 25 people"

    choose_tab(qtbot, page.tabs, page.findings_tab)

    def write_findings(dialog: FindingsDialog) -> None:
        qtbot.keyClicks(dialog.themes, "Knife crime near the school gates")
        qtbot.keyClicks(dialog.concerns, "Older boys recruiting on the estate")
        qtbot.keyClicks(dialog.findings, "Parents do not know where to report grooming")
        qtbot.keyClicks(dialog.recommendations, "Run the session again in Somali")
        ok(qtbot, dialog)

    with answering(FindingsDialog, write_findings):
        click(qtbot, page.findings_tab.edit_button)
    assert page.findings_tab.parts["findings"].text() == (
        "Parents do not know where to report grooming"
    )

    choose_tab(qtbot, page.tabs, page.actions_tab)

    def own_action(dialog: EngagementActionDialog) -> None:
        assert dialog.owner.currentText() == OFFICER  # the user owns a new action
        qtbot.keyClicks(dialog.description, "Translate the reporting leaflet into Arabic")
        set_date(dialog.due_on, clock.now().date() + timedelta(days=14))
        tick(qtbot, dialog.outcomes[StrategyOutcome.SERVICES])
        ok(qtbot, dialog)

    def partner_action(dialog: EngagementActionDialog) -> None:
        qtbot.keyClicks(dialog.description, "Book the hall for a Somali session")
        pick(qtbot, dialog.owner, SOMEONE_NAMED)
        ok(qtbot, dialog)
        assert dialog.error.text() == (
            "Type the name of who will do it, or choose a member of staff."
        )
        qtbot.keyClicks(dialog.owner_name, "Imam Yusuf Hassan (Al-Noor)")
        set_date(dialog.due_on, clock.now().date() + timedelta(days=3))
        ok(qtbot, dialog)

    with answering(EngagementActionDialog, own_action):
        click(qtbot, page.actions_tab.add_button)
    with answering(EngagementActionDialog, partner_action):
        click(qtbot, page.actions_tab.add_button)
    actions = page.actions_tab.table.model
    assert actions.rowCount() == 2
    assert cell(actions, 0, 1) == OFFICER and cell(actions, 1, 1) == "Imam Yusuf Hassan (Al-Noor)"
    assert cell(actions, 0, 4) == "Enhanced services and outcomes"
    assert page.actions_tab.count.text() == "Action plan · 2 open"

    choose_tab(qtbot, page.tabs, page.shares_tab)

    def share(dialog: ShareDialog) -> None:
        ok(qtbot, dialog)
        assert dialog.error.text() == "Tick the partners it was shared with."
        tick_line(qtbot, dialog.partners, MOSQUE)
        ok(qtbot, dialog)

    with answering(ShareDialog, share):
        click(qtbot, page.shares_tab.record_button)
    assert cell(page.shares_tab.table.model, 0, 0) == MOSQUE
    assert cell(page.shares_tab.table.model, 0, 1) == "14/03/2025"

    # ---- the insight report --------------------------------------------------------------
    offered: list[str] = []

    def save_report(dialog: InsightReportDialog) -> None:
        def chooser(_parent: QWidget, default: str) -> Path:
            offered.append(default)
            return tmp_path / "insight"

        dialog.choose_path = chooser
        click(qtbot, dialog.save_button)
        qtbot.waitUntil(lambda: dialog.saved_to is not None, timeout=10_000)
        assert dialog.message.text() == "Saved as insight.docx."
        dialog.reject()

    with answering(InsightReportDialog, save_report):
        click(qtbot, page.report_button)
    assert offered[0].endswith(INSIGHT_FILE)
    text = body_text(tmp_path / "insight.docx")
    for expected in (
        "Parents' gathering at the mosque",
        "Mothers",
        "14",
        "Fathers",
        "9",
        "Faith leaders",
        "25",
        "Parents do not know where to report grooming",
        "Run the session again in Somali",
        "Translate the reporting leaflet into Arabic",
        "Book the hall for a Somali session",
        "Imam Yusuf Hassan (Al-Noor)",
        MOSQUE,
    ):
        assert expected in text.splitlines() or expected in text, expected

    # Marking the partner's action done; back on the list, one action is still open.
    page.actions_tab.table.select_index(1)
    click(qtbot, page.actions_tab.done_button)
    assert cell(actions, 1, 3) == "Done 14/03/2025"
    click(qtbot, page.back_button)
    assert view.activity_page is None and activities.isVisible()
    assert cell(activities.table.model, 0, 5) == "25" and cell(activities.table.model, 0, 7) == "1"
    assert activities.count.text() == "1 activity · 25 people came · 1 open actions"

    # The partner's history shows the activity and the share; Enter on the activity opens it.
    choose_tab(qtbot, view.home_tabs, partners)
    partners.table.select_index(0)
    press(qtbot, partners.table.view, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    partner_page = view.partner_page
    assert partner_page is not None
    history = partner_page.history.model
    whats = sorted(cell(history, r, 1) for r in range(history.rowCount()))
    assert whats == ["Activity", "Note", "Report shared"]
    activity_row = next(r for r in range(history.rowCount()) if cell(history, r, 1) == "Activity")
    partner_page.history.select_index(activity_row)
    press(qtbot, partner_page.history.view, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    over = view.activity_page
    assert over is not None and over.isVisible()
    click(qtbot, over.back_button)  # back to the partner it was opened from
    assert view.partner_page is partner_page and partner_page.isVisible()

    stored = Services.for_session(coordinator[0], kdf, clock).engagement.actions(open_only=False)
    assert sorted(a.status for a in stored) == sorted([ActionStatus.TO_DO, ActionStatus.DONE])


def test_an_overdue_action_is_red_and_findings_for_an_activity_to_come_are_refused(
    qtbot: QtBot,
    window_factory: WindowFactory,
    coordinator: tuple[SignedIn, str],
    kdf: FastKdfPolicy,
    clock: FakeClock,
) -> None:
    engagement = Services.for_session(coordinator[0], kdf, clock).engagement
    today = clock.now().date()
    held = engagement.create_activity(
        ActivityInput(ActivityKind.WORKSHOP, "Online workshop in Arabic", today, "Zoom", True)
    )
    engagement.add_action(
        held,
        ActionInput("Send the slides", "Amal (Arabic school)", due_on=today + timedelta(days=1)),
    )
    coming = engagement.create_activity(
        ActivityInput(ActivityKind.COURSE, "Fathers' course", today + timedelta(days=7))
    )
    clock.advance(3 * 86400)
    window = window_factory()
    window.resize(1280, 800)
    sign_in(qtbot, window, "coord")
    view = open_community(qtbot, window)
    activities = view.activity_list
    assert activities is not None
    choose_tab(qtbot, view.home_tabs, activities)
    assert cell(activities.table.model, 1, 3) == "Online · Zoom"

    page = view.open_activity(held)
    choose_tab(qtbot, page.tabs, page.actions_tab)
    model = page.actions_tab.table.model
    assert cell(model, 0, ACTION_DUE) == "15/03/2025 · 2 days late"
    red = model.data(model.index(0, ACTION_DUE), Qt.ItemDataRole.ForegroundRole)
    assert red == QColor(OVERDUE_RED)

    page = view.open_activity(coming)
    choose_tab(qtbot, page.tabs, page.findings_tab)

    def too_soon(dialog: FindingsDialog) -> None:
        qtbot.keyClicks(dialog.findings, "Fathers want more sessions")
        ok(qtbot, dialog)
        # The service's refusal is said in the dialog, the typing kept.
        assert dialog.error.text() == "An activity still to come cannot have findings yet."
        assert dialog.findings.toPlainText() == "Fathers want more sessions"
        dialog.reject()

    with answering(FindingsDialog, too_soon):
        click(qtbot, page.findings_tab.edit_button)
    assert page.findings_tab.parts["findings"].text() == "Not recorded yet."

    # Locked and unlocked: the same activity, on the same tab.
    press(qtbot, page.tabs, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.services is None, timeout=3000)
    sign_in(qtbot, window, "coord")
    assert window.workspace is not None
    assert window.workspace.current_section() is Section.COMMUNITY
    restored = window.workspace.community
    assert restored is not None and restored.activity_page is not None
    assert restored.activity_page.activity_id == coming
    assert restored.activity_page.tabs.currentWidget() is restored.activity_page.findings_tab
    assert restored.place() == CommunityPlace(1, None, coming, 2)


def test_a_role_without_community_does_not_see_the_section(
    qtbot: QtBot,
    window_factory: WindowFactory,
    coordinator: tuple[SignedIn, str],
    add_account: AddAccount,
) -> None:
    add_account(Role.FAMILY_THERAPIST, "ft")
    allow_first_sign_in(coordinator[0])
    window = window_factory()
    sign_in(qtbot, window, "ft")
    workspace = window.workspace
    assert workspace is not None, window.unlock_view.message.text()
    navigation = workspace.navigation
    shown = [navigation.item(row).text() for row in range(navigation.count())]
    assert "Community" not in shown
    assert workspace.community is None
    assert not window.findChildren(CommunityView)

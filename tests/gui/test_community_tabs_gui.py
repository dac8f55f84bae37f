"""The Community section's training, ride-out, critical incident and strategy tabs, driven as a
person would: a critical incident stays off every screen of a role the coordinator has not
allowed, until the coordinator ticks that role; a ride-out seeing two young people adds an entry
to each chronology; the strategy tracker's counts and its Word progress report; a training
session's ratings in the list and in the chart's words."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QGroupBox,
    QLabel,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.app import create_application
from desktop.models.accounts import Role
from desktop.models.choices import (
    ActionStatus,
    ActivityKind,
    AudienceKind,
    EntryType,
    IncidentKind,
    StrategyOutcome,
)
from desktop.services.bundle import Services
from desktop.services.community_common import ActionInput
from desktop.services.engagement_records import ActivityInput
from desktop.services.incident_records import IncidentInput
from desktop.services.people_service import PersonDetails
from desktop.services.sign_in_service import SignedIn
from desktop.views.caseload.tabs.dialog_fields import date_of, set_date
from desktop.views.community.community_parts import plural
from desktop.views.community.community_tab_parts import CheckList
from desktop.views.community.incident_dialogs import (
    FollowUpDialog,
    IncidentDialog,
    IncidentRolesDialog,
    SupportDialog,
)
from desktop.views.community.incidents_tab import IncidentsTab
from desktop.views.community.ride_outs_tab import RideOutDialog, RideOutsTab
from desktop.views.community.strategy_report_dialog import ProgressReportDialog
from desktop.views.community.strategy_tab import StrategyTab
from desktop.views.community.training_dialog import TrainingDialog
from desktop.views.community.training_tab import TrainingTab
from tests.conftest import AddAccount, FakeClock, FastKdfPolicy
from tests.docx_reading import body_text
from tests.gui.case_tab_driver import Unit, answering, cell, click, ok, pick, show
from tests.gui.screen_text import screen_text

TENSION = "Rumours of a revenge attack near Brent Park"


@pytest.fixture
def unit(
    coordinator: tuple[SignedIn, str], kdf: FastKdfPolicy, clock: FakeClock, add_account: AddAccount
) -> Unit:
    create_application([])  # the app's style sheet, as people see it
    return Unit(coordinator[0], kdf, clock, add_account)


def tick(qtbot: QtBot, checklist: CheckList | None, text: str) -> None:
    """Clicks the tick box of the item that starts with the text, as a person would."""
    assert checklist is not None
    for item in checklist.items():
        if item.text().startswith(text):
            checklist.list.scrollToItem(item)
            rect = checklist.list.visualItemRect(item)
            box = QPoint(rect.left() + 10, rect.center().y())
            qtbot.mouseClick(checklist.list.viewport(), Qt.MouseButton.LeftButton, pos=box)
            assert item.checkState() == Qt.CheckState.Checked, text
            return
    raise AssertionError(f"no {text!r} to tick")


@contextmanager
def answering_document(kind: type[QDialog], steps: Callable[[QDialog], None]) -> Iterator[None]:
    """As answering(), for a document dialog (it has no OK button nor error line)."""
    failures: list[BaseException] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, run)
            return
        try:
            steps(dialog)
        except BaseException as error:
            failures.append(error)
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, run)
    yield
    if failures:
        raise failures[0]


def click_box(qtbot: QtBot, box: QCheckBox) -> None:
    """A click on the box itself: the middle of a wide check box is empty space."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()


def section_for(qtbot: QtBot, services: Services) -> QTabWidget:
    """The tabs as the Community section offers them: Critical incidents only when allowed."""
    tabs = QTabWidget()
    tabs.addTab(TrainingTab(services), "Training")
    tabs.addTab(RideOutsTab(services), "Ride-outs")
    tabs.addTab(StrategyTab(services), "Strategy")
    if IncidentsTab.available(services):
        tabs.addTab(IncidentsTab(services), "Critical incidents")
    return show(qtbot, tabs)


def test_a_critical_incident_is_hidden_from_a_role_until_the_coordinator_allows_it(
    qtbot: QtBot, unit: Unit
) -> None:
    worker = unit.add_account(Role.GANGS_WORKER, "gw")
    unit.person(worker)
    coordinator = unit.services()
    tab = show(qtbot, IncidentsTab(coordinator))
    assert IncidentsTab.available(coordinator)
    assert tab.roles_button.isVisible()

    def fill(dialog: IncidentDialog) -> None:
        qtbot.keyClicks(dialog.area, "Brent Park estate")
        qtbot.keyClicks(dialog.tension, TENSION)
        qtbot.keyClicks(dialog.families, "The victim's family, via the school")
        tick(qtbot, dialog.people, "Karwan Ahmadi")
        ok(qtbot, dialog)

    with answering(IncidentDialog, fill):
        click(qtbot, tab.new_button)
    assert tab.table.model.rowCount() == 1
    assert TENSION in tab.account.text()
    assert [p.name for p in tab.people.model.rows()] == ["Karwan Ahmadi"]

    # The gangs worker is not offered the tab, and nothing of the incident is on their screen.
    worker_services = unit.services(worker)
    assert not IncidentsTab.available(worker_services)
    screen = section_for(qtbot, worker_services)
    assert screen.count() == 3
    text = screen_text(screen)
    assert TENSION not in text and "Brent Park" not in text and "incident" not in text.lower()
    # Even a tab built by mistake shows one sentence and nothing of the incident.
    stray = show(qtbot, IncidentsTab(worker_services))
    assert TENSION not in screen_text(stray) and "Brent Park" not in screen_text(stray)

    def allow(dialog: IncidentRolesDialog) -> None:
        assert dialog.boxes[Role.COORDINATOR].isChecked()
        assert not dialog.boxes[Role.COORDINATOR].isEnabled()
        click_box(qtbot, dialog.boxes[Role.GANGS_WORKER])
        ok(qtbot, dialog)

    with answering(IncidentRolesDialog, allow):
        click(qtbot, tab.roles_button)
    assert "Gangs worker" in tab.seen_by.text()

    allowed = unit.services(worker)
    assert IncidentsTab.available(allowed)
    screen = section_for(qtbot, allowed)
    assert screen.count() == 4
    worker_tab = screen.widget(3)
    assert isinstance(worker_tab, IncidentsTab)
    screen.setCurrentIndex(3)
    assert not worker_tab.roles_button.isVisible()
    assert TENSION in screen_text(screen)


def test_a_ride_out_seeing_two_young_people_adds_an_entry_to_each_chronology(
    qtbot: QtBot, unit: Unit
) -> None:
    worker = unit.add_account(Role.GANGS_WORKER, "gw")
    first = unit.person(worker)
    people = unit.services().people
    details = PersonDetails("Amira", "Hassan")
    details.allocated_ids = [worker.account_id]
    second = people.create(details)
    services = unit.services(worker)
    tab = show(qtbot, RideOutsTab(services))
    assert tab.table.is_empty()

    def fill(dialog: RideOutDialog) -> None:
        assert dialog.staff.chosen() == [worker.account_id]  # the signed-in user, ticked
        qtbot.keyClicks(dialog.area, "Church Road and the rec")
        qtbot.keyClicks(dialog.concerns, "Older males hanging around the chicken shop")
        tick(qtbot, dialog.people, "Karwan Ahmadi")
        tick(qtbot, dialog.people, "Amira Hassan")
        ok(qtbot, dialog)

    with answering(RideOutDialog, fill):
        click(qtbot, tab.record_button)
    assert tab.table.model.rowCount() == 1
    row = tab.table.model.rows()[0]
    assert row.people_seen == 2 and row.has_concerns
    assert "chronology of 2 young people" in tab.notice.text()
    assert "Karwan Ahmadi" in tab.notice.text() and "Amira Hassan" in tab.notice.text()
    assert "Older males" in tab.detail.text()
    for person_id in (first.id, second):
        entries = services.chronology.entries(person_id, 0, 10)
        assert [e.entry_type for e in entries] == [EntryType.RIDE_OUT]
        assert "Church Road" in entries[0].summary


def seed_strategy(services: Services, today: date) -> dict[StrategyOutcome, tuple[int, int, int]]:
    """Activities and actions linked to outcomes, some outside the period; returns what the
    tracker should count per outcome: (activities in the period, open actions, done actions)."""
    engagement = services.engagement
    in_period = [
        ("Kurdish women's lunch", date(2025, 2, 3), [StrategyOutcome.PARTICIPATION]),
        (
            "Parents' gathering at the library",
            date(2025, 1, 20),
            [StrategyOutcome.PARTICIPATION, StrategyOutcome.TRUST],
        ),
        ("Fathers' parenting course", date(2025, 3, 1), [StrategyOutcome.RESILIENCE]),
    ]
    activity_ids = []
    for title, held_on, outcomes in in_period:
        activity_id = engagement.create_activity(
            ActivityInput(ActivityKind.COMMUNITY_EVENT, title, held_on)
        )
        engagement.set_outcomes(activity_id, outcomes)
        activity_ids.append(activity_id)
    old = engagement.create_activity(
        ActivityInput(ActivityKind.WORKSHOP, "Last year's workshop", date(2024, 6, 1))
    )
    engagement.set_outcomes(old, [StrategyOutcome.PARTICIPATION])
    later = today + timedelta(days=20)
    open_trust = engagement.add_action(
        activity_ids[1],
        ActionInput("Share the findings", "Library manager", None, later),
        [StrategyOutcome.TRUST],
    )
    engagement.add_action(
        None, ActionInput("Map faith groups", "Imam Yusuf"), [StrategyOutcome.TRUST]
    )
    done = engagement.add_action(
        activity_ids[0],
        ActionInput("Book a second lunch", "Hana"),
        [StrategyOutcome.PARTICIPATION, StrategyOutcome.RESILIENCE],
    )
    engagement.set_action_status(done, ActionStatus.DONE)
    assert open_trust
    return {
        StrategyOutcome.PARTICIPATION: (2, 0, 1),
        StrategyOutcome.TRUST: (1, 2, 0),
        StrategyOutcome.SERVICES: (0, 0, 0),
        StrategyOutcome.RESILIENCE: (1, 0, 1),
    }


def test_the_strategy_tracker_counts_per_outcome_and_saves_the_progress_report(
    qtbot: QtBot, unit: Unit, tmp_path: Path
) -> None:
    services = unit.services()
    expected = seed_strategy(services, unit.today)
    tab = show(qtbot, StrategyTab(services))
    assert tab.preset.currentText() == "This year"
    assert tab.period() == (date(2025, 1, 1), unit.today)
    for outcome, (activities, open_count, done_count) in expected.items():
        card = tab.cards[outcome]
        shown = card.counts.text()
        assert f"{plural(activities, 'activity', 'activities')} ·" in shown, shown
        assert f"{plural(open_count, 'open action')}" in shown, shown
        assert f"{done_count} done in the period" in shown, shown
        total = open_count + done_count
        assert card.bar.value() == done_count
        assert card.bar_text.text() == (
            f"{done_count} of {total} actions done" if total else "No actions"
        )
        progress = services.strategy.progress(*tab.period()).for_outcome(outcome)
        assert (progress.activity_count, progress.open_count, progress.done_count) == (
            activities,
            open_count,
            done_count,
        )
    pick(qtbot, tab.outcome, StrategyOutcome.TRUST.label)
    assert [r.title for r in tab.activities.model.rows()] == ["Parents' gathering at the library"]
    assert tab.outcome_actions.model.rowCount() == 2

    target = tmp_path / "progress.docx"

    def fill(dialog: ProgressReportDialog) -> None:
        dialog.choose_path = lambda _parent, _name: target
        click(qtbot, dialog.save_button)
        qtbot.waitUntil(lambda: dialog.saved_to is not None, timeout=10000)
        assert dialog.message.text() == "Saved as progress.docx."
        dialog.reject()

    with answering_document(ProgressReportDialog, fill):
        click(qtbot, tab.report_button)
    text = body_text(target)
    for outcome in StrategyOutcome:
        assert outcome.label in text
    assert "Kurdish women's lunch" in text and "Last year's workshop" not in text
    assert "Share the findings" in text


def test_a_training_session_with_ratings_shows_in_the_list_and_the_chart_in_words(
    qtbot: QtBot, unit: Unit
) -> None:
    services = unit.services()
    tab = show(qtbot, TrainingTab(services))
    assert tab.table.is_empty()
    assert "no confidence ratings recorded" in tab.summary.text()

    def fill(dialog: TrainingDialog) -> None:
        qtbot.keyClicks(dialog.title, "Gangs and exploitation awareness")
        for box, value in (
            (dialog.audience[AudienceKind.FRONTLINE], 12),
            (dialog.audience[AudienceKind.TEACHERS], 6),
            (dialog.before[1], 4),
            (dialog.before[2], 10),
            (dialog.before[3], 4),
            (dialog.after[4], 12),
            (dialog.after[5], 6),
        ):
            box.selectAll()
            qtbot.keyClicks(box, str(value))
        click_box(qtbot, dialog.outcomes[StrategyOutcome.SERVICES])
        ok(qtbot, dialog)

    with answering(TrainingDialog, fill):
        click(qtbot, tab.add_button)
    assert tab.table.model.rowCount() == 1
    row = tab.table.model.rows()[0]
    assert row.title == "Gangs and exploitation awareness" and row.attended == 18
    assert cell(tab.table.model, 0, 2) == "Frontline professionals, Teachers and school staff"
    assert cell(tab.table.model, 0, 4) == "18 / 18"
    assert cell(tab.table.model, 0, 5) == "2.0 → 4.3 (+2.3)"
    summary = tab.summary.text()
    assert "Before: 18 responses, mean 2.0" in summary
    assert "After: 18 responses, mean 4.3" in summary
    assert "Change in mean confidence: +2.3." in summary
    assert tab.chart.accessibleDescription() == summary
    view = services.engagement.activity(row.activity_id)
    assert view.outcomes == (StrategyOutcome.SERVICES,)
    assert view.ratings.before == (4, 10, 4, 0, 0) and view.ratings.after == (0, 0, 0, 12, 6)


def mnemonics(root: QWidget) -> list[str]:
    """The Alt letters of everything a person can see on the screen (buttons, labels and tabs)."""
    letters = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root):
            continue
        texts: list[str] = []
        if isinstance(widget, QAbstractButton | QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        for text in texts:
            where = text.replace("&&", "").find("&")
            if where >= 0 and where + 1 < len(text):
                letters.append(text.replace("&&", "")[where + 1].lower())
    return letters


def assert_unique(root: QWidget) -> None:
    letters = mnemonics(root)
    assert len(letters) == len(set(letters)), sorted(letters)


def test_support_and_follow_up_actions_after_an_incident(qtbot: QtBot, unit: Unit) -> None:
    worker = unit.add_account(Role.GANGS_WORKER, "gw")
    services = unit.services()
    incident_id = services.incidents.create_incident(
        IncidentInput(unit.today, "Harrow Road", IncidentKind.STABBING)
    )
    tab = show(qtbot, IncidentsTab(services))
    assert tab.view is not None and tab.view.id == incident_id
    assert_unique(tab)
    tab.parts.setCurrentIndex(2)

    def support(dialog: SupportDialog) -> None:
        assert_unique(dialog)
        pick(qtbot, dialog.kind, "Call")
        qtbot.keyClicks(dialog.offered_to, "The victim's family")
        pick(qtbot, dialog.staff, worker.display_name)
        assert date_of(dialog.given_on) is None  # not given yet, until it is
        ok(qtbot, dialog)

    with answering(SupportDialog, support):
        click(qtbot, tab.add_support_button)
    rows = tab.support.model.rows()
    assert [(r.kind.label, r.offered_to, r.staff_name) for r in rows] == [
        ("Call", "The victim's family", worker.display_name)
    ]
    assert cell(tab.support.model, 0, 3) == "Not yet"
    tab.support.select_index(0)
    assert tab.given_button.isEnabled()
    click(qtbot, tab.given_button)
    assert tab.support.model.rows()[0].given_on == unit.today
    assert tab.table.model.rows()[0].support_given == 1

    tab.parts.setCurrentIndex(3)

    def empty_action(dialog: FollowUpDialog) -> None:
        ok(qtbot, dialog)  # nothing typed: said in place, the dialog stays open
        assert dialog.isVisible() and "Say what needs doing." in dialog.error.text()
        qtbot.keyClicks(dialog.description, "Community meeting at the mosque")
        qtbot.keyClicks(dialog.owner_name, "Imam Yusuf")
        set_date(dialog.due_on, unit.today + timedelta(days=7))
        ok(qtbot, dialog)

    with answering(FollowUpDialog, empty_action):
        click(qtbot, tab.add_action_button)
    assert tab.follow_up.model.rowCount() == 1
    assert tab.table.model.rows()[0].open_actions == 1
    tab.follow_up.select_index(0)
    click(qtbot, tab.done_button)
    assert cell(tab.follow_up.model, 0, 3) == f"Done {unit.today:%d/%m/%Y}"
    assert tab.table.model.rows()[0].open_actions == 0


def test_a_ride_out_without_an_area_is_refused_in_place(qtbot: QtBot, unit: Unit) -> None:
    tab = show(qtbot, RideOutsTab(unit.services()))
    assert_unique(tab)

    def fill(dialog: RideOutDialog) -> None:
        assert_unique(dialog)
        ok(qtbot, dialog)
        assert dialog.isVisible()
        assert "Say which area the ride-out covered." in dialog.error.text()
        dialog.reject()

    with answering(RideOutDialog, fill):
        click(qtbot, tab.record_button)
    assert tab.table.is_empty()


def test_strategy_and_training_screens_have_unique_shortcuts(qtbot: QtBot, unit: Unit) -> None:
    services = unit.services()
    assert_unique(show(qtbot, StrategyTab(services)))
    training = show(qtbot, TrainingTab(services))
    assert_unique(training)

    def look(dialog: TrainingDialog) -> None:
        assert_unique(dialog)
        ok(qtbot, dialog)
        assert "Give the activity a title." in dialog.error.text()
        dialog.reject()

    with answering(TrainingDialog, look):
        click(qtbot, training.add_button)

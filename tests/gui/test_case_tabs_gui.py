"""The record's Referrals, Status and risk, Interventions and Tasks tabs, and the My work home
screen, driven through their real buttons and dialogs over a real vault."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from desktop.app import create_application
from desktop.models.accounts import Role
from desktop.models.choices import (
    CaseStatus,
    ClosureOutcome,
    ClosureReason,
    InterventionType,
    Rag,
    ReferralDecision,
)
from desktop.services.intervention_service import InterventionInput
from desktop.services.sign_in_service import SignedIn
from desktop.services.status_service import allowed_next
from desktop.views.caseload.record_tab import RecordTab
from desktop.views.caseload.tabs.flag_dialog import AddFlagDialog, EndFlagDialog
from desktop.views.caseload.tabs.intervention_dialog import InterventionDialog
from desktop.views.caseload.tabs.interventions_tab import InterventionsTab
from desktop.views.caseload.tabs.rag_dialog import RagDialog
from desktop.views.caseload.tabs.referral_dialog import DecideReferralDialog, RecordReferralDialog
from desktop.views.caseload.tabs.referrals_tab import ReferralsTab
from desktop.views.caseload.tabs.status_dialog import StatusDialog
from desktop.views.caseload.tabs.status_risk_tab import StatusRiskTab
from desktop.views.caseload.tabs.task_dialog import TaskDialog
from desktop.views.caseload.tabs.tasks_tab import TasksTab
from desktop.views.home.my_work_view import MyWorkView
from tests.conftest import AddAccount, FakeClock, FastKdfPolicy
from tests.gui.case_tab_driver import DAY, Unit, answering, cell, click, ok, pick, show


@pytest.fixture
def unit(
    coordinator: tuple[SignedIn, str], kdf: FastKdfPolicy, clock: FakeClock, add_account: AddAccount
) -> Unit:
    create_application([])  # the app's style sheet, as people see it
    return Unit(coordinator[0], kdf, clock, add_account)


def test_record_a_referral_and_decide_on_it(qtbot: QtBot, unit: Unit) -> None:
    worker = unit.add_account(Role.GANGS_WORKER, "worker")
    record = unit.person()
    tab = show(qtbot, ReferralsTab(unit.services(), record))
    assert tab.table.empty.isVisibleTo(tab)  # "No referrals recorded yet."

    def fill(dialog: RecordReferralDialog) -> None:
        assert not dialog.consent_given_by.isEnabled()  # only once consent is ticked
        pick(qtbot, dialog.source, "School")
        qtbot.keyClicks(dialog.referrer, "Ms Rahman, head of year")
        qtbot.keyClicks(dialog.reason, "Seen with older boys at the estate after school.")
        click(qtbot, dialog.consent_to_engage)
        assert dialog.consent_given_by.isEnabled()
        ok(qtbot, dialog)  # consent needs who gave it
        assert dialog.isVisible() and "Say who gave consent." in dialog.error.text()
        qtbot.keyClicks(dialog.consent_given_by, "Mother")
        ok(qtbot, dialog)

    with answering(RecordReferralDialog, fill):
        click(qtbot, tab.record_button)

    assert tab.table.model.rowCount() == 1
    assert cell(tab.table.model, 0, 1) == "School"
    assert cell(tab.table.model, 0, 4) == "Awaiting decision"
    saved = unit.services().referrals.referrals(record.id)[0]
    assert saved.consent_to_engage and saved.consent_given_by == "Mother"
    assert saved.consent_given_on == unit.today

    def decide(dialog: DecideReferralDialog) -> None:
        assert not dialog.allocated_to.isEnabled()  # only an accepted referral is allocated
        click(qtbot, dialog.decision_buttons[ReferralDecision.ACCEPTED])
        pick(qtbot, dialog.allocated_to, "Test Gangs")
        ok(qtbot, dialog)

    tab.table.select_index(0)
    with qtbot.waitSignal(tab.record_changed), answering(DecideReferralDialog, decide):
        click(qtbot, tab.decide_button)

    assert cell(tab.table.model, 0, 4) == f"Accepted {unit.today:%d/%m/%Y} · Test Gangs worker"
    reopened = unit.services().people.open_record(record.id)
    assert reopened.details.key_worker_id == worker.account_id


def test_roles_that_do_not_manage_cases_see_no_referral_or_status_buttons(
    qtbot: QtBot, unit: Unit
) -> None:
    therapist = unit.add_account(Role.FAMILY_THERAPIST, "therapist")
    record = unit.person(therapist)
    referrals = show(qtbot, ReferralsTab(unit.services(therapist), record))
    status = show(qtbot, StatusRiskTab(unit.services(therapist), record))
    assert not referrals.record_button.isVisibleTo(referrals)
    assert not referrals.decide_button.isVisibleTo(referrals)
    assert not status.status.change_button.isVisibleTo(status)
    assert status.rag.change_button.isVisibleTo(status)  # anyone on the case may rate risk


def test_status_dialog_offers_only_the_legal_next_statuses(qtbot: QtBot, unit: Unit) -> None:
    tab = show(qtbot, StatusRiskTab(unit.services(), unit.person()))
    assert tab.status.status_label.text() == "Referred"

    def to_assessment(dialog: StatusDialog) -> None:
        assert tuple(dialog.options) == allowed_next(CaseStatus.REFERRED)
        assert not dialog.outcome.isVisible()
        click(qtbot, dialog.options[CaseStatus.ASSESSMENT])
        qtbot.keyClicks(dialog.reason, "Accepted at the allocation meeting.")
        ok(qtbot, dialog)

    with qtbot.waitSignal(tab.record_changed), answering(StatusDialog, to_assessment):
        click(qtbot, tab.status.change_button)
    assert tab.status.status_label.text() == "Assessment"
    assert cell(tab.status.history.model, 0, 1) == "Referred → Assessment"

    def close(dialog: StatusDialog) -> None:
        assert tuple(dialog.options) == allowed_next(CaseStatus.ASSESSMENT)
        assert CaseStatus.MONITORING not in dialog.options  # not a legal move from here
        click(qtbot, dialog.options[CaseStatus.CLOSED])
        assert dialog.outcome.isVisible()
        qtbot.keyClicks(dialog.reason, "Moved out of the borough.")
        ok(qtbot, dialog)  # the workflow wants an outcome too: the service says so
        assert dialog.isVisible() and "outcome" in dialog.error.text()
        qtbot.keyClicks(dialog.outcome, "Handed over to the new area's team.")
        ok(qtbot, dialog)  # and the kinds of reason and outcome, for the analyst's counts
        assert dialog.isVisible() and "kind of reason" in dialog.error.text()
        dialog.reason_kind.setCurrentIndex(dialog.reason_kind.findData(ClosureReason.MOVED_AWAY))
        dialog.outcome_kind.setCurrentIndex(dialog.outcome_kind.findData(ClosureOutcome.NO_CHANGE))
        ok(qtbot, dialog)

    with answering(StatusDialog, close):
        click(qtbot, tab.status.change_button)
    assert tab.status.status_label.text() == "Closed"
    assert cell(tab.status.history.model, 0, 3).startswith("Moved out of the area · No change")

    def reopen_only(dialog: StatusDialog) -> None:
        assert tuple(dialog.options) == (CaseStatus.REFERRED,)
        dialog.reject()

    with answering(StatusDialog, reopen_only):
        click(qtbot, tab.status.change_button)


def test_changing_rag_needs_a_rationale(qtbot: QtBot, unit: Unit) -> None:
    tab = show(qtbot, StatusRiskTab(unit.services(), unit.person()))
    assert tab.rag.badge.text() == "Not rated"

    def rate(dialog: RagDialog) -> None:
        click(qtbot, dialog.options[Rag.RED])
        assert dialog.review_day() == unit.today + timedelta(weeks=4)
        ok(qtbot, dialog)  # no rationale
        assert dialog.isVisible()
        assert dialog.error.text() == "Explain why the young person is rated red."
        assert unit.services().risk.rag_history(tab.record.id) == []  # nothing saved
        qtbot.keyClicks(dialog.rationale, "Arrested in Kent with class A drugs.")
        ok(qtbot, dialog)

    with qtbot.waitSignal(tab.record_changed), answering(RagDialog, rate):
        click(qtbot, tab.rag.change_button)

    history = unit.services().risk.rag_history(tab.record.id)
    assert [(row.rating, row.rationale) for row in history] == [
        (Rag.RED, "Arrested in Kent with class A drugs.")
    ]
    assert tab.rag.badge.text() == "Red — high risk"  # the word, not only the colour
    assert "Arrested in Kent" in tab.rag.rationale.text()
    assert cell(tab.rag.history.model, 0, 1) == "Red"


def test_add_a_flag_with_its_detail_then_end_it(qtbot: QtBot, unit: Unit) -> None:
    tab = show(qtbot, StatusRiskTab(unit.services(), unit.person()))
    flags = tab.flags
    assert flags.table.empty.text() == "No active flags."

    def add(dialog: AddFlagDialog) -> None:
        assert not dialog.prompt.isVisible()
        pick(qtbot, dialog.kind, "Gang")
        assert dialog.prompt.isVisible() and "Which group?" in dialog.prompt.text()
        qtbot.keyClicks(dialog.source, "Community intelligence")
        ok(qtbot, dialog)
        assert dialog.isVisible() and "Which group?" in dialog.error.text()
        qtbot.keyClicks(dialog.detail, "Northside crew")
        ok(qtbot, dialog)

    with answering(AddFlagDialog, add):
        click(qtbot, flags.add_button)
    assert [cell(flags.table.model, 0, c) for c in (0, 3, 4)] == [
        "Gang association",
        "Community intelligence",
        "Northside crew",
    ]

    flags.table.select_index(0)
    with answering(EndFlagDialog, lambda dialog: ok(qtbot, dialog)):
        click(qtbot, flags.end_button)
    unit.clock.advance(DAY)  # the end date is the last flagged day
    flags.reload()
    assert flags.table.empty.isVisibleTo(tab)
    click(qtbot, flags.show_ended)
    assert cell(flags.table.model, 0, 2) == f"Ended {unit.today - timedelta(days=1):%d/%m/%Y}"


def test_enforcement_shows_the_support_offered_before_it(qtbot: QtBot, unit: Unit) -> None:
    officer = unit.add_account(Role.ENFORCEMENT_OFFICER, "officer")
    record = unit.person(officer)
    tab = show(qtbot, InterventionsTab(unit.services(), record))

    def support(dialog: InterventionDialog) -> None:
        pick(qtbot, dialog.kind, "One-to-one")
        assert dialog.chosen_kind() is InterventionType.MENTORING
        assert not dialog.enforcement.isVisible()
        qtbot.keyClicks(dialog.description, "Weekly sessions at the youth centre.")
        ok(qtbot, dialog)

    with answering(InterventionDialog, support):
        click(qtbot, tab.add_button)
    assert cell(tab.table.model, 0, 0) == "One-to-one mentoring"

    unit.clock.advance(7 * DAY)
    officers_tab = show(qtbot, InterventionsTab(unit.services(officer), record))

    def enforce(dialog: InterventionDialog) -> None:
        pick(qtbot, dialog.kind, "Warning")
        assert dialog.chosen_kind() is InterventionType.WARNING_LETTER
        assert dialog.enforcement.isVisible()
        assert cell(dialog.support.model, 0, 0) == "One-to-one mentoring"
        assert not dialog.no_support.isVisible()  # support was offered
        ok(qtbot, dialog)
        assert dialog.isVisible() and "last resort" in dialog.error.text()
        qtbot.keyClicks(dialog.rationale, "Still running drugs despite mentoring.")
        ok(qtbot, dialog)

    with answering(InterventionDialog, enforce):
        click(qtbot, officers_tab.add_button)
    assert cell(officers_tab.table.model, 0, 0) == "Enforcement: Warning letter"
    rows = unit.services().interventions.interventions(record.id)
    assert rows[0].is_enforcement and rows[0].rationale == "Still running drugs despite mentoring."


def test_enforcement_without_support_asks_why_and_workers_are_not_offered_it(
    qtbot: QtBot, unit: Unit
) -> None:
    worker = unit.add_account(Role.GANGS_WORKER, "worker")
    record = unit.person()
    workers_tab = show(qtbot, InterventionsTab(unit.services(worker), record))

    def no_enforcement(dialog: InterventionDialog) -> None:
        kinds = [dialog.kind.itemData(i) for i in range(dialog.kind.count())]
        offered = {InterventionType(kind) for kind in kinds if kind}  # the separator has none
        assert offered == {kind for kind in InterventionType if not kind.is_enforcement}
        dialog.reject()

    with answering(InterventionDialog, no_enforcement):
        click(qtbot, workers_tab.add_button)

    tab = show(qtbot, InterventionsTab(unit.services(), record))

    def enforce(dialog: InterventionDialog) -> None:
        pick(qtbot, dialog.kind, "Civil")
        assert dialog.support.empty.isVisible()  # "No support is recorded before this date."
        assert dialog.no_support.isVisible()
        qtbot.keyClicks(dialog.rationale, "Serious violence; injunction sought by police.")
        ok(qtbot, dialog)
        assert dialog.isVisible() and "explain why" in dialog.error.text()
        qtbot.keyClicks(dialog.no_support, "Refused every offer of support in writing.")
        ok(qtbot, dialog)

    with answering(InterventionDialog, enforce):
        click(qtbot, tab.add_button)
    saved = unit.services().interventions.interventions(record.id)[0]
    assert "Refused every offer of support" in saved.rationale


def test_add_complete_and_reopen_a_task_and_overdue_shows_in_words(
    qtbot: QtBot, unit: Unit
) -> None:
    unit.add_account(Role.ANALYST, "analyst")  # works with figures, never with records
    unit.add_account(Role.FAMILY_THERAPIST, "therapist")  # not allocated to this record
    record = unit.person()
    tab = show(qtbot, TasksTab(unit.services(), record))

    def refused_owner(dialog: TaskDialog) -> None:
        qtbot.keyClicks(dialog.title, "Book return-home interview")
        assert dialog.owner.findText("Test Analyst") < 0  # never offered
        pick(qtbot, dialog.owner, "Test Family therapist")
        ok(qtbot, dialog)
        assert dialog.isVisible()
        assert "someone who can open this young person's record" in dialog.error.text()
        pick(qtbot, dialog.owner, "Casey")
        ok(qtbot, dialog)

    with answering(TaskDialog, refused_owner):
        click(qtbot, tab.add_button)
    model = tab.table.model
    assert [cell(model, 0, c) for c in range(4)] == [
        "Book return-home interview",
        "Casey Coordinator",
        f"{unit.today + timedelta(days=7):%d/%m/%Y}",
        "Open",
    ]

    tab.table.select_index(0)
    click(qtbot, tab.done_button)
    assert cell(model, 0, 3) == f"Done {unit.today:%d/%m/%Y}"
    assert tab.done_button.text() == "Reopen"
    click(qtbot, tab.done_button)
    assert cell(model, 0, 3) == "Open"

    unit.clock.advance(8 * DAY)
    tab.reload()
    assert cell(model, 0, 2).endswith("· Overdue")
    colour = model.data(model.index(0, 2), Qt.ItemDataRole.ForegroundRole)
    assert isinstance(colour, QColor) and colour.red() > colour.green()
    assert "1 overdue" in tab.count.text()


def test_my_work_lists_my_case_under_its_rag_and_my_overdue_task(qtbot: QtBot, unit: Unit) -> None:
    services = unit.services()
    record = unit.person(key_worker=services.user.account_id)
    services.risk.set_rag(record.id, Rag.RED, "Exploited on a county line.")
    services.tasks.add_task(
        record.id, "Chase the NRM decision", services.user.account_id, unit.today
    )
    services.interventions.add_intervention(
        record.id, InterventionInput(InterventionType.MENTORING, unit.today)
    )
    unit.clock.advance(2 * DAY)

    view = show(qtbot, MyWorkView(services))
    cases = view.cases.model
    assert cell(cases, 0, 0) == "Red · 1 case"
    assert [cell(cases, 1, c) for c in (0, 1, 2)] == [
        "Red",
        record.case_reference,
        "Karwan Ahmadi (K-Dog)",
    ]
    overdue = view.overdue.model
    assert cell(overdue, 0, 1) == "Chase the NRM decision"
    assert cell(overdue, 0, 0).endswith("· Overdue")
    assert view.due_soon.empty.isVisibleTo(view)
    assert view.due_soon.empty.text() == "No tasks due this week."
    assert view.reviews.empty.isVisibleTo(view)

    view.overdue.view.setFocus()
    view.overdue.view.setCurrentIndex(overdue.index(0, 1))
    with qtbot.waitSignal(view.open_person) as opened:
        qtbot.keyClick(view.overdue.view, Qt.Key.Key_Return)
    assert opened.args == [record.id]

    view.cases.view.setCurrentIndex(cases.index(0, 0))  # a heading opens nothing
    with qtbot.assertNotEmitted(view.open_person):
        qtbot.keyClick(view.cases.view, Qt.Key.Key_Return)


def test_the_tabs_are_record_tabs_and_their_models_behave(
    qtbot: QtBot, qtmodeltester: object, unit: Unit
) -> None:
    record = unit.person()
    services = unit.services()
    services.tasks.add_task(record.id, "Visit at home", services.user.account_id)
    for build in (ReferralsTab, StatusRiskTab, InterventionsTab, TasksTab):
        assert isinstance(build(services, record), RecordTab)
    tab = show(qtbot, TasksTab(services, record))
    check = getattr(qtmodeltester, "check")  # noqa: B009 (pytest-qt's fixture is untyped)
    check(tab.table.model, force_py=True)

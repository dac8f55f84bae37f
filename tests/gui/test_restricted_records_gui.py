"""ACCEPTANCE (issue 10, restricted records) through real widgets: a worker's caseload does not
show a restricted record, the duplicate warning says only "restricted record", break glass
through the dialog opens it, and the coordinator's panel shows the opening unreviewed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.models.accounts import Role
from desktop.services.bundle import Services
from desktop.services.current_user import CurrentUser
from desktop.services.duplicate_check import DuplicateCheck
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.restriction_service import BREAK_GLASS_HOURS, RestrictionService
from desktop.services.sign_in_service import SignedIn
from desktop.views.caseload.caseload_view import CaseloadView
from desktop.views.caseload.person_record_view import PersonRecordView
from desktop.views.data_protection.break_glass_dialog import BreakGlassDialog
from desktop.views.data_protection.restriction_dialog import RestrictionDialog
from desktop.views.data_protection.restrictions_panel import UNREVIEWED_TINT, RestrictionsPanel
from tests.conftest import COORDINATOR_NAME, AddAccount, FakeClock, FastKdfPolicy

REASON = "Police rang about a missing episode tonight"


@dataclass(frozen=True)
class Setup:
    signed_in: SignedIn
    kdf: FastKdfPolicy
    clock: FakeClock
    outsider: CurrentUser
    restricted_id: int
    reference: str
    open_reference: str

    def caseload(self, qtbot: QtBot) -> CaseloadView:
        signed_in = SignedIn(self.signed_in.vault, self.outsider)
        services = Services.for_session(signed_in, self.kdf, self.clock)
        sessions = signed_in.vault.sessions
        view = CaseloadView(
            services,
            restrictions=RestrictionService(sessions, self.outsider, self.clock),
            duplicates=DuplicateCheck(sessions, self.outsider, self.clock),
        )
        qtbot.addWidget(view)
        view.resize(1000, 700)
        view.show()
        return view


@pytest.fixture
def setup(
    coordinator: tuple[SignedIn, str],
    add_account: AddAccount,
    kdf: FastKdfPolicy,
    clock: FakeClock,
) -> Setup:
    signed_in, _ = coordinator
    named = add_account(Role.GANGS_WORKER, "named")
    outsider = add_account(Role.GANGS_WORKER, "outsider")
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    restricted_id = people.create(PersonDetails("Zara", "Okonkwo", date_of_birth=date(2009, 5, 1)))
    open_id = people.create(PersonDetails("Tom", "Baker"))
    reference = people.record_summary(restricted_id).case_reference
    RestrictionService(signed_in.vault.sessions, signed_in.user, clock).restrict(
        reference, "A relative of a member of staff", [named.account_id]
    )
    open_reference = people.record_summary(open_id).case_reference
    return Setup(signed_in, kdf, clock, outsider, restricted_id, reference, open_reference)


def _in_dialog(qtbot: QtBot, act: Callable[[QWidget], None]) -> None:
    """Runs act on the modal dialog once it is open (exec blocks the test until it closes)."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, attempt)
            return
        act(dialog)

    QTimer.singleShot(50, attempt)


def _break_glass(qtbot: QtBot, reference: str | None) -> Callable[[QWidget], None]:
    """Types a reason too short first (the dialog says so and keeps it), then a real one."""

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, BreakGlassDialog)
        assert "shown to the coordinator" in dialog.warning.text()
        if reference is not None:
            qtbot.keyClicks(dialog.reference, reference)
        qtbot.keyClicks(dialog.reason, "urgent")
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and "at least 4 words" in dialog.error.text()
        dialog.reason.clear()
        qtbot.keyClicks(dialog.reason, REASON)
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)

    return act


def test_a_worker_sees_only_restricted_record_and_breaks_glass_from_the_new_form(
    qtbot: QtBot, setup: Setup
) -> None:
    view = setup.caseload(qtbot)
    names = [view.model.row_at(row).name for row in range(view.model.rowCount())]
    assert names == ["Tom Baker"] and view.count_label.text() == "1 young person"
    assert view.restricted_button.isVisible()

    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    form = view.form
    assert form is not None
    qtbot.keyClicks(form.given_name, "zara")
    qtbot.keyClicks(form.family_name, "OKONKWO")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.matches.isVisible()
    shown = [form.matches.list.item(i).text() for i in range(form.matches.list.count())]
    assert shown == [f"A restricted record matches these details ({setup.reference})"]
    assert not form.matches.open_button.isEnabled() and form.matches.glass_button.isEnabled()
    # Nothing was saved: the caseload still has one young person for this worker.
    assert PeopleService(setup.signed_in.vault.sessions, setup.outsider, setup.clock).count() == 1

    _in_dialog(qtbot, _break_glass(qtbot, None))
    qtbot.mouseClick(form.matches.glass_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(view.open_page, PersonRecordView), timeout=3000)
    record = view.open_page
    assert isinstance(record, PersonRecordView) and record.record.id == setup.restricted_id


def test_open_restricted_record_by_reference_from_the_caseload(qtbot: QtBot, setup: Setup) -> None:
    view = setup.caseload(qtbot)
    _in_dialog(qtbot, _break_glass(qtbot, setup.reference))
    qtbot.mouseClick(view.restricted_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(view.open_page, PersonRecordView), timeout=3000)
    view.close_record()
    names = {view.model.row_at(row).name for row in range(view.model.rowCount())}
    assert names == {"Tom Baker", "Zara Okonkwo"}  # open to them for the shift

    # After the shift it is shut again; coming back from a lock to it leaves them at home.
    setup.clock.advance(BREAK_GLASS_HOURS * 3600 + 1)
    view.reload()
    assert view.count_label.text() == "1 young person"
    view.restore_place(setup.restricted_id)
    assert view.open_page is None


def test_the_coordinator_panel_shows_the_opening_unreviewed_and_restricts(
    qtbot: QtBot, setup: Setup
) -> None:
    sessions = setup.signed_in.vault.sessions
    RestrictionService(sessions, setup.outsider, setup.clock).break_glass(setup.reference, REASON)
    lead = RestrictionService(sessions, setup.signed_in.user, setup.clock)
    panel = RestrictionsPanel(lead)
    qtbot.addWidget(panel)
    panel.show()
    model = panel.openings.model
    assert model.rowCount() == 1
    assert model.index(0, 3).data() == REASON and model.index(0, 4).data() == "Not reviewed"
    tint = model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole)
    assert tint is not None and tint.name() == UNREVIEWED_TINT
    assert panel.unreviewed_label.text() == "1 opening not yet reviewed"
    assert not panel.review_button.isEnabled()
    panel.openings.view.selectRow(0)
    qtbot.mouseClick(panel.review_button, Qt.MouseButton.LeftButton)
    assert model.index(0, 4).data().startswith(f"Reviewed by {COORDINATOR_NAME}")
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None

    def restrict(dialog: QWidget) -> None:
        assert isinstance(dialog, RestrictionDialog)
        qtbot.keyClicks(dialog.reference, setup.open_reference)
        qtbot.keyClicks(dialog.reason, "Known to a member of staff's family")
        dialog.buttons.accepted.emit()  # the OK button, without its platform-dependent text

    _in_dialog(qtbot, restrict)
    qtbot.mouseClick(panel.restrict_button, Qt.MouseButton.LeftButton)
    references = [row.case_reference for row in panel.records.model.rows()]
    assert references == sorted([setup.reference, setup.open_reference])
    staff = {row.case_reference: row.staff_names for row in panel.records.model.rows()}
    assert staff[setup.open_reference] == (COORDINATOR_NAME,)

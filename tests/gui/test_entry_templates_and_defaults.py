"""Templates for frequent chronology entries, chosen with the keyboard: they fill what the user
has not written and never wipe what they have; and the busy dialogs start on sensible values
(now, today, the last-used type)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from desktop.app import create_application
from desktop.models.choices import (
    CoachingMode,
    EntryType,
    ReferralSource,
    SessionLocation,
    SessionOutcome,
)
from desktop.services.bundle import Services
from desktop.services.chronology_records import SUMMARY_LIMIT
from desktop.services.entry_templates import ENTRY_TEMPLATES, template
from desktop.services.people_service import PersonDetails
from desktop.services.sign_in_service import SignedIn
from desktop.views.caseload.chronology_dialogs import EntryDialog
from desktop.views.caseload.entry_template_picker import TEMPLATE_HINT
from desktop.views.caseload.tabs.dialog_fields import date_of
from desktop.views.caseload.tabs.referral_dialog import RecordReferralDialog
from desktop.views.coaching.coaching_session_dialog import CoachingSessionDialog
from desktop.views.common.when import moment_of
from desktop.views.therapy.session_dialog import SessionDialog
from tests.conftest import FakeClock, FastKdfPolicy
from tests.gui.keyboard_driver import ALT, CTRL, key, type_text

RIDE_OUT = template("ride_out")
PARENT_CALL = template("parent_call")


@dataclass
class Desk:
    services: Services
    person_id: int
    clock: FakeClock

    def dialog(self, qtbot: QtBot) -> EntryDialog:
        """A new-entry dialog on screen with the focus in it, as Ctrl+E leaves it."""
        dialog = EntryDialog(self.services, self.person_id)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
        qtbot.waitUntil(dialog.summary.hasFocus, timeout=2000)
        return dialog


@pytest.fixture
def desk(coordinator: tuple[SignedIn, str], kdf: FastKdfPolicy, clock: FakeClock) -> Iterator[Desk]:
    create_application([])  # the real style sheet
    signed_in, _ = coordinator
    services = Services.for_session(signed_in, kdf, clock)
    person_id = services.people.create(PersonDetails("Dana", "Reid"))
    yield Desk(services, person_id, clock)


def test_every_template_fits_the_entry_it_fills() -> None:
    assert len({t.key for t in ENTRY_TEMPLATES}) == len(ENTRY_TEMPLATES)
    for known in ENTRY_TEMPLATES:
        assert 0 < len(known.summary) <= SUMMARY_LIMIT
        assert known.detail.strip(), known.key
    with pytest.raises(KeyError):
        template("no_such_template")


def test_a_template_chosen_by_keys_fills_the_entry_and_it_saves(qtbot: QtBot, desk: Desk) -> None:
    dialog = desk.dialog(qtbot)

    key(qtbot, Qt.Key.Key_M, ALT)  # Te&mplate
    assert dialog.template.combo.hasFocus()
    key(qtbot, Qt.Key.Key_Down)  # the commonest first: Ride-out contact

    assert dialog.entry_type.currentData() == EntryType.RIDE_OUT.value
    assert dialog.summary.text() == RIDE_OUT.summary
    assert dialog.detail.toPlainText() == RIDE_OUT.detail
    key(qtbot, Qt.Key.Key_D, ALT)  # the detail, ready to answer its first heading
    type_text(qtbot, "Church Street market")
    key(qtbot, Qt.Key.Key_Return, CTRL)  # save

    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    saved = desk.services.chronology.entries(desk.person_id, 0, 5)[0]
    assert saved.entry_type is EntryType.RIDE_OUT
    assert saved.summary == RIDE_OUT.summary
    entry = desk.services.chronology.entry(saved.id)
    assert entry.details.detail.startswith("Where: Church Street market\nWho with: ")


def test_a_template_never_wipes_what_the_user_wrote(qtbot: QtBot, desk: Desk) -> None:
    dialog = desk.dialog(qtbot)
    type_text(qtbot, "Saw him outside the chicken shop")  # the focus starts on the summary
    key(qtbot, Qt.Key.Key_T, ALT)  # the type, chosen by hand: Phone
    type_text(qtbot, "Ph")

    key(qtbot, Qt.Key.Key_M, ALT)
    key(qtbot, Qt.Key.Key_Down)  # Ride-out contact

    assert dialog.summary.text() == "Saw him outside the chicken shop"  # kept
    assert dialog.entry_type.currentData() == EntryType.PHONE.value  # kept
    assert dialog.detail.toPlainText() == RIDE_OUT.detail  # was empty: filled
    assert dialog.template.hint.text() == "Kept the summary you wrote."

    # A second template replaces the first one's words, still not the user's.
    key(qtbot, Qt.Key.Key_Down)
    assert dialog.template.combo.currentData() == "home_visit_no_answer"
    assert dialog.detail.toPlainText() == template("home_visit_no_answer").detail
    assert dialog.summary.text() == "Saw him outside the chicken shop"

    # Words added under a template's headings are the user's: kept from then on.
    key(qtbot, Qt.Key.Key_D, ALT)
    type_text(qtbot, "21:40")
    written = dialog.detail.toPlainText()
    key(qtbot, Qt.Key.Key_M, ALT)
    key(qtbot, Qt.Key.Key_Down)
    assert dialog.detail.toPlainText() == written
    assert dialog.template.hint.text() == "Kept the summary and detail you wrote."


def test_no_template_takes_the_template_words_back_out(qtbot: QtBot, desk: Desk) -> None:
    dialog = desk.dialog(qtbot)
    starting_type = dialog.entry_type.currentData()  # the user's last-used type
    key(qtbot, Qt.Key.Key_M, ALT)
    key(qtbot, Qt.Key.Key_Down, times=3)  # Phone call with parent/carer
    assert dialog.entry_type.currentData() == PARENT_CALL.entry_type.value
    assert dialog.summary.text() == PARENT_CALL.summary

    key(qtbot, Qt.Key.Key_Home)  # back to "No template"

    assert dialog.summary.text() == ""
    assert dialog.detail.toPlainText() == ""
    assert dialog.entry_type.currentData() == starting_type  # the default again
    assert dialog.template.hint.text() == TEMPLATE_HINT


def test_the_template_list_is_only_on_a_new_entry_and_in_the_tab_order(
    qtbot: QtBot, desk: Desk
) -> None:
    dialog = desk.dialog(qtbot)
    key(qtbot, Qt.Key.Key_M, ALT)
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Tab)
    assert dialog.when.hasFocus()  # the template comes first, then the form in its order
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)

    entry_id = desk.services.chronology.entries(desk.person_id, 0, 1)[0].id
    edit = EntryDialog(desk.services, desk.person_id, desk.services.chronology.entry(entry_id))
    qtbot.addWidget(edit)
    edit.show()
    assert not edit.template.isVisible()


def test_a_new_entry_starts_now_with_the_type_used_last(qtbot: QtBot, desk: Desk) -> None:
    dialog = desk.dialog(qtbot)
    assert dialog.occurred_at() == desk.clock.now()
    key(qtbot, Qt.Key.Key_M, ALT)
    key(qtbot, Qt.Key.Key_Down, times=3)  # a phone call
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)

    desk.clock.advance(3600)
    second = desk.dialog(qtbot)
    assert second.entry_type.currentData() == EntryType.PHONE.value
    assert second.occurred_at() == desk.clock.now()
    assert second.template.combo.currentIndex() == 0  # a template is chosen each time


def test_the_session_and_referral_dialogs_start_on_today_and_the_last_choices(
    qtbot: QtBot, clock: FakeClock
) -> None:
    now = clock.now()
    today = now.astimezone().date()

    therapy = SessionDialog([], now)
    qtbot.addWidget(therapy)
    assert date_of(therapy.day) == today
    assert now - timedelta(minutes=15) < therapy.starts_at() <= now
    assert therapy.chosen_outcome() is SessionOutcome.ATTENDED

    coaching = CoachingSessionDialog(now)
    qtbot.addWidget(coaching)
    held = moment_of(coaching.held_at)
    assert now - timedelta(minutes=15) < held <= now
    assert coaching.attended()

    referral = RecordReferralDialog(today)
    qtbot.addWidget(referral)
    assert date_of(referral.received_on) == today
    assert date_of(referral.consent_given_on) == today
    assert isinstance(held, datetime)
    assert SessionLocation(therapy.location.currentData()) is SessionLocation.HOME_VISIT
    assert CoachingMode(coaching.mode.currentData()) is CoachingMode.IN_PERSON


def test_the_session_and_referral_dialogs_offer_each_user_their_last_choice(
    qtbot: QtBot, clock: FakeClock
) -> None:
    now = clock.now()
    coach = CoachingSessionDialog(now, who="coach-a")
    qtbot.addWidget(coach)
    coach.mode.setCurrentIndex(coach.mode.findData(CoachingMode.ONLINE_VIDEO.value))
    coach.what_was_done.setPlainText("Mock interview")
    coach.save = lambda: 1
    coach.accept()
    assert coach.result() == QDialog.DialogCode.Accepted
    again = CoachingSessionDialog(now, who="coach-a")
    other = CoachingSessionDialog(now, who="coach-b")
    for dialog in (again, other):
        qtbot.addWidget(dialog)
    assert CoachingMode(again.mode.currentData()) is CoachingMode.ONLINE_VIDEO
    assert CoachingMode(other.mode.currentData()) is CoachingMode.IN_PERSON

    therapy = SessionDialog([], now, who="therapist-a")
    qtbot.addWidget(therapy)
    clinic = next(place for place in SessionLocation if place is not SessionLocation.HOME_VISIT)
    therapy.location.setCurrentIndex(therapy.location.findData(clinic.value))
    therapy.outcome.setCurrentIndex(therapy.outcome.findData(SessionOutcome.CANCELLED_BY_FAMILY))
    therapy.save = lambda: 1
    therapy.accept()
    assert therapy.result() == QDialog.DialogCode.Accepted
    next_one = SessionDialog([], now, who="therapist-a")
    qtbot.addWidget(next_one)
    assert SessionLocation(next_one.location.currentData()) is clinic

    today = now.astimezone().date()
    referral = RecordReferralDialog(today, who="lead-a")
    qtbot.addWidget(referral)
    source = list(ReferralSource)[-1]
    referral.source.setCurrentIndex(referral.source.findData(source.value))
    referral.reason.setPlainText("Seen carrying for older boys")
    referral.save = lambda: 1
    referral.accept()
    assert referral.result() == QDialog.DialogCode.Accepted
    second = RecordReferralDialog(today, who="lead-a")
    qtbot.addWidget(second)
    assert ReferralSource(second.source.currentData()) is source

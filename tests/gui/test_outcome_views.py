"""The SCORE-15 dialog driven by keyboard and mouse, and the trend chart it feeds: the version
chosen from age, refusals shown in the dialog, and each series drawn in its own colour."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from desktop.models.choices import SessionOutcome
from desktop.models.people import YoungPerson
from desktop.resources_path import resource
from desktop.services.outcome_service import OutcomeService
from desktop.services.therapy_service import Member
from desktop.views.therapy.outcome_chart import EMPTY_TEXT, OutcomeChart
from desktop.views.therapy.score15_dialog import Score15Dialog
from tests.conftest import FIXED_NOW
from tests.therapy_family import Family, record_session

MIXED = [2, 4, 3, 5, 2, 1, 4, 5, 3, 2, 4, 5, 4, 2, 3]  # total 2.20 (tests/unit/test_score15.py)
CALM = [1, 5, 1, 5, 5, 1, 5, 5, 5, 1, 5, 5, 5, 5, 1]  # total 1.00
BACKGROUND = QColor("#ffffff")


@pytest.fixture
def outcomes(family: Family) -> OutcomeService:
    with family.signed_in.vault.sessions.begin() as session:
        for person, born in ((family.son, date(2010, 5, 1)), (family.daughter, date(2014, 6, 2))):
            session.execute(
                update(YoungPerson).where(YoungPerson.id == person).values(date_of_birth=born)
            )
    return OutcomeService(
        family.signed_in.vault.sessions,
        family.therapist,
        family.clock,
        resource("measures", "score15.json"),
    )


def open_dialog(qtbot: QtBot, outcomes: OutcomeService, session_id: int) -> Score15Dialog:
    dialog = Score15Dialog(outcomes, session_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_answers(qtbot: QtBot, dialog: Score15Dialog, answers: list[int]) -> None:
    """Types one digit per item, starting on item 1, where focus moves after each key."""
    dialog.radios[0][-1].setFocus()
    for answer in answers:
        focused = dialog.focusWidget()
        assert isinstance(focused, QWidget)
        qtbot.keyClick(focused, getattr(Qt.Key, f"Key_{answer}"))


def save(qtbot: QtBot, dialog: Score15Dialog) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def test_fill_by_keyboard_and_mouse_save_and_see_the_trend(
    qtbot: QtBot, family: Family, outcomes: OutcomeService
) -> None:
    session_id = record_session(family)
    dialog = open_dialog(qtbot, outcomes, session_id)
    assert dialog.member.currentText() == "Tariq Hassan (Young person)"
    assert dialog.version.currentText() == "SCORE-15"
    assert not dialog.version.isEnabled()
    assert "14 at this session" in dialog.version_hint.text()
    assert dialog.item_labels[5].text() == "We trust each other"
    type_answers(qtbot, dialog, [*MIXED[:14], 1])
    assert dialog.answers() == [*MIXED[:14], 1]
    # A mouse click changes item 15 from "very well" to "partly".
    qtbot.mouseClick(dialog.radios[14][2], Qt.MouseButton.LeftButton)
    assert dialog.answers() == MIXED
    assert "Total: 2.20" in dialog.running.text()
    assert "Disrupted communication: 1.40" in dialog.running.text()
    with qtbot.waitSignal(dialog.recorded, timeout=2000) as saved:
        save(qtbot, dialog)
    assert not dialog.isVisible()
    assert saved.args == [dialog.saved_id]
    rows = outcomes.measures(family.case_id)
    assert [(r.member_name, r.items) for r in rows] == [("Tariq Hassan", MIXED)]

    chart = OutcomeChart()
    qtbot.addWidget(chart)
    chart.resize(700, 400)
    chart.set_trend(outcomes.trend(family.case_id))
    chart.show()
    qtbot.waitExposed(chart)
    assert [line.series.name for line in chart.lines()] == ["Tariq Hassan", "Family"]
    assert "Tariq Hassan: session 1 2.20" in chart.accessibleDescription()


def test_the_version_follows_each_members_age_and_items_can_be_left_blank(
    qtbot: QtBot, family: Family, outcomes: OutcomeService
) -> None:
    session_id = record_session(family)
    dialog = open_dialog(qtbot, outcomes, session_id)
    dialog.member.setFocus()
    qtbot.keyClick(dialog.member, Qt.Key.Key_Down)
    assert dialog.member.currentText() == "Leila Hassan (Young person)"
    assert dialog.version.currentText() == "Child SCORE-15"
    assert not dialog.version.isEnabled()
    assert dialog.item_labels[0].text() == "Item 1 (as on the paper form)"
    qtbot.keyClick(dialog.member, Qt.Key.Key_Down)
    assert dialog.member.currentText() == "Amina Hassan (Mother)"
    assert dialog.version.isEnabled()
    assert [dialog.version.itemText(i) for i in range(dialog.version.count())] == [
        "SCORE-15",
        "Child SCORE-15",
    ]
    type_answers(qtbot, dialog, CALM[:3])
    focused = dialog.focusWidget()
    assert isinstance(focused, QWidget)
    qtbot.keyClick(focused, Qt.Key.Key_0)  # item 4 left blank
    assert dialog.answers()[:5] == [1, 5, 1, None, None]
    assert "3 of 15 items answered" in dialog.running.text()
    assert "Total: –" in dialog.running.text()
    save(qtbot, dialog)
    saved = outcomes.measures(family.case_id)
    assert [(r.member_name, r.version, r.items[:4]) for r in saved] == [
        ("Amina Hassan", "SCORE-15", [1, 5, 1, None])
    ]


def test_problems_and_refusals_are_shown_in_the_dialog(
    qtbot: QtBot, family: Family, outcomes: OutcomeService
) -> None:
    session_id = record_session(family)
    dialog = open_dialog(qtbot, outcomes, session_id)
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert dialog.error.text() == "Answer at least one item before saving."
    assert outcomes.measures(family.case_id) == []

    upcoming = record_session(
        family, starts_at=FIXED_NOW + timedelta(days=3), outcome=SessionOutcome.SCHEDULED
    )
    later = open_dialog(qtbot, outcomes, upcoming)
    type_answers(qtbot, later, MIXED)
    save(qtbot, later)
    assert later.isVisible()
    assert "session that has started" in later.error.text()
    assert later.answers() == MIXED  # the answers stay for another try


def test_saved_answers_are_shown_and_saving_replaces_them(
    qtbot: QtBot, family: Family, outcomes: OutcomeService
) -> None:
    session_id = record_session(family)
    first = outcomes.record(session_id, Member("young_person", family.son), "SCORE-15", MIXED)
    dialog = open_dialog(qtbot, outcomes, session_id)
    assert dialog.answers() == MIXED
    assert dialog.replacing.isVisible()
    qtbot.mouseClick(dialog.radios[0][0], Qt.MouseButton.LeftButton)
    save(qtbot, dialog)
    assert dialog.saved_id == first
    assert outcomes.measures(family.case_id)[0].items == [1, *MIXED[1:]]


# ---- the chart ------------------------------------------------------------------------------
def colour_pixels(
    image: QImage, colour: QColor, left: int, top: int, right: int, bottom: int
) -> int:
    found = 0
    for y in range(top, bottom, 2):
        for x in range(left, right, 2):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - colour.red()) < 24
                and abs(pixel.green() - colour.green()) < 24
                and abs(pixel.blue() - colour.blue()) < 24
            ):
                found += 1
    return found


def test_the_chart_draws_every_series_in_its_colour(
    qtbot: QtBot, family: Family, outcomes: OutcomeService
) -> None:
    members = {
        "son": (Member("young_person", family.son), "SCORE-15", [MIXED, CALM, CALM]),
        "daughter": (Member("young_person", family.daughter), "Child SCORE-15", [CALM, MIXED]),
        "mother": (Member("contact", family.mother), "SCORE-15", [MIXED, MIXED, CALM]),
    }
    sessions = [
        record_session(family, starts_at=FIXED_NOW - timedelta(days=days)) for days in (28, 14, 1)
    ]
    for member, version, answers in members.values():
        for session_id, items in zip(sessions, answers, strict=False):
            outcomes.record(session_id, member, version, items)
    chart = OutcomeChart()
    qtbot.addWidget(chart)
    chart.resize(700, 400)
    chart.show()
    qtbot.waitExposed(chart)
    assert chart.accessibleDescription() == EMPTY_TEXT + "."
    assert not chart.chooser.isEnabled()
    empty = chart.plot.grab().toImage()

    chart.set_trend(outcomes.trend(family.case_id))
    assert chart.chooser.isEnabled()
    image = chart.plot.grab().toImage()
    area = chart.plot.plot_rect().toRect()
    bounds = (area.left() + 2, area.top(), area.right() - 2, area.bottom() - 2)
    lines = chart.lines()
    assert [line.series.name for line in lines] == [
        "Tariq Hassan",
        "Leila Hassan",
        "Amina Hassan",
        "Family",
    ]
    assert len({line.colour.name() for line in lines}) == 4
    assert lines[-1].width > lines[0].width  # the family line is the thicker one
    for line in lines:
        assert colour_pixels(image, line.colour, *bounds) > 20, line.series.name
        assert colour_pixels(empty, line.colour, *bounds) == 0
    assert colour_pixels(image, BACKGROUND, *bounds) > 1000

    total = chart.accessibleDescription()
    assert "total score" in total
    assert "Family: session 1 1.80, session 2 1.80, session 3 1.00." in total
    qtbot.keyClick(chart.chooser, Qt.Key.Key_End)
    assert chart.measure() == "communication"
    assert "disrupted communication" in chart.accessibleDescription()
    assert chart.plot.grab().toImage() != image
    chart.show_measure("strengths")
    assert chart.chooser.currentText() == "Strengths and adaptability"
    with pytest.raises(KeyError):
        chart.show_measure("happiness")

"""Headers and filter rows wrap instead of cutting off names and buttons (large text, 200%)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from desktop.views.common.wrapping_row import WrappingRow, row_of


def test_the_right_part_goes_under_the_left_only_when_both_do_not_fit(qtbot: QtBot) -> None:
    title = QLabel("IGX-000010 · A long name for a young person")
    buttons = row_of(QPushButton("Case conference report…"), QPushButton("Access report…"))
    row = WrappingRow(row_of(title), buttons)
    qtbot.addWidget(row)
    row.resize(2000, 80)
    row.show()
    qtbot.waitExposed(row)
    assert not row.stacked
    assert buttons.geometry().top() == row.left.geometry().top()

    row.resize(420, 80)
    qtbot.waitUntil(lambda: row.stacked)
    qtbot.waitUntil(lambda: buttons.geometry().top() >= row.left.geometry().bottom())
    # Every word of the title is still drawn: it is not squeezed below its text.
    assert title.width() >= title.sizeHint().width()

    row.resize(2000, 80)
    qtbot.waitUntil(lambda: not row.stacked)

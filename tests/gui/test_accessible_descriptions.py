"""What describe() gives each kind of control, from what the form already says; that it never
says what a field holds; and that the focus arriving describes a control, its page and its
window, once each."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.views.common import field_binding
from desktop.views.common.accessible_descriptions import describe
from desktop.views.common.fixed_rows_model import FixedRowsModel

CANARY = "Canary Bianchi-Okafor"  # a young person's name: never in a description


def _form() -> tuple[QDialog, QFormLayout]:
    dialog = QDialog()
    form = QFormLayout()
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    return dialog, form


def test_a_form_says_its_hints_its_format_and_its_keys_and_never_its_values(
    qtbot: QtBot,
) -> None:
    dialog, form = _form()
    qtbot.addWidget(dialog)
    name = QLineEdit(CANARY)
    name.setMaxLength(80)
    name.setPlaceholderText("As they spell it")
    form.addRow("&Name", name)
    hint = QLabel("Use the name on their school record.")
    hint.setObjectName("hint")
    form.addRow(hint)
    born = field_binding.date_edit()
    born.setDate(QDate(2009, 5, 1))
    form.addRow("Date of &birth", born)
    worker = QComboBox()
    worker.addItems(["Not allocated", CANARY, "Sam Smith"])
    worker.setCurrentIndex(1)
    worker.setToolTip("Who leads the work with them")
    form.addRow("&Key worker", worker)
    reason = QPlainTextEdit(CANARY)
    reason.setTabChangesFocus(True)
    reason.setPlaceholderText("Why they are referred (required)")
    form.addRow("&Reason", reason)
    consent = QCheckBox("&Consent given")
    form.addRow(consent)
    weeks = QSpinBox()
    weeks.setRange(1, 52)
    weeks.setSuffix(" weeks")
    form.addRow("Re&view every", weeks)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    dialog.layout().addWidget(buttons)

    assert describe(dialog) >= 8

    assert name.accessibleDescription() == (
        "As they spell it. Use the name on their school record. Text, one line, up to 80 "
        "characters. Shortcut Alt+N."
    )
    assert born.accessibleDescription() == (
        "Date, day month year; Up and Down change the part under the cursor; shows Not known "
        "until one is chosen; its button opens a calendar. Shortcut Alt+B."
    )
    assert worker.accessibleDescription() == (
        "Who leads the work with them. Choose one of 3; Up and Down change the choice, "
        "Alt+Down opens the list. Shortcut Alt+K."
    )
    assert reason.accessibleDescription().startswith("Why they are referred (required). Text of")
    assert "Tab moves to the next field" in reason.accessibleDescription()
    assert consent.accessibleDescription() == "Check box; Space ticks or clears it. Shortcut Alt+C."
    assert weeks.accessibleDescription().startswith("Number from 1 to 52 weeks; Up and Down")
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert "Escape does the same" in cancel.accessibleDescription()
    everything = [w.accessibleDescription() for w in dialog.findChildren(QWidget)]
    assert not [text for text in everything if CANARY in text or "2009" in text]


def test_a_required_mark_on_the_label_and_a_description_already_given_are_kept(
    qtbot: QtBot,
) -> None:
    dialog, form = _form()
    qtbot.addWidget(dialog)
    source = QLineEdit()
    form.addRow("&Source (required)", source)
    own = QLineEdit()
    own.setAccessibleDescription("Written by the form itself")
    form.addRow("&Own", own)
    describe(dialog)
    assert source.accessibleDescription() == "Required. Text, one line. Shortcut Alt+S."
    assert own.accessibleDescription() == "Written by the form itself"


def test_a_table_is_described_by_its_headings(qtbot: QtBot) -> None:
    model: FixedRowsModel[tuple[str, str]] = FixedRowsModel(
        [("When", lambda row: row[0]), ("Summary", lambda row: row[1])]
    )
    model.set_rows([("Today", CANARY)])
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    describe(table)
    assert table.accessibleDescription() == (
        "Table with columns When, Summary; arrow keys move between cells."
    )


def test_the_focus_arriving_describes_its_page_once_and_nothing_before(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    outside = QLineEdit()
    outside.setPlaceholderText("Outside the pages")
    pages = QStackedWidget()
    first, second = QWidget(), QWidget()
    first_a, first_b, second_a = QLineEdit(first), QLineEdit(first), QLineEdit(second)
    first_a.setPlaceholderText("First page")
    first_b.move(0, 40)
    second_a.setPlaceholderText("Second page")
    pages.addWidget(first)
    pages.addWidget(second)
    layout = QVBoxLayout(window)
    layout.addWidget(outside)
    layout.addWidget(pages)
    assert first_a.accessibleDescription() == ""  # not yet reached: not yet described

    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    first_a.setFocus()
    qtbot.waitUntil(lambda: bool(first_a.accessibleDescription()), timeout=2000)
    assert first_a.accessibleDescription().startswith("First page.")
    assert first_b.accessibleDescription()  # on the same page: read in a reader's overview
    assert outside.accessibleDescription().startswith("Outside the pages.")  # the window's

    # A page added after the window was walked is described when the focus first enters it.
    third = QLineEdit()
    third.setPlaceholderText("Added later")
    pages.addWidget(third)
    assert third.accessibleDescription() == ""
    pages.setCurrentWidget(third)
    third.setFocus()
    qtbot.waitUntil(lambda: bool(third.accessibleDescription()), timeout=2000)
    assert third.accessibleDescription().startswith("Added later.")

    # A description a view set itself is kept, and typing changes nothing a reader is told.
    first_a.setAccessibleDescription("Changed by its view")
    pages.setCurrentWidget(first)
    first_a.setFocus()
    QApplication.processEvents()
    assert first_a.accessibleDescription() == "Changed by its view"
    qtbot.keyClicks(second_a, "typed")
    assert "typed" not in second_a.accessibleDescription()

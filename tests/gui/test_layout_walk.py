"""Finding a field's layout and form row without leaving PySide wrappers of Qt's layout items.

QLayout.itemAt() ties the QWidgetItem wrapper it returns to the layout's wrapper; Qt deletes the
item when its widget leaves, PySide keeps the dead item's address registered, and an object Qt
later puts there crashed on deletion (one run in about thirteen of the screenshot test)."""

from __future__ import annotations

import shiboken6
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.app import create_application
from desktop.views.common.accessible_descriptions import description_for
from desktop.views.common.field_problems import FieldMessages, FieldProblem
from desktop.views.common.layout_walk import (
    forget_layout_items,
    laid_out_widgets,
    layout_holding,
    layout_item_wrappers,
)


class _Form(QWidget):
    """A heading, then a form with a plain row, a row of a field and a button, a row holding a
    box with a field in it, and a spanning hint; the shapes our dialogs use."""

    def __init__(self) -> None:
        super().__init__()
        outer = QVBoxLayout(self)
        outer.addWidget(QLabel("Heading"))
        self.form = QFormLayout()
        self.name = QLineEdit()
        self.form.addRow("Name", self.name)
        self.folder = QLineEdit()
        self.browse = QPushButton("Browse…")
        row = QHBoxLayout()
        row.addWidget(self.folder)
        row.addWidget(self.browse)
        self.form.addRow("Folder", row)
        self.box = QWidget()
        inner = QHBoxLayout(self.box)
        self.code = QLineEdit()
        inner.addWidget(self.code)
        self.form.addRow("Code", self.box)
        hint = QLabel("As on their birth certificate.")
        hint.setObjectName("hint")
        self.form.insertRow(1, hint)
        outer.addLayout(self.form)  # filled first, as our pages do
        self.stray = QLabel("not laid out", self)  # a child no layout places


def test_the_layout_holding_a_field_is_found_in_nested_layouts(qtbot: QtBot) -> None:
    form = _Form()
    qtbot.addWidget(form)
    assert layout_holding(form.name) is form.form
    folder_row = layout_holding(form.folder)
    assert isinstance(folder_row, QHBoxLayout) and folder_row.indexOf(form.browse) == 1
    assert layout_holding(form.code) is form.box.layout()
    assert layout_holding(form.stray) is None
    assert layout_holding(form) is None


def test_laid_out_widgets_are_those_of_the_layout_and_its_nested_ones(qtbot: QtBot) -> None:
    form = _Form()
    qtbot.addWidget(form)
    placed = laid_out_widgets(form.layout())
    assert {form.name, form.folder, form.browse, form.box} <= set(placed)
    assert form.stray not in placed
    assert form.code not in placed  # laid out by the box's own layout, not this one
    assert laid_out_widgets(form.box.layout()) == [form.code]


def test_messages_go_under_the_row_of_a_field_in_a_nested_layout(qtbot: QtBot) -> None:
    form = _Form()
    qtbot.addWidget(form)
    form.show()
    rows = form.form.rowCount()
    messages = FieldMessages(form)
    problems = [
        FieldProblem(form.folder, "Choose a folder."),
        FieldProblem(form.code, "Enter a code."),
    ]
    messages.show(problems, lambda _field: True)
    assert form.form.rowCount() == rows + 2
    folder_row = int(form.form.getLayoutPosition(layout_holding(form.folder))[0])
    below_folder = form.form.itemAt(folder_row + 1, QFormLayout.ItemRole.FieldRole).widget()
    assert below_folder is messages.message_for(form.folder)
    code_row = int(form.form.getWidgetPosition(form.box)[0])
    below_code = form.form.itemAt(code_row + 1, QFormLayout.ItemRole.FieldRole).widget()
    assert below_code is messages.message_for(form.code)


def test_finding_rows_and_hints_leaves_no_wrapper_of_a_layout_item(qtbot: QtBot) -> None:
    form = _Form()
    qtbot.addWidget(form)
    form.show()
    forget_layout_items()  # those PySide made when the filled rows were nested
    before = len(layout_item_wrappers())
    FieldMessages(form).show(
        [FieldProblem(form.folder, "Choose a folder."), FieldProblem(form.code, "Enter a code.")],
        lambda _field: True,
    )
    assert "As on their birth certificate." in description_for(form.name)
    laid_out_widgets(form.layout())
    # Each would outlive its item, still registered at the item's address.
    assert len(layout_item_wrappers()) == before == 0


def test_the_focus_moving_forgets_the_wrappers_pyside_made_of_nested_items(qtbot: QtBot) -> None:
    """Nesting a filled row (addLayout, addRow) makes PySide wrap the row's items; a widget of
    the row deleted later would leave its item's wrapper registered at a freed address."""
    create_application([])  # connects the forgetting to the focus, as the program does
    form = _Form()
    qtbot.addWidget(form)
    made = layout_item_wrappers()
    assert any(shiboken6.getCppPointer(wrapper) for wrapper in made), "nothing to forget"
    del made
    form.show()
    form.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None, timeout=2000)
    form.folder.setFocus()
    qtbot.waitUntil(lambda: form.folder.hasFocus(), timeout=2000)
    assert layout_item_wrappers() == []
    shiboken6.delete(form.browse)  # Qt deletes the button's item in the folder row
    assert layout_item_wrappers() == []
    # The layouts work on: the row is found, and Qt's own items are still there.
    assert layout_holding(form.folder) is not None
    row = int(form.form.getWidgetPosition(form.name)[0])
    assert form.form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget() is form.name

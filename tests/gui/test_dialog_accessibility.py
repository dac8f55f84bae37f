"""Every dialog under desktop/views, opened over the demo vault and checked for a screen reader
and a keyboard: each input has an accessible name and a description of its own, Tab reaches
every input, every button says what it does. Dialogs are found by walking the package: one
without a factory fails the walk."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import shutil
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSlider,
    QTableView,
    QTextEdit,
    QToolButton,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

import desktop.views
from desktop.vault.layout import VaultLayout
from desktop.views.common import field_binding
from tests.conftest import PASSPHRASE
from tests.gui.dialog_demo import Demo
from tests.gui.dialog_factories import BASES, factories

# What a person types into, picks from or ticks (spin boxes include the date and time edits).
INPUTS = (
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QCheckBox,
    QRadioButton,
    QAbstractItemView,
    QSlider,
)
BUTTONS = (QPushButton, QToolButton)
# Tab presses per dialog page at most: a date takes three (day, month, year), and the largest
# dialog (SCORE-15: two choices and fifteen answers) has under forty stops.
MAX_TABS = 150


def _qualified(kind: type) -> str:
    return f"{kind.__module__}.{kind.__qualname__}"


def dialog_classes() -> list[type[QDialog]]:
    """Every QDialog subclass defined in a module under desktop/views (QWizard included)."""
    found: dict[str, type[QDialog]] = {}
    for info in pkgutil.walk_packages(desktop.views.__path__, "desktop.views."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                inspect.isclass(value)
                and issubclass(value, QDialog)
                and value.__module__ == module.__name__
            ):
                found[_qualified(value)] = value
    return [found[name] for name in sorted(found)]


# ---- the checks --------------------------------------------------------------------------


def _inside_input(widget: QWidget, dialog: QWidget) -> bool:
    """True for the parts of a compound input (a spin box's line edit, a combo's list)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not dialog:
        if isinstance(parent, INPUTS):
            return True
        parent = parent.parentWidget()
    return False


def _inputs(dialog: QWidget) -> list[QWidget]:
    return [
        widget
        for widget in dialog.findChildren(QWidget)
        if isinstance(widget, INPUTS) and widget.isVisible() and not _inside_input(widget, dialog)
    ]


def _stripped(text: str) -> str:
    """A label's text as read aloud: mnemonic ampersands dropped, "&&" kept as one."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def _describe(widget: QWidget) -> str:
    name = widget.accessibleName() or widget.objectName()
    text = widget.text() if isinstance(widget, QAbstractButton | QLineEdit) else ""
    return f"{type(widget).__name__} {name!r}" + (f" ({text!r})" if text and not name else "")


def name_problems(dialog: QWidget) -> list[str]:
    """Inputs a screen reader could not name, and buttons that say nothing."""
    buddies = {
        id(label.buddy()): _stripped(label.text())
        for label in dialog.findChildren(QLabel)
        if label.buddy() is not None
    }
    found = []
    for widget in _inputs(dialog):
        own_text = _stripped(widget.text()) if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName().strip() or buddies.get(id(widget)) or own_text):
            found.append(f"{_describe(widget)}: no accessible name, buddy label or text")
    for button in dialog.findChildren(QAbstractButton):
        silent = not (_stripped(button.text()) or button.accessibleName().strip())
        if isinstance(button, BUTTONS) and button.isVisible() and silent:
            found.append(f"{_describe(button)}: a button with no text or accessible name")
    return found


def settle() -> None:
    """Lets what was just shown finish showing; the focus landing in it has it described."""
    QApplication.processEvents()


def _spoken_name(widget: QWidget, buddies: dict[int, str]) -> str:
    own_text = _stripped(widget.text()) if isinstance(widget, QAbstractButton) else ""
    return widget.accessibleName().strip() or buddies.get(id(widget), "") or own_text


def description_problems(dialog: QWidget) -> list[str]:
    """Inputs and buttons a screen reader could not describe beyond their name."""
    buddies = {
        id(label.buddy()): _stripped(label.text())
        for label in dialog.findChildren(QLabel)
        if label.buddy() is not None
    }
    buttons = [b for b in dialog.findChildren(QAbstractButton) if isinstance(b, BUTTONS)]
    found = []
    for widget in _inputs(dialog) + [b for b in buttons if b.isVisible()]:
        description = widget.accessibleDescription().strip()
        if not description:
            found.append(f"{_describe(widget)}: no accessible description")
        elif description.casefold() == _spoken_name(widget, buddies).casefold():
            found.append(f"{_describe(widget)}: its description only repeats its name")
    return found


def _owner(widget: QWidget | None, inputs: list[QWidget]) -> QWidget | None:
    """The input a focused widget belongs to (a spin box for its line edit)."""
    while widget is not None:
        if widget in inputs:
            return widget
        widget = widget.parentWidget()
    return None


def _grouped_with_reached(button: QRadioButton, reached: set[int]) -> bool:
    """Tab stops at one button of an exclusive group; the arrow keys move between the rest."""
    group: QButtonGroup | None = button.group()  # None outside a group, whatever the stubs say
    parent = button.parentWidget()
    if group is not None:
        siblings = group.buttons()
    elif button.autoExclusive() and parent is not None:
        siblings = list(parent.findChildren(QRadioButton))
    else:
        return False
    return any(id(sibling) in reached for sibling in siblings)


def tab_problems(qtbot: QtBot, dialog: QDialog) -> list[str]:
    """Presses Tab from the dialog's first focus and lists the enabled inputs never reached."""
    inputs = _inputs(dialog)
    wanted = [widget for widget in inputs if widget.isEnabled()]
    focused = QApplication.focusWidget()
    if focused is None or focused.window() is not dialog:
        return ["nothing in the dialog has the focus when it opens"]
    reached: set[int] = set()
    for _press in range(MAX_TABS):
        owner = _owner(focused, inputs)
        if owner is not None:
            reached.add(id(owner))
        if all(id(widget) in reached for widget in wanted):
            break
        qtbot.keyClick(focused, Qt.Key.Key_Tab)  # type: ignore[no-untyped-call]
        focused = QApplication.focusWidget()
        if focused is None or focused.window() is not dialog:
            return ["Tab takes the focus out of the dialog"]
    return [
        f"{_describe(widget)}: not reached with Tab"
        for widget in wanted
        if id(widget) not in reached
        and not (isinstance(widget, QRadioButton) and _grouped_with_reached(widget, reached))
    ]


def _show(qtbot: QtBot, dialog: QDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)


def _fill_coordinator_page(wizard: QWizard) -> None:
    """The first-run wizard's next page appears only once the first coordinator is filled in."""
    page = wizard.currentPage()
    page.full_name.setText("Casey Coordinator")  # type: ignore[attr-defined]
    page.username.setText("coord")  # type: ignore[attr-defined]
    page.passphrase.edit.setText(PASSPHRASE)  # type: ignore[attr-defined]
    page.confirmation.edit.setText(PASSPHRASE)  # type: ignore[attr-defined]


def _pages(dialog: QDialog) -> Iterator[str]:
    """A wizard is checked page by page, filled in where it must be to move on."""
    if not isinstance(dialog, QWizard):
        yield ""
        return
    while True:
        yield f" (page {dialog.currentId()})"
        before = dialog.currentId()
        dialog.next()
        if dialog.currentId() == before and hasattr(dialog.currentPage(), "full_name"):
            _fill_coordinator_page(dialog)
            dialog.next()
        if dialog.currentId() == before:
            return


# ---- the walk ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(
    qapp: QApplication, demo_template: VaultLayout, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Demo]:
    """One copy of the demo vault for the whole module: every dialog is built over it once."""
    folder = tmp_path_factory.mktemp("dialogs")
    layout = VaultLayout(folder / "vault")
    shutil.copytree(demo_template.folder, layout.folder)
    opened = Demo(layout, folder)
    yield opened
    opened.lock()


def test_every_dialog_has_a_factory() -> None:
    table = factories()
    classes = dialog_classes()
    missing = [
        _qualified(kind) for kind in classes if kind not in table and _qualified(kind) not in BASES
    ]
    assert not missing, "dialogs with no factory in dialog_factories (add one):\n" + "\n".join(
        missing
    )
    # A base that became a real dialog, or was renamed, must leave BASES too.
    assert {_qualified(kind) for kind in classes} >= BASES


def test_every_dialog_names_and_describes_its_inputs_and_reaches_them_with_tab(
    qtbot: QtBot, demo: Demo
) -> None:
    table = factories()
    problems: list[str] = []
    pages = 0
    for kind in dialog_classes():
        if kind not in table:
            continue
        title = _qualified(kind).removeprefix("desktop.views.")
        try:
            dialog = table[kind](demo)
        except Exception as error:  # noqa: BLE001 (one broken factory must not hide the rest)
            problems.append(f"{title}: could not be built: {type(error).__name__}: {error}")
            continue
        _show(qtbot, dialog)
        for page in _pages(dialog):
            settle()  # a page's controls are described once it has shown
            found = (
                name_problems(dialog) + description_problems(dialog) + tab_problems(qtbot, dialog)
            )
            problems += [f"{title}{page} → {problem}" for problem in found]
            pages += 1
        dialog.reject()
    assert not problems, "\n".join(problems)
    # Every dialog once, and all three pages of the first-run wizard.
    assert pages == len(table) + 2


def test_the_checks_catch_a_badly_built_dialog(qtbot: QtBot) -> None:
    """The walk's checks, on a dialog built wrong on purpose, name each fault and nothing else."""
    dialog = QDialog()
    form = QFormLayout(dialog)
    form.addRow("&Named by its label", QLineEdit())
    unnamed = QLineEdit()
    unnamed.setObjectName("unnamed")
    form.addRow(unnamed)
    # An unset optional date: Qt's own QDateEdit would keep the Tab key here for good.
    optional = field_binding.date_edit()
    optional.setAccessibleName("Optional date")
    form.addRow(optional)
    after_the_date = QLineEdit()
    after_the_date.setAccessibleName("After the date")
    form.addRow(after_the_date)
    skipped = QComboBox()
    skipped.setAccessibleName("Skipped")
    skipped.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    form.addRow(skipped)
    icon_only = QToolButton()
    icon_only.setObjectName("icon only")
    form.addRow(icon_only)
    _show(qtbot, dialog)

    assert name_problems(dialog) == [
        "QLineEdit 'unnamed': no accessible name, buddy label or text",
        "QToolButton 'icon only': a button with no text or accessible name",
    ]
    assert tab_problems(qtbot, dialog) == ["QComboBox 'Skipped': not reached with Tab"]


def test_a_table_that_keeps_tab_is_caught(qtbot: QtBot) -> None:
    """A table moving Tab between its cells traps the keyboard: what follows is never reached."""
    dialog = QDialog()
    form = QFormLayout(dialog)
    table = QTableView()
    table.setAccessibleName("Figures")
    table.setModel(QStandardItemModel(3, 3, table))
    form.addRow(table)
    below = QLineEdit()
    below.setAccessibleName("Below the table")
    form.addRow(below)
    _show(qtbot, dialog)
    table.setFocus()

    assert tab_problems(qtbot, dialog) == ["QLineEdit 'Below the table': not reached with Tab"]

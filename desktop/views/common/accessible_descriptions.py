"""Gives every control an accessible description built from what the screen already says."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QAbstractListModel, QMetaMethod, Qt
from PySide6.QtGui import QKeySequence, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QButtonGroup,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollBar,
    QSpinBox,
    QTabBar,
    QTableView,
    QTextEdit,
    QToolButton,
    QTreeView,
    QWidget,
)
from shiboken6 import createdByPython

from desktop.views.common.layout_walk import layout_holding

# What a person types into, picks from, ticks, presses or moves through.
DESCRIBED = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractSlider,
    QTabBar,
)
# Controls whose insides (a spin box's line edit, a calendar's table) are parts, not controls.
COMPOUND = (QComboBox, QAbstractSpinBox, QCalendarWidget)
# Parts of every scrolling view, moved with the view's own keys.
NOT_CONTROLS = (QHeaderView, QScrollBar)
SECTION_WORDS = {
    QDateTimeEdit.Section.DaySection: "day",
    QDateTimeEdit.Section.MonthSection: "month",
    QDateTimeEdit.Section.YearSection: "year",
    QDateTimeEdit.Section.HourSection: "hours",
    QDateTimeEdit.Section.MinuteSection: "minutes",
    QDateTimeEdit.Section.SecondSection: "seconds",
    QDateTimeEdit.Section.MSecSection: "milliseconds",
    QDateTimeEdit.Section.AmPmSection: "AM or PM",
}
DATE_SECTIONS = {"day", "month", "year"}
NO_LIMIT = 32767  # QLineEdit's own maximum length: no limit set
# How far up a buddy label or a form is looked for: a field sits at most in a box in a box.
NEAREST = 4


def describe(root: QWidget) -> int:
    """Describes root and every control under it that has no description yet; returns how
    many it described. Field values are never read: a description says what a control is
    and how to use it, not what it holds."""
    described = 0
    for widget in [root, *root.findChildren(QWidget)]:
        described += describe_widget(widget)
    return described


def describe_widget(widget: QWidget) -> bool:
    """Describes one control if it has no description yet; False if it needed none."""
    if not isinstance(widget, DESCRIBED) or widget.accessibleDescription():
        return False
    if isinstance(widget, NOT_CONTROLS) or _is_part(widget):
        return False
    text = description_for(widget)
    widget.setAccessibleDescription(text)
    return True


def description_for(widget: QWidget) -> str:
    """What a screen reader says after the control's name and role."""
    buddy = _buddy(widget)
    name = _plain(widget.accessibleName() or (buddy.text() if buddy else "") or _own_text(widget))
    parts: list[str] = []
    for said in (_plain(widget.toolTip()), _placeholder(widget), _form_hint(widget)):
        if said and said.casefold() != name.casefold() and said not in parts:
            parts.append(said)
    marked = bool(widget.property("required")) or "(required" in name.casefold()
    if marked and not any("required" in part.casefold() for part in parts):
        parts.append("Required")
    parts.append(kind_of(widget))
    keys = _shortcut(widget, buddy)
    if keys and not any(keys in part for part in parts):
        parts.append(f"Shortcut {keys}")
    return " ".join(_sentence(part) for part in parts)


# ---- what kind of control, and how it is used -----------------------------------------------


def kind_of(widget: QWidget) -> str:
    if isinstance(widget, QDateTimeEdit):
        return _date_kind(widget)
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return _number_kind(widget)
    if isinstance(widget, QComboBox):
        return _choice_kind(widget)
    if isinstance(widget, QCheckBox):
        return "Check box; Space ticks or clears it"
    if isinstance(widget, QRadioButton):
        return _option_kind(widget)
    if isinstance(widget, QAbstractButton):
        return _button_kind(widget)
    if isinstance(widget, QLineEdit):
        return _line_kind(widget)
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return _text_kind(widget)
    if isinstance(widget, QAbstractItemView):
        return _view_kind(widget)
    if isinstance(widget, QAbstractSlider):
        return f"Slider from {widget.minimum()} to {widget.maximum()}; arrow keys move it"
    if isinstance(widget, QTabBar):
        return "Tabs; Left and Right arrow keys move between them"
    return "Control"


def _date_kind(edit: QDateTimeEdit) -> str:
    words = [SECTION_WORDS.get(edit.sectionAt(i), "") for i in range(edit.sectionCount())]
    # A weekday and the day of the month are both day sections: say "day" once.
    words = list(dict.fromkeys(word for word in words if word))
    dated = any(word in DATE_SECTIONS for word in words)
    timed = any(word not in DATE_SECTIONS for word in words)
    kind = "Date and time" if dated and timed else "Date" if dated else "Time"
    text = f"{kind}, {' '.join(words)}; Up and Down change the part under the cursor"
    if edit.specialValueText():
        text += f"; shows {edit.specialValueText()} until one is chosen"
    if edit.calendarPopup():
        text += "; its button opens a calendar"
    return text


def _number_kind(spin: QSpinBox | QDoubleSpinBox) -> str:
    if isinstance(spin, QSpinBox):
        low, high = spin.textFromValue(spin.minimum()), spin.textFromValue(spin.maximum())
    else:
        low, high = spin.textFromValue(spin.minimum()), spin.textFromValue(spin.maximum())
    suffix = spin.suffix().strip()
    text = f"Number from {low} to {high}{' ' + suffix if suffix else ''}"
    if spin.specialValueText():
        text += f"; {low} shows as {spin.specialValueText()}"
    return text + "; Up and Down change it"


def _choice_kind(combo: QComboBox) -> str:
    count = combo.count()
    listed = f"one of {count}" if count > 1 else "from a list"
    if combo.isEditable():
        return f"Type, or choose {listed}; Alt+Down opens the list"
    return f"Choose {listed}; Up and Down change the choice, Alt+Down opens the list"


def _option_kind(button: QRadioButton) -> str:
    group: QButtonGroup | None = button.group()  # None outside a group, whatever the stubs say
    parent = button.parentWidget()
    if group is not None:
        count = len(group.buttons())
    elif button.autoExclusive() and parent is not None:
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        count = len(parent.findChildren(QRadioButton, "", direct))
    else:
        count = 1
    if count > 1:
        return f"Option, one of {count}; arrow keys move between the options"
    return "Option; Space chooses it"


def _button_kind(button: QAbstractButton) -> str:
    has_menu = isinstance(button, QPushButton | QToolButton) and button.menu() is not None
    if isinstance(button.parentWidget(), QTabBar):
        text = "Button; shows the tabs that do not fit on that side"
    elif has_menu:
        text = "Button; opens a menu"
    elif button.isCheckable():
        text = "Toggle button; Space switches it on or off"
    elif _plain(button.text()).endswith(("…", "...")):
        text = "Button; opens a window to fill in or choose from"
    else:
        text = "Button; Space presses it"
    if isinstance(button, QPushButton) and button.isDefault():
        text += "; Enter in a one-line field presses it too"
    box = button.parentWidget()
    cancels = (
        isinstance(box, QDialogButtonBox)
        and box.buttonRole(button) == QDialogButtonBox.ButtonRole.RejectRole
        and isinstance(button.window(), QDialog)
    )
    if cancels:
        text += "; Escape does the same"
    return text


def _line_kind(edit: QLineEdit) -> str:
    hidden = edit.echoMode() in (QLineEdit.EchoMode.Password, QLineEdit.EchoMode.NoEcho)
    if hidden:
        text = "Hidden text: what you type is not shown"
    elif edit.isReadOnly():
        text = "Read-only text; it can be selected and copied"
    else:
        text = "Text, one line"
    if edit.maxLength() < NO_LIMIT and not edit.isReadOnly():
        text += f", up to {edit.maxLength()} characters"
    if edit.completer() is not None:
        text += "; suggestions appear as you type"
    return text


def _text_kind(edit: QPlainTextEdit | QTextEdit) -> str:
    if edit.isReadOnly():
        return "Read-only text of several lines; arrow keys move through it"
    tab = "Tab moves to the next field" if edit.tabChangesFocus() else "Tab types a tab"
    return f"Text of several lines; Enter starts a new line, {tab}"


def _view_kind(view: QAbstractItemView) -> str:
    columns = _column_names(view)
    opens = _opens_on_enter(view)
    if isinstance(view, QTableView):
        rows = view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
        text = "Table" + (f" with columns {', '.join(columns)}" if columns else "")
        text += f"; arrow keys move between {'rows' if rows else 'cells'}"
    elif isinstance(view, QTreeView) and not view.rootIsDecorated():
        text = "List" + (f" with columns {', '.join(columns)}" if len(columns) > 1 else "")
        text += "; Up and Down move between rows"
    elif isinstance(view, QTreeView):
        text = "Tree" + (f" with columns {', '.join(columns)}" if len(columns) > 1 else "")
        text += "; Up and Down move, Right opens a branch and Left closes it"
    else:
        text = "List; Up and Down move between items"
    # Every list item may be ticked (Qt's default flags): only those showing a box can.
    if isinstance(view, QListWidget) and any(
        view.item(row).data(Qt.ItemDataRole.CheckStateRole) is not None
        for row in range(view.count())
    ):
        text += "; Space ticks or clears the current item"
    if opens:
        text += "; Enter opens the current one"
    return text


def _column_names(view: QAbstractItemView) -> list[str]:
    """The headings a screen reader reads with each cell (headings, never cell values)."""
    model = view.model()
    if model is None or isinstance(view, QListWidget):
        return []
    hidden = view.isColumnHidden if isinstance(view, QTableView | QTreeView) else None
    # A list model keeps columnCount() to itself (it is private in PySide6): it has one.
    count = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
    names = []
    for column in range(count):
        if hidden is not None and hidden(column):
            continue
        heading = model.headerData(column, Qt.Orientation.Horizontal)
        if heading:
            names.append(_plain(str(heading)))
    return names


def _opens_on_enter(view: QAbstractItemView) -> bool:
    return view.isSignalConnected(QMetaMethod.fromSignal(view.activated))


# ---- what the form says around the control ---------------------------------------------------


def _is_part(widget: QWidget) -> bool:
    """A compound control's own pieces (a spin box's line edit) are described with it."""
    parent = widget.parentWidget()
    for _level in range(NEAREST):
        if parent is None:
            return False
        if isinstance(parent, COMPOUND):
            return True
        parent = parent.parentWidget()
    return False


def _buddy(widget: QWidget) -> QLabel | None:
    """The label that names the field (its buddy), found among the nearest containers."""
    holder = widget.parentWidget()
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    for _level in range(NEAREST):
        if holder is None or not createdByPython(holder):
            return None  # Qt's own containers (a wizard's button row) hold none of our labels
        for label in holder.findChildren(QLabel, "", direct):
            if label.buddy() is widget:
                return label
        if holder.isWindow():
            return None
        holder = holder.parentWidget()
    return None


def _form_hint(widget: QWidget) -> str:
    """The hint line a form shows under the field (a spanning row styled "hint"), if any."""
    field: QWidget | None = widget
    # The field itself, or the box it sits in (a field with a button); a button in the box is
    # not the field the hint is about.
    for _level in range(1 if isinstance(widget, QAbstractButton) else 2):
        if field is None or field.parentWidget() is None:
            return ""
        form, row = _form_row(field)
        if form is not None:
            below = form.itemAt(row + 1, QFormLayout.ItemRole.SpanningRole)
            label = below.widget() if below is not None else None
            if isinstance(label, QLabel) and label.objectName() == "hint" and not label.isHidden():
                return _plain(label.text())
            return ""
        field = field.parentWidget()
    return ""


def _form_row(field: QWidget) -> tuple[QFormLayout | None, int]:
    parent = field.parentWidget()
    # Only our own containers: asking one of Qt's (a wizard's button row) for its layout makes
    # PySide wrap a layout it does not own, and that wrapper can outlive the layout.
    if parent is None or not createdByPython(parent):
        return None, -1
    form = layout_holding(field)
    if not isinstance(form, QFormLayout):
        return None, -1
    position = form.getWidgetPosition(field)  # (row, role); typed as object
    row = int(position[0]) if isinstance(position, tuple) else -1
    return (form, row) if row >= 0 else (None, -1)


def _placeholder(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QComboBox):
        return _plain(widget.placeholderText())
    return ""


def _own_text(widget: QWidget) -> str:
    return widget.text() if isinstance(widget, QAbstractButton) else ""


def _shortcut(widget: QWidget, buddy: QLabel | None) -> str:
    keys = QKeySequence()
    if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
        keys = widget.defaultAction().shortcut()
    if keys.isEmpty() and isinstance(widget, QAbstractButton):
        keys = widget.shortcut()
    if keys.isEmpty() and buddy is not None:
        keys = QKeySequence.mnemonic(buddy.text())
    return keys.toString(QKeySequence.SequenceFormat.NativeText)


def _plain(text: str) -> str:
    """Text as it is read: rich text's tags dropped, mnemonic ampersands dropped, one line."""
    if QtGui.Qt.mightBeRichText(text):
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.split())


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "…", ":")) else text + "."

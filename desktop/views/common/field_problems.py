"""Problems tied to the field they are about, and the small "⚠" messages shown under fields."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFormLayout,
    QLabel,
    QLayout,
    QWidget,
)

from desktop.views.common.error_announcer import announce_error, error_name
from desktop.views.common.layout_walk import enclosing_layouts, layout_holding
from desktop.views.common.theme import PALETTES, Theme

MARK = "⚠"  # with the words, so the message is not told by colour alone


class FieldProblem(str):
    """A message about one field: still a plain str (joined, compared, shown in the error line
    as before), carrying the field it belongs under."""

    field: QWidget

    def __new__(cls, field: QWidget, text: str) -> FieldProblem:
        problem = super().__new__(cls, text)
        problem.field = field
        return problem


def tie(found: Iterable[str], fields: Mapping[str, QWidget]) -> list[str]:
    """Ties each message a service's check returns to the field it is about, by its words;
    a message not in `fields` stays a plain one for the error line."""
    return [FieldProblem(fields[text], text) if text in fields else text for text in found]


def error_ink() -> str:
    """The theme's error colour (the application records which look is applied)."""
    app = QApplication.instance()
    chosen = app.property("casebookTheme") if app is not None else None
    try:
        theme = Theme(chosen)
    except ValueError:
        theme = Theme.LIGHT
    return PALETTES[theme].error_ink


class FieldMessage(QLabel):
    """The message under one field, in the theme's error colour with a warning sign."""

    def __init__(self, field: QWidget) -> None:
        super().__init__()
        self.field = field
        self.problem = ""
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self._ink = ""
        self._paint()
        self.hide()

    def say(self, problem: str) -> bool:
        """Shows the problem; True when it is new to the person (so it is announced)."""
        fresh = self.isHidden() or problem != self.problem
        self.problem = problem
        self.setText(f"{MARK} {problem}")
        self.setAccessibleName(error_name(problem))
        self.show()
        return fresh

    def clear(self) -> None:
        self.problem = ""
        self.setAccessibleName("")
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange:
            self._paint()  # the person switched light, dark or high contrast

    def _paint(self) -> None:
        ink = error_ink()
        if ink != self._ink:
            self._ink = ink
            self.setStyleSheet(f"QLabel#fieldError {{ color: {ink}; font-weight: 600; }}")


FORM_ROLES = (QFormLayout.ItemRole.FieldRole, QFormLayout.ItemRole.SpanningRole)


def _row_of(position: object) -> int:
    """The row of a QFormLayout position, -1 when the field or label side does not count."""
    if not isinstance(position, tuple):
        return -1
    row, role = position
    return int(row) if role in FORM_ROLES else -1


def _row_holding(form: QFormLayout, field: QWidget) -> int:
    """The form's row that holds the field: as its field, inside a widget that is, or inside a
    layout that is."""
    owner = form.parentWidget()
    if owner is None or not owner.isAncestorOf(field):
        return -1
    widget: QWidget | None = field
    while widget is not None and widget is not owner:
        if form.indexOf(widget) >= 0:
            return _row_of(form.getWidgetPosition(widget))
        holder = layout_holding(widget)
        for layout in enclosing_layouts(holder) if holder is not None else ():
            if layout is not form and form.indexOf(layout) >= 0:
                return _row_of(form.getLayoutPosition(layout))
        widget = widget.parentWidget()
    return -1


def _form_row(root: QWidget, field: QWidget) -> tuple[QFormLayout, int] | None:
    """The form row the field sits in; the innermost when forms are nested."""
    found: tuple[QFormLayout, int] | None = None
    for form in root.findChildren(QFormLayout):
        row = _row_holding(form, field)
        if row >= 0:
            parent = form.parentWidget()
            if found is None or (parent is not None and _inside(parent, found[0])):
                found = (form, row)
    return found


def _inside(widget: QWidget, form: QLayout) -> bool:
    owner = form.parentWidget()
    return owner is not None and owner is not widget and owner.isAncestorOf(widget)


class FieldMessages:
    """Puts a message row directly under each field that has a problem to show: the row is
    added the first time it is needed, so a form with no problems keeps its rows as built."""

    def __init__(self, root: QWidget) -> None:
        # Weakly: the form owns this, and a cycle would keep a closed form's wrapper alive.
        self._root = weakref.ref(root)
        self._messages: dict[int, FieldMessage] = {}
        self._descriptions: dict[int, str] = {}

    def message_for(self, field: QWidget) -> FieldMessage | None:
        return self._messages.get(id(field))

    def show(self, problems: Sequence[FieldProblem], wanted: Callable[[QWidget], bool]) -> None:
        """Shows each problem whose field is wanted (touched, or the form was submitted) and
        visible; clears the rest. New or changed messages are announced."""
        root = self._root()
        if root is None:
            return
        first: dict[int, FieldProblem] = {}
        for problem in problems:
            first.setdefault(id(problem.field), problem)  # one message a field: the first
        shown: set[int] = set()
        for key, problem in first.items():
            field = problem.field
            if not (wanted(field) and field.isVisibleTo(root)):
                continue  # untouched, or its row hidden: nothing to say there yet
            message = self._messages.get(key) or self._place(root, field)
            if message is None:
                continue
            shown.add(key)
            if message.say(str(problem)):
                self._describe(field, str(problem))
                announce_error(message, str(problem))
        for key, message in self._messages.items():
            if key not in shown and not message.isHidden():
                message.clear()
                self._describe(message.field, None)

    def _place(self, root: QWidget, field: QWidget) -> FieldMessage | None:
        row = _form_row(root, field)
        parent = field.parentWidget()
        box = parent.layout() if row is None and parent is not None else None
        if row is None and not (isinstance(box, QBoxLayout) and box.indexOf(field) >= 0):
            return None  # nowhere sensible: the error line still says it
        message = FieldMessage(field)
        if row is not None:
            form, index = row
            form.insertRow(index + 1, "", message)
        elif isinstance(box, QBoxLayout):
            box.insertWidget(box.indexOf(field) + 1, message)
        self._messages[id(field)] = message
        return message

    def _describe(self, field: QWidget, problem: str | None) -> None:
        """The field's own description carries the error too, so it is read on reaching it."""
        key = id(field)
        if problem is None:
            if key in self._descriptions:
                field.setAccessibleDescription(self._descriptions.pop(key))
            return
        original = self._descriptions.setdefault(key, field.accessibleDescription())
        said = error_name(problem)
        field.setAccessibleDescription(f"{said} {original}".strip())

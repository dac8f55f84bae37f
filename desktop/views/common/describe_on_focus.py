"""Describes controls for screen readers as the focus reaches them: the control itself, and
once each, the pages and window it sits on (so a reader's overview of the page has them too).

Why focus and not "first shown": watching every Show means an application-wide event filter,
and a Python filter there is handed every event of every object, those half-destroyed
included; PySide then makes wrappers for them that outlive them, which crashed the suite now
and then. QApplication.focusChanged is a signal Qt emits with live widgets only, and it comes
just before Qt tells the screen reader where the focus is, so the description is ready in time.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from desktop.views.common.accessible_descriptions import describe, describe_widget

# Marks a page or window already walked: kept on the widget itself, so no reference to it is
# held here and a new page (a record opened later) is walked when the focus first enters it.
_WALKED = "casebookDescribed"


class DescribeOnFocus:
    """Connected to QApplication.focusChanged by install_accessibility()."""

    def focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return
        describe_widget(new)  # the one the screen reader is about to read
        for root in pages_around(new):
            if not root.property(_WALKED):
                root.setProperty(_WALKED, True)
                describe(root)


def pages_around(widget: QWidget) -> list[QWidget]:
    """Each page of a tab or stack the widget sits on, innermost first, then its window."""
    pages: list[QWidget] = []
    child, parent = widget, widget.parentWidget()
    while parent is not None and not child.isWindow():
        if isinstance(parent, QStackedWidget):  # a QTabWidget's pages sit in one too
            pages.append(child)
        child, parent = parent, parent.parentWidget()
    return [*pages, widget.window()]


_installed: list[DescribeOnFocus] = []


def install_accessibility(app: QApplication) -> DescribeOnFocus:
    """Connects the describer to the application once; a second call returns the first."""
    if not _installed:
        describer = DescribeOnFocus()
        app.focusChanged.connect(describer.focus_changed)
        _installed.append(describer)
    return _installed[0]

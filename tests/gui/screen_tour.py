"""Brings the window to each main screen in turn; finds layouts that cut off or overlap widgets."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from itertools import combinations

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QSizePolicy,
    QStackedLayout,
    QTabWidget,
    QWidget,
)

from desktop.services.permissions import Section
from desktop.views.caseload.chronology_search_view import ChronologySearchView
from desktop.views.common.layout_walk import laid_out_widgets
from desktop.views.shell.main_window import MainWindow
from desktop.views.shell.shortcut_collector import plain

EVER = (date(2000, 1, 1), date(2100, 1, 1))
SHRINK = QSizePolicy.PolicyFlag.ShrinkFlag.value


def _section(window: MainWindow, section: Section) -> QWidget:
    workspace = window.workspace
    assert workspace is not None
    workspace.show_section(section)
    return workspace.view(section)


def _tab(tabs: QTabWidget, label: str) -> None:
    """Shows the tab whose text (without its Alt mark) starts with label."""
    for index in range(tabs.count()):
        if plain(tabs.tabText(index)).startswith(label):
            tabs.setCurrentIndex(index)
            return
    raise AssertionError(f"no tab {label!r}")


def _caseload_home(window: MainWindow, label: str) -> None:
    workspace = window.workspace
    assert workspace is not None
    _section(window, Section.CASELOAD)
    caseload = workspace.caseload
    assert caseload is not None
    if caseload.open_page is not None:
        caseload.close_record()
    _tab(caseload.home, label)


def _wait_until(done: Callable[[], bool], seconds: float = 5.0) -> None:
    """Lets the event loop run (a search off the GUI thread) until done() or the time is up."""
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def _search(window: MainWindow) -> None:
    """The chronology search with results in it, as a person would see it."""
    _caseload_home(window, "Search chronology")
    workspace = window.workspace
    assert workspace is not None and workspace.caseload is not None
    search = workspace.caseload.home.currentWidget()
    assert isinstance(search, ChronologySearchView)
    if search.search.text() != "visit":
        search.search.setText("visit")
        search.search.returnPressed.emit()
        # Every page asked for has arrived ("Searching…" and "Loading more…" are gone): signing
        # out while a page was loading crashed the process (reported, not mended here).
        _wait_until(lambda: search.model.rowCount() > 0 and "…" not in search.status.text())


def _record(window: MainWindow, label: str) -> None:
    workspace = window.workspace
    assert workspace is not None
    _section(window, Section.CASELOAD)
    caseload = workspace.caseload
    assert caseload is not None
    if caseload.open_page is None:
        caseload.open_person(caseload.model.row_at(0).id)
    page = caseload.open_page
    assert page is not None
    _tab(getattr(page, "tabs"), label)  # noqa: B009 - the record's tabs


def _therapy(window: MainWindow, where: str) -> None:
    workspace, services = window.workspace, window.services
    assert workspace is not None and services is not None
    _section(window, Section.FAMILY_THERAPY)
    therapy = workspace.therapy
    assert therapy is not None
    therapy.close_case()
    if where == "list":
        _tab(therapy.home, "Families")
        return
    case = services.therapy.cases()[0]
    page = therapy.open_case(case.id)
    if where == "note":  # the first session's note, signed: read-only
        session = services.therapy.sessions(case.id)[0]
        assert therapy.open_note(session.id) is not None
    elif where == "editor":  # a therapist's note being written, for the last session
        session = services.therapy.sessions(case.id)[-1]
        note = therapy.open_note(session.id)
        assert note is not None and note.editor is not None
    else:
        _tab(page.tabs, "Sessions")


def _coaching(window: MainWindow, where: str) -> None:
    workspace, services = window.workspace, window.services
    assert workspace is not None and services is not None
    _section(window, Section.EMPLOYMENT_COACHING)
    coaching = workspace.coaching
    assert coaching is not None
    coaching.close_plan()
    if where != "list":
        page = coaching.open_plan(services.coaching.plans()[0].plan_id)
        _tab(page.tabs, where)


def _meetings(window: MainWindow, where: str) -> None:
    workspace, services = window.workspace, window.services
    assert workspace is not None and services is not None
    _section(window, Section.MEETINGS)
    meetings = workspace.meetings
    assert meetings is not None
    meetings.close_meeting()
    if where != "list":
        meetings.open_meeting(services.meetings.meetings(*EVER)[0].id)


def _analysis(window: MainWindow, label: str) -> None:
    _tab(getattr(_section(window, Section.ANALYSIS), "tabs"), label)  # noqa: B009


# (file name, what brings the window there) for every main screen after signing in.
SCREENS: list[tuple[str, Callable[[MainWindow], None]]] = [
    ("my-work", lambda w: _caseload_home(w, "My work")),
    ("caseload-list", lambda w: _caseload_home(w, "Young people")),
    ("record-details", lambda w: _record(w, "Details")),
    ("record-chronology", lambda w: _record(w, "Chronology")),
    ("record-status-risk", lambda w: _record(w, "Status & risk")),
    ("record-people", lambda w: _record(w, "People")),
    ("chronology-search", _search),
    ("groups-places", lambda w: _caseload_home(w, "Groups and places")),
    ("therapy-families", lambda w: _therapy(w, "list")),
    ("therapy-case", lambda w: _therapy(w, "case")),
    ("therapy-note-signed", lambda w: _therapy(w, "note")),
    ("coaching-list", lambda w: _coaching(w, "list")),
    ("coaching-plan-goals", lambda w: _coaching(w, "Goals")),
    ("coaching-timeline", lambda w: _coaching(w, "Timeline")),
    ("meetings-list", lambda w: _meetings(w, "list")),
    ("meeting-page", lambda w: _meetings(w, "page")),
    ("community", lambda w: _section(w, Section.COMMUNITY) and None),
    ("analysis-dashboard", lambda w: _analysis(w, "Dashboard")),
    ("analysis-disproportionality", lambda w: _analysis(w, "Disproportionality")),
    ("analysis-outcomes", lambda w: _analysis(w, "Outcomes")),
    ("data-protection", lambda w: _section(w, Section.DATA_PROTECTION) and None),
    ("administration", lambda w: _section(w, Section.ADMINISTRATION) and None),
]

# Screens only a family therapist sees (the coordinator reads notes but does not write them).
THERAPIST_SCREENS: list[tuple[str, Callable[[MainWindow], None]]] = [
    ("therapy-note-editor", lambda w: _therapy(w, "editor")),
]


def _least(widget: QWidget) -> tuple[int, int]:
    """The smallest size a layout should give the widget (as Qt's own layouts work it out)."""
    policy, hint, smallest = widget.sizePolicy(), widget.minimumSizeHint(), widget.minimumSize()
    sizes = widget.sizeHint()
    across, down = policy.horizontalPolicy().value, policy.verticalPolicy().value
    width = hint.width() if across & SHRINK else sizes.width()
    height = hint.height() if down & SHRINK else sizes.height()
    if policy.horizontalPolicy() is QSizePolicy.Policy.Ignored:
        width = 0
    if policy.verticalPolicy() is QSizePolicy.Policy.Ignored:
        height = 0
    width = smallest.width() if smallest.width() > 0 else width
    height = smallest.height() if smallest.height() > 0 else height
    return min(width, widget.maximumWidth()), min(height, widget.maximumHeight())


def _holds_words(widget: QWidget) -> bool:
    """Labels and buttons: squeezed below their smallest size, their words are cut off. (A
    container's smallest size counts pages not shown, a combo box shows its longest choice in
    its list, a wrapping label takes more lines.)"""
    if isinstance(widget, QLabel):
        return not widget.wordWrap() and bool(widget.text())
    return isinstance(widget, QAbstractButton) and bool(widget.text())


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    words = text() if callable(text) else ""
    label = widget.accessibleName() or widget.objectName() or str(words)[:30]
    return f"{type(widget).__name__}({label!r})"


def layout_problems(root: QWidget) -> list[str]:
    """Widgets a layout squeezed below the size their text needs, pushed past their parent's
    edge, or laid over a sibling: what a window too small for its contents shows."""
    problems: list[str] = []
    for parent in [root, *root.findChildren(QWidget)]:
        layout = parent.layout()
        if layout is None or not parent.isVisible() or isinstance(layout, QStackedLayout):
            continue
        shown = [widget for widget in laid_out_widgets(layout) if widget.isVisible()]
        edge = parent.rect().adjusted(-1, -1, 1, 1)
        for widget in shown:
            if not edge.contains(widget.geometry()):
                problems.append(f"{_name(widget)} goes past the edge of {_name(parent)}")
            if not _holds_words(widget):
                continue
            width, height = _least(widget)
            if widget.width() < width - 1 or widget.height() < height - 1:
                size = f"{widget.width()}x{widget.height()} < {width}x{height}"
                problems.append(f"{_name(widget)} squeezed in {_name(parent)}: {size}")
        for first, second in combinations(shown, 2):
            both = first.geometry().intersected(second.geometry())
            if both.width() > 1 and both.height() > 1:
                problems.append(f"{_name(first)} overlaps {_name(second)} in {_name(parent)}")
    return problems

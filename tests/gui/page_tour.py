"""Opens, in turn, the pages a person works in — a young person's record, a therapy case, a
coaching plan, a meeting — and every tab on each (tabs within tabs too), saying where it is
after each step. Shared by the walks that check keys on every screen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from PySide6.QtWidgets import QTabWidget, QWidget

from desktop.services.permissions import Section
from desktop.views.shell.main_window import MainWindow
from desktop.views.shell.shortcut_collector import plain

EVER = (date(2000, 1, 1), date(2100, 1, 1))


def tabs_of(page: QWidget, where: str) -> Iterator[str]:
    """The page as it is, then each tab of each tab widget it shows."""
    yield where
    for tabs in page.findChildren(QTabWidget):
        if tabs.isVisible():
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                yield f"{where} › {plain(tabs.tabText(index))}"


def opened_pages(window: MainWindow) -> Iterator[str]:
    """The first young person's record, therapy case, coaching plan and meeting, tab by tab."""
    workspace, services = window.workspace, window.services
    assert workspace is not None and services is not None
    workspace.show_section(Section.CASELOAD)
    caseload = workspace.caseload
    assert caseload is not None
    caseload.open_person(caseload.model.row_at(0).id)
    assert caseload.open_page is not None
    yield from tabs_of(caseload.open_page, "record")
    openers = (
        (Section.FAMILY_THERAPY, workspace.therapy, "open_case", services.therapy.cases()[0].id),
        (
            Section.EMPLOYMENT_COACHING,
            workspace.coaching,
            "open_plan",
            services.coaching.plans()[0].plan_id,
        ),
        (
            Section.MEETINGS,
            workspace.meetings,
            "open_meeting",
            services.meetings.meetings(*EVER)[0].id,
        ),
    )
    for section, view, opener, row_id in openers:
        workspace.show_section(section)
        yield from tabs_of(getattr(view, opener)(row_id), section.label)

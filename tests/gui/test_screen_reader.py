"""What a screen reader meets on the main screens, through the real main window on the demo
vault: every control named and described, every table naming itself and its headers, each tab
of each screen in turn."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.models.accounts import Role
from desktop.services.permissions import Section
from desktop.vault.layout import VaultLayout
from desktop.views.analysis.analysis_view import AnalysisView
from desktop.views.analysis.figure_panel import FigurePanel
from desktop.views.analysis.population_dialog import PopulationDialog
from desktop.views.shell.main_window import MainWindow
from tests.gui.conftest import WindowFactory, signed_in_as
from tests.gui.screen_walk import heard_headers, heard_row_headers, table_problems, tables, walk

LONG_AGO = date(2000, 1, 1)


def _section(window: MainWindow, section: Section) -> QWidget:
    workspace = window.workspace
    assert workspace is not None
    workspace.open_section(section)  # as Ctrl+1…8 does: the focus goes inside it
    return workspace.view(section)


def test_the_caseload_screens_and_every_tab_of_a_record(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory
) -> None:
    window = signed_in_as(qtbot, window_factory, Role.COORDINATOR)
    caseload = window.workspace.caseload if window.workspace else None
    assert caseload is not None
    # My work, Search chronology, Groups and places and the caseload list itself.
    problems = walk(window, "Caseload")
    caseload.open_person(caseload.model.row_at(0).id)
    assert caseload.open_page is not None
    problems |= walk(window, "Record")
    assert not problems, "\n".join(sorted(problems))
    # The walk reached the chronology, and its cells are read with their column's heading.
    record = caseload.open_page
    record.tabs.setCurrentIndex(1)
    chronology = tables(record)[0]
    assert chronology.accessibleName() == "Chronology"
    assert heard_headers(chronology)[0] == chronology.model().headerData(
        0, Qt.Orientation.Horizontal
    )


def test_the_other_sections_and_their_pages(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory
) -> None:
    window = signed_in_as(qtbot, window_factory, Role.COORDINATOR)
    services = window.services
    workspace = window.workspace
    assert services is not None and workspace is not None
    problems: set[str] = set()
    for section in Section:
        if section is Section.CASELOAD:
            continue
        _section(window, section)
        problems |= walk(window, section.label)
    therapy, coaching = workspace.therapy, workspace.coaching
    meetings, community = workspace.meetings, workspace.community
    assert therapy and coaching and meetings and community
    today = services.clock.now().date()

    _section(window, Section.FAMILY_THERAPY)
    therapy.open_case(services.therapy.cases()[0].id)
    problems |= walk(window, "Therapy case")
    _section(window, Section.EMPLOYMENT_COACHING)
    coaching.open_plan(services.coaching.plans()[0].plan_id)
    problems |= walk(window, "Coaching plan")
    _section(window, Section.MEETINGS)
    meetings.open_meeting(services.meetings.meetings(LONG_AGO, today)[0].id)
    problems |= walk(window, "Meeting")
    _section(window, Section.COMMUNITY)
    community.open_partner(services.partners.partners()[0].id)
    problems |= walk(window, "Partner")
    community.open_activity(services.engagement.activities(LONG_AGO, today)[0].id)
    problems |= walk(window, "Activity")
    assert not problems, "\n".join(sorted(problems))


def test_figure_tables_are_read_with_their_row_and_column_headings(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory
) -> None:
    window = signed_in_as(qtbot, window_factory, Role.ANALYST)
    analysis = _section(window, Section.ANALYSIS)
    assert isinstance(analysis, AnalysisView)
    panels = [panel for panel in analysis.findChildren(FigurePanel) if panel.isVisible()]
    assert panels
    for panel in panels:
        qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
        assert panel.showing_table()
        view = panel.table_view
        assert not table_problems(panel), table_problems(panel)
        model = view.model()
        # Each row is read with its group ("Male", "15 to 17"), as a sighted reader scans it.
        labels = {row: model.index(row, 0).data() for row in range(model.rowCount())}
        assert heard_row_headers(view) == labels

    analysis.tabs.setCurrentWidget(analysis.disproportionality)
    qtbot.waitUntil(lambda: bool(tables(analysis.disproportionality)), timeout=5000)
    for view in tables(analysis.disproportionality):
        assert not table_problems(view), table_problems(view)
        heard = heard_row_headers(view)
        assert heard and all(heard.values())
        assert heard[0] == view.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_the_population_table_names_each_row_for_the_figure_typed_in_it(
    qtbot: QtBot, demo_vault: VaultLayout, window_factory: WindowFactory
) -> None:
    window = signed_in_as(qtbot, window_factory, Role.ANALYST)
    assert window.services is not None
    dialog = PopulationDialog(window.services.population, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not table_problems(dialog.table), table_problems(dialog.table)
    heard = heard_row_headers(dialog.table)
    model = dialog.table.model()
    # The category is shown once, on its first group; the row header says it on every row.
    assert heard[1].endswith(": " + model.index(1, 1).data())
    assert heard[1].split(": ")[0] == heard[0].split(": ")[0] == model.index(0, 0).data()

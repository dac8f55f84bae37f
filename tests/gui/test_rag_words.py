"""RAG ratings are never shown by colour alone: the word is there, and it reads in every theme."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app import create_application
from desktop.models.choices import Rag
from desktop.views.caseload.caseload_table_model import RAG_COLUMN, CaseloadTableModel
from desktop.views.caseload.person_record_view import PersonRecordView
from desktop.views.caseload.tabs.dialog_fields import RAG_COLOURS
from desktop.views.caseload.tabs.status_risk_tab import StatusRiskTab
from desktop.views.common.theme import Theme, apply_theme, contrast_ratio
from tests.conftest import AddAccount, FakeClock, FastKdfPolicy
from tests.gui.case_tab_driver import Unit, show
from tests.gui.test_themes import contrast

Role = Qt.ItemDataRole


@pytest.fixture
def unit(
    coordinator: tuple[object, str], kdf: FastKdfPolicy, clock: FakeClock, add_account: AddAccount
) -> Iterator[Unit]:
    app = create_application([])
    yield Unit(coordinator[0], kdf, clock, add_account)  # type: ignore[arg-type]
    apply_theme(app, Theme.LIGHT)  # the next test starts from the usual look


def _rated(unit: Unit, rating: Rag) -> int:
    person = unit.person()
    unit.services().risk.set_rag(person.id, rating, "Seen with older peers late at night.")
    return person.id


def _cell_reads(model: QAbstractItemModel, row: int, column: int) -> float:
    """The contrast of a cell's text on its background, as the table would paint it."""
    index = model.index(row, column)
    background = model.data(index, Role.BackgroundRole)
    foreground = model.data(index, Role.ForegroundRole)
    assert isinstance(background, QColor), "the cell has no tint"
    # No foreground of its own means the theme's text colour: light on the dark theme.
    ink = foreground if isinstance(foreground, QColor) else QApplication.palette().text().color()
    return contrast_ratio(ink, background)


@pytest.mark.parametrize("theme", list(Theme))
def test_caseload_rag_cell_says_the_word_and_reads_in_every_theme(unit: Unit, theme: Theme) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, theme)
    for rating in Rag:
        _rated(unit, rating)
    unit.person()  # one not rated yet
    model = CaseloadTableModel(unit.services().people)
    model.reload()
    words = {model.data(model.index(row, RAG_COLUMN)) for row in range(model.rowCount())}
    assert words == {"Red", "Amber", "Green", "Not rated"}
    for row in range(model.rowCount()):
        if model.row_at(row).rag is not None:
            assert _cell_reads(model, row, RAG_COLUMN) >= 4.5, (theme, model.row_at(row).rag)


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_record_header_and_status_tab_say_the_word(qtbot: QtBot, unit: Unit, theme: Theme) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, theme)
    person_id = _rated(unit, Rag.AMBER)
    services = unit.services()
    record = services.people.open_record(person_id)
    view = show(qtbot, PersonRecordView(services, record, []))
    assert view.rag_badge.text() == "RAG: Amber"

    tab = show(qtbot, StatusRiskTab(services, record))
    assert tab.rag.badge.text() == "Amber — medium risk"
    history = tab.rag.history.model
    assert history.data(history.index(0, 1)) == "Amber"
    # The history's tinted rating cell: dark text on the pale tint, even in the dark theme.
    assert _cell_reads(history, 0, 1) >= 4.5


def test_badge_colours_carry_white_words() -> None:
    # The header and Status tab print the word in white on these: AA needs 4.5:1.
    for rating, colour in RAG_COLOURS.items():
        assert contrast("#ffffff", colour) >= 4.5, rating

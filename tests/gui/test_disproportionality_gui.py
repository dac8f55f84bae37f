"""The analyst's disproportionality view and the population table dialog, driven like a person
would: small groups hidden and not compared, figures typed or imported and the ratios after them
recomputed here from the people seeded, bad files refused with their line, other roles kept out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.models.accounts import Role
from desktop.models.choices import Ethnicity
from desktop.services import actions
from desktop.services.analysis_tables import SUPPRESSED
from desktop.services.audit_service import AuditFilter, AuditService
from desktop.services.current_user import CurrentUser
from desktop.services.disproportionality import NO_POPULATION, TOO_FEW, DisproportionalityService
from desktop.services.permissions import PermissionDeniedError
from desktop.services.population_service import (
    GROUPS,
    FigureChange,
    PopulationInputError,
    PopulationService,
)
from desktop.services.sign_in_service import SignedIn
from desktop.views.analysis.disproportionality_table_model import COUNT, RATIO, SHARE
from desktop.views.analysis.disproportionality_view import DisproportionalityView
from desktop.views.analysis.population_dialog import PopulationDialog
from desktop.views.analysis.population_table_model import POPULATION, SOURCE
from desktop.views.analysis.ratio_bar import RATIO_ROLE
from tests.analysis_seed import add_referred
from tests.conftest import AddAccount, FakeClock
from tests.gui.case_tab_driver import answering

LEFT = Qt.MouseButton.LeftButton
POPULATION_CSV = """category,group,population
ethnicity,black_african,2000
ethnicity,white_british,6000
gender,female,5000
gender,male,5000
"""


class Analysis:
    def __init__(self, signed_in: SignedIn, user: CurrentUser, clock: FakeClock) -> None:
        self.population = PopulationService(signed_in.vault.sessions, user, clock)
        self.disproportionality = DisproportionalityService(signed_in.vault.sessions, user, clock)
        self.clock = clock

    def view(self, qtbot: QtBot, may_edit: bool = True) -> DisproportionalityView:
        view = DisproportionalityView(
            self.disproportionality, self.population, lambda: self.clock.now().date(), may_edit
        )
        qtbot.addWidget(view)
        view.resize(1100, 800)
        view.show()  # counted on first show: this year, 1 January to 31 December 2025
        qtbot.waitExposed(view)
        return view

    def dialog(
        self, qtbot: QtBot, csv_file: Path, answers: list[bool] | None = None
    ) -> PopulationDialog:
        """The dialog, importing csv_file; asked to discard typed figures, it gives `answers`
        in turn (yes once they run out)."""
        replies = answers if answers is not None else []

        def confirm(_parent: object, _question: str) -> bool:
            return replies.pop(0) if replies else True

        dialog = PopulationDialog(
            self.population, choose_path=lambda _parent, _start: csv_file, confirm=confirm
        )
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog


@pytest.fixture
def analysis(
    coordinator: tuple[SignedIn, str], add_account: AddAccount, clock: FakeClock
) -> Analysis:
    signed_in, _recovery = coordinator
    return Analysis(signed_in, add_account(Role.ANALYST, "ana"), clock)


@pytest.fixture
def seeded(coordinator: tuple[SignedIn, str], clock: FakeClock, analysis: Analysis) -> Analysis:
    """3 young people of Black African ethnicity, 6 White British."""
    signed_in, _recovery = coordinator
    add_referred(signed_in, clock, Ethnicity.AFRICAN, 3)
    add_referred(signed_in, clock, Ethnicity.WHITE_BRITISH, 6)
    return analysis


def row_texts(view: DisproportionalityView, dimension: str, group: str) -> dict[int, str]:
    """Column -> what the row shows (its text, and what a screen reader is told)."""
    model = view.tables[dimension].model_
    row = next(r for r in range(model.rowCount()) if model.row_at(r).group == group)
    texts = {}
    for column in range(model.columnCount()):
        index = model.index(row, column)
        shown = model.data(index, Qt.ItemDataRole.DisplayRole)
        spoken = model.data(index, Qt.ItemDataRole.AccessibleTextRole)
        texts[column] = f"{shown} | {spoken}"
    return texts


def drawn(view: DisproportionalityView, dimension: str, group: str) -> object:
    model = view.tables[dimension].model_
    row = next(r for r in range(model.rowCount()) if model.row_at(r).group == group)
    return model.data(model.index(row, model.columnCount() - 1), RATIO_ROLE)


def edit_cell(qtbot: QtBot, dialog: PopulationDialog, row: int, column: int, text: str) -> None:
    """Selects the cell, opens its editor with F2, replaces the text and presses Enter."""
    table = dialog.table
    table.setFocus()
    table.setCurrentIndex(dialog.model.index(row, column))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = next(e for e in table.findChildren(QLineEdit) if e.isVisible())
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on the event loop's next turn.
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def test_a_group_of_three_is_shown_as_fewer_than_5_and_not_compared(
    qtbot: QtBot, qtmodeltester: object, seeded: Analysis
) -> None:
    seeded.population.import_csv(POPULATION_CSV, "ONS Census 2021, TS021")
    view = seeded.view(qtbot)

    assert view.stack.currentWidget() is view.figures
    assert view.heading.text() == "1 January 2025 to 31 December 2025: 9 young people referred"
    assert view.sources.text() == "Population: ONS Census 2021, TS021"
    assert "How to read this" in view.note.text() and view.note.wordWrap()
    african = row_texts(view, "ethnicity", "black_african")
    assert african[COUNT].startswith(SUPPRESSED)
    assert african[RATIO].startswith(TOO_FEW)
    assert african[SHARE] == " | "
    # The number 3 is in no cell of the row, and no bar is drawn for it.
    for text in african.values():
        assert not re.search(r"\b3\b", text), text
    assert drawn(view, "ethnicity", "black_african") is None
    # White British: 6 of the 9 known against 6,000 of 8,000.
    white = row_texts(view, "ethnicity", "white_british")
    assert white[COUNT].startswith("6 |")
    expected = (6 / 9) / (6000 / 8000)
    assert white[RATIO].startswith(f"{expected:.2f} |")  # within 0.8-1.25: no words, no tint
    assert drawn(view, "ethnicity", "white_british") == pytest.approx(expected)
    assert row_texts(view, "ethnicity", "asian_indian")[RATIO].startswith(NO_POPULATION)
    # Not known is counted below the groups, greyed, out of the shares.
    model = view.tables["ethnicity"].model_
    last = model.index(model.rowCount() - 1, 0)
    assert not model.row_at(last.row()).in_shares
    assert model.data(last, Qt.ItemDataRole.ForegroundRole) is not None
    assert "Zebedee" not in " ".join(str(t) for t in african.values())
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_fewer_than_5_people_in_all_compares_no_group(
    qtbot: QtBot, analysis: Analysis, coordinator: tuple[SignedIn, str]
) -> None:
    signed_in, _recovery = coordinator
    add_referred(signed_in, analysis.clock, Ethnicity.AFRICAN, 3)
    analysis.population.import_csv(POPULATION_CSV, "ONS Census 2021")
    view = analysis.view(qtbot)
    assert view.heading.text().endswith(": fewer than 5 young people referred")
    # The service's ratio for White British (0 of 3) is 0: on screen it is not a comparison.
    white = row_texts(view, "ethnicity", "white_british")
    assert white[COUNT].startswith("0 |") and white[RATIO].startswith(TOO_FEW)
    assert drawn(view, "ethnicity", "white_british") is None
    assert drawn(view, "gender", "male") is None


def test_a_population_typed_in_the_dialog_changes_the_ratio(
    qtbot: QtBot, qtmodeltester: object, seeded: Analysis, coordinator: tuple[SignedIn, str]
) -> None:
    signed_in, _recovery = coordinator
    add_referred(signed_in, seeded.clock, Ethnicity.AFRICAN, 2)  # 5 Black African, 6 White British
    seeded.population.import_csv(POPULATION_CSV, "ONS Census 2021")
    view = seeded.view(qtbot)
    before = (6 / 11) / (6000 / 8000)
    assert row_texts(view, "ethnicity", "white_british")[RATIO].startswith(
        f"{before:.2f} · under-represented"
    )

    def type_a_figure(dialog: PopulationDialog) -> None:
        dialog.confirm = lambda _parent, _question: True  # were a step to fail
        qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]
        row = dialog.model.row_of("ethnicity", "white_british")
        edit_cell(qtbot, dialog, row, POPULATION, "3,000")
        edit_cell(qtbot, dialog, row, SOURCE, "Mid-year estimate 2023")
        assert dialog.model.data(dialog.model.index(row, POPULATION)) == "3,000"
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, LEFT)

    with answering(PopulationDialog, type_a_figure):
        qtbot.mouseClick(view.edit_button, LEFT)

    # Counted again on closing: 6 of 11 against 3,000 of 5,000; 5 of 11 against 2,000 of 5,000.
    after = (6 / 11) / (3000 / 5000)
    assert row_texts(view, "ethnicity", "white_british")[RATIO].startswith(f"{after:.2f} |")
    african = (5 / 11) / (2000 / 5000)
    assert row_texts(view, "ethnicity", "black_african")[RATIO].startswith(f"{african:.2f} |")
    assert drawn(view, "ethnicity", "white_british") == pytest.approx(after)
    stored = {row.group: row for row in seeded.population.figures()}
    assert (stored["white_british"].population, stored["white_british"].source) == (
        3000,
        "Mid-year estimate 2023",
    )
    assert "Mid-year estimate 2023" in view.sources.text()


def test_importing_a_csv_fills_the_table_and_keeps_other_typed_figures(
    qtbot: QtBot, analysis: Analysis, tmp_path: Path
) -> None:
    csv_file = tmp_path / "population.csv"
    csv_file.write_text(
        "\ufeffcategory,group,population\nethnicity,black_african,2310\n"
        'ethnicity,white_british,"9,120"\nage_band,14_17,7600\n',
        encoding="utf-8",
    )
    dialog = analysis.dialog(qtbot, csv_file)
    model = dialog.model
    edit_cell(qtbot, dialog, model.row_of("gender", "female"), POPULATION, "13900")
    qtbot.keyClicks(dialog.source, "ONS Census 2021")
    qtbot.mouseClick(dialog.import_button, LEFT)

    assert not dialog.error.isVisible()
    assert dialog.notice.text().startswith("Imported 3 figures")
    assert dialog.changed
    for dimension, group, shown in (
        ("ethnicity", "black_african", "2,310"),
        ("ethnicity", "white_british", "9,120"),
        ("age_band", "14_17", "7,600"),
        ("gender", "female", "13,900"),  # typed, in a category the file did not hold
    ):
        row = model.row_of(dimension, group)
        assert model.data(model.index(row, POPULATION)) == shown
    source = model.data(model.index(model.row_of("ethnicity", "black_african"), SOURCE))
    assert source == "ONS Census 2021"
    stored = {(row.dimension, row.group): row.population for row in analysis.population.figures()}
    assert stored == {
        ("ethnicity", "black_african"): 2310,
        ("ethnicity", "white_british"): 9120,
        ("age_band", "14_17"): 7600,
    }
    assert [change.group for change in model.changes()] == ["female"]


def test_a_bad_csv_shows_the_line_and_changes_nothing(
    qtbot: QtBot, analysis: Analysis, tmp_path: Path
) -> None:
    analysis.population.set_figure("gender", "male", 5000, "Census")
    csv_file = tmp_path / "bad.csv"
    csv_file.write_text(
        "category,group,population\ngender,female,5000\ngender,martian,10\n", encoding="utf-8"
    )
    dialog = analysis.dialog(qtbot, csv_file)
    model = dialog.model
    edit_cell(qtbot, dialog, model.row_of("age_band", "10_13"), POPULATION, "7900")
    qtbot.mouseClick(dialog.import_button, LEFT)

    assert dialog.error.isVisible()
    assert "Line 3: 'martian' is not one of the gender groups" in dialog.error.text()
    assert not dialog.changed
    assert [(row.group, row.population) for row in analysis.population.figures()] == [
        ("male", 5000)
    ]
    # What was typed is still there, to save.
    assert model.data(model.index(model.row_of("age_band", "10_13"), POPULATION)) == "7,900"
    assert model.data(model.index(model.row_of("gender", "female"), POPULATION)) == ""


def test_a_blank_population_removes_the_figure_and_a_wrong_one_saves_nothing(
    qtbot: QtBot, analysis: Analysis, tmp_path: Path
) -> None:
    analysis.population.import_csv(POPULATION_CSV, "ONS Census 2021")
    dialog = analysis.dialog(qtbot, tmp_path / "unused.csv")
    model = dialog.model
    edit_cell(qtbot, dialog, model.row_of("gender", "male"), POPULATION, "")
    edit_cell(qtbot, dialog, model.row_of("gender", "female"), POPULATION, "99999999")
    qtbot.mouseClick(dialog.save_button, LEFT)

    assert dialog.isVisible() and dialog.error.isVisible()
    assert "The population of Female must be a whole number" in dialog.error.text()
    assert ("gender", "male") in {(r.dimension, r.group) for r in analysis.population.figures()}

    edit_cell(qtbot, dialog, model.row_of("gender", "female"), POPULATION, "5100")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.isVisible() and dialog.changed
    stored = {row.group: row.population for row in analysis.population.figures()}
    assert stored == {"black_african": 2000, "white_british": 6000, "female": 5100}


def test_closing_with_typed_figures_asks_first(
    qtbot: QtBot, analysis: Analysis, tmp_path: Path
) -> None:
    answers = [False, True]
    dialog = analysis.dialog(qtbot, tmp_path / "unused.csv", answers)
    model = dialog.model
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes without asking
    assert not dialog.isVisible() and answers == [False, True]
    dialog.show()
    edit_cell(qtbot, dialog, model.row_of("gender", "male"), POPULATION, "5000")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and answers == [True]  # "no": the typed figure is kept
    assert model.data(model.index(model.row_of("gender", "male"), POPULATION)) == "5,000"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and answers == []
    assert analysis.population.figures() == []


def test_the_template_lists_every_group_and_imports_back(
    qtbot: QtBot, analysis: Analysis, tmp_path: Path
) -> None:
    analysis.population.set_figure("gender", "male", 5000)
    template = tmp_path / "template.csv"
    dialog = analysis.dialog(qtbot, template)
    dialog.choose_template = lambda _parent, _name: template
    qtbot.mouseClick(dialog.template_button, LEFT)
    lines = template.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "category,group,population"
    assert "gender,male,5000" in lines and "ethnicity,white_roma," in lines
    assert len(lines) == 1 + sum(len(groups) for groups in GROUPS.values())
    assert dialog.notice.text().startswith("Template saved as template.csv")
    # Filled in, it imports as it is.
    template.write_text(template.read_text().replace("age_band,10_13,", "age_band,10_13,7900"))
    qtbot.mouseClick(dialog.import_button, LEFT)
    assert not dialog.error.isVisible(), dialog.error.text()
    stored = {(row.dimension, row.group): row.population for row in analysis.population.figures()}
    assert stored == {("gender", "male"): 5000, ("age_band", "10_13"): 7900}


def test_with_no_population_figures_the_view_offers_the_table(
    qtbot: QtBot, seeded: Analysis, tmp_path: Path
) -> None:
    view = seeded.view(qtbot)
    assert view.stack.currentWidget() is view.empty
    assert view.empty_button.isVisible()
    csv_file = tmp_path / "population.csv"
    csv_file.write_text(POPULATION_CSV, encoding="utf-8")

    def import_and_close(dialog: PopulationDialog) -> None:
        dialog.confirm = lambda _parent, _question: True  # were a step to fail
        dialog.choose_path = lambda _parent, _start: csv_file
        qtbot.mouseClick(dialog.import_button, LEFT)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Close: the import is saved already

    with answering(PopulationDialog, import_and_close):
        qtbot.mouseClick(view.empty_button, LEFT)

    assert view.stack.currentWidget() is view.figures
    assert row_texts(view, "gender", "male")[RATIO].startswith(f"{1 / 0.5:.2f} · over")


def test_a_gangs_worker_cannot_open_the_population_table(
    qtbot: QtBot, coordinator: tuple[SignedIn, str], add_account: AddAccount, clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    worker = Analysis(signed_in, add_account(Role.GANGS_WORKER, "gw"), clock)
    with pytest.raises(PermissionDeniedError):
        PopulationDialog(worker.population)
    with pytest.raises(PermissionDeniedError):
        worker.population.save_figures([FigureChange("gender", "male", 10)])
    view = worker.view(qtbot, may_edit=False)
    assert not view.edit_button.isVisible()
    assert view.error.isVisible() and view.result is None  # the service refused the figures
    assert not view.stack.isVisible()
    # The coordinator's own table is untouched.
    assert PopulationService(signed_in.vault.sessions, signed_in.user, clock).figures() == []


def test_figures_saved_together_are_audited_by_category_and_group_only(
    analysis: Analysis, coordinator: tuple[SignedIn, str]
) -> None:
    signed_in, _recovery = coordinator
    assert analysis.population.save_figures([]) == 0
    with pytest.raises(PopulationInputError, match="not one of"):
        analysis.population.save_figures([FigureChange("gender", "not_known", 10)])
    assert analysis.population.figures() == []
    changes = [
        FigureChange("gender", "male", 5000, "Census"),
        FigureChange("gender", "female", None),
        FigureChange("age_band", "10_13", 7900, "Census"),
    ]
    assert analysis.population.save_figures(changes) == 3
    audit = AuditService(signed_in.vault.sessions, signed_in.user)
    entries = audit.page(AuditFilter(action=actions.POPULATION_CHANGED), 0, 10)
    assert sorted((row.actor, row.entity_id, row.fields) for row in entries) == sorted(
        [("ana", "age_band", "10_13"), ("ana", "gender", "female,male")]
    )

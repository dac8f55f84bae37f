"""The borough population table for the analyst: every group's figure and source, typed in or
imported from a CSV file, saved all together. Counts only: the table holds no personal data."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.permissions import PermissionDeniedError
from desktop.services.population_service import (
    CSV_COLUMNS,
    DIMENSION_LABELS,
    GROUPS,
    MAX_SOURCE,
    PopulationInputError,
    PopulationRow,
    PopulationService,
    parse_csv,
)
from desktop.views.analysis.population_table_model import (
    CATEGORY,
    GROUP,
    POPULATION,
    SOURCE,
    PopulationTableModel,
)
from desktop.views.caseload.record_tab import error_label
from desktop.views.caseload.tabs.tab_parts import hint
from desktop.views.common.document_save_dialog import default_folder
from desktop.views.common.path_choosers import PathChooser, open_path_chooser, save_path_chooser
from desktop.views.therapy.therapy_document_dialog import Confirm, ask

ABOUT = (
    "The borough's young people aged 10 to 25 by ethnicity, gender and age band, set beside "
    "the young people referred. Type a figure in a row or import a CSV file with the columns "
    "category, group and population (docs/population-table.md lists the groups); leave a "
    "population blank for no figure. Importing a file replaces the figures of each category "
    "it holds and is saved at once; typed figures are saved with Save."
)
TEMPLATE_FILE = "Population table.csv"
DISCARD = "Close without saving the figures typed in the table?"
# A population table has a few dozen rows: anything far bigger is the wrong file.
MAX_FILE_BYTES = 1_000_000
UNREADABLE = "The file could not be read: choose a CSV file saved as UTF-8 text."
TOO_BIG = "The file is too large to be a population table: choose the CSV of figures."


choose_csv_path = open_path_chooser("Import population figures", "CSV files (*.csv);;All files (*)")


choose_template_path = save_path_chooser("Save the template as", "CSV files (*.csv)")


def read_csv_text(path: Path) -> str:
    """The file's text, or PopulationInputError saying why it cannot be used."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PopulationInputError(TOO_BIG)
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PopulationInputError(UNREADABLE) from error


class _PopulationDelegate(QStyledItemDelegate):
    """Only digits and commas can be typed in a population; blank removes the figure."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QLineEdit(parent)
        if index.column() == POPULATION:
            pattern = QRegularExpression(r"[0-9][0-9,]{0,11}|")
            editor.setValidator(QRegularExpressionValidator(pattern, editor))
        else:
            editor.setMaxLength(MAX_SOURCE)
        return editor


class PopulationDialog(QDialog):
    """Reads the table when built: PermissionDeniedError for a role that may not see it."""

    def __init__(
        self,
        population: PopulationService,
        parent: QWidget | None = None,
        choose_path: PathChooser = choose_csv_path,
        choose_template: PathChooser = choose_template_path,
        confirm: Confirm = ask,
    ) -> None:
        super().__init__(parent)
        self._population = population
        # The native file dialogs, unless a test stands in.
        self.choose_path = choose_path
        self.choose_template = choose_template
        self.confirm = confirm
        # True once anything was written, so the view counts again when the dialog closes.
        self.changed = False
        figures = population.figures()
        self.setWindowTitle("Borough population")
        self.model = PopulationTableModel()
        self.model.set_figures(figures)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Population figures")
        self.table.setItemDelegate(_PopulationDelegate(self.table))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Tab leaves the table (the arrow keys move between cells; a figure being typed still
        # moves on to the next one with Tab): a table that keeps Tab traps a keyboard user, who
        # could never reach the source field or the buttons.
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(CATEGORY, 100)
        self.table.setColumnWidth(GROUP, 420)
        self.table.setColumnWidth(POPULATION, 110)
        self.source = QLineEdit(_usual_source(figures))
        self.source.setMaxLength(MAX_SOURCE)
        self.source.setPlaceholderText("e.g. ONS Census 2021, TS021 and RM032")
        self.source.setAccessibleName("Source of the file")
        self.source.setToolTip("Where the imported figures come from: shown beside the figures")
        source_label = QLabel("Source of the &file")
        source_label.setBuddy(self.source)
        self.import_button = QPushButton("&Import CSV…")
        self.import_button.setToolTip("Replace categories' figures with those of a CSV file")
        self.import_button.clicked.connect(self.import_file)
        self.template_button = QPushButton("E&xport template…")
        self.template_button.setToolTip("Save a CSV file of every group to fill in")
        self.template_button.clicked.connect(self.export_template)
        importing = QHBoxLayout()
        importing.addWidget(source_label)
        importing.addWidget(self.source, 1)
        importing.addWidget(self.import_button)
        importing.addWidget(self.template_button)
        self.error = error_label()
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText("&Save")
        save.setToolTip("Save the figures typed in the table")
        self.save_button = save
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(hint(ABOUT, wrap=True))
        layout.addLayout(importing)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.notice)
        layout.addWidget(self.buttons)
        self.resize(1000, 720)
        # Ready to type the first figure.
        self.table.setCurrentIndex(self.model.index(0, POPULATION))
        self.table.setFocus()

    def import_file(self) -> None:
        path = self.choose_path(self, str(default_folder()))
        if path is None:
            return
        try:
            text = read_csv_text(path)
            imported = self._population.import_csv(text, self.source.text())
            kinds = {dimension for dimension, _group in parse_csv(text)}
            figures = self._population.figures()
        except (PopulationInputError, PermissionDeniedError) as error:
            self._say(str(error), error=True)
            return
        self.changed = True
        # Typed figures in categories the file did not hold are still to be saved.
        self.model.set_figures(figures, keep=set(GROUPS) - kinds)
        replaced = " and ".join(DIMENSION_LABELS[kind].lower() for kind in GROUPS if kind in kinds)
        self._say(f"Imported {imported} figures: the {replaced} figures were replaced.")

    def export_template(self) -> None:
        path = self.choose_template(self, str(default_folder() / TEMPLATE_FILE))
        if path is None:
            return
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for line in self.model.lines():
            population = "" if line.population is None else str(line.population)
            writer.writerow((line.dimension, line.group, population))
        try:
            path.write_text(out.getvalue(), encoding="utf-8")
        except OSError:
            self._say("The template could not be written there: choose another folder.", error=True)
            return
        self._say(f"Template saved as {path.name}: fill in the population column.")

    def save(self) -> None:
        self.table.setFocus()  # ends an edit in progress, so the typed figure counts
        try:
            saved = self._population.save_figures(self.model.changes())
        except (PopulationInputError, PermissionDeniedError) as error:
            self._say(str(error), error=True)
            return
        self.changed = self.changed or saved > 0
        self.accept()

    def reject(self) -> None:
        """Close or Escape: typed figures are not thrown away without asking."""
        self.table.setFocus()  # ends an edit in progress, so it counts as typed
        if self.model.changes() and not self.confirm(self, DISCARD):
            return
        super().reject()

    def _say(self, text: str, error: bool = False) -> None:
        shown, hidden = (self.error, self.notice) if error else (self.notice, self.error)
        shown.setText(text)
        shown.show()
        hidden.hide()


def _usual_source(figures: list[PopulationRow]) -> str:
    """The source most figures came from: the likely source of the next file."""
    sources = Counter(row.source for row in figures)
    sources.pop("", None)
    return sources.most_common(1)[0][0] if sources else ""

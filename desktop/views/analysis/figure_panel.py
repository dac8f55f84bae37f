"""One figure on the analyst's screens: its title, the chart or the table of counts, its note,
and buttons to save the chart as a PNG and to copy the table, small counts suppressed in all."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.analysis_tables import FigureTable
from desktop.views.analysis.figure_chart import FigureChart, preferred_size, render_png
from desktop.views.caseload.tabs.tab_parts import hint
from desktop.views.common.announce import announce
from desktop.views.common.document_save_dialog import default_folder
from desktop.views.common.fixed_rows_model import FixedRowsModel
from desktop.views.common.path_choosers import PathChooser, save_path_chooser
from desktop.views.common.restyle import restyle

# The saved image: this many points wide, drawn at twice that in pixels so it prints sharply.
PNG_WIDTH = 800
PNG_SCALE = 2.0
ShownRow = tuple[str, list[str]]


choose_png_path = save_path_chooser("Save the chart as", "PNG images (*.png)")


def png_height(table: FigureTable) -> int:
    return preferred_size(table, QGuiApplication.font(), PNG_WIDTH).height()


def tab_separated(table: FigureTable) -> str:
    """The table for pasting into a spreadsheet: title, headings, then rows as shown."""
    lines = [table.title, "\t".join((table.row_heading, *table.columns))]
    lines += ["\t".join((label, *cells)) for label, cells in table.shown_rows()]
    return "\n".join(lines) + "\n"


def _label(row: ShownRow) -> str:
    return row[0]


def _cell(column: int) -> Callable[[ShownRow], str]:
    return lambda row: row[1][column]


def table_model(table: FigureTable) -> FixedRowsModel[ShownRow]:
    """The counts as the analyst may see them ("fewer than 5" for 1 to 4); no totals, since a
    total beside a suppressed cell would give it away."""
    columns: list[tuple[str, Callable[[ShownRow], str]]] = [(table.row_heading, _label)]
    columns += [(heading, _cell(index)) for index, heading in enumerate(table.columns)]
    model: FixedRowsModel[ShownRow] = FixedRowsModel(
        columns, centred=range(1, len(columns)), row_header=_label
    )
    model.set_rows(table.shown_rows())
    return model


class FigurePanel(QFrame):
    def __init__(self, table: FigureTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.table = table
        self.choose_path: PathChooser = choose_png_path  # a test stands in for the dialog
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.title.setWordWrap(True)
        # No mnemonics here: every panel of the grid has these buttons, and Alt+letter would
        # only cycle through them (and take the period chooser's letters). Tab reaches them.
        self.toggle = QPushButton("Show table")
        self.toggle.setCheckable(True)
        self.toggle.setToolTip("Show the counts as a table instead of the chart")
        self.toggle.toggled.connect(self._toggled)
        self.save_button = QPushButton("Save as PNG…")
        self.save_button.setToolTip("Save the chart as a picture (counts only, no names)")
        self.save_button.clicked.connect(self.save_png)
        self.copy_button = QPushButton("Copy")
        self.copy_button.setToolTip("Copy the table, to paste into a spreadsheet")
        self.copy_button.clicked.connect(self.copy)
        self.chart = FigureChart(table)
        self.table_view = QTableView()
        self.table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table_view.setTabKeyNavigation(False)
        self.table_view.verticalHeader().hide()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.chart)
        self.stack.addWidget(self.table_view)
        self.note = hint(wrap=True)
        self.message = hint(wrap=True)
        # The buttons go under the chart, beside what they report: a title beside them would
        # wrap in a half-width panel.
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.message, 1)
        for button in (self.toggle, self.save_button, self.copy_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self.set_table(table)

    def set_table(self, table: FigureTable) -> None:
        self.table = table
        self.title.setText(table.title)
        self.setAccessibleName(table.title)
        self.chart.set_table(table)
        self.model = table_model(table)  # held here: the view does not own its model
        self.table_view.setModel(self.model)
        self.table_view.setAccessibleName(f"Table: {table.title}")
        header = self.table_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        rows = len(table.rows)
        fitting = (
            header.sizeHint().height()
            + rows * self.table_view.verticalHeader().defaultSectionSize()
        )
        self.table_view.setMinimumHeight(min(fitting + 2 * self.table_view.frameWidth(), 260))
        self.note.setText(table.note)
        self.note.setVisible(bool(table.note))
        self.message.clear()

    def showing_table(self) -> bool:
        return self.stack.currentWidget() is self.table_view

    def _toggled(self, table: bool) -> None:
        self.stack.setCurrentWidget(self.table_view if table else self.chart)
        self.toggle.setText("Show chart" if table else "Show table")

    def save_png(self) -> None:
        # A picture of counts with small numbers suppressed holds no personal data, so saving
        # it is not audited (the Excel export of the same figures is, being a whole workbook).
        target = self.choose_path(self, str(default_folder() / f"{self.table.key}.png"))
        if target is None:
            return
        if target.suffix.lower() != ".png":
            target = target.with_name(target.name + ".png")
        data = render_png(self.table, PNG_WIDTH, png_height(self.table), PNG_SCALE)
        try:
            target.write_bytes(data)
        except OSError:
            self._say(
                f"Could not save {target.name}: check the folder exists and is writable.", True
            )
            return
        self._say(f"Saved as {target.name}.", False)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(tab_separated(self.table))
        self._say("Copied the table: paste it into a spreadsheet.", False)

    def _say(self, text: str, error: bool) -> None:
        restyle(self.message, "error" if error else "hint")
        announce(self.message, text, urgent=error)

"""The coordinator's employment coaching settings: how often plans are reviewed, and the list of
barriers coaches choose from (the standard ones, plus those the unit adds or retires)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.bundle import Services
from desktop.services.coaching_records import REVIEW_WEEKS_RANGE, BarrierTypeRow, CoachingInputError
from desktop.views.caseload.tabs.tab_parts import hint, section_title
from desktop.views.coaching.coaching_plan_parts import CoachingSavingDialog
from desktop.views.common.announce import announce
from desktop.views.common.fixed_rows_model import FixedRowsModel

COLUMNS = (
    ("Barrier", lambda row: row.label),
    ("In use", lambda row: "Yes" if row.active else "Retired"),
)


class BarrierTypeDialog(CoachingSavingDialog):
    """The service checks the name (empty, too long, already there); the dialog stays open with
    its words until it is saved or cancelled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("New kind of barrier", parent)
        self.label = QLineEdit()
        self.label.setAccessibleName("Barrier name")
        self.label.setPlaceholderText("e.g. No driving licence")
        self.label.setMaxLength(120)
        self.form.addRow("&Name", self.label)

    def problems(self) -> list[str]:
        return [] if self.label.text().strip() else ["Enter the barrier's name."]


class CoachingSettingsPanel(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.review_weeks = QSpinBox()
        self.review_weeks.setRange(*REVIEW_WEEKS_RANGE)
        self.review_weeks.setSuffix(" weeks")
        self.review_weeks.setAccessibleName("Review plans every")
        self.review_weeks.setValue(services.coaching.review_interval_weeks())
        self.save_button = QPushButton("Save &review interval")
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save_interval)
        self.saved = QLabel()
        self.saved.setObjectName("notice")
        self.saved.setWordWrap(True)
        self.saved.hide()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        interval = QHBoxLayout()
        interval.addWidget(self.review_weeks)
        interval.addWidget(self.save_button)
        interval.addStretch(1)
        form = QFormLayout()
        every = QLabel("Review plans &every")
        every.setBuddy(self.review_weeks)
        form.addRow(every, interval)

        self.model: FixedRowsModel[BarrierTypeRow] = FixedRowsModel(
            COLUMNS, muted=lambda row: not row.active
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Kinds of barrier")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMaximumWidth(640)
        self.add_button = QPushButton("&New kind of barrier…")
        self.add_button.clicked.connect(self.add_barrier_type)
        self.toggle_button = QPushButton("Re&tire / bring back")
        self.toggle_button.setToolTip(
            "A retired barrier is not offered for new barriers; barriers already recorded keep it"
        )
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.toggle_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(section_title("Plan reviews"))
        layout.addLayout(form)
        layout.addWidget(
            hint(
                "A new plan, and each review, sets the next review this many weeks on. "
                "Review dates already set stay as they are.",
                wrap=True,
            )
        )
        layout.addWidget(self.saved)
        layout.addWidget(self.error)
        layout.addSpacing(12)
        layout.addWidget(section_title("Barriers coaches choose from"))
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        chosen = self._selected()
        self.model.set_rows(self._services.coaching.barrier_types(include_inactive=True))
        if chosen is not None:
            self._select(chosen.id)
        self._selection_changed()

    def save_interval(self) -> None:
        weeks = self.review_weeks.value()
        try:
            self._services.coaching.set_review_interval_weeks(weeks)
        except CoachingInputError as error:
            self.saved.hide()
            announce(self.error, str(error), urgent=True)
            return
        self.error.hide()
        announce(self.saved, f"Saved: plans are reviewed every {weeks} week{'s' * (weeks != 1)}.")

    def add_barrier_type(self) -> None:
        coaching = self._services.coaching
        dialog = BarrierTypeDialog(self)
        dialog.save = lambda: coaching.add_barrier_type(dialog.label.text())
        saved = dialog.exec()
        dialog.deleteLater()
        if saved and isinstance(dialog.result_of_save, int):
            self.reload()
            self._select(dialog.result_of_save)

    def toggle_selected(self) -> None:
        row = self._selected()
        if row is None:
            QMessageBox.information(self, "Casebook", "Choose a kind of barrier first.")
            return
        self._services.coaching.set_barrier_type_active(row.id, not row.active)
        self.reload()

    def _selected(self) -> BarrierTypeRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _select(self, type_id: int) -> None:
        for number, row in enumerate(self.model.rows):
            if row.id == type_id:
                self.table.selectRow(number)
                return

    def _selection_changed(self) -> None:
        row = self._selected()
        # Alt+B is the Backups tab: the button says which way it goes, with its own key.
        self.toggle_button.setText(
            "Re&tire / bring back"
            if row is None
            else "B&ring back"
            if not row.active
            else "Re&tire"
        )
        self.toggle_button.setEnabled(row is not None)

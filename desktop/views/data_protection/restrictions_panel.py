"""The coordinator's restricted records and the break-glass openings waiting for review."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from desktop.services.restriction_service import (
    BreakGlassRow,
    RestrictedRecordRow,
    RestrictionInputError,
    RestrictionService,
)
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import PLAIN, RowLook, RowsTableModel
from desktop.views.common.when import local_time_text
from desktop.views.data_protection.restriction_dialog import (
    LiftRestrictionDialog,
    RestrictionDialog,
)

# Unreviewed openings stand out by weight and a tint, and say so in words (Status column).
UNREVIEWED_TINT = "#fdecc8"
NOT_NAMED = "(not named on it: reference only)"


def _opening_look(row: BreakGlassRow, _column: int) -> RowLook:
    return RowLook(background=UNREVIEWED_TINT, bold=True) if row.reviewed_at is None else PLAIN


def _status(row: BreakGlassRow) -> str:
    if row.reviewed_at is None:
        return "Not reviewed"
    return f"Reviewed by {row.reviewed_by}, {local_time_text(row.reviewed_at)}"


class RestrictionsPanel(QWidget):
    """Restrict…, Named staff…, Lift… over the restricted records; Mark reviewed over the
    break-glass openings (unreviewed first)."""

    def __init__(self, restrictions: RestrictionService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._restrictions = restrictions
        records_model: RowsTableModel[RestrictedRecordRow] = RowsTableModel(
            [
                ("Reference", lambda r: r.case_reference),
                ("Young person", lambda r: r.name if r.name is not None else NOT_NAMED),
                ("Named staff", lambda r: ", ".join(r.staff_names)),
                ("Restricted", lambda r: local_time_text(r.restricted_at)),
                ("By", lambda r: r.restricted_by),
            ]
        )
        self.records: RowTable[RestrictedRecordRow] = RowTable(
            records_model,
            "Restricted records",
            "No record is restricted.",
            widths=(100, 190, 260, 130),
        )
        self.records.selection_changed.connect(self._update_buttons)
        self.records.activated.connect(lambda _row: self.edit_staff())
        self.restrict_button = QPushButton("&Restrict a record…")
        self.restrict_button.clicked.connect(self.restrict)
        self.staff_button = QPushButton("Named s&taff…")
        self.staff_button.clicked.connect(self.edit_staff)
        self.lift_button = QPushButton("&Lift restriction…")
        self.lift_button.clicked.connect(self.lift)

        openings_model: RowsTableModel[BreakGlassRow] = RowsTableModel(
            [
                ("Opened", lambda r: local_time_text(r.opened_at)),
                ("Reference", lambda r: r.case_reference),
                ("By", lambda r: r.opened_by),
                ("Reason", lambda r: r.reason),
                ("Status", _status),
            ],
            look=_opening_look,
            tooltip=lambda r: r.reason,
        )
        self.openings: RowTable[BreakGlassRow] = RowTable(
            openings_model,
            "Break-glass openings",
            "No one has broken glass to open a restricted record.",
            widths=(150, 100, 150, 300),
        )
        self.openings.selection_changed.connect(self._update_buttons)
        self.review_button = QPushButton("&Mark reviewed")
        self.review_button.clicked.connect(self.mark_reviewed)
        self.unreviewed_label = QLabel()
        self.unreviewed_label.setObjectName("hint")

        layout = QVBoxLayout(self)
        records_title = QLabel("Restricted records")
        records_title.setObjectName("sectionTitle")
        layout.addWidget(records_title)
        hint = QLabel(
            "Only the staff named on a restricted record can open it. Others see that it exists "
            "only when they are about to add the same young person, and must break glass."
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.records, 1)
        record_buttons = QHBoxLayout()
        record_buttons.addWidget(self.restrict_button)
        record_buttons.addWidget(self.staff_button)
        record_buttons.addWidget(self.lift_button)
        record_buttons.addStretch(1)
        layout.addLayout(record_buttons)
        layout.addSpacing(12)
        openings_title = QLabel("Break-glass openings")
        openings_title.setObjectName("sectionTitle")
        layout.addWidget(openings_title)
        layout.addWidget(self.openings, 1)
        opening_buttons = QHBoxLayout()
        opening_buttons.addWidget(self.unreviewed_label, 1)
        opening_buttons.addWidget(self.review_button)
        layout.addLayout(opening_buttons)
        self.reload()

    def reload(self) -> None:
        self.records.set_rows(self._restrictions.restricted_records())
        openings = self._restrictions.break_glass_openings()
        self.openings.set_rows(openings)
        waiting = sum(1 for row in openings if row.reviewed_at is None)
        self.unreviewed_label.setText(
            f"{waiting} opening{'' if waiting == 1 else 's'} not yet reviewed" if waiting else ""
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.records.selected() is not None
        self.staff_button.setEnabled(chosen)
        self.lift_button.setEnabled(chosen)
        opening = self.openings.selected()
        self.review_button.setEnabled(opening is not None and opening.reviewed_at is None)

    def restrict(self) -> None:
        if RestrictionDialog(self._restrictions, None, self).exec():
            self.reload()

    def edit_staff(self) -> None:
        row = self.records.selected()
        if row is not None and RestrictionDialog(self._restrictions, row, self).exec():
            self._reload_keeping(row.young_person_id)

    def lift(self) -> None:
        row = self.records.selected()
        if row is not None and LiftRestrictionDialog(self._restrictions, row, self).exec():
            self.reload()

    def mark_reviewed(self) -> None:
        row = self.openings.selected()
        if row is None:
            return
        try:
            self._restrictions.mark_reviewed(row.id)
        except RestrictionInputError as error:
            QMessageBox.warning(self, "Break-glass openings", str(error))
        self.reload()
        self.openings.select_where(lambda r: r.id == row.id)

    def _reload_keeping(self, young_person_id: int) -> None:
        self.reload()
        self.records.select_where(lambda r: r.young_person_id == young_person_id)

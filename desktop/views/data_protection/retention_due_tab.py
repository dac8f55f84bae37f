"""Records due for review in a month: keep them, dispose of them, or hold them for an inquiry."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.models.choices import RecordKind, RetentionDecisionKind
from desktop.services.disposal_service import DisposalService
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.services.retention_holds import LegalHoldService
from desktop.services.retention_review_service import DueRecord, RetentionReviewService
from desktop.views.caseload.tabs.tab_parts import action_button, hint, section_title
from desktop.views.common.announce import announce
from desktop.views.common.restyle import restyle
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import PLAIN, RowLook, RowsTableModel
from desktop.views.common.when import date_text
from desktop.views.data_protection.disposal_confirm_dialog import DisposalConfirmDialog
from desktop.views.data_protection.legal_hold_dialog import place_hold
from desktop.views.data_protection.retention_decision_dialog import RetentionDecisionDialog

D = RetentionDecisionKind
HELD = "On hold"


def decision_text(row: DueRecord) -> str:
    if row.decision is D.DISPOSE:
        return "Dispose (not yet done)"
    if row.decision is D.KEEP:
        return f"Kept; review {date_text(row.next_review_on)}"
    return ""


COLUMNS = (
    ("Kind", lambda row: row.kind.label),
    ("No.", lambda row: row.record_id),
    ("Record", lambda row: row.label),
    ("From", lambda row: date_text(row.trigger_on)),
    ("Due", lambda row: date_text(row.due_on)),
    ("Rule", lambda row: row.rule.text),
    ("Hold", lambda row: HELD if row.held else ""),
    ("Decision", decision_text),
)


def _look(row: DueRecord, column: int) -> RowLook:
    return RowLook(foreground="#8a1c1c", bold=True) if row.held and column == 6 else PLAIN


class RetentionDueTab(QWidget):
    def __init__(
        self,
        review: RetentionReviewService,
        holds: LegalHoldService,
        disposal: DisposalService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._review = review
        self._holds = holds
        self._disposal = disposal
        self.month = QDateEdit()
        self.month.setDisplayFormat("MMMM yyyy")
        self.month.setCalendarPopup(True)
        self.month.setAccessibleName("Month")
        today = review.today()
        self.month.setDate(QDate(today.year, today.month, 1))
        month_label = QLabel("&Month")
        month_label.setBuddy(self.month)
        self.count = hint()
        # Refusals and outcomes, said in place (no message box to dismiss).
        self.message = QLabel()
        self.message.setObjectName("notice")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Message")
        self.message.hide()
        self.table: RowTable[DueRecord] = RowTable(
            RowsTableModel(COLUMNS, _look),
            "Records due for review",
            "No records are due for review in this month.",
            (165, 40, 200, 82, 82, 180, 55),
        )
        self.keep_button = action_button("&Keep…", "Keep the record: why, and when to review")
        self.dispose_button = action_button("&Dispose…", "Decide to dispose of it, then confirm")
        self.hold_button = action_button("&Hold…", "Place a legal hold on the record")
        for button in (self.keep_button, self.dispose_button, self.hold_button):
            button.setEnabled(False)
        self.keep_button.clicked.connect(self.keep_selected)
        self.dispose_button.clicked.connect(self.dispose_selected)
        self.hold_button.clicked.connect(self.hold_selected)
        self.table.selection_changed.connect(self._selection_changed)
        self.month.dateChanged.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(section_title("Due for review"))
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(month_label)
        top.addWidget(self.month)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.dispose_button)
        buttons.addWidget(self.hold_button)
        buttons.addStretch(1)
        explain = hint(
            "Records whose retention period ends by the end of the month, and those kept at an "
            "earlier review whose next review has come round. Open cases are never listed.",
            wrap=True,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.reload()

    def chosen_month(self) -> date:
        chosen = self.month.date()
        return date(chosen.year(), chosen.month(), 1)

    def reload(self) -> None:
        current = self.table.selected()
        rows = self._review.due(self.chosen_month())
        self.table.set_rows(rows)
        held = sum(1 for row in rows if row.held)
        self.count.setText(f"{len(rows)} due" + (f", {held} on hold" if held else ""))
        if current is not None:
            self.table.select_where(
                lambda row: (row.kind, row.record_id) == (current.kind, current.record_id)
            )
        self._selection_changed()

    def _selection_changed(self) -> None:
        chosen = self.table.selected() is not None
        for button in (self.keep_button, self.dispose_button, self.hold_button):
            button.setEnabled(chosen)

    def keep_selected(self) -> None:
        self.message.hide()
        row = self.table.selected()
        if row is not None:
            self._decide(row, D.KEEP)

    def dispose_selected(self) -> None:
        self.message.hide()
        row = self.table.selected()
        if row is None:
            return
        if row.held:
            self._refused("A legal hold covers this record: lift it before disposing of it.")
            return
        if row.decision is not D.DISPOSE and not self._decide(row, D.DISPOSE):
            return
        self.confirm_disposal(row.kind, row.record_id)

    def confirm_disposal(self, kind: RecordKind, record_id: int) -> bool:
        try:
            preview = self._disposal.preview(kind, record_id)
        except (ValueError, PermissionDeniedError, RecordNotFoundError) as error:
            self._refused(str(error))
            return False
        if preview.refusal:
            self._refused(preview.refusal)
            return False
        dialog = DisposalConfirmDialog(self._disposal, preview, self)
        done = bool(dialog.exec())
        self.reload()
        if done and dialog.result_ is not None:
            self._say(
                f"The record was disposed of for good: {dialog.result_.rows_removed} rows "
                "removed. The disposal log keeps its entry.",
                "notice",
            )
        return done

    def _decide(self, row: DueRecord, decision: RetentionDecisionKind) -> bool:
        dialog = RetentionDecisionDialog(decision, row, self._review.today(), self)
        while dialog.exec():
            try:
                self._review.decide(
                    row.kind, row.record_id, decision, dialog.reason_text(), dialog.review_date()
                )
            except ValueError as error:
                dialog.show_error(str(error))
                continue
            self.reload()
            return True
        return False

    def hold_selected(self) -> None:
        row = self.table.selected()
        if row is not None and place_hold(self._holds, self, row.kind, row.record_id, row.label):
            self.reload()
            self._say("The legal hold is in place: see Legal holds to lift it.", "notice")

    def _refused(self, message: str) -> None:
        self._say(message, "error")

    def _say(self, message: str, role: str) -> None:
        restyle(self.message, role)
        announce(self.message, message, urgent=role == "error")

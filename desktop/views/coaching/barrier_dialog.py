"""The dialog to add or edit a barrier on a coaching plan: which barrier, its status, what it
is in this young person's case, and what is being done about it."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from desktop.models.choices import BarrierStatus
from desktop.services.coaching_records import BarrierInput, BarrierRow, BarrierTypeRow
from desktop.views.caseload.tabs.dialog_fields import text_area
from desktop.views.coaching.coaching_plan_parts import CoachingSavingDialog, choice_combo


class BarrierDialog(CoachingSavingDialog):
    def __init__(
        self,
        types: list[BarrierTypeRow],
        current: BarrierRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Add barrier" if current is None else "Edit barrier", parent)
        details = current.details() if current else None
        self.kind = QComboBox()
        self.kind.setAccessibleName("Barrier")
        for row in types:
            self.kind.addItem(row.label, row.id)
        if current is not None and self.kind.findData(current.barrier_type_id) < 0:
            # A kind the coordinator has since retired stays on the barriers that have it.
            self.kind.addItem(current.type_label, current.barrier_type_id)
        if details is not None:
            self.kind.setCurrentIndex(self.kind.findData(details.barrier_type_id))
        self.status = choice_combo(
            list(BarrierStatus), details.status if details else BarrierStatus.OPEN, "Status"
        )
        self.detail = text_area("What it means for them: which area is unsafe, what ID is missing…")
        self.detail.setAccessibleName("Detail")
        self.action = text_area("What is being done about it, and by whom")
        self.action.setAccessibleName("What is being done")
        if details is not None:
            self.detail.setPlainText(details.detail)
            self.action.setPlainText(details.action)
        self.form.addRow("&Barrier", self.kind)
        self.form.addRow("&Status", self.status)
        self.form.addRow("&Detail", self.detail)
        self.form.addRow("&What is being done", self.action)
        self.setMinimumWidth(560)
        self.kind.setFocus()

    def details(self) -> BarrierInput:
        return BarrierInput(
            barrier_type_id=int(self.kind.currentData() or 0),
            status=BarrierStatus(self.status.currentData()),
            detail=self.detail.toPlainText(),
            action=self.action.toPlainText(),
        )

    def problems(self) -> list[str]:
        return [] if self.kind.currentData() is not None else ["Choose the barrier."]

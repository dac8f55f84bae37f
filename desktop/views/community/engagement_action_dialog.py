"""The dialog to add or edit an action in an activity's action plan: what, who (a member of
staff, or someone named from a partner), when by, the strategy outcomes it serves, and (when
editing) how far it has got."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.models.choices import ActionStatus, StrategyOutcome
from desktop.services.community_common import ActionInput
from desktop.services.engagement_records import EngagementActionRow
from desktop.views.caseload.tabs.dialog_fields import date_field, date_of, staff_combo, text_area
from desktop.views.coaching.coaching_plan_parts import choice_combo
from desktop.views.community.community_parts import (
    CommunitySavingDialog,
    line_edit,
    outcome_boxes,
    ticked,
)

SOMEONE_NAMED = "Someone from a partner (type their name)"


class EngagementActionDialog(CommunitySavingDialog):
    def __init__(
        self,
        staff: list[tuple[int, str]],
        me: int,
        current: EngagementActionRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Add action" if current is None else "Edit action", parent)
        self.description = text_area("What needs doing", 2)
        self.description.setAccessibleName("Action")
        # A new action is the user's own until they say otherwise.
        owner = me if current is None else current.owner_id
        self.owner = staff_combo(staff, owner, SOMEONE_NAMED)
        if current is None and owner is not None:
            self.owner.setCurrentIndex(max(self.owner.findData(owner), 0))
        self.owner.setAccessibleName("Owner")
        typed = current.owner_name if current and current.owner_id is None else ""
        self.owner_name = line_edit(typed, "Owner's name", "Name and organisation")
        self.due_on = date_field(current.due_on if current else None, empty_text="No due date")
        self.due_on.setAccessibleName("Due")
        self.status = choice_combo(
            list(ActionStatus), current.status if current else ActionStatus.TO_DO, "Status"
        )
        self.outcomes = outcome_boxes(current.outcomes if current else ())
        boxes = QWidget()
        column = QVBoxLayout(boxes)
        column.setContentsMargins(0, 0, 0, 0)
        for box in self.outcomes.values():
            column.addWidget(box)
        if current is not None:
            self.description.setPlainText(current.description)
        self.form.addRow("&Action", self.description)
        self.form.addRow("&Owner", self.owner)
        self.form.addRow("Owner's &name", self.owner_name)
        self.form.addRow("&Due", self.due_on)
        if current is not None:
            self.form.addRow("&Status", self.status)
        else:
            self.status.hide()
        self.form.addRow("Strategy outcomes", boxes)
        self.setMinimumWidth(600)
        self.owner.currentIndexChanged.connect(self._owner_changed)
        self._owner_changed()
        self.description.setFocus()

    def owner_id(self) -> int | None:
        data = self.owner.currentData()
        return int(data) if data is not None else None

    def chosen_status(self) -> ActionStatus:
        return ActionStatus(self.status.currentData())

    def chosen_outcomes(self) -> list[StrategyOutcome]:
        return ticked(self.outcomes)

    def details(self) -> ActionInput:
        owner_id = self.owner_id()
        return ActionInput(
            self.description.toPlainText(),
            self.owner_name.text() if owner_id is None else "",
            owner_id,
            date_of(self.due_on),
        )

    def problems(self) -> list[str]:
        found = self.details().problems()
        return [
            "Type the name of who will do it, or choose a member of staff."
            if p == "Say who will do it."
            else p
            for p in found
        ]

    def _owner_changed(self) -> None:
        self.owner_name.setEnabled(self.owner_id() is None)

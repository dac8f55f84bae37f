"""A peer group's or a place's own details: the fields (used alone, and inside the dialog that
links a young person) and the dialog that creates or edits one."""

from __future__ import annotations

import enum

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from desktop.models.choices import PlaceKind
from desktop.services.context_rows import ContextInputError, GroupRow, PlaceRow
from desktop.services.context_service import ContextService
from desktop.views.caseload.saving_dialog import SavingDialog


class Target(enum.Enum):
    """What a young person is linked to: the words each dialog uses for it."""

    GROUP = "group"
    PLACE = "place"

    @property
    def noun(self) -> str:
        return self.value


class TargetFields(QWidget):
    """Name and description, and for a place its kind and postcode."""

    def __init__(self, target: Target, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = target
        self.name = QLineEdit()
        self.name.setAccessibleName(f"Name of the {target.noun}")
        self.name.setPlaceholderText(
            "What the group calls itself, or is called"
            if target is Target.GROUP
            else "Ravens Park, Marsh estate stairwell, the 38 bus…"
        )
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of place")
        for kind in PlaceKind:
            self.kind.addItem(kind.label, kind.value)
        self.postcode = QLineEdit()
        self.postcode.setAccessibleName("Postcode")
        self.postcode.setPlaceholderText("If it has one")
        self.postcode.setMaxLength(10)
        self.description = QPlainTextEdit()
        self.description.setAccessibleName("Description")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(64)
        self.description.setPlaceholderText(
            "Who is in it, where it meets, what the unit knows"
            if target is Target.GROUP
            else "Where exactly, and why it is a concern"
        )
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        rows: list[tuple[str, QWidget]] = [("&Name", self.name)]
        if target is Target.PLACE:
            rows += [("&Kind of place", self.kind), ("&Postcode", self.postcode)]
        rows.append(("&Description", self.description))
        for text, widget in rows:
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)

    def fill(self, row: GroupRow | PlaceRow) -> None:
        self.name.setText(row.name)
        self.description.setPlainText(row.description)
        if isinstance(row, PlaceRow):
            self.kind.setCurrentIndex(self.kind.findData(row.kind.value))
            self.postcode.setText(row.postcode)

    def problems(self) -> list[str]:
        return [] if self.name.text().strip() else [f"Enter the {self.target.noun}'s name."]

    def create_in(self, context: ContextService) -> int:
        if self.target is Target.GROUP:
            return context.create_group(self.name.text(), self.description.toPlainText())
        return context.create_place(
            self.name.text(),
            PlaceKind(self.kind.currentData()),
            self.postcode.text(),
            self.description.toPlainText(),
        )

    def save_to(self, context: ContextService, target_id: int) -> None:
        if self.target is Target.GROUP:
            context.update_group(target_id, self.name.text(), self.description.toPlainText())
        else:
            context.update_place(
                target_id,
                self.name.text(),
                PlaceKind(self.kind.currentData()),
                self.postcode.text(),
                self.description.toPlainText(),
            )


class TargetDialog(SavingDialog):
    """New group / New place, or editing one; created_id holds the new one's id."""

    refusals = (*SavingDialog.refusals, ContextInputError)

    def __init__(
        self,
        parent: QWidget | None,
        context: ContextService,
        target: Target,
        existing: GroupRow | PlaceRow | None = None,
    ) -> None:
        verb = "New" if existing is None else "Edit"
        super().__init__(f"{verb} {target.noun}", parent)
        self._context = context
        self._existing = existing
        self.created_id: int | None = None
        self.fields = TargetFields(target)
        if existing is not None:
            self.fields.fill(existing)
        self.form.addRow(self.fields)
        self.fields.name.setFocus()

    def problems(self) -> list[str]:
        return self.fields.problems()

    def save(self) -> None:
        if self._existing is None:
            self.created_id = self.fields.create_in(self._context)
        else:
            self.fields.save_to(self._context, self._existing.id)

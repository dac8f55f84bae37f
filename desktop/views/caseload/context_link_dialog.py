"""Linking a young person to a peer group or a place (an existing one, or one created here), and
ending such a link."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.bundle import Services
from desktop.services.context_rows import ContextInputError
from desktop.views.caseload.context_dialogs import Target, TargetFields
from desktop.views.caseload.saving_dialog import SavingDialog
from desktop.views.common import field_binding
from desktop.views.common.when import date_of, date_text, set_date


def _indented(widget: QWidget) -> QWidget:
    """Set in under its radio button, so it reads as that choice's part."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(24, 0, 0, 4)
    layout.addWidget(widget)
    return box


class ContextLinkDialog(SavingDialog):
    """Link to a group… / Link to a place…: pick one, or create it in the same dialog."""

    refusals = (*SavingDialog.refusals, ContextInputError)

    def __init__(
        self, parent: QWidget | None, services: Services, person_id: int, target: Target
    ) -> None:
        super().__init__(f"Link to a {target.noun}", parent)
        self._services = services
        self._person_id = person_id
        self.target = target
        self.setMinimumWidth(540)
        noun = target.noun
        self.use_existing = QRadioButton(f"An e&xisting {noun}")
        self.use_new = QRadioButton(f"A ne&w {noun}")
        choice = QButtonGroup(self)
        choice.addButton(self.use_existing)
        choice.addButton(self.use_new)
        self.existing = QComboBox()
        self.existing.setAccessibleName(f"Existing {noun}")
        self.existing.setToolTip("Type the first letters to jump to a name")
        self.existing.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.new_fields = TargetFields(target)
        self.since = field_binding.date_edit()
        self.since.setAccessibleName("Linked since")
        set_date(self.since, services.clock.now().date())
        self.until = field_binding.date_edit()
        self.until.setSpecialValueText("Still linked")
        self.until.setAccessibleName("Linked until")
        self.source = QLineEdit()
        self.source.setAccessibleName("Source")
        self.source.setPlaceholderText("Police intelligence, seen on a ride-out, school…")
        # Two boxes, so the link's own fields read apart from the group's or place's.
        which = QGroupBox(f"Which {noun}")
        choose = QVBoxLayout(which)
        choose.addWidget(self.use_existing)
        choose.addWidget(_indented(self.existing))
        choose.addWidget(self.use_new)
        choose.addWidget(_indented(self.new_fields))
        link = QGroupBox("The link")
        link_form = QFormLayout(link)
        for text, widget in (
            ("S&ince", self.since),
            ("&Until", self.until),
            ("S&ource", self.source),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            link_form.addRow(label, widget)
        self.form.addRow(which)
        self.form.addRow(link)
        self._load_existing(None)
        self.use_existing.toggled.connect(self._mode_changed)
        if self.existing.count():
            self.use_existing.setChecked(True)
        else:
            self.use_new.setChecked(True)
            self.use_existing.setEnabled(False)
        self._mode_changed()

    def _load_existing(self, select_id: int | None) -> None:
        context = self._services.context
        rows = context.groups() if self.target is Target.GROUP else context.places()
        self.existing.clear()
        for row in rows:
            postcode = getattr(row, "postcode", "")
            self.existing.addItem(f"{row.name} ({postcode})" if postcode else row.name, row.id)
        if select_id is not None:
            self.existing.setCurrentIndex(self.existing.findData(select_id))

    def _mode_changed(self) -> None:
        existing = self.use_existing.isChecked()
        self.existing.setEnabled(existing)
        self.new_fields.setEnabled(not existing)
        (self.existing if existing else self.new_fields.name).setFocus()

    def problems(self) -> list[str]:
        found = []
        if self.use_new.isChecked():
            found += self.new_fields.problems()
        elif self.existing.currentData() is None:
            found.append(f"Choose the {self.target.noun}.")
        since, until = date_of(self.since), date_of(self.until)
        if since is not None and until is not None and until < since:
            found.append("The link cannot end before it began.")
        return found

    def save(self) -> None:
        context = self._services.context
        if self.use_new.isChecked():
            created = self.new_fields.create_in(context)
            # Made now, so a refused link below leaves it chosen rather than made twice.
            self._load_existing(created)
            self.use_existing.setEnabled(True)
            self.use_existing.setChecked(True)
        target_id = int(self.existing.currentData())
        link = context.link_group if self.target is Target.GROUP else context.link_place
        link(
            self._person_id,
            target_id,
            date_of(self.since),
            date_of(self.until),
            self.source.text(),
        )


class EndLinkDialog(SavingDialog):
    """The day a link stopped being true; the link stays in the record's history."""

    refusals = (*SavingDialog.refusals, ContextInputError)

    def __init__(
        self,
        parent: QWidget | None,
        name: str,
        since: date | None,
        today: date,
        save: Callable[[date], object],
    ) -> None:
        super().__init__("End the link", parent)
        self._save = save
        self._since = since
        started = f" (linked since {date_text(since)})" if since else ""
        intro = QLabel(f"The link to {name}{started} ends on this day; it stays in the history.")
        intro.setWordWrap(True)
        self.until = field_binding.date_edit()
        self.until.setSpecialValueText("")
        self.until.setAccessibleName("Linked until")
        set_date(self.until, today)
        self.form.addRow(intro)
        label = QLabel("Linked &until")
        label.setBuddy(self.until)
        self.form.addRow(label, self.until)
        self.until.setFocus()

    def problems(self) -> list[str]:
        until = date_of(self.until)
        if until is None:
            return ["Enter the day the link ended."]
        if self._since is not None and until < self._since:
            return ["The link cannot end before it began."]
        return []

    def save(self) -> None:
        until = date_of(self.until)
        assert until is not None  # problems() has checked
        self._save(until)

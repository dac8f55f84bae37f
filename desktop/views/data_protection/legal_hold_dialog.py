"""Placing a legal hold (on one record or on every record) and lifting one, with the reasons."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from desktop.models.choices import RecordKind
from desktop.services.retention_holds import LegalHoldService
from desktop.views.common.form_dialog import FormDialog


def _reason_box(name: str, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(80)
    return box


class LegalHoldDialog(FormDialog):
    """Which records the hold covers, why, and the inquiry's or claim's own reference."""

    def __init__(
        self,
        parent: QWidget | None,
        kind: RecordKind | None = None,
        record_text: str = "",
        label: str = "",
    ) -> None:
        super().__init__("Place a legal hold", parent)
        self.one = QRadioButton("&One record")
        self.every = QRadioButton("&Every record")
        group = QButtonGroup(self)
        group.addButton(self.one)
        group.addButton(self.every)
        scope = QHBoxLayout()
        scope.addWidget(self.one)
        scope.addWidget(self.every)
        scope.addStretch(1)
        self.form.addRow("Hold", scope)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of record")
        for each in RecordKind:
            self.kind.addItem(each.label, each)
        kind_label = QLabel("&Kind of record")
        kind_label.setBuddy(self.kind)
        self.form.addRow(kind_label, self.kind)
        self.record = QLineEdit(record_text)
        self.record.setAccessibleName("Record number or case reference")
        self.record.setPlaceholderText("Case reference (e.g. IGX-000012) or number")
        record_label = QLabel("&Number")
        record_label.setBuddy(self.record)
        self.form.addRow(record_label, self.record)
        if label:
            chosen = QLabel(label)
            chosen.setWordWrap(True)
            chosen.setAccessibleName("Record chosen")
            self.form.addRow("", chosen)
            # Another number is another record: the name shown would no longer be its own.
            self.record.textEdited.connect(chosen.hide)
        self.reason = _reason_box("Reason", "e.g. the inquiry into … has asked for the records")
        reason_label = QLabel("&Why")
        reason_label.setBuddy(self.reason)
        self.form.addRow(reason_label, self.reason)
        self.reference = QLineEdit()
        self.reference.setAccessibleName("Inquiry or claim reference")
        self.reference.setMaxLength(120)
        reference_label = QLabel("&Reference")
        reference_label.setBuddy(self.reference)
        self.form.addRow(reference_label, self.reference)
        if kind is not None:
            self.kind.setCurrentIndex(self.kind.findData(kind))
        self.one.setChecked(True)
        self.every.toggled.connect(self._scope_changed)
        self._scope_changed()

    def _scope_changed(self) -> None:
        one = self.one.isChecked()
        self.kind.setEnabled(one)
        self.record.setEnabled(one)

    def chosen_kind(self) -> RecordKind | None:
        """None for a hold on every record."""
        # Qt hands a StrEnum back as its plain string.
        return RecordKind(self.kind.currentData()) if self.one.isChecked() else None

    def problems(self) -> list[str]:
        found = []
        if self.one.isChecked() and not self.record.text().strip():
            found.append("Enter the record's number (or a case reference).")
        if not self.reason.toPlainText().strip():
            found.append("Say why disposal must stop (the inquiry or claim).")
        if not self.reference.text().strip():
            found.append("Enter the inquiry's or claim's reference.")
        return found


class LiftHoldDialog(FormDialog):
    def __init__(self, scope: str, reference: str, parent: QWidget | None) -> None:
        super().__init__("Lift the legal hold", parent)
        held = QLabel(f"{scope} (reference {reference})")
        held.setWordWrap(True)
        self.form.addRow("Hold on", held)
        self.reason = _reason_box("Reason for lifting", "e.g. the inquiry has reported")
        label = QLabel("&Why lift it")
        label.setBuddy(self.reason)
        self.form.addRow(label, self.reason)

    def problems(self) -> list[str]:
        return [] if self.reason.toPlainText().strip() else ["Say why the hold can be lifted."]


def place_hold(
    holds: LegalHoldService,
    parent: QWidget | None,
    kind: RecordKind | None = None,
    record_id: int | None = None,
    label: str = "",
) -> bool:
    """Asks for the hold and places it; the dialog stays open, with the problem, until the
    service takes it or the coordinator cancels."""
    dialog = LegalHoldDialog(parent, kind, "" if record_id is None else str(record_id), label)
    while dialog.exec():
        try:
            chosen = dialog.chosen_kind()
            record = None
            if chosen is not None:
                facts = holds.find(chosen, dialog.record.text())
                record = (facts.kind, facts.record_id)
            holds.place(record, dialog.reason.toPlainText(), dialog.reference.text())
        except ValueError as error:
            dialog.show_error(str(error))
            continue
        return True
    return False

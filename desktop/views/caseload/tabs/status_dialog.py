"""The dialog that moves a case on: it offers only the statuses the workflow allows next."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QComboBox, QLabel, QRadioButton, QVBoxLayout, QWidget

from desktop.models.choices import CaseStatus, Choice, ClosureOutcome, ClosureReason
from desktop.views.caseload.tabs.dialog_fields import text_area
from desktop.views.caseload.tabs.saving_dialog import SavingDialog

# What each move means to the worker, beside the status's own name.
MEANING = {
    CaseStatus.REFERRED: "reopen the case",
    CaseStatus.ASSESSMENT: "assess the young person's needs and risks",
    CaseStatus.ACTIVE: "working with the young person",
    CaseStatus.MONITORING: "keeping watch, less contact",
    CaseStatus.CLOSED: "close the case, with the outcome",
}


def category_combo(kind: type[Choice], name: str) -> QComboBox:
    """A list with nothing chosen at first: a default here would be counted without a thought."""
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setPlaceholderText("Choose…")
    for member in kind:
        combo.addItem(member.label, member)
    combo.setCurrentIndex(-1)
    return combo


class StatusDialog(SavingDialog):
    def __init__(
        self,
        current: CaseStatus,
        allowed: tuple[CaseStatus, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Change case status", parent)
        self.current = current
        now = QLabel(f"The case is <b>{current.label.lower()}</b>. It can move to:")
        self.form.addRow(now)
        self.group = QButtonGroup(self)
        self.options: dict[CaseStatus, QRadioButton] = {}
        choices = QVBoxLayout()
        for number, status in enumerate(allowed, start=1):
            button = QRadioButton(f"&{number}  {status.label} — {MEANING[status]}")
            button.setAccessibleName(status.label)
            self.group.addButton(button)
            self.options[status] = button
            choices.addWidget(button)
        if len(allowed) == 1:
            self.options[allowed[0]].setChecked(True)
        self.form.addRow(choices)
        self.reason = text_area("Why the case moves on (required to close or reopen)", 3)
        self.reason.setAccessibleName("Reason")
        self.outcome = text_area("The outcome for the young person (required to close)", 3)
        self.outcome.setAccessibleName("Outcome")
        self.outcome_label = QLabel("&Outcome")
        self.outcome_label.setBuddy(self.outcome)
        self.reason_kind = category_combo(ClosureReason, "Kind of reason for closing")
        self.outcome_kind = category_combo(ClosureOutcome, "Kind of outcome")
        self.reason_kind_label = QLabel("&Kind of reason")
        self.reason_kind_label.setBuddy(self.reason_kind)
        self.outcome_kind_label = QLabel("Kind of o&utcome")
        self.outcome_kind_label.setBuddy(self.outcome_kind)
        self.form.addRow("&Reason", self.reason)
        self.form.addRow(self.reason_kind_label, self.reason_kind)
        self.form.addRow(self.outcome_label, self.outcome)
        self.form.addRow(self.outcome_kind_label, self.outcome_kind)
        self.group.buttonToggled.connect(self._chosen_changed)
        self._chosen_changed()

    def chosen(self) -> CaseStatus | None:
        return next((s for s, button in self.options.items() if button.isChecked()), None)

    def closure_reason(self) -> ClosureReason | None:
        reason: ClosureReason | None = self.reason_kind.currentData()
        return reason

    def closure_outcome(self) -> ClosureOutcome | None:
        outcome: ClosureOutcome | None = self.outcome_kind.currentData()
        return outcome

    def _chosen_changed(self) -> None:
        closing = self.chosen() is CaseStatus.CLOSED
        for widget in (
            self.outcome,
            self.outcome_label,
            self.reason_kind,
            self.reason_kind_label,
            self.outcome_kind,
            self.outcome_kind_label,
        ):
            widget.setVisible(closing)
        self.adjustSize()

    def problems(self) -> list[str]:
        # Reason and outcome rules are the workflow's: the service's message says what is missing.
        return [] if self.chosen() is not None else ["Choose the status to move the case to."]

"""Dialogs to record, edit and end an intervention; enforcement shows the support tried first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from desktop.models.choices import ENFORCEMENT, InterventionType
from desktop.services.intervention_service import InterventionInput, InterventionRow, SupportRow
from desktop.views.caseload.tabs.dialog_fields import (
    date_field,
    date_of,
    day,
    set_date,
    staff_combo,
    text_area,
)
from desktop.views.caseload.tabs.saving_dialog import SavingDialog
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import RowsTableModel

SUPPORT_COLUMNS = (
    ("Support", lambda row: row.kind.label),
    ("Started", lambda row: day(row.started_on)),
    ("Ended", lambda row: day(row.ended_on, "Ongoing")),
    ("Owner", lambda row: row.owner),
    ("Outcome", lambda row: " ".join(row.outcome.split())),
)
SUPPORT_KINDS = tuple(kind for kind in InterventionType if kind not in ENFORCEMENT)
ENFORCEMENT_KINDS = tuple(kind for kind in InterventionType if kind in ENFORCEMENT)


def kind_text(kind: InterventionType) -> str:
    return f"{kind.label} (enforcement)" if kind.is_enforcement else kind.label


class InterventionDialog(SavingDialog):
    def __init__(
        self,
        *,
        existing: InterventionRow | None,
        may_enforce: bool,
        staff: list[tuple[int, str]],
        me: int,
        today: date,
        support_before: Callable[[date], list[SupportRow]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Edit intervention" if existing else "Record intervention", parent)
        self.existing = existing
        self._support_before = support_before
        self.kind = QComboBox()
        self.kind.setAccessibleName("Type of intervention")
        for kind in SUPPORT_KINDS:
            self.kind.addItem(kind_text(kind), kind.value)  # Qt hands back a plain str
        if may_enforce:
            # Enforcement is for the people accountable for it; others never see it offered.
            self.kind.insertSeparator(self.kind.count())
            for kind in ENFORCEMENT_KINDS:
                self.kind.addItem(kind_text(kind), kind.value)
        self.started_on = date_field(existing.started_on if existing else today, latest=today)
        self.started_on.setAccessibleName("Started on")
        self.ended_on = date_field(
            existing.ended_on if existing else None, empty_text="Not ended", latest=today
        )
        self.ended_on.setAccessibleName("Ended on")
        self.owner = staff_combo(staff, existing.owner_id if existing else me, "No owner")
        self.owner.setAccessibleName("Owner")
        self.description = text_area("What the intervention is and what it aims for", 3)
        self.description.setAccessibleName("Description")
        self.outcome = text_area("What came of it (required once it has ended)", 2)
        self.outcome.setAccessibleName("Outcome")
        self.form.addRow("&Type", self.kind)
        self.form.addRow("&Started", self.started_on)
        self.form.addRow("&Ended", self.ended_on)
        self.form.addRow("O&wner", self.owner)
        self.form.addRow("&Description", self.description)
        self.form.addRow("Out&come", self.outcome)
        self._build_enforcement()
        if existing is not None:
            self.kind.setCurrentIndex(self.kind.findData(existing.kind.value))
            self.description.setPlainText(existing.description)
            self.outcome.setPlainText(existing.outcome)
            self.rationale.setPlainText(existing.rationale)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.started_on.dateChanged.connect(self._kind_changed)
        self._kind_changed()
        self.setMinimumWidth(640)

    def _build_enforcement(self) -> None:
        self.enforcement = QGroupBox("Enforcement is a last resort")
        self.support: RowTable[SupportRow] = RowTable(
            RowsTableModel(SUPPORT_COLUMNS),
            "Support offered before",
            "No support is recorded before this date.",
            (180, 90, 90, 110),
        )
        self.support.fit_height(4)
        self.rationale = text_area("Why support alone is no longer enough (required)", 3)
        self.rationale.setAccessibleName("Rationale for enforcement")
        self.no_support_label = QLabel("W&hy without support")
        self.no_support = text_area(
            "No support is recorded: explain why enforcement comes without it (required)", 2
        )
        self.no_support.setAccessibleName("Why enforcement comes without prior support")
        self.no_support_label.setBuddy(self.no_support)
        support_label = QLabel("Support offered before:")
        rationale_label = QLabel("R&ationale")
        rationale_label.setBuddy(self.rationale)
        box = QVBoxLayout(self.enforcement)
        box.addWidget(support_label)
        box.addWidget(self.support)
        box.addWidget(rationale_label)
        box.addWidget(self.rationale)
        box.addWidget(self.no_support_label)
        box.addWidget(self.no_support)
        self.form.addRow(self.enforcement)

    def chosen_kind(self) -> InterventionType:
        return InterventionType(self.kind.currentData())

    def _needs_no_support_reason(self) -> bool:
        """The service asks why only when a record becomes enforcement with no support before."""
        already = self.existing is not None and self.existing.is_enforcement
        return self.chosen_kind().is_enforcement and not already and self.support.is_empty()

    def _kind_changed(self) -> None:
        enforcing = self.chosen_kind().is_enforcement
        if enforcing:
            start = date_of(self.started_on)
            assert start is not None
            self.support.set_rows(self._support_before(start))
        self.enforcement.setVisible(enforcing)
        asks = self._needs_no_support_reason()
        self.no_support.setVisible(asks)
        self.no_support_label.setVisible(asks)
        self.adjustSize()

    def value(self) -> InterventionInput:
        started_on = date_of(self.started_on)
        assert started_on is not None  # the field has no empty value
        owner = self.owner.currentData()
        kind = self.chosen_kind()
        return InterventionInput(
            kind=kind,
            started_on=started_on,
            ended_on=date_of(self.ended_on),
            owner_id=owner if isinstance(owner, int) else None,
            description=self.description.toPlainText(),
            outcome=self.outcome.toPlainText(),
            rationale=self.rationale.toPlainText() if kind.is_enforcement else "",
        )

    def no_prior_support_reason(self) -> str:
        return self.no_support.toPlainText() if self._needs_no_support_reason() else ""

    def problems(self) -> list[str]:
        found = self.value().problems(date.max)  # the date fields stop future dates
        if self._needs_no_support_reason() and not self.no_prior_support_reason().strip():
            found.append(
                "No support is recorded before this enforcement: explain why it comes without."
            )
        return found


class EndInterventionDialog(SavingDialog):
    def __init__(self, row: InterventionRow, today: date, parent: QWidget | None = None) -> None:
        super().__init__("End intervention", parent)
        about = QLabel(f"{kind_text(row.kind)}, started {day(row.started_on)}.")
        about.setWordWrap(True)
        self.form.addRow(about)
        self.ended_on = date_field(today, latest=today, earliest=row.started_on)
        self.ended_on.setAccessibleName("Ended on")
        self.outcome = text_area("What came of it (required)", 4)
        self.outcome.setAccessibleName("Outcome")
        self.outcome.setPlainText(row.outcome)
        self.form.addRow("&Ended", self.ended_on)
        self.form.addRow("&Outcome", self.outcome)
        set_date(self.ended_on, today)
        self.outcome.setFocus()

    def end_day(self) -> date:
        chosen = date_of(self.ended_on)
        assert chosen is not None  # the field has no empty value
        return chosen

    def problems(self) -> list[str]:
        return [] if self.outcome.toPlainText().strip() else ["Describe the outcome."]

"""Dialogs to record a consent or a decision to share, and to withdraw or end one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from desktop.models.choices import LawfulBasis, SharingKind
from desktop.services.sharing_service import (
    ANY_AGENCY,
    SharingInput,
    SharingInputError,
    SharingRow,
)
from desktop.views.caseload.saving_dialog import SavingDialog
from desktop.views.caseload.tabs.dialog_fields import date_field, date_of, day, text_area

# The bases for a decision to share without consent, the commonest first.
DECISION_BASES = (
    LawfulBasis.PUBLIC_TASK,
    LawfulBasis.LEGAL_OBLIGATION,
    LawfulBasis.VITAL_INTERESTS,
)
# A consent or decision is looked at again after a year unless another date is chosen.
DEFAULT_REVIEW = timedelta(days=365)


class SharingDialog(SavingDialog):
    """A consent (basis: consent, who gave it) or a decision (another basis, why, who made it)."""

    refusals = (*SavingDialog.refusals, SharingInputError)

    def __init__(
        self,
        today: date,
        agencies: Sequence[str],
        on_save: Callable[[SharingInput], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Record consent or decision to share", parent)
        self._on_save = on_save
        self.saved_id: int | None = None
        self.consent_button = QRadioButton("&Consent given")
        self.decision_button = QRadioButton("&Decision to share without consent")
        self.kinds = QButtonGroup(self)
        kinds = QHBoxLayout()
        for button in (self.consent_button, self.decision_button):
            self.kinds.addButton(button)
            kinds.addWidget(button)
        kinds.addStretch(1)
        self.consent_button.setChecked(True)
        self.basis = QComboBox()
        self.basis.setAccessibleName("Lawful basis")
        self.given_by = QLineEdit()
        self.given_by.setAccessibleName("Given by")
        self.given_by_label = QLabel()
        self.given_by_label.setBuddy(self.given_by)
        self.agency = QComboBox()
        self.agency.setEditable(True)
        self.agency.setAccessibleName("Agency")
        self.agency.addItem("")
        self.agency.addItems(list(agencies))
        line = self.agency.lineEdit()
        if line is not None:
            line.setPlaceholderText(f"Leave blank for: {ANY_AGENCY.lower()}")
        self.scope = text_area("What may be shared, and for what purpose", 3)
        self.scope.setAccessibleName("Scope")
        self.decided_on = date_field(today, latest=today)
        self.decided_on.setAccessibleName("Date given")
        self.review_on = date_field(today + DEFAULT_REVIEW, empty_text="No review date")
        self.review_on.setAccessibleName("Review date")

        self.form.addRow("Kind", kinds)
        self.form.addRow("&Lawful basis", self.basis)
        self.form.addRow(self.given_by_label, self.given_by)
        self.form.addRow("&Agency", self.agency)
        self.form.addRow("&Scope", self.scope)
        self.form.addRow("Da&te", self.decided_on)
        self.form.addRow("&Review by", self.review_on)
        note = QLabel(
            "After the review date it no longer counts as a basis for sharing until a new "
            "consent or decision is recorded."
        )
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.form.addRow("", note)
        self.kinds.buttonToggled.connect(lambda _button, _on: self._kind_changed())
        self._kind_changed()
        self.setMinimumWidth(560)
        self.given_by.setFocus()

    def kind(self) -> SharingKind:
        return SharingKind.CONSENT if self.consent_button.isChecked() else SharingKind.DECISION

    def _kind_changed(self) -> None:
        consent = self.kind() is SharingKind.CONSENT
        chosen = self.basis.currentData()
        self.basis.clear()
        for basis in (LawfulBasis.CONSENT,) if consent else DECISION_BASES:
            self.basis.addItem(basis.label, basis.value)  # Qt hands back a plain str
        if (found := self.basis.findData(chosen)) >= 0:
            self.basis.setCurrentIndex(found)
        self.basis.setEnabled(not consent)
        self.given_by_label.setText("&Given by" if consent else "Decided &by")
        self.given_by.setAccessibleName("Given by" if consent else "Decided by")
        self.given_by.setPlaceholderText(
            "The young person, a parent or carer (required)"
            if consent
            else "Who made the decision, e.g. the team manager"
        )
        self.scope.setPlaceholderText(
            "What may be shared, and for what purpose"
            if consent
            else "What may be shared, and why it is shared without consent (required)"
        )

    def value(self) -> SharingInput:
        decided_on = date_of(self.decided_on)
        assert decided_on is not None  # the field has no empty value
        return SharingInput(
            kind=self.kind(),
            lawful_basis=LawfulBasis(self.basis.currentData()),
            given_by=self.given_by.text(),
            decided_on=decided_on,
            agency=self.agency.currentText(),
            scope=self.scope.toPlainText(),
            review_on=date_of(self.review_on),
        )

    def save(self) -> None:
        self.saved_id = self._on_save(self.value())


class WithdrawSharingDialog(SavingDialog):
    """Withdraws a consent, or ends a decision, from a day with a reason."""

    refusals = (*SavingDialog.refusals, SharingInputError)

    def __init__(
        self,
        row: SharingRow,
        today: date,
        on_save: Callable[[date, str], None],
        parent: QWidget | None = None,
    ) -> None:
        consent = row.kind is SharingKind.CONSENT
        super().__init__("Withdraw consent" if consent else "End decision to share", parent)
        self._on_save = on_save
        about = QLabel(
            f"{row.kind.label} ({row.lawful_basis.label.lower()}) for {row.agency_text}, "
            f"given {day(row.decided_on)}."
        )
        about.setObjectName("hint")
        about.setWordWrap(True)
        self.form.addRow(about)
        self.on = date_field(today, latest=today, earliest=min(row.decided_on, today))
        self.on.setAccessibleName("Withdrawn on" if consent else "Ended on")
        self.reason = text_area(
            "Why it was withdrawn, and how (required)" if consent else "Why it ended (required)"
        )
        self.reason.setAccessibleName("Reason")
        self.form.addRow("&Withdrawn on" if consent else "&Ended on", self.on)
        self.form.addRow("&Reason", self.reason)
        self.reason.setFocus()

    def problems(self) -> list[str]:
        return [] if self.reason.toPlainText().strip() else ["Give the reason."]

    def save(self) -> None:
        on = date_of(self.on)
        assert on is not None
        self._on_save(on, self.reason.toPlainText())

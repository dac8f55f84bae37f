"""Dialogs to record a referral (with consent) and to decide on one (with allocation)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from desktop.models.choices import ReferralDecision, ReferralSource
from desktop.services.referral_service import NEEDS_REASON, ReferralInput, ReferralRow
from desktop.views.caseload.tabs.dialog_fields import (
    date_field,
    date_of,
    day,
    staff_combo,
    text_area,
)
from desktop.views.caseload.tabs.saving_dialog import SavingDialog
from desktop.views.common.field_problems import FieldProblem, tie

# Where each user's last referral came from (the same agency often refers several young
# people in a week), in memory only, as the chronology keeps the last entry type.
_last_source: dict[str, ReferralSource] = {}


class RecordReferralDialog(SavingDialog):
    def __init__(self, today: date, parent: QWidget | None = None, who: str = "") -> None:
        super().__init__("Record referral", parent)
        self._who = who
        self.received_on = date_field(today, latest=today)
        self.received_on.setAccessibleName("Date received")
        self.source = QComboBox()
        self.source.setAccessibleName("Source")
        for source in ReferralSource:
            self.source.addItem(source.label, source.value)  # Qt hands back a plain str
        if who in _last_source:
            self.source.setCurrentIndex(self.source.findData(_last_source[who].value))
        if who:  # remembered only for a named user
            self.accepted.connect(self._remember_source)
        self.referrer = QLineEdit()
        self.referrer.setAccessibleName("Referrer")
        self.referrer.setPlaceholderText("Name, role and agency of the person referring")
        self.reason = text_area("Why the young person is referred (required)")
        self.reason.setAccessibleName("Reason for referral")
        self.concerns = text_area("Presenting concerns: what has been seen or reported", 4)
        self.concerns.setAccessibleName("Presenting concerns")
        self.consent_to_engage = QCheckBox("Consent to &engage with the unit")
        self.consent_to_share = QCheckBox("Consent to &share information")
        self.consent_given_by = QLineEdit()
        self.consent_given_by.setAccessibleName("Consent given by")
        self.consent_given_by.setPlaceholderText("The young person, a parent or carer…")
        self.consent_given_on = date_field(today, latest=today)
        self.consent_given_on.setAccessibleName("Consent given on")

        self.form.addRow("&Date received", self.received_on)
        self.form.addRow("S&ource", self.source)
        self.form.addRow("&Referrer", self.referrer)
        self.form.addRow("Re&ason", self.reason)
        self.form.addRow("&Concerns", self.concerns)
        self.form.addRow("Consent", self.consent_to_engage)
        self.form.addRow("", self.consent_to_share)
        self.given_by_label = QLabel("Given &by")
        self.given_by_label.setBuddy(self.consent_given_by)
        self.given_on_label = QLabel("Given o&n")
        self.given_on_label.setBuddy(self.consent_given_on)
        self.form.addRow(self.given_by_label, self.consent_given_by)
        self.form.addRow(self.given_on_label, self.consent_given_on)
        self.consent_to_engage.toggled.connect(self._consent_changed)
        self.consent_to_share.toggled.connect(self._consent_changed)
        self._consent_changed()
        self.setMinimumWidth(560)
        self.reason.setFocus()

    def _remember_source(self) -> None:
        _last_source[self._who] = ReferralSource(self.source.currentData())

    def _consent_changed(self) -> None:
        given = self.consent_to_engage.isChecked() or self.consent_to_share.isChecked()
        for widget in (
            self.consent_given_by,
            self.consent_given_on,
            self.given_by_label,
            self.given_on_label,
        ):
            widget.setEnabled(given)

    def value(self) -> ReferralInput:
        source = ReferralSource(self.source.currentData())
        given = self.consent_to_engage.isChecked() or self.consent_to_share.isChecked()
        received_on = date_of(self.received_on)
        assert received_on is not None
        return ReferralInput(
            received_on=received_on,
            source=source,
            referrer=self.referrer.text(),
            reason=self.reason.toPlainText(),
            concerns=self.concerns.toPlainText(),
            consent_to_engage=self.consent_to_engage.isChecked(),
            consent_to_share=self.consent_to_share.isChecked(),
            consent_given_by=self.consent_given_by.text() if given else "",
            consent_given_on=date_of(self.consent_given_on) if given else None,
        )

    def problems(self) -> list[str]:
        found = self.value().problems(date.max)  # dates are capped by the fields themselves
        return tie(
            found,
            {
                "The referral date is in the future.": self.received_on,
                "Enter the reason for the referral.": self.reason,
                "Say who gave consent.": self.consent_given_by,
                "Enter the date consent was given.": self.consent_given_on,
                "The consent date is in the future.": self.consent_given_on,
            },
        )


DECISIONS = (ReferralDecision.ACCEPTED, ReferralDecision.SIGNPOSTED, ReferralDecision.DECLINED)


class DecideReferralDialog(SavingDialog):
    def __init__(
        self,
        referral: ReferralRow,
        staff: list[tuple[int, str]],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Decide on referral", parent)
        about = QLabel(
            f"Referral received {day(referral.received_on)} from {referral.source.label}."
        )
        about.setObjectName("hint")
        about.setWordWrap(True)
        self.form.addRow(about)
        self.decisions = QButtonGroup(self)
        row = QHBoxLayout()
        self.decision_buttons: dict[ReferralDecision, QRadioButton] = {}
        for shortcut, decision in zip(
            ("&Accepted", "Si&gnposted", "&Declined"), DECISIONS, strict=True
        ):
            button = QRadioButton(shortcut)
            button.setAccessibleName(decision.label)
            self.decisions.addButton(button)
            self.decision_buttons[decision] = button
            row.addWidget(button)
        row.addStretch(1)
        chosen = referral.decision if referral.decision in DECISIONS else None
        if chosen is not None:
            self.decision_buttons[chosen].setChecked(True)
        self.reason = text_area("Why (required when signposted or declined; where to)", 3)
        self.reason.setAccessibleName("Reason for the decision")
        self.reason.setPlainText(referral.decision_reason)
        self.decided_on = date_field(
            referral.decided_on or today, latest=today, earliest=referral.received_on
        )
        self.decided_on.setAccessibleName("Decided on")
        self.allocated_to = staff_combo(staff, referral.allocated_to_id, "Nobody yet")
        self.allocated_to.setAccessibleName("Allocate to")
        self.allocate_label = QLabel("A&llocate to")
        self.allocate_label.setBuddy(self.allocated_to)
        self.form.addRow("Decision", row)
        self.form.addRow("&Reason", self.reason)
        self.form.addRow("Decided &on", self.decided_on)
        self.form.addRow(self.allocate_label, self.allocated_to)
        note = QLabel(
            "Whoever is allocated becomes key worker if the case has none, else joins the "
            "allocated staff."
        )
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.form.addRow("", note)
        self.decisions.buttonToggled.connect(self._decision_changed)
        self._decision_changed()

    def decision(self) -> ReferralDecision | None:
        for decision, button in self.decision_buttons.items():
            if button.isChecked():
                return decision
        return None

    def decided_day(self) -> date:
        chosen = date_of(self.decided_on)
        assert chosen is not None  # the field has no empty value
        return chosen

    def allocated_id(self) -> int | None:
        chosen = self.allocated_to.currentData()
        return chosen if isinstance(chosen, int) else None

    def _decision_changed(self) -> None:
        # Only an accepted referral is allocated to a worker.
        accepted = self.decision() is ReferralDecision.ACCEPTED
        self.allocated_to.setEnabled(accepted)
        self.allocate_label.setEnabled(accepted)
        if not accepted:
            self.allocated_to.setCurrentIndex(0)

    def problems(self) -> list[str]:
        decision = self.decision()
        if decision is None:
            first = self.decision_buttons[ReferralDecision.ACCEPTED]
            return [FieldProblem(first, "Choose accepted, signposted or declined.")]
        if decision in NEEDS_REASON and not self.reason.toPlainText().strip():
            why = f"Give the reason the referral was {decision.label.lower()}."
            return [FieldProblem(self.reason, why)]
        return []

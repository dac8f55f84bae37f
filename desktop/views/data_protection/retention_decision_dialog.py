"""The coordinator's decision on a record due for review: keep it (why, and until when) or
dispose of it."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDateEdit, QLabel, QPlainTextEdit, QWidget

from desktop.models.choices import RetentionDecisionKind
from desktop.services.retention_review_service import DueRecord
from desktop.services.retention_schedule import add_years
from desktop.views.common.form_dialog import FormDialog
from desktop.views.common.when import date_of, date_text, set_date

D = RetentionDecisionKind


class RetentionDecisionDialog(FormDialog):
    """Keep needs a reason and the next review date; dispose takes an optional note."""

    def __init__(
        self, decision: RetentionDecisionKind, row: DueRecord, today: date, parent: QWidget | None
    ) -> None:
        keep = decision is D.KEEP
        super().__init__("Keep the record" if keep else "Dispose of the record", parent)
        self.decision = decision
        self._today = today
        record = QLabel(row.label)
        record.setWordWrap(True)
        record.setAccessibleName("Record")
        self.form.addRow("Record", record)
        rule = QLabel(f"{row.rule.text}: due {date_text(row.due_on)}")
        self.form.addRow("Retention", rule)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName("Reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(90)
        self.next_review = QDateEdit()
        self.next_review.setCalendarPopup(True)
        self.next_review.setDisplayFormat("dd/MM/yyyy")
        self.next_review.setAccessibleName("Next review")
        set_date(self.next_review, add_years(today, 1))
        reason_label = QLabel("&Why keep it" if keep else "&Note (optional)")
        reason_label.setBuddy(self.reason)
        self.form.addRow(reason_label, self.reason)
        if keep:
            self.reason.setPlaceholderText("e.g. a civil claim has been threatened")
            review_label = QLabel("&Review again on")
            review_label.setBuddy(self.next_review)
            self.form.addRow(review_label, self.next_review)
        else:
            self.reason.setPlainText("Retention period over")
            self.next_review.hide()
            warning = QLabel(
                "You will see what disposal removes, and confirm it, before anything is removed."
            )
            warning.setObjectName("hint")
            warning.setWordWrap(True)
            self.form.addRow(warning)

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def review_date(self) -> date | None:
        return date_of(self.next_review) if self.decision is D.KEEP else None

    def problems(self) -> list[str]:
        if self.decision is not D.KEEP:
            return []
        found = []
        if not self.reason_text():
            found.append("Say why the record must be kept longer.")
        chosen = self.review_date()
        if chosen is None or chosen <= self._today:
            found.append("The next review date must be after today.")
        return found

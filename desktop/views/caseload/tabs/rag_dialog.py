"""The RAG dialog: a rating (its colour and its word), the rationale, and when to review it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget

from desktop.models.choices import Rag
from desktop.services.risk_service import DEFAULT_REVIEW
from desktop.views.caseload.tabs.dialog_fields import (
    RAG_COLOURS,
    RAG_TINTS,
    date_field,
    date_of,
    day,
    set_date,
    swatch,
    text_area,
)
from desktop.views.caseload.tabs.saving_dialog import SavingDialog

MEANING = {Rag.RED: "high risk", Rag.AMBER: "medium risk", Rag.GREEN: "low risk"}
MNEMONIC = {Rag.RED: "&Red", Rag.AMBER: "&Amber", Rag.GREEN: "&Green"}


def _weeks(rating: Rag) -> int:
    return DEFAULT_REVIEW[rating].days // 7


class RagDialog(SavingDialog):
    def __init__(self, current: Rag | None, today: date, parent: QWidget | None = None) -> None:
        super().__init__("Change RAG rating", parent)
        self.today = today
        self._date_chosen_by_hand = False
        self._setting_date = False
        self.group = QButtonGroup(self)
        self.options: dict[Rag, QRadioButton] = {}
        choices = QVBoxLayout()
        choices.setSpacing(6)
        for rating in Rag:
            button = QRadioButton(f"{MNEMONIC[rating]} — {MEANING[rating]}")
            button.setAccessibleName(f"{rating.label}: {MEANING[rating]}")
            button.setIcon(swatch(RAG_COLOURS[rating], 16))
            button.setIconSize(QSize(16, 16))
            button.setStyleSheet(
                f"QRadioButton{{background:{RAG_TINTS[rating]};"
                f"border:1px solid {RAG_COLOURS[rating]};border-radius:4px;padding:6px 10px;}}"
                f"QRadioButton:checked{{border:2px solid {RAG_COLOURS[rating]};font-weight:600;}}"
            )
            self.group.addButton(button)
            self.options[rating] = button
            choices.addWidget(button)
        if current is not None:
            self.options[current].setChecked(True)
        was = QLabel(f"Current rating: {current.label}" if current else "Not rated yet.")
        was.setObjectName("hint")
        self.rationale = text_area(
            "Why this rating: what is happening now, the risks and what protects them", 5
        )
        self.rationale.setAccessibleName("Rationale")
        self.review_due = date_field(today, earliest=today)
        self.review_due.setAccessibleName("Review by")
        self.review_hint = QLabel()
        self.review_hint.setObjectName("hint")
        self.review_hint.setWordWrap(True)
        self.form.addRow(was)
        self.form.addRow("Rating", choices)
        rationale_label = QLabel("Ra&tionale")
        rationale_label.setBuddy(self.rationale)
        self.form.addRow(rationale_label, self.rationale)
        review_label = QLabel("Review &by")
        review_label.setBuddy(self.review_due)
        self.form.addRow(review_label, self.review_due)
        self.form.addRow("", self.review_hint)
        self.group.buttonToggled.connect(self._rating_changed)
        self.review_due.dateChanged.connect(self._date_changed)
        self._rating_changed()
        self.setMinimumWidth(560)
        self.rationale.setFocus()

    def rating(self) -> Rag | None:
        return next((r for r, button in self.options.items() if button.isChecked()), None)

    def rationale_text(self) -> str:
        return self.rationale.toPlainText()

    def review_day(self) -> date:
        chosen = date_of(self.review_due)
        assert chosen is not None  # the field has no empty value
        return chosen

    def _date_changed(self) -> None:
        if not self._setting_date:
            self._date_chosen_by_hand = True

    def _rating_changed(self) -> None:
        """The review date follows the service's rule (sooner for higher risk) until the worker
        picks a date of their own."""
        rating = self.rating()
        if rating is None:
            self.review_hint.setText("Choose a rating; the review date follows from it.")
            return
        due = self.today + DEFAULT_REVIEW[rating]
        if not self._date_chosen_by_hand:
            self._setting_date = True
            set_date(self.review_due, due)
            self._setting_date = False
        self.review_hint.setText(
            f"{rating.label} ratings are reviewed within {_weeks(rating)} weeks "
            f"(by {day(due)}) unless you choose a sooner or later date."
        )

    def problems(self) -> list[str]:
        rating = self.rating()
        found = []
        if rating is None:
            found.append("Choose red, amber or green.")
        if not self.rationale_text().strip():
            rated = f"rated {rating.label.lower()}" if rating else "given this rating"
            found.append(f"Explain why the young person is {rated}.")
        return found

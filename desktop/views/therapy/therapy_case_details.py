"""A therapy case's Details tab: the case in full, read-only, beside its household with each
member's attendance so far; Edit… opens the case dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from desktop.services.therapy_records import CaseView, MemberAttendance
from desktop.views.caseload.tabs.detail_card import DetailCard
from desktop.views.caseload.tabs.tab_parts import action_button, hint, section_title
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import RowsTableModel
from desktop.views.common.when import date_text
from desktop.views.therapy.therapy_case_parts import rate_text

MEMBER_COLUMNS = (
    ("Name", lambda row: row[0].name),
    ("Relationship", lambda row: row[1]),
    ("Came", lambda row: rate_text(row[0].attended, row[0].recorded)),
)
HouseholdLine = tuple[MemberAttendance, str]


def consent_text(view: CaseView) -> str:
    if not view.details.consent_given:
        return "Not recorded as given"
    return f"Given {date_text(view.details.consent_recorded_on, '(date not recorded)')}"


def case_pairs(view: CaseView) -> list[tuple[str, str]]:
    details = view.details
    return [
        ("Therapist", view.therapist),
        ("Model of work", details.model_of_work.label),
        ("Referred", date_text(details.referred_on, "Date not recorded")),
        ("Referral reason", details.referral_reason),
        ("Consent", consent_text(view)),
        ("Goals", details.goals),
        ("Started", date_text(details.started_on, "Not started yet")),
        ("Ended", date_text(details.ended_on, "Still open")),
        ("Closing summary", details.closing_summary),
    ]


class TherapyCaseDetails(QWidget):
    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit_button = action_button("Edit…", "Change the case's details", "Ctrl+E")
        self.edit_button.setAccessibleName("Edit case")
        self.edit_button.clicked.connect(self.edit_requested)
        self.card = DetailCard("Case details", "")
        self.household: RowTable[HouseholdLine] = RowTable(
            RowsTableModel(MEMBER_COLUMNS),
            "Household",
            "Nobody in the household yet.",
            (170, 120),
        )
        self.attendance = hint(wrap=True)
        top = QHBoxLayout()
        top.addWidget(hint("Read only: choose Edit… to change the case."))
        top.addStretch(1)
        top.addWidget(self.edit_button)
        # Both columns open with their heading, so the two headings line up.
        main = QWidget()
        main_layout = QVBoxLayout(main)
        main_layout.setContentsMargins(0, 0, 8, 0)
        main_layout.addWidget(section_title("Case"))
        main_layout.addWidget(self.card, 1)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        side_layout.addWidget(section_title("Household"))
        side_layout.addWidget(self.household, 1)
        side_layout.addWidget(self.attendance)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(main)
        split.addWidget(side)
        split.setSizes([560, 420])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    def show_case(
        self, view: CaseView, members: list[MemberAttendance], offered: int, attended: int
    ) -> None:
        self.card.show_pairs(case_pairs(view))
        relationships = {row.member: row.relationship for row in view.members}
        self.household.set_rows(
            [(member, relationships.get(member.member, "")) for member in members]
        )
        self.attendance.setText(
            f"The family attended {rate_text(attended, offered)} of the sessions offered so far."
            if offered
            else "No sessions held yet."
        )

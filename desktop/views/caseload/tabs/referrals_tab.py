"""The Referrals tab: every referral of the young person, newest first, and decisions on them."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.models.choices import ReferralDecision
from desktop.services.bundle import Services
from desktop.services.people_service import PersonRecord
from desktop.services.referral_service import ReferralRow
from desktop.services.status_service import CAN_MANAGE_CASES
from desktop.views.caseload.record_tab import RecordTab
from desktop.views.caseload.tabs.detail_card import DetailCard
from desktop.views.caseload.tabs.dialog_fields import MUTED, day
from desktop.views.caseload.tabs.referral_dialog import DecideReferralDialog, RecordReferralDialog
from desktop.views.caseload.tabs.tab_parts import (
    action_button,
    hint,
    lay_out_table_over_detail,
    show_for,
)
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import PLAIN, RowLook, RowsTableModel


def decision_text(row: ReferralRow) -> str:
    if row.decision is ReferralDecision.PENDING:
        return "Awaiting decision"
    text = f"{row.decision.label} {day(row.decided_on)}".strip()
    return f"{text} · {row.allocated_to}" if row.allocated_to else text


COLUMNS = (
    ("Received", lambda row: day(row.received_on)),
    ("Source", lambda row: row.source.label),
    ("Referrer", lambda row: row.referrer),
    ("Reason", lambda row: " ".join(row.reason.split())),
    ("Decision", decision_text),
)
DECISION_COLUMN = 4


def _look(row: ReferralRow, column: int) -> RowLook:
    if column == DECISION_COLUMN and row.decision is ReferralDecision.PENDING:
        return RowLook(foreground=MUTED, italic=True)
    return PLAIN


def consent_text(row: ReferralRow) -> str:
    given = [
        what
        for what, yes in (("to engage", row.consent_to_engage), ("to share", row.consent_to_share))
        if yes
    ]
    if not given:
        return "No consent recorded."
    return f"Consent {' and '.join(given)}, given by {row.consent_given_by} on " + day(
        row.consent_given_on
    )


class ReferralsTab(RecordTab):
    def __init__(self, services: Services, record: PersonRecord, parent: QWidget | None = None):
        super().__init__(services, record, parent)
        self.record_button = action_button(
            "Record referral…", "Record a new referral for this young person", "Ctrl+Shift+R"
        )
        self.decide_button = action_button(
            "Decide…", "Accept, signpost or decline the selected referral", "Ctrl+Shift+D"
        )
        self.record_button.clicked.connect(self.record_referral)
        self.decide_button.clicked.connect(self.decide)
        show_for(services.user.role in CAN_MANAGE_CASES, self.record_button, self.decide_button)
        self.table: RowTable[ReferralRow] = RowTable(
            RowsTableModel(COLUMNS, _look, lambda row: row.reason),
            "Referrals",
            "No referrals recorded yet.",
            (90, 170, 170, 300),
        )
        self.table.selection_changed.connect(self._selection_changed)
        self.table.activated.connect(lambda _row: self.decide())
        self.detail = DetailCard("Referral details", "Choose a referral to read it in full.")
        self.count = hint()

        lay_out_table_over_detail(
            self,
            "Referrals",
            self.count,
            [self.record_button, self.decide_button],
            self.table,
            self.detail,
            (260, 240),
        )
        self.reload()

    def reload(self) -> None:
        chosen = self.table.selected()
        rows = self.services.referrals.referrals(self.record.id)
        self.table.set_rows(rows)
        if not (chosen and self.table.select_where(lambda row: row.id == chosen.id)):
            self.table.select_index(0)
        total = len(rows)
        self.count.setText(f"{total} referral{'' if total == 1 else 's'}" if total else "")
        self._selection_changed()

    def _selection_changed(self) -> None:
        row = self.table.selected()
        self.decide_button.setEnabled(row is not None)
        if row is None:
            self.detail.show_pairs([])
            return
        self.detail.show_pairs(
            [
                ("Reason", row.reason),
                ("Presenting concerns", row.concerns),
                ("Consent", consent_text(row)),
                ("Decision", decision_text(row)),
                ("Why", row.decision_reason),
                ("Recorded", f"{day(row.created_at.date())} by {row.created_by}"),
            ]
        )

    def record_referral(self) -> None:
        if not self.record_button.isVisible():
            return
        dialog = RecordReferralDialog(
            self.services.clock.now().astimezone().date(), self, who=self.services.user.username
        )
        dialog.save = lambda: self.services.referrals.add_referral(self.record.id, dialog.value())
        if dialog.exec():
            self.reload()
            self.table.select_where(lambda row: row.id == dialog.result_of_save)
            # A closed case referred again is reopened: the header's status changes.
            self.record_changed.emit()

    def decide(self) -> None:
        row = self.table.selected()
        if row is None or not self.decide_button.isVisible():
            return
        staff = self.services.accounts.staff_choices()
        dialog = DecideReferralDialog(row, staff, self.services.clock.now().date(), self)

        def save() -> None:
            decision = dialog.decision()
            assert decision is not None
            self.services.referrals.decide(
                row.id,
                decision,
                dialog.reason.toPlainText(),
                dialog.decided_day(),
                dialog.allocated_id(),
            )

        dialog.save = save
        if dialog.exec():
            self.reload()
            self.record_changed.emit()  # an allocation may give the case a key worker

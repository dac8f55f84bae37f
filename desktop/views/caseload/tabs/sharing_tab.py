"""The Sharing tab: what may be shared with which agency today, then every consent and decision
to share, newest first, with ways to record one and to withdraw or end it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.models.choices import SharingKind
from desktop.services.sharing_service import (
    AgencySharing,
    SharingRow,
    SharingService,
    shareable_today,
)
from desktop.views.caseload.tabs.detail_card import DetailCard
from desktop.views.caseload.tabs.dialog_fields import MUTED, OVERDUE_RED, day, moment
from desktop.views.caseload.tabs.sharing_dialog import SharingDialog, WithdrawSharingDialog
from desktop.views.caseload.tabs.tab_parts import action_button, hint, lay_out_table_over_detail
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import PLAIN, RowLook, RowsTableModel

NOTHING_TODAY = "Nothing may be shared today: no current consent or decision to share is recorded."


def status_text(row: SharingRow) -> str:
    if row.withdrawn_on is not None:
        return f"{row.ending_word} {day(row.withdrawn_on)}"
    if row.current:
        return "Current"
    return f"Review date passed ({day(row.review_on)})"


def shared_line(groups: list[AgencySharing]) -> str:
    """ "May be shared with: Riverside Academy (consent, public task); …" or NOTHING_TODAY."""
    if not groups:
        return NOTHING_TODAY
    parts = [
        f"{group.agency_text} ({', '.join(b.label.lower() for b in group.bases)})"
        for group in groups
    ]
    return "May be shared with: " + "; ".join(parts)


COLUMNS = (
    ("Date", lambda row: day(row.decided_on)),
    ("Kind", lambda row: row.kind.label),
    ("Lawful basis", lambda row: row.lawful_basis.label),
    ("Given or made by", lambda row: row.given_by),
    ("Agency", lambda row: row.agency_text),
    ("Review by", lambda row: day(row.review_on, "–")),
    ("Status", status_text),
)


def _basis_text(row: SharingRow) -> str:
    by = "given by" if row.kind is SharingKind.CONSENT else "decided by"
    return (
        f"{row.lawful_basis.label}; {by} {row.given_by}" if row.given_by else row.lawful_basis.label
    )


def _look(row: SharingRow, _column: int) -> RowLook:
    return PLAIN if row.current else RowLook(foreground=MUTED, italic=True)


class SharingTab(QWidget):
    """Anyone who may open the record may record and withdraw here (the service checks)."""

    def __init__(
        self, sharing: SharingService, person_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.sharing = sharing
        self.person_id = person_id
        self.shared = QLabel()
        self.shared.setWordWrap(True)
        self.shared.setTextFormat(Qt.TextFormat.PlainText)
        self.shared.setAccessibleName("May be shared today")
        self.shared.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_button = action_button(
            "Add…", "Record a consent or a decision to share information", "Ctrl+Shift+N"
        )
        self.withdraw_button = action_button(
            "Withdraw…", "Withdraw the chosen consent, or end the chosen decision", "Ctrl+Shift+W"
        )
        self.add_button.clicked.connect(self.add)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.table: RowTable[SharingRow] = RowTable(
            RowsTableModel(COLUMNS, _look, lambda row: row.scope),
            "Consents and decisions to share",
            "No consent or decision to share recorded yet.",
            (85, 135, 120, 200, 170, 85),
        )
        self.table.selection_changed.connect(self._selection_changed)
        self.table.activated.connect(lambda _row: self.withdraw())
        self.detail = DetailCard("Consent or decision", "Choose one to read it in full.")
        self.count = hint()
        lay_out_table_over_detail(
            self,
            "Consent and information sharing",
            self.count,
            [self.add_button, self.withdraw_button],
            self.table,
            self.detail,
            (260, 200),
        )
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.shared)  # under the title, above the history
        self.reload()

    def reload(self) -> None:
        chosen = self.table.selected()
        rows = self.sharing.history(self.person_id)
        self.table.set_rows(rows)
        if not (chosen and self.table.select_where(lambda row: row.id == chosen.id)):
            self.table.select_index(0)
        groups = shareable_today(rows)
        self.shared.setText(shared_line(groups))
        colour = "#1a202c" if groups else OVERDUE_RED
        self.shared.setStyleSheet(f"QLabel{{color:{colour};font-weight:600;padding:6px 0 8px 0;}}")
        total = len(rows)
        self.count.setText(f"{total} recorded" if total else "")
        self._selection_changed()

    def _selection_changed(self) -> None:
        row = self.table.selected()
        self.withdraw_button.setEnabled(row is not None and row.withdrawn_on is None)
        if row is None:
            self.detail.show_pairs([])
            return
        self.detail.show_pairs(
            [
                ("Agency", row.agency_text),
                ("Scope", row.scope),
                ("Basis", _basis_text(row)),
                ("Status", status_text(row)),
                (f"{row.ending_word}: why", row.withdrawal_reason),
                ("Recorded", f"{moment(row.recorded_at)} by {row.recorded_by}"),
            ]
        )

    def add(self) -> None:
        dialog = SharingDialog(
            self.sharing.today(),
            self.sharing.agencies(self.person_id),
            lambda details: self.sharing.record(self.person_id, details),
            self,
        )
        if dialog.exec():
            self.reload()
            self.table.select_where(lambda row: row.id == dialog.saved_id)

    def withdraw(self) -> None:
        row = self.table.selected()
        if row is None or row.withdrawn_on is not None:
            return
        dialog = WithdrawSharingDialog(
            row,
            self.sharing.today(),
            lambda on, reason: self.sharing.withdraw(row.id, on, reason),
            self,
        )
        if dialog.exec():
            self.reload()

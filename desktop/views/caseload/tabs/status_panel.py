"""The case status part of the Status and risk tab: where the case is now, and how it got there."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.models.choices import CaseStatus
from desktop.services.bundle import Services
from desktop.services.status_service import CAN_MANAGE_CASES, StatusChangeRow
from desktop.views.caseload.tabs.dialog_fields import moment
from desktop.views.caseload.tabs.status_dialog import StatusDialog
from desktop.views.caseload.tabs.tab_parts import action_button, hint, section_title, show_for
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import PLAIN, RowLook, RowsTableModel


def change_text(row: StatusChangeRow) -> str:
    if row.from_status is None:
        return f"Started: {row.to_status.label}"
    return f"{row.from_status.label} → {row.to_status.label}"


def why_text(row: StatusChangeRow) -> str:
    kinds = [kind.label for kind in (row.closure_reason, row.closure_outcome) if kind]
    texts = [" ".join(text.split()) for text in (row.reason, row.outcome) if text]
    return " · ".join([*kinds, *texts])


COLUMNS = (
    ("When", lambda row: moment(row.changed_at)),
    ("Change", change_text),
    ("By", lambda row: row.changed_by),
    ("Reason", why_text),
)


def _look(row: StatusChangeRow, column: int) -> RowLook:
    return RowLook(bold=True) if column == 1 and row.to_status is CaseStatus.CLOSED else PLAIN


def _tooltip(row: StatusChangeRow) -> str:
    pairs = (("Reason", row.reason), ("Outcome", row.outcome))
    return "\n".join(f"{heading}: {text}" for heading, text in pairs if text)


class StatusPanel(QWidget):
    changed = Signal()

    def __init__(self, services: Services, person_id: int, status: CaseStatus) -> None:
        super().__init__()
        self.services = services
        self.person_id = person_id
        self.current = status  # the record as opened; history (when there is any) says more
        self.status_label = QLabel()
        self.status_label.setAccessibleName("Current case status")
        self.status_label.setStyleSheet("font-size:14pt;font-weight:600;")  # ink of the theme
        self.since = hint(wrap=True)  # cut off at 200% scaling otherwise
        self.change_button = action_button(
            "Change status…", "Move the case on to its next status", "Ctrl+Shift+S"
        )
        self.change_button.clicked.connect(self.change_status)
        show_for(services.user.role in CAN_MANAGE_CASES, self.change_button)
        card = QFrame()
        card.setObjectName("card")
        card_layout = QHBoxLayout(card)
        card_layout.setContentsMargins(12, 8, 12, 8)
        words = QVBoxLayout()
        words.addWidget(self.status_label)
        words.addWidget(self.since)
        card_layout.addLayout(words, 1)
        card_layout.addWidget(self.change_button)
        self.history: RowTable[StatusChangeRow] = RowTable(
            RowsTableModel(COLUMNS, _look, _tooltip),
            "Status history",
            "No status changes yet: the case is as it was referred.",
            (135, 170, 110),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_title("Case status"))
        layout.addWidget(card)
        layout.addWidget(self.history, 1)

    def reload(self) -> None:
        rows = self.services.status.history(self.person_id)
        self.history.set_rows(rows)
        if rows:
            self.current = rows[0].to_status
            self.since.setText(f"Since {moment(rows[0].changed_at)} · {rows[0].changed_by}")
        else:
            self.since.setText("")
        self.status_label.setText(self.current.label)

    def change_status(self) -> None:
        if not self.change_button.isVisible():
            return
        dialog = StatusDialog(self.current, self.services.status.allowed_next(self.current), self)

        def save() -> None:
            chosen = dialog.chosen()
            assert chosen is not None
            self.services.status.change_status(
                self.person_id,
                chosen,
                dialog.reason.toPlainText(),
                dialog.outcome.toPlainText(),
                dialog.closure_reason(),
                dialog.closure_outcome(),
            )

        dialog.save = save
        if dialog.exec():
            self.reload()
            self.changed.emit()

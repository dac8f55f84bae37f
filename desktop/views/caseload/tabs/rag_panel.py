"""The RAG part of the Status and risk tab: the rating now, why, when to review it, and history."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from desktop.models.choices import Rag
from desktop.services.bundle import Services
from desktop.services.risk_service import RagRow
from desktop.views.caseload.tabs.dialog_fields import (
    OVERDUE_RED,
    RAG_COLOURS,
    RAG_TINTS,
    day,
    moment,
    rag_text,
)
from desktop.views.caseload.tabs.rag_dialog import MEANING, RagDialog
from desktop.views.caseload.tabs.tab_parts import action_button, hint, section_title
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import PLAIN, RowLook, RowsTableModel
from desktop.views.common.theme import legible

COLUMNS = (
    ("When", lambda row: moment(row.rated_at)),
    ("Rating", lambda row: row.rating.label),
    ("Review by", lambda row: day(row.review_due)),
    ("By", lambda row: row.rated_by),
    ("Rationale", lambda row: " ".join(row.rationale.split())),
)
RATING_COLUMN = 1


def _look(row: RagRow, column: int) -> RowLook:
    if column == RATING_COLUMN:
        return RowLook(background=RAG_TINTS[row.rating], bold=True)
    return PLAIN


def badge_style(rating: Rag | None) -> str:
    colours = (
        f"background:{RAG_COLOURS[rating]};color:#ffffff;" if rating else "background:#edf2f7;"
    )
    return colours + "border-radius:4px;padding:4px 10px;font-size:12pt;font-weight:600;"


class RagPanel(QWidget):
    changed = Signal()

    def __init__(
        self, services: Services, person_id: int, rating: Rag | None, review_due: date | None
    ) -> None:
        super().__init__()
        self.services = services
        self.person_id = person_id
        self.current, self.review_due = rating, review_due
        self.badge = QLabel()
        self.badge.setAccessibleName("Current RAG rating")
        self.badge.setWordWrap(True)  # "Amber — medium risk" was cut off at 200% scaling
        self.rationale = QLabel()
        self.rationale.setWordWrap(True)
        self.rationale.setAccessibleName("Rationale for the current rating")
        self.rationale.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.review = QLabel()
        self.review.setAccessibleName("Review date")
        self.rated = hint(wrap=True)
        self.change_button = action_button(
            "Change RAG…", "Rate the risk red, amber or green, with the rationale", "Ctrl+Shift+G"
        )
        self.change_button.clicked.connect(self.change_rag)
        card = QFrame()
        card.setObjectName("card")
        grid = QGridLayout(card)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.addWidget(self.badge, 0, 0, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.change_button, 0, 2, Qt.AlignmentFlag.AlignRight)
        # The review date on a line of its own: beside the badge it was cut off in narrow windows.
        grid.addWidget(self.review, 1, 0, 1, 3)
        grid.addWidget(self.rationale, 2, 0, 1, 3)
        grid.addWidget(self.rated, 3, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        self.history: RowTable[RagRow] = RowTable(
            RowsTableModel(COLUMNS, _look, lambda row: row.rationale),
            "RAG history",
            "Not rated yet.",
            (135, 70, 85, 110),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_title("Risk rating (RAG)"))
        layout.addWidget(card)
        layout.addWidget(self.history, 1)

    def reload(self) -> None:
        rows = self.services.risk.rag_history(self.person_id)
        self.history.set_rows(rows)
        latest = rows[0] if rows else None
        if latest is not None:
            self.current, self.review_due = latest.rating, latest.review_due
        rating = self.current
        self.badge.setText(f"{rating.label} — {MEANING[rating]}" if rating else rag_text(rating))
        self.badge.setStyleSheet(badge_style(rating))
        self.rationale.setText(latest.rationale if latest else "")
        self.rationale.setVisible(latest is not None)
        self.rated.setText(f"Rated {moment(latest.rated_at)} · {latest.rated_by}" if latest else "")
        today = self.services.clock.now().date()
        if self.review_due is None:
            self.review.setText("")
        elif self.review_due < today:
            self.review.setText(f"Review by {day(self.review_due)} · Overdue")
            self.review.setStyleSheet(f"color:{legible(OVERDUE_RED).name()};font-weight:600;")
        else:
            self.review.setText(f"Review by {day(self.review_due)}")
            self.review.setStyleSheet("")

    def change_rag(self) -> None:
        dialog = RagDialog(self.current, self.services.clock.now().date(), self)

        def save() -> None:
            rating = dialog.rating()
            assert rating is not None
            self.services.risk.set_rag(
                self.person_id, rating, dialog.rationale_text(), dialog.review_day()
            )

        dialog.save = save
        if dialog.exec():
            self.reload()
            self.changed.emit()

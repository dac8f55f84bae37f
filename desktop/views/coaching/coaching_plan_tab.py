"""A coaching plan's Plan tab: the plan in full (aspirations in the young person's own words,
strengths, dates), the dated history of what they are doing in education, employment or
training, and the plan's reviews, with the buttons that change them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from desktop.services.bundle import Services
from desktop.services.coaching_records import EetRow, PlanView, ReviewRow
from desktop.views.caseload.tabs.detail_card import DetailCard
from desktop.views.caseload.tabs.tab_parts import action_button, hint, section_title, show_for
from desktop.views.coaching.close_plan_dialog import ClosePlanDialog
from desktop.views.coaching.coaching_plan_parts import activity_text, local_today, review_text
from desktop.views.coaching.eet_dialog import EetDialog
from desktop.views.coaching.plan_dialog import PlanDialog
from desktop.views.coaching.review_dialog import ReviewDialog
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import PLAIN, RowLook, RowsTableModel
from desktop.views.common.when import date_text


def hours_text(hours: int | None) -> str:
    return str(hours) if hours else "—"


EET_COLUMNS = (
    ("Activity", lambda row: activity_text(row.activity)),
    ("From", lambda row: date_text(row.started_on)),
    ("To", lambda row: date_text(row.ended_on, "Now")),
    ("Provider or employer", lambda row: row.provider or "—"),
    ("Hours a week", lambda row: hours_text(row.hours_per_week)),
    ("Reason for change", lambda row: row.reason_for_change.replace("\n", " ")),
)
REVIEW_COLUMNS = (
    ("Reviewed", lambda row: date_text(row.reviewed_on)),
    ("By", lambda row: row.reviewed_by),
    ("Next review", lambda row: date_text(row.next_review_on)),
    ("Summary", lambda row: row.summary.replace("\n", " ")),
)


def eet_look(row: EetRow, column: int) -> RowLook:
    return RowLook(bold=True) if row.is_current else PLAIN


def current_text(row: EetRow | None) -> str:
    if row is None:
        return "Doing now: nothing recorded yet"
    provider = f" at {row.provider}" if row.provider else ""
    return f"Doing now: {row.activity.label}{provider}, since {date_text(row.started_on)}"


def plan_pairs(view: PlanView, today_text: str) -> list[tuple[str, str]]:
    pairs = [
        ("Aspirations, in their own words", view.aspirations or "Not written yet."),
        ("Strengths", view.strengths or "Not written yet."),
        ("Coach", view.coach),
        ("Started", date_text(view.started_on)),
        ("Review due", today_text),
    ]
    if view.closed_on is not None:
        pairs += [("Closed", date_text(view.closed_on)), ("Why it closed", view.closing_reason)]
    return pairs


class PlanTab(QWidget):
    changed = Signal()  # something saved: the header and the list are out of date

    def __init__(self, services: Services, plan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.plan_id = plan_id
        self.view: PlanView | None = None
        self.edit_button = action_button("&Edit plan…", "Change the plan's details", "Ctrl+E")
        self.edit_button.clicked.connect(self.edit_plan)
        self.close_button = action_button("C&lose plan…", "Close the plan: it stays, read only")
        self.close_button.clicked.connect(self.close_plan)
        self.read_only = hint()
        self.card = DetailCard("Plan details", "")
        self.current = QLabel()
        self.current.setStyleSheet("font-weight:600;")
        self.current.setWordWrap(True)
        self.eet_button = action_button(
            "&Record a change…", "Record a new activity; the current one ends and is kept"
        )
        self.eet_button.clicked.connect(self.record_eet)
        self.history: RowTable[EetRow] = RowTable(
            RowsTableModel(EET_COLUMNS, eet_look, lambda row: row.reason_for_change),
            "Education, employment and training history",
            "Nothing recorded yet. Choose Record a change… to add what they are doing now.",
            (120, 92, 92, 170, 118),
        )
        self.review_button = action_button(
            "Record revie&w…", "Record a plan review; the next review date moves on"
        )
        self.review_button.clicked.connect(self.record_review)
        self.reviews: RowTable[ReviewRow] = RowTable(
            RowsTableModel(REVIEW_COLUMNS, tooltip=lambda row: row.summary),
            "Reviews",
            "No reviews yet.",
            (92, 180, 100),
        )
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 4)
        head = QHBoxLayout()
        head.addWidget(section_title("Plan"))
        head.addStretch(1)
        head.addWidget(self.edit_button)
        head.addWidget(self.close_button)
        left_layout.addLayout(head)
        left_layout.addWidget(self.read_only)
        left_layout.addWidget(self.card, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(
            self._section("Education, employment or training", self.eet_button, self.history)
        )
        right.addWidget(self._section("Reviews", self.review_button, self.reviews))
        right.setSizes([300, 200])
        right.setChildrenCollapsible(False)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([420, 640])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(split, 1)

    def _section(self, title: str, button: QWidget, table: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 0, 0, 4)
        head = QHBoxLayout()
        head.addWidget(section_title(title))
        head.addStretch(1)
        head.addWidget(button)
        layout.addLayout(head)
        if table is self.history:
            layout.addWidget(self.current)
        layout.addWidget(table, 1)
        return box

    # ---- showing the plan -------------------------------------------------------------------
    def load(self, view: PlanView) -> None:
        self.view = view
        today = local_today(self._services.clock.now())
        due = review_text(view.review_due_on, view.review_overdue, today, not view.is_open)
        self.card.show_pairs(plan_pairs(view, due))
        history = self._services.coaching.eet_history(view.young_person_id)
        self.history.set_rows(history)
        self.current.setText(current_text(view.current_eet))
        self.reviews.set_rows(self._services.coaching.reviews(view.id))
        editable = view.may_edit and view.is_open
        show_for(editable, self.edit_button, self.close_button, self.eet_button)
        show_for(editable, self.review_button)
        self.read_only.setText(
            ""
            if editable
            else "This plan is closed: read only."
            if not view.is_open
            else "Read only: the coach or the coordinator changes the plan."
        )

    # ---- changing it -------------------------------------------------------------------------
    def edit_plan(self) -> None:
        view = self.view
        if view is None:
            return
        coaching = self._services.coaching
        dialog = PlanDialog(
            None,
            coaching.coach_choices(),
            self._services.user.account_id,
            local_today(self._services.clock.now()),
            coaching.review_interval_weeks(),
            view.details(),
            view.person_name,
            self,
        )
        dialog.save = lambda: coaching.update_plan(view.id, dialog.details())
        self._run(dialog)

    def close_plan(self) -> None:
        view = self.view
        if view is None:
            return
        today = local_today(self._services.clock.now())
        dialog = ClosePlanDialog(view.person_name, view.started_on, today, self)
        dialog.save = lambda: self._services.coaching.close_plan(
            view.id, dialog.closed(), dialog.reason_text()
        )
        self._run(dialog)

    def record_eet(self) -> None:
        view = self.view
        if view is None:
            return
        today = local_today(self._services.clock.now())
        dialog = EetDialog(view.current_eet, today, self)
        dialog.save = lambda: self._services.coaching.record_eet(
            view.young_person_id, dialog.details()
        )
        self._run(dialog)

    def record_review(self) -> None:
        view = self.view
        if view is None:
            return
        coaching = self._services.coaching
        dialog = ReviewDialog(
            view.started_on,
            view.review_due_on,
            local_today(self._services.clock.now()),
            coaching.review_interval_weeks(),
            self,
        )
        dialog.save = lambda: coaching.record_review(view.id, dialog.details())
        self._run(dialog)

    def _run(self, dialog: PlanDialog | ClosePlanDialog | EetDialog | ReviewDialog) -> None:
        saved = dialog.exec()
        dialog.deleteLater()  # what was typed goes with it
        if saved:
            self.changed.emit()

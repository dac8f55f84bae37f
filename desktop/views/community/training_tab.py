"""Training delivered: the sessions in a chosen period (date, topic, audience, numbers and
confidence before and after), the dialog to add or edit one, and a chart of the confidence
ratings for the chosen session or the whole period, with the figures in words beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.models.choices import ActivityKind
from desktop.services.bundle import Services
from desktop.services.training_service import TrainingRow
from desktop.views.caseload.tabs.tab_parts import action_button, hint, section_title
from desktop.views.coaching.coaching_plan_parts import local_today
from desktop.views.common.page_saving import run_dialog
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import RowsTableModel
from desktop.views.common.when import date_text
from desktop.views.community.community_parts import REFUSALS, plural
from desktop.views.community.community_tab_parts import period_combo, period_dates
from desktop.views.community.ratings_chart import RatingsChart, mean_text
from desktop.views.community.training_dialog import TrainingDialog

CHOSEN, PERIOD = 0, 1


def audience_text(row: TrainingRow) -> str:
    return ", ".join(audience.label for audience in row.audiences) or "Not recorded"


def confidence_text(row: TrainingRow) -> str:
    """'2.1 → 4.0 (+1.9)', or '' without ratings."""
    r = row.ratings
    if r.empty:
        return ""
    change = f" ({r.change:+.1f})" if r.change is not None else ""
    return f"{mean_text(r.mean_before)} → {mean_text(r.mean_after)}{change}"


def session_tip(row: TrainingRow) -> str:
    """The columns are narrow: the whole title and audience on hover."""
    return f"{row.title}\nAudience: {audience_text(row)}"


SESSION_COLUMNS = (
    ("Date", lambda row: date_text(row.held_on)),
    ("Session", lambda row: row.title),
    ("Audience", audience_text),
    ("Attended", lambda row: row.attended),
    (
        "Rated before / after",
        lambda row: f"{row.ratings.responses_before} / {row.ratings.responses_after}",
    ),
    ("Mean confidence", confidence_text),
)


class TrainingTab(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.period = period_combo()
        self.period.currentIndexChanged.connect(self.reload)
        self.count = hint()
        self.add_button = action_button("&Add session…", "Record a training session")
        self.add_button.clicked.connect(self.add_session)
        self.edit_button = action_button("&Edit session…", "Change the chosen session")
        self.edit_button.clicked.connect(self.edit_session)
        self.table: RowTable[TrainingRow] = RowTable(
            RowsTableModel(SESSION_COLUMNS, tooltip=session_tip),
            "Training sessions",
            "No training sessions in this period. Choose Add session… to record one.",
            (95, 280, 230, 80, 160),
        )
        self.table.selection_changed.connect(self._show_chart)
        self.table.activated.connect(lambda row: self.edit_session())
        self.shown = QComboBox()
        self.shown.setAccessibleName("Ratings shown")
        self.shown.addItems(["The chosen session", "Every session in the period"])
        self.shown.currentIndexChanged.connect(self._show_chart)
        self.chart = RatingsChart()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Confidence ratings in words")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setMinimumWidth(220)

        period_label = QLabel("Peri&od")
        period_label.setBuddy(self.period)
        top = QHBoxLayout()
        top.addWidget(section_title("Training delivered"))
        top.addWidget(period_label)
        top.addWidget(self.period)
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)
        shown_label = QLabel("Sho&w")
        shown_label.setBuddy(self.shown)
        chooser = QHBoxLayout()
        chooser.addWidget(section_title("Confidence before and after"))
        chooser.addWidget(shown_label)
        chooser.addWidget(self.shown)
        chooser.addStretch(1)
        chart_row = QHBoxLayout()
        chart_row.addWidget(self.chart, 3)
        chart_row.addWidget(self.summary, 1)
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 6, 0, 0)
        below_layout.addLayout(chooser)
        below_layout.addLayout(chart_row, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(below)
        split.setSizes([220, 320])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.reload()

    def reload(self) -> None:
        today = local_today(self._services.clock.now())
        start, end = period_dates(self.period.currentIndex(), today)
        chosen = self.table.selected()
        rows = self._services.training.sessions(start, end)
        self.table.set_rows(rows)
        if chosen is None or not self.table.select_where(
            lambda r: r.activity_id == chosen.activity_id
        ):
            self.table.select_index(0)
        attended = sum(row.attended for row in rows)
        self.count.setText(
            f"{plural(len(rows), 'session')}, {plural(attended, 'person', 'people')} trained"
        )
        self._show_chart()

    def select_session(self, activity_id: int) -> bool:
        return self.table.select_where(lambda row: row.activity_id == activity_id)

    def _show_chart(self) -> None:
        row = self.table.selected()
        self.edit_button.setEnabled(row is not None)
        if self.shown.currentIndex() == PERIOD or row is None:
            today = local_today(self._services.clock.now())
            start, end = period_dates(self.period.currentIndex(), today)
            ratings = self._services.training.overall(start, end)
            what = f"Every session, {self.period.currentText().lower()}"
        else:
            ratings, what = row.ratings, row.title
        self.chart.set_ratings(ratings, what)
        self.summary.setText(self.chart.summary())

    # ---- recording -------------------------------------------------------------------------
    def add_session(self) -> None:
        today = local_today(self._services.clock.now())
        dialog = TrainingDialog(today, parent=self)
        engagement = self._services.engagement

        created: list[int] = []  # a refusal after the session was made: OK again updates it

        def save() -> int:
            if created:
                engagement.update_activity(created[0], dialog.details())
            else:
                created.append(engagement.create_activity(dialog.details()))
            self._save_parts(dialog, created[0])
            return created[0]

        dialog.save = save
        if self._run(dialog) and isinstance(dialog.result_of_save, int):
            self.select_session(dialog.result_of_save)

    def edit_session(self) -> None:
        row = self.table.selected()
        if row is None:
            return
        try:
            current = self._services.engagement.activity(row.activity_id)
        except REFUSALS as error:
            QMessageBox.warning(self, "Not shown", str(error))
            return
        if current.kind is not ActivityKind.TRAINING:
            return
        dialog = TrainingDialog(local_today(self._services.clock.now()), current, self)

        def save() -> None:
            self._services.engagement.update_activity(row.activity_id, dialog.details())
            self._save_parts(dialog, row.activity_id)

        dialog.save = save
        self._run(dialog)

    def _save_parts(self, dialog: TrainingDialog, activity_id: int) -> None:
        engagement = self._services.engagement
        engagement.set_attendance(activity_id, dialog.attendance())
        before, after = dialog.ratings()
        self._services.training.set_ratings(activity_id, before, after)
        engagement.set_outcomes(activity_id, dialog.chosen_outcomes())

    def _run(self, dialog: QDialog) -> bool:
        return run_dialog(dialog, self.reload)

"""The community engagement strategy tracker: for a chosen period, each of the four outcomes
with its activities, people reached and actions (a bar of actions done), the chosen outcome's
activities and actions in full, and the Word progress report."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.models.choices import StrategyOutcome
from desktop.services.bundle import Services
from desktop.services.engagement_records import ActivityRow, EngagementActionRow
from desktop.services.strategy_service import OutcomeProgress, StrategyProgress
from desktop.views.caseload.tabs.dialog_fields import date_field, date_of, set_date
from desktop.views.caseload.tabs.tab_parts import action_button, hint, section_title
from desktop.views.coaching.coaching_plan_parts import local_today
from desktop.views.common.action_texts import action_look, due_text, status_text
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import RowsTableModel
from desktop.views.common.when import date_text
from desktop.views.community.community_parts import plural
from desktop.views.community.strategy_report_dialog import ProgressReportDialog
from desktop.views.meetings.meeting_tabs import boxed

PRESETS = ("This year", "Last year", "Last 12 months", "Last 3 months", "Chosen dates")
ACTIVITY_COLUMNS = (
    ("Date", lambda row: date_text(row.held_on)),
    ("Activity", lambda row: row.title),
    ("Kind", lambda row: row.kind.label),
    ("People reached", lambda row: row.attendance),
)
ACTION_DUE = 3


def preset_dates(preset: int, today: date) -> tuple[date, date] | None:
    if preset == 0:
        return date(today.year, 1, 1), today
    if preset == 1:
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    if preset == 2:
        return date.fromordinal(today.toordinal() - 365), today
    if preset == 3:
        return date.fromordinal(today.toordinal() - 91), today
    return None


def counts_text(progress: OutcomeProgress) -> str:
    overdue = f" ({progress.overdue_count} overdue)" if progress.overdue_count else ""
    return (
        f"{plural(progress.activity_count, 'activity', 'activities')} · "
        f"{plural(progress.people_reached, 'person', 'people')} reached\n"
        f"{plural(progress.open_count, 'open action')}{overdue} · "
        f"{progress.done_count} done in the period"
    )


def action_tip(row: EngagementActionRow) -> str:
    """The columns are narrow: the whole action, where it came from and its owner on hover."""
    return f"{row.description}\nFrom: {row.activity_title or 'Standing action'}\n" + (
        f"Owner: {row.owner_name}"
    )


class OutcomeCard(QGroupBox):
    """One outcome: its counts in words and a bar of its actions done."""

    def __init__(self, outcome: StrategyOutcome, parent: QWidget | None = None) -> None:
        super().__init__(outcome.label, parent)
        self.outcome = outcome
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(f"{outcome.label}: actions done")
        self.bar_text = hint()
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setAccessibleName(f"{outcome.label}: progress")
        bar_row = QHBoxLayout()
        bar_row.addWidget(self.bar, 1)
        bar_row.addWidget(self.bar_text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addLayout(bar_row)

    def set_progress(self, progress: OutcomeProgress) -> None:
        self.counts.setText(counts_text(progress))
        total = progress.open_count + progress.done_count
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(progress.done_count)
        words = f"{progress.done_count} of {total} actions done" if total else "No actions"
        self.bar_text.setText(words)
        self.bar.setAccessibleDescription(words)


class StrategyTab(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._today = local_today(services.clock.now())
        self.progress: StrategyProgress | None = None
        self.preset = QComboBox()
        self.preset.setAccessibleName("Period")
        self.preset.addItems(list(PRESETS))
        start, end = preset_dates(0, self._today) or (self._today, self._today)
        self.from_on = date_field(start)
        self.from_on.setAccessibleName("From")
        self.to_on = date_field(end)
        self.to_on.setAccessibleName("To")
        self.report_button = action_button(
            "&Progress report…", "Save the progress report for the period as a Word document"
        )
        self.report_button.clicked.connect(self.save_report)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.hide()
        top = QHBoxLayout()
        top.addWidget(section_title("Strategy tracker"))
        for text, field in (("Peri&od", self.preset), ("&From", self.from_on), ("&To", self.to_on)):
            label = QLabel(text)
            label.setBuddy(field)
            # The style sheet's bolder font is measured late: room for the word, and a gap.
            label.setContentsMargins(10, 0, 4, 0)
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance(text) + 20)
            top.addWidget(label)
            top.addWidget(field)
        top.addStretch(1)
        top.addWidget(self.report_button)

        self.cards = {outcome: OutcomeCard(outcome) for outcome in StrategyOutcome}
        grid = QGridLayout()
        for number, card in enumerate(self.cards.values()):
            grid.addWidget(card, number // 2, number % 2)

        self.outcome = QComboBox()
        self.outcome.setAccessibleName("Outcome shown")
        for outcome in StrategyOutcome:
            self.outcome.addItem(outcome.label, outcome.value)
        self.outcome.currentIndexChanged.connect(self._show_outcome)
        self.activities: RowTable[ActivityRow] = RowTable(
            RowsTableModel(ACTIVITY_COLUMNS),
            "Activities serving the outcome",
            "No activities serving this outcome in the period.",
            (95, 300, 200),
        )
        self.outcome_actions: RowTable[EngagementActionRow] = RowTable(
            RowsTableModel(
                (
                    ("Action", lambda row: row.description.replace("\n", " ")),
                    ("From", lambda row: row.activity_title or "Standing action"),
                    ("Owner", lambda row: row.owner_name),
                    ("Due", lambda row: due_text(row, self._today)),
                    ("Status", status_text),
                ),
                action_look(ACTION_DUE),
                action_tip,
            ),
            "Actions serving the outcome",
            "No open actions, and none done in the period, for this outcome.",
            (250, 190, 150, 205),
        )
        show_label = QLabel("Sho&w")
        show_label.setBuddy(self.outcome)
        chooser = QHBoxLayout()
        chooser.addWidget(show_label)
        chooser.addWidget(self.outcome)
        chooser.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(boxed(section_title("Activities"), [], self.activities))
        split.addWidget(
            boxed(
                section_title("Open actions, and actions done in the period"),
                [],
                self.outcome_actions,
            )
        )
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addLayout(grid)
        layout.addLayout(chooser)
        layout.addWidget(split, 1)
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.from_on.dateChanged.connect(self._dates_typed)
        self.to_on.dateChanged.connect(self._dates_typed)
        self.reload()

    def period(self) -> tuple[date, date]:
        return date_of(self.from_on) or self._today, date_of(self.to_on) or self._today

    def set_period(self, from_on: date, to_on: date) -> None:
        """Shows the given days (the period list says "Chosen dates")."""
        self._quietly(from_on, to_on)
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(len(PRESETS) - 1)
        self.preset.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        self._today = local_today(self._services.clock.now())
        from_on, to_on = self.period()
        if to_on < from_on:
            self.error.setText("The period ends before it starts.")
            self.error.show()
            self.report_button.setEnabled(False)
            return
        self.error.hide()
        self.report_button.setEnabled(True)
        self.progress = self._services.strategy.progress(from_on, to_on)
        for outcome_progress in self.progress.outcomes:
            self.cards[outcome_progress.outcome].set_progress(outcome_progress)
        self._show_outcome()

    def save_report(self) -> None:
        from_on, to_on = self.period()
        ProgressReportDialog(self._services.community_documents, from_on, to_on, self).exec()

    def _show_outcome(self) -> None:
        if self.progress is None:
            return
        chosen = self.progress.for_outcome(StrategyOutcome(self.outcome.currentData()))
        self.activities.set_rows(chosen.activities)
        self.outcome_actions.set_rows([*chosen.open_actions, *chosen.done_actions])

    def _preset_chosen(self, preset: int) -> None:
        dates = preset_dates(preset, self._today)
        if dates is not None:
            self._quietly(*dates)
            self.reload()

    def _dates_typed(self) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(len(PRESETS) - 1)
        self.preset.blockSignals(False)
        self.reload()

    def _quietly(self, from_on: date, to_on: date) -> None:
        for field, value in ((self.from_on, from_on), (self.to_on, to_on)):
            field.blockSignals(True)
            set_date(field, value)
            field.blockSignals(False)

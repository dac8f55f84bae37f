"""A coaching plan's Goals tab: the SMART goals with their progress at a glance and target
dates, and under them the chosen goal's actions (what, who, when, how far), with the buttons
that add, edit and tick them off."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QSplitter, QVBoxLayout, QWidget

from desktop.models.choices import ActionStatus, GoalStatus
from desktop.services.bundle import Services
from desktop.services.coaching_records import OPEN_ACTIONS, ActionRow, GoalRow, PlanView
from desktop.views.caseload.tabs.dialog_fields import MUTED
from desktop.views.caseload.tabs.tab_parts import action_button, hint, section_title, show_for
from desktop.views.coaching.action_dialog import ActionDialog
from desktop.views.coaching.coaching_plan_parts import (
    OVERDUE_INK,
    REFUSALS,
    Columns,
    late_text,
    local_today,
    progress_text,
)
from desktop.views.coaching.goal_dialog import GoalDialog
from desktop.views.coaching.goal_progress import GoalProgressDelegate
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import PLAIN, RowLook, RowsTableModel
from desktop.views.common.when import date_text

TARGET, PROGRESS = 1, 2  # the goals table's columns
DUE = 2  # the actions table's


def goal_status_text(row: GoalRow) -> str:
    if row.status is GoalStatus.ACHIEVED and row.achieved_on is not None:
        return f"Achieved {date_text(row.achieved_on)}"
    return row.status.label


class GoalColumns:
    """Columns that say how late a target or an action is need today's date."""

    def __init__(self, today: date) -> None:
        self.today = today

    def target(self, row: GoalRow) -> str:
        late = late_text(row.target_on, self.today) if row.target_passed else ""
        return f"{date_text(row.target_on)} · {late}" if late else date_text(row.target_on)

    def due(self, row: ActionRow) -> str:
        if row.due_on is None:
            return "No date"
        late = late_text(row.due_on, self.today) if row.overdue else ""
        return f"{date_text(row.due_on)} · {late}" if late else date_text(row.due_on)

    def goals(self) -> Columns[GoalRow]:
        return (
            ("Goal", lambda row: row.description.replace("\n", " ")),
            ("Target", self.target),
            ("Progress", lambda row: progress_text(row.actions_done, row.actions_total)),
            ("Status", goal_status_text),
        )

    def actions(self) -> Columns[ActionRow]:
        return (
            ("Action", lambda row: row.description.replace("\n", " ")),
            ("Who", lambda row: row.who),
            ("Due", self.due),
            ("Status", action_status_text),
        )


def action_status_text(row: ActionRow) -> str:
    if row.status is ActionStatus.DONE and row.done_on is not None:
        return f"Done {date_text(row.done_on)}"
    return row.status.label


def goal_look(row: GoalRow, column: int) -> RowLook:
    if row.status is not GoalStatus.ACTIVE:
        return RowLook(foreground=MUTED)
    if column == TARGET and row.target_passed:
        return RowLook(foreground=OVERDUE_INK, bold=True)
    return PLAIN


def action_look(row: ActionRow, column: int) -> RowLook:
    if row.status in (ActionStatus.DONE, ActionStatus.DROPPED):
        return RowLook(foreground=MUTED)
    if column == DUE and row.overdue:
        return RowLook(foreground=OVERDUE_INK, bold=True)
    return PLAIN


def goal_percent(row: object) -> int:
    return row.percent if isinstance(row, GoalRow) else 0


class GoalsTab(QWidget):
    changed = Signal()

    def __init__(self, services: Services, plan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.plan_id = plan_id
        self._editable = False
        self._columns = GoalColumns(local_today(services.clock.now()))
        self.add_goal_button = action_button("Add g&oal…", "Add a SMART goal with a target date")
        self.edit_goal_button = action_button("&Edit goal…", "Change the chosen goal")
        self.achieved_button = action_button("Mar&k achieved", "The chosen goal is achieved")
        self.add_action_button = action_button("Add act&ion…", "Add a step towards the goal")
        self.edit_action_button = action_button("Edit ac&tion…", "Change the chosen action")
        self.done_button = action_button("Mark &done", "The chosen action is done")
        self.add_goal_button.clicked.connect(self.add_goal)
        self.edit_goal_button.clicked.connect(self.edit_goal)
        self.achieved_button.clicked.connect(self.mark_achieved)
        self.add_action_button.clicked.connect(self.add_action)
        self.edit_action_button.clicked.connect(self.edit_action)
        self.done_button.clicked.connect(self.mark_done)
        self.goal_table: RowTable[GoalRow] = RowTable(
            RowsTableModel(self._columns.goals(), goal_look),
            "Goals",
            "No goals yet. Choose Add goal… to set the first.",
            (360, 180, 230),
        )
        self.goal_table.view.setItemDelegateForColumn(
            PROGRESS, GoalProgressDelegate(goal_percent, self.goal_table.view)
        )
        self.goal_table.selection_changed.connect(self._goal_chosen)
        self.goal_table.activated.connect(lambda row: self.edit_goal())
        self.action_table: RowTable[ActionRow] = RowTable(
            RowsTableModel(self._columns.actions(), action_look),
            "Actions",
            "Choose a goal to see its actions.",
            (360, 180, 210),
        )
        self.action_table.selection_changed.connect(self._action_chosen)
        self.action_table.activated.connect(lambda row: self.edit_action())
        self.count = hint()
        self.measure = hint(wrap=True)
        self.actions_title = section_title("Actions")
        goals_box = self._box(
            [section_title("Goals"), self.count],
            [self.add_goal_button, self.edit_goal_button, self.achieved_button],
            self.goal_table,
        )
        actions_box = self._box(
            [self.actions_title],
            [self.add_action_button, self.edit_action_button, self.done_button],
            self.action_table,
            self.measure,
        )
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(goals_box)
        split.addWidget(actions_box)
        split.setSizes([260, 260])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(split, 1)
        self._goal_chosen()

    @staticmethod
    def _box(
        heads: list[QLabel], buttons: list[QWidget], table: QWidget, under: QWidget | None = None
    ) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 4)
        top = QHBoxLayout()
        for head in heads:
            top.addWidget(head)
        top.addStretch(1)
        for button in buttons:
            top.addWidget(button)
        layout.addLayout(top)
        if under is not None:
            layout.addWidget(under)
        layout.addWidget(table, 1)
        return box

    # ---- showing the goals ---------------------------------------------------------------
    def load(self, view: PlanView) -> None:
        self._editable = view.may_edit and view.is_open
        show_for(self._editable, self.add_goal_button, self.edit_goal_button)
        show_for(self._editable, self.achieved_button, self.add_action_button)
        show_for(self._editable, self.edit_action_button, self.done_button)
        self._columns.today = local_today(self._services.clock.now())
        chosen = self.goal_table.selected()
        rows = self._services.coaching_goals.goals(self.plan_id)
        self.goal_table.set_rows(rows)
        if chosen is not None:
            self.select_goal(chosen.id)
        elif rows:
            self.goal_table.select_index(0)
        achieved = sum(row.status is GoalStatus.ACHIEVED for row in rows)
        counted = sum(row.status is not GoalStatus.DROPPED for row in rows)
        self.count.setText(f"{achieved} of {counted} achieved" if counted else "")
        self._goal_chosen()

    def select_goal(self, goal_id: int) -> bool:
        return self.goal_table.select_where(lambda row: row.id == goal_id)

    def _goal_chosen(self) -> None:
        goal = self.goal_table.selected()
        chosen = self.action_table.selected()
        self.action_table.set_rows([] if goal is None else goal.actions)
        if chosen is not None:  # the same action stays chosen after a save
            self.action_table.select_where(lambda row: row.id == chosen.id)
        active = goal is not None and goal.status is GoalStatus.ACTIVE
        self.edit_goal_button.setEnabled(goal is not None)
        self.achieved_button.setEnabled(active)
        self.add_action_button.setEnabled(active)
        if goal is None:
            self.actions_title.setText("Actions")
            self.measure.setText("")
            self.action_table.empty.setText("Choose a goal to see its actions.")
        else:
            progress = progress_text(goal.actions_done, goal.actions_total)
            self.actions_title.setText(f"Actions · {progress}")
            self.measure.setText(f"Measured by: {goal.measure}" if goal.measure else "")
            self.measure.setVisible(bool(goal.measure))
            self.action_table.empty.setText(
                "No actions yet. Choose Add action… to add the first step."
                if active
                else "No actions."
            )
        self._action_chosen()

    def _action_chosen(self) -> None:
        action = self.action_table.selected()
        self.edit_action_button.setEnabled(action is not None)
        self.done_button.setEnabled(action is not None and action.status in OPEN_ACTIONS)

    # ---- changing them -------------------------------------------------------------------
    def add_goal(self) -> None:
        goals = self._services.coaching_goals
        dialog = GoalDialog(self._columns.today, parent=self)
        dialog.save = lambda: goals.add_goal(self.plan_id, dialog.details())
        if self._run(dialog) and isinstance(dialog.result_of_save, int):
            self.select_goal(dialog.result_of_save)

    def edit_goal(self) -> None:
        goal = self.goal_table.selected()
        if goal is None or not self._editable:
            return
        goals = self._services.coaching_goals

        def save() -> None:
            goals.update_goal(goal.id, dialog.details())
            goals.set_goal_status(goal.id, dialog.chosen_status())

        dialog = GoalDialog(self._columns.today, goal, self)
        dialog.save = save
        self._run(dialog)

    def mark_achieved(self) -> None:
        goal = self.goal_table.selected()
        if goal is not None and self._editable:
            goals = self._services.coaching_goals
            self._change(lambda: goals.set_goal_status(goal.id, GoalStatus.ACHIEVED))

    def add_action(self) -> None:
        goal = self.goal_table.selected()
        if goal is None or not self._editable:
            return
        goals = self._services.coaching_goals
        dialog = ActionDialog(goal.description, self._columns.today, parent=self)
        dialog.save = lambda: goals.add_action(goal.id, dialog.details())
        if self._run(dialog) and isinstance(dialog.result_of_save, int):
            new_id = dialog.result_of_save
            self.action_table.select_where(lambda row: row.id == new_id)

    def edit_action(self) -> None:
        goal, action = self.goal_table.selected(), self.action_table.selected()
        if goal is None or action is None or not self._editable:
            return
        goals = self._services.coaching_goals
        dialog = ActionDialog(goal.description, self._columns.today, action, self)
        dialog.save = lambda: goals.update_action(action.id, dialog.details())
        self._run(dialog)

    def mark_done(self) -> None:
        action = self.action_table.selected()
        if action is not None and self._editable:
            goals = self._services.coaching_goals
            self._change(lambda: goals.set_action_status(action.id, ActionStatus.DONE))

    def _change(self, change: Callable[[], None]) -> None:
        """A one-click change; a refusal (the plan closed meanwhile, say) is said in words."""
        try:
            change()
        except REFUSALS as error:
            QMessageBox.warning(self, "Not saved", str(error))
        self.changed.emit()

    def _run(self, dialog: GoalDialog | ActionDialog) -> bool:
        saved = bool(dialog.exec())
        dialog.deleteLater()  # what was typed goes with it
        if saved:
            self.changed.emit()
        return saved

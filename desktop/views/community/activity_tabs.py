"""An activity page's tabs: details (languages, communities, partners involved, the strategy
outcomes it serves), attendance by audience, themes to recommendations, the action plan, and
the partners its insight report was shared with."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.models.choices import StrategyOutcome
from desktop.services.engagement_records import (
    ActivityView,
    AttendanceRow,
    EngagementActionRow,
    PartnerLink,
    ShareRow,
)
from desktop.views.caseload.tabs.tab_parts import action_button, hint, section_title
from desktop.views.common.action_texts import action_look, due_text, status_text
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import RowsTableModel
from desktop.views.common.when import date_text
from desktop.views.community.community_parts import listed, outcome_boxes, plural, reading, ticked
from desktop.views.meetings.meeting_tabs import boxed

PARTNER_COLUMNS = (("Partner", lambda row: row.name), ("Kind", lambda row: row.kind.label))
ATTENDANCE_COLUMNS = (
    ("Audience", lambda row: row.audience.label),
    ("How many", lambda row: row.count),
)
SHARE_COLUMNS = (
    ("Partner", lambda row: row.partner_name),
    ("Shared on", lambda row: date_text(row.shared_on)),
)
ACTION_DUE = 2  # the actions table's due column


def tab_layout(tab: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(tab)
    layout.setContentsMargins(12, 10, 12, 10)
    return layout


class DetailsTab(QWidget):
    """The facts, the partners involved, and the outcomes ticked straight on the page."""

    outcomes_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.languages = reading("Languages used")
        self.communities = reading("Communities reached")
        facts = QGridLayout()
        facts.setHorizontalSpacing(16)
        for row, (text, value) in enumerate(
            (("Languages used", self.languages), ("Communities reached", self.communities))
        ):
            label = QLabel(text)
            label.setObjectName("hint")
            facts.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            facts.addWidget(value, row, 1)
        facts.setColumnStretch(1, 1)
        self.partners_button = action_button(
            "Choose &partners…", "Tick the partners involved in the activity"
        )
        self.partners: RowTable[PartnerLink] = RowTable(
            RowsTableModel(PARTNER_COLUMNS),
            "Partners involved",
            "No partners recorded. Choose partners… to tick those involved.",
            (320,),
        )
        self.partners.fit_height(8)  # a short list leaves the outcomes in view
        self.outcomes = outcome_boxes(())
        outcomes = QWidget()
        column = QVBoxLayout(outcomes)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(section_title("Strategy outcomes it serves"))
        for box in self.outcomes.values():
            box.toggled.connect(self.outcomes_changed)
            column.addWidget(box)
        layout = tab_layout(self)
        layout.addLayout(facts)
        layout.addWidget(
            boxed(section_title("Partners involved"), [self.partners_button], self.partners)
        )
        layout.addWidget(outcomes)
        layout.addStretch(1)

    def load(self, view: ActivityView) -> None:
        self.languages.setText(listed(view.languages, "Not recorded"))
        self.communities.setText(listed(view.communities, "Not recorded"))
        self.partners.set_rows(view.partners)
        for outcome, box in self.outcomes.items():
            box.blockSignals(True)  # loading is not the user ticking
            box.setChecked(outcome in view.outcomes)
            box.blockSignals(False)

    def chosen_outcomes(self) -> list[StrategyOutcome]:
        return ticked(self.outcomes)


class AttendanceTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit_button = action_button(
            "&Edit attendance…", "Count how many of each audience came"
        )
        self.total = section_title("Attendance")
        self.table: RowTable[AttendanceRow] = RowTable(
            RowsTableModel(ATTENDANCE_COLUMNS),
            "Attendance by audience",
            "No one counted yet. Choose Edit attendance… to count who came, by audience.",
            (260,),
        )
        layout = tab_layout(self)
        layout.addWidget(
            boxed(
                self.total,
                [self.edit_button],
                self.table,
                hint("Counts only: Casebook keeps no names of those who came."),
            ),
            1,
        )

    def load(self, view: ActivityView) -> None:
        self.table.set_rows(view.attendance)
        total = view.total_attendance
        self.total.setText(
            f"Attendance · {plural(total, 'person', 'people')}" if total else "Attendance"
        )


class FindingsTab(QWidget):
    """Themes, concerns, findings and recommendations in full, in a pane that scrolls."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit_button = action_button(
            "&Edit findings…", "Change the themes, concerns, findings and recommendations"
        )
        self.parts: dict[str, QLabel] = {}
        body = QWidget()
        body.setObjectName("findingsBody")
        body.setStyleSheet("QWidget#findingsBody { background:palette(base); }")
        column = QVBoxLayout(body)
        column.setContentsMargins(12, 10, 12, 10)
        for name, title in (
            ("themes", "Themes discussed"),
            ("concerns", "Concerns raised"),
            ("findings", "Findings"),
            ("recommendations", "Recommendations"),
        ):
            text = reading(title)
            text.setContentsMargins(0, 0, 0, 10)
            column.addWidget(section_title(title))
            column.addWidget(text)
            self.parts[name] = text
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = tab_layout(self)
        layout.addWidget(
            boxed(section_title("What came of it"), [self.edit_button], scroll),
            1,
        )

    def load(self, view: ActivityView) -> None:
        for name, label in self.parts.items():
            label.setText(getattr(view, name) or "Not recorded yet.")


class ActionsTab(QWidget):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.add_button = action_button("&Add action…", "Add an action to the plan")
        self.edit_button = action_button("&Edit action…", "Change the chosen action")
        self.done_button = action_button("&Mark done", "The chosen action is done")
        self.table: RowTable[EngagementActionRow] = RowTable(
            RowsTableModel(
                (
                    ("Action", lambda row: row.description.replace("\n", " ")),
                    ("Owner", lambda row: row.owner_name),
                    ("Due", lambda row: due_text(row, self.today)),
                    ("Status", status_text),
                    ("Outcomes", lambda row: listed([o.label for o in row.outcomes])),
                ),
                action_look(ACTION_DUE),
                lambda row: f"{row.description}\nOwner: {row.owner_name}",
            ),
            "Action plan",
            "No actions yet. Choose Add action… to plan what happens next.",
            (270, 170, 205, 130),
        )
        self.count = section_title("Action plan")
        self.table.selection_changed.connect(self._chosen)
        layout = tab_layout(self)
        layout.addWidget(
            boxed(self.count, [self.add_button, self.edit_button, self.done_button], self.table),
            1,
        )

    def load(self, view: ActivityView, today: date) -> None:
        self.today = today
        chosen = self.table.selected()
        self.table.set_rows(view.actions)
        if chosen is not None:
            self.table.select_where(lambda row: row.id == chosen.id)
        still_open = sum(row.is_open for row in view.actions)
        overdue = sum(row.overdue for row in view.actions)
        text = f"Action plan · {still_open} open" if view.actions else "Action plan"
        self.count.setText(f"{text}, {overdue} overdue" if overdue else text)
        self._chosen()

    def _chosen(self) -> None:
        action = self.table.selected()
        self.edit_button.setEnabled(action is not None)
        self.done_button.setEnabled(action is not None and action.is_open)


class SharesTab(QWidget):
    """Which partners the insight report went to, and when."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record_button = action_button(
            "Record &share…", "Record the partners the insight report was sent to"
        )
        self.remove_button = action_button("Remo&ve share", "The chosen share was a mistake")
        self.table: RowTable[ShareRow] = RowTable(
            RowsTableModel(SHARE_COLUMNS),
            "Shared with",
            "Not shared yet. When the insight report is sent to partners, choose Record share….",
            (320,),
        )
        self.table.selection_changed.connect(self._chosen)
        layout = tab_layout(self)
        layout.addWidget(
            boxed(
                section_title("Insight report shared with"),
                [self.record_button, self.remove_button],
                self.table,
            ),
            1,
        )

    def load(self, view: ActivityView) -> None:
        self.table.set_rows(view.shares)
        self._chosen()

    def _chosen(self) -> None:
        self.remove_button.setEnabled(self.table.selected() is not None)

"""The chosen critical incident, below the list: its account (what happened, families affected,
community tension), the young people affected, support offered and given, and follow-up
actions, each in a tab with its buttons. The incidents tab says what the buttons do."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from desktop.services.incident_records import (
    AffectedPerson,
    IncidentActionRow,
    IncidentView,
    SupportRow,
)
from desktop.views.caseload.tabs.tab_parts import action_button, hint, section_title
from desktop.views.common.action_texts import action_look, due_text, status_text
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import RowsTableModel
from desktop.views.common.when import date_text
from desktop.views.community.community_parts import plural
from desktop.views.meetings.meeting_tabs import boxed

PEOPLE_COLUMNS = (
    ("Young person", lambda row: row.name),
    ("Case reference", lambda row: row.case_reference),
)
SUPPORT_COLUMNS = (
    ("Kind", lambda row: row.kind.label),
    ("Offered to", lambda row: row.offered_to),
    ("Offered", lambda row: date_text(row.offered_on)),
    ("Given", lambda row: date_text(row.given_on, "Not yet")),
    ("Staff", lambda row: row.staff_name),
    ("Description", lambda row: row.description.replace("\n", " ")),
)
ACTION_DUE = 2


def account_text(view: IncidentView) -> str:
    return (
        f"What happened:\n{view.summary or '—'}\n\n"
        f"Families affected:\n{view.families or '—'}\n\n"
        f"Community tension:\n{view.tension_notes or '—'}\n\n"
        f"Recorded by {view.created_by or 'someone no longer known'}."
    )


class IncidentDetail(QWidget):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today  # for how late an action is
        self.title = section_title("")
        self.title.setAccessibleName("Chosen incident")
        self.account = QLabel()
        self.account.setWordWrap(True)
        self.account.setTextFormat(Qt.TextFormat.PlainText)
        self.account.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.account.setAccessibleName("The incident")
        self.account.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.account.setContentsMargins(10, 8, 10, 8)
        self.account.setStyleSheet("background:palette(base);")
        account_scroll = QScrollArea()
        account_scroll.setWidgetResizable(True)
        account_scroll.setWidget(self.account)

        self.people_button = action_button(
            "Choose young &people…", "Change the young people affected"
        )
        self.people: RowTable[AffectedPerson] = RowTable(
            RowsTableModel(PEOPLE_COLUMNS),
            "Young people affected",
            "No young people linked.",
            (260,),
        )
        self.hidden_people = hint(wrap=True)

        self.add_support_button = action_button("Add &support…", "Record support offered")
        self.edit_support_button = action_button("Ed&it support…", "Change the chosen support")
        self.given_button = action_button("Mark &given", "The chosen support was given today")
        self.support: RowTable[SupportRow] = RowTable(
            RowsTableModel(SUPPORT_COLUMNS),
            "Support offered and given",
            "No support recorded yet. Choose Add support… to record a visit, call or referral.",
            (120, 170, 95, 95, 150),
        )
        self.support.selection_changed.connect(self._support_chosen)

        self.add_action_button = action_button("Add a&ction…", "Add a follow-up action")
        self.edit_action_button = action_button("Edit ac&tion…", "Change the chosen action")
        self.done_button = action_button("Mark &done", "The chosen action is done")
        self.follow_up: RowTable[IncidentActionRow] = RowTable(
            RowsTableModel(
                (
                    ("Action", lambda row: row.description.replace("\n", " ")),
                    ("Owner", lambda row: row.owner_name),
                    ("Due", lambda row: due_text(row, self.today)),
                    ("Status", status_text),
                ),
                action_look(ACTION_DUE),
            ),
            "Follow-up actions",
            "No follow-up actions yet. Choose Add action… to record one.",
            (320, 170, 170),
        )
        self.follow_up.selection_changed.connect(self._action_chosen)

        self.parts = QTabWidget()
        self.parts.setDocumentMode(True)
        self.parts.addTab(account_scroll, "Su&mmary")
        self.parts.addTab(
            boxed(
                section_title("Young people affected"),
                [self.people_button],
                self.people,
                self.hidden_people,
            ),
            "&Young people",
        )
        self.parts.addTab(
            boxed(
                section_title("Support offered and given"),
                [self.add_support_button, self.edit_support_button, self.given_button],
                self.support,
            ),
            "Support &offered",
        )
        self.parts.addTab(
            boxed(
                section_title("Follow-up actions"),
                [self.add_action_button, self.edit_action_button, self.done_button],
                self.follow_up,
            ),
            "Fo&llow-up actions",
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.parts, 1)

    def show_view(self, view: IncidentView | None) -> None:
        """Shows the incident; None empties every part (nothing of it stays on screen)."""
        self.setVisible(view is not None)
        if view is None:
            self.title.setText("")
            self.account.setText("")
            self.people.set_rows([])
            self.support.set_rows([])
            self.follow_up.set_rows([])
            return
        self.title.setText(f"{view.kind.label} · {view.area} · {date_text(view.occurred_on)}")
        self.account.setText(account_text(view))
        self.people.set_rows(view.people)
        self.hidden_people.setText(
            f"{plural(view.hidden_people, 'more young person', 'more young people')} affected "
            "whose records you cannot open."
            if view.hidden_people
            else ""
        )
        self.hidden_people.setVisible(bool(view.hidden_people))
        self.support.set_rows(view.support)
        self.follow_up.set_rows(view.actions)
        self._support_chosen()
        self._action_chosen()

    def _support_chosen(self) -> None:
        row = self.support.selected()
        self.edit_support_button.setEnabled(row is not None)
        self.given_button.setEnabled(row is not None and not row.given)

    def _action_chosen(self) -> None:
        row = self.follow_up.selected()
        self.edit_action_button.setEnabled(row is not None)
        self.done_button.setEnabled(row is not None and row.is_open)

"""The record's Employment tab: the young person's coaching plan as the case team reads it (coach,
what they are doing now, aspirations, review), open barriers, goals, recent sessions and
milestones. Nothing here is editable: the coach works in Employment coaching."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from desktop.models.choices import BarrierStatus, GoalStatus
from desktop.services.bundle import Services
from desktop.services.coaching_records import BarrierRow, GoalRow, PlanView
from desktop.services.coaching_session_records import MilestoneRow, SessionRow
from desktop.services.people_service import PersonRecord
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.views.caseload.list_section import list_section, list_table
from desktop.views.caseload.record_tab import RecordTab
from desktop.views.coaching.coaching_plan_parts import local_today, progress_text, review_text
from desktop.views.common.fixed_rows_model import FixedRowsModel
from desktop.views.common.when import date_text, local_time_text

NO_PLAN = "No employment coaching plan."
RECENT = 5  # sessions and milestones shown here; the coach's section has them all
Columns = list[tuple[str, Callable[[Any], Any]]]


def one_line(text: str) -> str:
    return " ".join(text.split()) or "—"


BARRIER_COLUMNS: Columns = [
    ("Barrier", lambda row: row.type_label),
    ("Status", lambda row: row.status.label),
    ("What is being done", lambda row: one_line(row.action)),
]
GOAL_COLUMNS: Columns = [
    ("Goal", lambda row: one_line(row.description)),
    ("Target", lambda row: date_text(row.target_on)),
    ("Progress", lambda row: goal_progress(row)),
]
SESSION_COLUMNS: Columns = [
    ("When", lambda row: local_time_text(row.held_at)),
    ("How", lambda row: row.mode.label),
    ("Attended", lambda row: "Attended" if row.attended else "Did not attend"),
    ("What was done", lambda row: one_line(row.what_was_done)),
]
MILESTONE_COLUMNS: Columns = [
    ("Milestone", lambda row: row.kind.label),
    ("Date", lambda row: date_text(row.achieved_on)),
    ("Detail", lambda row: one_line(row.detail)),
]


def goal_progress(row: GoalRow) -> str:
    if row.status is GoalStatus.ACHIEVED:
        return "Achieved" + (f" {date_text(row.achieved_on)}" if row.achieved_on else "")
    if row.status is GoalStatus.DROPPED:
        return "Dropped"
    late = " · target passed" if row.target_passed else ""
    return f"{row.percent}% · {progress_text(row.actions_done, row.actions_total)}{late}"


def plan_text(view: PlanView, today_text: str, review: str) -> str:
    """The plan's facts as rich text (each value escaped: it is what people typed)."""
    doing = "Not recorded"
    if view.current_eet is not None:
        spell = view.current_eet
        provider = f" at {spell.provider}" if spell.provider else ""
        doing = f"{spell.activity.label}{provider}, since {date_text(spell.started_on)}"
    state = (
        f"Open since {date_text(view.started_on)}"
        if view.is_open
        else f"Closed {date_text(view.closed_on)}"
        + (f": {view.closing_reason}" if view.closing_reason else "")
    )
    pairs = [
        ("Coach", view.coach),
        ("Plan", state),
        ("Doing now", doing),
        ("Aspirations", view.aspirations or "—"),
        ("Next review", review),
    ]
    rows = "".join(
        f"<tr><td style='padding:2px 14px 2px 0;color:#4a5563'><b>{html.escape(name)}</b></td>"
        f"<td style='padding:2px 0'>{html.escape(value).replace(chr(10), '<br>')}</td></tr>"
        for name, value in pairs
    )
    return f"<table>{rows}</table>"


class EmploymentTab(RecordTab):
    def __init__(self, services: Services, record: PersonRecord, parent: QWidget | None = None):
        super().__init__(services, record, parent)
        self._seen = False
        self.plan_id: int | None = None
        self.plan_card = QLabel()
        self.plan_card.setObjectName("card")
        self.plan_card.setAccessibleName("Coaching plan")
        self.plan_card.setTextFormat(Qt.TextFormat.RichText)
        self.plan_card.setWordWrap(True)
        self.plan_card.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.plan_card.setStyleSheet(
            "QLabel#card{background:palette(base);border:1px solid palette(mid);border-radius:6px;"
            "padding:8px 10px;}"
        )
        self.barriers: FixedRowsModel[BarrierRow] = FixedRowsModel(
            BARRIER_COLUMNS,
            warning=lambda row: row.status is BarrierStatus.OPEN,
            warning_columns={1},
            tooltip=lambda row: "\n".join(t for t in (row.detail, row.action) if t),
        )
        self.goals: FixedRowsModel[GoalRow] = FixedRowsModel(
            GOAL_COLUMNS,
            muted=lambda row: row.status is not GoalStatus.ACTIVE,
            warning=lambda row: row.target_passed,
            warning_columns={1},
        )
        self.sessions: FixedRowsModel[SessionRow] = FixedRowsModel(
            SESSION_COLUMNS,
            muted=lambda row: not row.attended,
            tooltip=lambda row: "\n".join(t for t in (row.what_was_done, row.next_steps) if t),
        )
        self.milestones: FixedRowsModel[MilestoneRow] = FixedRowsModel(
            MILESTONE_COLUMNS, tooltip=lambda row: row.evidence and f"Evidence: {row.evidence}"
        )
        self.tables = {
            "barriers": list_table("Open barriers", self.barriers),
            "goals": list_table("Goals", self.goals),
            "sessions": list_table("Recent sessions", self.sessions),
            "milestones": list_table("Milestones", self.milestones),
        }
        grid = QGridLayout()
        grid.setSpacing(12)
        for (title, key), (row, column) in zip(
            [
                ("Barriers still in the way", "barriers"),
                ("Goals", "goals"),
                ("Recent sessions", "sessions"),
                ("Recent milestones", "milestones"),
            ],
            [(0, 0), (0, 1), (1, 0), (1, 1)],
            strict=True,
        ):
            grid.addWidget(list_section(title, self.tables[key], []), row, column)
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        plan_page = QWidget()
        page_layout = QVBoxLayout(plan_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.plan_card)
        page_layout.addLayout(grid, 1)
        self.no_plan = QLabel(NO_PLAN)
        self.no_plan.setObjectName("hint")
        self.no_plan.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.pages = QStackedWidget()
        self.pages.addWidget(plan_page)
        self.pages.addWidget(self.no_plan)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        heading = QLabel("Employment coaching")
        heading.setObjectName("sectionTitle")
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.pages, 1)
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        # The coach may have recorded a session since the record was opened.
        if self._seen and not event.spontaneous():
            self.reload()
        self._seen = True
        super().showEvent(event)

    def reload(self) -> None:
        try:
            self._load()
        except (RecordNotFoundError, PermissionDeniedError) as error:
            self.refuse(error)

    def _load(self) -> None:
        services = self.services
        coaching = services.coaching.for_record(self.record.id)  # one transaction
        self.plan_id = None if coaching is None else coaching.plan.id
        if coaching is None:
            self.summary.setText("")
            self.pages.setCurrentWidget(self.no_plan)
            for model in (self.barriers, self.goals, self.sessions, self.milestones):
                model.set_rows([])
            return
        view = coaching.plan
        today = local_today(services.clock.now())
        review = review_text(view.review_due_on, view.review_overdue, today, not view.is_open)
        self.plan_card.setText(plan_text(view, date_text(today), review))
        self.barriers.set_rows(
            [row for row in coaching.barriers if row.status is not BarrierStatus.RESOLVED]
        )
        self.goals.set_rows(coaching.goals)
        sessions = coaching.sessions
        self.sessions.set_rows(sessions[:RECENT])
        self.milestones.set_rows(coaching.milestones[:RECENT])
        self.summary.setText(
            f"Read only: {view.coach} keeps this plan in Employment coaching. "
            f"{len(sessions)} session{'' if len(sessions) == 1 else 's'} in all; "
            "each is also in the chronology."
        )
        self.pages.setCurrentIndex(0)

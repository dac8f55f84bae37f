"""One coaching plan: a header naming the young person, their coach, the plan's state and when
it is next reviewed, and its tabs (Plan, Barriers, Goals, and any the section adds)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.services.bundle import Services
from desktop.services.coaching_records import PlanView
from desktop.views.caseload.tabs.tab_parts import action_button
from desktop.views.coaching.barrier_tab import BarriersTab
from desktop.views.coaching.coaching_plan_parts import OVERDUE_INK, local_today, review_text
from desktop.views.coaching.coaching_plan_tab import PlanTab
from desktop.views.coaching.goal_tab import GoalsTab
from desktop.views.common.theme import legible

# A tab the section adds to every plan page: its title and how to build it for a plan. A tab
# with a reload() method is reloaded whenever the plan changes.
PlanTabFactory = tuple[str, Callable[[Services, int], QWidget]]


def facts_text(view: PlanView) -> str:
    state = "open" if view.is_open else "closed"
    return f"{view.case_reference} · Coach: {view.coach} · Plan {state}"


class CoachingPlanPage(QWidget):
    closed = Signal()
    changed = Signal()  # something saved: the Plans list is out of date
    documents_requested = Signal(int)  # plan id

    def __init__(
        self,
        services: Services,
        plan_id: int,
        extra_tabs: list[PlanTabFactory],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self.plan_id = plan_id
        self._reloading = False
        back = action_button("← Plans", "Back to the list of plans (Esc)")
        back.setAccessibleName("Back to the plans")
        back.clicked.connect(self.closed)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setAccessibleName("Young person")
        self.facts = QLabel()
        self.facts.setObjectName("hint")
        self.review = QLabel()
        self.review.setAccessibleName("Review due")
        # Cut off on one line at 200% scaling: they wrap instead.
        for words in (self.facts, self.review):
            words.setWordWrap(True)
        self.documents_button = action_button(
            "Doc&uments…", "The young person's action plan and the plan summary, as Word files"
        )
        self.documents_button.setAccessibleName("Documents")
        self.documents_button.clicked.connect(lambda: self.documents_requested.emit(plan_id))
        header = QHBoxLayout()
        header.addWidget(back)
        header.addWidget(self.title)
        # Facts over the review date: side by side they overran the window at 1280 pixels.
        about = QVBoxLayout()
        about.setSpacing(0)
        about.addWidget(self.facts)
        about.addWidget(self.review)
        header.addLayout(about)
        header.addStretch(1)
        header.addWidget(self.documents_button)

        self.plan = PlanTab(services, plan_id)
        self.barriers = BarriersTab(services, plan_id)
        self.goals = GoalsTab(services, plan_id)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.plan, "Pl&an")
        self.tabs.addTab(self.barriers, "&Barriers")
        self.tabs.addTab(self.goals, "&Goals")
        for tab in (self.plan, self.barriers, self.goals):
            tab.changed.connect(self._saved)
        self.extra: list[QWidget] = []
        for label, build in extra_tabs:
            widget = build(services, plan_id)
            self.extra.append(widget)
            self.tabs.addTab(widget, label)
            signal = getattr(widget, "changed", None)
            if signal is not None and hasattr(signal, "connect"):
                signal.connect(self._saved)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.closed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        self.view = services.coaching.plan(plan_id)
        self.reload()

    def reload(self) -> None:
        """Fetches the plan and every tab's rows again (after a save here)."""
        view = self.view = self._services.coaching.plan(self.plan_id)
        today = local_today(self._services.clock.now())
        self.title.setText(view.person_name)
        self.facts.setText(facts_text(view))
        due = review_text(view.review_due_on, view.review_overdue, today, not view.is_open)
        self.review.setText(f"Review: {due}" if view.is_open else "")
        # Chosen for white: legible() lightens it on the dark look.
        colour = legible(OVERDUE_INK if view.review_overdue else "#1f3a5f").name()
        self.review.setStyleSheet(f"color:{colour};font-weight:600;")
        for tab in (self.plan, self.barriers, self.goals):
            tab.load(view)
        for widget in self.extra:
            reload = getattr(widget, "reload", None)
            if callable(reload):
                reload()

    def _saved(self) -> None:
        if self._reloading:  # an added tab that says "changed" as it reloads
            return
        self._reloading = True
        try:
            self.reload()
        finally:
            self._reloading = False
        self.changed.emit()

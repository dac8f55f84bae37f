"""The Employment coaching section: the Plans list and the plan opened from it (ids only are
kept to return to it after the vault locks)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop.services.bundle import Services
from desktop.services.coaching_access import may_edit
from desktop.views.caseload.tabs.tab_parts import action_button, show_for
from desktop.views.coaching.coaching_list import CoachingPlanList
from desktop.views.coaching.coaching_plan_page import CoachingPlanPage, PlanTabFactory
from desktop.views.coaching.coaching_plan_parts import local_today
from desktop.views.coaching.plan_dialog import PersonChoice, PlanDialog
from desktop.views.common.section_pages import section_pages

__all__ = ["CoachingPlace", "CoachingView", "PlanTabFactory"]

# Enough for any one coach's caseload; a coordinator's choice is longer but still one list.
MOST_PEOPLE = 5000


@dataclass(frozen=True)
class CoachingPlace:
    """Where the user was in the section: the list's filter, or the open plan and its tab."""

    list_filter: int = 0
    plan_id: int | None = None
    plan_tab: int = 0


class CoachingView(QWidget):
    """documents_requested(plan id) comes from a plan header's Documents… button; the section
    connects it to the documents dialog."""

    documents_requested = Signal(int)

    def __init__(
        self,
        services: Services,
        plan_tabs: list[PlanTabFactory] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._plan_tabs = list(plan_tabs or [])
        self.plan_page: CoachingPlanPage | None = None

        self.new_button = action_button(
            "New plan…", "Start a coaching plan for a young person on your caseload", "Ctrl+N"
        )
        self.new_button.setAccessibleName("New plan")
        self.new_button.clicked.connect(self.new_plan)
        show_for(may_edit(services.user), self.new_button)
        self.plans = CoachingPlanList(services)
        self.plans.open_plan.connect(self.open_plan)
        self.home_page, self.pages = section_pages(
            self, "Employment coaching", self.new_button, self.plans
        )

    def add_plan_tab(self, tab: PlanTabFactory) -> None:
        """Adds a tab to every plan opened from now on (the section does this as it is built)."""
        self._plan_tabs.append(tab)

    # ---- plans -------------------------------------------------------------------------------
    def person_choices(self) -> list[PersonChoice]:
        """Young people this user may reach who have no open plan."""
        people = self._services.people.page(0, MOST_PEOPLE)
        planned = {row.person_id for row in self._services.coaching.plans()}
        return [
            (row.id, f"{row.name} · {row.case_reference}")
            for row in people
            if row.id not in planned
        ]

    def new_plan(self) -> None:
        coaching = self._services.coaching
        dialog = PlanDialog(
            self.person_choices(),
            coaching.coach_choices(),
            self._services.user.account_id,
            local_today(self._services.clock.now()),
            coaching.review_interval_weeks(),
            parent=self,
        )

        def save() -> int:
            person_id = dialog.person_id()
            assert person_id is not None  # problems() asked for one first
            return coaching.create_plan(person_id, dialog.details())

        dialog.save = save
        saved = dialog.exec() and isinstance(dialog.result_of_save, int)
        dialog.deleteLater()  # what was typed goes with it
        if saved and isinstance(dialog.result_of_save, int):
            self.plans.reload()
            self.open_plan(dialog.result_of_save)

    def open_plan(self, plan_id: int, tab: int = 0) -> CoachingPlanPage:
        self._drop_plan()
        page = CoachingPlanPage(self._services, plan_id, self._plan_tabs)
        page.closed.connect(self.close_plan)
        page.changed.connect(self.plans.reload)
        page.documents_requested.connect(self.documents_requested)
        self.plan_page = page
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        if 0 <= tab < page.tabs.count():
            page.tabs.setCurrentIndex(tab)
        page.tabs.setFocus()
        return page

    def close_plan(self) -> None:
        plan_id = self.plan_page.plan_id if self.plan_page is not None else None
        self._drop_plan()
        self.pages.setCurrentWidget(self.home_page)
        if plan_id is not None:
            self.plans.select_plan(plan_id)
        self.plans.table.view.setFocus()

    def _drop_plan(self) -> None:
        if self.plan_page is not None:
            self.pages.removeWidget(self.plan_page)
            self.plan_page.deleteLater()
            self.plan_page = None

    # ---- lock and resume -----------------------------------------------------------------
    def save_drafts(self) -> None:
        """Nothing to keep: coaching has no long notes typed outside a dialog, and dialogs are
        closed before the lock."""

    def place(self) -> CoachingPlace:
        if self.plan_page is None:
            return CoachingPlace(self.plans.filter.currentIndex())
        return CoachingPlace(
            self.plans.filter.currentIndex(),
            self.plan_page.plan_id,
            self.plan_page.tabs.currentIndex(),
        )

    def restore_place(self, place: object) -> None:
        if not isinstance(place, CoachingPlace):
            return
        self.plans.filter.setCurrentIndex(place.list_filter)
        if place.plan_id is not None:
            self.open_plan(place.plan_id, place.plan_tab)

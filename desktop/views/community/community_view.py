"""The Community section: home tabs (the partners directory, the engagement activities, and
more added to HOME_TABS), and the partner or activity opened from them on a stack of pages (ids
only are kept, to return to them after the vault locks)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QTabWidget, QWidget

from desktop.services.bundle import Services
from desktop.views.coaching.coaching_plan_parts import local_today
from desktop.views.common.section_pages import section_pages
from desktop.views.community.activities_home import ActivityList
from desktop.views.community.activity_dialogs import ActivityDialog
from desktop.views.community.activity_page import ActivityPage
from desktop.views.community.incidents_tab import IncidentsTab
from desktop.views.community.partner_dialogs import PartnerDialog
from desktop.views.community.partner_page import PartnerPage
from desktop.views.community.partners_home import PartnerList
from desktop.views.community.ride_outs_tab import RideOutsTab
from desktop.views.community.strategy_tab import StrategyTab
from desktop.views.community.training_tab import TrainingTab

__all__ = ["HOME_TABS", "CommunityPlace", "CommunityView", "TabFactory"]

# A home tab is built from the services and the section (to open a partner or an activity).
TabFactory = Callable[[Services, "CommunityView"], QWidget]


def partners_tab(services: Services, view: CommunityView) -> QWidget:
    tab = PartnerList(services)
    tab.open_partner.connect(view.open_partner)
    tab.new_button.clicked.connect(view.new_partner)
    view.partner_list = tab
    return tab


def activities_tab(services: Services, view: CommunityView) -> QWidget:
    tab = ActivityList(services)
    tab.open_activity.connect(view.open_activity)
    tab.new_button.clicked.connect(view.new_activity)
    view.activity_list = tab
    return tab


# The home tabs in order: adding a tab is adding a line. Mnemonics in use on the home screen:
# C and H (the menu bar), P and A (these tabs), N (each tab's New button), F (former partners).
HOME_TABS: list[tuple[str, TabFactory]] = [
    ("&Partners", partners_tab),
    ("&Activities", activities_tab),
    ("Trainin&g", lambda services, view: TrainingTab(services)),
    ("Ride-o&uts", lambda services, view: RideOutsTab(services)),
    ("Critical incidents", lambda services, view: IncidentsTab(services)),
    ("Strateg&y", lambda services, view: StrategyTab(services)),
]
# Only for the coordinator and the roles the coordinator allows (decided at sign-in).
RESTRICTED_TABS = {"Critical incidents": IncidentsTab.available}


@dataclass(frozen=True)
class CommunityPlace:
    """Where the user was: the home tab, and the partner and activity open with its tab."""

    home_tab: int = 0
    partner_id: int | None = None
    activity_id: int | None = None
    activity_tab: int = 0


class CommunityView(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.partner_list: PartnerList | None = None
        self.activity_list: ActivityList | None = None
        self.open_pages: list[PartnerPage | ActivityPage] = []
        self.home_tabs = QTabWidget()
        self.home_tabs.setDocumentMode(True)
        for title, factory in HOME_TABS:
            allowed = RESTRICTED_TABS.get(title)
            if allowed is None or allowed(services):
                self.home_tabs.addTab(factory(services, self), title)
        self.home_page, self.pages = section_pages(self, "Community", QWidget(), self.home_tabs)

    @property
    def partner_page(self) -> PartnerPage | None:
        found = [p for p in self.open_pages if isinstance(p, PartnerPage)]
        return found[-1] if found else None

    @property
    def activity_page(self) -> ActivityPage | None:
        found = [p for p in self.open_pages if isinstance(p, ActivityPage)]
        return found[-1] if found else None

    def reload(self) -> None:
        for number in range(self.home_tabs.count()):
            # A home tab with a reload() is brought up to date after a change on a page.
            reload = getattr(self.home_tabs.widget(number), "reload", None)
            if callable(reload):
                reload()

    # ---- new records -----------------------------------------------------------------------
    def new_partner(self) -> None:
        dialog = PartnerDialog(parent=self)
        dialog.save = lambda: self._services.partners.create_partner(dialog.details())
        saved = dialog.exec() and isinstance(dialog.result_of_save, int)
        new_id = dialog.result_of_save
        dialog.deleteLater()
        if saved and isinstance(new_id, int):
            self.reload()
            self.open_partner(new_id)

    def new_activity(self) -> None:
        dialog = ActivityDialog(local_today(self._services.clock.now()), parent=self)
        dialog.save = lambda: self._services.engagement.create_activity(dialog.details())
        saved = dialog.exec() and isinstance(dialog.result_of_save, int)
        new_id = dialog.result_of_save
        dialog.deleteLater()
        if saved and isinstance(new_id, int):
            self.reload()
            self.open_activity(new_id)

    # ---- pages -----------------------------------------------------------------------------
    def open_partner(self, partner_id: int) -> PartnerPage:
        self._drop_pages()
        page = PartnerPage(self._services, partner_id)
        page.open_activity.connect(lambda activity_id: self.open_activity(activity_id, True))
        self._push(page)
        page.focus_first()
        return page

    def open_activity(self, activity_id: int, over: bool = False, tab: int = 0) -> ActivityPage:
        """over: on top of the partner page it was opened from (Back returns there)."""
        if not over:
            self._drop_pages()
        page = ActivityPage(self._services, activity_id)
        self._push(page)
        if 0 <= tab < page.tabs.count():
            page.tabs.setCurrentIndex(tab)
        page.tabs.setFocus()
        return page

    def close_page(self) -> None:
        if not self.open_pages:
            return
        closing = self.open_pages.pop()
        self.pages.removeWidget(closing)
        closing.deleteLater()
        if self.open_pages:
            below = self.open_pages[-1]
            below.reload()
            self.pages.setCurrentWidget(below)
            below.setFocus()
            return
        self.pages.setCurrentWidget(self.home_page)
        self.reload()
        if isinstance(closing, PartnerPage) and self.partner_list is not None:
            self.partner_list.select_partner(closing.partner_id)
            self.partner_list.focus_list()
        elif isinstance(closing, ActivityPage) and self.activity_list is not None:
            self.activity_list.select_activity(closing.activity_id)
            self.activity_list.focus_list()

    def _push(self, page: PartnerPage | ActivityPage) -> None:
        page.closed.connect(self.close_page)
        page.changed.connect(self.reload)
        self.open_pages.append(page)
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)

    def _drop_pages(self) -> None:
        while self.open_pages:
            page = self.open_pages.pop()
            self.pages.removeWidget(page)
            page.deleteLater()

    # ---- lock and resume -----------------------------------------------------------------
    def save_drafts(self) -> None:
        """Nothing to keep: everything is typed in dialogs, closed before the lock."""

    def place(self) -> CommunityPlace:
        partner, activity = self.partner_page, self.activity_page
        return CommunityPlace(
            self.home_tabs.currentIndex(),
            partner.partner_id if partner is not None else None,
            activity.activity_id if activity is not None else None,
            activity.tabs.currentIndex() if activity is not None else 0,
        )

    def restore_place(self, place: object) -> None:
        if not isinstance(place, CommunityPlace):
            return
        self.home_tabs.setCurrentIndex(place.home_tab)
        if place.partner_id is not None:
            self.open_partner(place.partner_id)
        if place.activity_id is not None:
            self.open_activity(
                place.activity_id, over=place.partner_id is not None, tab=place.activity_tab
            )

"""The Caseload section as the user sees it: its home tabs and the tabs of a record."""

from __future__ import annotations

from desktop.services.bundle import Services
from desktop.views.caseload.caseload_view import CaseloadView, HomeTab
from desktop.views.caseload.chronology_search_view import ChronologySearchView
from desktop.views.caseload.groups_places_view import GroupsPlacesView
from desktop.views.caseload.person_record_view import PersonRecordView, TabFactory
from desktop.views.caseload.tabs.addresses_tab import AddressesTab
from desktop.views.caseload.tabs.chronology_tab import ChronologyTab
from desktop.views.caseload.tabs.employment_tab import EmploymentTab
from desktop.views.caseload.tabs.groups_places_tab import GroupsPlacesTab
from desktop.views.caseload.tabs.interventions_tab import InterventionsTab
from desktop.views.caseload.tabs.missing_tab import MissingTab
from desktop.views.caseload.tabs.network_tab import NetworkTab
from desktop.views.caseload.tabs.referrals_tab import ReferralsTab
from desktop.views.caseload.tabs.status_risk_tab import StatusRiskTab
from desktop.views.caseload.tabs.tasks_tab import TasksTab
from desktop.views.caseload.tabs.therapy_tab import TherapyTab
from desktop.views.home.my_work_view import MyWorkView

# Each area adds its tabs here as it lands.
HOME_TABS: list[HomeTab] = [
    ("&My work", MyWorkView),
    ("&Search chronology", ChronologySearchView),
    ("&Groups and places", GroupsPlacesView),
]
RECORD_TABS: list[TabFactory] = [
    ("Chrono&logy", ChronologyTab),  # L: H opens the Help menu
    ("&Referrals", ReferralsTab),
    ("&Status && risk", StatusRiskTab),
    ("&Interventions", InterventionsTab),
    ("&Tasks", TasksTab),
    ("Pe&ople", NetworkTab),
    ("&Groups and places", GroupsPlacesTab),
    ("&Missing", MissingTab),
    ("Addresses && re&ferences", AddressesTab),
    ("Famil&y therapy", TherapyTab),
    # P: every letter of "Employment" before it is taken by another tab or the Details form.
    ("Em&ployment", EmploymentTab),
]


def build_caseload_view(services: Services) -> CaseloadView:
    flag_types = [(row.id, row.label) for row in services.risk.flag_types()]
    view = CaseloadView(
        services,
        flag_types=flag_types,
        record_tabs=RECORD_TABS,
        home_tabs=HOME_TABS,
        restrictions=services.restrictions,
        duplicates=services.duplicates,
    )
    for home in view.home_views.values():
        if isinstance(home, ChronologySearchView):
            home.open_entry.connect(
                lambda person_id, entry_id: _open_entry(view, person_id, entry_id)
            )
        if isinstance(home, GroupsPlacesView):
            _connect_group_pages(view, home)
    return view


def _connect_group_pages(view: CaseloadView, page: GroupsPlacesView) -> None:
    view.open_group.connect(lambda group_id: _show(view, page, group_id, group=True))
    view.open_place.connect(lambda place_id: _show(view, page, place_id, group=False))


def _show(view: CaseloadView, page: GroupsPlacesView, target_id: int, *, group: bool) -> None:
    """A group or place chosen in a record: its page, on the caseload's home."""
    view.close_record()
    view.home.setCurrentWidget(page)
    if group:
        page.show_group(target_id)
    else:
        page.show_place(target_id)


def _open_entry(view: CaseloadView, person_id: int, entry_id: int) -> None:
    """A search result: the record, on its chronology, with the entry chosen."""
    view.open_person(person_id)
    record = view.open_page
    if isinstance(record, PersonRecordView):
        chronology = record.tab_of(ChronologyTab)
        if chronology is not None:
            record.tabs.setCurrentWidget(chronology)
            chronology.show_entry(entry_id)

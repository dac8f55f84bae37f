"""The Caseload section as the user sees it: its home tabs and the tabs of a record."""

from __future__ import annotations

from desktop.services.bundle import Services
from desktop.views.caseload.caseload_view import CaseloadView, HomeTab
from desktop.views.caseload.chronology_search_view import ChronologySearchView
from desktop.views.caseload.person_record_view import PersonRecordView, TabFactory
from desktop.views.caseload.tabs.addresses_tab import AddressesTab
from desktop.views.caseload.tabs.chronology_tab import ChronologyTab
from desktop.views.caseload.tabs.interventions_tab import InterventionsTab
from desktop.views.caseload.tabs.referrals_tab import ReferralsTab
from desktop.views.caseload.tabs.status_risk_tab import StatusRiskTab
from desktop.views.caseload.tabs.tasks_tab import TasksTab
from desktop.views.home.my_work_view import MyWorkView

# Each area adds its tabs here as it lands.
HOME_TABS: list[HomeTab] = [
    ("&My work", MyWorkView),
    ("&Search chronology", ChronologySearchView),
]
RECORD_TABS: list[TabFactory] = [
    ("C&hronology", ChronologyTab),
    ("&Referrals", ReferralsTab),
    ("&Status && risk", StatusRiskTab),
    ("&Interventions", InterventionsTab),
    ("&Tasks", TasksTab),
    ("Addresses && &references", AddressesTab),
]


def build_caseload_view(services: Services) -> CaseloadView:
    flag_types = [(row.id, row.label) for row in services.risk.flag_types()]
    view = CaseloadView(
        services, flag_types=flag_types, record_tabs=RECORD_TABS, home_tabs=HOME_TABS
    )
    for home in view.home_views.values():
        if isinstance(home, ChronologySearchView):
            home.open_entry.connect(
                lambda person_id, entry_id: _open_entry(view, person_id, entry_id)
            )
    return view


def _open_entry(view: CaseloadView, person_id: int, entry_id: int) -> None:
    """A search result: the record, on its chronology, with the entry chosen."""
    view.open_person(person_id)
    record = view.open_page
    if isinstance(record, PersonRecordView):
        chronology = record.tab_of(ChronologyTab)
        if chronology is not None:
            record.tabs.setCurrentWidget(chronology)
            chronology.show_entry(entry_id)

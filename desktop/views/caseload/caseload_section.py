"""The Caseload section as the user sees it: its home tabs and the tabs of a record."""

from __future__ import annotations

from desktop.services.bundle import Services
from desktop.views.caseload.caseload_view import CaseloadView, HomeTab
from desktop.views.caseload.chronology_search_view import ChronologySearchView
from desktop.views.caseload.person_record_view import PersonRecordView, TabFactory
from desktop.views.caseload.tabs.addresses_tab import AddressesTab
from desktop.views.caseload.tabs.chronology_tab import ChronologyTab

# Each area adds its tabs here as it lands.
HOME_TABS: list[HomeTab] = [
    ("&Search chronology", ChronologySearchView),
]
RECORD_TABS: list[TabFactory] = [
    ("C&hronology", ChronologyTab),
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

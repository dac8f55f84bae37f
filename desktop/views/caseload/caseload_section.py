"""The Caseload section as the user sees it: its home tabs and the tabs of a record."""

from __future__ import annotations

from desktop.services.bundle import Services
from desktop.views.caseload.caseload_view import CaseloadView, HomeTab
from desktop.views.caseload.person_record_view import TabFactory
from desktop.views.caseload.tabs.addresses_tab import AddressesTab

# Each area adds its tabs here as it lands.
HOME_TABS: list[HomeTab] = []
RECORD_TABS: list[TabFactory] = [
    ("Addresses && &references", AddressesTab),
]


def build_caseload_view(services: Services) -> CaseloadView:
    flag_types = [(row.id, row.label) for row in services.risk.flag_types()]
    return CaseloadView(
        services, flag_types=flag_types, record_tabs=RECORD_TABS, home_tabs=HOME_TABS
    )

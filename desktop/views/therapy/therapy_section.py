"""The Family therapy section as the user sees it: its home tabs and the tabs of a case."""

from __future__ import annotations

from desktop.services.bundle import Services
from desktop.views.therapy.therapy_view import CaseTabFactory, TherapyView

# Tabs after Details and Sessions on every case page; each area adds its tab here as it lands.
CASE_TABS: list[CaseTabFactory] = []


def build_therapy_view(services: Services) -> TherapyView:
    """The one place the section is assembled: the note editor and documents are connected to
    view.note_requested(session id) and view.documents_requested(case id) here."""
    return TherapyView(services, case_tabs=CASE_TABS)

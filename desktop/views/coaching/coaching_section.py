"""The Employment coaching section as the user sees it: the Plans list, a plan's tabs (ours and
those other parts of the section add) and the documents dialog."""

from __future__ import annotations

from desktop.services.bundle import Services
from desktop.views.coaching.coaching_document_dialog import CoachingDocumentDialog
from desktop.views.coaching.coaching_view import CoachingView, PlanTabFactory
from desktop.views.coaching.sessions_tab import CoachingSessionsTab
from desktop.views.coaching.timeline_tab import CoachingTimelineTab

# Tabs after Plan, Barriers and Goals on every plan page; each area adds its tab here as it lands.
PLAN_TABS: list[PlanTabFactory] = [
    ("&Sessions", CoachingSessionsTab),
    ("Timeli&ne", CoachingTimelineTab),
]


def build_coaching_view(services: Services) -> CoachingView:
    view = CoachingView(services, plan_tabs=PLAN_TABS)
    view.documents_requested.connect(lambda plan_id: _documents(view, services, plan_id))
    return view


def _documents(view: CoachingView, services: Services, plan_id: int) -> None:
    dialog = CoachingDocumentDialog(services.coaching_documents, plan_id, view)
    dialog.exec()
    dialog.deleteLater()  # what was typed goes with it

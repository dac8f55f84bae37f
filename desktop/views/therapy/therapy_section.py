"""The Family therapy section as the user sees it: its home tabs, the tabs of a case, the
session-note page with spelling, and the documents dialog."""

from __future__ import annotations

from desktop.models.accounts import Role
from desktop.services.bundle import Services
from desktop.views.therapy.note_spelling import spelling_editors
from desktop.views.therapy.outcome_tab import OutcomeTab
from desktop.views.therapy.therapy_document_dialog import TherapyDocumentDialog
from desktop.views.therapy.therapy_view import CaseTabFactory, TherapyView

# Tabs after Details and Sessions on every case page; each area adds its tab here as it lands.
CASE_TABS: list[CaseTabFactory] = [
    ("&Outcomes", lambda services, case_id: OutcomeTab(services, case_id)),
]


def build_therapy_view(services: Services) -> TherapyView:
    # Only therapists type notes; the dictionary (about a tenth of a second) loads for them.
    editors = spelling_editors(services) if services.user.role is Role.FAMILY_THERAPIST else None
    view = (
        TherapyView(services, case_tabs=CASE_TABS, make_editor=editors)
        if editors is not None
        else TherapyView(services, case_tabs=CASE_TABS)
    )
    view.note_requested.connect(view.open_note)
    view.documents_requested.connect(lambda case_id: _documents(view, services, case_id))
    return view


def _documents(view: TherapyView, services: Services, case_id: int) -> None:
    dialog = TherapyDocumentDialog(services.therapy_documents, case_id, view)
    dialog.exec()
    dialog.deleteLater()  # what was typed goes with it

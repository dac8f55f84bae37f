"""The Family therapy section: the families in therapy and the diary, and the case opened from
either (ids only are kept to return to it after the vault locks)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QTabWidget,
    QWidget,
)

from desktop.services.bundle import Services
from desktop.services.therapy_access import MANAGERS
from desktop.views.caseload.tabs.tab_parts import action_button, show_for
from desktop.views.common.section_pages import section_pages
from desktop.views.therapy.case_dialog import case_dialog
from desktop.views.therapy.diary_tab import DiaryTab
from desktop.views.therapy.note_page import NotePage
from desktop.views.therapy.note_sections import EditorFactory, plain_editor
from desktop.views.therapy.therapy_case_list import TherapyCaseList
from desktop.views.therapy.therapy_case_page import CaseTabFactory, TherapyCasePage

__all__ = ["CaseTabFactory", "TherapyPlace", "TherapyView"]


@dataclass(frozen=True)
class TherapyPlace:
    """Where the user was in the section: the home tab, or the open case and its tab."""

    home_tab: int = 0
    case_id: int | None = None
    case_tab: int = 0
    note_session_id: int | None = None  # a session whose note page was open


class TherapyView(QWidget):
    """Signals for what other parts of the section provide: note_requested(session id) from a
    case's Session note… button (or an added tab's own note_requested), and
    documents_requested(case id) from the case header's Documents… button."""

    note_requested = Signal(int)
    documents_requested = Signal(int)

    def __init__(
        self,
        services: Services,
        case_tabs: list[CaseTabFactory] | None = None,
        parent: QWidget | None = None,
        make_editor: EditorFactory = plain_editor,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._case_tabs = list(case_tabs or [])
        self._make_editor = make_editor
        self.case_page: TherapyCasePage | None = None
        self.note_page: NotePage | None = None

        self.new_button = action_button(
            "New case…", "Start family therapy with a family from your caseload", "Ctrl+N"
        )
        self.new_button.setAccessibleName("New case")
        self.new_button.clicked.connect(self.new_case)
        show_for(services.user.role in MANAGERS, self.new_button)
        self.families = TherapyCaseList(services)
        self.families.open_case.connect(self.open_case)
        self.diary = DiaryTab(services)
        self.diary.open_session.connect(self.open_session)
        self.home = QTabWidget()
        self.home.setDocumentMode(True)
        self.home.addTab(self.families, "&Families")
        self.home.addTab(self.diary, "&Diary")
        self.home_page, self.pages = section_pages(
            self, "Family therapy", self.new_button, self.home
        )

    def add_case_tab(self, tab: CaseTabFactory) -> None:
        """Adds a tab to every case opened from now on (the section does this as it is built)."""
        self._case_tabs.append(tab)

    # ---- cases ---------------------------------------------------------------------------
    def new_case(self) -> None:
        therapy = self._services.therapy
        dialog = case_dialog(self._services, parent=self)
        dialog.save = lambda: therapy.create_case(dialog.details())
        saved = dialog.exec() and isinstance(dialog.result_of_save, int)
        dialog.deleteLater()  # what was typed goes with it
        if saved and isinstance(dialog.result_of_save, int):
            self.families.reload()
            self.open_case(dialog.result_of_save)

    def open_case(self, case_id: int, tab: int = 0) -> TherapyCasePage:
        self._drop_case()
        page = TherapyCasePage(self._services, case_id, self._case_tabs)
        page.closed.connect(self.close_case)
        page.changed.connect(self.families.reload)
        page.note_requested.connect(self.note_requested)
        page.documents_requested.connect(self.documents_requested)
        self.case_page = page
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        if 0 <= tab < page.tabs.count():
            page.tabs.setCurrentIndex(tab)
        page.tabs.setFocus()
        return page

    def open_session(self, case_id: int, session_id: int) -> None:
        """A diary entry: its case, on the Sessions tab, with the session chosen."""
        page = self.open_case(case_id)
        page.tabs.setCurrentWidget(page.sessions)
        page.sessions.select_session(session_id)

    def close_case(self) -> None:
        self._drop_case()
        self.pages.setCurrentWidget(self.home_page)
        self.home.currentWidget().setFocus()

    # ---- session notes ----------------------------------------------------------------------
    def open_note(self, session_id: int) -> NotePage | None:
        """The session's note over the open case (the case page stays beneath it)."""
        if self.case_page is None:
            return None
        sessions = self._services.therapy.sessions(self.case_page.case_id)
        row = next((r for r in sessions if r.id == session_id), None)
        if row is None:
            return None
        self._drop_note()
        page = NotePage(self._services, row, self._make_editor)
        page.closed.connect(self.close_note)
        self.note_page = page
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        return page

    def close_note(self) -> None:
        session_id = self.note_page.session.id if self.note_page is not None else None
        self._drop_note()
        if self.case_page is not None:
            self.case_page.reload()  # the note's state shows in the sessions table
            self.pages.setCurrentWidget(self.case_page)
            if session_id is not None:
                self.case_page.sessions.select_session(session_id)

    def _drop_note(self) -> None:
        if self.note_page is not None:
            self.pages.removeWidget(self.note_page)
            self.note_page.deleteLater()
            self.note_page = None

    def _drop_case(self) -> None:
        self._drop_note()
        if self.case_page is not None:
            self.pages.removeWidget(self.case_page)
            self.case_page.deleteLater()
            self.case_page = None

    # ---- lock and resume -----------------------------------------------------------------
    def save_drafts(self) -> None:
        """The open note's draft goes into the vault (dialogs are closed before the lock)."""
        if self.note_page is not None:
            self.note_page.save_drafts()

    def place(self) -> TherapyPlace:
        if self.case_page is None:
            return TherapyPlace(self.home.currentIndex())
        return TherapyPlace(
            self.home.currentIndex(),
            self.case_page.case_id,
            self.case_page.tabs.currentIndex(),
            self.note_page.session.id if self.note_page is not None else None,
        )

    def restore_place(self, place: object) -> None:
        if not isinstance(place, TherapyPlace):
            return
        self.home.setCurrentIndex(place.home_tab)
        if place.case_id is not None:
            self.open_case(place.case_id, place.case_tab)
            if place.note_session_id is not None:
                self.open_note(place.note_session_id)

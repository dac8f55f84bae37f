"""What a signed-in user sees: navigation to the sections their role allows, and the section."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QWidget

from desktop.models.accounts import Role
from desktop.services.bundle import Services
from desktop.services.people_service import RecordNotFoundError
from desktop.services.permissions import Section, sections_for
from desktop.views.admin.administration_view import AdministrationView
from desktop.views.analysis.analysis_view import AnalysisView
from desktop.views.caseload.caseload_section import build_caseload_view
from desktop.views.caseload.caseload_view import CaseloadView
from desktop.views.coaching.coaching_section import build_coaching_view
from desktop.views.coaching.coaching_view import CoachingView
from desktop.views.community.community_view import CommunityView
from desktop.views.data_protection.data_protection_view import DataProtectionView
from desktop.views.meetings.meetings_view import MeetingsView
from desktop.views.therapy.therapy_section import build_therapy_view
from desktop.views.therapy.therapy_view import TherapyView

# Where each role's day starts: the section open after signing in. The list keeps one order for
# everyone, so Ctrl+1…8 mean the same place on every colleague's laptop.
HOME_SECTIONS: dict[Role, Section] = {
    Role.FAMILY_THERAPIST: Section.FAMILY_THERAPY,
    Role.EMPLOYMENT_COACH: Section.EMPLOYMENT_COACHING,
    Role.ANALYST: Section.ANALYSIS,
    Role.COMMUNITY_OFFICER: Section.COMMUNITY,
}


def first_tab_stop(page: QWidget) -> QWidget | None:
    """The page's first control that Tab reaches, in the page's own tab order."""
    candidate = page.nextInFocusChain()
    while candidate is not page and candidate is not None:
        if (
            page.isAncestorOf(candidate)
            and candidate.isVisible()
            and candidate.isEnabled()
            and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            return candidate
        candidate = candidate.nextInFocusChain()
    return None


@dataclass(frozen=True)
class Place:
    """Where the user was (ids only, no personal data), to return to after unlocking."""

    username: str
    section: Section
    detail: object = None


class Workspace(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.sections = [s for s in Section if s in sections_for(services.user.role)]
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName("Sections")
        self.navigation.setFixedWidth(210)
        self.pages = QStackedWidget()
        # Sections are built when first shown (a coordinator has eight): signing in builds only
        # the first, and each page waits as an empty placeholder until then.
        self.views: dict[Section, QWidget] = {}
        for section in self.sections:
            item = QListWidgetItem(section.label)
            item.setData(Qt.ItemDataRole.UserRole, section.value)
            self.navigation.addItem(item)
            self.pages.addWidget(QWidget())
        self.navigation.currentRowChanged.connect(self._show_row)
        self.navigation.setCurrentRow(self.sections.index(self.home_section()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        self._add_section_keys()

    def home_section(self) -> Section:
        home = HOME_SECTIONS.get(self._services.user.role, Section.CASELOAD)
        return home if home in self.sections else self.sections[0]

    def _add_section_keys(self) -> None:
        """F6 moves between the Sections list and the page; Ctrl+1…8 open a section."""
        # The whole window: right after signing in the focus may sit on no widget of the page.
        window = Qt.ShortcutContext.WindowShortcut
        switch = QShortcut(QKeySequence(Qt.Key.Key_F6), self)
        switch.setContext(window)
        switch.setWhatsThis("Move between the Sections list and the open section")
        switch.activated.connect(self.switch_pane)
        self.navigation.setToolTip("Sections (F6 to reach; Ctrl+1 to Ctrl+8 to open one)")
        for number, section in enumerate(self.sections, start=1):
            key = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            key.setContext(window)
            key.setWhatsThis(f"Open {section.label}")
            key.activated.connect(lambda section=section: self.open_section(section))
            self.navigation.item(number - 1).setToolTip(f"{section.label} (Ctrl+{number})")

    def switch_pane(self) -> None:
        if self.navigation.hasFocus():
            self.focus_page()
        else:
            self.navigation.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_section(self, section: Section) -> None:
        self.show_section(section)
        self.focus_page()

    def focus_page(self) -> None:
        """Focus the page's first control that takes Tab, as if the user had tabbed into it."""
        page = self.pages.currentWidget()
        if page is None:
            return
        target = page.focusWidget()
        if target is None or target is page or not target.isVisible():
            target = first_tab_stop(page) or page
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.sections):
            self.view(self.sections[row])
            self.pages.setCurrentIndex(row)

    def view(self, section: Section) -> QWidget:
        """The section's view, built now if this is the first time it is needed."""
        view = self.views.get(section)
        if view is None:
            view = self._build(section)
            self.views[section] = view
            index = self.sections.index(section)
            placeholder = self.pages.widget(index)
            self.pages.insertWidget(index, view)
            if placeholder is not None:
                self.pages.removeWidget(placeholder)
                placeholder.deleteLater()
            self.pages.setCurrentIndex(max(0, self.navigation.currentRow()))
        return view

    def _build(self, section: Section) -> QWidget:
        if section is Section.CASELOAD:
            return build_caseload_view(self._services)
        if section is Section.ADMINISTRATION:
            return AdministrationView(self._services)
        if section is Section.FAMILY_THERAPY:
            return build_therapy_view(self._services)
        if section is Section.EMPLOYMENT_COACHING:
            return build_coaching_view(self._services)
        if section is Section.ANALYSIS:
            return AnalysisView(self._services)
        if section is Section.MEETINGS:
            return MeetingsView(self._services)
        if section is Section.DATA_PROTECTION:
            return DataProtectionView(self._services)
        assert section is Section.COMMUNITY  # every section is built now
        return CommunityView(self._services)

    def current_section(self) -> Section:
        return self.sections[max(0, self.navigation.currentRow())]

    def show_section(self, section: Section) -> None:
        if section in self.sections:
            self.navigation.setCurrentRow(self.sections.index(section))

    def caseload_allowed(self) -> bool:
        return Section.CASELOAD in self.sections

    @property
    def caseload(self) -> CaseloadView | None:
        if Section.CASELOAD not in self.sections:
            return None
        view = self.view(Section.CASELOAD)
        return view if isinstance(view, CaseloadView) else None

    @property
    def therapy(self) -> TherapyView | None:
        if Section.FAMILY_THERAPY not in self.sections:
            return None
        view = self.view(Section.FAMILY_THERAPY)
        return view if isinstance(view, TherapyView) else None

    @property
    def coaching(self) -> CoachingView | None:
        if Section.EMPLOYMENT_COACHING not in self.sections:
            return None
        view = self.view(Section.EMPLOYMENT_COACHING)
        return view if isinstance(view, CoachingView) else None

    @property
    def meetings(self) -> MeetingsView | None:
        if Section.MEETINGS not in self.sections:
            return None
        view = self.view(Section.MEETINGS)
        return view if isinstance(view, MeetingsView) else None

    @property
    def community(self) -> CommunityView | None:
        if Section.COMMUNITY not in self.sections:
            return None
        view = self.view(Section.COMMUNITY)
        return view if isinstance(view, CommunityView) else None

    def save_drafts(self) -> None:
        # Only a section that has been shown can hold a draft: the rest are not built for it.
        for view in self.views.values():
            if isinstance(view, (CaseloadView, TherapyView, CoachingView)):
                view.save_drafts()

    def place(self) -> Place:
        section = self.current_section()
        detail: object = None
        if section is Section.CASELOAD and self.caseload:
            detail = self.caseload.place()
        elif section is Section.FAMILY_THERAPY and self.therapy:
            detail = self.therapy.place()
        elif section is Section.EMPLOYMENT_COACHING and self.coaching:
            detail = self.coaching.place()
        elif section is Section.MEETINGS and self.meetings:
            detail = self.meetings.place()
        elif section is Section.COMMUNITY and self.community:
            detail = self.community.place()
        return Place(self._services.user.username, section, detail)

    def restore(self, place: Place) -> None:
        self.show_section(place.section)
        if place.section is Section.CASELOAD and self.caseload is not None:
            # A record closed to them meanwhile: they stay on the list.
            with contextlib.suppress(RecordNotFoundError):
                self.caseload.restore_place(place.detail)
        if place.section is Section.FAMILY_THERAPY and self.therapy is not None:
            # A case given to another therapist meanwhile: they stay on the list.
            with contextlib.suppress(RecordNotFoundError):
                self.therapy.restore_place(place.detail)
        if place.section is Section.EMPLOYMENT_COACHING and self.coaching is not None:
            # A young person no longer allocated to them meanwhile: they stay on the list.
            with contextlib.suppress(RecordNotFoundError):
                self.coaching.restore_place(place.detail)
        if place.section is Section.MEETINGS and self.meetings is not None:
            # A meeting gone meanwhile: they stay on the list.
            with contextlib.suppress(RecordNotFoundError):
                self.meetings.restore_place(place.detail)
        if place.section is Section.COMMUNITY and self.community is not None:
            # A partner or activity gone meanwhile: they stay on the list.
            with contextlib.suppress(RecordNotFoundError):
                self.community.restore_place(place.detail)

"""What a signed-in user sees: navigation to the sections their role allows, and the section."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QWidget

from desktop.services.bundle import Services
from desktop.services.people_service import RecordNotFoundError
from desktop.services.permissions import Section, sections_for
from desktop.views.admin.administration_view import AdministrationView
from desktop.views.analysis.outcome_counts_view import OutcomeCountsView
from desktop.views.caseload.caseload_section import build_caseload_view
from desktop.views.caseload.caseload_view import CaseloadView
from desktop.views.coaching.coaching_section import build_coaching_view
from desktop.views.coaching.coaching_view import CoachingView
from desktop.views.community.community_view import CommunityView
from desktop.views.meetings.meetings_view import MeetingsView
from desktop.views.therapy.therapy_section import build_therapy_view
from desktop.views.therapy.therapy_view import TherapyView


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
        self.views: dict[Section, QWidget] = {}
        for section in self.sections:
            item = QListWidgetItem(section.label)
            item.setData(Qt.ItemDataRole.UserRole, section.value)
            self.navigation.addItem(item)
            view = self._build(section)
            self.views[section] = view
            self.pages.addWidget(view)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)

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
            return OutcomeCountsView(self._services)
        if section is Section.MEETINGS:
            return MeetingsView(self._services)
        assert section is Section.COMMUNITY  # every section is built now
        return CommunityView(self._services)

    def current_section(self) -> Section:
        return self.sections[max(0, self.navigation.currentRow())]

    def show_section(self, section: Section) -> None:
        if section in self.sections:
            self.navigation.setCurrentRow(self.sections.index(section))

    @property
    def caseload(self) -> CaseloadView | None:
        view = self.views.get(Section.CASELOAD)
        return view if isinstance(view, CaseloadView) else None

    @property
    def therapy(self) -> TherapyView | None:
        view = self.views.get(Section.FAMILY_THERAPY)
        return view if isinstance(view, TherapyView) else None

    @property
    def coaching(self) -> CoachingView | None:
        view = self.views.get(Section.EMPLOYMENT_COACHING)
        return view if isinstance(view, CoachingView) else None

    @property
    def meetings(self) -> MeetingsView | None:
        view = self.views.get(Section.MEETINGS)
        return view if isinstance(view, MeetingsView) else None

    @property
    def community(self) -> CommunityView | None:
        view = self.views.get(Section.COMMUNITY)
        return view if isinstance(view, CommunityView) else None

    def save_drafts(self) -> None:
        if self.caseload is not None:
            self.caseload.save_drafts()
        if self.therapy is not None:
            self.therapy.save_drafts()
        if self.coaching is not None:
            self.coaching.save_drafts()

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

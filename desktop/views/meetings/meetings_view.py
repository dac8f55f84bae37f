"""The Meetings section: the meetings list and the action tracker, and the meeting opened from
them (its id only is kept to return to it after the vault locks)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QTabWidget, QWidget

from desktop.services.bundle import Services
from desktop.views.caseload.tabs.tab_parts import action_button
from desktop.views.common.section_pages import section_pages
from desktop.views.meetings.meeting_dialogs import MeetingDialog
from desktop.views.meetings.meeting_page import MeetingPage
from desktop.views.meetings.meetings_home import ActionTracker, MeetingList

__all__ = ["MeetingsPlace", "MeetingsView"]


@dataclass(frozen=True)
class MeetingsPlace:
    """Where the user was: the period and home tab, or the open meeting and its tab."""

    period: int = 0
    home_tab: int = 0
    meeting_id: int | None = None
    meeting_tab: int = 0


class MeetingsView(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.meeting_page: MeetingPage | None = None
        self.new_button = action_button(
            "New meeting…", "Record a meeting or case conference", "Ctrl+N"
        )
        self.new_button.setAccessibleName("New meeting")
        self.new_button.clicked.connect(self.new_meeting)
        self.meeting_list = MeetingList(services)
        self.meeting_list.open_meeting.connect(self.open_meeting)
        self.tracker = ActionTracker(services)
        self.tracker.open_meeting.connect(self.open_meeting)
        self.tracker.changed.connect(self.meeting_list.reload)
        self.home_tabs = QTabWidget()
        self.home_tabs.setDocumentMode(True)
        self.home_tabs.addTab(self.meeting_list, "&Meetings")
        self.home_tabs.addTab(self.tracker, "Action &tracker")
        self.home_page, self.pages = section_pages(
            self, "Meetings", self.new_button, self.home_tabs
        )

    def reload(self) -> None:
        self.meeting_list.reload()
        self.tracker.reload()

    def new_meeting(self) -> None:
        dialog = MeetingDialog(self._services.clock.now(), parent=self)
        dialog.save = lambda: self._services.meetings.create_meeting(dialog.details())
        saved = dialog.exec() and isinstance(dialog.result_of_save, int)
        dialog.deleteLater()
        if saved and isinstance(dialog.result_of_save, int):
            self.reload()
            self.open_meeting(dialog.result_of_save)

    def open_meeting(self, meeting_id: int, tab: int = 0) -> MeetingPage:
        self._drop_page()
        page = MeetingPage(self._services, meeting_id)
        page.closed.connect(self.close_meeting)
        page.changed.connect(self.reload)
        self.meeting_page = page
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        if 0 <= tab < page.tabs.count():
            page.tabs.setCurrentIndex(tab)
        page.tabs.setFocus()
        return page

    def close_meeting(self) -> None:
        meeting_id = self.meeting_page.meeting_id if self.meeting_page is not None else None
        self._drop_page()
        self.pages.setCurrentWidget(self.home_page)
        self.reload()
        if meeting_id is not None:
            self.meeting_list.select_meeting(meeting_id)
        self.meeting_list.table.view.setFocus()

    def _drop_page(self) -> None:
        if self.meeting_page is not None:
            self.pages.removeWidget(self.meeting_page)
            self.meeting_page.deleteLater()
            self.meeting_page = None

    # ---- lock and resume -----------------------------------------------------------------
    def save_drafts(self) -> None:
        """Nothing to keep: everything is typed in dialogs, closed before the lock."""

    def place(self) -> MeetingsPlace:
        page = self.meeting_page
        return MeetingsPlace(
            self.meeting_list.period.currentIndex(),
            self.home_tabs.currentIndex(),
            page.meeting_id if page is not None else None,
            page.tabs.currentIndex() if page is not None else 0,
        )

    def restore_place(self, place: object) -> None:
        if not isinstance(place, MeetingsPlace):
            return
        self.meeting_list.period.setCurrentIndex(place.period)
        self.home_tabs.setCurrentIndex(place.home_tab)
        if place.meeting_id is not None:
            self.open_meeting(place.meeting_id, place.meeting_tab)

"""The Caseload section: the young people this user may see, and the record they open."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.bundle import Services
from desktop.services.duplicate_check import DuplicateCheck
from desktop.services.people_service import CaseloadFilter, RecordNotFoundError
from desktop.services.permissions import CAN_CREATE_YOUNG_PEOPLE
from desktop.services.restriction_service import RestrictionService, opens_records
from desktop.views.caseload.caseload_filter_bar import CaseloadFilterBar
from desktop.views.caseload.caseload_table_model import CaseloadTableModel
from desktop.views.caseload.person_form import PersonForm
from desktop.views.caseload.person_record_view import PersonRecordView, TabFactory
from desktop.views.common.text_direction_delegate import TextDirectionDelegate
from desktop.views.data_protection.break_glass_dialog import BreakGlassDialog

# A tab on the caseload's home: its title and how to build it (an open_person signal is
# connected when the view has one).
HomeTab = tuple[str, Callable[[Services], QWidget]]

NEW = "new"


class CaseloadView(QWidget):
    open_group = Signal(int)
    open_place = Signal(int)

    def __init__(
        self,
        services: Services,
        flag_types: list[tuple[int, str]] | None = None,
        record_tabs: list[TabFactory] | None = None,
        home_tabs: list[HomeTab] | None = None,
        parent: QWidget | None = None,
        *,
        restrictions: RestrictionService | None = None,
        duplicates: DuplicateCheck | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._restrictions = restrictions
        self._duplicates = duplicates
        flag_types = flag_types or []
        self.open_page: PersonForm | PersonRecordView | None = None
        self._record_tabs = record_tabs or []
        self._open_id: int | str | None = None

        title = QLabel("Caseload")
        title.setObjectName("pageTitle")
        self.filters = CaseloadFilterBar(
            services.accounts.staff_choices(), services.user.account_id, flag_types
        )
        self.filters.changed.connect(self._filter_changed)
        self.search = self.filters.search
        self.new_button = QPushButton("New young person")
        self.new_button.setToolTip("Add a young person to the caseload (Ctrl+N)")
        self.new_button.clicked.connect(self.open_new)
        self.new_button.setVisible(services.user.role in CAN_CREATE_YOUNG_PEOPLE)
        # For a worker told "that is a restricted record, IGX-0042": break glass to open it.
        self.restricted_button = QPushButton("Open &restricted record…")
        self.restricted_button.setToolTip(
            "Open a record restricted to named staff, giving your reason (the coordinator sees it)"
        )
        self.restricted_button.clicked.connect(lambda: self.open_restricted())
        self.restricted_button.setVisible(
            restrictions is not None and opens_records(services.user.role)
        )
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")

        self.model = CaseloadTableModel(services.people)
        self.model.filter = self.filters.current()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Caseload")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it): no trap
        # A name in Arabic script is laid out from the right, on the column's left edge.
        self.table.setItemDelegate(TextDirectionDelegate(self.table))
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # The indicator first: enabling sorting sorts by it, and the model's own order (by
        # name) is already that, so the caseload is read once below, not three times.
        header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        # Fixed widths: measuring 10,000 rows' contents would stall the first paint.
        for column, width in enumerate((105, 230, 130, 50, 100, 90, 50)):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(self._activated)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.restricted_button)
        top.addWidget(self.new_button)
        self.list_page = QWidget()
        list_layout = QVBoxLayout(self.list_page)
        list_layout.setContentsMargins(0, 8, 0, 0)
        list_layout.addWidget(self.filters)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.count_label)

        # Home: where the day starts (My work), the whole list, and the other ways in.
        self.home = QTabWidget()
        self.home.setDocumentMode(True)
        self.home_views: dict[str, QWidget] = {}
        for label, build in home_tabs or []:
            view = build(services)
            opener = getattr(view, "open_person", None)
            if opener is not None:
                opener.connect(self.open_person)
            self.home_views[label] = view
            self.home.addTab(view, label)
        self.home.insertTab(min(1, self.home.count()), self.list_page, "&Young people")
        self.home.setCurrentIndex(0)
        home_page = QWidget()
        home_layout = QVBoxLayout(home_page)
        home_layout.setContentsMargins(0, 0, 0, 0)
        home_layout.addLayout(top)
        home_layout.addWidget(self.home, 1)

        self.pages = QStackedWidget()
        self.pages.addWidget(home_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.pages)
        find = QShortcut(QKeySequence.StandardKey.Find, home_page, self.focus_search)
        find.setWhatsThis("Quick search of the caseload")  # Help › Keyboard shortcuts
        new = QShortcut(QKeySequence.StandardKey.New, home_page, self.open_new)
        new.setWhatsThis("New young person")
        # Keyboard only: Down or Enter from the search goes to the list's first match (not
        # through the five filter boxes), where Enter opens it.
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.setWhatsThis("From the search: to the first match")  # Help › Keyboard shortcuts
        down.activated.connect(self.focus_list)
        self.search.returnPressed.connect(self.focus_list)
        self.reload()

    def focus_search(self) -> None:
        self.home.setCurrentWidget(self.list_page)
        self.search.setFocus()

    def focus_list(self) -> None:
        self.filters.emit_filter()  # typed faster than the search's delay: match it now
        if self.model.rowCount() > 0:
            self.table.selectRow(0)
        self.table.setFocus()

    def reload(self) -> None:
        self.model.reload()
        self._update_count()

    def _update_count(self) -> None:
        total = self.model.total
        self.count_label.setText(f"{total} young {'person' if total == 1 else 'people'}")

    def _filter_changed(self, caseload_filter: CaseloadFilter) -> None:
        sort, descending = self.model.filter.sort, self.model.filter.descending
        self.model.set_filter(replace(caseload_filter, sort=sort, descending=descending))
        self._update_count()

    def _activated(self, index: QModelIndex) -> None:
        self.open_person(self.model.row_at(index.row()).id)

    # ---- the open record -----------------------------------------------------------------
    @property
    def form(self) -> PersonForm | None:
        """The details form on screen: a new person's, or the open record's Details tab."""
        if isinstance(self.open_page, PersonRecordView):
            return self.open_page.details_form
        return self.open_page

    def open_new(self) -> None:
        if self._services.user.role in CAN_CREATE_YOUNG_PEOPLE:
            form = PersonForm(
                self._services,
                None,
                duplicates=self._duplicates,
                restrictions=self._restrictions,
            )
            form.saved.connect(self._created)
            form.open_existing.connect(self.open_person)
            self._show(form, NEW)
            form.given_name.setFocus()

    def open_restricted(self, case_reference: str = "") -> None:
        """Break glass (reference and reason), then open the record."""
        if self._restrictions is None:
            return
        dialog = BreakGlassDialog(self._restrictions, case_reference, self)
        if dialog.exec() and dialog.opening is not None:
            self.reload()
            self.open_person(dialog.opening.young_person_id)

    def open_person(self, person_id: int) -> None:
        record = self._services.people.open_record(person_id)
        # Made inside its page stack: moving a built widget tree to a new parent styles all of
        # it again (about 4 ms for a record).
        view = PersonRecordView(self._services, record, self._record_tabs, self.pages)
        view.saved.connect(self._updated)
        # A tab that leads to another record or to a group or place (the record passes it on).
        view.open_person.connect(self.open_person)
        view.open_group.connect(self.open_group)
        view.open_place.connect(self.open_place)
        self._show(view, person_id)
        view.tabs.setFocus()

    def _show(self, page: PersonForm | PersonRecordView, open_id: int | str) -> None:
        self._drop_page()
        self.open_page = page
        self._open_id = open_id
        page.closed.connect(self.close_record)
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)

    def close_record(self) -> None:
        self._drop_page()
        self.pages.setCurrentIndex(0)
        # The home tabs reload as they are shown again, so what was done in the record shows.
        self.home.currentWidget().setFocus()

    def _created(self, person_id: int) -> None:
        self.reload()
        self.open_person(person_id)

    def _updated(self, person_id: int) -> None:
        self.reload()
        tab = (
            self.open_page.tabs.currentIndex()
            if isinstance(self.open_page, PersonRecordView)
            else 0
        )
        self.open_person(person_id)  # the header shows the saved details
        if isinstance(self.open_page, PersonRecordView):
            self.open_page.tabs.setCurrentIndex(tab)

    def _drop_page(self) -> None:
        if self.open_page is not None:
            self.pages.removeWidget(self.open_page)
            self.open_page.deleteLater()
            self.open_page = None
        self._open_id = None

    # ---- lock and resume -----------------------------------------------------------------
    def save_drafts(self) -> None:
        if self.form is not None:
            self.form.save_draft()

    def place(self) -> int | str | None:
        return self._open_id

    def restore_place(self, place: object) -> None:
        if place == NEW:
            self.open_new()
        elif isinstance(place, int):
            try:
                self.open_person(place)
            except RecordNotFoundError:
                # Closed to them while locked (a break-glass opening ran out, say): stay home.
                return

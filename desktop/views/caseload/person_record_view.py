"""One young person's record: a header that says who and how risky, and a tab per area."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models.accounts import Role
from desktop.models.choices import Rag
from desktop.services.bundle import Services
from desktop.services.people_service import PersonRecord
from desktop.services.permissions import Section, sections_for
from desktop.views.caseload.access_report_dialog import AccessReportDialog
from desktop.views.caseload.conference_pack_dialog import ConferencePackDialog
from desktop.views.caseload.person_form import PersonForm
from desktop.views.caseload.record_tab import RecordTab
from desktop.views.caseload.tabs.chronology_tab import ADD_SHORTCUT, ChronologyTab
from desktop.views.caseload.tabs.sharing_tab import SharingTab
from desktop.views.common.wrapping_row import WrappingRow, row_of

RAG_STYLES = {
    Rag.RED: "background:#c53030;color:#ffffff;",
    Rag.AMBER: "background:#b45309;color:#ffffff;",  # white text needs the deeper amber
    Rag.GREEN: "background:#2f855a;color:#ffffff;",
}
BADGE = "border-radius:4px;padding:3px 8px;font-weight:600;"
T = TypeVar("T", bound=QWidget)

# A tab's title and how to build it for a record (areas add theirs as they land).
TabFactory = tuple[str, Callable[[Services, PersonRecord], QWidget]]


class PersonRecordView(QWidget):
    """Each tab is built, and loads its rows, the first time it is shown (or asked for with
    tab_of): opening a record builds only the header and the Details form, not a dozen tabs
    of widgets and the queries behind them."""

    closed = Signal()
    saved = Signal(int)
    # Passed on from the tabs that lead to another record, or to a group or place.
    open_person = Signal(int)
    open_group = Signal(int)
    open_place = Signal(int)

    def __init__(
        self,
        services: Services,
        record: PersonRecord,
        extra_tabs: list[TabFactory],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.record = record
        self._services = services
        title = QLabel(f"{record.case_reference} · {record.display_name}")
        title.setObjectName("pageTitle")
        title.setAccessibleName("Young person")
        facts = [f"Age {record.age}" if record.age is not None else "Age not known"]
        if record.details.known_as:
            facts.append(f"known as {record.details.known_as}")
        self.facts = QLabel(" · ".join(facts))
        self.facts.setObjectName("hint")
        self.status_badge = QLabel(record.status.label)
        self.status_badge.setStyleSheet(BADGE + "background:#e2e8f0;color:#1a202c;")
        self.status_badge.setAccessibleName("Case status")
        rag_text = f"RAG: {record.rag.label}" if record.rag else "RAG: not rated"
        self.rag_badge = QLabel(rag_text)  # the word, not only the colour
        self.rag_badge.setStyleSheet(
            BADGE + (RAG_STYLES[record.rag] if record.rag else "background:#edf2f7;")
        )
        self.rag_badge.setAccessibleName("Risk rating")
        back = QPushButton("← Caseload")
        back.setToolTip("Back to the caseload (Esc); unsaved text is kept as a draft")
        back.setAccessibleName("Back to the caseload")
        back.clicked.connect(self.go_back)
        # Who on the left, the badges and reports on the right; under it when they do not fit
        # (large text, 200% scaling): one row cut the name off.
        header_right: list[QWidget] = [self.status_badge, self.rag_badge]
        # Only roles that may open records may export them (the service checks again).
        if Section.CASELOAD in sections_for(services.user.role):
            # Every letter of the label is an Alt key elsewhere on the record: Ctrl+Shift+P instead.
            self.conference_button = QPushButton("Case conference report…")
            self.conference_button.setToolTip(
                "Build a Word report for a case conference (Ctrl+Shift+P)"
            )
            self.conference_button.setShortcut(QKeySequence("Ctrl+Shift+P"))
            self.conference_button.clicked.connect(self.open_conference_pack)
            header_right.append(self.conference_button)
        # The coordinator answers for who reached the record (the service checks again).
        if services.user.role is Role.COORDINATOR:
            self.access_button = QPushButton("Access report…")
            self.access_button.setToolTip(
                "Who opened or exported this record, and when (Ctrl+Shift+A)"
            )
            self.access_button.setShortcut(QKeySequence("Ctrl+Shift+A"))
            self.access_button.clicked.connect(self.open_access_report)
            header_right.append(self.access_button)

        self.details_form = PersonForm(services, record)
        self.details_form.closed.connect(self.closed)
        self.details_form.saved.connect(self.saved)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.details_form, "&Details")
        self.extra: list[QWidget] = []  # the tabs built so far
        # Tabs not built yet: an empty stand-in on the tab bar, and how to build the tab.
        self._pending: dict[QWidget, Callable[[Services, PersonRecord], QWidget]] = {}
        # A: every letter of "Sharing" is taken by another tab; A only by the Details form's
        # Aliases (while the Details tab is shown, Alt+A goes there first, then here).
        for label, build in [*extra_tabs, ("Sharing", RecordSharingTab)]:
            stand_in = QWidget()
            self._pending[stand_in] = build
            self.tabs.addTab(stand_in, label)
        self.tabs.currentChanged.connect(self._tab_shown)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.go_back)
        if any(_builds(build, ChronologyTab) for _label, build in extra_tabs):
            # One shortcut for the whole record: adding an entry is the commonest thing done.
            shortcut = QShortcut(QKeySequence(ADD_SHORTCUT), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setWhatsThis("Add a chronology entry")  # Help › Keyboard shortcuts
            shortcut.activated.connect(self.add_chronology_entry)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = WrappingRow(row_of(back, title, self.facts), row_of(*header_right))
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)

    def open_conference_pack(self) -> ConferencePackDialog:
        dialog = ConferencePackDialog(self._services, self.record.id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_access_report(self) -> AccessReportDialog:
        heading = f"{self.record.case_reference} · {self.record.display_name}"
        today = self._services.clock.now().astimezone().date()
        dialog = AccessReportDialog(
            self._services.access_report, self.record.id, heading, today, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def go_back(self) -> None:
        """Back to the caseload from any tab; the details form keeps its text as a draft."""
        self.save_drafts()
        self.closed.emit()

    def tab_of(self, kind: type[T]) -> T | None:
        """The tab of that kind, built now if it has not been shown yet."""
        built = next((tab for tab in self.extra if isinstance(tab, kind)), None)
        if built is not None:
            return built
        for stand_in, build in list(self._pending.items()):
            if _builds(build, kind):
                tab = self._build_tab(stand_in)
                if isinstance(tab, kind):
                    return tab
        return None

    def _tab_shown(self, index: int) -> None:
        stand_in = self.tabs.widget(index)
        if stand_in in self._pending:
            self._build_tab(stand_in)

    def _build_tab(self, stand_in: QWidget) -> QWidget:
        """Builds (and so loads) a tab and puts it on the tab bar in its stand-in's place."""
        build = self._pending.pop(stand_in)
        tab = build(self._services, self.record)
        self.extra.append(tab)
        if isinstance(tab, RecordTab):
            tab.record_changed.connect(self.record_changed)
        for name in ("open_person", "open_group", "open_place"):
            signal = getattr(tab, name, None)
            if signal is not None:
                signal.connect(getattr(self, name))
        index = self.tabs.indexOf(stand_in)
        # The tab goes in beside its stand-in and is shown before the stand-in goes: removing
        # the current tab first would show (and reload) a neighbouring tab on the way.
        blocked = self.tabs.blockSignals(True)
        try:
            self.tabs.insertTab(index + 1, tab, self.tabs.tabText(index))
            if self.tabs.currentWidget() is stand_in:
                self.tabs.setCurrentWidget(tab)
            self.tabs.removeTab(index)
        finally:
            self.tabs.blockSignals(blocked)
        stand_in.deleteLater()
        return tab

    def add_chronology_entry(self) -> None:
        chronology = self.tab_of(ChronologyTab)
        if chronology is not None:
            self.tabs.setCurrentWidget(chronology)
            chronology.add_entry()

    def record_changed(self) -> None:
        """A tab changed what others show (a referral reopening the case, a new RAG); tabs not
        built yet will load afresh when they are shown."""
        self.refresh_header()
        for tab in self.extra:
            if isinstance(tab, RecordTab) and tab is not self.sender():
                tab.reload()

    def refresh_header(self) -> None:
        """Status and RAG changed in a tab: show them in the header at once."""
        fresh = self._services.people.record_summary(self.record.id)
        self.status_badge.setText(fresh.status.label)
        self.rag_badge.setText(f"RAG: {fresh.rag.label}" if fresh.rag else "RAG: not rated")
        self.rag_badge.setStyleSheet(
            BADGE + (RAG_STYLES[fresh.rag] if fresh.rag else "background:#edf2f7;")
        )

    def save_drafts(self) -> None:
        self.details_form.save_draft()
        for tab in self.extra:
            if isinstance(tab, RecordTab):
                tab.save_drafts()


def _builds(build: Callable[[Services, PersonRecord], QWidget], kind: type[QWidget]) -> bool:
    """Whether a tab factory makes tabs of that kind (a factory that is not a class: perhaps)."""
    return not isinstance(build, type) or issubclass(build, kind)


# Built from the session's parts until the services bundle carries them (services.sharing,
# services.access_report): the tab and the dialog themselves take only the service they need.
class RecordSharingTab(SharingTab):
    """The Sharing tab as a tab factory (a class, so tab_of can tell what it builds)."""

    def __init__(self, services: Services, record: PersonRecord) -> None:
        super().__init__(services.sharing, record.id)

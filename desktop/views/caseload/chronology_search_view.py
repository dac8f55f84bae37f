"""Full-text search over the chronology of every record open to the user; a result opens its
entry. Searches run off the GUI thread, so a slow one never freezes the window."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QSize, QTimer, Signal
from PySide6.QtGui import QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.bundle import Services
from desktop.services.chronology_service import ChronologyService, SearchHit
from desktop.views.caseload.chronology_search_list_model import (
    HIT_ROLE,
    ChronologySearchListModel,
    hit_html,
)
from desktop.views.common.announce import announce
from desktop.views.common.background_task import BackgroundTask
from desktop.views.common.theme import legible

SEARCH_DELAY_MS = 250  # wait for a pause in typing before searching
PAGE_SIZE = 50
ORDERS = ("Newest first", "Best match")
BEST_MATCH = 1
PADDING = 8
MUTED = "#4a5563"
BASE = QPalette.ColorRole.Base


@dataclass(frozen=True)
class _Page:
    generation: int  # which search asked for it
    offset: int
    hits: list[SearchHit]


class _HitDelegate(QStyledItemDelegate):
    """Paints a result as rich text, with the matched words highlighted."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def _document(
        self, index: QModelIndex | QPersistentModelIndex, selected: bool
    ) -> QTextDocument:
        hit = index.data(HIT_ROLE)
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(self._view.font())
        if selected:
            ink = self._view.palette().color(QPalette.ColorRole.HighlightedText).name()
            document.setDefaultStyleSheet(f"body, div {{ color: {ink}; }}")
        # The secondary text brought to read on the list's background in the look shown.
        muted = None if selected else legible(MUTED, self._view.palette().color(BASE)).name()
        document.setHtml(hit_html(hit, selected, muted) if isinstance(hit, SearchHit) else "")
        document.setTextWidth(max(100, self._view.viewport().width() - 2 * PADDING))
        return document

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        item.text = ""
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        document = self._document(index, selected)
        rect = item.rect
        painter.save()
        painter.translate(QPointF(rect.left() + PADDING, rect.top() + PADDING))
        document.drawContents(painter)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        document = self._document(index, False)
        return QSize(
            int(document.idealWidth()) + 2 * PADDING,
            int(document.size().height()) + 2 * PADDING,
        )


class ChronologySearchView(QWidget):
    """open_entry(person_id, entry_id) is emitted when a result is opened (Enter, double-click)."""

    open_entry = Signal(int, int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chronology = services.chronology
        self._generation = 0  # which search the results on screen belong to
        self._typed = ""
        self._focus_results = False  # Enter was pressed in the search box
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            "Words from the summary or detail of any entry; case and accents do not matter"
        )
        self.search.setAccessibleName("Search the chronology")
        self.search.setToolTip(
            "Search every chronology open to you: results come as you type; Enter moves to them"
        )
        self.search.setClearButtonEnabled(True)
        self.order = QComboBox()
        self.order.addItems(ORDERS)
        self.order.setAccessibleName("Order of the results")
        self.order.setToolTip("Newest first, or the entries that match best first")
        self.order.currentIndexChanged.connect(lambda _index: self._start_search(again=True))
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setAccessibleName("Search status")
        self.model = ChronologySearchListModel(self._request_more)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setItemDelegate(_HitDelegate(self.results))
        self.results.setAccessibleName("Chronology search results")
        self.results.setToolTip("Enter or double-click opens the entry in its record")
        self.results.setAlternatingRowColors(True)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)  # rewrap the text on resize
        # The palette's colours, so the list follows light, dark and high contrast.
        self.results.setStyleSheet(
            "QListView { background:palette(base); alternate-background-color:"
            "palette(alternate-base); border:1px solid palette(mid); }"
            " QListView::item { border-bottom:1px solid palette(mid); }"
            " QListView::item:selected { background:palette(highlight); }"
        )
        self.results.activated.connect(self._activated)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(SEARCH_DELAY_MS)
        self._delay.timeout.connect(self._start_search)
        self.search.textChanged.connect(self._delay.start)
        self.search.returnPressed.connect(self._search_now)

        title = QLabel("Search the chronology")
        title.setObjectName("sectionTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 8, 8)
        layout.addWidget(title)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.order)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

    # ---- searching -----------------------------------------------------------------------
    def _search_now(self) -> None:
        """Enter: search at once, even for the same words again (new entries may match), and
        move to the results when they come, ready for the arrow keys and Enter."""
        self._delay.stop()
        self._focus_results = True
        self._start_search(again=True)

    def _start_search(self, again: bool = False) -> None:
        typed = self.search.text().strip()
        if typed == self._typed and not again and (self.model.rowCount() or self.model.loading):
            return
        self._typed = typed
        self._generation += 1
        if not typed:
            self.model.clear()
            self.status.setText("")
            return
        self.model.loading = True
        self.status.setText("Searching…")
        self._run(self._generation, typed, 0)

    def ranked(self) -> bool:
        return self.order.currentIndex() == BEST_MATCH

    def _request_more(self, offset: int) -> None:
        self.status.setText("Loading more…")
        self._run(self._generation, self._typed, offset)

    def _run(self, generation: int, typed: str, offset: int) -> None:
        chronology: ChronologyService = self._chronology
        ranked = self.ranked()
        task = BackgroundTask(
            lambda _progress: _Page(
                generation, offset, chronology.search(typed, offset, PAGE_SIZE, ranked=ranked)
            )
        )
        task.succeeded.connect(self._received)
        task.failed.connect(self._failed)
        task.start()  # a search may outlive the view (the vault locks meanwhile)

    def _received(self, page: object) -> None:
        if not isinstance(page, _Page) or page.generation != self._generation:
            return  # the user has typed something else since
        hits, more = page.hits, len(page.hits) == PAGE_SIZE
        if page.offset == 0:
            self.model.set_hits(hits, more)
            if hits:
                self.results.setCurrentIndex(self.model.index(0))
                if self._focus_results:
                    self.results.setFocus()
            self._focus_results = False
        else:
            self.model.append(hits, more)
        self._show_count()

    def _failed(self, message: str) -> None:
        self.model.loading = False
        announce(self.status, f"The search did not complete ({message}).", urgent=True)

    def _show_count(self) -> None:
        shown = self.model.rowCount()
        if not shown:
            announce(self.status, "No entries match.")
            return
        noun = "entry" if shown == 1 else "entries"
        more = " so far; scroll down for more" if self.model.more else ""
        order = ORDERS[self.order.currentIndex()].lower()
        announce(self.status, f"{shown} {noun} found{more} · {order}")

    def _activated(self, index: QModelIndex) -> None:
        hit = self.model.hit_at(index.row())
        self.open_entry.emit(hit.person_id, hit.entry_id)

    def clear(self) -> None:
        """Forget the results (on lock)."""
        self._generation += 1
        self._typed = ""
        self.search.clear()
        self.model.clear()
        self.status.setText("")

"""The subject access review: every item held about the subject, one at a time, with other
people's names suggested for redaction, a decision on each, and the pack exported at the end."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.models.choices import SarDecision
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.services.sar_document_service import SarDocumentService, reference_of
from desktop.services.sar_review_service import (
    EVERYWHERE,
    Redaction,
    SarInputError,
    SarReviewService,
)
from desktop.services.subject_access_service import OPEN_STATUSES, SubjectAccessService
from desktop.vault.errors import VaultSaveError
from desktop.views.caseload.tabs.dialog_fields import day
from desktop.views.caseload.tabs.tab_parts import hint, section_title
from desktop.views.common.announce import announce
from desktop.views.common.restyle import restyle
from desktop.views.common.row_table_view import RowTable
from desktop.views.data_protection.sar_export_dialog import (
    FolderChooser,
    SarExportDialog,
    choose_folder,
)
from desktop.views.data_protection.sar_item_html import item_html, phrase_pattern
from desktop.views.data_protection.sar_items_table_model import ItemRow, SarItemsTableModel
from desktop.views.data_protection.sar_review_parts import (
    DecisionBox,
    RedactionBox,
    bind_shortcuts,
    shortcut_button,
)

REFUSALS = (SarInputError, PermissionDeniedError, RecordNotFoundError, VaultSaveError)


class SarReviewWindow(QWidget):
    closed = Signal()

    def __init__(
        self,
        requests: SubjectAccessService,
        review: SarReviewService,
        documents: SarDocumentService,
        request_id: int,
        parent: QWidget | None = None,
        choose: FolderChooser = choose_folder,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._requests = requests
        self._review = review
        self._documents = documents
        self._request_id = request_id
        self.choose_folder = choose  # the native folder dialog, unless a test stands in
        self._undo: list[int] = []  # this window's redactions, newest last
        self._redactions: list[Redaction] = []
        self._reloading = False
        self._closed = False
        self.export_dialog: SarExportDialog | None = None
        row = requests.request(request_id)
        self.setWindowTitle(f"Review {reference_of(request_id)}: {row.subject_name}")
        self.resize(1200, 780)
        self.progress_text = hint()
        self.progress_text.setAccessibleName("Progress")
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumWidth(220)
        self.due = hint(f"Due {day(row.due_on)}" + (f" · {row.warning}" if row.warning else ""))
        self.table: RowTable[ItemRow] = RowTable(
            SarItemsTableModel(),
            "Items held",
            "Nothing is held about this person.",
            (100, 120, 125, 90),
        )
        self.table.selection_changed.connect(self._show_current)
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.heading.setWordWrap(True)
        self.where = hint()
        self.text = QTextBrowser()
        self.text.setAccessibleName("The item in full")
        self.text.setOpenLinks(False)
        self.text.selectionChanged.connect(self._selection_to_words)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.redaction = RedactionBox()
        self.redaction.redact_here.connect(lambda words, why: self._redact(False, words, why))
        self.redaction.redact_everywhere.connect(lambda words, why: self._redact(True, words, why))
        self.redaction.remove.connect(self._unredact)
        self.redaction.undo_button.clicked.connect(self.undo)
        self.decision = DecisionBox()
        self.decision.decided.connect(self._decide)
        self.previous_button = shortcut_button("&Previous", "The item before", "Alt+Left")
        self.next_button = shortcut_button("&Next", "The item after", "Alt+Right")
        self.undecided_button = shortcut_button(
            "Next &undecided", "The next item without a decision", "Ctrl+U"
        )
        self.export_button = shortcut_button(
            "E&xport pack…", "Write the pack and the disclosure log (every item reviewed first)"
        )
        close_button = QPushButton("Close")
        close_button.clicked.connect(self.close)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.undecided_button.clicked.connect(self.next_undecided)
        self.export_button.clicked.connect(self.export)
        # The bracket keys too, as some keyboards' Alt+arrow belongs to the window manager.
        for keys, move in (("Ctrl+[", -1), ("Ctrl+]", 1)):
            QShortcut(QKeySequence(keys), self, lambda move=move: self.step(move))
        QShortcut(QKeySequence("Escape"), self, self.close)
        self._lay_out(close_button)
        bind_shortcuts(self)
        self.reload()
        self.next_undecided(from_start=True)

    def _lay_out(self, close_button: QPushButton) -> None:
        top = QHBoxLayout()
        top.addWidget(section_title(self.windowTitle().removeprefix("Review ")))
        top.addWidget(self.due)
        top.addStretch(1)
        top.addWidget(self.progress_text)
        top.addWidget(self.progress_bar)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(6, 0, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(self.where)
        column.addWidget(self.text, 1)
        column.addWidget(self.message)
        column.addWidget(self.redaction)
        column.addWidget(self.decision)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setSizes([600, 600])
        split.setChildrenCollapsible(False)
        bottom = QHBoxLayout()
        for button in (self.previous_button, self.next_button, self.undecided_button):
            bottom.addWidget(button)
        bottom.addStretch(1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

    # ---- reading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Reads the items and reviews again, keeping the item in view."""
        current = self.current()
        # Once sent or withdrawn the review is finished: it can be read, not changed.
        self._closed = self._requests.request(self._request_id).status not in OPEN_STATUSES
        items = self._review.items(self._request_id)
        reviews = self._review.reviews(self._request_id)
        self._redactions = self._review.redactions(self._request_id)
        rows = [ItemRow(n, item, reviews.get(item.key)) for n, item in enumerate(items, 1)]
        # Showing an item reads the vault: once, after the list is reset, not during it.
        self._reloading = True
        try:
            self.table.set_rows(rows)
            if current is not None:
                self.table.select_where(lambda row: row.item.key == current.item.key)
        finally:
            self._reloading = False
        # RowTable picks "empty" while the reset model has no rows yet; the view fetches the
        # rows during that very switch, so the choice can end up stale: settle it again.
        table = self.table
        table.stack.setCurrentWidget(table.empty if table.is_empty() else table.view)
        self._show_current()
        reviewed = sum(1 for row in rows if row.review is not None)
        self.progress_text.setText(f"{reviewed} of {len(rows)} reviewed")
        self.progress_bar.setRange(0, max(len(rows), 1))
        self.progress_bar.setValue(reviewed)
        self.export_button.setEnabled(bool(rows) and reviewed == len(rows))
        self.undecided_button.setEnabled(reviewed < len(rows))

    def current(self) -> ItemRow | None:
        return self.table.selected()

    def _position(self) -> int:
        rows = self.table.view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _show_current(self) -> None:
        if self._reloading:
            return
        row = self.current()
        total = self.table.model.rowCount()
        self.previous_button.setEnabled(row is not None and self._position() > 0)
        self.next_button.setEnabled(row is not None and self._position() < total - 1)
        for widget in (self.redaction, self.decision):
            widget.setEnabled(row is not None and not self._closed)
        if row is None:
            self.heading.setText("")
            self.where.setText("")
            self.text.clear()
            return
        item = row.item
        self.heading.setText(item.title)
        when = f" · {day(item.on)}" if item.on else ""
        self.where.setText(f"Item {row.number} of {total} · {item.section} · {item.kind}{when}")
        full = f"{item.title}\n\n{item.text}"
        # The pack-wide redactions count here only where their words appear in this item.
        mine = [
            r
            for r in self._redactions
            if r.item_key == item.key
            or (r.item_key == EVERYWHERE and phrase_pattern(r.text).search(full))
        ]
        try:
            suggestions = self._review.suggestions(self._request_id, item.key)
        except REFUSALS as error:
            suggestions = []
            self._say(str(error), error=True)
        redacted = [r.text for r in mine]
        shown = [s.text for s in suggestions]
        self.text.setHtml(item_html(full, redacted, shown))
        self.redaction.show_item(suggestions, mine)
        self.redaction.undo_button.setEnabled(bool(self._undo))
        self.decision.show_item(row.review, mine)

    def _selection_to_words(self) -> None:
        chosen = self.text.textCursor().selectedText().replace("\u2029", " ").strip()
        if chosen:
            self.redaction.words.setText(chosen)

    # ---- moving ----------------------------------------------------------------------------
    def step(self, move: int) -> None:
        self.table.select_index(self._position() + move)
        self.table.view.scrollTo(self.table.view.currentIndex())

    def next_undecided(self, from_start: bool = False) -> None:
        rows = self.table.model.rows()
        start = 0 if from_start else self._position() + 1
        order = list(range(start, len(rows))) + list(range(0, start))
        for number in order:
            if rows[number].review is None:
                self.table.select_index(number)
                self.table.view.scrollTo(self.table.model.index(number, 0))
                return
        if from_start and rows:
            self.table.select_index(0)

    # ---- changing --------------------------------------------------------------------------
    def _redact(self, everywhere: bool, words: str, reason: str) -> None:
        row = self.current()
        if row is None:
            return
        key = EVERYWHERE if everywhere else row.item.key
        try:
            self._undo.append(self._review.redact(self._request_id, key, words, reason))
        except REFUSALS as error:
            self._say(str(error), error=True)
            return
        where = "wherever they appear" if everywhere else "in this item"
        self._say(f"Redacted “{' '.join(words.split())}” {where}.", error=False)
        self.reload()

    def _unredact(self, redaction_id: int) -> None:
        try:
            self._review.unredact(self._request_id, redaction_id)
        except REFUSALS as error:
            self._say(str(error), error=True)
            return
        finally:
            # Gone either way (taken back now, or already by someone else): not to undo again.
            if redaction_id in self._undo:
                self._undo.remove(redaction_id)
        self._say("Redaction taken back.", error=False)
        self.reload()

    def undo(self) -> None:
        """Takes back this window's newest redaction (Ctrl+Z)."""
        if self._undo:
            self._unredact(self._undo[-1])

    def _decide(self, decision: SarDecision, reason: str) -> None:
        row = self.current()
        if row is None:
            return
        try:
            self._review.decide(self._request_id, row.item.key, decision, reason)
        except REFUSALS as error:
            self._say(str(error), error=True)
            return
        self.message.hide()
        self.reload()
        self.next_undecided()

    def export(self) -> None:
        dialog = SarExportDialog(
            self._requests, self._documents, self._request_id, self, self.choose_folder
        )
        self.export_dialog = dialog
        dialog.exec()
        self.export_dialog = None
        self.reload()

    def _say(self, text: str, *, error: bool) -> None:
        restyle(self.message, "error" if error else "notice")
        announce(self.message, text, urgent=error)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.closed.emit()
        super().closeEvent(event)

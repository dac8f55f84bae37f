"""The Chronology tab of a young person's record: dated entries, newest first, with filters,
adding (Ctrl+E from anywhere in the record), editing, history and the coordinator's delete."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models.accounts import Role
from desktop.models.choices import EntryType
from desktop.services.bundle import Services
from desktop.services.chronology_service import EntryRow
from desktop.services.people_service import PersonRecord
from desktop.views.caseload.chronology_dialogs import REFUSALS, DeleteEntryDialog, EntryDialog
from desktop.views.caseload.chronology_history_dialog import HistoryDialog
from desktop.views.caseload.chronology_table_model import (
    SUMMARY_COLUMN,
    WIDEST,
    ChronologyTableModel,
)
from desktop.views.caseload.record_tab import RecordTab
from desktop.views.common.text_direction_delegate import TextDirectionDelegate
from desktop.views.common.wrapping_row import WrappingRow, row_of

# The record view binds this to add_entry() for the whole record (see ChronologyTab.add_entry).
ADD_SHORTCUT = "Ctrl+E"


class ChronologyTab(RecordTab):
    def __init__(self, services: Services, record: PersonRecord, parent: QWidget | None = None):
        super().__init__(services, record, parent)
        self.dialog: QDialog | None = None  # the entry dialog on screen, for drafts on lock
        self.model = ChronologyTableModel(services.chronology, record.id)
        self._build()
        self.reload()

    # ---- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.add_button = QPushButton("Add entry")
        self.add_button.setObjectName("primary")
        self.add_button.setToolTip(f"Add a chronology entry ({ADD_SHORTCUT})")
        self.add_button.clicked.connect(self.add_entry)
        self.edit_button = QPushButton("Edit")
        self.edit_button.setToolTip("Open the selected entry to edit it (Enter or double-click)")
        self.edit_button.clicked.connect(self.edit_selected)
        self.history_button = QPushButton("History")
        self.history_button.setToolTip("Every version of the selected entry (Ctrl+H)")
        self.history_button.clicked.connect(self.show_history)
        self.delete_button = QPushButton("Delete…")
        self.delete_button.setToolTip(
            "Delete the selected entry, giving a reason; a tombstone stays (Delete)"
        )
        self.delete_button.clicked.connect(self.delete_selected)
        self.delete_button.setVisible(self.services.user.role is Role.COORDINATOR)

        self.type_filter = QComboBox()
        self.type_filter.addItem("All types", None)
        for kind in EntryType:
            self.type_filter.addItem(kind.label, kind.value)
        self.type_filter.setToolTip("Show entries of one type only")
        self.type_filter.currentIndexChanged.connect(self._filter_changed)
        self.significant_only = QCheckBox("Significant only")
        self.significant_only.setToolTip("Show only significant events")
        self.significant_only.toggled.connect(self._filter_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        # A summary written in Arabic reads from the right, its full stop at its end.
        self.table.setItemDelegate(TextDirectionDelegate(self.table))
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SUMMARY_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        metrics = self.table.fontMetrics()
        for column, text in enumerate(WIDEST):
            if column != SUMMARY_COLUMN:
                self.table.setColumnWidth(column, metrics.horizontalAdvance(text) + 28)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_selected)
        history_key = QShortcut(QKeySequence("Ctrl+H"), self)
        history_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        history_key.setWhatsThis("History of the chosen entry")  # Help › Keyboard shortcuts
        history_key.activated.connect(self.show_history)

        names = {
            self.add_button: "Add entry",
            self.edit_button: "Edit entry",
            self.history_button: "Entry history",
            self.delete_button: "Delete entry",
            self.type_filter: "Entry type filter",
            self.significant_only: "Significant only",
            self.count_label: "Number of entries",
            self.table: "Chronology",
        }
        for widget, name in names.items():
            widget.setAccessibleName(name)

        filter_label = QLabel("Sho&w")
        filter_label.setBuddy(self.type_filter)
        # The filters go under the buttons when one row would not fit (200% scaling, a narrow
        # window): in one row "Significant only" was cut off.
        bar = WrappingRow(
            row_of(self.add_button, self.edit_button, self.history_button, self.delete_button),
            row_of(filter_label, self.type_filter, self.significant_only),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 8, 8)
        layout.addWidget(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    # ---- rows ----------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        """Fetch the rows again, keeping the selected entry (or select_id) selected."""
        keep = select_id if select_id is not None else self._selected_id()
        row = self.table.currentIndex().row()
        self.model.reload()
        self._update_count()
        found = self.model.loaded_row_of(keep) if keep is not None else None
        if found is None and self.model.rowCount() and keep is not None:
            found = min(max(row, 0), self.model.rowCount() - 1)
        if found is not None:
            self._select_row(found)
        self._update_buttons()

    def show_entry(self, entry_id: int) -> bool:
        """Select the entry (clearing the filters if they hide it); False if not in the list."""
        found = self._find(entry_id)
        if found is None and self.model.filtered:
            self.type_filter.setCurrentIndex(0)
            self.significant_only.setChecked(False)
            found = self._find(entry_id)
        if found is None:
            return False
        self._select_row(found)
        self.table.setFocus()
        return True

    def _find(self, entry_id: int) -> int | None:
        found = self.model.loaded_row_of(entry_id)
        while found is None and self.model.canFetchMore(QModelIndex()):
            before = self.model.rowCount()
            self.model.fetchMore(QModelIndex())
            found = next(
                (
                    row
                    for row in range(before, self.model.rowCount())
                    if self.model.row_at(row).id == entry_id
                ),
                None,
            )
        return found

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def selected_row(self) -> EntryRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selected_id(self) -> int | None:
        row = self.selected_row()
        return None if row is None else row.id

    def _update_count(self) -> None:
        total = self.model.total
        noun = "entry" if total == 1 else "entries"
        shown = f"{total} {noun}" + (" match the filter" if self.model.filtered else "")
        self.count_label.setText(shown + " · newest first")

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.edit_button.setEnabled(row is not None and not row.deleted)
        self.history_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None and not row.deleted)

    def _filter_changed(self) -> None:
        data = self.type_filter.currentData()
        types = frozenset() if data is None else frozenset({EntryType(data)})
        self.model.set_filter(types, self.significant_only.isChecked())
        self._update_count()
        if self.model.rowCount():
            self._select_row(0)
        self._update_buttons()

    def _activated(self, index: QModelIndex) -> None:
        self._select_row(index.row())
        row = self.model.row_at(index.row())
        if row.deleted:
            self.show_history()  # nothing left to edit; the history says who deleted it and why
        else:
            self.edit_selected()

    # ---- actions -------------------------------------------------------------------------
    def add_entry(self) -> None:
        """Open a new entry (bound to Ctrl+E across the whole record)."""
        if self.dialog is not None:
            return  # already writing one
        self._run(EntryDialog(self.services, self.record.id, None, self))

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is None or row.deleted or self.dialog is not None:
            return
        try:
            entry = self.services.chronology.entry(row.id)
        except REFUSALS as error:
            self.refuse(error)
            self.reload()
            return
        self._run(EntryDialog(self.services, self.record.id, entry, self))

    def show_history(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        try:
            dialog = HistoryDialog(self.services, row.id, self)
        except REFUSALS as error:
            self.refuse(error)
            return
        self._run(dialog)

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None or row.deleted or self.services.user.role is not Role.COORDINATOR:
            return
        self._run(DeleteEntryDialog(self.services, row, self))

    def _run(self, dialog: QDialog) -> None:
        self.dialog = dialog
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            self.dialog = None
            dialog.deleteLater()  # no widget keeps the entry's text once it is closed
        if accepted:
            self.reload(dialog.saved_id if isinstance(dialog, EntryDialog) else None)

    def save_drafts(self) -> None:
        if isinstance(self.dialog, EntryDialog):
            self.dialog.save_draft()

"""The caseload's quick search and filters; emits a CaseloadFilter as the user changes them."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop.models.choices import CaseStatus, Rag
from desktop.services.age_bands import AGE_BANDS
from desktop.services.people_service import CaseloadFilter
from desktop.views.common.wrapping_row import WrappingRow, row_of

OPEN_CASES = frozenset(status for status in CaseStatus if status is not CaseStatus.CLOSED)
SEARCH_DELAY_MS = 200  # wait for a pause in typing before asking again


class CaseloadFilterBar(QWidget):
    changed = Signal(object)  # CaseloadFilter

    def __init__(
        self,
        staff: list[tuple[int, str]],
        my_account_id: int,
        flag_types: list[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Name, alias, known-as or reference (Ctrl+F)")
        self.search.setAccessibleName("Quick search")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        self.status.addItem("Open cases", OPEN_CASES)
        self.status.addItem("All cases", frozenset())
        for status in CaseStatus:
            self.status.addItem(status.label, frozenset({status}))
        self.rag = QComboBox()
        self.rag.setAccessibleName("RAG rating")
        self.rag.addItem("Any RAG", None)
        for rating in Rag:
            self.rag.addItem(rating.label, rating)
        self.key_worker = QComboBox()
        self.key_worker.setAccessibleName("Key worker")
        self.key_worker.addItem("Any key worker", None)
        self.key_worker.addItem("My cases", my_account_id)
        for account_id, name in staff:
            self.key_worker.addItem(name, account_id)
        self.flag = QComboBox()
        self.flag.setAccessibleName("Flag")
        self.flag.addItem("Any flag", None)
        for flag_id, label in flag_types:
            self.flag.addItem(label, flag_id)
        self.age = QComboBox()
        self.age.setAccessibleName("Age band")
        self.age.addItem("Any age", None)
        for youngest, oldest in AGE_BANDS:
            self.age.addItem(f"Aged {youngest}–{oldest}", (youngest, oldest))

        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(SEARCH_DELAY_MS)
        self._delay.timeout.connect(self.emit_filter)
        self.search.textChanged.connect(self._delay.start)
        for combo in (self.status, self.rag, self.key_worker, self.flag, self.age):
            combo.currentIndexChanged.connect(self.emit_filter)

        search_label = QLabel("&Search")
        search_label.setBuddy(self.search)
        searching = QWidget()
        search_row = QHBoxLayout(searching)
        search_row.setContentsMargins(0, 0, 0, 0)
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        combos = (self.status, self.rag, self.key_worker, self.flag, self.age)
        for combo in combos:
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # The filters go under the search when one row would not fit (large text, 200%
        # scaling): in one row they overlapped the search field.
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(WrappingRow(searching, row_of(*combos), stretch_left=True))
        self._sort = ("name", False)

    def current(self) -> CaseloadFilter:
        return CaseloadFilter(
            search=self.search.text(),
            statuses=self.status.currentData(),
            rag=self.rag.currentData(),
            key_worker_id=self.key_worker.currentData(),
            flag_type_id=self.flag.currentData(),
            age_band=self.age.currentData(),
        )

    def emit_filter(self) -> None:
        self._delay.stop()
        self.changed.emit(self.current())

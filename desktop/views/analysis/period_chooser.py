"""The Analysis section's period chooser: a preset period or custom dates, and a button that
asks for the figures. Counting is audited, so a view counts when first shown, when a preset is
chosen or when the button is pressed: never on each change of a custom date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.services.analysis_tables import AnalysisPeriod
from desktop.views.analysis.periods import Period, period_dates
from desktop.views.caseload.tabs.dialog_fields import date_field, date_of, set_date
from desktop.views.common.wrapping_row import WrappingRow


def long_date(day: date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"


def period_words(period: AnalysisPeriod) -> str:
    return f"{long_date(period.start)} to {long_date(period.end)}"


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    # A short word's measured width can fall a pixel or two short of what the style draws.
    label.setMinimumWidth(label.fontMetrics().horizontalAdvance(text.replace("&", "")) + 6)
    return label


class PeriodChooser(QWidget):
    """Emits `requested` with the period whenever the figures should be (re)counted, or
    `refused` with the reason when the dates cannot make a period."""

    requested = Signal(object)  # AnalysisPeriod
    refused = Signal(str)

    def __init__(
        self,
        today: Callable[[], date],
        button_text: str = "&Show figures",
        preset: Period = Period.LAST_QUARTER,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.period = QComboBox()
        self.period.setAccessibleName("Period")
        self.period.setMinimumWidth(150)
        for period in Period:
            self.period.addItem(period.value, period)
        self.start = date_field(today())
        self.start.setAccessibleName("From")
        self.end = date_field(today())
        self.end.setAccessibleName("To")
        self.show_button = QPushButton(button_text)
        self.show_button.setObjectName("primary")
        self.show_button.setToolTip("Count the figures for the dates chosen")
        self.show_button.clicked.connect(self.request)
        # The dates and the button go under the period when one row would not fit (large text,
        # 200% scaling): in one row they overlapped and were cut off.
        period_part, dates_part = QWidget(), QWidget()
        for part, widgets in (
            (period_part, ((buddy_label("&Period", self.period), 4), (self.period, 12))),
            (
                dates_part,
                (
                    (buddy_label("&From", self.start), 4),
                    (self.start, 8),
                    (buddy_label("&To", self.end), 4),
                    (self.end, 12),
                    (self.show_button, 0),
                ),
            ),
        ):
            row = QHBoxLayout(part)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(6)
            for widget, space in widgets:
                row.addWidget(widget)
                row.addSpacing(space)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(WrappingRow(period_part, dates_part, packed=True))
        self.choose(preset)
        self.period.currentIndexChanged.connect(self._period_chosen)
        self._fill_dates()

    def chosen_period(self) -> Period:
        period = self.period.currentData()
        assert isinstance(period, Period)
        return period

    def choose(self, period: Period) -> None:
        self.period.setCurrentIndex(self.period.findData(period))

    def current(self) -> AnalysisPeriod:
        """The dates shown; ValueError (its message for people) if they are the wrong way round."""
        start, end = date_of(self.start), date_of(self.end)
        assert start is not None and end is not None  # required date fields
        return AnalysisPeriod(start, end)

    def request(self) -> None:
        try:
            period = self.current()
        except ValueError as wrong:
            self.refused.emit(str(wrong))
            return
        self.requested.emit(period)

    def _fill_dates(self) -> bool:
        """Fills the dates of a preset; False for custom dates (the user types them)."""
        period = self.chosen_period()
        custom = period is Period.CUSTOM
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if custom:
            return False
        start, end = period_dates(period, self._today())
        set_date(self.start, start)
        set_date(self.end, end)
        return True

    def _period_chosen(self) -> None:
        if self._fill_dates():
            self.request()
        else:
            self.start.setFocus()

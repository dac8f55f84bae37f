"""The retention schedule, editable: for each kind of record, how many years after which date."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.models.choices import RecordKind, RetentionTrigger
from desktop.services.retention_schedule import (
    MAX_YEARS,
    MIN_YEARS,
    TRIGGER_PHRASES,
    TRIGGERS_FOR,
    RetentionScheduleService,
    RuleRow,
)
from desktop.views.caseload.tabs.tab_parts import action_button, hint, section_title
from desktop.views.common.announce import announce
from desktop.views.common.restyle import restyle
from desktop.views.common.when import local_time_text


class RetentionScheduleTab(QWidget):
    def __init__(self, schedule: RetentionScheduleService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._schedule = schedule
        self.years: dict[RecordKind, QSpinBox] = {}
        self.triggers: dict[RecordKind, QComboBox] = {}
        self.notes: dict[RecordKind, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for column, heading in enumerate(("Kind of record", "Keep for", "Counted from", "")):
            caption = QLabel(f"<b>{heading}</b>")
            grid.addWidget(caption, 0, column)
        for row, kind in enumerate(RecordKind, start=1):
            # No Alt+letter per row: six rows would take letters the tabs around them use.
            name = QLabel(kind.label)
            years = QSpinBox()
            years.setRange(MIN_YEARS, MAX_YEARS)
            years.setSuffix(" years")
            years.setAccessibleName(f"{kind.label}: years kept")
            name.setBuddy(years)
            trigger = QComboBox()
            trigger.setAccessibleName(f"{kind.label}: counted from")
            for each in TRIGGERS_FOR[kind]:
                trigger.addItem(TRIGGER_PHRASES[each], each)
            note = hint()
            grid.addWidget(name, row, 0)
            grid.addWidget(years, row, 1)
            grid.addWidget(trigger, row, 2)
            grid.addWidget(note, row, 3)
            self.years[kind], self.triggers[kind], self.notes[kind] = years, trigger, note
        grid.setColumnStretch(3, 1)
        self.save_button = action_button("Sa&ve schedule", "Save the changed rules", "Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setObjectName("notice")
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(section_title("Retention schedule"))
        layout.addWidget(
            hint(
                "How long each kind of record is kept before it comes up for review. The "
                "defaults follow a typical English council's schedule; set your council's own.",
                wrap=True,
            )
        )
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.reload()

    def reload(self) -> None:
        self._rows = {row.rule.kind: row for row in self._schedule.rules()}
        for kind, row in self._rows.items():
            self.years[kind].setValue(row.rule.years)
            trigger = self.triggers[kind]
            trigger.setCurrentIndex(trigger.findData(row.rule.trigger))
            self.notes[kind].setText(_note(row))

    def save(self) -> None:
        changed = 0
        try:
            for kind, row in self._rows.items():
                years = self.years[kind].value()
                # Qt hands a StrEnum back as its plain string.
                trigger = RetentionTrigger(self.triggers[kind].currentData())
                if (trigger, years) != (row.rule.trigger, row.rule.years):
                    self._schedule.set_rule(kind, trigger, years)
                    changed += 1
        except ValueError as error:
            restyle(self.message, "error")
            announce(self.message, str(error), urgent=True)
            return
        self.reload()
        restyle(self.message, "notice")
        announce(
            self.message,
            f"Saved: {changed} rule{'s' if changed != 1 else ''} changed."
            if changed
            else "Nothing had changed.",
        )


def _note(row: RuleRow) -> str:
    if row.is_default:
        return "Default"
    return f"Set by {row.updated_by}, {local_time_text(row.updated_at)}"

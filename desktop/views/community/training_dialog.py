"""The dialog to add or edit a training session: title, date, venue, how many of each audience
came, how many gave each confidence rating before and after, and the strategy outcomes served."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.models.choices import ActivityKind, AudienceKind, StrategyOutcome
from desktop.services.engagement_records import RATINGS, ActivityInput, ActivityView
from desktop.views.caseload.tabs.dialog_fields import date_field, date_of
from desktop.views.community.community_parts import CommunitySavingDialog
from desktop.views.community.incident_dialogs import line

MAX_COUNT = 100_000
AUDIENCE_COLUMNS = 3
SCALE_WORDS = {1: "1 · not at all", 2: "2", 3: "3", 4: "4", 5: "5 · very"}


def count_box(name: str, value: int = 0) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, MAX_COUNT)
    box.setValue(value)
    box.setAccessibleName(name)
    box.setMinimumWidth(64)
    return box


class TrainingDialog(CommunitySavingDialog):
    def __init__(
        self, today: date, current: ActivityView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__("Add training session" if current is None else "Edit session", parent)
        self._today = today
        self.current = current
        self.title = line(current.title if current else "", "Title or topic")
        self.title.setMaxLength(300)
        self.title.setPlaceholderText("Awareness of gangs and exploitation")
        self.held_on = date_field(current.held_on if current else today)
        self.held_on.setAccessibleName("Date")
        self.venue = line(current.venue if current else "", "Venue", "A place, or the platform")
        self.online = QCheckBox("Held o&nline")
        self.online.setChecked(bool(current and current.online))
        self.form.addRow("T&itle or topic", self.title)
        self.form.addRow("&Date", self.held_on)
        self.form.addRow("&Venue", self.venue)
        self.form.addRow("", self.online)

        counts = {row.audience: row.count for row in current.attendance} if current else {}
        self.audience: dict[AudienceKind, QSpinBox] = {}
        attended = QGroupBox("Who came: how many of each audience")
        grid = QGridLayout(attended)
        for number, audience in enumerate(AudienceKind):
            box = count_box(f"Attended: {audience.label}", counts.get(audience, 0))
            label = QLabel(audience.label)
            label.setBuddy(box)
            row, column = divmod(number, AUDIENCE_COLUMNS)
            grid.addWidget(label, row, column * 2)
            grid.addWidget(box, row, column * 2 + 1)
            self.audience[audience] = box
        self.audience_label = QLabel("&Audience")
        self.audience_label.setBuddy(self.audience[AudienceKind.FRONTLINE])

        ratings = current.ratings if current else None
        self.before: dict[int, QSpinBox] = {}
        self.after: dict[int, QSpinBox] = {}
        rated = QGroupBox("Confidence: how many gave each rating, 1 (not at all) to 5 (very)")
        table = QGridLayout(rated)
        for column, rating in enumerate(RATINGS, start=1):
            heading = QLabel(SCALE_WORDS[rating])
            heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
            table.addWidget(heading, 0, column)
        for row, (stage, boxes, counts_now) in enumerate(
            (
                ("Before", self.before, ratings.before if ratings else None),
                ("After", self.after, ratings.after if ratings else None),
            ),
            start=1,
        ):
            table.addWidget(QLabel(stage), row, 0)
            for column, rating in enumerate(RATINGS, start=1):
                value = counts_now[rating - 1] if counts_now else 0
                box = count_box(f"{stage}: how many rated {rating}", value)
                boxes[rating] = box
                table.addWidget(box, row, column)
        self.ratings_label = QLabel("&Ratings")
        self.ratings_label.setBuddy(self.before[1])

        self.outcomes: dict[StrategyOutcome, QCheckBox] = {}
        serves = QGroupBox("Strategy outcomes it serves")
        column_layout = QVBoxLayout(serves)
        for outcome in StrategyOutcome:
            tick = QCheckBox(outcome.label)
            tick.setAccessibleName(f"Serves: {outcome.label}")
            tick.setChecked(bool(current and outcome in current.outcomes))
            column_layout.addWidget(tick)
            self.outcomes[outcome] = tick
        self.outcomes_label = QLabel("Ou&tcomes")
        self.outcomes_label.setBuddy(self.outcomes[StrategyOutcome.PARTICIPATION])

        self.form.addRow(self.audience_label, attended)
        self.form.addRow(self.ratings_label, rated)
        self.form.addRow(self.outcomes_label, serves)
        self.setMinimumWidth(900)
        self.title.setFocus()

    def details(self) -> ActivityInput:
        base = self.current.details() if self.current else None
        return ActivityInput(
            ActivityKind.TRAINING,
            self.title.text(),
            date_of(self.held_on) or self._today,
            self.venue.text(),
            self.online.isChecked(),
            base.languages if base else (),
            base.communities if base else (),
            base.themes if base else "",
            base.concerns if base else "",
            base.findings if base else "",
            base.recommendations if base else "",
        )

    def attendance(self) -> dict[AudienceKind, int]:
        return {audience: box.value() for audience, box in self.audience.items()}

    def ratings(self) -> tuple[dict[int, int], dict[int, int]]:
        return (
            {rating: box.value() for rating, box in self.before.items()},
            {rating: box.value() for rating, box in self.after.items()},
        )

    def chosen_outcomes(self) -> list[StrategyOutcome]:
        return [outcome for outcome, box in self.outcomes.items() if box.isChecked()]

    def problems(self) -> list[str]:
        found = self.details().problems(self._today)
        before, after = self.ratings()
        rated = any(before.values()) or any(after.values())
        if rated and self.details().held_on > self._today:
            found.append("A session still to come cannot have ratings yet.")
        return found

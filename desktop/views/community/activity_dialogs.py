"""The dialogs of an engagement activity: its details; themes, concerns, findings and
recommendations; attendance counted by audience; the partners involved; a record of the
insight report shared with partners."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from desktop.models.choices import ActivityKind, AudienceKind
from desktop.services.engagement_records import ActivityInput, AttendanceRow
from desktop.services.engagement_service import MAX_COUNT
from desktop.views.caseload.tabs.dialog_fields import date_field, date_of
from desktop.views.caseload.tabs.tab_parts import hint, section_title
from desktop.views.coaching.coaching_plan_parts import choice_combo
from desktop.views.community.community_parts import (
    TITLE_LENGTH,
    CommunitySavingDialog,
    line_edit,
    lines_area,
    plural,
    prose_area,
    typed_lines,
)


class ActivityDialog(CommunitySavingDialog):
    """Kind, title, date, venue or online, the languages used and the communities reached."""

    def __init__(
        self, today: date, current: ActivityInput | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__("New activity" if current is None else "Edit activity", parent)
        self._current = current or ActivityInput(ActivityKind.COMMUNITY_EVENT, "", today)
        details = self._current
        self.kind = choice_combo(list(ActivityKind), details.kind, "Kind of activity")
        self.title = line_edit(
            details.title, "Title", "Lunch with Kurdish women", length=TITLE_LENGTH
        )
        self.held_on = date_field(details.held_on)
        self.held_on.setAccessibleName("Date")
        self.venue = line_edit(details.venue, "Venue or platform", "Harrow Road Library, or Zoom")
        self.online = QCheckBox("Held &online (the venue is the platform)")
        self.online.setChecked(details.online)
        self.languages = lines_area(
            details.languages, "Languages used", "One a line: English, Arabic…", 2
        )
        self.communities = lines_area(
            details.communities, "Communities reached", "One a line: Iraqi Kurdish…", 2
        )
        self.form.addRow("&Kind", self.kind)
        self.form.addRow("&Title", self.title)
        self.form.addRow("&Date", self.held_on)
        self.form.addRow("&Venue", self.venue)
        self.form.addRow("", self.online)
        self.form.addRow("&Languages", self.languages)
        self.form.addRow("&Communities", self.communities)
        self.form.addRow(
            hint("Attendance, findings, partners and actions are added on the activity's page.")
        )
        self.setMinimumWidth(560)
        self.title.setFocus()

    def details(self) -> ActivityInput:
        held_on = date_of(self.held_on)
        assert held_on is not None  # a required date field always has one
        return replace(
            self._current,
            kind=ActivityKind(self.kind.currentData()),
            title=self.title.text(),
            held_on=held_on,
            venue=self.venue.text(),
            online=self.online.isChecked(),
            languages=typed_lines(self.languages),
            communities=typed_lines(self.communities),
        )

    def problems(self) -> list[str]:
        return [] if self.title.text().strip() else ["Give the activity a title."]


class FindingsDialog(CommunitySavingDialog):
    """What was talked about and what came of it: the heart of the insight report."""

    def __init__(self, current: ActivityInput, parent: QWidget | None = None) -> None:
        super().__init__("Themes, concerns, findings and recommendations", parent)
        self._current = current
        self.themes = prose_area(current.themes, "Themes discussed", "What was talked about", 3)
        self.concerns = prose_area(current.concerns, "Concerns raised", "What worries people", 3)
        self.findings = prose_area(current.findings, "Findings", "What we learnt", 4)
        self.recommendations = prose_area(
            current.recommendations, "Recommendations", "What should change, and who could", 4
        )
        self.form.addRow("&Themes discussed", self.themes)
        self.form.addRow("&Concerns raised", self.concerns)
        self.form.addRow("&Findings", self.findings)
        self.form.addRow("&Recommendations", self.recommendations)
        self.setMinimumWidth(680)
        self.themes.setFocus()

    def details(self) -> ActivityInput:
        return replace(
            self._current,
            themes=self.themes.toPlainText(),
            concerns=self.concerns.toPlainText(),
            findings=self.findings.toPlainText(),
            recommendations=self.recommendations.toPlainText(),
        )


class AttendanceDialog(CommunitySavingDialog):
    """How many of each audience came: counts only, no names."""

    def __init__(self, current: Sequence[AttendanceRow], parent: QWidget | None = None) -> None:
        super().__init__("Attendance by audience", parent)
        counts = {row.audience: row.count for row in current}
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        self.spins: dict[AudienceKind, QSpinBox] = {}
        half = (len(AudienceKind) + 1) // 2
        for number, audience in enumerate(AudienceKind):
            spin = QSpinBox()
            spin.setRange(0, MAX_COUNT)
            spin.setAccessibleName(f"How many {audience.label.lower()}")
            spin.setValue(counts.get(audience, 0))
            spin.setMinimumWidth(80)
            spin.valueChanged.connect(self._count)
            label = QLabel(audience.label)
            label.setBuddy(spin)
            row, column = number % half, (number // half) * 2
            grid.addWidget(label, row, column)
            grid.addWidget(spin, row, column + 1)
            self.spins[audience] = spin
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)
        box = QWidget()
        box.setLayout(grid)
        self.total = section_title("")
        self.total.setAccessibleName("Total attendance")
        self.form.addRow(hint("Count each person once, in the audience that fits them best."))
        self.form.addRow(box)
        self.form.addRow(self.total)
        self.setMinimumWidth(620)
        self._count()
        self.spins[AudienceKind.PARENTS].setFocus()

    def counts(self) -> dict[AudienceKind, int]:
        return {audience: spin.value() for audience, spin in self.spins.items()}

    def _count(self) -> None:
        self.total.setText(f"Total: {plural(sum(self.counts().values()), 'person', 'people')}")


def partner_checklist(
    choices: Sequence[tuple[int, str]], chosen: Sequence[int], name: str
) -> QListWidget:
    """Partners as ticked lines (Space ticks the current one)."""
    listing = QListWidget()
    listing.setAccessibleName(name)
    for partner_id, text in choices:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, partner_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        checked = partner_id in chosen
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        listing.addItem(item)
    listing.setMinimumHeight(220)
    listing.setSpacing(2)
    return listing


def checked_ids(listing: QListWidget) -> list[int]:
    return [
        int(item.data(Qt.ItemDataRole.UserRole))
        for item in (listing.item(row) for row in range(listing.count()))
        if item.checkState() == Qt.CheckState.Checked
    ]


def check(listing: QListWidget, text: str) -> None:
    """Ticks the partner whose line starts with text (for code that knows the name)."""
    for row in range(listing.count()):
        item = listing.item(row)
        if item.text().startswith(text):
            item.setCheckState(Qt.CheckState.Checked)


class PartnersDialog(CommunitySavingDialog):
    """The partners involved in the activity, ticked from the directory."""

    def __init__(
        self,
        choices: Sequence[tuple[int, str]],
        chosen: Sequence[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Partners involved", parent)
        self.partners = partner_checklist(choices, chosen, "Partners involved")
        label = QLabel("&Partners involved")
        label.setBuddy(self.partners)
        self.form.addRow(label)
        self.form.addRow(self.partners)
        if not choices:
            self.form.addRow(hint("The directory is empty: add partners on the Partners tab."))
        self.setMinimumWidth(520)
        self.partners.setFocus()

    def partner_ids(self) -> list[int]:
        return checked_ids(self.partners)


class ShareDialog(CommunitySavingDialog):
    """Which partners the insight report was sent to, and when."""

    def __init__(
        self,
        choices: Sequence[tuple[int, str]],
        held_on: date,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Record the insight report shared", parent)
        self.partners = partner_checklist(choices, [], "Shared with")
        # Shared today by default; never before the activity, never in the future.
        self.shared_on = date_field(today, latest=today, earliest=min(held_on, today))
        self.shared_on.setAccessibleName("Shared on")
        label = QLabel("&Shared with")
        label.setBuddy(self.partners)
        self.form.addRow(label)
        self.form.addRow(self.partners)
        self.form.addRow("&On", self.shared_on)
        self.form.addRow(hint("Partners involved in the activity are listed first."))
        self.setMinimumWidth(520)
        self.partners.setFocus()

    def partner_ids(self) -> list[int]:
        return checked_ids(self.partners)

    def day(self) -> date:
        chosen = date_of(self.shared_on)
        assert chosen is not None
        return chosen

    def problems(self) -> list[str]:
        return [] if self.partner_ids() else ["Tick the partners it was shared with."]

"""A coaching plan's Timeline tab: the milestones reached (with Record milestone for the coach)
beside everything dated on the plan, newest first, as a vertical timeline."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.bundle import Services
from desktop.services.coaching_session_records import MilestoneRow, TimelineItem
from desktop.views.caseload.tabs.detail_card import DetailCard
from desktop.views.caseload.tabs.tab_parts import action_button, hint, section_title, show_for
from desktop.views.coaching.coaching_plan_parts import local_today
from desktop.views.coaching.milestone_dialog import MilestoneDialog
from desktop.views.common.painted_colours import mix, paint_colours
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import PLAIN, RowLook, RowsTableModel
from desktop.views.common.when import date_text

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
# Each source's marker and label colour; the label always says the source in words too.
SOURCE_COLOURS = {
    "session": "#2c5282",
    "milestone": "#2f855a",
    "eet": "#6b46c1",
    "goal": "#b7791f",
    "review": "#4a5563",
}
# Shares of the ink (the spine) and of the selection colour (a chosen row) in the ground.
SPINE_SHARE = 0.3
SELECTED_SHARE = 0.25
DATE_WIDTH = 92
PAD = 8
MARKER = 12
TEXT_LEFT = DATE_WIDTH + 2 * PAD + MARKER + 8
SIDE_BY_SIDE_FROM = 860  # the tab's width below which the timeline goes under the milestones

MILESTONE_COLUMNS = (
    ("Milestone", lambda row: row.kind.label),
    ("Date", lambda row: date_text(row.achieved_on)),
    ("Detail", lambda row: " ".join(row.detail.split()) or "—"),
    ("Evidence", lambda row: " ".join(row.evidence.split()) or "—"),
)


def milestone_look(row: MilestoneRow, column: int) -> RowLook:
    # The outcomes the unit counts stand out from the steps on the way.
    if row.kind.is_start or row.kind.is_sustainment:
        return RowLook(bold=column == 0)
    return PLAIN


def milestone_tip(row: MilestoneRow) -> str:
    return f"Recorded by {row.recorded_by}"


class TimelineModel(QAbstractListModel):
    """The plan's timeline items as a list; ITEM_ROLE gives the TimelineItem for drawing."""

    def __init__(self) -> None:
        super().__init__()
        self._items: list[TimelineItem] = []

    def set_items(self, items: list[TimelineItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[TimelineItem]:
        return list(self._items)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = f"{date_text(item.day)}, {item.kind_label}: {item.title}"
            return f"{text}. {' '.join(item.detail.split())}" if item.detail else text
        if role == ITEM_ROLE:
            return item
        return None


class TimelineDelegate(QStyledItemDelegate):
    """Date on the left, a coloured marker on a grey spine, then the source in words, the title
    in bold and the detail wrapped below."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)
        label = QFont(base)
        label.setBold(True)
        label.setPointSizeF(max(base.pointSizeF() - 1, 7))
        title = QFont(base)
        title.setBold(True)
        return label, title, base

    def _text_width(self) -> int:
        return max(self._view.viewport().width() - TEXT_LEFT - PAD, 120)

    def _blocks(self, option: QStyleOptionViewItem, item: TimelineItem) -> list[tuple[QFont, str]]:
        label, title, base = self._fonts(option)
        blocks = [(label, item.kind_label), (title, item.title)]
        if item.detail.strip():
            blocks.append((base, item.detail.strip()))
        return blocks

    def _height(self, font: QFont, text: str) -> int:
        flags = int(Qt.TextFlag.TextWordWrap)
        return (
            QFontMetrics(font)
            .boundingRect(QRect(0, 0, self._text_width(), 10_000), flags, text)
            .height()
        )

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        item = index.data(ITEM_ROLE)
        if not isinstance(item, TimelineItem):
            return super().sizeHint(option, index)
        height = sum(self._height(font, text) + 2 for font, text in self._blocks(option, item))
        return QSize(self._view.viewport().width(), height + 2 * PAD + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item = index.data(ITEM_ROLE)
        if not isinstance(item, TimelineItem):
            super().paint(painter, option, index)
            return
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # The view's palette, so the timeline follows light, dark and high contrast; colours
        # are brought to read on the ground actually painted (a chosen row is tinted).
        colours = paint_colours(option.palette)
        highlight = option.palette.color(QPalette.ColorRole.Highlight)
        ground = mix(colours.background, highlight, SELECTED_SHARE if selected else 0.0)
        colours = replace(colours, background=ground, muted=colours.text(colours.muted))
        painter.fillRect(rect, ground)
        colour = colours.text(SOURCE_COLOURS.get(item.source, "#4a5563"))
        spine_x = rect.left() + DATE_WIDTH + 2 * PAD + MARKER // 2
        painter.setPen(QPen(mix(ground, colours.ink, SPINE_SHARE), 2))
        painter.drawLine(spine_x, rect.top(), spine_x, rect.bottom() + 1)
        label_font, _title_font, base = self._fonts(option)
        painter.setFont(base)
        painter.setPen(colours.ink)
        date_rect = QRect(rect.left() + PAD, rect.top() + PAD, DATE_WIDTH, 40)
        painter.drawText(date_rect, int(Qt.AlignmentFlag.AlignRight), date_text(item.day))
        first_line = QFontMetrics(label_font).height()
        centre_y = rect.top() + PAD + first_line // 2 + 1
        painter.setPen(QPen(ground, 2))
        painter.setBrush(colour)
        painter.drawEllipse(spine_x - MARKER // 2, centre_y - MARKER // 2, MARKER, MARKER)
        top = rect.top() + PAD
        width = self._text_width()
        for number, (font, text) in enumerate(self._blocks(option, item)):
            painter.setFont(font)
            painter.setPen(colour if number == 0 else colours.ink if number == 1 else colours.muted)
            height = self._height(font, text)
            area = QRect(rect.left() + TEXT_LEFT, top, width, height)
            painter.drawText(area, int(Qt.TextFlag.TextWordWrap), text)
            top += height + 2
        painter.setPen(QPen(colours.grid, 1))
        painter.drawLine(rect.left() + TEXT_LEFT, rect.bottom(), rect.right() - PAD, rect.bottom())
        painter.restore()


class CoachingTimelineTab(QWidget):
    """CoachingTimelineTab(services, plan_id); reload() fetches milestones and timeline again."""

    changed = Signal()  # a milestone saved: the plan page reloads its other tabs

    def __init__(self, services: Services, plan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.plan_id = plan_id
        self._editable = False
        self.record_button = action_button(
            "Record &milestone…", "Record a step reached: CV, ID, an offer, a start…"
        )
        self.record_button.setAccessibleName("Record milestone")
        self.record_button.clicked.connect(self.record_milestone)
        self.milestones: RowTable[MilestoneRow] = RowTable(
            RowsTableModel(MILESTONE_COLUMNS, milestone_look, milestone_tip),
            "Milestones",
            "No milestones yet. Choose Record milestone… when a CV is written, ID obtained, "
            "an application made or a course, apprenticeship or job starts.",
            (160, 84, 160),
        )
        self.milestones.selection_changed.connect(self._milestone_chosen)
        self.milestone_detail = DetailCard(
            "Milestone details", "Choose a milestone to see it in full."
        )
        self.milestone_count = hint()
        self.model = TimelineModel()
        self.timeline = QListView()
        self.timeline.setAccessibleName("Timeline")
        self.timeline.setModel(self.model)
        self.timeline.setItemDelegate(TimelineDelegate(self.timeline))
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timeline.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.timeline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A scroll bar that comes and goes would change the width the items were measured at.
        self.timeline.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.timeline.setResizeMode(QListView.ResizeMode.Adjust)  # rewraps on resize
        self.timeline_empty = hint("Nothing dated on the plan yet.")
        self.timeline_count = hint()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        top = QHBoxLayout()
        top.addWidget(section_title("Milestones"))
        top.addWidget(self.milestone_count)
        top.addStretch(1)
        top.addSpacing(12)
        top.addWidget(self.record_button)
        left_layout.addLayout(top)
        left_split = QSplitter(Qt.Orientation.Vertical)
        left_split.addWidget(self.milestones)
        left_split.addWidget(self.milestone_detail)
        left_split.setSizes([360, 140])
        left_split.setChildrenCollapsible(False)
        left_layout.addWidget(left_split, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(section_title("Timeline"))
        heading.addWidget(self.timeline_count)
        heading.addStretch(1)
        right_layout.addLayout(heading)
        right_layout.addWidget(self.timeline_empty)
        right_layout.addWidget(self.timeline, 1)
        self.split = split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([520, 480])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(split, 1)
        self.reload()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        # Side by side in a narrow window (200% scaling) the timeline's words were a few
        # letters to a line: below a width the timeline goes under the milestones instead.
        super().resizeEvent(event)
        wanted = (
            Qt.Orientation.Vertical
            if event.size().width() < SIDE_BY_SIDE_FROM
            else Qt.Orientation.Horizontal
        )
        if self.split.orientation() != wanted:
            self.split.setOrientation(wanted)
            self.split.setSizes([1, 1])  # an even share either way

    def reload(self) -> None:
        plan = self._services.coaching.plan(self.plan_id)
        self._editable = plan.may_edit and plan.is_open
        show_for(self._editable, self.record_button)
        sessions = self._services.coaching_sessions
        rows = sessions.milestones(self.plan_id)
        chosen = self.milestones.selected()
        self.milestones.set_rows(rows)
        if chosen is not None:
            self.milestones.select_where(lambda row: row.id == chosen.id)
        self._milestone_chosen()
        counted = sum(row.kind.is_start or row.kind.is_sustainment for row in rows)
        self.milestone_count.setText(
            f"{len(rows)} recorded · {counted} counted as outcomes" if rows else ""
        )
        items = sessions.timeline(self.plan_id)
        self.model.set_items(items)
        self.timeline_count.setText("Newest first" if items else "")
        self.timeline_empty.setVisible(not items)
        self.timeline.setVisible(bool(items))

    def _milestone_chosen(self) -> None:
        row = self.milestones.selected()
        if row is None:
            self.milestone_detail.show_pairs([])
            return
        counted = " · counted as an outcome" if row.kind.is_start or row.kind.is_sustainment else ""
        self.milestone_detail.show_pairs(
            [
                (row.kind.label, date_text(row.achieved_on) + counted),
                ("Detail", row.detail),
                ("Evidence", row.evidence),
                ("Recorded by", row.recorded_by),
            ]
        )

    def record_milestone(self) -> None:
        if not self._editable:
            return
        sessions = self._services.coaching_sessions
        dialog = MilestoneDialog(local_today(self._services.clock.now()), self)
        dialog.save = lambda: sessions.record_milestone(self.plan_id, dialog.details())
        saved = dialog.exec()
        dialog.deleteLater()  # what was typed goes with it
        if saved:
            self.reload()
            new_id = dialog.result_of_save
            self.milestones.select_where(lambda row: row.id == new_id)
            self.changed.emit()

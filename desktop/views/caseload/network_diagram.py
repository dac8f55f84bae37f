"""The ecomap: a picture of the people, groups and places around a young person, drawn from a
Network the service built (no database here), with a legend and a text version for screen
readers."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.models.choices import LinkKind
from desktop.services.network_service import Network
from desktop.views.caseload.network_layout import (
    CENTRE_RADIUS,
    EMPTY_NOTE,
    EMPTY_TEXT,
    LINK_LABELS,
    Category,
    Layout,
    Node,
    Placed,
    describe,
    fonts,
    lay_out,
)
from desktop.views.common.painted_colours import PaintColours, paint_colours, print_colours

# Ink inside the nodes, which keep their pale fills in every look; what is drawn on the
# diagram's own ground (lines, borders, legend) takes the palette's colours.
INK = QColor("#1b1f24")
MUTED = QColor("#5a6472")
CENTRE_FILL = QColor("#1f3a5f")
# (border and line colour, fill) for each kind of node.
COLOURS: dict[Category, tuple[str, str]] = {
    Category.FAMILY: ("#2f7d4f", "#e7f4ec"),
    Category.PROFESSIONAL: ("#2b5c9e", "#e8f0fb"),
    Category.YOUNG_PERSON: ("#3d4652", "#f1f3f6"),
    Category.GROUP: ("#6b46c1", "#f0eafb"),
    Category.PLACE: ("#8a5a12", "#fbf1e2"),
}
HIDDEN_FILL = "#f7f7f7"
RIVAL = QColor("#c53030")
HARM = QColor("#dd6b20")
LEGEND_ROW = 26.0


def _pen(colour: QColor | str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(colour), width, style)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def edge_pen(node: Node, colours: PaintColours) -> QPen:
    """The line's style, with the shape of the node at its end, says what kind of tie it is:
    colour is never the only sign. Every colour keeps 3:1 against the ground."""
    line = colours.graphic(COLOURS[node.category][0])
    if node.link_kind is LinkKind.RIVAL:
        return _pen(colours.graphic(RIVAL), 2.2, Qt.PenStyle.DashLine)
    if node.link_kind is LinkKind.VICTIM_PERPETRATOR:
        return _pen(colours.graphic(HARM), 2.4)
    if node.link_kind is LinkKind.SIBLING:
        return _pen(line, 1.4)  # drawn twice, side by side
    if node.category is Category.PROFESSIONAL:
        return _pen(line, 1.6, Qt.PenStyle.DotLine)
    if node.category is Category.PLACE:
        return _pen(line, 1.6, Qt.PenStyle.DashDotLine)
    return _pen(line, 1.6)


def node_shape(category: Category, rect: QRectF) -> QPainterPath:
    """Each kind of node has its own outline, so the picture reads without colour too."""
    path = QPainterPath()
    half = rect.height() / 2
    if category is Category.FAMILY:
        path.addRoundedRect(rect, 9, 9)
    elif category is Category.PROFESSIONAL:
        path.addRect(rect)
    elif category is Category.YOUNG_PERSON:
        path.addRoundedRect(rect, half, half)
    elif category is Category.GROUP:  # a hexagon, pointed at both ends
        left, right, top, bottom = rect.left(), rect.right(), rect.top(), rect.bottom()
        mid = rect.center().y()
        points = [(left, mid), (left + half * 0.7, top), (right - half * 0.7, top)]
        points += [(right, mid), (right - half * 0.7, bottom), (left + half * 0.7, bottom)]
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
        path.closeSubpath()
    else:  # a place: a box with cut corners, like a map sign
        cut = 8.0
        points = [
            (rect.left() + cut, rect.top()),
            (rect.right() - cut, rect.top()),
            (rect.right(), rect.top() + cut),
            (rect.right(), rect.bottom() - cut),
            (rect.right() - cut, rect.bottom()),
            (rect.left() + cut, rect.bottom()),
            (rect.left(), rect.bottom() - cut),
            (rect.left(), rect.top() + cut),
        ]
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
        path.closeSubpath()
    return path


class NetworkDiagram(QWidget):
    """Double-clicking a young person, group or place asks for it to be opened."""

    person_activated = Signal(int)
    group_activated = Signal(int)
    place_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.network: Network | None = None
        self.layout_: Layout | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Network diagram")
        self.setAccessibleDescription(describe(None))

    def set_network(self, network: Network | None) -> None:
        self.network = network
        self._relayout()
        name = f" for {network.centre.name}" if network is not None else ""
        self.setAccessibleName(f"Network diagram{name}")
        self.setAccessibleDescription(describe(network))

    def _relayout(self) -> None:
        # The style sheet sets the font when the widget is polished; measure with that one.
        self.ensurePolished()
        self._measure()

    def _measure(self) -> None:
        network = self.network
        self.layout_ = lay_out(network, self.font()) if network is not None else None
        self.updateGeometry()
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._measure()
        super().changeEvent(event)

    def placed(self) -> list[Placed]:
        return list(self.layout_.nodes) if self.layout_ else []

    def sizeHint(self) -> QSize:
        if self.layout_ is None:
            return QSize(480, 320)
        return QSize(
            math.ceil(self.layout_.size.width()), math.ceil(_full_height(self.layout_, self.font()))
        )

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 240)

    def _transform(self) -> QTransform:
        """Fits the drawing in the widget, centred, never blown up past 125 %."""
        assert self.layout_ is not None
        width, height = self.layout_.size.width(), _full_height(self.layout_, self.font())
        scale = min(self.width() / width, self.height() / height, 1.25)
        transform = QTransform()
        transform.translate(
            (self.width() - width * scale) / 2, (self.height() - height * scale) / 2
        )
        transform.scale(scale, scale)
        return transform

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        # The palette's colours: a palette change (light, dark, high contrast) repaints.
        colours = paint_colours(self.palette())
        painter.fillRect(self.rect(), colours.background)
        if self.layout_ is None or self.network is None:
            painter.setPen(colours.muted)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, describe(None))
        else:
            painter.setTransform(self._transform())
            paint(painter, self.layout_, self.font(), colours)
        painter.end()

    def _node_at(self, position: QPointF) -> Placed | None:
        if self.layout_ is None:
            return None
        inverted, ok = self._transform().inverted()
        point = inverted.map(position) if ok else position
        return next((p for p in self.layout_.nodes if p.rect.contains(point)), None)

    def event(self, event: QEvent) -> bool:
        # Full names on hover: labels are shortened to keep the picture readable.
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hit = self._node_at(QPointF(event.pos()))
            if hit is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), hit.node.spoken, self)
            return True
        return super().event(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        hit = self._node_at(event.position())
        if hit is None or hit.node.id is None:
            return
        signals = {
            Category.YOUNG_PERSON: self.person_activated,
            Category.GROUP: self.group_activated,
            Category.PLACE: self.place_activated,
        }
        signal = signals.get(hit.node.category)
        if signal is not None:
            signal.emit(hit.node.id)


def render_network(network: Network, font: QFont | None = None) -> QImage:
    """The diagram at its natural size, for tests, screenshots and documents: in the light
    look, as it would be printed."""
    colours = print_colours()
    base = font or QFont()
    layout = lay_out(network, base)
    image = QImage(
        math.ceil(layout.size.width()),
        math.ceil(_full_height(layout, base)),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.fill(colours.background)
    painter = QPainter(image)
    paint(painter, layout, base, colours)
    painter.end()
    return image


def paint(painter: QPainter, layout: Layout, base: QFont, colours: PaintColours) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    title_font, subtitle_font = fonts(base)
    centre = layout.centre
    for placed in layout.nodes:
        _paint_edge(painter, centre, placed, colours)
    _paint_centre(painter, layout, title_font, subtitle_font, colours)
    for placed in layout.nodes:
        _paint_node(painter, placed, title_font, subtitle_font, colours)
    _paint_legend(painter, layout, base, colours)


def _paint_edge(painter: QPainter, centre: QPointF, placed: Placed, colours: PaintColours) -> None:
    line = QLineF(centre, placed.rect.center())
    start = line.pointAt(min(CENTRE_RADIUS / max(line.length(), 1.0), 1.0))
    _paint_tie(painter, placed.node, start, _border_point(placed.rect, centre), colours)


def _paint_tie(
    painter: QPainter, node: Node, start: QPointF, end: QPointF, colours: PaintColours
) -> None:
    painter.setPen(edge_pen(node, colours))
    if node.link_kind is LinkKind.SIBLING:
        normal = QLineF(start, end).normalVector().unitVector()
        offset = QPointF(normal.dx() * 2.2, normal.dy() * 2.2)
        painter.drawLine(QLineF(start + offset, end + offset))
        painter.drawLine(QLineF(start - offset, end - offset))
    else:
        painter.drawLine(QLineF(start, end))
    if node.link_kind is LinkKind.VICTIM_PERPETRATOR:
        # The record holds who harmed whom in the link's note, not in the link itself, so the
        # arrow points both ways: harm between them in an incident.
        _arrow_head(painter, start, end, colours)
        _arrow_head(painter, end, start, colours)


def _arrow_head(painter: QPainter, tail: QPointF, tip: QPointF, colours: PaintColours) -> None:
    line = QLineF(tip, tail)
    if line.length() < 1:
        return
    unit = line.unitVector()
    back = QPointF(unit.dx() * 11, unit.dy() * 11)
    side = QPointF(-unit.dy() * 5.5, unit.dx() * 5.5)
    painter.save()
    painter.setBrush(colours.graphic(HARM))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawPolygon(QPolygonF([tip, tip + back + side, tip + back - side]))
    painter.restore()


def _border_point(rect: QRectF, towards: QPointF) -> QPointF:
    """Where the line from the box's centre to a point leaves the box."""
    centre = rect.center()
    dx, dy = towards.x() - centre.x(), towards.y() - centre.y()
    if dx == 0 and dy == 0:
        return centre
    scale = min(
        rect.width() / 2 / abs(dx) if dx else math.inf,
        rect.height() / 2 / abs(dy) if dy else math.inf,
    )
    return QPointF(centre.x() + dx * scale, centre.y() + dy * scale)


def _paint_centre(
    painter: QPainter, layout: Layout, title: QFont, subtitle: QFont, colours: PaintColours
) -> None:
    centre = layout.centre
    painter.setPen(_pen("#f6c343", 3.0))
    painter.setBrush(CENTRE_FILL)
    painter.drawEllipse(centre, CENTRE_RADIUS, CENTRE_RADIUS)
    painter.setPen(QColor("#ffffff"))
    heights = [
        QFontMetricsF(title if bold else subtitle).height() for _, bold in layout.centre_lines
    ]
    top = centre.y() - sum(heights) / 2
    for (text, bold), height in zip(layout.centre_lines, heights, strict=True):
        painter.setFont(title if bold else subtitle)
        box = QRectF(centre.x() - CENTRE_RADIUS, top, 2 * CENTRE_RADIUS, height)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        top += height
    if not layout.nodes:
        painter.setPen(colours.muted)
        painter.setFont(subtitle)
        below = QRectF(0, centre.y() + CENTRE_RADIUS + 8, layout.size.width(), EMPTY_NOTE - 8)
        painter.drawText(below, Qt.AlignmentFlag.AlignCenter, EMPTY_TEXT)


def _paint_node(
    painter: QPainter, placed: Placed, title: QFont, subtitle: QFont, colours: PaintColours
) -> None:
    node, rect = placed.node, placed.rect
    border, fill = COLOURS[node.category]
    style = Qt.PenStyle.DashLine if node.hidden else Qt.PenStyle.SolidLine
    painter.setPen(_pen(colours.graphic(border), 1.6, style))
    painter.setBrush(QBrush(QColor(HIDDEN_FILL if node.hidden else fill)))
    painter.drawPath(node_shape(node.category, rect))
    heading = QFont(title)
    heading.setItalic(node.hidden)
    heights = [QFontMetricsF(heading).height()]
    heights += [QFontMetricsF(subtitle).height()] * (len(placed.lines) - 1)
    top = rect.center().y() - sum(heights) / 2
    for index, (line, height) in enumerate(zip(placed.lines, heights, strict=True)):
        painter.setFont(heading if index == 0 else subtitle)
        painter.setPen(INK if index == 0 and not node.hidden else MUTED)
        # Centred, so right-to-left names (Arabic, Kurdish) sit as well as left-to-right ones.
        box = QRectF(rect.left(), top, rect.width(), height)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, line)
        top += height


# Each entry's sample: the line and shape of a node like this one (None: words only).
LEGEND_LINES: list[tuple[str, Node | None]] = [
    ("Family / household", Node(Category.FAMILY, 0, "", ())),
    ("Professional", Node(Category.PROFESSIONAL, 0, "", ())),
    *((LINK_LABELS[kind], Node(Category.YOUNG_PERSON, 0, "", (), kind)) for kind in LinkKind),
    ("Peer group", Node(Category.GROUP, 0, "", ())),
    ("Place", Node(Category.PLACE, 0, "", ())),
    ("Not on your caseload", Node(Category.YOUNG_PERSON, None, "", ())),
    ("PR: parental responsibility", None),
]


def _legend_grid(layout: Layout, base: QFont) -> tuple[float, int, int]:
    """Width of a legend item, items per row, and rows: as many to a row as fit."""
    metrics = QFontMetricsF(fonts(base)[1])
    item = max(metrics.horizontalAdvance(label) for label, _node in LEGEND_LINES) + 96
    per_row = max(1, int((layout.size.width() - 24) // item))
    return item, per_row, math.ceil(len(LEGEND_LINES) / per_row)


def _full_height(layout: Layout, base: QFont) -> float:
    return layout.legend_top + _legend_grid(layout, base)[2] * LEGEND_ROW + 12


def _paint_legend(painter: QPainter, layout: Layout, font: QFont, colours: PaintColours) -> None:
    item_width, per_row, _rows = _legend_grid(layout, font)
    painter.setPen(_pen(colours.grid, 1.0))
    painter.drawLine(QLineF(12, layout.legend_top, layout.size.width() - 12, layout.legend_top))
    painter.setFont(fonts(font)[1])
    for index, (label, node) in enumerate(LEGEND_LINES):
        row, column = divmod(index, per_row)
        x = 16 + column * item_width
        y = layout.legend_top + 8 + row * LEGEND_ROW
        mid = y + LEGEND_ROW / 2 - 2
        if node is not None:
            if not (node.category is Category.YOUNG_PERSON and node.link_kind is None):
                _paint_tie(painter, node, QPointF(x, mid), QPointF(x + 46, mid), colours)
            border, fill = COLOURS[node.category]
            style = Qt.PenStyle.DashLine if node.hidden else Qt.PenStyle.SolidLine
            painter.setPen(_pen(colours.graphic(border), 1.2, style))
            painter.setBrush(QColor(HIDDEN_FILL if node.hidden else fill))
            painter.drawPath(node_shape(node.category, QRectF(x + 48, mid - 7, 22, 14)))
        painter.setPen(colours.ink)
        indent = 76 if node is not None else 0
        text_box = QRectF(x + indent, y, item_width - indent - 4, LEGEND_ROW - 4)
        painter.drawText(text_box, Qt.AlignmentFlag.AlignVCenter, label)

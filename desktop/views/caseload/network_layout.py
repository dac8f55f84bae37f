"""Where each node of the network diagram goes (an ecomap on rings around the young person, each
kind of tie on its own side, no two labels overlapping), and the same network told as text."""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from desktop.models.choices import LinkKind
from desktop.services.network_service import HIDDEN_PERSON, Network

MARGIN = 24.0
NODE_PADDING = 10.0
NODE_MIN_WIDTH, NODE_MAX_WIDTH = 116.0, 200.0  # boxes, not counting a shape's pointed ends
GAP = 10.0  # the least space between two labels
CENTRE_RADIUS = 66.0
MIN_WIDTH = 560.0
EMPTY_NOTE = 44.0  # the height of the note under an empty network
EMPTY_TEXT = "No family, professionals, young people, groups or places are recorded yet."


class Category(enum.Enum):
    FAMILY = "Family and household"
    PROFESSIONAL = "Professionals"
    YOUNG_PERSON = "Linked young people"
    GROUP = "Groups"
    PLACE = "Places"


# Where each category sits, in degrees clockwise from three o'clock: family on the left,
# professionals on the right, groups and places above, other young people below. The order
# of this dict is the order of the categories round the circle, clockwise from the left.
ANCHORS: dict[Category, float] = {
    Category.FAMILY: 180.0,
    Category.GROUP: 240.0,
    Category.PLACE: 300.0,
    Category.PROFESSIONAL: 360.0,
    Category.YOUNG_PERSON: 450.0,
}


# The stored labels read "Victim perpetrator"; the picture says what the link means.
LINK_LABELS: dict[LinkKind, str] = {
    LinkKind.ASSOCIATE: "Associate",
    LinkKind.SIBLING: "Sibling",
    LinkKind.RIVAL: "Rival group",
    LinkKind.VICTIM_PERPETRATOR: "Victim / perpetrator",
}


@dataclass(frozen=True)
class Node:
    category: Category
    id: int | None  # None for a young person whose record is not open to the user
    title: str
    details: tuple[str, ...]  # a line each, under the title
    link_kind: LinkKind | None = None

    @property
    def hidden(self) -> bool:
        return self.category is Category.YOUNG_PERSON and self.id is None

    @property
    def spoken(self) -> str:
        """The node as a screen reader says it."""
        return ", ".join((self.title, *self.details))


@dataclass
class Placed:
    node: Node
    rect: QRectF
    lines: list[str]  # the title and details, shortened to fit


@dataclass
class Layout:
    size: QSizeF
    centre: QPointF
    centre_lines: list[tuple[str, bool]]  # each line, and whether it is part of the name
    nodes: list[Placed] = field(default_factory=list)
    legend_top: float = 0.0


def nodes_of(network: Network) -> list[Node]:
    """Every node, in the order they go round the circle."""
    found: list[Node] = []
    # Clockwise runs up the left side and leftwards along the bottom: those two lists go in
    # backwards so that each side still reads in order, top to bottom and left to right.
    for contact in reversed(network.family):
        flags = ["PR"] if contact.parental_responsibility else []
        flags += ["lives with"] if contact.lives_with else []
        details = _present(contact.relationship, " · ".join(flags))
        found.append(Node(Category.FAMILY, contact.id, contact.name, details))
    for group in network.groups:
        found.append(Node(Category.GROUP, group.id, group.name, ("Peer group",)))
    for place in network.places:
        found.append(Node(Category.PLACE, place.id, place.name, (place.kind.label,)))
    for contact in network.professionals:
        details = _present(contact.relationship, contact.agency)
        found.append(Node(Category.PROFESSIONAL, contact.id, contact.name, details))
    for link in reversed(network.young_people):
        kind = LINK_LABELS[link.kind]
        if link.visible:
            details = _present(kind, link.case_reference or "")
            node = Node(Category.YOUNG_PERSON, link.other_id, link.name, details, link.kind)
        else:
            node = Node(Category.YOUNG_PERSON, None, "Not on your caseload", (kind,), link.kind)
        found.append(node)
    return sorted(found, key=lambda node: list(ANCHORS).index(node.category))


def _present(*parts: str) -> tuple[str, ...]:
    return tuple(part for part in parts if part)


def describe(network: Network | None) -> str:
    """The whole picture as text: what a screen reader reads instead of looking."""
    if network is None:
        return "No young person is open."
    centre = network.centre
    known = f", known as {centre.known_as}" if centre.known_as else ""
    parts = [f"Network around {centre.name}{known}, {centre.case_reference}."]
    groups: list[tuple[str, list[str]]] = [
        ("Family and household", [_said(c.name, c.relationship) for c in network.family]),
        (
            "Professionals",
            [_said(c.name, c.relationship, c.agency) for c in network.professionals],
        ),
        (
            "Linked young people",
            [
                _said(link.name, link.case_reference or "", LINK_LABELS[link.kind].lower())
                if link.visible
                else _said(HIDDEN_PERSON, LINK_LABELS[link.kind].lower())
                for link in network.young_people
            ],
        ),
        ("Groups", [g.name for g in network.groups]),
        ("Places", [_said(p.name, p.kind.label.lower()) for p in network.places]),
    ]
    for heading, names in groups:
        if names:
            parts.append(f"{heading}: {'; '.join(names)}.")
    if network.size == 0:
        parts.append(EMPTY_TEXT)
    return " ".join(parts)


def _said(name: str, *details: str) -> str:
    extra = ", ".join(detail for detail in details if detail)
    return f"{name} ({extra})" if extra else name


def fonts(base: QFont) -> tuple[QFont, QFont]:
    """The bold title font and the smaller subtitle font, from the widget's own font."""
    title = QFont(base)
    title.setBold(True)
    subtitle = QFont(base)
    subtitle.setPointSizeF(max(base.pointSizeF() - 1.0, 7.0))
    return title, subtitle


def lay_out(network: Network, base: QFont) -> Layout:
    title_font, subtitle_font = fonts(base)
    titles, subtitles = QFontMetricsF(title_font), QFontMetricsF(subtitle_font)
    nodes = nodes_of(network)
    sizes = [_node_size(node, titles, subtitles) for node in nodes]
    angles = _spread(nodes)
    # Rings grow with the number of nodes, so a crowded network spreads out instead of piling up.
    rx, ry = 250.0 + 9.0 * len(nodes), 165.0 + 6.0 * len(nodes)
    rings = [0] * len(nodes)
    rects = [_placed(angles[i], 0, sizes[i], rx, ry) for i in range(len(nodes))]
    # Neighbours that touch take turns on an outer ring; anything still touching moves out.
    for i in range(1, len(nodes)):
        if rings[i - 1] == 0 and _touch(rects[i - 1], rects[i]):
            rings[i] = 1
            rects[i] = _placed(angles[i], 1, sizes[i], rx, ry)
    centre_box = QRectF(-CENTRE_RADIUS, -CENTRE_RADIUS, 2 * CENTRE_RADIUS, 2 * CENTRE_RADIUS)
    for _ in range(60):
        moved = False
        for i, rect in enumerate(rects):
            clash = _touch(rect, centre_box) or any(
                _touch(rect, other) for j, other in enumerate(rects) if j < i
            )
            if clash:
                rings[i] += 1
                rects[i] = _placed(angles[i], rings[i], sizes[i], rx, ry)
                moved = True
        if not moved:
            break

    # Never narrower than the legend wants, nor so small that an empty network looks lost;
    # with no one around them, room below the centre says so.
    bounds = centre_box.adjusted(-MIN_WIDTH / 2, 0, MIN_WIDTH / 2, 0 if nodes else EMPTY_NOTE)
    for rect in rects:
        bounds = bounds.united(rect)
    shift = QPointF(MARGIN - bounds.left(), MARGIN - bounds.top())
    layout = Layout(
        QSizeF(bounds.width() + 2 * MARGIN, bounds.height() + 2 * MARGIN),
        shift,
        _centre_lines(network, title_font),
        legend_top=bounds.height() + 2 * MARGIN,
    )
    elide = Qt.TextElideMode.ElideRight
    for node, rect, size in zip(nodes, rects, sizes, strict=True):
        room = text_room(node, size)
        lines = [titles.elidedText(node.title, elide, room)]
        lines += [subtitles.elidedText(line, elide, room) for line in node.details]
        layout.nodes.append(Placed(node, rect.translated(shift), lines))
    return layout


def _centre_lines(network: Network, font: QFont) -> list[tuple[str, bool]]:
    """The young person's name (on two lines if it needs them), known-as and reference."""
    metrics = QFontMetricsF(font)
    width = 2 * CENTRE_RADIUS - 18
    elide = Qt.TextElideMode.ElideRight
    centre = network.centre
    name = centre.name.split()
    split = len(name)
    # As many words on the first line as fit; the rest on a second line.
    while split > 1 and metrics.horizontalAdvance(" ".join(name[:split])) > width:
        split -= 1
    lines = [(metrics.elidedText(" ".join(name[:split]), elide, width), True)]
    if split < len(name):
        lines.append((metrics.elidedText(" ".join(name[split:]), elide, width), True))
    if centre.known_as:
        lines.append((metrics.elidedText(f"“{centre.known_as}”", elide, width), False))
    lines.append((centre.case_reference, False))
    return lines


def text_room(node: Node, size: QSizeF) -> float:
    """Width left for the text once the padding, and the pointed ends of a group's hexagon or
    the round ends of a young person's pill, are taken off."""
    rounded = node.category in (Category.GROUP, Category.YOUNG_PERSON)
    return size.width() - 2 * NODE_PADDING - (size.height() / 2 if rounded else 0.0)


def _node_size(node: Node, titles: QFontMetricsF, subtitles: QFontMetricsF) -> QSizeF:
    height = math.ceil(titles.height() + subtitles.height() * len(node.details) + NODE_PADDING)
    text = max(
        [titles.horizontalAdvance(node.title)]
        + [subtitles.horizontalAdvance(line) for line in node.details]
    )
    room = text_room(node, QSizeF(0, height))  # what the shape takes, as a negative number
    width = min(max(text - room, NODE_MIN_WIDTH), NODE_MAX_WIDTH - room - 2 * NODE_PADDING)
    return QSizeF(math.ceil(width) + 1, height)


def _spread(nodes: list[Node]) -> list[float]:
    """Angles near each category's anchor, pushed apart until neighbours are far enough."""
    count = len(nodes)
    if count == 0:
        return []
    step = 360.0 / max(count, 10)
    angles: list[float] = []
    for category, anchor in ANCHORS.items():
        members = sum(1 for node in nodes if node.category is category)
        angles += [anchor + (k - (members - 1) / 2) * step for k in range(members)]
    for _ in range(400):
        moved = False
        for i in range(count):
            before = angles[i - 1] - (360.0 if i == 0 else 0.0)  # wraps round the circle
            deficit = step - (angles[i] - before) - 1e-6
            if count > 1 and deficit > 0:
                angles[i] += deficit / 2
                angles[i - 1] -= deficit / 2
                moved = True
        if not moved:
            break
    return angles


def _placed(angle: float, ring: int, size: QSizeF, rx: float, ry: float) -> QRectF:
    """The node's box, centred on the ellipse (grown by ring) at this angle."""
    grow = ring * (size.height() + 2 * GAP)
    radians = math.radians(angle)
    x = (rx + grow * 1.6) * math.cos(radians)
    y = (ry + grow) * math.sin(radians)
    return QRectF(x - size.width() / 2, y - size.height() / 2, size.width(), size.height())


def _touch(a: QRectF, b: QRectF) -> bool:
    return a.adjusted(-GAP / 2, -GAP / 2, GAP / 2, GAP / 2).intersects(
        b.adjusted(-GAP / 2, -GAP / 2, GAP / 2, GAP / 2)
    )

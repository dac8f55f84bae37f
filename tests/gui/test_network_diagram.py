"""The ecomap widget: it draws every node of a Network where nothing overlaps, tells a screen
reader the same, copes with an empty network, and opens a linked record on double-click."""

from __future__ import annotations

import itertools
import math

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QAccessible, QColor, QFont, QImage
from pytestqt.qtbot import QtBot

from desktop.models.choices import LinkKind, PlaceKind
from desktop.services.network_service import (
    HIDDEN_PERSON,
    LinkRow,
    Network,
    NetworkContact,
    NetworkGroup,
    NetworkPerson,
    NetworkPlace,
)
from desktop.views.caseload.network_diagram import (
    CENTRE_FILL,
    COLOURS,
    NetworkDiagram,
    render_network,
)
from desktop.views.caseload.network_layout import CENTRE_RADIUS, Category, lay_out

CENTRE = NetworkPerson(1, "IGX-000123", "Karwan Ahmadi", "K-Dog")


def _network() -> Network:
    return Network(
        CENTRE,
        [
            NetworkContact(10, "سارا أحمدي", "Mother", "", True, True),
            NetworkContact(11, "Dilan Ahmadi", "Older brother", lives_with=True),
        ],
        [NetworkContact(20, "Jo Bright", "Social worker", "Children's social care")],
        [
            LinkRow(1, LinkKind.SIBLING, 6, "IGX-000046", "Sana Ahmadi", "", None),
            LinkRow(2, LinkKind.RIVAL, None, None, HIDDEN_PERSON, "", None),
            LinkRow(3, LinkKind.VICTIM_PERPETRATOR, 7, "IGX-000077", "Tyrese Campbell", "", None),
        ],
        [NetworkGroup(4, "Northside crew")],
        [NetworkPlace(5, "Ravens Park", PlaceKind.PARK)],
    )


def _large(size: int) -> Network:
    kinds, places = list(LinkKind), list(PlaceKind)
    share = size // 5
    family = [NetworkContact(i, f"Relative number {i}", "Aunt", "", True) for i in range(share)]
    workers = [NetworkContact(i, f"Worker {i}", "Youth worker", "YOS") for i in range(share)]
    young = [
        LinkRow(i, kinds[i % 4], i, f"IGX-{i:06d}", f"Young person {i}", "", None)
        for i in range(size - 4 * share)
    ]
    groups = [NetworkGroup(i, f"Group {i}") for i in range(share)]
    sites = [NetworkPlace(i, f"Place {i}", places[i % len(places)]) for i in range(share)]
    return Network(CENTRE, family, workers, young, groups, sites)


@pytest.fixture
def diagram(qtbot: QtBot) -> NetworkDiagram:
    widget = NetworkDiagram()
    qtbot.addWidget(widget)
    return widget


def _show(qtbot: QtBot, diagram: NetworkDiagram, network: Network | None) -> None:
    diagram.set_network(network)
    diagram.resize(diagram.sizeHint())
    diagram.show()
    qtbot.waitExposed(diagram)


def _on_screen(diagram: NetworkDiagram, point: QPointF) -> QPoint:
    return diagram._transform().map(point).toPoint()


def _no_overlaps(diagram: NetworkDiagram) -> None:
    """No two labels overlap, and none covers the young person's circle."""
    assert diagram.layout_ is not None
    middle = diagram.layout_.centre
    circle = QRectF(middle, middle).adjusted(
        -CENTRE_RADIUS, -CENTRE_RADIUS, CENTRE_RADIUS, CENTRE_RADIUS
    )
    placed = diagram.placed()
    for a, b in itertools.combinations(placed, 2):
        assert not a.rect.intersects(b.rect), (a.node.title, b.node.title)
    for node in placed:
        assert not node.rect.intersects(circle), node.node.title


def test_every_node_is_drawn_in_its_own_shape_and_colour(
    qtbot: QtBot, diagram: NetworkDiagram
) -> None:
    _show(qtbot, diagram, _network())
    placed = diagram.placed()
    assert {p.node.title for p in placed} == {
        "سارا أحمدي",
        "Dilan Ahmadi",
        "Jo Bright",
        "Sana Ahmadi",
        "Not on your caseload",
        "Tyrese Campbell",
        "Northside crew",
        "Ravens Park",
    }
    assert all(p.lines[0] == p.node.title for p in placed)  # nothing needed shortening
    _no_overlaps(diagram)
    assert diagram.layout_ is not None
    centre = diagram.layout_.centre

    image = diagram.grab().toImage()
    for p in placed:
        inside = _on_screen(diagram, QPointF(p.rect.center().x(), p.rect.top() + 3))
        fill = "#f7f7f7" if p.node.hidden else COLOURS[p.node.category][1]
        assert image.pixelColor(inside) == QColor(fill), p.node.title
    assert image.pixelColor(_on_screen(diagram, centre)) != image.pixelColor(QPoint(2, 2))


def test_the_description_names_every_node_for_a_screen_reader(
    qtbot: QtBot, diagram: NetworkDiagram
) -> None:
    _show(qtbot, diagram, _network())
    interface = QAccessible.queryAccessibleInterface(diagram)
    assert interface is not None
    assert interface.text(QAccessible.Text.Name) == "Network diagram for Karwan Ahmadi"
    text = interface.text(QAccessible.Text.Description)
    for expected in (
        "Karwan Ahmadi, known as K-Dog, IGX-000123",
        "Family and household: سارا أحمدي (Mother); Dilan Ahmadi (Older brother)",
        "Professionals: Jo Bright (Social worker, Children's social care)",
        "Sana Ahmadi (IGX-000046, sibling)",
        f"{HIDDEN_PERSON} (rival group)",
        "Tyrese Campbell (IGX-000077, victim / perpetrator)",
        "Groups: Northside crew",
        "Places: Ravens Park (park)",
    ):
        assert expected in text


def test_an_empty_network_and_no_network_draw_without_error(
    qtbot: QtBot, diagram: NetworkDiagram
) -> None:
    _show(qtbot, diagram, Network(CENTRE, [], [], [], [], []))
    assert diagram.placed() == []
    assert "No family, professionals" in diagram.accessibleDescription()
    assert not diagram.grab().isNull()
    empty = render_network(Network(CENTRE, [], [], [], [], []))
    assert empty.width() >= 500
    diagram.set_network(None)
    assert diagram.accessibleDescription() == "No young person is open."
    assert not diagram.grab().isNull()


@pytest.mark.parametrize("size", [1, 12, 25, 30])
def test_up_to_thirty_nodes_never_overlap(qtbot: QtBot, diagram: NetworkDiagram, size: int) -> None:
    _show(qtbot, diagram, _large(size))
    placed = diagram.placed()
    assert len(placed) == size
    _no_overlaps(diagram)
    # Each category keeps to its side of the young person.
    assert diagram.layout_ is not None
    centre = diagram.layout_.centre
    for p in placed:
        offset = p.rect.center() - centre
        if p.node.category is Category.FAMILY and size <= 25:
            assert offset.x() < 0
        if p.node.category is Category.PROFESSIONAL:
            assert offset.x() > 0


def test_double_clicking_a_linked_young_person_asks_to_open_their_record(
    qtbot: QtBot, diagram: NetworkDiagram
) -> None:
    _show(qtbot, diagram, _network())
    by_title = {p.node.title: p for p in diagram.placed()}
    sana = _on_screen(diagram, by_title["Sana Ahmadi"].rect.center())
    with qtbot.waitSignal(diagram.person_activated, timeout=1000) as opened:
        qtbot.mouseDClick(diagram, Qt.MouseButton.LeftButton, pos=sana)
    assert opened.args == [6]
    with qtbot.waitSignal(diagram.place_activated, timeout=1000) as place:
        park = _on_screen(diagram, by_title["Ravens Park"].rect.center())
        qtbot.mouseDClick(diagram, Qt.MouseButton.LeftButton, pos=park)
    assert place.args == [5]
    hidden = _on_screen(diagram, by_title["Not on your caseload"].rect.center())
    with qtbot.assertNotEmitted(diagram.person_activated):
        qtbot.mouseDClick(diagram, Qt.MouseButton.LeftButton, pos=hidden)


def test_render_network_gives_an_image_at_the_diagrams_natural_size(qtbot: QtBot) -> None:
    image = render_network(_network())
    layout = lay_out(_network(), QFont())
    assert image.format() == QImage.Format.Format_ARGB32_Premultiplied
    assert image.width() == math.ceil(layout.size.width())
    assert image.height() > layout.size.height()  # the legend goes underneath
    # Drawn, not blank: the navy circle beside its gold ring, and each node's fill.
    ring = layout.centre + QPointF(0, -CENTRE_RADIUS + 6)
    assert image.pixelColor(ring.toPoint()) == CENTRE_FILL
    for p in layout.nodes:
        inside = QPointF(p.rect.center().x(), p.rect.top() + 3).toPoint()
        assert image.pixelColor(inside) != image.pixelColor(QPoint(1, 1)), p.node.title

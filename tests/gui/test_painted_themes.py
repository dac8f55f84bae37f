"""Painted views draw in the look shown, series at 3:1 (WCAG 1.4.11); exports stay light.

Each view's ground is the palette's base, its ink reads on it, and every series hue is drawn
somewhere at 3:1 or more against that ground (sampled from the picture)."""

from __future__ import annotations

import struct
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtGui import QColor, QImage, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QListView, QTableView, QWidget
from pytestqt.qtbot import QtBot

from desktop.services.analysis_tables import FigureRow, FigureTable
from desktop.services.coaching_session_records import TimelineItem
from desktop.services.engagement_records import RatingSummary
from desktop.services.outcome_service import Trend, TrendPoint, TrendSeries, TrendSession
from desktop.services.score15 import Score15Result
from desktop.views.analysis.figure_chart import FigureChart, render_png
from desktop.views.analysis.ratio_bar import RATIO_ROLE, RatioBarDelegate
from desktop.views.caseload.network_diagram import NetworkDiagram, render_network
from desktop.views.coaching.goal_progress import GoalProgressDelegate
from desktop.views.coaching.timeline_tab import TimelineDelegate, TimelineModel
from desktop.views.common.rows_table_model import RowsTableModel
from desktop.views.common.theme import PALETTES, Theme, apply_theme, contrast_ratio
from desktop.views.community.ratings_chart import RatingsChart
from desktop.views.therapy.outcome_chart import OutcomeChart
from tests.gui.test_network_diagram import _network

OKABE_ITO_BLUE, OKABE_ITO_ORANGE, OKABE_ITO_GREEN = "#0072B2", "#E69F00", "#009E73"
VERMILION = "#D55E00"


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    apply_theme(qapp, Theme.LIGHT)  # the rest of the suite runs in the light look


def pixels(image: QImage) -> Counter[int]:
    """How many pixels of each colour, as 0xRRGGBB (read in bulk: one at a time is slow)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    data = bytes(rgb.constBits())
    return Counter(value & 0xFFFFFF for (value,) in struct.iter_unpack("<I", data))


def rgb(colour: QColor) -> int:
    return colour.rgb() & 0xFFFFFF


def hue_near(colour: QColor, hue: int) -> bool:
    if colour.hslSaturationF() < 0.3 or colour.hslHue() < 0:
        return False
    gap = abs(colour.hslHue() - hue)
    return min(gap, 360 - gap) <= 12


def check_follows_the_look(image: QImage, theme: Theme, hues: tuple[str, ...]) -> None:
    """The ground is the palette's base; text in the palette's ink is drawn on it; each series
    hue is drawn somewhere at 3:1 or more against the ground (sampled from the picture)."""
    ground = QColor(PALETTES[theme].surface)
    counts = pixels(image)
    colours = {value: QColor.fromRgb(value) for value in counts}
    assert image.pixelColor(2, 2) == ground
    assert counts.most_common(1)[0][0] == rgb(ground)
    assert counts[rgb(QColor(PALETTES[theme].ink))] >= 10, "no text in the palette's ink"
    strong = {v for v, colour in colours.items() if contrast_ratio(colour, ground) >= 3.0}
    # Whatever the picture draws (more than a sliver of pixels) reads at 3:1 or more.
    assert sum(counts[v] for v in strong) >= 150
    for wanted in hues:
        hue = QColor(wanted).hslHue()
        drawn = sum(counts[v] for v in strong if hue_near(colours[v], hue))
        assert drawn >= 12, f"{wanted} not drawn at 3:1 in {theme}"


def shown(qtbot: QtBot, widget: QWidget, width: int, height: int) -> QImage:
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget.grab().toImage()


STACKED = FigureTable(
    "referrals_by_month",
    "Referrals by source",
    "Source",
    ("Jan 2026", "Feb 2026", "Mar 2026"),
    (
        FigureRow("Police", (9, 12, 7)),
        FigureRow("School", (6, 8, 10)),
        FigureRow("Health", (5, 6, 3)),
    ),
)


def figure_chart() -> QWidget:
    return FigureChart(STACKED)


def network_diagram() -> QWidget:
    diagram = NetworkDiagram()
    diagram.set_network(_network())
    return diagram


def scores(total: float) -> Score15Result:
    return Score15Result(total, total, total, total, 15)


def outcome_chart() -> QWidget:
    sessions = [TrendSession(n, n, datetime(2026, 3, n, 10, tzinfo=UTC)) for n in (1, 2, 3)]
    mother = TrendSeries(None, "Mother", [TrendPoint(n, scores(4.0 - n / 2)) for n in (1, 2, 3)])
    son = TrendSeries(None, "Son", [TrendPoint(n, scores(3.5 - n / 3)) for n in (1, 2, 3)])
    family = TrendSeries(None, "Family", [TrendPoint(n, scores(3.7 - n / 2.5)) for n in (1, 2, 3)])
    chart = OutcomeChart()
    chart.set_trend(Trend(sessions, [mother, son], family))
    return chart


def ratings_chart() -> QWidget:
    chart = RatingsChart()
    chart.set_ratings(RatingSummary((1, 4, 6, 2, 0), (0, 1, 3, 6, 4)), "Training")
    return chart


def timeline() -> QWidget:
    view = QListView()
    model = TimelineModel()
    model.set_items(
        [
            TimelineItem(date(2026, 3, 2), "Session", "CV workshop", "Wrote a first CV", "session"),
            TimelineItem(date(2026, 2, 20), "Milestone", "First interview", "", "milestone"),
            TimelineItem(date(2026, 2, 1), "Goal", "Find an apprenticeship", "", "goal"),
        ]
    )
    view.setModel(model)
    view.setItemDelegate(TimelineDelegate(view))
    view.setProperty("keep", model)
    return view


def ratio_bars() -> QWidget:
    model = QStandardItemModel(3, 1)
    for row, (name, ratio) in enumerate((("A", 2.5), ("B", 0.4), ("C", 1.0))):
        item = QStandardItem()
        item.setData(ratio, RATIO_ROLE)
        item.setAccessibleText(name)
        model.setItem(row, 0, item)
    view = QTableView()
    view.setModel(model)
    view.setItemDelegate(RatioBarDelegate(view))
    view.setColumnWidth(0, 300)
    view.verticalHeader().setDefaultSectionSize(34)
    view.setShowGrid(False)
    return view


def goal_progress() -> QWidget:
    model: RowsTableModel[int] = RowsTableModel([("Progress", lambda row: f"{row}% done")])
    model.set_rows([100, 60])
    view = QTableView()
    view.setModel(model)
    view.setItemDelegate(GoalProgressDelegate(lambda row: int(str(row))))
    view.setColumnWidth(0, 220)
    view.setShowGrid(False)
    return view


# (maker, size, the series hues each must show at 3:1)
PAINTED: dict[str, tuple[Callable[[], QWidget], tuple[int, int], tuple[str, ...]]] = {
    "figure chart": (figure_chart, (560, 320), (OKABE_ITO_BLUE, OKABE_ITO_ORANGE)),
    "network diagram": (network_diagram, (900, 700), ("#2f7d4f", "#c53030")),
    "outcome chart": (outcome_chart, (640, 400), (OKABE_ITO_BLUE, VERMILION)),
    "ratings chart": (ratings_chart, (560, 280), (OKABE_ITO_BLUE, OKABE_ITO_ORANGE)),
    "coaching timeline": (timeline, (520, 260), ("#2c5282", "#2f855a", "#b7791f")),
    "ratio bars": (ratio_bars, (340, 140), ("#b7541a", "#2c5282")),
    "goal progress": (goal_progress, (260, 110), ("#2f855a",)),
}


@pytest.mark.parametrize("theme", list(Theme))
@pytest.mark.parametrize("name", list(PAINTED))
def test_a_painted_view_draws_in_the_look_shown(
    app: QApplication, qtbot: QtBot, theme: Theme, name: str
) -> None:
    apply_theme(app, theme)
    make, (width, height), hues = PAINTED[name]
    widget = make()
    if isinstance(widget, (QTableView, QListView)):
        widget.horizontalScrollBar().setEnabled(False)
        widget.setFrameShape(QTableView.Shape.NoFrame)
        if isinstance(widget, QTableView):
            widget.horizontalHeader().hide()
            widget.verticalHeader().hide()
    image = shown(qtbot, widget, width, height)
    if isinstance(widget, OutcomeChart):  # the chooser above the chart is an ordinary row
        image = widget.plot.grab().toImage()
    check_follows_the_look(image, theme, hues)


@pytest.mark.parametrize("name", ["figure chart", "network diagram", "ratings chart"])
def test_a_painted_view_repaints_when_the_look_changes(
    app: QApplication, qtbot: QtBot, name: str
) -> None:
    apply_theme(app, Theme.LIGHT)
    make, (width, height), hues = PAINTED[name]
    widget = make()
    check_follows_the_look(shown(qtbot, widget, width, height), Theme.LIGHT, hues)
    # Only the application's look changes, as the OS or View > High contrast would change it.
    apply_theme(app, Theme.DARK)
    qtbot.waitUntil(lambda: widget.grab().toImage().pixelColor(2, 2) != QColor("#ffffff"))
    check_follows_the_look(widget.grab().toImage(), Theme.DARK, hues)


def test_exported_pictures_stay_light_whatever_the_screen_shows(
    app: QApplication, qtbot: QtBot
) -> None:
    apply_theme(app, Theme.LIGHT)
    chart, network = render_png(STACKED, 560, 320), render_network(_network())
    for theme in (Theme.DARK, Theme.HIGH_CONTRAST):
        apply_theme(app, theme)
        assert render_png(STACKED, 560, 320) == chart  # a printed report is on white paper
        assert render_network(_network()) == network
    image = QImage.fromData(chart)
    check_follows_the_look(image, Theme.LIGHT, (OKABE_ITO_BLUE, OKABE_ITO_ORANGE))

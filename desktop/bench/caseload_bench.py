"""Times the caseload as a worker meets it, on an existing vault: the list's first page, a filter,
a quick search and a full-text search, through the services and through the real table view."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from desktop.models.choices import Rag
from desktop.services.bundle import Services
from desktop.services.people_service import CaseloadFilter

PAGE = 200


@dataclass(frozen=True)
class Timing:
    name: str
    median_ms: float


def _median_ms(work: Callable[[], object], repetitions: int) -> float:
    samples = []
    for _ in range(repetitions):
        started = time.perf_counter()
        work()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def time_caseload(services: Services, repetitions: int = 5) -> list[Timing]:
    people, chronology = services.people, services.chronology
    me = services.user.account_id
    red_mine = CaseloadFilter(rag=Rag.RED, key_worker_id=me)
    searches = {
        "service: count + first page": CaseloadFilter(),
        "service: filter RAG + key worker": red_mine,
        "service: quick search": CaseloadFilter(search="ah"),
    }

    def first_page(caseload_filter: CaseloadFilter) -> Callable[[], object]:
        return lambda: (people.count(caseload_filter), people.page(0, PAGE, caseload_filter))

    timings = [
        Timing(name, _median_ms(first_page(caseload_filter), repetitions))
        for name, caseload_filter in searches.items()
    ]
    timings.append(
        Timing(
            "service: full-text search (newest 50)",
            _median_ms(lambda: chronology.search("school", 0, 50), repetitions),
        )
    )
    timings.extend(_time_view(services, repetitions))
    return timings


def _time_view(services: Services, repetitions: int) -> list[Timing]:
    """The real caseload view: built and painted, then filtered and searched, painted again."""
    from PySide6.QtWidgets import QApplication

    from desktop.views.caseload.caseload_section import build_caseload_view

    app = QApplication.instance()
    assert app is not None, "the view timings need a QApplication"

    def open_view() -> None:
        view = build_caseload_view(services)
        view.resize(1200, 800)
        view.home.setCurrentWidget(view.list_page)
        view.grab()  # paints the first page of rows
        view.deleteLater()

    view = build_caseload_view(services)
    view.resize(1200, 800)
    view.home.setCurrentWidget(view.list_page)

    def apply(caseload_filter: CaseloadFilter) -> None:
        view.model.set_filter(caseload_filter)
        view.table.grab()

    def open_home() -> None:
        home = build_caseload_view(services)
        home.resize(1200, 800)
        home.show()  # the first home tab (My work) loads as it is shown
        home.grab()
        home.close()
        home.deleteLater()

    mine = CaseloadFilter(rag=Rag.RED, key_worker_id=services.user.account_id)
    timings = [
        Timing(
            "view: open the caseload on the list (build + first paint)",
            _median_ms(open_view, repetitions),
        ),
        Timing(
            "view: open the caseload on My work (build + load + paint)",
            _median_ms(open_home, repetitions),
        ),
        Timing(
            "view: filter RAG + key worker, repaint", _median_ms(lambda: apply(mine), repetitions)
        ),
        Timing(
            "view: quick search, repaint",
            _median_ms(lambda: apply(CaseloadFilter(search="ah")), repetitions),
        ),
    ]
    app.processEvents()
    return timings

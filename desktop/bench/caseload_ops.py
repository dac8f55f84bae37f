"""The caseload operations the benchmark times, on the real caseload view and its table model:
first page shown (cold and warm), scrolling to the end, a filter, a quick search, and the
full-text search over chronology text (newest first: a word, a prefix, one letter; and by
relevance)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.bench.timing import Samples, sample
from desktop.models.choices import Rag
from desktop.services.bundle import Services
from desktop.services.people_service import CaseloadFilter
from desktop.views.common.paged_table_model import PAGE_SIZE

if TYPE_CHECKING:
    from desktop.views.caseload.caseload_view import CaseloadView

QUICK_SEARCH = "ah"  # in many family and given names
COMMON_WORD = "school"  # in about one entry in four
WORD_PREFIX = "exploit"  # typed part-way: matched as a prefix, in about one entry in twelve
ONE_LETTER = "s"


def build_view(services: Services) -> CaseloadView:
    """The caseload as the main window builds it, showing its list page."""
    from desktop.views.caseload.caseload_section import build_caseload_view

    view = build_caseload_view(services)
    view.resize(1200, 800)
    view.home.setCurrentWidget(view.list_page)
    return view


def time_caseload(
    services: Services, view: CaseloadView, worker_id: int, repetitions: int
) -> dict[str, Samples]:
    engine = services.signed_in.vault.engine

    def show(caseload_filter: CaseloadFilter) -> None:
        view.model.set_filter(caseload_filter)  # count + first page
        view.table.grab()  # paints the rows on screen

    everyone = CaseloadFilter()
    results = {
        # After opening: a fresh connection, nothing in SQLCipher's page cache yet.
        "caseload_first_page_cold": sample(lambda: show(everyone), repetitions, engine.dispose),
        "caseload_first_page": sample(lambda: show(everyone), repetitions),
    }
    pages = Samples()

    def scroll_to_end() -> None:
        show(everyone)
        root = view.model.index(-1, -1)
        while view.model.canFetchMore(root):
            pages.add(lambda: view.model.fetchMore(root))
        view.table.scrollToBottom()
        view.table.grab()

    results["caseload_scroll_to_end"] = sample(scroll_to_end, repetitions)
    if not pages.ms:  # the whole caseload fitted on the first page: time fetching one page
        pages = sample(lambda: services.people.page(0, PAGE_SIZE, everyone), repetitions)
    results["caseload_scroll_page"] = pages
    mine = CaseloadFilter(rag=Rag.RED, key_worker_id=worker_id)
    results["caseload_filter_rag_worker"] = sample(lambda: show(mine), repetitions)
    typed = CaseloadFilter(search=QUICK_SEARCH)
    results["caseload_quick_search"] = sample(lambda: show(typed), repetitions)
    show(everyone)
    chronology = services.chronology
    results["fulltext_common_word"] = sample(
        lambda: chronology.search(COMMON_WORD, 0, 50), repetitions
    )
    results["fulltext_prefix"] = sample(lambda: chronology.search(WORD_PREFIX, 0, 50), repetitions)
    # The first letter typed: a prefix of a great many words.
    results["fulltext_one_letter"] = sample(
        lambda: chronology.search(ONE_LETTER, 0, 50), repetitions
    )
    results["fulltext_ranked"] = sample(
        lambda: chronology.search(COMMON_WORD, 0, 50, ranked=True), repetitions
    )
    return results

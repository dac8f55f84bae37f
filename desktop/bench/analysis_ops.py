"""The analyst's figures the benchmark times: the dashboard, disproportionality and outcomes
for the twelve months before the clock's day, each one transaction over the whole vault."""

from __future__ import annotations

from datetime import timedelta

from desktop.bench.timing import Samples, sample
from desktop.services.analysis_tables import AnalysisPeriod
from desktop.services.bundle import Services


def time_analysis(services: Services, repetitions: int) -> dict[str, Samples]:
    today = services.clock.now().astimezone().date()
    year = AnalysisPeriod(today - timedelta(days=364), today)
    return {
        "analysis_dashboard_year": sample(
            lambda: services.analysis_dashboard.figures(year), repetitions
        ),
        "analysis_disproportionality_year": sample(
            lambda: services.disproportionality.compare(year), repetitions
        ),
        "analysis_outcomes_year": sample(
            lambda: services.analysis_outcomes.outcomes(year), repetitions
        ),
    }

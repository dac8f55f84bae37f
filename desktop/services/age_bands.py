"""The age bands the unit reports by (10 to 25 in four bands), shared by the caseload filter,
the population table, the dashboard and the pseudonymised export so their figures line up."""

from __future__ import annotations

AGE_BANDS: tuple[tuple[int, int], ...] = ((10, 13), (14, 17), (18, 21), (22, 25))
YOUNGEST, OLDEST = AGE_BANDS[0][0], AGE_BANDS[-1][1]


def band_of(age: int | None) -> tuple[int, int] | None:
    """The band an age falls in, or None when unknown or outside 10-25."""
    if age is None:
        return None
    return next((band for band in AGE_BANDS if band[0] <= age <= band[1]), None)


def band_label(age: int | None, not_known: str = "Not known") -> str:
    """An age as its band's label ("14-17"), "Under 10", "26 and over" or not known."""
    if age is None:
        return not_known
    if age < YOUNGEST:
        return f"Under {YOUNGEST}"
    if age > OLDEST:
        return f"{OLDEST + 1} and over"
    band = band_of(age)
    assert band is not None  # every age from YOUNGEST to OLDEST is in a band
    return f"{band[0]}-{band[1]}"

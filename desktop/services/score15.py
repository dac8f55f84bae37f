"""SCORE-15 and Child SCORE-15: their definitions (read from a resource file) and scoring."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ITEM_COUNT = 15
LOWEST, HIGHEST = 1, 5
ADULT_VERSION = "SCORE-15"
CHILD_VERSION = "Child SCORE-15"
SUBSCALE_KEYS = ("strengths", "overwhelmed", "communication")
# What a chart or table can show: the total, then each subscale.
SCORE_KEYS = ("total", *SUBSCALE_KEYS)


class DefinitionError(ValueError):
    """The measures resource file is missing or does not say what scoring needs."""


@dataclass(frozen=True)
class Subscale:
    key: str
    name: str
    items: tuple[int, ...]  # item numbers, counted from 1


@dataclass(frozen=True)
class MeasureDefinition:
    """One version of the measure: its items, response labels and scoring rules."""

    version: str
    title: str
    min_age: int | None
    max_age: int | None
    # The wording of items 1-15, or empty when only item numbers can be shown.
    items: tuple[str, ...]
    wording_note: str
    response_labels: tuple[str, ...]  # for answers 1 to 5
    subscales: tuple[Subscale, ...]
    reversed_items: frozenset[int]
    min_answered_subscale: int
    min_answered_total: int

    def item_text(self, number: int) -> str:
        if self.items:
            return self.items[number - 1]
        return f"Item {number} (as on the paper form)"

    def label(self, key: str) -> str:
        if key == "total":
            return "Total"
        return next(s.name for s in self.subscales if s.key == key)

    def fits_age(self, age: int) -> bool:
        return (self.min_age is None or age >= self.min_age) and (
            self.max_age is None or age <= self.max_age
        )


@dataclass(frozen=True)
class Score15Result:
    """Mean scores from 1 to 5, higher meaning more difficulties; None where too many of the
    items behind a score were left blank."""

    strengths: float | None
    overwhelmed: float | None
    communication: float | None
    total: float | None
    answered: int

    def value(self, key: str) -> float | None:
        if key not in SCORE_KEYS:
            raise KeyError(key)
        result: float | None = getattr(self, key)
        return result


def load_definitions(path: Path) -> dict[str, MeasureDefinition]:
    """Every version in the resource file, by version name."""
    try:
        raw = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise DefinitionError(f"The measures file {path.name} cannot be read.") from error
    try:
        return _parse(raw)
    except (KeyError, TypeError, ValueError) as error:
        raise DefinitionError(f"The measures file {path.name} is not complete.") from error


def _parse(raw: Mapping[str, Any]) -> dict[str, MeasureDefinition]:
    labels = tuple(str(text) for text in raw["response_labels"])
    subscales = tuple(
        Subscale(str(s["key"]), str(s["name"]), tuple(int(n) for n in s["items"]))
        for s in raw["subscales"]
    )
    if len(labels) != HIGHEST - LOWEST + 1:
        raise ValueError("one label for each answer from 1 to 5")
    if tuple(s.key for s in subscales) != SUBSCALE_KEYS:
        raise ValueError("the three subscales, in order")
    numbers = sorted(n for s in subscales for n in s.items)
    if numbers != list(range(1, ITEM_COUNT + 1)):
        raise ValueError("every item in exactly one subscale")
    reversed_items = frozenset(int(n) for n in raw["reversed_items"])
    if not reversed_items <= set(numbers):
        raise ValueError("reversed items are item numbers")
    least = raw["min_answered"]
    definitions = {}
    for version, body in raw["versions"].items():
        items = tuple(str(text) for text in body["items"] or ())
        if items and len(items) != ITEM_COUNT:
            raise ValueError("fifteen items or none")
        definitions[version] = MeasureDefinition(
            version=version,
            title=str(body["title"]),
            min_age=body["min_age"],
            max_age=body["max_age"],
            items=items,
            wording_note=str(body.get("wording_note", "")),
            response_labels=labels,
            subscales=subscales,
            reversed_items=reversed_items,
            min_answered_subscale=int(least["subscale"]),
            min_answered_total=int(least["total"]),
        )
    if {ADULT_VERSION, CHILD_VERSION} - set(definitions):
        raise ValueError("both versions")
    return definitions


def item_problems(items: Sequence[int | None]) -> list[str]:
    """What is wrong with a set of answers, in words for the user (empty when none is)."""
    if len(items) != ITEM_COUNT:
        return [f"A SCORE-15 has {ITEM_COUNT} items; {len(items)} were given."]
    wrong = [
        str(number)
        for number, answer in enumerate(items, start=1)
        if answer is not None
        and (
            isinstance(answer, bool)
            or not isinstance(answer, int)
            or not LOWEST <= answer <= HIGHEST
        )
    ]
    if wrong:
        return [f"Each answer is from 1 to 5 or left blank (item {', '.join(wrong)})."]
    if all(answer is None for answer in items):
        return ["No item is answered."]
    return []


def scored(definition: MeasureDefinition, number: int, answer: int) -> int:
    """An answer turned the way scoring counts it: higher meaning more difficulties."""
    if number in definition.reversed_items:
        return LOWEST + HIGHEST - answer
    return answer


def score(definition: MeasureDefinition, items: Sequence[int | None]) -> Score15Result:
    """Scores one family member's answers (1-5 as ticked, None for a blank) by the version's
    rules: each score is the mean of its answered items once reversed, or None when fewer
    items than the rule asks for were answered."""
    problems = item_problems(items)
    if problems and problems != ["No item is answered."]:
        raise ValueError(problems[0])
    values = {
        number: scored(definition, number, answer)
        for number, answer in enumerate(items, start=1)
        if answer is not None
    }
    means = {
        subscale.key: _mean(
            [values[n] for n in subscale.items if n in values], definition.min_answered_subscale
        )
        for subscale in definition.subscales
    }
    return Score15Result(
        strengths=means["strengths"],
        overwhelmed=means["overwhelmed"],
        communication=means["communication"],
        total=_mean(list(values.values()), definition.min_answered_total),
        answered=len(values),
    )


def _mean(values: list[int], least: int) -> float | None:
    if len(values) < max(least, 1):
        return None
    return sum(values) / len(values)


def versions_for_age(definitions: Mapping[str, MeasureDefinition], age: int | None) -> list[str]:
    """The versions a person of this age completes: every version when the age is unknown."""
    if age is None:
        return list(definitions)
    return [name for name, definition in definitions.items() if definition.fits_age(age)]

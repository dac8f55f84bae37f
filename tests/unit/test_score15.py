"""SCORE-15 scoring against worked examples made by hand from the published rules (the subscales'
items, the ten reversed difficulty items, means from 1 to 5) and the missing-item rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.resources_path import resource
from desktop.services.score15 import (
    ADULT_VERSION,
    CHILD_VERSION,
    DefinitionError,
    MeasureDefinition,
    item_problems,
    load_definitions,
    score,
    versions_for_age,
)

MEASURES = resource("measures", "score15.json")

# A mixed worked example. Answers as ticked, 1 = "describes us very well".
MIXED = [2, 4, 3, 5, 2, 1, 4, 5, 3, 2, 4, 5, 4, 2, 3]
# By hand: the difficulty items (2, 4, 5, 7, 8, 9, 11, 12, 13, 14) become 6 - answer:
#   item:    1  2  3  4  5  6  7  8  9 10 11 12 13 14 15
#   scored:  2  2  3  1  4  1  2  1  3  2  2  1  2  4  3
# Strengths (1, 3, 6, 10, 15) = (2+3+1+2+3)/5 = 2.2
# Overwhelmed (5, 7, 9, 11, 14) = (4+2+3+2+4)/5 = 3.0
# Communication (2, 4, 8, 12, 13) = (2+1+1+1+2)/5 = 1.4
# Total = 33/15 = 2.2 (without the reversal it would be 49/15 = 3.27)


@pytest.fixture(scope="module")
def adult() -> MeasureDefinition:
    return load_definitions(MEASURES)[ADULT_VERSION]


@pytest.fixture(scope="module")
def child() -> MeasureDefinition:
    return load_definitions(MEASURES)[CHILD_VERSION]


def test_the_resource_file_holds_the_published_structure(adult: MeasureDefinition) -> None:
    assert {s.key: s.items for s in adult.subscales} == {
        "strengths": (1, 3, 6, 10, 15),
        "overwhelmed": (5, 7, 9, 11, 14),
        "communication": (2, 4, 8, 12, 13),
    }
    assert adult.reversed_items == {2, 4, 5, 7, 8, 9, 11, 12, 13, 14}
    assert adult.response_labels[0] == "Describes us: very well"
    assert adult.response_labels[4] == "Describes us: not at all"
    assert adult.item_text(1).startswith("In my family we talk to each other")
    assert adult.item_text(6) == "We trust each other"
    assert adult.label("total") == "Total"
    assert adult.label("overwhelmed") == "Overwhelmed by difficulties"


def test_all_ones_very_well_on_every_line(adult: MeasureDefinition) -> None:
    result = score(adult, [1] * 15)
    # Strengths as ticked (1); every difficulty item reversed to 5.
    assert result.strengths == 1.0
    assert result.overwhelmed == 5.0
    assert result.communication == 5.0
    assert result.total == pytest.approx(55 / 15)
    assert result.answered == 15


def test_all_fives_not_at_all_on_every_line(adult: MeasureDefinition) -> None:
    result = score(adult, [5] * 15)
    assert (result.strengths, result.overwhelmed, result.communication) == (5.0, 1.0, 1.0)
    assert result.total == pytest.approx(35 / 15)


def test_the_healthiest_and_the_most_troubled_answers_end_at_the_scale_ends(
    adult: MeasureDefinition,
) -> None:
    strengths = {1, 3, 6, 10, 15}
    best = [1 if n in strengths else 5 for n in range(1, 16)]
    worst = [5 if n in strengths else 1 for n in range(1, 16)]
    assert score(adult, best).value("total") == 1.0
    assert score(adult, worst).value("total") == 5.0
    assert {key: score(adult, worst).value(key) for key in ("strengths", "communication")} == {
        "strengths": 5.0,
        "communication": 5.0,
    }


def test_mixed_example_where_reversal_matters(adult: MeasureDefinition) -> None:
    result = score(adult, MIXED)
    assert result.strengths == pytest.approx(2.2)
    assert result.overwhelmed == pytest.approx(3.0)
    assert result.communication == pytest.approx(1.4)
    assert result.total == pytest.approx(2.2)


def test_one_blank_in_a_subscale_is_pro_rated(adult: MeasureDefinition) -> None:
    items: list[int | None] = list(MIXED)
    items[7 - 1] = None  # item 7 (overwhelmed; scored 2)
    result = score(adult, items)
    assert result.overwhelmed == pytest.approx((4 + 3 + 2 + 4) / 4)
    assert result.total == pytest.approx(31 / 14)
    assert result.strengths == pytest.approx(2.2)
    assert result.answered == 14


def test_two_blanks_in_a_subscale_leave_it_unscored_but_not_the_total(
    adult: MeasureDefinition,
) -> None:
    items: list[int | None] = list(MIXED)
    items[0] = items[2] = None  # items 1 and 3, both strengths (scored 2 and 3)
    result = score(adult, items)
    assert result.strengths is None
    assert result.overwhelmed == pytest.approx(3.0)
    assert result.total == pytest.approx(28 / 13)


def test_the_total_needs_twelve_answers(adult: MeasureDefinition) -> None:
    items: list[int | None] = list(MIXED)
    items[0] = items[1] = items[4] = None  # one blank in each subscale: all still scored
    assert score(adult, items).total == pytest.approx((33 - 2 - 2 - 4) / 12)
    items[5] = None  # a fourth blank
    result = score(adult, items)
    assert result.total is None
    assert result.answered == 11
    assert result.strengths is None  # items 1 and 6 both blank


def test_child_score_15_is_scored_the_same_way_with_numbered_items(
    child: MeasureDefinition,
) -> None:
    assert score(child, MIXED).total == pytest.approx(2.2)
    assert score(child, [3] * 15).communication == 3.0
    assert child.items == ()
    assert child.item_text(4) == "Item 4 (as on the paper form)"
    assert (child.min_age, child.max_age) == (8, 11)


def test_versions_by_age() -> None:
    definitions = load_definitions(MEASURES)
    assert versions_for_age(definitions, 7) == []
    assert versions_for_age(definitions, 8) == [CHILD_VERSION]
    assert versions_for_age(definitions, 11) == [CHILD_VERSION]
    assert versions_for_age(definitions, 12) == [ADULT_VERSION]
    assert versions_for_age(definitions, 45) == [ADULT_VERSION]
    assert set(versions_for_age(definitions, None)) == {ADULT_VERSION, CHILD_VERSION}


def test_answers_out_of_range_are_refused(adult: MeasureDefinition) -> None:
    assert item_problems([3] * 14) == ["A SCORE-15 has 15 items; 14 were given."]
    assert item_problems([3] * 13 + [6, 0]) == [
        "Each answer is from 1 to 5 or left blank (item 14, 15)."
    ]
    assert item_problems([None] * 15) == ["No item is answered."]
    assert item_problems([True] + [3] * 14) != []
    with pytest.raises(ValueError, match="from 1 to 5"):
        score(adult, [3] * 14 + [9])
    # Nothing answered scores as nothing, rather than as an error.
    assert score(adult, [None] * 15).total is None


def test_a_damaged_resource_file_is_reported(tmp_path: Path) -> None:
    raw = json.loads(MEASURES.read_text("utf-8"))
    raw["subscales"][0]["items"] = [1, 3, 6, 10]  # item 15 in no subscale
    broken = tmp_path / "score15.json"
    broken.write_text(json.dumps(raw), "utf-8")
    with pytest.raises(DefinitionError, match="not complete"):
        load_definitions(broken)
    with pytest.raises(DefinitionError, match="cannot be read"):
        load_definitions(tmp_path / "missing.json")

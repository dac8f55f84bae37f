"""The British spelling checker over the shipped word lists: what it accepts, what it underlines
(and exactly where), what it suggests first, and words taught or ignored."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from desktop.resources_path import resource
from desktop.services.spell_checker import (
    ADDITIONS_FILE,
    DICTIONARY_FOLDER,
    REMOVALS_FILE,
    UNIT_TERMS_FILE,
    BritishSpellChecker,
    read_word_list,
)


@pytest.fixture(scope="module")
def shipped() -> BritishSpellChecker:
    """One checker for the read-only tests (loading takes a few tenths of a second)."""
    return BritishSpellChecker(resource(DICTIONARY_FOLDER))


@pytest.fixture
def checker() -> BritishSpellChecker:
    """A fresh checker for tests that teach or ignore words."""
    return BritishSpellChecker(resource(DICTIONARY_FOLDER))


def flagged(checker: BritishSpellChecker, text: str) -> list[str]:
    return [text[start : start + length] for start, length in checker.misspelt_spans(text)]


BRITISH = (
    "colour organise behaviour behaviours programme centre licence practise defence travelling "
    "judgement safeguarding organisation recognise analyse favourite neighbour apologised "
    "paediatric manoeuvre cheque kerb aluminium jewellery counselling offence sceptical mould "
    "colour's"
)


def test_the_word_lists_ship_with_the_application() -> None:
    folder = resource(DICTIONARY_FOLDER)
    for name in (ADDITIONS_FILE, REMOVALS_FILE, UNIT_TERMS_FILE):
        words = read_word_list(folder / name)
        assert len(words) > 10, name
        assert not [word for word in words if word.startswith("#") or " " in word], name


@pytest.mark.parametrize("word", BRITISH.split())
def test_british_spellings_are_accepted(shipped: BritishSpellChecker, word: str) -> None:
    assert shipped.misspelt_spans(word) == []


@pytest.mark.parametrize(
    ("american", "british"),
    [
        ("color", "colour"),
        ("organize", "organise"),
        ("behavior", "behaviour"),
        ("behaviors", "behaviours"),
        ("center", "centre"),
        ("defense", "defence"),
        ("traveling", "travelling"),
        ("pediatric", "paediatric"),
    ],
)
def test_american_spellings_are_underlined_with_the_british_one_first(
    shipped: BritishSpellChecker, american: str, british: str
) -> None:
    assert shipped.misspelt_spans(american) == [(0, len(american))]
    assert shipped.suggestions(american)[0] == british


def test_misspellings_are_flagged_at_their_exact_spans(shipped: BritishSpellChecker) -> None:
    text = "His mum's view: teh visit was recieved well; nxt one in the centre."
    assert shipped.misspelt_spans(text) == [(16, 3), (30, 8), (45, 3)]
    assert flagged(shipped, text) == ["teh", "recieved", "nxt"]


def test_a_british_suggestion_comes_first_and_keeps_capitalisation(
    shipped: BritishSpellChecker,
) -> None:
    assert shipped.suggestions("colur")[0] == "colour"
    assert shipped.suggestions("Colur")[0] == "Colour"
    assert shipped.suggestions("safegaurding") == ["safeguarding"]
    assert shipped.suggestions("Recieved")[0] == "Received"
    assert len(shipped.suggestions("teh", limit=3)) == 3
    assert "teh" not in shipped.suggestions("teh")


def test_unit_terms_acronyms_numbers_and_addresses_are_not_flagged(
    shipped: BritishSpellChecker,
) -> None:
    text = (
        "CCE and CSE concerns; NRM referral; MACE panel; ASB team; NEET, now EET; RAG amber; "
        "Prevent; SCORE-15 done; DAP, SOAP or BIRP notes; de-escalation worked; county lines; "
        "Cce and nrm typed in a hurry; IGXU ride-out at 10pm on 3rd May, 07700 900123; "
        "email j.smith@exmaple.gov.uk or see www.exmaple.org/page; XYZQ is unknown but capitals."
    )
    assert flagged(shipped, text) == []


def test_hyphenated_words_are_checked_part_by_part(shipped: BritishSpellChecker) -> None:
    text = "well-being, self-harm, re-referral and co-worker, but over-protektive"
    assert flagged(shipped, text) == ["protektive"]
    # Each part's span is its own, not the whole hyphenated word's.
    start, length = shipped.misspelt_spans(text)[0]
    assert (start, length) == (text.index("protektive"), len("protektive"))


def test_words_outside_the_latin_alphabet_are_left_alone(shipped: BritishSpellChecker) -> None:
    text = "مرحبا Привет 你好 γεια and café, naïve, don't, it’s, O'Brien; teh 😀 teh"
    assert flagged(shipped, text) == ["teh", "teh"]
    # Python indices (the emoji counts as one character here; the highlighter converts).
    assert shipped.misspelt_spans(text)[1] == (text.rindex("teh"), 3)
    assert shipped.misspelt_spans("") == []


def test_personal_words_are_accepted_suggested_and_removable(checker: BritishSpellChecker) -> None:
    text = "Tariq met Hassanatu at Wexcombe"
    assert flagged(checker, text) == ["Tariq", "Hassanatu", "Wexcombe"]
    heard: list[str] = []

    class Listener:
        def changed(self) -> None:
            heard.append("changed")

    listener = Listener()
    checker.add_listener(listener.changed)
    checker.add_personal_words(["Tariq", "Wexcombe"])
    assert heard == ["changed"]
    assert flagged(checker, text) == ["Hassanatu"]
    assert flagged(checker, "tariq's file") == []  # any case, and the possessive
    assert checker.suggestions("Tarik")[0] == "Tariq"
    assert checker.suggestions("tarik")[0] == "Tariq"  # a name keeps its capital
    checker.remove_personal_words(["tariq"])
    assert flagged(checker, text) == ["Tariq", "Hassanatu"]
    # Removing a personal word never removes a real word it happened to match.
    checker.add_personal_words(["centre"])
    checker.remove_personal_words(["centre"])
    assert flagged(checker, "centre") == []
    del listener  # held weakly: a closed field is simply forgotten
    checker.add_personal_words(["Hassanatu"])
    assert heard == ["changed"] * 4


def test_set_personal_words_replaces_them(checker: BritishSpellChecker) -> None:
    checker.add_personal_words(["Tariq"])
    checker.set_personal_words(["Wexcombe"])
    assert checker.personal_words() == ["Wexcombe"]
    assert flagged(checker, "Tariq Wexcombe") == ["Tariq"]


def test_an_ignored_word_is_accepted_until_the_checker_goes(checker: BritishSpellChecker) -> None:
    assert flagged(checker, "Hassanatu") == ["Hassanatu"]
    checker.ignore("Hassanatu")
    assert flagged(checker, "Hassanatu hassanatu") == []
    assert BritishSpellChecker(resource(DICTIONARY_FOLDER)).misspelt_spans("Hassanatu") != []


def test_checking_a_paragraph_is_fast_enough_for_every_keystroke(
    shipped: BritishSpellChecker,
) -> None:
    paragraph = (
        "Met him at the youth centre after school. He said he had been approached by older "
        "boys offering money to carry packages and was worried about the consequences of saying "
        "no. We talked about safety planning, trusted adults and the NRM. Recieved consent to "
        "share with the school's DSL. Next visit booked for Thursday. "
    ) * 4
    shipped.misspelt_spans(paragraph)  # warms the per-word cache, as the first keystroke does
    began = time.perf_counter()
    for _ in range(100):
        spans = shipped.misspelt_spans(paragraph)
    per_check = (time.perf_counter() - began) / 100
    assert len(spans) == 4  # "Recieved" in each copy (DSL is in capitals)
    assert per_check < 0.005


def test_a_missing_word_list_fails_loudly(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        BritishSpellChecker(tmp_path)

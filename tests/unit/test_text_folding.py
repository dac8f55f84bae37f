"""Folding for search and the name sort key: harakat, alef forms, invisible direction marks,
case and accents never change a match or a name's place in the list."""

from __future__ import annotations

import pytest

from desktop.services.text_folding import fold, name_sort_key

MUHAMMAD = "محمد"


@pytest.mark.parametrize(
    "written",
    [
        "مُحَمَّد",  # with harakat and a shadda
        "\u200fمحمد\u200f",  # with right-to-left marks, as pasted from an email
        "\u2067محمد\u2069",  # in a right-to-left isolate
        "محـــمد",  # stretched with tatweel
        "ﻣﺤﻤﺪ",  # presentation forms, as some PDFs copy out
    ],
)
def test_ways_of_writing_muhammad_fold_alike(written: str) -> None:
    assert fold(written) == MUHAMMAD


@pytest.mark.parametrize("alef", ["أ", "إ", "آ", "ٱ", "ا"])
def test_every_alef_folds_to_the_bare_one(alef: str) -> None:
    assert fold(f"{alef}حمد") == "احمد"


def test_persian_and_kurdish_letter_forms_fold_to_the_arabic_ones() -> None:
    assert fold("کریمی") == fold("كريمي") == "كريمي"
    assert fold("فاطمة") == "فاطمه"  # ta marbuta written as ha


def test_latin_names_sort_as_a_reader_expects() -> None:
    names = ["Zed", "de Souza", "Davies", "Ölmez", "Oakes", "Søren", "Sorensen", "Łukasz", "Li"]
    assert sorted(names, key=name_sort_key) == [
        "Davies",
        "de Souza",  # lower case "de" among the Ds, not after Z
        "Li",
        "Łukasz",  # among the Ls, not after Z
        "Oakes",
        "Ölmez",  # the accent does not move it after Z
        "Søren",
        "Sorensen",
        "Zed",
    ]


def test_arabic_names_sort_by_the_arabic_alphabet_after_the_latin_ones() -> None:
    names = ["محمد", "Zed", "أحمد", "ابراهيم", "بكر", "پرویز", "فارس", "ڤین", "قاسم", "Adam"]
    assert sorted(names, key=name_sort_key) == [
        "Adam",
        "Zed",
        "ابراهيم",  # ا then ب ...
        "أحمد",  # ... before ا then ح: the hamza on the alef does not put it first
        "بكر",
        "پرویز",  # Persian پ straight after ب, not after ي
        "فارس",
        "ڤین",  # Kurdish ڤ straight after ف
        "قاسم",
        "محمد",
    ]


def test_sort_key_ignores_harakat_case_and_extra_spaces() -> None:
    assert name_sort_key("مُحَمَّد") == name_sort_key(MUHAMMAD)
    assert name_sort_key("  DE   souza ") == name_sort_key("de Souza")
    # A shorter name that is the start of a longer one comes first.
    assert name_sort_key("Li") < name_sort_key("Li Wei") < name_sort_key("Lim")

"""Passphrase rules (length, Unicode, confirmation) and the strength estimate."""

from __future__ import annotations

import unicodedata

import pytest

from desktop.vault import passphrase_policy
from desktop.vault.passphrase_policy import MIN_LENGTH, problems, strength


def test_twelve_characters_is_enough_and_eleven_is_not() -> None:
    assert MIN_LENGTH == 12
    assert problems("a" * 12) == []
    assert problems("a" * 11) == ["The passphrase must be at least 12 characters long."]


def test_length_counts_characters_not_bytes_or_combining_marks() -> None:
    # Twelve accented letters typed decomposed are 24 code points but 12 characters.
    assert problems(unicodedata.normalize("NFD", "é" * 12)) == []
    assert problems(unicodedata.normalize("NFD", "é" * 11)) != []
    # Twelve characters outside the Basic Multilingual Plane are allowed (any Unicode).
    assert problems("🔐" * 12) == []


def test_only_spaces_is_refused() -> None:
    assert problems(" " * 20) == ["The passphrase cannot be only spaces."]


def test_no_upper_limit() -> None:
    assert problems("long passphrase " * 200) == []


def test_confirmation_must_match_after_normalisation() -> None:
    typed = "naïve café au lait"
    assert problems(typed, typed) == []
    assert problems(typed, unicodedata.normalize("NFD", typed)) == []
    assert problems(typed, typed + " ") == ["The two passphrases do not match."]


def test_short_and_mismatched_reports_both() -> None:
    assert len(problems("short", "other")) == 2


@pytest.mark.parametrize("weak", ["password1234", "qwertyuiopasdf", "aaaaaaaaaaaaaaaa"])
def test_common_passphrases_score_weak_with_advice(weak: str) -> None:
    verdict = strength(weak)
    assert verdict.score <= 1
    assert verdict.label in ("Very weak", "Weak")
    assert verdict.advice


def test_unrelated_words_score_strong() -> None:
    verdict = strength("glacier tangerine wobble kettle 93")
    assert verdict.score >= 3
    assert verdict.label in ("Strong", "Very strong")


def test_short_passphrase_is_capped_at_weak_however_random() -> None:
    assert strength("Xq#9v!Lp2").score <= 1


def test_empty_passphrase_gives_advice_and_no_label() -> None:
    verdict = strength("")
    assert verdict.score == 0
    assert verdict.label == ""
    assert "words" in verdict.advice


def test_user_inputs_weaken_the_score() -> None:
    """The user's own name in the passphrase counts for less."""
    base = "kwabena asante-mensah"
    assert strength(base, ("kwabena", "asante-mensah")).score < strength(base).score


@pytest.mark.parametrize("length", [72, 73, 100, 5000])
def test_very_long_passphrases_are_estimated(length: int) -> None:
    """zxcvbn refuses more than 72 characters; the policy allows any length."""
    passphrase = ("river lantern orbit quilt " * 300)[:length]
    verdict = strength(passphrase)
    assert 0 <= verdict.score <= 4
    assert passphrase_policy.ESTIMATE_PREFIX <= 72
